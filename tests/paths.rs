#![allow(clippy::unwrap_used)]
//! Paths (parcours): a person may come back after an exit. The migration that brought them
//! in, and the figures of a person with two paths; expected figures derived by hand.

use binette::domain::activity::SectionChoice;
use binette::domain::employees::{Exit, ExitCategory, FseSnapshot, FseStage, Gender};
use binette::store::employees::{
    employees_in_path, get_exit, insert_exit, insert_fse_snapshot, list_fse_snapshots_of_employee,
    list_paths_of_employee, start_new_path,
};
use binette::store::{self, Connection, StoreError, activity::activity_figures, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The schemas up to the one before paths (version 2), as shipped.
const BEFORE_PATHS: [&str; 2] = [
    include_str!("fixtures/schema_v1.sql"),
    include_str!("fixtures/schema_v2.sql"),
];

/// Insertion data written the way version 2 stored it (one exit per employee).
const INSERTION_DATA: &str = "
    INSERT INTO employee (id, last_name, first_name, birth_date, gender, entry_date) VALUES
      (1, 'Zorglub', 'Aïcha', '2000-06-01', 'f', '2025-03-01'),
      (2, 'Durand', 'Marcel', '1970-01-01', 'm', '2026-02-02'),
      (3, 'Lenoir', 'Camille', NULL, 'x', '2026-03-01'),
      (4, 'Ancien', 'Paul', '1980-01-01', 'f', '2024-01-01');
    INSERT INTO exit (employee_id, date, category, outcome) VALUES
      (2, '2026-08-31', 1, 'cdi'), (3, '2026-10-15', 4, NULL), (4, '2025-12-31', 1, NULL);
    INSERT INTO contract (employee_id, start_date, planned_end, actual_end, weekly_hours) VALUES
      (1, '2025-03-01', '2026-12-31', NULL, 35),
      (2, '2026-02-02', '2026-12-31', NULL, 28),
      (3, '2026-03-01', '2026-12-31', NULL, 20),
      (4, '2024-01-01', '2025-12-31', NULL, 35);
    INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, labour_status) VALUES
      (2, 'entree', '2026-02-02', 'm', 56, 'chomeur_longue_duree'),
      (2, 'sortie', '2026-08-31', 'm', 56, ''),
      (3, 'entree', '2026-03-01', 'f', 17, 'inactif');
    INSERT INTO training (employee_id, title, start_date, end_date, hours, qualifying) VALUES
      (1, 'CACES', '2026-04-01', '2026-04-05', 35, 1);
";

const CLOSED: NaiveDate = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();

fn year_figures(conn: &Connection) -> binette::domain::activity::ActivityFigures {
    activity_figures(
        conn,
        d(2026, 1, 1),
        d(2026, 12, 31),
        SectionChoice::ALL,
        CLOSED,
    )
    .unwrap()
}

/// A database of the schema before paths holding `data`, in `dir`, opened (so migrated).
fn migrated_from_before_paths(dir: &std::path::Path, data: &str) -> Connection {
    let path = dir.join("v2.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        for schema in BEFORE_PATHS {
            conn.execute_batch(schema).unwrap();
        }
        conn.pragma_update(None, "user_version", BEFORE_PATHS.len() as i64)
            .unwrap();
        conn.pragma_update(None, "application_id", store::APPLICATION_ID)
            .unwrap();
        conn.execute_batch(data).unwrap();
    }
    store::open(&path).unwrap()
}

#[test]
fn a_database_from_before_paths_keeps_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let migrated = migrated_from_before_paths(dir.path(), INSERTION_DATA);
    assert_eq!(
        store::user_version(&migrated).unwrap(),
        store::SCHEMA_VERSION
    );
    let fresh = open_in_memory().unwrap();
    fresh.execute_batch(INSERTION_DATA).unwrap();
    let (before, after) = (year_figures(&fresh), year_figures(&migrated));
    assert_eq!(after, before, "every section, every figure");

    // And those figures are the right ones. Employees 1, 2, 3 were on a path in 2026
    // (employee 4 left in 2025); entries: 2 and 3; exits: 2 (category 1) and 3 (4).
    let i = after.insertion.unwrap();
    assert_eq!((i.people_followed, i.entries, i.exit_total()), (3, 2, 2));
    // Hours: employee 1 all 365 days at 35 h = 1,825; employee 2 2 Feb – 31 Aug (exit; no
    // actual end typed, planned to December) = 211 days at 28 h = 844; employee 3 1 Mar –
    // 15 Oct (exit) = 229 days at 20 h = 654.29.
    let hours = 1825.0 + 844.0 + 229.0 * 20.0 / 7.0;
    assert!((i.hours - hours).abs() < 1e-6, "{}", i.hours);
    let fse = |label: &str| i.fse.iter().find(|l| l.label == label).unwrap().entry;
    assert_eq!(fse("Chômeurs, y compris de longue durée"), 1);
    assert_eq!(fse("Inactifs"), 1);

    // Each employee has one path holding their exit and snapshots.
    let paths = list_paths_of_employee(&migrated, 2).unwrap();
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].entry_date, d(2026, 2, 2));
    assert_eq!(paths[0].exit.as_ref().unwrap().date, d(2026, 8, 31));
    assert_eq!(get_exit(&migrated, 2).unwrap(), paths[0].exit);
    assert_eq!(
        list_fse_snapshots_of_employee(&migrated, 2).unwrap().len(),
        2
    );
}

fn exit(employee_id: i64, date: NaiveDate, category: ExitCategory) -> Exit {
    Exit {
        employee_id,
        date,
        category,
        outcome: None,
        outcome_months: None,
        detail: String::new(),
    }
}

fn entry_snapshot(employee_id: i64, taken_on: NaiveDate) -> FseSnapshot {
    FseSnapshot {
        id: 0,
        employee_id,
        stage: FseStage::Entry,
        taken_on,
        gender: Gender::Female,
        age: Some(35),
        education_level: None,
        labour_status: None,
        disability: None,
        foreign_origin: None,
        minority: None,
        homeless: None,
        exit_result: None,
        six_month_result: None,
    }
}

#[test]
fn a_person_with_two_paths_in_one_year() {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO employee (id, last_name, first_name, birth_date, gender, entry_date)
         VALUES (1, 'Retour', 'Inès', '1990-05-01', 'f', '2025-09-01');
         INSERT INTO contract (employee_id, start_date, planned_end, weekly_hours)
         VALUES (1, '2025-09-01', '2026-08-31', 35);",
    )
    .unwrap();
    insert_fse_snapshot(&conn, &entry_snapshot(1, d(2025, 9, 1))).unwrap();
    // Still on her first path: a new one is refused.
    assert!(matches!(
        start_new_path(&conn, 1, d(2026, 7, 1)),
        Err(StoreError::Invalid(_))
    ));
    insert_exit(&conn, &exit(1, d(2026, 3, 31), ExitCategory::Other)).unwrap();
    // A new entry on or before the exit is refused.
    let refused = start_new_path(&conn, 1, d(2026, 3, 31)).unwrap_err();
    assert!(refused.to_string().contains("31/03/2026"), "{refused}");
    start_new_path(&conn, 1, d(2026, 7, 1)).unwrap();
    conn.execute(
        "INSERT INTO contract (employee_id, start_date, planned_end, weekly_hours)
         VALUES (1, '2026-07-01', '2027-06-30', 26)",
        [],
    )
    .unwrap();

    // The file shows the current path: no exit yet, no snapshot yet; a new entry snapshot
    // is accepted (one per path and stage).
    assert_eq!(get_exit(&conn, 1).unwrap(), None);
    assert!(list_fse_snapshots_of_employee(&conn, 1).unwrap().is_empty());
    insert_fse_snapshot(&conn, &entry_snapshot(1, d(2026, 7, 1))).unwrap();
    let paths = list_paths_of_employee(&conn, 1).unwrap();
    assert_eq!(paths.len(), 2);
    assert_eq!(paths[0].exit.as_ref().unwrap().date, d(2026, 3, 31));
    assert_eq!(
        (paths[1].entry_date, paths[1].exit.is_none()),
        (d(2026, 7, 1), true)
    );
    // Between her two paths she is not on a path; the day she comes back she is.
    assert_eq!(employees_in_path(&conn, d(2026, 5, 1)).unwrap(), 0);
    assert_eq!(employees_in_path(&conn, d(2026, 7, 1)).unwrap(), 1);

    // Once it has a contract, the new path cannot be cancelled as a mistake.
    let refused = binette::store::employees::cancel_new_path(&conn, 1).unwrap_err();
    assert!(refused.to_string().contains("déjà un contrat"), "{refused}");

    let i = year_figures(&conn).insertion.unwrap();
    // One person, one entry in 2026 (the 2025 one is outside), one exit.
    assert_eq!((i.people_followed, i.entries, i.exit_total()), (1, 1, 1));
    // First contract cut at the exit: 1 January – 31 March = 90 days at 35 h = 450 h;
    // second contract 1 July – 31 December = 31 + 31 + 30 + 31 + 30 + 31 = 184 days at 26 h
    // = 683.43 h. FTE = (90 + 184 × 26/35) / 365 = 226.686 / 365 = 0.621.
    assert!(
        (i.hours - (450.0 + 184.0 * 26.0 / 7.0)).abs() < 1e-6,
        "{}",
        i.hours
    );
    let fte = (90.0 + 184.0 * 26.0 / 35.0) / 365.0;
    assert!((i.fte - fte).abs() < 1e-9, "{}", i.fte);
    // Two entry snapshots, one per path (2025's is outside the period): 1 in 2026.
    assert_eq!(i.fse_snapshots, 1);

    // The path sheet (fiche parcours) lists both paths.
    use binette::report::path_sheet;
    let data = binette::store::employees::path_sheet_data(&conn, 1, d(2026, 9, 1)).unwrap();
    let pdf = lopdf::Document::load_mem(&path_sheet::render(&data).unwrap()).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    assert!(text.contains("Parcours successifs"), "{text}");
    assert!(text.contains("du 01/09/2025 au 31/03/2026"), "{text}");
    assert!(text.contains("depuis le 01/07/2026 (en cours)"), "{text}");
}

#[test]
fn path_warnings_reach_the_alerts_accueil_shows() {
    use binette::domain::employees::{AlertKind, ExitOutcome};
    use binette::store::employees::employee_alerts;
    let conn = open_in_memory().unwrap();
    // Employee 1: 24 months of contracts (2024–2025) then a renewal to 30 June 2026, and a
    // PASS ending 28 February 2026: on 1 February 2026 she has passed the cap (reached 31
    // December 2025) and her contract runs past the PASS.
    // Employee 2: left on 31 January 2026 for a CDI typed as « autre sortie ».
    conn.execute_batch(
        "INSERT INTO employee (id, last_name, first_name, gender, entry_date) VALUES
           (1, 'Longue', 'Ana', 'f', '2024-01-01'), (2, 'Partie', 'Léa', 'f', '2025-06-01');
         INSERT INTO contract (employee_id, start_date, planned_end, weekly_hours) VALUES
           (1, '2024-01-01', '2025-12-31', 26), (1, '2026-01-01', '2026-06-30', 26);
         INSERT INTO approval (employee_id, number, start_date, end_date) VALUES
           (1, '999992312345', '2024-03-01', '2026-02-28');",
    )
    .unwrap();
    let mut left = exit(2, d(2026, 1, 31), ExitCategory::Other);
    left.outcome = Some(ExitOutcome::Cdi);
    insert_exit(&conn, &left).unwrap();
    let alerts: Vec<(i64, AlertKind, NaiveDate)> = employee_alerts(&conn, d(2026, 2, 1))
        .unwrap()
        .iter()
        .map(|a| (a.employee_id, a.kind, a.date))
        .collect();
    assert!(
        alerts.contains(&(1, AlertKind::CapReached, d(2025, 12, 31))),
        "{alerts:?}"
    );
    assert!(alerts.contains(&(1, AlertKind::ContractBeyondPass, d(2026, 2, 28))));
    assert!(alerts.contains(&(2, AlertKind::ExitCategoryMismatch, d(2026, 1, 31))));
    assert!(
        !alerts.iter().any(|a| a.1 == AlertKind::CapNear),
        "a passed cap is not « near »"
    );
}

#[test]
fn eligibility_boxes_and_criteria_become_one_source() {
    use binette::domain::employees::Criterion;
    use binette::store::employees::{get_employee, update_employee};
    // Before: employee 1 has the RSA box ticked but not the criterion; employee 2 has the
    // « sous main de justice » criterion but not the box.
    let dir = tempfile::tempdir().unwrap();
    let conn = migrated_from_before_paths(
        dir.path(),
        "INSERT INTO employee (id, last_name, first_name, gender, entry_date, rsa) VALUES
           (1, 'Box', 'Ana', 'f', '2026-01-05', 1), (2, 'Crit', 'Léo', 'm', '2026-01-05', 0);
         INSERT INTO employee_criterion (employee_id, criterion) VALUES (2, 'justice');",
    );
    let ana = get_employee(&conn, 1).unwrap();
    assert!(ana.rsa && ana.criteria.contains(&Criterion::Rsa));
    assert!(ana.is_eligible(), "RSA is a level-1 criterion");
    let mut leo = get_employee(&conn, 2).unwrap();
    assert!(leo.court_measure && leo.criteria.contains(&Criterion::Justice));
    // Saving a box without its criterion (an import, an old form) saves both.
    leo.criteria.clear();
    leo.court_measure = true;
    leo.qpv = true;
    update_employee(&conn, &leo).unwrap();
    let leo = get_employee(&conn, 2).unwrap();
    assert_eq!(leo.criteria, [Criterion::Qpv, Criterion::Justice]);
}
