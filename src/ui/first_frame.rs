//! For the benchmark only (`cargo run --release --example bench`): with the environment
//! variable `BINETTE_BENCH_FIRST_FRAME` set, Binette prints `first-frame <peak KiB>` on its
//! standard output at the first frame drawn with a garden open, then exits. The benchmark
//! times the process from its start to that line. Without the variable nothing changes.

use std::sync::atomic::{AtomicBool, Ordering};

use iced::Subscription;

use super::shell::{App, Message};

/// The environment variable that turns the hook on.
pub const VARIABLE: &str = "BINETTE_BENCH_FIRST_FRAME";

/// Set once a view with a garden open has been built.
static GARDEN_SHOWN: AtomicBool = AtomicBool::new(false);

/// Whether the hook is on.
fn enabled() -> bool {
    std::env::var_os(VARIABLE).is_some()
}

/// Notes that `app`'s next frame shows an open garden.
pub fn viewed(app: &App) {
    if app.section().is_some() {
        GARDEN_SHOWN.store(true, Ordering::Relaxed);
    }
}

/// The frames, when the hook is on: the first one after a garden is shown ends the process.
pub fn subscription() -> Subscription<Message> {
    if enabled() {
        iced::window::frames().map(on_frame)
    } else {
        Subscription::none()
    }
}

/// A frame is being drawn: the view built before it showed the garden, so report and leave.
/// Answers the clock's reading, which changes nothing on the same day.
fn on_frame(_at: iced::time::Instant) -> Message {
    if GARDEN_SHOWN.load(Ordering::Relaxed) {
        println!("first-frame {}", peak_kib());
        std::process::exit(0);
    }
    Message::Clock(chrono::Local::now().date_naive())
}

/// The process's peak resident memory in KiB (Linux; 0 elsewhere); the benchmark's jobs
/// report theirs with it too.
pub fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
