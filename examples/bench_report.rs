//! Timings of the activity report on the ten-times demo: each section's figures, the layout,
//! the CSV export; the PDF is written to /tmp/bench_activity_report.pdf.
//! `cargo run --release --example bench_report`

use std::time::Instant;

use binette::domain::activity::SectionChoice;
use binette::report::activity::{self, csv::csv_files};
use binette::store::{self, activity as figures};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).ok_or("date")?;
    let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?;
    let created = today.and_hms_opt(12, 0, 0).ok_or("heure")?;
    let conn = store::open_in_memory()?;
    let t = Instant::now();
    store::demo::create_demo(&conn, 10, today)?;
    println!("démo ×10 : {:?}", t.elapsed());

    let t = Instant::now();
    let period = binette::domain::activity::ReportPeriod { from, to, today };
    let insertion = figures::insertion_figures(&conn, &period)?;
    println!(
        "insertion : {:?} ({} personnes suivies)",
        t.elapsed(),
        insertion.people_followed
    );
    let t = Instant::now();
    let production = figures::production_figures(&conn, from, to)?;
    println!(
        "production : {:?} ({:.0} kg)",
        t.elapsed(),
        production.total_kg()
    );
    let t = Instant::now();
    let baskets = figures::basket_figures(&conn, from, to)?;
    println!(
        "paniers : {:?} ({} paniers, {} financeurs)",
        t.elapsed(),
        baskets.total(),
        baskets.funders.len()
    );
    let t = Instant::now();
    let workshops = figures::workshop_figures(&conn, from, to)?;
    println!(
        "ateliers : {:?} ({} séances)",
        t.elapsed(),
        workshops.total.sessions
    );

    let total = Instant::now();
    let garden = binette::app::Garden::new(conn, "bench.sqlite3".into());
    let data = binette::app::reports::document(&garden, from, to, SectionChoice::ALL, created)?;
    let loaded = total.elapsed();
    let t = Instant::now();
    let bytes = activity::render(&data)?;
    let laid_out = t.elapsed();
    std::fs::write("/tmp/bench_activity_report.pdf", &bytes)?;
    println!(
        "bilan complet de l'année : chiffres {loaded:?}, mise en page {laid_out:?}, total {:?}",
        total.elapsed()
    );
    let pages = lopdf::Document::load_mem(&bytes)?.get_pages().len();
    println!("PDF : {} Ko, {pages} pages", bytes.len() / 1024);
    let t = Instant::now();
    let files = csv_files(&data.figures);
    let size: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "CSV : {:?} ({} fichiers, {size} octets)",
        t.elapsed(),
        files.len()
    );
    Ok(())
}
