//! The cold start: Binette's own program started on the garden, timed from the process's
//! start to its first frame with the garden shown (the `BINETTE_BENCH_FIRST_FRAME` hook of
//! `ui::first_frame`), in a real window on the display.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::table::Measured;

/// Measured starts (after one start not counted, which makes the day's backup).
const RUNS: usize = 3;

/// Binette's program, built beside this example (`cargo build --release`).
pub fn binette() -> Result<PathBuf, Box<dyn std::error::Error>> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("no target folder")?;
    let program = dir.join(format!("binette{}", std::env::consts::EXE_SUFFIX));
    if program.exists() {
        Ok(program)
    } else {
        Err(format!(
            "{} is missing: run `cargo build --release` first",
            program.display()
        )
        .into())
    }
}

/// The median cold start and its peak memory; nothing when no display can be had.
pub fn first_frame(db: &Path) -> Result<Vec<Measured>, Box<dyn std::error::Error>> {
    let Some(display) = Display::find()? else {
        eprintln!("  (pas d'écran ni de Xvfb : démarrage non mesuré)");
        return Ok(Vec::new());
    };
    let data = std::env::temp_dir().join("binette-bench").join("data");
    let mut runs = Vec::new();
    for run in 0..=RUNS {
        let (time, peak) = one_start(db, &display.name, &data)?;
        if run > 0 {
            runs.push((time, peak));
        }
    }
    runs.sort();
    let (time, peak) = runs[runs.len() / 2];
    Ok(vec![
        Measured::time("start", time),
        Measured::peak("start", peak as f64),
    ])
}

/// One start: the time to the hook's line, and the peak memory it reported.
fn one_start(
    db: &Path,
    display: &str,
    data: &Path,
) -> Result<(Duration, u64), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut child = Command::new(binette()?)
        .arg("--db")
        .arg(db)
        .env("DISPLAY", display)
        .env("XDG_DATA_HOME", data)
        .env(binette::ui::first_frame::VARIABLE, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no output")?;
    let line = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|line| line.starts_with("first-frame"));
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    let line = line.ok_or("Binette ended without drawing a frame")?;
    let peak = line
        .split_whitespace()
        .nth(1)
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0);
    Ok((elapsed, peak))
}

/// The display to start Binette on: `DISPLAY`, or an Xvfb of our own, stopped when dropped.
struct Display {
    name: String,
    own: Option<Child>,
}

impl Display {
    fn find() -> Result<Option<Display>, Box<dyn std::error::Error>> {
        if let Ok(name) = std::env::var("DISPLAY") {
            return Ok(Some(Display { name, own: None }));
        }
        let name = ":77".to_string();
        let Ok(child) = Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", "1366x768x24"])
            .stderr(Stdio::null())
            .spawn()
        else {
            return Ok(None);
        };
        std::thread::sleep(Duration::from_millis(800));
        Ok(Some(Display {
            name,
            own: Some(child),
        }))
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.own {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
