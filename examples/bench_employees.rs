//! Benchmark (not a test): the Salariés list on the ten-times demo (~250 people), then on
//! 2,000 people: loading the rows with their alerts, and the time per keystroke of the
//! search as you type (filter + sort), which should stay well under 16 ms.
//!
//! `cargo run --release --example bench_employees`

use std::time::{Duration, Instant};

use binette::domain::employees::{
    Contract, Employee, Gender, SortColumn, StatusFilter, visible_rows,
};
use binette::store::{self, demo, employees};
use chrono::{Local, NaiveDate};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn keystrokes(conn: &store::Connection, today: NaiveDate) -> Result<(), store::StoreError> {
    let mut loads = Vec::new();
    let mut rows = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        rows = employees::list_employee_rows(conn, today)?;
        loads.push(start.elapsed());
    }
    println!(
        "  {} people, {} with an alert: rows + alerts loaded in {:?} (median of 5)",
        rows.len(),
        rows.iter().filter(|r| !r.alerts.is_empty()).count(),
        median(loads)
    );
    let alerts_start = Instant::now();
    let alerts = employees::employee_alerts(conn, today)?;
    println!(
        "  employee_alerts (Accueil): {} alerts in {:?}",
        alerts.len(),
        alerts_start.elapsed()
    );
    let name = rows
        .iter()
        .map(|r| format!("{} {}", r.last_name, r.first_name))
        .max_by_key(String::len)
        .unwrap_or_default();
    for (filter, column) in [
        (StatusFilter::InPath, SortColumn::LastName),
        (StatusFilter::All, SortColumn::PlannedEnd),
    ] {
        let mut worst = Duration::ZERO;
        let mut samples = Vec::new();
        let mut query = String::new();
        let mut shown = 0;
        for c in name.chars() {
            query.push(c);
            let start = Instant::now();
            shown = visible_rows(&rows, &query, filter, today, column, false).len();
            let elapsed = start.elapsed();
            worst = worst.max(elapsed);
            samples.push(elapsed);
        }
        let start = Instant::now();
        let everyone = visible_rows(&rows, "", filter, today, column, true).len();
        println!(
            "  typing « {name} » ({} filter, sort {column:?}): median {:?}, worst {worst:?} \
             per keystroke, {shown} match at the end; empty query ({everyone} rows) {:?}",
            filter.label(),
            median(samples),
            start.elapsed()
        );
    }
    Ok(())
}

fn add_people(conn: &store::Connection, count: usize, today: NaiveDate) -> store::Result<()> {
    let tx = conn;
    for n in 0..count {
        let entry = today - chrono::Days::new((n % 700) as u64 + 1);
        let mut e = Employee::new(
            &format!("Prénom{n}"),
            &format!("Nom-Bench-{n:04}"),
            Gender::ALL[n % 3],
            entry,
        );
        e.criteria = vec![binette::domain::employees::Criterion::Rsa];
        let id = employees::insert_employee(tx, &e)?;
        let end = entry + chrono::Days::new(182);
        employees::insert_contract(
            tx,
            &Contract {
                id: 0,
                employee_id: id,
                renewal_of: None,
                start_date: entry,
                planned_end: end,
                actual_end: None,
                weekly_hours: 20.0 + (n % 16) as f64,
                post: "Maraîchage".into(),
            },
        )?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = Local::now().date_naive();
    let conn = store::open_in_memory()?;
    let start = Instant::now();
    demo::create_demo(&conn, 10, today)?;
    println!("demo ×10 created in {:?}", start.elapsed());
    keystrokes(&conn, today)?;

    let existing = employees::list_employees(&conn)?.len();
    add_people(&conn, 2000usize.saturating_sub(existing), today)?;
    println!("with people added up to 2,000:");
    keystrokes(&conn, today)?;
    Ok(())
}
