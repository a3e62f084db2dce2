//! The jobs measured in a process of their own, so that each one's peak memory is its own:
//! `bench --job NAME --db FILE` prints `figure <name> <microseconds>` lines, then
//! `peak <KiB>`.

use std::path::Path;
use std::time::{Duration, Instant};

use binette::app::week::Deliveries;
use binette::app::{self, Garden};
use binette::domain::activity::SectionChoice;
use chrono::{Datelike, Local, NaiveDate};

use crate::screens;

/// Runs the job `name` on the garden in `db` and prints its figures.
pub fn run(name: &str, db: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let today = Local::now().date_naive();
    let figures = match name {
        "screens" => screens::all(&open(db)?, today),
        "report" => vec![("report".to_string(), year_report(&open(db)?, today)?)],
        "sheets" => sheets(&open(db)?, today)?,
        other => return Err(format!("unknown job {other}").into()),
    };
    for (what, time) in figures {
        println!("figure {what} {}", time.as_micros());
    }
    println!("peak {}", binette::ui::first_frame::peak_kib());
    Ok(())
}

/// The garden in `db`, opened as the window opens it (without the daily backup).
fn open(db: &Path) -> Result<Garden, Box<dyn std::error::Error>> {
    let conn = binette::store::open(db)?;
    Ok(Garden::new(conn, db.to_path_buf()))
}

/// The activity report of last calendar year, read and rendered to PDF bytes.
fn year_report(garden: &Garden, today: NaiveDate) -> Result<Duration, Box<dyn std::error::Error>> {
    let year = today.year() - 1;
    let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or("date")?;
    let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or("date")?;
    let start = Instant::now();
    let now = Local::now().naive_local();
    let document = app::reports::document(garden, from, to, SectionChoice::ALL, now)?;
    let pdf = app::reports::render(&document)?;
    std::hint::black_box(pdf);
    Ok(start.elapsed())
}

/// The whole print set of the next deliveries, written to a temporary folder: the time per
/// 1,000 members on the sheets, and the number of members.
fn sheets(
    garden: &Garden,
    today: NaiveDate,
) -> Result<Vec<screens::Figure>, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("binette-bench-sheets-{}", std::process::id()));
    let start = Instant::now();
    let now = Local::now().naive_local();
    let written = app::week::write_sheets(garden, Deliveries::Next(today), &dir, now, false)?;
    let elapsed = start.elapsed();
    let set = app::week::print_set(garden, Deliveries::Next(today))?;
    let members: usize = set
        .iter()
        .flat_map(|s| &s.depots)
        .map(|d| d.rows.len())
        .sum();
    let _ = std::fs::remove_dir_all(&dir);
    std::hint::black_box(written);
    let per_thousand = elapsed.mul_f64(1000.0 / members.max(1) as f64);
    Ok(vec![
        ("sheets-per-1000".to_string(), per_thousand),
        // Not a time: the number of members, carried as microseconds.
        (
            "sheets-members".to_string(),
            Duration::from_micros(members as u64),
        ),
    ])
}
