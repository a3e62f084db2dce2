//! The « Téléphones des adhérents » tick box of the print panels (Accueil and Paniers): it
//! starts from the Paramètres setting, applies to the print made with it, and leaves the
//! setting alone.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use std::path::Path;

use binette::app::Garden;
use binette::store::{self, settings};
use binette::ui::home::{self, Home};
use binette::ui::week::{self, Screen};
use chrono::NaiveDate;
use common::run;
use iced_test::simulator;

const LABEL: &str = "Téléphones des adhérents";

/// Saturday 5 December 2026: Amancey delivers today, the other depots in week 50.
fn saturday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

/// The demo garden made on Saturday 5 December, its sheets folder in a temporary folder,
/// and the phones of every member on the next sheets (some have none).
fn garden() -> (Garden, tempfile::TempDir, Vec<String>) {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, saturday()).unwrap();
    let root = tempfile::tempdir().unwrap();
    settings::set(
        &conn,
        store::sheets::SHEETS_FOLDER_KEY,
        &root.path().to_string_lossy(),
    )
    .unwrap();
    let set = store::sheets::next_print_set(&conn, saturday())
        .unwrap()
        .unwrap();
    let phones: Vec<String> = set
        .depots
        .iter()
        .flat_map(|d| d.rows.iter().map(|r| r.phone.clone()))
        .filter(|p| !p.is_empty())
        .collect();
    let db = Garden::new(conn, "demo.sqlite3".into());
    assert!(phones.len() > 10, "the demo members have phones");
    (db, root, phones)
}

/// The text of the all-depots sheet file in `dir`.
fn sheets_text(dir: &Path) -> String {
    let bytes = std::fs::read(dir.join("emargement-tous.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// How many of `phones` the text shows.
fn printed_phones(text: &str, phones: &[String]) -> usize {
    phones.iter().filter(|p| text.contains(p.as_str())).count()
}

/// The garden's phones setting (Paramètres), as the use case reads it.
fn stored(db: &Garden) -> bool {
    binette::app::settings::show_phones(db).unwrap()
}

fn apply_home(home: &mut Held<Home>, message: home::Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if matches!(message, home::Message::Open(_)) {
            continue;
        }
        queue.extend(run(home.update(message)));
    }
}

fn click_home(home: &mut Held<Home>, label: &str) {
    let mut ui = simulator(home.view());
    ui.click(label).unwrap();
    let messages: Vec<home::Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking « {label} » did nothing");
    for message in messages {
        apply_home(home, message);
    }
}

#[test]
fn home_prints_phones_only_when_the_box_is_ticked() {
    let (db, root, phones) = garden();
    let (mut home, task) = Held::open(&db, saturday(), Home::new);
    for message in run(task) {
        apply_home(&mut home, message);
    }
    let dir = root.path().join("2026-S50");
    // Nothing set in Paramètres: unticked, no phone on the sheets.
    click_home(&mut home, "Imprimer les prochaines feuilles");
    assert_eq!(printed_phones(&sheets_text(&dir), &phones), 0);
    // Ticked: the members' phones are printed (those with one, on every sheet).
    click_home(&mut home, LABEL);
    click_home(&mut home, "Imprimer les prochaines feuilles");
    assert_eq!(printed_phones(&sheets_text(&dir), &phones), phones.len());
    // The tick applies to this print: the garden's setting is unchanged.
    assert!(!stored(&db));
    // Unticked again: no phone.
    click_home(&mut home, LABEL);
    click_home(&mut home, "Imprimer les prochaines feuilles");
    assert_eq!(printed_phones(&sheets_text(&dir), &phones), 0);
}

fn apply_week(screen: &mut Held<Screen>, message: week::Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if matches!(
            message,
            week::Message::PrintElsewhere | week::Message::Open(_)
        ) {
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
}

fn click_week(screen: &mut Held<Screen>, label: &str) {
    let mut ui = simulator(screen.view());
    ui.click(label).unwrap();
    let messages: Vec<week::Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking « {label} » did nothing");
    for message in messages {
        apply_week(screen, message);
    }
}

#[test]
fn paniers_box_starts_from_the_setting_and_applies_to_its_print() {
    let (db, root, phones) = garden();
    binette::app::settings::set_show_phones(&db, true).unwrap();
    let (mut screen, task) = Held::open(&db, saturday(), Screen::new);
    for message in run(task) {
        apply_week(&mut screen, message);
    }
    // The setting asks for phones: the box starts ticked, and week 50's sheets show them.
    let dir = root.path().join("2026-S50");
    click_week(&mut screen, "Imprimer les feuilles de la semaine");
    let ticked = printed_phones(&sheets_text(&dir), &phones);
    assert!(ticked > 0, "week 50's members have phones");
    // Unticked for this print: none, and the setting still asks for them.
    click_week(&mut screen, LABEL);
    click_week(&mut screen, "Imprimer les feuilles de la semaine");
    assert_eq!(printed_phones(&sheets_text(&dir), &phones), 0);
    assert!(stored(&db));
}
