//! The Récoltes screen driven headless: keyboard-only entry with type-ahead, totals in kg,
//! bad input kept with a French message, duplicate warning, deletion with confirmation.

#![allow(clippy::unwrap_used)]

mod common;

use binette::domain::harvests::{Crop, CropUnit, Destination, Plot, PlotKind, Unit};
use binette::store::{self, harvests};
use binette::ui::db::Db;
use binette::ui::harvests::entry::ids;
use binette::ui::harvests::{Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Screen, Message; apply, clicked, shows, typed, type_enter);

/// Like `type_enter`, erasing `erase` characters first.
fn replace_enter(screen: &mut Screen, id: &'static str, erase: usize, typed_text: &str) {
    let messages = typed(screen, id, erase, typed_text, true);
    assert!(!messages.is_empty(), "typing in {id} did nothing");
    for message in messages {
        apply(screen, message);
    }
}

/// Clicks the text `label` and applies whatever it sends (possibly nothing).
fn click(screen: &mut Screen, label: &str) {
    for message in clicked(screen, label) {
        apply(screen, message);
    }
}

const TODAY: (i32, u32, u32) = (2026, 6, 10);

fn open() -> (Screen, Db) {
    let conn = store::open_in_memory().unwrap();
    let crop = |name: &str, units: Vec<CropUnit>| Crop {
        id: 0,
        name: name.to_owned(),
        family: String::new(),
        default_destination: Destination::Baskets,
        units,
    };
    harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    harvests::insert_crop(&conn, &crop("Céleri", vec![])).unwrap();
    harvests::insert_crop(
        &conn,
        &crop(
            "Radis",
            vec![
                CropUnit {
                    unit: Unit::Bunch,
                    kg_per_unit: Some(0.25),
                },
                CropUnit {
                    unit: Unit::Crate,
                    kg_per_unit: None,
                },
            ],
        ),
    )
    .unwrap();
    harvests::insert_crop(&conn, &crop("Poireau", vec![])).unwrap();
    harvests::insert_plot(
        &conn,
        &Plot {
            id: 0,
            name: "Serre 1".to_owned(),
            kind: PlotKind::Greenhouse,
            area_m2: None,
            parent_id: None,
        },
    )
    .unwrap();
    let db = Db::new(conn, std::path::PathBuf::from(":memory:"));
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let (mut screen, task) = Screen::new(&db, today);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (screen, db)
}

fn count(db: &Db) -> i64 {
    db.with(|conn| Ok(conn.query_row("SELECT count(*) FROM harvest", [], |r| r.get(0))?))
        .unwrap()
}

#[test]
fn three_lines_typed_with_the_keyboard_only() {
    let (mut screen, db) = open();
    // Line 1: "car" + Enter accepts Carotte, "ser" + Enter accepts Serre 1, 12,5 + Enter saves.
    type_enter(&mut screen, ids::CROP, "car");
    type_enter(&mut screen, ids::PLOT, "ser");
    type_enter(&mut screen, ids::QUANTITY, "12,5");
    // Line 2: radishes come in bunches by default (0.25 kg each).
    type_enter(&mut screen, ids::CROP, "rad");
    type_enter(&mut screen, ids::QUANTITY, "8");
    // Line 3: a dot decimal.
    type_enter(&mut screen, ids::CROP, "poi");
    type_enter(&mut screen, ids::QUANTITY, "3.5");
    assert_eq!(count(&db), 3);
    assert!(shows(&screen, "8 botte"));
    assert!(shows(&screen, "2 kg"));
    assert!(shows(&screen, "12,5 kg"));
    assert!(shows(&screen, "Serre 1"));
    assert!(shows(&screen, "3 lignes"));
    assert!(shows(&screen, "Total : 18 kg"));
    // The date stays for the next line.
    assert!(shows(&screen, "10/06/2026"));
    // Totals tab.
    click(&mut screen, "Totaux");
    assert!(shows(&screen, "Par culture"));
    assert!(shows(&screen, "Total : 18 kg"));
}

#[test]
fn bad_quantity_is_refused_in_french_and_kept() {
    let (mut screen, db) = open();
    type_enter(&mut screen, ids::CROP, "car");
    type_enter(&mut screen, ids::QUANTITY, "douze");
    assert_eq!(count(&db), 0);
    assert!(shows(
        &screen,
        "« douze » n'est pas une quantité : tapez un nombre, par exemple 2,5."
    ));
    assert!(shows(&screen, "Carotte"));
    type_enter(&mut screen, ids::QUANTITY, "");
    assert_eq!(count(&db), 0);
}

#[test]
fn unknown_crop_is_offered_for_creation() {
    let (mut screen, db) = open();
    type_enter(&mut screen, ids::CROP, "Blette");
    assert!(shows(&screen, "Créer la culture"));
    type_enter(&mut screen, ids::CROP, "");
    let crops = db.with(|conn| harvests::list_crops(conn)).unwrap();
    assert!(crops.iter().any(|c| c.name == "Blette"));
    type_enter(&mut screen, ids::QUANTITY, "4");
    assert_eq!(count(&db), 1);
}

#[test]
fn identical_line_warns_then_saves_on_second_enter() {
    let (mut screen, db) = open();
    for _ in 0..2 {
        type_enter(&mut screen, ids::CROP, "car");
        type_enter(&mut screen, ids::QUANTITY, "5");
    }
    assert_eq!(count(&db), 1);
    assert!(shows(&screen, "Enregistrer quand même"));
    type_enter(&mut screen, ids::NOTE, "");
    assert_eq!(count(&db), 2);
}

#[test]
fn missing_conversion_is_asked_for() {
    let (mut screen, db) = open();
    type_enter(&mut screen, ids::CROP, "rad");
    // The unit proposed for radishes is the bunch: erase it.
    replace_enter(&mut screen, ids::UNIT, "botte".len(), "cai");
    type_enter(&mut screen, ids::QUANTITY, "2");
    assert_eq!(
        count(&db),
        0,
        "a crate of radishes has no weight yet: it is asked for"
    );
    assert!(shows(
        &screen,
        "Indiquez le poids d'une caisse de Radis en kg."
    ));
    type_enter(&mut screen, ids::CONVERSION, "6");
    assert_eq!(count(&db), 1);
    let radish = db
        .with(|conn| harvests::list_crops(conn))
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Radis")
        .unwrap();
    assert_eq!(radish.kg(2.0, Unit::Crate), Some(12.0));
    assert!(shows(&screen, "12 kg"));
}

#[test]
fn deleting_asks_first() {
    let (mut screen, db) = open();
    type_enter(&mut screen, ids::CROP, "car");
    type_enter(&mut screen, ids::QUANTITY, "5");
    click(&mut screen, "Supprimer");
    assert_eq!(count(&db), 1);
    click(&mut screen, "Oui, supprimer");
    assert_eq!(count(&db), 0);
    assert!(shows(&screen, "Aucune récolte pour ces filtres."));
}
