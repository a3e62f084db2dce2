//! The Salariés screen driven headless: a person who comes back after an exit starts a new
//! path; an exit category contradicting the job found is flagged; an FSE+ snapshot keeps
//! what was recorded when the profile changes.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::app::employees;
use binette::domain::employees::{
    ExitCategory, ExitOutcome, FseStage, Gender, LabourStatus, StatusFilter,
};
use binette::store::open_in_memory;
use binette::ui::employees::{F, Message, Screen, exit, file, fse, hours, identity, list};
use chrono::NaiveDate;
use common::run;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

common::screen_helpers!(Held<Screen>, Message);

/// The hours worked recorded for `id` in each month of 2026 (`None`: not recorded).
fn worked_2026(db: &Garden, id: i64) -> Vec<Option<f64>> {
    let recorded = employees::file(db, id).unwrap().worked_hours;
    (1..=12)
        .map(|m| recorded.get(&(2026, m)).copied())
        .collect()
}

/// A message of the Identité and Entrée tabs, as the screen receives it.
fn to_identity(message: identity::Message) -> Message {
    Message::File(file::Message::Identity(message))
}

/// A message of the Sortie tab, as the screen receives it.
fn to_exit(message: exit::Message) -> Message {
    Message::File(file::Message::Exit(message))
}

/// A message of the FSE+ tab, as the screen receives it.
fn to_fse(message: fse::Message) -> Message {
    Message::File(file::Message::Fse(message))
}

/// A message of the Heures (paie) tab, as the screen receives it.
fn to_hours(message: hours::Message) -> Message {
    Message::File(file::Message::Hours(message))
}

/// The screen on an empty database, with Zoé Lefèvre's file created and open (entered on
/// 5 January 2026); returns her id.
fn start_with_person() -> (Held<Screen>, Garden, i64) {
    let db = Garden::new(
        open_in_memory().unwrap(),
        std::path::PathBuf::from(":memory:"),
    );
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    click(&mut screen, "Nouveau salarié");
    type_in(&mut screen, F::LastName.id(), "Lefèvre");
    type_in(&mut screen, F::FirstName.id(), "Zoé");
    apply(
        &mut screen,
        to_identity(identity::Message::Gender(Gender::Female)),
    );
    apply(
        &mut screen,
        to_identity(identity::Message::Edit(F::EntryDate, "05/01/2026".into())),
    );
    click(&mut screen, "Créer la fiche");
    assert!(shows(&screen, "Fiche enregistrée."));
    let id = employees::rows(&db, today())
        .unwrap()
        .into_iter()
        .find(|e| e.last_name == "Lefèvre")
        .unwrap()
        .id;
    (screen, db, id)
}

#[test]
fn a_person_back_after_an_exit_starts_a_new_path() {
    let (mut screen, db, id) = start_with_person();
    click(&mut screen, "Sortie");
    assert!(shows(
        &screen,
        "Parcours 1 : depuis le 05/01/2026 (en cours)"
    ));
    assert!(
        !shows(&screen, "Commencer un nouveau parcours"),
        "no new path while the first one runs"
    );
    type_in(&mut screen, F::ExitDate.id(), "27/02/2026");
    apply(
        &mut screen,
        to_exit(exit::Message::Outcome(ExitOutcome::JobSeeking)),
    );
    click(&mut screen, "Enregistrer la sortie");
    assert!(shows(&screen, "Sortie enregistrée."));
    assert!(shows(
        &screen,
        "Parcours 1 : du 05/01/2026 au 27/02/2026 — Autre sortie"
    ));

    // A new entry on the exit day is refused, with the reason; the date typed stays.
    type_in(&mut screen, F::NewPathDate.id(), "27/02/2026");
    click(&mut screen, "Commencer un nouveau parcours");
    assert!(shows(
        &screen,
        "La nouvelle entrée doit suivre la sortie du 27/02/2026 : vérifiez la date."
    ));
    apply(
        &mut screen,
        to_exit(exit::Message::Edit(F::NewPathDate, "02/03/2026".into())),
    );
    click(&mut screen, "Commencer un nouveau parcours");
    assert!(shows(
        &screen,
        "Nouveau parcours commencé : saisissez son contrat."
    ));
    assert!(shows(
        &screen,
        "Parcours 2 : depuis le 02/03/2026 (en cours)"
    ));
    let paths = employees::file(&db, id).unwrap().paths;
    assert_eq!(paths.len(), 2);
    assert_eq!(
        paths[0].exit.as_ref().unwrap().category,
        ExitCategory::Other,
        "the first exit stays as reported"
    );
    assert_eq!(employees::file(&db, id).unwrap().exit, None);

    // Started by mistake? While still empty, the new path can be cancelled.
    click(
        &mut screen,
        "Annuler ce nouveau parcours (commencé par erreur)",
    );
    assert!(shows(&screen, "Nouveau parcours annulé."));
    assert_eq!(employees::file(&db, id).unwrap().paths.len(), 1);
    assert!(employees::file(&db, id).unwrap().exit.is_some());
    apply(
        &mut screen,
        to_exit(exit::Message::Edit(F::NewPathDate, "02/03/2026".into())),
    );
    click(&mut screen, "Commencer un nouveau parcours");

    // Back on a path: listed under « En parcours » again.
    click(&mut screen, "← Liste");
    apply(
        &mut screen,
        Message::List(list::Message::Filter(StatusFilter::InPath)),
    );
    assert!(shows(&screen, "LEFÈVRE"));
}

#[test]
fn an_exit_category_contradicting_the_job_found_is_flagged() {
    let (mut screen, _db, _id) = start_with_person();
    click(&mut screen, "Sortie");
    apply(
        &mut screen,
        to_exit(exit::Message::Outcome(ExitOutcome::Cdi)),
    );
    let warning = "La situation « CDI » relève de la catégorie « Emploi durable », pas de \
                   « Autre sortie » : vérifiez la catégorie de sortie.";
    assert!(!shows(&screen, warning), "the suggested category agrees");
    apply(
        &mut screen,
        to_exit(exit::Message::Category(ExitCategory::Other)),
    );
    assert!(shows(&screen, warning));
}

#[test]
fn an_fse_snapshot_keeps_what_was_recorded_when_the_profile_changes() {
    let (mut screen, db, id) = start_with_person();
    click(&mut screen, "FSE+");
    apply(&mut screen, to_fse(fse::Message::Stage(FseStage::Entry)));
    apply(
        &mut screen,
        to_fse(fse::Message::Labour(LabourStatus::LongTermUnemployed)),
    );
    click(&mut screen, "Enregistrer le questionnaire");
    // The profile changes afterwards.
    click(&mut screen, "Identité");
    apply(
        &mut screen,
        to_identity(identity::Message::Gender(Gender::NonBinary)),
    );
    click(&mut screen, "Enregistrer");
    // The entry snapshot is edited: only its answer changes.
    click(&mut screen, "FSE+");
    apply(&mut screen, to_fse(fse::Message::Stage(FseStage::Entry)));
    apply(
        &mut screen,
        to_fse(fse::Message::Labour(LabourStatus::Inactive)),
    );
    click(&mut screen, "Enregistrer le questionnaire");
    let snapshots = employees::file(&db, id).unwrap().fse;
    assert_eq!(snapshots.len(), 1);
    assert_eq!(snapshots[0].gender, Gender::Female, "as recorded at entry");
    assert!(shows(
        &screen,
        "À l'entrée : répondu le 02/03/2026 (femme, âge non renseigné, niveau non renseigné)"
    ));
    assert_eq!(snapshots[0].labour_status, Some(LabourStatus::Inactive));
    let employee = employees::file(&db, id).unwrap().employee;
    assert_eq!(employee.gender, Gender::NonBinary, "the profile did change");
}

#[test]
fn the_rsa_box_is_the_rsa_criterion() {
    use binette::domain::employees::Criterion;
    use binette::ui::employees::Flag;
    let (mut screen, db, id) = start_with_person();
    click(&mut screen, "Entrée");
    let eligible =
        "Éligible : la règle de l'ACI est remplie (1 critère de niveau 1 ou 3 de niveau 2).";
    assert!(!shows(&screen, eligible));
    apply(
        &mut screen,
        to_identity(identity::Message::Flag(Flag::Rsa, true)),
    );
    assert!(shows(&screen, eligible), "RSA is a level-1 criterion");
    // Unticking the criterion unticks the box: they cannot disagree.
    apply(
        &mut screen,
        to_identity(identity::Message::Criterion(Criterion::Rsa, false)),
    );
    assert!(!shows(&screen, eligible));
    apply(
        &mut screen,
        to_identity(identity::Message::Criterion(Criterion::Justice, true)),
    );
    click(&mut screen, "Enregistrer");
    let saved = employees::file(&db, id).unwrap().employee;
    assert!(saved.court_measure && !saved.rsa);
    assert_eq!(saved.criteria, [Criterion::Justice]);
}

#[test]
fn hours_worked_are_typed_month_by_month() {
    let (mut screen, db, id) = start_with_person();
    click(&mut screen, "Heures (paie)");
    assert!(shows(&screen, "2026"), "the current year first");
    type_in(&mut screen, F::Worked(1).id(), "140");
    type_in(&mut screen, F::Worked(2).id(), "151,67");
    type_in(&mut screen, F::Worked(3).id(), "beaucoup");
    click(&mut screen, "Enregistrer les heures");
    assert!(shows(
        &screen,
        "Heures du mois : un nombre, par exemple 151,67."
    ));
    apply(
        &mut screen,
        to_hours(hours::Message::Edit(F::Worked(3), String::new())),
    );
    click(&mut screen, "Enregistrer les heures");
    assert!(shows(&screen, "Heures travaillées enregistrées."));
    let months = worked_2026(&db, id);
    assert_eq!(&months[..3], &[Some(140.0), Some(151.67), None]);
    // Another year shows its own months (none here), and back again.
    apply(&mut screen, to_hours(hours::Message::Year(2025)));
    assert!(shows(&screen, "2025"));
    assert!(!shows(&screen, "151,67"));
    apply(&mut screen, to_hours(hours::Message::Year(2026)));
    assert!(shows(&screen, "151,67"));
}

#[test]
fn a_payroll_export_fills_the_hours_of_everyone_it_names() {
    let (mut screen, db, id) = start_with_person();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paie.csv");
    // Zoé twice (January, February), a stranger, and an unreadable month.
    std::fs::write(
        &path,
        "Matricule;Nom;Prénom;Période;Heures travaillées\r\n\
         12;LEFEVRE;Zoe;01/2026;140,5\r\n\
         12;Lefèvre;Zoé;02/2026;120\r\n\
         13;Inconnu;Jean;01/2026;151,67\r\n\
         12;Lefèvre;Zoé;13/2026;10\r\n",
    )
    .unwrap();
    click(&mut screen, "Heures (paie)");
    apply(
        &mut screen,
        to_hours(hours::Message::FileChosen(Some(path))),
    );
    assert!(shows(
        &screen,
        "2 mois d'heures travaillées importés. 2 ligne(s) refusée(s) : Ligne 5 : mois « 13/2026 » \
         illisible (écrivez 01/2026). Ligne 4 : Jean Inconnu n'est pas un salarié connu."
    ));
    let months = worked_2026(&db, id);
    assert_eq!(&months[..3], &[Some(140.5), Some(120.0), None]);
    assert!(shows(&screen, "140,5"), "the grid shows what was imported");
}
