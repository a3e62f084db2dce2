//! Benchmark (not a test): the Paiements screen driven as the window drives it on a big
//! garden: its first display, then each tab the first time it is shown (its list read and
//! one frame drawn), every year's payments, and a keystroke in the payments' search.
//!
//! `cargo run --release --example bench_payments_tabs -- --db FILE`

#[path = "bench/drive.rs"]
mod drive;
#[path = "bench/frame.rs"]
mod frame;

use std::path::Path;
use std::time::{Duration, Instant};

use binette::app::Garden;
use binette::ui::payments::{Message, Period, Screen, Tab};
use binette::ui::screen::Context;

use drive::{run, settle};
use frame::Frames;

/// Applies `message` (and what follows from it) and draws a frame: how long it took.
fn step(frames: &mut Frames, screen: &mut Screen, context: &Context, message: Message) -> Duration {
    let start = Instant::now();
    settle(screen, context, vec![message]);
    let published = frames.draw(screen.view());
    let time = start.elapsed();
    settle(screen, context, published);
    time
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let db = (args.iter().position(|a| a == "--db"))
        .and_then(|i| args.get(i + 1))
        .ok_or("--db FILE")?;
    let garden = Garden::new(binette::store::open(Path::new(db))?, db.into());
    let context = Context::new(garden, chrono::Local::now().date_naive());
    let mut frames = Frames::new();
    // A first frame warms the renderer's caches (fonts), as in the window; not counted.
    let (screen, task) = Screen::new(&context);
    let mut warm = screen;
    settle(&mut warm, &context, run(task));
    frames.draw(warm.view());

    let start = Instant::now();
    let (mut screen, task) = Screen::new(&context);
    settle(&mut screen, &context, run(task));
    let published = frames.draw(screen.view());
    println!("{:<40} {:>10.1?}", "premier affichage", start.elapsed());
    settle(&mut screen, &context, published);

    let steps = [
        ("onglet Bordereaux", Message::TabChosen(Tab::Slips)),
        (
            "onglet Paiements (l'année)",
            Message::TabChosen(Tab::Payments),
        ),
        ("une lettre cherchée (m)", Message::Search("m".into())),
        ("une lettre de plus (ma)", Message::Search("ma".into())),
        ("recherche effacée", Message::Search(String::new())),
        ("toutes les années", Message::PeriodChosen(Period::All)),
        (
            "une lettre cherchée (m), toutes années",
            Message::Search("m".into()),
        ),
    ];
    for (what, message) in steps {
        let time = step(&mut frames, &mut screen, &context, message);
        let rows = screen.shown_payments().len();
        println!("{what:<40} {time:>10.1?}  ({rows} paiements montrés)");
    }
    Ok(())
}
