//! The Paniers screen and Accueil's print button, driven headless.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::baskets::PickupStatus;
use binette::store;
use binette::ui::files;
use binette::ui::home::{self, Home};
use binette::ui::week::{Message, Screen, Tab, composition};
use chrono::NaiveDate;
use common::run;
use iced_test::simulator;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo_db() -> Garden {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, today()).unwrap();
    Garden::new(conn, "demo.sqlite3".into())
}

/// Applies a message and every message its tasks produce, except the folder dialog and the
/// system viewer, which cannot run headless.
fn apply(screen: &mut Held<Screen>, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if matches!(message, Message::PrintElsewhere | Message::Open(_)) {
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
}

fn open() -> (Garden, Held<Screen>) {
    let db = demo_db();
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (db, screen)
}

common::screen_helpers!(Held<Screen>, Message; clicked, shows);

/// Clicks the text `label`, which must send something, applies what it sends and returns it.
fn click(screen: &mut Held<Screen>, label: &str) -> Vec<Message> {
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

/// Points the sheets folder (Paramètres) at a temporary folder.
fn sheets_folder(db: &Garden) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    binette::app::settings::set_sheets_folder(db, &dir.path().to_string_lossy()).unwrap();
    dir
}

#[test]
fn print_button_writes_the_set_into_the_week_folder_without_asking() {
    let (db, mut screen) = open();
    let root = sheets_folder(&db);
    let messages = click(&mut screen, "Imprimer les feuilles de la semaine");
    assert!(matches!(messages[..], [Message::Print]));
    let dir = root.path().join("2026-S48");
    for name in ["synthese.pdf", "emargement-tous.pdf", "preparation.pdf"] {
        assert!(dir.join(name).is_file(), "{name}");
    }
    assert!(
        dir.join("emargement-ornans-epicerie-du-centre.pdf")
            .is_file()
    );
    // The banner names the folder and how many files went there.
    let files = std::fs::read_dir(&dir).unwrap().count();
    let banner = format!(
        "Semaine 48 — du 23 au 29 novembre 2026 : {files} fichiers enregistrés dans {}.",
        dir.display()
    );
    assert!(shows(&screen, &banner), "{banner}");
    assert!(shows(&screen, "Ouverture des feuilles d'émargement…"));
    assert!(shows(&screen, "Ouvrir le dossier"));
}

#[test]
fn save_elsewhere_without_a_dialog_uses_the_usual_folder_and_says_so() {
    let (db, mut screen) = open();
    let root = sheets_folder(&db);
    let messages = click(&mut screen, "Enregistrer ailleurs…");
    assert!(matches!(messages[..], [Message::PrintElsewhere]));
    // No portal, no zenity: the dialog answers nothing.
    apply(&mut screen, Message::FolderChosen(None));
    let dir = root.path().join("2026-S48");
    assert!(dir.join("emargement-tous.pdf").is_file());
    let files = std::fs::read_dir(&dir).unwrap().count();
    let banner = format!(
        "{} Semaine 48 — du 23 au 29 novembre 2026 : {files} fichiers enregistrés dans {}.",
        binette::ui::week::print::NO_FOLDER_CHOSEN,
        dir.display()
    );
    assert!(shows(&screen, &banner), "{banner}");
    // A folder chosen in the dialog is used as is, and remembered for the next dialog.
    let chosen = tempfile::tempdir().unwrap();
    apply(
        &mut screen,
        Message::FolderChosen(Some(chosen.path().to_path_buf())),
    );
    assert!(chosen.path().join("synthese.pdf").is_file());
    let remembered = binette::app::week::remembered_folder(&db).unwrap();
    assert_eq!(remembered.as_deref(), Some(chosen.path()));
}

#[test]
fn a_viewer_that_fails_is_reported_with_the_folder() {
    let (db, mut screen) = open();
    let root = sheets_folder(&db);
    click(&mut screen, "Imprimer les feuilles de la semaine");
    let sheets = root.path().join("2026-S48").join("emargement-tous.pdf");
    let problem = format!(
        "Binette n'a pas pu ouvrir le fichier « {} » : aucune application ne sait l'ouvrir.",
        sheets.display()
    );
    apply(
        &mut screen,
        Message::Printing(files::Message::Opened(sheets, Err(problem.clone()))),
    );
    let banner = format!(
        "{problem} Les fichiers sont dans {}.",
        root.path().join("2026-S48").display()
    );
    assert!(shows(&screen, &banner), "{banner}");
    assert!(!shows(&screen, "Ouverture des feuilles d'émargement…"));
    let messages = clicked(&screen, "Ouvrir le dossier");
    assert!(matches!(&messages[..], [Message::Open(dir)] if *dir == root.path().join("2026-S48")));
}

#[test]
fn composition_refuses_a_bad_quantity_then_saves() {
    let (db, mut screen) = open();
    click(&mut screen, "Composition des paniers");
    assert!(shows(&screen, "Besoins de la semaine et récolte"));
    apply(
        &mut screen,
        Message::Composition(composition::Message::QuantityChanged(0, "beaucoup".into())),
    );
    assert!(shows(&screen, "Modifications non enregistrées"));
    click(&mut screen, "Enregistrer la composition");
    let monday = screen.week().unwrap().monday();
    let before = binette::app::week::composition(&db, monday).unwrap();
    let error = binette::domain::harvests::parse_quantity("beaucoup").unwrap_err();
    assert!(shows(&screen, &format!("Panier Petit, ligne 1 : {error}")));
    // The error names the line; nothing was saved.
    let first = before[0].quantity;
    assert_ne!(first, 3.0);
    apply(
        &mut screen,
        Message::Composition(composition::Message::QuantityChanged(0, "3".into())),
    );
    click(&mut screen, "Enregistrer la composition");
    assert!(shows(&screen, "Composition enregistrée."));
    let after = binette::app::week::composition(&db, monday).unwrap();
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
    let previous = binette::app::week::composition(&db, week.previous().monday()).unwrap();
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
    let copied = binette::app::week::composition(&db, week.monday()).unwrap();
    let source = binette::app::week::composition(&db, week.previous().monday()).unwrap();
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
    let pickups = binette::app::week::week(&db, screen.week().unwrap())
        .unwrap()
        .pickups;
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

/// Accueil on `today` in the demo garden made that day, its sheets folder pointed at a
/// temporary folder.
fn home_on(today: NaiveDate) -> (Garden, Held<Home>, tempfile::TempDir) {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, today).unwrap();
    let db = Garden::new(conn, "demo.sqlite3".into());
    let root = sheets_folder(&db);
    let (mut home, task) = Held::open(&db, today, Home::new);
    for message in run(task) {
        let _ = home.update(message);
    }
    (db, home, root)
}

/// Applies a home message and what its tasks produce, the system viewer left out.
fn apply_home(home: &mut Held<Home>, message: home::Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if matches!(message, home::Message::Open(_)) {
            continue;
        }
        queue.extend(run(home.update(message)));
    }
}

#[test]
fn home_print_on_a_saturday_prints_today_s_and_next_week_s_deliveries() {
    // Saturday 5 December 2026: Amancey (Saturday) delivers today; the other depots
    // delivered on Monday–Friday of week 49, so their next deliveries are in week 50.
    let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let (db, mut home, root) = home_on(saturday);
    let messages: Vec<home::Message> = {
        let mut ui = simulator(home.view());
        ui.click("Imprimer les prochaines feuilles").unwrap();
        ui.into_messages().collect()
    };
    assert!(matches!(messages[..], [home::Message::PrintWeek]));
    for message in messages {
        apply_home(&mut home, message);
    }
    // One click, no dialog: the files are in the week-50 folder, and the banner says so.
    let dir = root.path().join("2026-S50");
    assert!(dir.join("emargement-tous.pdf").is_file());
    assert!(dir.join("synthese.pdf").is_file());
    assert!(dir.join("preparation.pdf").is_file());
    let files = std::fs::read_dir(&dir).unwrap().count();
    let banner = format!(
        "Prochaines livraisons, du 05/12/2026 au 11/12/2026 : {files} fichiers enregistrés dans {}.",
        dir.display()
    );
    assert!(
        simulator(home.view()).find(banner.as_str()).is_ok(),
        "{banner}"
    );
    // The printed counts are the table's: same depots, same baskets.
    let next = binette::app::week::Deliveries::Next(saturday);
    let set = binette::app::week::print_set(&db, next).unwrap().unwrap();
    let dashboard = binette::app::home::dashboard(&db, saturday).unwrap();
    let table_total: i64 = dashboard.depots.iter().map(|d| d.total).sum();
    assert_eq!(set.total_baskets(), table_total);
    assert_eq!(set.depots.len(), dashboard.depots.len());
    for sheet in &set.depots {
        assert!(sheet.date >= saturday, "{} {}", sheet.name, sheet.date);
        let glance = dashboard
            .depots
            .iter()
            .find(|d| d.name == sheet.name)
            .unwrap();
        assert_eq!(sheet.total, glance.total, "{}", sheet.name);
    }
    let amancey = set
        .depots
        .iter()
        .find(|d| d.name.starts_with("Amancey"))
        .unwrap();
    assert_eq!(amancey.date, saturday);
}

#[test]
fn paniers_opens_on_week_50_on_saturday_sunday_and_monday() {
    // Saturday 5, Sunday 6 and Monday 7 December 2026: most depots' next delivery is in
    // week 50 (on the Saturday, only Amancey's is still in week 49: today).
    for day in [5, 6, 7] {
        let today = NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let conn = store::open_in_memory().unwrap();
        store::demo::create_demo(&conn, 1, today).unwrap();
        let db = Garden::new(conn, "demo.sqlite3".into());
        let (mut screen, task) = Held::open(&db, today, Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        assert!(
            shows(&screen, "Semaine 50 — du 7 au 13 décembre 2026"),
            "{day} December"
        );
        // The home table and button agree: every depot's next delivery is today or later.
        let (_db, home, _root) = home_on(today);
        assert!(
            simulator(home.view())
                .find("Imprimer les prochaines feuilles")
                .is_ok()
        );
    }
}
