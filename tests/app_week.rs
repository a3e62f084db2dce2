//! The week's use cases without iced: what the Paniers screen shows, the composition and
//! pickups, and printing the week's sheets (the window's print and `binette sheets` go
//! through the same use cases and give the same PDFs).

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::app::Garden;
use binette::app::week::{self, Deliveries};
use binette::domain::baskets::{CompositionItem, Pickup, PickupStatus};
use binette::domain::calendar::IsoWeek;
use binette::domain::harvests::Unit;
use binette::report::weekly::render_print_set;
use binette::store::{self, sheets::print_set_data};
use chrono::{NaiveDate, NaiveDateTime};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Thursday 26 November 2026, 10:30: the sheets' footer says « édité le 26/11/2026 à 10:30 ».
fn now() -> NaiveDateTime {
    date(2026, 11, 26).and_hms_opt(10, 30, 0).unwrap()
}

fn w(y: i32, n: u32) -> IsoWeek {
    IsoWeek::new(y, n).unwrap()
}

const GARDEN: &str = "
    INSERT INTO basket_size (id, name, persons, position) VALUES
        (1, 'Petit', '2 personnes', 1), (2, 'Grand', '4 personnes', 2);
    INSERT INTO depot (id, name, weekday) VALUES (1, 'Salle des fêtes', 4);
    INSERT INTO member (id, last_name, first_name) VALUES
        (1, 'Abadie', 'Emile'), (2, 'Emery', 'Eddy'), (3, 'Martin', 'Anne');
    INSERT INTO subscription (id, member_id, size_id, depot_id, quantity, start_date,
                              anchor_monday) VALUES
        (1, 1, 1, 1, 1, '2026-01-01', '2025-12-29'),
        (2, 2, 2, 1, 2, '2026-01-01', '2025-12-29'),
        (3, 3, 1, 1, 1, '2026-01-01', '2025-12-29');
    INSERT INTO closure (monday, reason) VALUES ('2026-11-30', 'Inventaire');
    INSERT INTO crop (id, name) VALUES (1, 'Poireau');";

/// One Thursday depot « Salle des fêtes »; Emile Abadie (1 Petit), Eddy Emery (2 Grand),
/// Anne Martin (1 Petit), every week from January 2026; week 49 (from Monday 30 November)
/// closed for the inventory.
fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(GARDEN).unwrap();
    Garden::new(conn, "x.sqlite3".into())
}

/// The same garden in a file, for the command line.
fn garden_file(path: &Path) -> Garden {
    let conn = store::open(path).unwrap();
    conn.execute_batch(GARDEN).unwrap();
    Garden::new(conn, path.to_path_buf())
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

#[test]
fn the_week_shows_each_size_s_baskets_and_the_next_delivery_skips_a_closed_week() {
    let garden = garden();
    // Week 48: Thursday 26 November. Petit: Abadie 1 + Martin 1 = 2; Grand: Emery 2 = 2.
    let data = week::week(&garden, w(2026, 48)).unwrap();
    let names: Vec<&str> = data.sizes.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Petit", "Grand"]);
    assert_eq!(data.totals, [2, 2]);
    let set = data.set.as_ref().unwrap();
    assert_eq!(set.depots.len(), 1);
    assert_eq!(set.depots[0].rows.len(), 3);
    // Friday 27 November: week 48's Thursday is past, week 49 is closed, so the next
    // delivery is Thursday 10 December, week 50.
    let next = week::next_week(&garden, date(2026, 11, 27)).unwrap();
    assert_eq!(next.week, w(2026, 50));
    // Week 49 is closed: nothing is delivered, the depot says why.
    let closed = week::week(&garden, w(2026, 49)).unwrap();
    assert!(closed.set.is_none());
    assert_eq!(closed.totals, [0, 0]);
    assert_eq!(closed.closed.len(), 1);
    assert_eq!(closed.closed[0].0, "Salle des fêtes");
}

#[test]
fn composition_and_pickups_are_saved_and_read_back() {
    let garden = garden();
    let monday = date(2026, 11, 23);
    let item = |size_id, quantity| CompositionItem {
        id: 0,
        monday,
        size_id,
        crop_id: 1,
        quantity,
        unit: Unit::Kg,
    };
    let sizes = vec![(1, vec![item(1, 1.0)]), (2, vec![item(2, 1.5)])];
    week::save_composition(&garden, monday, &sizes).unwrap();
    let saved = week::composition(&garden, monday).unwrap();
    let quantities: Vec<(i64, f64)> = saved.iter().map(|i| (i.size_id, i.quantity)).collect();
    assert_eq!(quantities, [(1, 1.0), (2, 1.5)]);
    // Needs: Petit 2 baskets × 1 kg + Grand 2 baskets × 1.5 kg = 5 kg of leeks.
    let data = week::week(&garden, w(2026, 48)).unwrap();
    let needs = data.needs(&data.items);
    assert_eq!(needs.len(), 1);
    assert!((needs[0].needed - 5.0).abs() < 1e-9, "{needs:?}");

    let pickup = Pickup {
        subscription_id: 2,
        monday,
        status: PickupStatus::NotCollected,
        baskets: 2,
    };
    let answered = week::save_pickups(&garden, vec![pickup.clone()]).unwrap();
    assert_eq!(answered, [pickup]);
    let data = week::week(&garden, w(2026, 48)).unwrap();
    assert_eq!(data.pickup_status(2), Some(PickupStatus::NotCollected));
    assert_eq!(data.pickup_status(1), None);
}

#[test]
fn the_print_use_case_gives_the_same_pdfs_as_the_report_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_file(&db);
    let out = dir.path().join("feuilles");
    let week48 = Deliveries::Week(w(2026, 48));
    let printed = week::print(&garden, week48, Some(&out), now(), false).unwrap();
    // The documents as the report module makes them from the store's data, stamped at the
    // same minute: the use case only glues them, so every file has the same bytes.
    let conn = store::open(&db).unwrap();
    let mut set = print_set_data(&conn, w(2026, 48)).unwrap().unwrap();
    set.printed_at = now();
    set.show_phones = false;
    let expected = render_print_set(&set).unwrap();
    // Summary, all sheets, the depot's sheet, packing list: 4 files.
    assert_eq!(printed.files.len(), 4);
    for (path, file) in printed.files.iter().zip(&expected) {
        assert_eq!(path.file_name().unwrap().to_string_lossy(), file.name);
        assert_eq!(std::fs::read(path).unwrap(), file.bytes, "{}", file.name);
    }
    assert_eq!(printed.what, "Semaine 48 — du 23 au 29 novembre 2026");
    let sheets = pdf_text(&std::fs::read(out.join("emargement-tous.pdf")).unwrap());
    assert!(
        sheets.contains("ABADIE") || sheets.contains("Abadie"),
        "{sheets}"
    );
    assert!(sheets.contains("26/11/2026 à 10:30"), "{sheets}");
}

#[test]
fn the_window_and_the_command_line_write_the_same_bytes() {
    let garden = garden();
    let (window, cli) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let deliveries = Deliveries::Week(w(2026, 48));
    let printed = week::print(&garden, deliveries, Some(window.path()), now(), false).unwrap();
    let written = week::write_sheets(&garden, deliveries, cli.path(), now(), false).unwrap();
    assert_eq!(written.len(), printed.files.len());
    for (a, b) in printed.files.iter().zip(&written) {
        assert_eq!(a.file_name(), b.file_name());
        assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    }
}

#[test]
fn binette_sheets_and_the_print_button_print_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_file(&db);
    let (window, cli) = (dir.path().join("fenetre"), dir.path().join("cli"));
    let printed = week::print(
        &garden,
        Deliveries::Week(w(2026, 48)),
        Some(&window),
        now(),
        false,
    )
    .unwrap();
    drop(garden);
    let written = binette::cli::write_sheets(&db, Some("2026-W48"), &cli, false).unwrap();
    assert_eq!(written.len(), printed.files.len());
    // The command line stamps its own time: only the footer's « édité le … à … » differs.
    let without_stamp = |path: &Path| -> String {
        let text = pdf_text(&std::fs::read(path).unwrap());
        text.lines()
            .filter(|line| !line.contains("édité le"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (a, b) in printed.files.iter().zip(&written) {
        assert_eq!(without_stamp(a), without_stamp(b), "{}", a.display());
    }
}

#[test]
fn a_folder_chosen_is_remembered_and_a_closed_week_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_file(&db);
    let chosen = tempfile::tempdir().unwrap();
    week::print(
        &garden,
        Deliveries::Week(w(2026, 48)),
        Some(chosen.path()),
        now(),
        true,
    )
    .unwrap();
    assert_eq!(
        week::remembered_folder(&garden).unwrap().as_deref(),
        Some(chosen.path())
    );
    let conn = store::open(&db).unwrap();
    let stamp = store::settings::get(&conn, store::first_steps::SHEETS_PRINTED_KEY).unwrap();
    assert_eq!(stamp.as_deref(), Some("2026-11-26 10:30"));
    // Week 49: « Semaine 49 — du 30 novembre au 6 décembre 2026 », lower-cased in the
    // sentence.
    let error =
        week::print(&garden, Deliveries::Week(w(2026, 49)), None, now(), false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Pas de livraison la semaine 49 — du 30 novembre au 6 décembre 2026 : il n'y a rien à \
         imprimer."
    );
}

#[test]
fn a_garden_open_read_only_prints_and_remembers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(garden_file(&db));
    let conn = store::open_read_only(&db).unwrap();
    let garden = Garden::new_read_only(conn, db.clone());
    let out = dir.path().join("feuilles");
    let printed = week::print(
        &garden,
        Deliveries::Week(w(2026, 48)),
        Some(&out),
        now(),
        false,
    )
    .unwrap();
    assert_eq!(printed.files.len(), 4);
    assert_eq!(week::remembered_folder(&garden).unwrap(), None);
}

#[test]
fn a_print_failing_in_the_middle_of_the_set_leaves_the_last_print_whole() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let deliveries = Deliveries::Week(w(2026, 48));
    let first = week::write_sheets(&garden, deliveries, dir.path(), now(), false).unwrap();
    let before: Vec<Vec<u8>> = first.iter().map(|p| std::fs::read(p).unwrap()).collect();
    // The packing list (the last file of the set) cannot be staged: its temporary name is
    // taken by a folder. Every earlier file was already rendered and staged.
    let blocker = dir.path().join(".preparation.pdf.binette-partiel");
    std::fs::create_dir(&blocker).unwrap();
    let later = date(2026, 11, 26).and_hms_opt(18, 0, 0).unwrap();
    assert!(week::write_sheets(&garden, deliveries, dir.path(), later, false).is_err());
    for (path, bytes) in first.iter().zip(&before) {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".binette-partiel"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        [".preparation.pdf.binette-partiel"],
        "no temporary file left"
    );
    std::fs::remove_dir(&blocker).unwrap();
    let again = week::write_sheets(&garden, deliveries, dir.path(), later, false).unwrap();
    assert_eq!(again, first);
    assert_ne!(std::fs::read(&again[0]).unwrap(), before[0], "a new stamp");
}
