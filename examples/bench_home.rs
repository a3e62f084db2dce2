//! Benchmark (not a test): open the ten-times demo garden and compute Accueil's figures.
//!
//! `cargo run --release --example bench_home [-- SCALE]`

use std::time::{Duration, Instant};

use binette::store::{self, dashboard, demo};
use chrono::Local;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scale: u32 = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("binette-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("demo.sqlite3");
    let today = Local::now().date_naive();

    let start = Instant::now();
    {
        let conn = store::open(&path)?;
        demo::create_demo(&conn, scale, today)?;
    }
    println!(
        "demo ×{scale} created in {:?} ({} KiB)",
        start.elapsed(),
        std::fs::metadata(&path)?.len() / 1024
    );

    let mut opens = Vec::new();
    let mut figures = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let conn = store::open(&path)?;
        opens.push(start.elapsed());
        let start = Instant::now();
        let d = dashboard::dashboard(&conn, today)?;
        figures.push(start.elapsed());
        std::hint::black_box(d);
    }
    let open = median(opens);
    let home = median(figures);
    println!("open (checks + quick_check): median {open:?}");
    println!("Accueil figures:             median {home:?}");
    println!(
        "open + Accueil:              {:?} (target < 100 ms)",
        open + home
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
