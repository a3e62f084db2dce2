//! Binette's benchmark table (issue 21): on the usual demo garden and on a garden that has
//! lived ten seasons, the cold start to the first frame, each screen's first display, a
//! keystroke in the big lists' search boxes, the year's report, the weekly print set per
//! 1,000 members, and the peak memory of each job, against the targets.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench
//! cargo run --release --example bench -- --years 10 --scale 1   # one garden only
//! ```
//!
//! The gardens are made once (`binette demo`) in the temporary folder and reused. The cold
//! start needs a display: the one in `DISPLAY`, else an `Xvfb :77` the bench starts itself
//! when Xvfb is installed (else the line is left out).

mod drive;
mod frame;
mod jobs;
mod screens;
mod start;
mod table;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use table::{Column, Measured};

/// A garden to measure: its name in the table and its size.
struct GardenSize {
    label: String,
    scale: u32,
    years: u32,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let (Some(job), Some(db)) = (value("--job"), value("--db")) {
        return jobs::run(&job, Path::new(&db));
    }
    let gardens = match (value("--scale"), value("--years")) {
        (None, None) => vec![
            GardenSize {
                label: "démo ×1".into(),
                scale: 1,
                years: 1,
            },
            GardenSize {
                label: "dix ans".into(),
                scale: 1,
                years: 10,
            },
        ],
        (scale, years) => {
            let scale = scale.map_or(Ok(1), |s| s.parse())?;
            let years = years.map_or(Ok(1), |s| s.parse())?;
            vec![GardenSize {
                label: format!("×{scale}, {years} an(s)"),
                scale,
                years,
            }]
        }
    };
    let mut columns = Vec::new();
    for garden in &gardens {
        columns.push(measure(garden)?);
    }
    print!("{}", table::render(&columns));
    Ok(())
}

/// Processes run per job: each figure is the median of these runs (a 2-core machine shared
/// with other work varies by tens of milliseconds from one run to the next).
const JOB_RUNS: usize = 3;

/// Every figure of one garden.
fn measure(garden: &GardenSize) -> Result<Column, Box<dyn std::error::Error>> {
    let (db, made) = prepare(garden)?;
    eprintln!("{} : {}", garden.label, db.display());
    let mut column = Column::new(&garden.label);
    column.extend(made.into_iter().collect());
    column.extend(start::first_frame(&db)?);
    for job in ["screens", "report", "sheets"] {
        eprintln!("  {job}…");
        let runs = (0..JOB_RUNS)
            .map(|_| child_job(job, &db))
            .collect::<Result<Vec<_>, _>>()?;
        column.extend(table::median_of_runs(runs));
    }
    Ok(column)
}

/// The garden's file, made by `binette demo` when missing (then also its making time).
fn prepare(garden: &GardenSize) -> Result<(PathBuf, Option<Measured>), Box<dyn std::error::Error>> {
    let today = chrono::Local::now().date_naive();
    let dir = std::env::temp_dir().join("binette-bench");
    std::fs::create_dir_all(&dir)?;
    let db = dir.join(format!(
        "demo-x{}-{}ans-{today}.sqlite3",
        garden.scale, garden.years
    ));
    if db.exists() {
        return Ok((db, None));
    }
    let start = Instant::now();
    let status = Command::new(start::binette()?)
        .args(["demo", "--scale", &garden.scale.to_string()])
        .args(["--years", &garden.years.to_string(), "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .status()?;
    if !status.success() {
        return Err("binette demo failed".into());
    }
    let made = Measured::time("demo", start.elapsed());
    Ok((db, Some(made)))
}

/// Runs `bench --job NAME` in a process of its own and reads its figures back.
fn child_job(name: &str, db: &Path) -> Result<Vec<Measured>, Box<dyn std::error::Error>> {
    let output = Command::new(std::env::current_exe()?)
        .args(["--job", name, "--db"])
        .arg(db)
        .output()?;
    if !output.status.success() {
        return Err(format!("job {name}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(table::parse_job(
        name,
        &String::from_utf8_lossy(&output.stdout),
    ))
}
