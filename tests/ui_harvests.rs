//! The Récoltes screen driven headless: keyboard-only entry with type-ahead, totals in kg,
//! bad input kept with a French message, duplicate warning, deletion with confirmation.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::harvest_query::Seasons;
use binette::domain::harvests::{Crop, CropUnit, Destination, Plot, PlotKind, Unit};
use binette::store::{self, harvests};
use binette::ui::harvests::entry::ids;
use binette::ui::harvests::{Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message; apply, clicked, shows, typed, type_enter);

/// Like `type_enter`, erasing `erase` characters first.
fn replace_enter(screen: &mut Held<Screen>, id: &'static str, erase: usize, typed_text: &str) {
    let messages = typed(screen, id, erase, typed_text, true);
    assert!(!messages.is_empty(), "typing in {id} did nothing");
    for message in messages {
        apply(screen, message);
    }
}

/// Clicks the text `label` and applies whatever it sends (possibly nothing).
fn click(screen: &mut Held<Screen>, label: &str) {
    for message in clicked(screen, label) {
        apply(screen, message);
    }
}

const TODAY: (i32, u32, u32) = (2026, 6, 10);

/// The season of `TODAY`, which every line typed here is dated in.
const SEASON_2026: Seasons = Seasons::of_year(2026);

fn open() -> (Held<Screen>, Garden) {
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
    let db = Garden::new(conn, std::path::PathBuf::from(":memory:"));
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let (mut screen, task) = Held::open(&db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (screen, db)
}

fn count(db: &Garden) -> i64 {
    binette::app::harvests::load(db, SEASON_2026)
        .unwrap()
        .lines
        .len() as i64
}

fn crops(db: &Garden) -> Vec<binette::domain::harvests::Crop> {
    binette::app::harvests::load(db, SEASON_2026).unwrap().crops
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
    assert!(shows(&screen, "8 bottes"));
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
    assert!(crops(&db).iter().any(|c| c.name == "Blette"));
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
    let radish = crops(&db).into_iter().find(|c| c.name == "Radis").unwrap();
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

/// The entry field a task puts the cursor in, if any: its widget operations are run against
/// a stand-in for each entry field.
fn focus_of(task: iced::Task<Message>) -> Option<&'static str> {
    use iced::futures::StreamExt;
    use iced_runtime::core::widget::operation::Focusable;
    struct Probe(bool);
    impl Focusable for Probe {
        fn is_focused(&self) -> bool {
            self.0
        }
        fn focus(&mut self) {
            self.0 = true;
        }
        fn unfocus(&mut self) {
            self.0 = false;
        }
    }
    let stream = iced_runtime::task::into_stream(task)?;
    let actions: Vec<_> = iced::futures::executor::block_on(stream.collect());
    let fields = [
        ids::DATE,
        ids::CROP,
        ids::PLOT,
        ids::QUANTITY,
        ids::UNIT,
        ids::DESTINATION,
        ids::NOTE,
        ids::CONVERSION,
    ];
    let mut focused = None;
    for action in actions {
        if let iced_runtime::Action::Widget(mut operation) = action {
            for id in fields {
                let mut probe = Probe(false);
                operation.focusable(
                    Some(&iced::widget::Id::new(id)),
                    iced::Rectangle::default(),
                    &mut probe,
                );
                if probe.0 {
                    focused = Some(id);
                }
            }
        }
    }
    focused
}

fn add_plot(db: &Garden, name: &str) {
    let plot = Plot {
        id: 0,
        name: name.to_owned(),
        kind: PlotKind::OpenField,
        area_m2: None,
        parent_id: None,
    };
    binette::app::harvests::save_plot(db, &plot, SEASON_2026).unwrap();
}

/// Reopens the screen on `db` (to read plots added after the first opening).
fn reopen(db: &Garden) -> Held<Screen> {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let (mut screen, task) = Held::open(db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

/// The plot of the line saved last.
fn saved_plot(db: &Garden) -> String {
    let lines = binette::app::harvests::load(db, SEASON_2026).unwrap().lines;
    let last = lines.iter().max_by_key(|l| l.harvest.id).unwrap();
    last.plot_name.clone()
}

#[test]
fn a_hyphen_for_an_en_dash_and_one_word_with_arrows() {
    let (_, db) = open();
    add_plot(&db, "Loue – planche A");
    add_plot(&db, "Loue – planche C");
    let mut screen = reopen(&db);
    // Typed with a plain hyphen: the en-dash parcel is taken, no offer of a new one.
    type_enter(&mut screen, ids::CROP, "car");
    type_enter(&mut screen, ids::PLOT, "loue - planche c");
    assert!(!shows(
        &screen,
        "Aucune parcelle ne ressemble à « loue - planche c » : tapez un mot de son nom, ou ajoutez-la dans l'onglet Parcelles."
    ));
    type_enter(&mut screen, ids::QUANTITY, "6");
    assert_eq!(count(&db), 1);
    assert_eq!(saved_plot(&db), "Loue – planche C");
    // "Loue" alone: both parcels listed under the field; ↓ then Enter takes the second.
    type_enter(&mut screen, ids::CROP, "car");
    let messages = typed(&screen, ids::PLOT, 0, "Loue", false);
    for message in messages {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "↵ Loue – planche A"));
    assert!(shows(&screen, "Loue – planche C"));
    apply(
        &mut screen,
        Message::Candidate(binette::ui::harvests::Candidate::Step(1)),
    );
    assert!(shows(&screen, "↵ Loue – planche C"));
    apply(&mut screen, Message::AcceptPlot);
    type_enter(&mut screen, ids::QUANTITY, "4");
    assert_eq!(count(&db), 2);
    assert_eq!(saved_plot(&db), "Loue – planche C");
    // "6 pièce" no more: plural units in the list.
    assert!(shows(&screen, "6 kg"));
}

#[test]
fn after_a_refused_line_the_cursor_goes_to_the_faulty_field() {
    let (mut screen, db) = open();
    type_enter(&mut screen, ids::CROP, "car");
    // Enter in the note field with a bad quantity: refused.
    let messages = typed(&screen, ids::QUANTITY, 0, "douze", false);
    for message in messages {
        apply(&mut screen, message);
    }
    let messages = typed(&screen, ids::NOTE, 0, "rangs du bas", true);
    let mut focus = None;
    for message in messages {
        if matches!(message, Message::Save) {
            focus = focus_of(screen.update(message));
        } else {
            apply(&mut screen, message);
        }
    }
    assert_eq!(count(&db), 0);
    assert_eq!(focus, Some(ids::QUANTITY));
    let error = "« douze » n'est pas une quantité : tapez un nombre, par exemple 2,5.";
    assert!(shows(&screen, error));
    // The error clears as soon as the quantity changes; the rest of the line is kept.
    replace_enter(&mut screen, ids::QUANTITY, 5, "12");
    assert!(!shows(&screen, error));
    assert_eq!(count(&db), 1);
    // A refused crop puts the cursor back in the crop field.
    let messages = typed(&screen, ids::QUANTITY, 0, "3", true);
    let mut focus = None;
    for message in messages {
        if matches!(message, Message::Save) {
            focus = focus_of(screen.update(message));
        } else {
            apply(&mut screen, message);
        }
    }
    assert_eq!(focus, Some(ids::CROP));
}
