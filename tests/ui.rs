//! The shell driven headless: first start, every sidebar entry, Accueil's figures.

#![allow(clippy::unwrap_used)]

mod common;

use binette::store::{self, dashboard};
use binette::ui::section::Section;
use binette::ui::{App, Launch, Message};
use chrono::Local;
use common::run;

common::screen_helpers!(App, Message);

fn start(launch: Launch) -> App {
    let (mut app, task) = App::new(launch);
    for message in run(task) {
        apply(&mut app, message);
    }
    app
}

#[test]
fn first_start_offers_a_choice_then_opens_the_demo_apart_from_real_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(Launch {
        data_dir: Some(dir.path().to_path_buf()),
        ..Launch::default()
    });
    assert!(shows(&app, "Commencer avec un jardin vide"));
    assert!(shows(&app, "Découvrir avec un jardin de démonstration"));
    assert_eq!(app.title(), "Binette");

    click(&mut app, "Découvrir avec un jardin de démonstration");
    assert_eq!(app.section(), Some(Section::Home));
    assert!(app.title().starts_with("Binette — "), "{}", app.title());
    assert!(app.title().ends_with(" (démonstration)"), "{}", app.title());
    assert!(dir.path().join("demonstration.sqlite3").is_file());
    assert!(
        !dir.path().join("binette.sqlite3").exists(),
        "the demo never goes into the real database"
    );
    assert!(
        dir.path().join("sauvegardes-demonstration").is_dir(),
        "an automatic backup was made at opening"
    );
    assert!(
        !dir.path().join("sauvegardes").exists(),
        "the demo's backups are kept apart from the real garden's"
    );
}

#[test]
fn an_empty_garden_needs_a_name_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(Launch {
        data_dir: Some(dir.path().to_path_buf()),
        ..Launch::default()
    });
    click(&mut app, "Commencer avec un jardin vide");
    assert!(shows(
        &app,
        "Indiquez le nom de votre jardin pour commencer."
    ));
    assert!(!dir.path().join("binette.sqlite3").exists());

    let typed_name = typed(
        &app,
        binette::ui::welcome::GARDEN_NAME_ID,
        0,
        "Jardin des Lilas",
        false,
    );
    for message in typed_name {
        apply(&mut app, message);
    }
    click(&mut app, "Commencer avec un jardin vide");
    assert_eq!(app.title(), "Binette — Jardin des Lilas");
    assert!(dir.path().join("binette.sqlite3").is_file());
    assert!(shows(
        &app,
        "Aucun dépôt actif : ajoutez vos dépôts dans Adhérents."
    ));
    // First steps: the name is done, the rest is listed; nothing to print yet.
    assert!(shows(&app, "Premiers pas"));
    assert!(shows(&app, "Nom du jardin (le logo est facultatif)"));
    assert!(shows(&app, "Première composition des paniers"));
    assert!(clicked(&app, "Imprimer les prochaines feuilles").is_empty());
}

#[test]
fn the_last_garden_is_reopened_and_the_demo_can_be_left() {
    let dir = tempfile::tempdir().unwrap();
    let launch = || Launch {
        data_dir: Some(dir.path().to_path_buf()),
        ..Launch::default()
    };
    let mut app = start(launch());
    click(&mut app, "Découvrir avec un jardin de démonstration");
    // Each window holds its garden's lock until it is closed (dropped): close it first.
    drop(app);
    // Next start: straight into the demonstration, used last.
    let mut app = start(launch());
    assert!(app.title().ends_with(" (démonstration)"), "{}", app.title());
    assert_eq!(app.section(), Some(Section::Home));
    // Leaving it without a real garden: the welcome screen, now and at the next start.
    click(&mut app, "Quitter la démonstration");
    assert!(shows(&app, "Commencer avec un jardin vide"));
    drop(app);
    let mut app = start(launch());
    assert!(shows(&app, "Commencer avec un jardin vide"));
    for message in typed(
        &app,
        binette::ui::welcome::GARDEN_NAME_ID,
        0,
        "Jardin des Prés",
        false,
    ) {
        apply(&mut app, message);
    }
    click(&mut app, "Commencer avec un jardin vide");
    drop(app);
    let app = start(launch());
    assert_eq!(app.title(), "Binette — Jardin des Prés");
    drop(app);
    // The demonstration again, then left: back to the real garden.
    let mut app = start(Launch {
        demo: true,
        ..launch()
    });
    assert!(app.title().ends_with(" (démonstration)"), "{}", app.title());
    click(&mut app, "Quitter la démonstration");
    assert_eq!(app.title(), "Binette — Jardin des Prés");
    drop(app);
    assert_eq!(start(launch()).title(), "Binette — Jardin des Prés");
}

#[test]
fn every_sidebar_entry_opens_its_screen_and_home_matches_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let today = Local::now().date_naive();
    let expected = {
        let conn = store::open(&path).unwrap();
        store::demo::create_demo(&conn, 1, today).unwrap();
        dashboard::dashboard(&conn, today).unwrap()
    };
    let mut app = start(Launch {
        db: Some(path),
        ..Launch::default()
    });
    assert_eq!(app.section(), Some(Section::Home));

    // Accueil shows the demo's own figures.
    assert!(shows(&app, "Accueil"));
    assert!(
        !shows(&app, "Premiers pas"),
        "the demo needs no first steps"
    );
    for depot in &expected.depots {
        assert!(shows(&app, &depot.name), "depot {} missing", depot.name);
    }
    let grand_total: i64 = expected.totals.iter().sum();
    assert!(grand_total > 0, "the demo has baskets to prepare");
    assert!(shows(&app, &grand_total.to_string()));
    for ending in expected.employee_alerts.iter().take(8) {
        assert!(shows(&app, &ending.name), "{} missing", ending.name);
    }
    for session in &expected.sessions {
        assert!(shows(
            &app,
            &format!("{} ({})", session.workshop_title, session.type_name)
        ));
    }
    assert!(shows(&app, &expected.employees_in_path.to_string()));

    for section in Section::ALL {
        click(&mut app, section.label());
        assert_eq!(
            app.section(),
            Some(section),
            "{} did not open",
            section.label()
        );
    }
    click(&mut app, "Paramètres");
    assert!(shows(&app, "Identité du jardin"));
    assert!(shows(&app, "Sauvegarder maintenant"));
    click(&mut app, "Importer des adhérents…");
    assert!(
        shows(&app, "Choisir un fichier…"),
        "the import screen opens from Paramètres"
    );
    // The import screen belongs to the list it fills.
    assert_eq!(app.section(), Some(Section::Members));

    // Each list opens its own import.
    for (section, button, title) in [
        (Section::Members, "Importer…", "Importer des adhérents"),
        (Section::Harvests, "Importer…", "Importer des récoltes"),
        (
            Section::Employees,
            "Importer (les emplois)…",
            "Importer des salariés",
        ),
    ] {
        click(&mut app, section.label());
        click(&mut app, button);
        assert!(shows(&app, title), "{title} from {}", section.label());
        assert_eq!(app.section(), Some(section));
    }

    // Every screen has its "?": a short help naming the screen, closed again.
    for section in Section::ALL {
        click(&mut app, section.label());
        click(&mut app, "? Aide");
        let help = binette::ui::help::text_of(section);
        let title = help.lines().next().unwrap();
        assert!(shows(&app, title), "{title}");
        click(&mut app, "Fermer l'aide");
        assert!(!shows(&app, title), "{title}");
    }
}
