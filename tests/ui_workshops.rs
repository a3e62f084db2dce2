//! The Ateliers screen driven headless: a workshop with a session, registrations, bad input
//! kept and refused, attendance ticked, the session leaving the "not filled in" list.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::workshops::{AttendanceStatus, Participant};
use binette::store::{open_in_memory, workshops as store};
use binette::ui::workshops::{
    self as ui, DATE_ID, END_ID, Field, Message, PERSON_ID, START_ID, Screen, TITLE_ID, form, types,
};
use chrono::NaiveDate;
use common::run;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

common::screen_helpers!(Held<Screen>, Message);

fn start() -> (Held<Screen>, Garden) {
    let conn = open_in_memory().unwrap();
    for (last, first) in [("Dupont", "Marie"), ("Durand", "Paul"), ("Martin", "Léa")] {
        conn.execute(
            "INSERT INTO member (last_name, first_name) VALUES (?1, ?2)",
            [last, first],
        )
        .unwrap();
    }
    let db = Garden::new(conn, "/tmp/ui_workshops.sqlite3".into());
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (screen, db)
}

/// What the screen lists, read back through the use case.
fn lists(db: &Garden) -> binette::app::workshops::Lists {
    binette::app::workshops::lists(db, today()).unwrap()
}

/// Who is registered for `session_id`, read back through the use case.
fn registrations(db: &Garden, session_id: i64) -> Vec<store::Registration> {
    let (_, detail) = binette::app::workshops::show_session(db, session_id, today()).unwrap();
    detail.unwrap().registrations
}

#[test]
fn workshop_session_registrations_and_attendance() {
    let (mut screen, db) = start();
    assert!(shows(
        &screen,
        "Aucune séance : créez un atelier et ses dates avec « Nouvel atelier »."
    ));

    click(&mut screen, "Nouvel atelier");
    type_in(&mut screen, TITLE_ID, "Soupes d'hiver");
    apply(
        &mut screen,
        Message::Form(form::Message::Input(Field::Capacity, "0".into())),
    );
    click(&mut screen, "Enregistrer");
    assert!(shows(
        &screen,
        "Le nombre de places doit être supérieur à zéro (laissez vide s'il n'y a pas de limite)."
    ));
    apply(
        &mut screen,
        Message::Form(form::Message::Input(Field::Capacity, "2".into())),
    );

    // A date that does not exist, then an end before the start: refused, nothing lost.
    type_in(&mut screen, DATE_ID, "31/04/2026");
    type_in(&mut screen, START_ID, "14h");
    type_in(&mut screen, END_ID, "12h");
    click(&mut screen, "Ajouter la séance");
    assert!(shows(
        &screen,
        "« 31/04/2026 » n'est pas une date du calendrier : tapez-la comme 28/11/2026."
    ));
    apply(
        &mut screen,
        Message::Form(form::Message::Input(Field::Date, "26/11/2026".into())),
    );
    click(&mut screen, "Ajouter la séance");
    assert!(shows(
        &screen,
        "L'heure de fin (12:00) doit être après l'heure de début (14:00)."
    ));
    apply(
        &mut screen,
        Message::Form(form::Message::Input(Field::End, "16h30".into())),
    );
    click(&mut screen, "Ajouter la séance");
    assert!(shows(&screen, "26/11/2026 · 14:00 – 16:30"));
    assert!(lists(&db).sessions.is_empty(), "nothing saved yet");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Atelier enregistré."));
    assert!(shows(&screen, "Soupes d'hiver"));
    let sessions = lists(&db).sessions;
    assert_eq!(sessions.len(), 1);
    let session_id = sessions[0].session_id;
    assert_eq!(sessions[0].capacity, Some(2));

    // The session is past and nobody was marked: it is flagged.
    let flagged = ui::unfilled_label(&sessions[0]);
    assert_eq!(flagged, "À saisir : 26/11/2026 · Soupes d'hiver");
    assert!(shows(&screen, &flagged));

    // Two members by type-ahead, one outside person by name.
    type_in(&mut screen, PERSON_ID, "dup");
    click(&mut screen, "DUPONT Marie (adhérent·e)");
    type_in(&mut screen, PERSON_ID, "paul dur");
    click(&mut screen, "DURAND Paul (adhérent·e)");
    type_in(&mut screen, PERSON_ID, "Mme Roux");
    click(&mut screen, &ui::outside_label("Mme Roux"));
    assert!(shows(&screen, "Complet (2 places)"));
    assert!(shows(
        &screen,
        "Attention : 3 personnes inscrites pour 2 places. Vérifiez que la salle et le matériel suffisent."
    ));

    // The same people again: not offered, or refused with the typed name kept.
    type_in(&mut screen, PERSON_ID, "dupont");
    assert!(!shows(&screen, "DUPONT Marie (adhérent·e)"));
    apply(&mut screen, Message::PersonQuery("mme roux".into()));
    click(&mut screen, &ui::outside_label("mme roux"));
    assert!(shows(
        &screen,
        "mme roux est déjà inscrit·e à cette séance."
    ));
    assert!(shows(&screen, &ui::outside_label("mme roux")));
    let registered = registrations(&db, session_id);
    assert_eq!(registered.len(), 3);

    // Everyone present, then the first one (DUPONT Marie) absent.
    click(&mut screen, "Tous présents");
    click(&mut screen, "Absent");
    let statuses: Vec<_> = registrations(&db, session_id)
        .into_iter()
        .map(|r| (r.name, r.attendance.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("DUPONT Marie".to_owned(), AttendanceStatus::Absent),
            ("DURAND Paul".to_owned(), AttendanceStatus::Present),
            ("Mme Roux".to_owned(), AttendanceStatus::Present),
        ]
    );
    assert!(!shows(&screen, &flagged), "the session left the list");
    assert!(lists(&db).unfilled.is_empty());

    // The history of a person who came.
    let attended = |who: &Participant| binette::app::workshops::attended_by(&db, who).unwrap();
    let history = attended(&Participant::Outside("MME ROUX".into()));
    assert_eq!(history.len(), 1);
    let dupont = lists(&db)
        .people
        .into_iter()
        .find(|p| p.name == "DUPONT Marie")
        .unwrap();
    let member_history = attended(&dupont.participant);
    assert!(member_history.is_empty(), "absent is not attended");
}

#[test]
fn filters_by_type_period_and_search() {
    let (mut screen, _db) = start();
    click(&mut screen, "Nouvel atelier");
    type_in(&mut screen, TITLE_ID, "Semis de printemps");
    type_in(&mut screen, DATE_ID, "03/12/2026");
    type_in(&mut screen, START_ID, "9h");
    type_in(&mut screen, END_ID, "11h");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Atelier enregistré."));
    // Coming sessions are listed by default.
    assert!(shows(
        &screen,
        "Conserves · 0 inscrit, sans limite de places"
    ));
    apply(&mut screen, Message::Search("soupe".into()));
    assert!(shows(&screen, "Aucune séance ne correspond à ces filtres."));
    apply(&mut screen, Message::Search("semis".into()));
    assert!(!shows(
        &screen,
        "Aucune séance ne correspond à ces filtres."
    ));
    apply(&mut screen, Message::TypeFilter("Cuisine".into()));
    assert!(shows(&screen, "Aucune séance ne correspond à ces filtres."));
    apply(&mut screen, Message::TypeFilter(ui::ALL_TYPES.into()));
    apply(
        &mut screen,
        Message::PeriodFilter(binette::domain::workshops::Period::Past),
    );
    assert!(shows(&screen, "Aucune séance ne correspond à ces filtres."));
    apply(
        &mut screen,
        Message::PeriodFilter(binette::domain::workshops::Period::NextMonth),
    );
    assert!(!shows(
        &screen,
        "Aucune séance ne correspond à ces filtres."
    ));
}

#[test]
fn the_type_list_is_editable_and_a_used_type_stays() {
    let (mut screen, db) = start();
    click(&mut screen, "Types d'atelier");
    type_in(&mut screen, ui::NEW_TYPE_ID, "Couture");
    click(&mut screen, "Ajouter");
    let names = || -> Vec<String> { lists(&db).types.into_iter().map(|t| t.name).collect() };
    assert!(names().contains(&"Couture".to_owned()));
    assert!(shows(&screen, "Couture"));
    // The same name again is refused with a French message.
    type_in(&mut screen, ui::NEW_TYPE_ID, "couture");
    click(&mut screen, "Ajouter");
    assert!(shows(
        &screen,
        "Un type d'atelier nommé « couture » existe déjà."
    ));
    // A type in use cannot be deleted.
    let cuisine = lists(&db)
        .types
        .into_iter()
        .find(|t| t.name == "Cuisine")
        .unwrap();
    click(&mut screen, "Nouvel atelier");
    apply(
        &mut screen,
        Message::Form(form::Message::Type(cuisine.clone())),
    );
    type_in(&mut screen, TITLE_ID, "Tartes");
    click(&mut screen, "Enregistrer");
    apply(
        &mut screen,
        Message::Types(types::Message::Delete(cuisine.id)),
    );
    assert!(names().contains(&"Cuisine".to_owned()));
    assert!(shows(
        &screen,
        "Ce type ne peut pas être supprimé : 1 atelier l'utilise. Changez d'abord leur type."
    ));
}
