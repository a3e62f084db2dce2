//! Timings of the Récoltes screen's work on a large garden: the ten-times demo topped up to
//! 100,000 harvest lines. Run: `cargo run --release --example bench_harvests`.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use binette::domain::harvest_query::{HarvestFilter, Period, filter_indices, totals};
use binette::store::{self, demo, harvests};
use chrono::{Days, Local};

fn main() {
    let today = Local::now().date_naive();
    let conn = store::open_in_memory().unwrap();
    demo::create_demo(&conn, 10, today).unwrap();
    let existing: i64 = conn
        .query_row("SELECT count(*) FROM harvest", [], |r| r.get(0))
        .unwrap();
    // Top up to 100,000 lines by copying existing ones onto earlier days.
    let tx = conn.unchecked_transaction().unwrap();
    let mut shift = 1;
    loop {
        let count: i64 = tx
            .query_row("SELECT count(*) FROM harvest", [], |r| r.get(0))
            .unwrap();
        if count >= 100_000 {
            break;
        }
        tx.execute(
            "INSERT INTO harvest (date, crop_id, plot_id, quantity, unit, destination, notes)
             SELECT date(date, ?1), crop_id, plot_id, quantity, unit, destination, notes
             FROM harvest LIMIT ?2",
            rusqlite::params![format!("-{shift} days"), 100_000 - count],
        )
        .unwrap();
        shift += 1;
    }
    tx.commit().unwrap();
    let total: i64 = conn
        .query_row("SELECT count(*) FROM harvest", [], |r| r.get(0))
        .unwrap();
    println!("{total} lignes de récolte ({existing} venues de la démo ×10)");

    let time = |label: &str, f: &mut dyn FnMut() -> usize| {
        let runs = 20;
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..runs {
            n = f();
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        println!("{label:<55} {ms:>8.2} ms  ({n})");
    };
    let (week_from, week_to) = Period::Week.range(today);
    let (season_from, season_to) = Period::Season.range(today);
    time("SQL kg par culture, semaine", &mut || {
        harvests::kg_by_crop(&conn, week_from, week_to)
            .unwrap()
            .len()
    });
    time("SQL kg par culture, saison", &mut || {
        harvests::kg_by_crop(&conn, season_from, season_to)
            .unwrap()
            .len()
    });
    time("SQL kg par mois, saison", &mut || {
        harvests::kg_by_month(&conn, season_from, season_to)
            .unwrap()
            .len()
    });
    let next =
        binette::domain::calendar::IsoWeek::of(today.checked_add_days(Days::new(7)).unwrap());
    time("available_for_week", &mut || {
        harvests::available_for_week(&conn, next).unwrap().len()
    });

    let start = Instant::now();
    let lines = harvests::all_harvest_lines(&conn).unwrap();
    println!(
        "{:<55} {:>8.2} ms  ({})",
        "Chargement de toutes les lignes (ouverture de l'écran)",
        start.elapsed().as_secs_f64() * 1000.0,
        lines.len()
    );
    let filter = |from, to, search: &str| HarvestFilter {
        from,
        to,
        crop_id: None,
        plot_id: None,
        search: search.to_owned(),
    };
    let week = filter(week_from, week_to, "");
    let season = filter(season_from, season_to, "");
    time("Mémoire : filtre + totaux, semaine", &mut || {
        let kept: Vec<_> = filter_indices(&lines, &week)
            .into_iter()
            .map(|i| &lines[i])
            .collect();
        totals(&kept).by_crop.len()
    });
    time("Mémoire : filtre + totaux, saison", &mut || {
        let kept: Vec<_> = filter_indices(&lines, &season)
            .into_iter()
            .map(|i| &lines[i])
            .collect();
        totals(&kept).by_crop.len()
    });
    for typed in ["c", "ca", "car", "caro"] {
        let f = filter(season_from, season_to, typed);
        time(
            &format!("Mémoire : recherche « {typed} », saison (par frappe)"),
            &mut || filter_indices(&lines, &f).len(),
        );
    }
    let everything = filter(
        season_from.checked_sub_days(Days::new(3650)).unwrap(),
        season_to,
        "poi",
    );
    time(
        "Mémoire : recherche « poi », toutes les lignes",
        &mut || filter_indices(&lines, &everything).len(),
    );
}
