//! Paramètres › « Protection des données »: the durations (a refusal under its field), the
//! due list, and anonymising the selection after the confirmation.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::{Garden, privacy};
use binette::store;
use binette::ui::settings::privacy::{Message as PrivacyMessage, Years};
use binette::ui::settings::{Message, Settings};
use chrono::NaiveDate;
use common::run;

fn apply(screen: &mut Held<Settings>, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        queue.extend(run(screen.update(message)));
    }
}

common::screen_helpers!(Held<Settings>, Message; shows);

/// Clicks `label` on a window tall enough to show the whole page (no scrolling).
fn click(screen: &mut Held<Settings>, label: &str) {
    let mut ui = iced_test::Simulator::with_size(
        iced_test::core::Settings::default(),
        (1024.0, 4000.0),
        screen.view(),
    );
    ui.click(label).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking « {label} » did nothing");
    for message in messages {
        apply(screen, message);
    }
}

/// Alice Martin left on 30/06/2019 (due from 30/06/2024); household Dupont stopped in
/// 2020 (due from 31/12/2023); Bruno Petit's path is open.
fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO employee (id, last_name, first_name, gender, entry_date) VALUES
             (1, 'Martin', 'Alice', 'f', '2017-01-02'), (2, 'Petit', 'Bruno', 'm', '2018-03-01');
         INSERT INTO exit (employee_id, date, category) VALUES (1, '2019-06-30', 1);
         INSERT INTO member (id, last_name, first_name, status, joined_on) VALUES
             (10, 'Dupont', 'Jeanne', 'parti', '2020-12-31');",
    )
    .unwrap();
    Garden::new(conn, "memoire.sqlite3".into())
}

fn open(db: &Garden) -> Held<Settings> {
    let today = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    let (mut screen, task) = Held::open(db, today, Settings::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn the_due_list_is_anonymised_after_the_confirmation() {
    let db = garden();
    let mut screen = open(&db);
    assert!(shows(&screen, "Protection des données"));
    assert!(shows(
        &screen,
        "2 personne(s) ont dépassé leur durée de conservation :"
    ));
    assert!(shows(&screen, "MARTIN Alice — Salarié"));
    assert!(shows(&screen, "DUPONT Jeanne — Adhérent"));
    assert!(!shows(&screen, "PETIT Bruno — Salarié"));
    click(&mut screen, "Tout sélectionner");
    click(&mut screen, "Anonymiser la sélection (2)");
    assert!(
        privacy::due_count(&db, NaiveDate::from_ymd_opt(2025, 1, 15).unwrap()).unwrap() == 2,
        "nothing done before the confirmation"
    );
    click(&mut screen, "Oui, anonymiser");
    assert!(shows(
        &screen,
        "Personne n'a dépassé sa durée de conservation."
    ));
    assert!(shows(
        &screen,
        "2 personne(s) anonymisée(s) : 1 salarié(s), 1 adhérent(s), 0 participant(s) \
         extérieur(s). Une sauvegarde a été faite juste avant."
    ));
}

#[test]
fn a_duration_refused_is_said_under_its_field_and_kept() {
    let db = garden();
    let mut screen = open(&db);
    apply(
        &mut screen,
        Message::Privacy(PrivacyMessage::Edited(Years::Members, "0".into())),
    );
    click(&mut screen, "Enregistrer les durées");
    assert!(shows(&screen, "Un nombre entier d'années, de 1 à 50."));
    assert!(shows(&screen, "0"));
    // Employees kept 10 years: Alice Martin is no longer due in 2025.
    apply(
        &mut screen,
        Message::Privacy(PrivacyMessage::Edited(Years::Members, "3".into())),
    );
    apply(
        &mut screen,
        Message::Privacy(PrivacyMessage::Edited(Years::Employees, "10".into())),
    );
    click(&mut screen, "Enregistrer les durées");
    assert!(shows(&screen, "Durées de conservation enregistrées."));
    assert!(shows(
        &screen,
        "1 personne(s) ont dépassé leur durée de conservation :"
    ));
    assert!(!shows(&screen, "MARTIN Alice — Salarié"));
}
