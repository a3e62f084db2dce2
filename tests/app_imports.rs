//! The import and export use cases without iced: a member file read with what the garden
//! has, imported after a copy of the garden; the baskets table over a range of weeks.

#![allow(clippy::unwrap_used)]

use binette::app::{Garden, exports, imports};
use binette::domain::calendar::IsoWeek;
use binette::domain::export::Cell;
use binette::domain::import::columns::match_headers;
use binette::domain::import::members::{ExistingPolicy, Resolutions, build_plan};
use binette::store::{self, import::ApplyOptions};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Rows of `table`, read through a connection of one's own (as another window would).
fn count(db: &std::path::Path, table: &str) -> i64 {
    let conn = store::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_member_file_is_read_then_imported_after_a_copy_of_the_garden() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = Garden::new(store::open(&db).unwrap(), db.clone());
    let file = dir.path().join("adherents.csv");
    std::fs::write(
        &file,
        "Nom;Prénom;Tél.;Ville;Dépôt;Panier\n\
         Durand;Marie;06 12 34 56 78;Dole;Gare;Petit\n\
         Roux;Paul;0700000000;;Gare;Petit\n",
    )
    .unwrap();
    let today = date(2026, 11, 28);
    let read = imports::read_members(&garden, &file, today).unwrap();
    assert_eq!(read.table.rows.len(), 2);
    assert!(read.description().starts_with("adherents.csv — "));
    let mapping = match_headers(&read.table.headers);
    let plan = build_plan(
        &read.table,
        &mapping,
        &read.context,
        &Resolutions::default(),
        ExistingPolicy::Update,
        today,
    );
    let report = imports::import_members(&garden, &plan, &ApplyOptions::default()).unwrap();
    // Two new households, each with a Petit basket at the new depot « Gare ».
    assert_eq!((report.created, report.subscriptions), (2, 2));
    assert_eq!(count(&db, "member"), 2);
    assert_eq!(count(&db, "depot"), 1);
    // The copy taken before: one « avant-import » file in the garden's backups folder.
    let backups = store::backup::backup_dir(&store::open(&db).unwrap(), &db).unwrap();
    let copies = std::fs::read_dir(&backups)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains("avant-import-")
        })
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn an_import_into_a_garden_open_read_only_is_refused_before_any_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(store::open(&db).unwrap());
    let garden = Garden::new_read_only(store::open_read_only(&db).unwrap(), db.clone());
    let plan = build_plan(
        &binette::domain::import::source::Table::default(),
        &Vec::new(),
        &Default::default(),
        &Resolutions::default(),
        ExistingPolicy::Update,
        date(2026, 11, 28),
    );
    let error = imports::import_members(&garden, &plan, &ApplyOptions::default()).unwrap_err();
    assert!(error.to_string().contains("lecture seule"), "{error}");
}

#[test]
fn the_baskets_table_counts_each_delivered_week_and_refuses_a_reversed_range() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name, position) VALUES (1, 'Petit', 1), (2, 'Grand', 2);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Salle des fêtes', 4);
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Abadie', 'Emile'),
             (2, 'Emery', 'Eddy');
         INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date,
                                   anchor_monday) VALUES
             (1, 1, 1, 1, '2026-01-01', '2025-12-29'), (2, 2, 1, 2, '2026-01-01', '2025-12-29');
         INSERT INTO closure (monday, reason) VALUES ('2026-11-30', 'Inventaire');",
    )
    .unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let (w48, w50) = (
        IsoWeek::new(2026, 48).unwrap(),
        IsoWeek::new(2026, 50).unwrap(),
    );
    let table = exports::baskets_table(&garden, w48, w50).unwrap();
    // Weeks 48 and 50 deliver 1 Petit + 2 Grand each; week 49 is closed. The last line,
    // « Total général »: Petit 2, Grand 4, total 6.
    let last = table.rows.last().unwrap();
    let tail: Vec<&Cell> = last.cells.iter().skip(2).collect();
    assert_eq!(
        tail,
        [
            &Cell::text("Total général"),
            &Cell::Integer(2),
            &Cell::Integer(4),
            &Cell::Integer(6)
        ]
    );
    let error = exports::baskets_table(&garden, w50, w48).unwrap_err();
    assert_eq!(error.field(), Some("semaines"));
    assert_eq!(
        error.to_string(),
        "La semaine de fin est avant la semaine de début."
    );
}
