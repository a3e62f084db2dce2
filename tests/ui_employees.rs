//! The Salariés screen driven headless: create a person, contracts with warnings, search,
//! exit with a suggested category, bad input kept and refused.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::app::employees::{self, Change};
use binette::domain::employees::{ExitCategory, ExitOutcome, Gender, StatusFilter};
use binette::store::employees as store;
use binette::store::open_in_memory;
use binette::ui::employees::{F, Message, Screen, exit, file, identity, list};
use chrono::NaiveDate;
use common::run;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

common::screen_helpers!(Held<Screen>, Message);

/// A message of the Identité and Entrée tabs, as the screen receives it.
fn to_identity(message: identity::Message) -> Message {
    Message::File(file::Message::Identity(message))
}

/// A message of the Sortie tab, as the screen receives it.
fn to_exit(message: exit::Message) -> Message {
    Message::File(file::Message::Exit(message))
}

fn start() -> (Held<Screen>, Garden) {
    let conn = open_in_memory().unwrap();
    let other = binette::domain::employees::Employee::new(
        "Octave",
        "Durand",
        Gender::Male,
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
    );
    store::save_employee(&conn, &other).unwrap();
    let db = Garden::new(conn, std::path::PathBuf::from(":memory:"));
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    (screen, db)
}

fn create_person(screen: &mut Held<Screen>) {
    click(screen, "Nouveau salarié");
    type_in(screen, F::LastName.id(), "Lefèvre");
    type_in(screen, F::FirstName.id(), "Zoé");
    apply(
        screen,
        to_identity(identity::Message::Gender(Gender::Female)),
    );
    click(screen, "Créer la fiche");
    assert!(shows(screen, "Fiche enregistrée."));
}

fn person_id(db: &Garden) -> i64 {
    employees::rows(db, today())
        .unwrap()
        .into_iter()
        .find(|e| e.last_name == "Lefèvre")
        .unwrap()
        .id
}

#[test]
fn create_a_person_add_a_short_hours_contract_and_find_them() {
    let (mut screen, db) = start();
    assert!(shows(&screen, "DURAND"));
    create_person(&mut screen);
    let id = person_id(&db);

    click(&mut screen, "Contrats");
    type_in(&mut screen, F::ContractStart.id(), "05/01/2026");
    type_in(&mut screen, F::ContractEnd.id(), "30/06/2026");
    type_in(&mut screen, F::ContractHours.id(), "18");
    let warning = "18 h par semaine : moins de 20 h, seulement pour des difficultés \
                   particulièrement importantes, à justifier.";
    assert!(
        shows(&screen, warning),
        "the under-20-hours warning is shown"
    );
    click(&mut screen, "Enregistrer le contrat");
    assert!(
        shows(&screen, "Contrat enregistré."),
        "a warning does not block"
    );
    let contracts = employees::file(&db, id).unwrap().contracts;
    assert_eq!(contracts.len(), 1);
    assert_eq!(contracts[0].weekly_hours, 18.0);

    click(&mut screen, "← Liste");
    type_in(
        &mut screen,
        binette::ui::employees::SEARCH_ID.to_owned(),
        "lef",
    );
    assert!(shows(&screen, "LEFÈVRE"));
    assert!(!shows(&screen, "DURAND"), "the search hides the others");
    click(&mut screen, "LEFÈVRE");
    assert!(shows(&screen, "LEFÈVRE Zoé"));
}

#[test]
fn an_exit_after_a_four_month_cdd_suggests_a_transition_job() {
    let (mut screen, db) = start();
    click(&mut screen, "Nouveau salarié");
    type_in(&mut screen, F::LastName.id(), "Lefèvre");
    type_in(&mut screen, F::FirstName.id(), "Zoé");
    apply(
        &mut screen,
        to_identity(identity::Message::Gender(Gender::Female)),
    );
    click(&mut screen, "Entrée");
    apply(
        &mut screen,
        to_identity(identity::Message::Edit(F::EntryDate, "05/01/2026".into())),
    );
    click(&mut screen, "Identité");
    click(&mut screen, "Créer la fiche");
    let id = person_id(&db);
    click(&mut screen, "Sortie");
    type_in(&mut screen, F::ExitDate.id(), "27/02/2026");
    apply(
        &mut screen,
        to_exit(exit::Message::Outcome(ExitOutcome::Cdd)),
    );
    type_in(&mut screen, F::ExitMonths.id(), "4");
    assert!(shows(&screen, "Catégorie suggérée : Emploi de transition"));
    click(&mut screen, "Enregistrer la sortie");
    let exit = employees::file(&db, id).unwrap().exit.unwrap();
    assert_eq!(exit.category, ExitCategory::TransitionJob);
    assert_eq!(exit.outcome, Some(ExitOutcome::Cdd));
    assert_eq!(exit.outcome_months, Some(4));
    assert_eq!(exit.detail, "");

    // The file stays available under "Sortis".
    click(&mut screen, "← Liste");
    assert!(!shows(&screen, "LEFÈVRE"));
    apply(
        &mut screen,
        Message::List(list::Message::Filter(StatusFilter::Exited)),
    );
    assert!(shows(&screen, "LEFÈVRE"));
}

#[test]
fn bad_input_is_refused_next_to_the_field_and_kept() {
    let (mut screen, db) = start();
    click(&mut screen, "Nouveau salarié");
    type_in(&mut screen, F::FirstName.id(), "Zoé");
    click(&mut screen, "Créer la fiche");
    assert!(shows(&screen, "Le nom est obligatoire."));
    assert!(shows(
        &screen,
        "Choisissez le genre (femme, homme, non-binaire)."
    ));
    assert_eq!(employees::rows(&db, today()).unwrap().len(), 1);
    type_in(&mut screen, F::LastName.id(), "Lefèvre");
    apply(
        &mut screen,
        to_identity(identity::Message::Gender(Gender::Female)),
    );
    click(&mut screen, "Créer la fiche");
    assert!(
        shows(&screen, "Fiche enregistrée."),
        "the first name was kept"
    );
    let id = person_id(&db);

    click(&mut screen, "Contrats");
    type_in(&mut screen, F::ContractStart.id(), "31/02/2026");
    type_in(&mut screen, F::ContractEnd.id(), "30/06/2026");
    type_in(&mut screen, F::ContractHours.id(), "60");
    click(&mut screen, "Enregistrer le contrat");
    assert!(shows(
        &screen,
        "Date impossible : « 31/02/2026 ». Écrivez-la jj/mm/aaaa (ex. 28/11/2026)."
    ));
    assert!(shows(
        &screen,
        "Heures par semaine : un nombre entre 1 et 48."
    ));
    apply(
        &mut screen,
        Message::File(file::Message::Contracts(
            binette::ui::employees::contracts::Message::Edit(F::ContractStart, "01/07/2026".into()),
        )),
    );
    click(&mut screen, "Enregistrer le contrat");
    assert!(shows(&screen, "La fin est avant le début."));
    let stored = employees::file(&db, id).unwrap().contracts;
    assert!(stored.is_empty(), "nothing saved half-way");

    click(&mut screen, "PASS IAE");
    type_in(&mut screen, F::PassNumber.id(), "12345");
    type_in(&mut screen, F::PassStart.id(), "05/01/2026");
    click(&mut screen, "Enregistrer le PASS IAE");
    assert!(shows(
        &screen,
        "Le numéro de PASS IAE compte 12 caractères, lettres ou chiffres."
    ));
    // The end was filled in from the start: two years.
    assert!(shows(
        &screen,
        "Fin effective, suspensions et prolongations comprises : 04/01/2028"
    ));
}

#[test]
fn a_duplicate_pass_number_is_refused() {
    let (mut screen, db) = start();
    let durand = employees::rows(&db, today()).unwrap()[0].id;
    let pass = binette::domain::employees::Approval {
        id: 0,
        employee_id: durand,
        number: "999992612345".into(),
        start_date: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        end_date: NaiveDate::from_ymd_opt(2027, 8, 31).unwrap(),
        changes: vec![],
    };
    employees::save(&db, durand, Change::Approval(pass)).unwrap();
    create_person(&mut screen);
    click(&mut screen, "PASS IAE");
    type_in(&mut screen, F::PassNumber.id(), "99999 26 12345");
    type_in(&mut screen, F::PassStart.id(), "05/01/2026");
    click(&mut screen, "Enregistrer le PASS IAE");
    assert!(shows(
        &screen,
        "Ce numéro de PASS IAE est déjà celui de Octave Durand."
    ));
}

#[test]
fn deleting_a_person_says_what_goes_with_them() {
    let (mut screen, db) = start();
    create_person(&mut screen);
    click(&mut screen, "Contrats");
    type_in(&mut screen, F::ContractStart.id(), "05/01/2026");
    type_in(&mut screen, F::ContractEnd.id(), "30/06/2026");
    type_in(&mut screen, F::ContractHours.id(), "26");
    click(&mut screen, "Enregistrer le contrat");
    click(&mut screen, "Supprimer la fiche…");
    assert!(shows(&screen, "Supprimer définitivement cette fiche ?"));
    click(&mut screen, "Supprimer définitivement");
    assert!(shows(&screen, "Fiche de Zoé Lefèvre supprimée."));
    assert_eq!(employees::rows(&db, today()).unwrap().len(), 1);
}
