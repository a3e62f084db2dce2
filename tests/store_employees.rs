//! Round-trips for every insertion table, and the home screen's queries.

#![allow(clippy::unwrap_used)] // Integration-test helpers are outside #[test] functions.

use binette::domain::employees::{
    Approval, ApprovalChange, ApprovalChangeKind, Civility, Contract, Criterion, EducationLevel,
    Employee, Exit, ExitCategory, ExitOutcome, ExitResult, FollowUp, FseSnapshot, FseStage, Gender,
    Immersion, ImmersionObjective, LabourStatus, PrescriberKind, SensitiveAnswer, SixMonthResult,
    Staff, StaffRole, Training,
};
use binette::store::employees::*;
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn staff() -> Staff {
    Staff {
        id: 0,
        last_name: "Bernard".to_owned(),
        first_name: "Luc".to_owned(),
        role: StaffRole::Counsellor,
        phone: "06 12 34 56 78".to_owned(),
        email: "luc@jardin.fr".to_owned(),
        active: true,
    }
}

fn full_employee(referent_id: Option<i64>) -> Employee {
    let mut e = Employee::new("Jeanne", "Martin", Gender::Female, d("2024-02-29"));
    e.civility = Civility::Madam;
    e.birth_date = Some(d("1972-03-01"));
    e.address = "3 rue des Lilas".to_owned();
    e.postcode = "25000".to_owned();
    e.city = "Besançon".to_owned();
    e.phone = "07 00 00 00 00".to_owned();
    e.email = "jeanne@exemple.fr".to_owned();
    e.referent_id = referent_id;
    e.prescriber_kind = PrescriberKind::Spip;
    e.prescriber_org = "SPIP du Doubs".to_owned();
    e.prescriber_contact = "Mme Roy".to_owned();
    e.education_level = Some(EducationLevel::BepCapLevel);
    e.rsa = true;
    e.unemployment_months = Some(30);
    e.rqth = true;
    e.court_measure = true;
    e.notes = "Permis B en cours".to_owned();
    // The RSA, RQTH and court-measure boxes are criteria too (eligibility has one source).
    e.criteria = vec![
        Criterion::Rsa,
        Criterion::Senior,
        Criterion::DisabledWorker,
        Criterion::Justice,
    ];
    e
}

fn employee(conn: &Connection, first: &str, last: &str) -> i64 {
    insert_employee(
        conn,
        &Employee::new(first, last, Gender::Male, d("2024-01-08")),
    )
    .unwrap()
}

fn contract(employee_id: i64, start: &str, end: &str) -> Contract {
    Contract {
        id: 0,
        employee_id,
        renewal_of: None,
        start_date: d(start),
        planned_end: d(end),
        actual_end: None,
        weekly_hours: 26.0,
        post: "Maraîchage".to_owned(),
    }
}

fn approval(employee_id: i64, end: &str, changes: Vec<ApprovalChange>) -> Approval {
    Approval {
        id: 0,
        employee_id,
        number: "999992412345".to_owned(),
        start_date: d("2024-01-08"),
        end_date: d(end),
        changes,
    }
}

fn change(kind: ApprovalChangeKind, start: &str, end: &str) -> ApprovalChange {
    ApprovalChange {
        id: 0,
        approval_id: 0,
        kind,
        start_date: d(start),
        end_date: d(end),
        reason: "Arrêt maladie".to_owned(),
    }
}

fn exit(conn: &Connection, employee_id: i64, date: &str) {
    let exit = Exit {
        employee_id,
        date: d(date),
        category: ExitCategory::TransitionJob,
        outcome: None,
        outcome_months: None,
        detail: String::new(),
    };
    insert_exit(conn, &exit).unwrap();
}

#[test]
fn staff_round_trip() {
    let conn = open_in_memory().unwrap();
    let mut s = staff();
    s.id = insert_staff(&conn, &s).unwrap();
    assert_eq!(get_staff(&conn, s.id).unwrap(), s);
    s.role = StaffRole::Supervisor;
    s.active = false;
    s.first_name = "Lucie".to_owned();
    update_staff(&conn, &s).unwrap();
    assert_eq!(get_staff(&conn, s.id).unwrap(), s);
    let mut other = staff();
    other.last_name = "Aubert".to_owned();
    other.id = insert_staff(&conn, &other).unwrap();
    let names: Vec<_> = list_staff(&conn)
        .unwrap()
        .into_iter()
        .map(|s| s.last_name)
        .collect();
    assert_eq!(names, ["Aubert", "Bernard"]);
    delete_staff(&conn, s.id).unwrap();
    assert!(matches!(
        get_staff(&conn, s.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        update_staff(&conn, &s),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        delete_staff(&conn, s.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn employee_round_trip_with_criteria() {
    let conn = open_in_memory().unwrap();
    let referent = insert_staff(&conn, &staff()).unwrap();
    let mut e = full_employee(Some(referent));
    e.id = insert_employee(&conn, &e).unwrap();
    assert_eq!(get_employee(&conn, e.id).unwrap(), e);

    e.civility = Civility::Unspecified;
    e.gender = Gender::NonBinary;
    e.education_level = None;
    e.birth_date = None;
    e.unemployment_months = None;
    e.rsa = false;
    e.qpv = true;
    e.zrr = true;
    e.anonymised_on = Some(d("2030-01-01"));
    e.criteria = vec![Criterion::Youth, Criterion::Qpv, Criterion::Mobility];
    update_employee(&conn, &e).unwrap();
    // Saved with the criteria of its boxes (ZRR, RQTH, court measure) ticked too.
    e.criteria = vec![
        Criterion::Youth,
        Criterion::DisabledWorker,
        Criterion::Zrr,
        Criterion::Qpv,
        Criterion::Justice,
        Criterion::Mobility,
    ];
    assert_eq!(get_employee(&conn, e.id).unwrap(), e);

    // Deleting the referent leaves the employee without one.
    delete_staff(&conn, referent).unwrap();
    assert_eq!(get_employee(&conn, e.id).unwrap().referent_id, None);

    delete_employee(&conn, e.id).unwrap();
    assert!(matches!(
        get_employee(&conn, e.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        update_employee(&conn, &e),
        Err(StoreError::NotFound(_))
    ));
    let left: i64 = conn
        .query_row("SELECT count(*) FROM employee_criterion", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn employees_listed_by_last_then_first_name() {
    let conn = open_in_memory().unwrap();
    employee(&conn, "Zoé", "Dupont");
    employee(&conn, "Ali", "martin");
    employee(&conn, "Anne", "Dupont");
    let names: Vec<_> = list_employees(&conn)
        .unwrap()
        .iter()
        .map(Employee::display_name)
        .collect();
    assert_eq!(names, ["DUPONT Anne", "DUPONT Zoé", "MARTIN Ali"]);
}

#[test]
fn approval_round_trip_with_changes() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let mut a = approval(
        employee_id,
        "2026-01-07",
        vec![change(
            ApprovalChangeKind::Suspension,
            "2024-06-01",
            "2024-06-30",
        )],
    );
    a.id = insert_approval(&conn, &a).unwrap();
    let stored = get_approval(&conn, a.id).unwrap();
    assert_eq!(stored.changes.len(), 1);
    assert!(stored.changes[0].id > 0);
    a.changes[0].id = stored.changes[0].id;
    a.changes[0].approval_id = a.id;
    assert_eq!(stored, a);

    // Update: edit the suspension, add a prolongation.
    a.number = "XXXXX2412345".to_owned();
    a.changes[0].end_date = d("2024-07-15");
    a.changes.push(change(
        ApprovalChangeKind::Prolongation,
        "2026-01-08",
        "2027-01-07",
    ));
    update_approval(&conn, &a).unwrap();
    let stored = get_approval(&conn, a.id).unwrap();
    assert_eq!(
        stored.changes[0], a.changes[0],
        "the edited change keeps its id"
    );
    a.changes[1].id = stored.changes[1].id;
    a.changes[1].approval_id = a.id;
    assert_eq!(stored, a);
    assert_eq!(
        list_approvals_of_employee(&conn, employee_id).unwrap(),
        vec![a.clone()]
    );

    // Dropping a change from the list deletes it.
    let suspension = a.changes.remove(0);
    update_approval(&conn, &a).unwrap();
    assert_eq!(get_approval(&conn, a.id).unwrap(), a);

    // Changes on their own.
    let mut again = suspension.clone();
    again.id = insert_approval_change(&conn, &suspension).unwrap();
    again.reason = "Formation".to_owned();
    update_approval_change(&conn, &again).unwrap();
    let stored = get_approval(&conn, a.id).unwrap();
    assert_eq!(stored.changes[0], again);
    delete_approval_change(&conn, again.id).unwrap();
    assert_eq!(get_approval(&conn, a.id).unwrap().changes.len(), 1);

    delete_approval(&conn, a.id).unwrap();
    assert!(matches!(
        get_approval(&conn, a.id),
        Err(StoreError::NotFound(_))
    ));
    let left: i64 = conn
        .query_row("SELECT count(*) FROM approval_change", [], |row| row.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn contract_round_trip_with_renewal() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let mut first = contract(employee_id, "2023-11-15", "2024-03-14");
    first.id = insert_contract(&conn, &first).unwrap();
    assert_eq!(get_contract(&conn, first.id).unwrap(), first);
    first.actual_end = Some(d("2024-01-31"));
    first.weekly_hours = 24.5;
    first.post = "Livraison".to_owned();
    update_contract(&conn, &first).unwrap();
    assert_eq!(get_contract(&conn, first.id).unwrap(), first);

    let mut renewal = contract(employee_id, "2024-02-01", "2024-07-31");
    renewal.renewal_of = Some(first.id);
    renewal.id = insert_contract(&conn, &renewal).unwrap();
    assert_eq!(
        list_contracts_of_employee(&conn, employee_id).unwrap(),
        vec![first.clone(), renewal.clone()]
    );

    delete_contract(&conn, first.id).unwrap();
    assert!(matches!(
        get_contract(&conn, first.id),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(get_contract(&conn, renewal.id).unwrap().renewal_of, None);
    assert!(matches!(
        update_contract(&conn, &first),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn follow_up_round_trip_with_custom_theme() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let staff_id = insert_staff(&conn, &staff()).unwrap();
    let builtin = list_themes(&conn).unwrap();
    assert_eq!(builtin.len(), 9);
    assert!(builtin.iter().all(|t| t.builtin));

    let mut f = FollowUp {
        id: 0,
        employee_id,
        date: d("2024-12-31"),
        duration_minutes: 45,
        staff_id: Some(staff_id),
        notes: "Point logement".to_owned(),
        themes: vec![
            "Logement".to_owned(),
            "Santé".to_owned(),
            "Permis de conduire".to_owned(),
        ],
    };
    f.id = insert_follow_up(&conn, &f).unwrap();
    assert_eq!(get_follow_up(&conn, f.id).unwrap(), f);

    let themes = list_themes(&conn).unwrap();
    assert_eq!(themes.len(), 10);
    let custom = themes.last().unwrap();
    assert_eq!(custom.name, "Permis de conduire");
    assert!(!custom.builtin);
    // A used custom theme and a built-in one cannot be deleted.
    assert!(matches!(
        delete_theme(&conn, custom.id),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        delete_theme(&conn, themes[0].id),
        Err(StoreError::Invalid(_))
    ));

    // Update: names match whatever their case; a new name adds a theme.
    f.date = d("2025-01-02");
    f.staff_id = None;
    f.themes = vec![
        "mobilité".to_owned(),
        "Permis de conduire".to_owned(),
        "Garde d'enfants".to_owned(),
    ];
    update_follow_up(&conn, &f).unwrap();
    let stored = get_follow_up(&conn, f.id).unwrap();
    assert_eq!(
        stored.themes,
        ["Mobilité", "Permis de conduire", "Garde d'enfants"]
    );
    f.themes = stored.themes.clone();
    assert_eq!(stored, f);
    assert_eq!(list_themes(&conn).unwrap().len(), 11);
    assert_eq!(
        add_theme(&conn, " garde d'enfants ").unwrap(),
        list_themes(&conn).unwrap()[10].id
    );
    assert_eq!(
        list_follow_ups_of_employee(&conn, employee_id).unwrap(),
        vec![f.clone()]
    );

    delete_follow_up(&conn, f.id).unwrap();
    assert!(matches!(
        get_follow_up(&conn, f.id),
        Err(StoreError::NotFound(_))
    ));
    // Once unused, a custom theme can go; the themes stay listed until then.
    let permit = list_themes(&conn).unwrap()[9].id;
    delete_theme(&conn, permit).unwrap();
    assert_eq!(list_themes(&conn).unwrap().len(), 10);
}

#[test]
fn training_round_trip() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let mut t = Training {
        id: 0,
        employee_id,
        title: "CACES R489".to_owned(),
        body: "AFPA".to_owned(),
        start_date: d("2024-02-26"),
        end_date: d("2024-03-01"),
        hours: 35.0,
        qualifying: true,
    };
    t.id = insert_training(&conn, &t).unwrap();
    assert_eq!(get_training(&conn, t.id).unwrap(), t);
    t.hours = 17.5;
    t.qualifying = false;
    update_training(&conn, &t).unwrap();
    assert_eq!(get_training(&conn, t.id).unwrap(), t);
    assert_eq!(
        list_trainings_of_employee(&conn, employee_id).unwrap(),
        vec![t.clone()]
    );
    delete_training(&conn, t.id).unwrap();
    assert!(matches!(
        get_training(&conn, t.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn immersion_round_trip() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let mut i = Immersion {
        id: 0,
        employee_id,
        host_name: "Pépinière Durand".to_owned(),
        host_siret: "12345678900012".to_owned(),
        tutor: "M. Durand".to_owned(),
        start_date: d("2024-12-16"),
        end_date: d("2025-01-10"),
        objective: ImmersionObjective::Confirm,
        outcome: String::new(),
    };
    i.id = insert_immersion(&conn, &i).unwrap();
    assert_eq!(get_immersion(&conn, i.id).unwrap(), i);
    i.objective = ImmersionObjective::Recruit;
    i.outcome = "Promesse d'embauche".to_owned();
    update_immersion(&conn, &i).unwrap();
    assert_eq!(get_immersion(&conn, i.id).unwrap(), i);
    assert_eq!(
        list_immersions_of_employee(&conn, employee_id).unwrap(),
        vec![i.clone()]
    );
    delete_immersion(&conn, i.id).unwrap();
    assert!(matches!(
        get_immersion(&conn, i.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn exit_round_trip() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    assert_eq!(get_exit(&conn, employee_id).unwrap(), None);
    let mut x = Exit {
        employee_id,
        date: d("2024-12-31"),
        category: ExitCategory::LastingJob,
        outcome: Some(ExitOutcome::Cdd),
        outcome_months: Some(8),
        detail: "Ferme Dupont".to_owned(),
    };
    insert_exit(&conn, &x).unwrap();
    assert_eq!(get_exit(&conn, employee_id).unwrap(), Some(x.clone()));
    let stored: (String, i64, String) = conn
        .query_row(
            "SELECT outcome, outcome_months, detail FROM exit WHERE employee_id = ?1",
            [employee_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        stored,
        ("cdd".to_owned(), 8, "Ferme Dupont".to_owned()),
        "the job found has columns of its own, the detail keeps only the free text"
    );
    assert!(matches!(
        insert_exit(&conn, &x),
        Err(StoreError::Invalid(_))
    ));
    x.category = ExitCategory::NotCounted;
    x.date = d("2025-01-01");
    x.outcome = Some(ExitOutcome::MovedAway);
    x.outcome_months = None;
    update_exit(&conn, &x).unwrap();
    assert_eq!(get_exit(&conn, employee_id).unwrap(), Some(x.clone()));
    x.outcome_months = Some(0);
    assert!(matches!(
        update_exit(&conn, &x),
        Err(StoreError::Invalid(_))
    ));
    x.outcome = None;
    x.outcome_months = Some(3);
    update_exit(&conn, &x).unwrap();
    x.outcome_months = None;
    assert_eq!(
        get_exit(&conn, employee_id).unwrap(),
        Some(x.clone()),
        "no length without a job found"
    );
    assert_eq!(
        list_exits_between(&conn, d("2025-01-01"), d("2025-12-31")).unwrap(),
        vec![x.clone()]
    );
    assert!(
        list_exits_between(&conn, d("2024-01-01"), d("2024-12-31"))
            .unwrap()
            .is_empty()
    );
    delete_exit(&conn, employee_id).unwrap();
    assert_eq!(get_exit(&conn, employee_id).unwrap(), None);
    assert!(matches!(
        update_exit(&conn, &x),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn every_exit_outcome_is_accepted_by_the_schema() {
    let conn = open_in_memory().unwrap();
    for (n, outcome) in ExitOutcome::ALL.iter().enumerate() {
        let employee_id = employee(&conn, &format!("P{n}"), "Sortie");
        let x = Exit {
            employee_id,
            date: d("2025-06-30"),
            category: ExitCategory::Other,
            outcome: Some(*outcome),
            outcome_months: Some(6),
            detail: String::new(),
        };
        insert_exit(&conn, &x).unwrap();
        assert_eq!(get_exit(&conn, employee_id).unwrap(), Some(x));
    }
}

#[test]
fn fse_snapshot_round_trip() {
    let conn = open_in_memory().unwrap();
    let employee_id = employee(&conn, "Paul", "Petit");
    let mut s = FseSnapshot {
        id: 0,
        employee_id,
        stage: FseStage::Exit,
        taken_on: d("2024-12-31"),
        gender: Gender::Male,
        age: Some(54),
        education_level: Some(EducationLevel::BepCapDiploma),
        labour_status: Some(LabourStatus::LongTermUnemployed),
        disability: Some(SensitiveAnswer::Declined),
        foreign_origin: Some(SensitiveAnswer::No),
        minority: None,
        homeless: Some(SensitiveAnswer::Yes),
        exit_result: Some(ExitResult::Employed),
        six_month_result: None,
    };
    s.id = insert_fse_snapshot(&conn, &s).unwrap();
    assert_eq!(get_fse_snapshot(&conn, s.id).unwrap(), s);
    s.age = None;
    s.education_level = None;
    s.labour_status = None;
    s.disability = None;
    s.minority = Some(SensitiveAnswer::Declined);
    s.exit_result = None;
    s.six_month_result = Some(SixMonthResult::Improved);
    update_fse_snapshot(&conn, &s).unwrap();
    assert_eq!(get_fse_snapshot(&conn, s.id).unwrap(), s);

    // One snapshot per stage; listed entry, exit, six months.
    assert!(matches!(
        insert_fse_snapshot(&conn, &s),
        Err(StoreError::Invalid(_))
    ));
    let mut entry = s.clone();
    entry.stage = FseStage::Entry;
    entry.id = insert_fse_snapshot(&conn, &entry).unwrap();
    assert_eq!(get_fse_snapshot(&conn, entry.id).unwrap(), entry);
    let stages: Vec<_> = list_fse_snapshots_of_employee(&conn, employee_id)
        .unwrap()
        .iter()
        .map(|s| s.stage)
        .collect();
    assert_eq!(stages, [FseStage::Entry, FseStage::Exit]);

    delete_fse_snapshot(&conn, s.id).unwrap();
    assert!(matches!(
        get_fse_snapshot(&conn, s.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn alerts_skip_ended_contracts_and_exited_people_and_use_the_effective_pass_end() {
    use binette::domain::employees::AlertKind;
    let conn = open_in_memory().unwrap();
    let today = d("2024-12-31");
    let zoe = employee(&conn, "Zoé", "Dupont");
    let ali = employee(&conn, "Ali", "Martin");
    let paul = employee(&conn, "Paul", "Petit");
    let max = employee(&conn, "Max", "Fini");
    let gone = employee(&conn, "Léa", "Sorti");
    insert_contract(&conn, &contract(zoe, "2024-09-01", "2025-01-15")).unwrap();
    insert_contract(&conn, &contract(ali, "2024-09-01", "2025-01-02")).unwrap();
    // Ended early: no alert for its planned end.
    let mut ended = contract(max, "2024-09-01", "2025-01-10");
    ended.actual_end = Some(d("2024-12-20"));
    insert_contract(&conn, &ended).unwrap();
    insert_approval(&conn, &approval(zoe, "2025-02-28", vec![])).unwrap();
    // Granted end within the 60 days, but a 30-day suspension pushes it to 31 March.
    let suspension = change(ApprovalChangeKind::Suspension, "2024-02-01", "2024-03-01");
    insert_approval(&conn, &approval(ali, "2025-03-01", vec![suspension])).unwrap();
    // Granted end today, a prolongation moves it to 31 January.
    let prolongation = change(ApprovalChangeKind::Prolongation, "2025-01-01", "2025-01-31");
    insert_approval(&conn, &approval(paul, "2024-12-31", vec![prolongation])).unwrap();
    // Exited: neither their contract nor their PASS IAE is watched any more.
    insert_contract(&conn, &contract(gone, "2024-09-01", "2025-01-05")).unwrap();
    insert_approval(&conn, &approval(gone, "2025-02-10", vec![])).unwrap();
    exit(&conn, gone, "2024-12-01");

    let ending: Vec<(i64, AlertKind, NaiveDate)> = employee_alerts(&conn, today)
        .unwrap()
        .into_iter()
        .filter(|a| {
            matches!(
                a.kind,
                AlertKind::ContractEnding | AlertKind::ApprovalEnding
            )
        })
        .map(|a| (a.employee_id, a.kind, a.date))
        .collect();
    assert_eq!(
        ending,
        vec![
            (ali, AlertKind::ContractEnding, d("2025-01-02")),
            (zoe, AlertKind::ContractEnding, d("2025-01-15")),
            (paul, AlertKind::ApprovalEnding, d("2025-01-31")),
            (zoe, AlertKind::ApprovalEnding, d("2025-02-28")),
        ]
    );
    // The suspended PASS comes up once its effective end is within 60 days.
    let later = employee_alerts(&conn, d("2025-02-01")).unwrap();
    assert!(
        later.iter().any(|a| a.employee_id == ali
            && a.kind == AlertKind::ApprovalEnding
            && a.date == d("2025-03-31")),
        "{later:?}"
    );
}

#[test]
fn employees_in_path_on_a_date() {
    let conn = open_in_memory().unwrap();
    // All enter on 2024-01-08.
    let a = employee(&conn, "A", "Un");
    let b = employee(&conn, "B", "Deux");
    employee(&conn, "C", "Trois");
    let late = Employee::new("D", "Quatre", Gender::Female, d("2024-06-03"));
    insert_employee(&conn, &late).unwrap();
    exit(&conn, a, "2024-03-31");
    exit(&conn, b, "2024-06-03");

    assert_eq!(employees_in_path(&conn, d("2024-01-07")).unwrap(), 0);
    assert_eq!(employees_in_path(&conn, d("2024-01-08")).unwrap(), 3);
    assert_eq!(employees_in_path(&conn, d("2024-03-31")).unwrap(), 3);
    assert_eq!(employees_in_path(&conn, d("2024-04-01")).unwrap(), 2);
    // B leaves on 3 June, the day D enters: both count that day.
    assert_eq!(employees_in_path(&conn, d("2024-06-03")).unwrap(), 3);
    assert_eq!(employees_in_path(&conn, d("2024-06-04")).unwrap(), 2);
}

// ------------------------------------------------------------ Salariés screen queries

fn contract_of(employee_id: i64, start: &str, end: &str, renewal_of: Option<i64>) -> Contract {
    Contract {
        id: 0,
        employee_id,
        renewal_of,
        start_date: d(start),
        planned_end: d(end),
        actual_end: None,
        weekly_hours: 26.0,
        post: "Maraîchage".to_owned(),
    }
}

fn pass_of(employee_id: i64, number: &str) -> Approval {
    Approval {
        id: 0,
        employee_id,
        number: number.to_owned(),
        start_date: d("2025-01-06"),
        end_date: d("2027-01-05"),
        changes: vec![],
    }
}

#[test]
fn rows_carry_alerts_and_the_latest_contract() {
    let conn = open_in_memory().unwrap();
    let today = d("2026-03-01");
    let zoe = employee(&conn, "Zoé", "Lefèvre");
    let first =
        insert_contract(&conn, &contract_of(zoe, "2024-04-15", "2025-04-14", None)).unwrap();
    insert_contract(
        &conn,
        &contract_of(zoe, "2025-04-15", "2026-03-20", Some(first)),
    )
    .unwrap();
    let ali = employee(&conn, "Ali", "Durand");
    insert_contract(&conn, &contract_of(ali, "2026-01-05", "2026-12-31", None)).unwrap();
    save_approval(&conn, &pass_of(ali, "99999 26 12345")).unwrap();
    let left = employee(&conn, "Paul", "Sorti");
    insert_exit(
        &conn,
        &Exit {
            employee_id: left,
            date: d("2025-09-15"),
            category: ExitCategory::Other,
            outcome: None,
            outcome_months: None,
            detail: String::new(),
        },
    )
    .unwrap();

    let rows = list_employee_rows(&conn, today).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r.last_name.as_str()).collect();
    assert_eq!(names, vec!["Durand", "Lefèvre", "Sorti"]);
    assert_eq!(rows[0].pass_numbers, vec!["999992612345".to_owned()]);
    assert!(rows[0].alerts.is_empty(), "{:?}", rows[0].alerts);
    assert_eq!(rows[1].planned_end, Some(d("2026-03-20")));
    let kinds: Vec<_> = rows[1].alerts.iter().map(|a| a.kind).collect();
    assert!(kinds.contains(&binette::domain::employees::AlertKind::ContractEnding));
    assert!(kinds.contains(&binette::domain::employees::AlertKind::CapNear));

    let alerts = employee_alerts(&conn, today).unwrap();
    assert!(alerts.iter().all(|a| a.employee_id != ali), "{alerts:?}");
    assert!(
        alerts.iter().any(|a| a.employee_id == left
            && a.kind == binette::domain::employees::AlertKind::SixMonthFollowUp),
        "six months after 15/09/2025 is within the month: {alerts:?}"
    );
    let early = employee_alerts(&conn, d("2026-02-01")).unwrap();
    assert!(early.iter().all(|a| a.employee_id != left), "{early:?}");
    assert!(alerts.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn pass_numbers_are_checked_and_unique() {
    let conn = open_in_memory().unwrap();
    let a = employee(&conn, "Ana", "Alpha");
    let b = employee(&conn, "Bob", "Beta");
    let bad = save_approval(&conn, &pass_of(a, "12345"));
    assert!(matches!(bad, Err(StoreError::Invalid(m)) if m.contains("12 caractères")));
    assert!(list_approvals_of_employee(&conn, a).unwrap().is_empty());
    let id = save_approval(&conn, &pass_of(a, "99999 26 12345")).unwrap();
    let stored = list_approvals_of_employee(&conn, a).unwrap();
    assert_eq!(stored[0].number, "999992612345");
    let duplicate = save_approval(&conn, &pass_of(b, "999992612345"));
    assert!(
        matches!(&duplicate, Err(StoreError::Invalid(m)) if m.contains("Ana Alpha")),
        "{duplicate:?}"
    );
    assert!(list_approvals_of_employee(&conn, b).unwrap().is_empty());
    // Saving one's own PASS again is not a duplicate.
    let mut again = stored[0].clone();
    again.changes.push(ApprovalChange {
        id: 0,
        approval_id: id,
        kind: ApprovalChangeKind::Suspension,
        start_date: d("2025-06-01"),
        end_date: d("2025-06-30"),
        reason: "Arrêt maladie".into(),
    });
    assert_eq!(save_approval(&conn, &again).unwrap(), id);
    let reread = get_approval(&conn, id).unwrap();
    assert_eq!(reread.effective_end(), d("2027-02-04"));
}

#[test]
fn saving_a_person_needs_names_and_deletion_is_counted() {
    let conn = open_in_memory().unwrap();
    let nameless = Employee::new(" ", "Martin", Gender::Female, d("2026-01-05"));
    assert!(matches!(
        save_employee(&conn, &nameless),
        Err(StoreError::Invalid(_))
    ));
    assert!(list_employees(&conn).unwrap().is_empty());
    let id = save_employee(&conn, &full_employee(None)).unwrap();
    insert_contract(&conn, &contract_of(id, "2026-01-05", "2026-06-30", None)).unwrap();
    insert_contract(&conn, &contract_of(id, "2026-07-01", "2026-12-31", None)).unwrap();
    let summary = deletion_summary(&conn, id).unwrap();
    assert_eq!(summary.contracts, 2);
    assert_eq!(summary.describe(), "2 contrats");
    let file = load_employee_file(&conn, id).unwrap();
    assert_eq!(file.contracts.len(), 2);
    delete_employee(&conn, id).unwrap();
    assert_eq!(
        deletion_summary(&conn, id).unwrap(),
        DeletionSummary::default()
    );
}

#[test]
fn path_sheet_shows_the_person_and_nobody_else() {
    let conn = open_in_memory().unwrap();
    let today = d("2026-03-01");
    let jeanne = save_employee(&conn, &full_employee(None)).unwrap();
    insert_contract(
        &conn,
        &contract_of(jeanne, "2026-01-05", "2026-06-30", None),
    )
    .unwrap();
    insert_training(
        &conn,
        &Training {
            id: 0,
            employee_id: jeanne,
            title: "CACES R489".into(),
            body: "AFPA".into(),
            start_date: d("2026-02-02"),
            end_date: d("2026-02-06"),
            hours: 35.0,
            qualifying: true,
        },
    )
    .unwrap();
    let other = employee(&conn, "Octave", "Autrepersonne");
    insert_contract(&conn, &contract_of(other, "2026-01-05", "2026-06-30", None)).unwrap();

    let data = binette::store::employees::path_sheet_data(&conn, jeanne, today).unwrap();
    let bytes = binette::report::path_sheet::render(&data).unwrap();
    if let Some(out) = std::env::var_os("BINETTE_PDF_OUT") {
        std::fs::write(out, &bytes).unwrap();
    }
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    assert!(text.contains("MARTIN"), "{text}");
    assert!(text.contains("Jeanne"), "{text}");
    assert!(text.contains("CACES R489"), "{text}");
    assert!(text.contains("05/01/2026"), "{text}");
    assert!(!text.contains("Octave"), "{text}");
    assert!(!text.to_lowercase().contains("autrepersonne"), "{text}");
    // Sensitive entry data stays out.
    assert!(!text.contains("RSA"), "{text}");
}
