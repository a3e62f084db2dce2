//! Benchmark (not a test): where the Paiements screen's lists spend their time on a big
//! garden, step by step: the payments read (one year, every year), the households' names,
//! the rows made, their search keys; the due cheques; the slips' counts and totals.
//!
//! `cargo run --release --example bench_payments -- --db FILE [--runs R]`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use binette::app::{Garden, payments};
use binette::store;
use chrono::{Datelike, Local};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let db = PathBuf::from(value("--db").ok_or("--db FILE")?);
    let runs: usize = value("--runs").map_or(Ok(5), |r| r.parse())?;
    let today = Local::now().date_naive();
    let year = Some(today.year());
    let conn = store::open(&db)?;
    let time = |what: &str, f: &mut dyn FnMut() -> usize| {
        let mut times: Vec<Duration> = Vec::new();
        let mut count = 0;
        for _ in 0..runs {
            let start = Instant::now();
            count = f();
            times.push(start.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2];
        println!("{what:<44} {median:>10.1?}  ({count} lignes)");
    };
    use store::payments::lines::payments_in;
    // SQLite's own cost of going through the rows, without making anything of them.
    for sql in [
        "SELECT p.id FROM payment p",
        "SELECT p.* FROM payment p",
        "SELECT p.*, r.number FROM payment p LEFT JOIN remittance r ON r.id = p.remittance_id",
    ] {
        time(sql, &mut || step_through(&conn, sql).unwrap_or(0));
    }
    time("store : paiements de l'année", &mut || {
        payments_in(&conn, year).map_or(0, |p| p.len())
    });
    time("store : paiements, toutes les années", &mut || {
        payments_in(&conn, None).map_or(0, |p| p.len())
    });
    time("store : foyers entiers (list_members)", &mut || {
        store::members::list_members(&conn).map_or(0, |m| m.len())
    });
    time("store : noms des foyers (member_names)", &mut || {
        store::payments::lines::member_names(&conn).map_or(0, |m| m.len())
    });
    time("store : chèques gardés", &mut || {
        store::payments::held_cheques(&conn).map_or(0, |p| p.len())
    });
    time("store : bordereaux (nombres et totaux)", &mut || {
        store::payments::remittance::slip_lines(&conn).map_or(0, |s| s.len())
    });
    let garden = Garden::new(conn, db.clone());
    time("app : lignes de l'année", &mut || {
        payments::exports::payment_rows_in(&garden, year).map_or(0, |r| r.len())
    });
    time("app : lignes, toutes les années", &mut || {
        payments::exports::payment_rows(&garden).map_or(0, |r| r.len())
    });
    time("app : chèques à remettre", &mut || {
        payments::remittance::due_cheques(&garden, today).map_or(0, |d| d.cheques.len())
    });
    Ok(())
}

/// Goes through the rows of `sql` reading only their first column; answers their count.
fn step_through(conn: &store::Connection, sql: &str) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        std::hint::black_box(row.get_ref(0)?);
        count += 1;
    }
    Ok(count)
}
