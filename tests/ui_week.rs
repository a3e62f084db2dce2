//! The Paniers screen and Accueil's print button, driven headless.

#![allow(clippy::unwrap_used)]

mod common;

use binette::domain::baskets::PickupStatus;
use binette::store::{self, distribution};
use binette::ui::db::Db;
use binette::ui::home::{self, Home};
use binette::ui::week::{Message, Screen, Tab};
use chrono::NaiveDate;
use common::run;
use iced_test::simulator;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo_db() -> Db {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, today()).unwrap();
    Db::new(conn, "demo.sqlite3".into())
}

/// Applies a message and every message its tasks produce, except the folder dialog and the
/// system viewer, which cannot run headless.
fn apply(screen: &mut Screen, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if matches!(message, Message::Print | Message::Open(_)) {
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
}

fn open() -> (Db, Screen) {
    let db = demo_db();
    let (mut screen, task) = Screen::new(&db, today());
    for message in run(task) {
        apply(&mut screen, message);
    }
    (db, screen)
}

common::screen_helpers!(Screen, Message; clicked, shows);

/// Clicks the text `label`, which must send something, applies what it sends and returns it.
fn click(screen: &mut Screen, label: &str) -> Vec<Message> {
    let messages = clicked(screen, label);
    assert!(!messages.is_empty(), "clicking « {label} » did nothing");
    for message in messages.clone() {
        apply(screen, message);
    }
    messages
}

#[test]
fn opens_on_the_next_delivery_week_with_every_depot() {
    let (_db, mut screen) = open();
    assert!(shows(&screen, "Semaine 48 — du 23 au 29 novembre 2026"));
    assert!(shows(&screen, "Ornans – Épicerie du Centre"));
    assert!(shows(&screen, "Mercredi 25 novembre 2026"));
    assert!(shows(&screen, "Total"));
    click(&mut screen, "Semaine suivante ▶");
    assert!(shows(
        &screen,
        "Semaine 49 — du 30 novembre au 6 décembre 2026"
    ));
    click(&mut screen, "◀ Semaine précédente");
    assert!(shows(&screen, "Semaine 48 — du 23 au 29 novembre 2026"));
}

#[test]
fn print_button_writes_the_set_into_the_chosen_folder() {
    let (db, mut screen) = open();
    let messages = click(&mut screen, "Imprimer les feuilles de la semaine");
    assert!(matches!(messages[..], [Message::Print]));
    let dir = tempfile::tempdir().unwrap();
    apply(
        &mut screen,
        Message::FolderChosen(Some(dir.path().to_path_buf())),
    );
    for name in ["synthese.pdf", "emargement-tous.pdf", "preparation.pdf"] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    assert!(
        dir.path()
            .join("emargement-ornans-epicerie-du-centre.pdf")
            .is_file()
    );
    assert!(shows(&screen, "Ouvrir la synthèse"));
    // The folder is remembered for next time.
    let remembered = db
        .with(|conn| binette::ui::week::print::remembered_folder(conn))
        .unwrap();
    assert_eq!(remembered.as_deref(), Some(dir.path()));
}

#[test]
fn composition_refuses_a_bad_quantity_then_saves() {
    let (db, mut screen) = open();
    click(&mut screen, "Composition des paniers");
    assert!(shows(&screen, "Besoins de la semaine et récolte"));
    apply(&mut screen, Message::QuantityChanged(0, "beaucoup".into()));
    assert!(shows(&screen, "Modifications non enregistrées"));
    click(&mut screen, "Enregistrer la composition");
    let monday = screen.week().unwrap().monday();
    let before = db
        .with(|conn| distribution::composition_of_week(conn, monday))
        .unwrap();
    let error = binette::domain::harvests::parse_quantity("beaucoup").unwrap_err();
    assert!(shows(&screen, &format!("Panier Petit, ligne 1 : {error}")));
    // The error names the line; nothing was saved.
    let first = before[0].quantity;
    assert_ne!(first, 3.0);
    apply(&mut screen, Message::QuantityChanged(0, "3".into()));
    click(&mut screen, "Enregistrer la composition");
    assert!(shows(&screen, "Composition enregistrée."));
    let after = db
        .with(|conn| distribution::composition_of_week(conn, monday))
        .unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after[0].quantity, 3.0);
}

#[test]
fn copy_last_week_fills_an_empty_week() {
    let (db, mut screen) = open();
    // Two weeks on, the demo has no composition yet.
    click(&mut screen, "Semaine suivante ▶");
    click(&mut screen, "Semaine suivante ▶");
    click(&mut screen, "Composition des paniers");
    assert!(shows(
        &screen,
        "Rien dans ce panier : ajoutez un légume ou copiez la semaine précédente."
    ));
    let week = screen.week().unwrap();
    let previous = db
        .with(|conn| distribution::composition_of_week(conn, week.previous().monday()))
        .unwrap();
    if previous.is_empty() {
        click(&mut screen, "Copier la semaine précédente");
        assert!(shows(
            &screen,
            "La semaine précédente n'a pas de composition."
        ));
        click(&mut screen, "◀ Semaine précédente");
    }
    let week = screen.week().unwrap();
    click(&mut screen, "Copier la semaine précédente");
    assert!(shows(&screen, "Modifications non enregistrées"));
    click(&mut screen, "Enregistrer la composition");
    let copied = db
        .with(|conn| distribution::composition_of_week(conn, week.monday()))
        .unwrap();
    let source = db
        .with(|conn| distribution::composition_of_week(conn, week.previous().monday()))
        .unwrap();
    assert_eq!(copied.len(), source.len());
    assert!(!copied.is_empty());
}

#[test]
fn pickups_are_ticked_and_counted() {
    let (db, mut screen) = open();
    apply(&mut screen, Message::ShowTab(Tab::Pickups));
    assert!(shows(&screen, "Marquer tous les autres « Retiré »"));
    apply(&mut screen, Message::Mark(0, PickupStatus::NotCollected));
    click(&mut screen, "Marquer tous les autres « Retiré »");
    let monday = screen.week().unwrap().monday();
    let pickups = db
        .with(|conn| distribution::pickups_of_week(conn, monday))
        .unwrap();
    let missed = pickups
        .iter()
        .filter(|p| p.status == PickupStatus::NotCollected)
        .count();
    let collected = pickups
        .iter()
        .filter(|p| p.status == PickupStatus::Collected)
        .count();
    assert_eq!(missed, 1);
    assert!(collected > 10, "{collected}");
    let baskets = |status| -> i64 {
        pickups
            .iter()
            .filter(|p| p.status == status)
            .map(|p| p.baskets)
            .sum()
    };
    let summary = format!(
        "Retirés : {} · Non retirés : {} · Donnés : 0 · À cocher : 0",
        baskets(PickupStatus::Collected),
        baskets(PickupStatus::NotCollected)
    );
    assert!(shows(&screen, &summary), "{summary}");
}

#[test]
fn home_print_button_produces_the_set() {
    let db = demo_db();
    let (mut home, task) = Home::new(&db, today());
    for message in run(task) {
        let _ = home.update(message);
    }
    let messages: Vec<home::Message> = {
        let mut ui = simulator(home.view());
        ui.click("Imprimer les feuilles de la semaine").unwrap();
        ui.into_messages().collect()
    };
    assert!(matches!(messages[..], [home::Message::PrintWeek]));
    // The dialog cannot run headless: answer it with a folder.
    let dir = tempfile::tempdir().unwrap();
    let mut queue = vec![home::Message::FolderChosen(Some(dir.path().to_path_buf()))];
    while let Some(message) = queue.pop() {
        if matches!(message, home::Message::Open(_)) {
            continue;
        }
        queue.extend(run(home.update(message)));
    }
    assert!(dir.path().join("emargement-tous.pdf").is_file());
    assert!(dir.path().join("synthese.pdf").is_file());
    assert!(dir.path().join("preparation.pdf").is_file());
    assert!(simulator(home.view()).find("Ouvrir la synthèse").is_ok());
}
