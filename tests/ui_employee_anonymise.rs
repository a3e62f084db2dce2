//! « Anonymiser… » on an employee's file: the question warns while the path
//! runs and says what is erased and kept; « Annuler » changes nothing; « Oui, anonymiser »
//! shows the file as it now is.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::app::employees;
use binette::domain::employees::{Employee, Gender};
use binette::store::employees as store;
use binette::store::open_in_memory;
use binette::ui::employees::{Message, Screen};
use chrono::NaiveDate;
use common::run;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

common::screen_helpers!(Held<Screen>, Message);

fn start() -> (Held<Screen>, Garden) {
    let conn = open_in_memory().unwrap();
    let mut person = Employee::new(
        "Octave",
        "Durand",
        Gender::Male,
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
    );
    person.phone = "06 12 34 56 78".into();
    store::save_employee(&conn, &person).unwrap();
    let db = Garden::new(conn, std::path::PathBuf::from(":memory:"));
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (screen, db)
}

#[test]
fn the_question_warns_then_the_file_is_anonymised() {
    let (mut screen, db) = start();
    click(&mut screen, "DURAND");
    assert!(shows(&screen, "06 12 34 56 78"));
    click(&mut screen, "Anonymiser…");
    assert!(shows(
        &screen,
        "Attention : cette personne est encore en parcours ou sous contrat. Son dossier doit \
         être gardé pendant tout le parcours, puis pendant la durée de conservation \
         (Paramètres › Protection des données). Une sauvegarde est faite juste avant ; \
         l'anonymisation ne peut pas être défaite autrement qu'en restaurant cette sauvegarde \
         (Paramètres › Sauvegardes)."
    ));
    click(&mut screen, "Annuler");
    assert!(!shows(&screen, "Oui, anonymiser"));
    let id = employees::rows(&db, today()).unwrap()[0].id;
    assert_eq!(
        employees::file(&db, id).unwrap().employee.last_name,
        "Durand"
    );

    click(&mut screen, "Anonymiser…");
    click(&mut screen, "Oui, anonymiser");
    let label = format!("Personne anonymisée n° {id}");
    assert!(shows(
        &screen,
        &format!(
            "Dossier anonymisé : la personne est désormais « {label} ». Une sauvegarde a été \
             faite juste avant."
        )
    ));
    assert!(!shows(&screen, "06 12 34 56 78"));
    let file = employees::file(&db, id).unwrap();
    assert_eq!(file.employee.last_name, label);
    assert!(file.employee.anonymised_on.is_some());
}
