//! The Salariés use cases (`app::employees`) without a window: save a person and a contract
//! then read the file back, refusals that name their field, typed deletions, a read-only
//! garden, and the fiche parcours (its data and its PDF text).

#![allow(clippy::unwrap_used)]

use binette::app::employees::{self, Change, Deletion, field};
use binette::app::{Error, Garden};
use binette::domain::employees::{
    Approval, Contract, Employee, Exit, ExitCategory, ExitOutcome, Gender,
};
use binette::store::{StoreError, open_in_memory};
use chrono::NaiveDate;

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn garden() -> Garden {
    Garden::new(open_in_memory().unwrap(), "x.sqlite3".into())
}

/// Zoé Lefèvre, entered on 5 January 2026, saved; her id.
fn zoe(garden: &Garden) -> i64 {
    let person = Employee::new("Zoé", "Lefèvre", Gender::Female, d(2026, 1, 5));
    let file = employees::save(garden, 0, Change::Employee(person)).unwrap();
    file.employee.id
}

/// A contract of `id` from 5 January to 30 June 2026, 26 hours a week.
fn contract(id: i64) -> Contract {
    Contract {
        id: 0,
        employee_id: id,
        renewal_of: None,
        start_date: d(2026, 1, 5),
        planned_end: d(2026, 6, 30),
        actual_end: None,
        weekly_hours: 26.0,
        post: "Ouvrier maraîcher".into(),
    }
}

fn pass(id: i64, number: &str) -> Approval {
    Approval {
        id: 0,
        employee_id: id,
        number: number.into(),
        start_date: d(2026, 1, 5),
        end_date: d(2028, 1, 4),
        changes: vec![],
    }
}

fn exit(id: i64, date: NaiveDate) -> Exit {
    Exit {
        employee_id: id,
        date,
        category: ExitCategory::Other,
        outcome: Some(ExitOutcome::JobSeeking),
        outcome_months: None,
        detail: String::new(),
    }
}

#[test]
fn a_person_and_a_contract_saved_come_back_in_the_file_and_the_list() {
    let garden = garden();
    let id = zoe(&garden);
    assert!(id > 0, "a new person gets an id");
    let saved = employees::save(&garden, id, Change::Contract(contract(id))).unwrap();
    assert_eq!(
        saved.contracts.len(),
        1,
        "the save answers the file read again"
    );

    let file = employees::file(&garden, id).unwrap();
    assert_eq!(file.employee.first_name, "Zoé");
    assert_eq!(file.employee.entry_date, d(2026, 1, 5));
    assert_eq!(file.contracts[0].planned_end, d(2026, 6, 30));
    assert_eq!(file.contracts[0].weekly_hours, 26.0);
    assert_eq!(file.paths.len(), 1, "one path, the current one");

    // On 2 March 2026 she is on her path: one row, her contract's end and hours.
    let rows = employees::rows(&garden, d(2026, 3, 2)).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, id);
    assert_eq!(rows[0].planned_end, Some(d(2026, 6, 30)));
    assert_eq!(rows[0].weekly_hours, Some(26.0));
    assert_eq!(rows[0].exit_date, None);

    // A contract with an id is corrected, not added.
    let mut corrected = file.contracts[0].clone();
    corrected.weekly_hours = 30.0;
    let file = employees::save(&garden, id, Change::Contract(corrected)).unwrap();
    assert_eq!(file.contracts.len(), 1);
    assert_eq!(file.contracts[0].weekly_hours, 30.0);
}

#[test]
fn a_refused_value_names_its_field() {
    let garden = garden();
    let octave = Employee::new("Octave", "Durand", Gender::Male, d(2025, 9, 1));
    let octave = employees::save(&garden, 0, Change::Employee(octave))
        .unwrap()
        .employee
        .id;
    employees::save(
        &garden,
        octave,
        Change::Approval(pass(octave, "999992612345")),
    )
    .unwrap();
    let id = zoe(&garden);

    // The same number typed with spaces is still Octave's.
    let refused =
        employees::save(&garden, id, Change::Approval(pass(id, "99999 26 12345"))).unwrap_err();
    assert_eq!(refused.field(), Some(field::PASS_NUMBER));
    assert_eq!(
        refused.to_string(),
        "Ce numéro de PASS IAE est déjà celui de Octave Durand."
    );
    assert!(employees::file(&garden, id).unwrap().approvals.is_empty());

    // Left on 27 February 2026: a new entry that same day does not follow the exit.
    employees::save(&garden, id, Change::Exit(exit(id, d(2026, 2, 27)))).unwrap();
    let refused = employees::save(&garden, id, Change::NewPath(d(2026, 2, 27))).unwrap_err();
    assert_eq!(refused.field(), Some(field::NEW_PATH_DATE));
    assert_eq!(
        refused.to_string(),
        "La nouvelle entrée doit suivre la sortie du 27/02/2026 : vérifiez la date."
    );

    let refused = employees::add_theme(&garden, "   ").unwrap_err();
    assert_eq!(refused.field(), Some(field::THEME));
}

#[test]
fn deletions_are_typed() {
    let garden = garden();
    let id = zoe(&garden);
    let file = employees::save(&garden, id, Change::Contract(contract(id))).unwrap();
    let contract_id = file.contracts[0].id;
    let file = employees::save(&garden, id, Change::Delete(Deletion::Contract(contract_id)));
    assert!(file.unwrap().contracts.is_empty());

    // An exit, a new path on 2 March, then the new path cancelled: the exit is back.
    employees::save(&garden, id, Change::Exit(exit(id, d(2026, 2, 27)))).unwrap();
    let file = employees::save(&garden, id, Change::NewPath(d(2026, 3, 2))).unwrap();
    assert_eq!((file.paths.len(), file.exit.is_none()), (2, true));
    let file = employees::save(&garden, id, Change::Delete(Deletion::NewPath)).unwrap();
    assert_eq!(file.paths.len(), 1);
    assert_eq!(file.exit.as_ref().map(|e| e.date), Some(d(2026, 2, 27)));

    // Deleting the exit puts her back on her path; an exit saved twice is corrected.
    let file = employees::save(&garden, id, Change::Delete(Deletion::Exit)).unwrap();
    assert!(file.exit.is_none());
    employees::save(&garden, id, Change::Exit(exit(id, d(2026, 2, 27)))).unwrap();
    let file = employees::save(&garden, id, Change::Exit(exit(id, d(2026, 2, 28)))).unwrap();
    assert_eq!(file.exit.map(|e| e.date), Some(d(2026, 2, 28)));

    // One contract, one exit go with the whole file.
    employees::save(&garden, id, Change::Contract(contract(id))).unwrap();
    let summary = employees::deletion_summary(&garden, id).unwrap();
    assert!(
        summary.describe().contains("1 contrat"),
        "{}",
        summary.describe()
    );
    employees::delete_employee(&garden, id).unwrap();
    assert!(employees::rows(&garden, d(2026, 3, 2)).unwrap().is_empty());
}

#[test]
fn a_read_only_garden_refuses_a_save() {
    let garden = Garden::new_read_only(open_in_memory().unwrap(), "x.sqlite3".into());
    let person = Employee::new("Zoé", "Lefèvre", Gender::Female, d(2026, 1, 5));
    let refused = employees::save(&garden, 0, Change::Employee(person)).unwrap_err();
    assert!(
        matches!(refused, Error::Store(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    assert_eq!(refused.field(), None);
    assert!(employees::rows(&garden, d(2026, 3, 2)).unwrap().is_empty());
}

#[test]
fn the_path_sheet_is_read_then_rendered() {
    let garden = garden();
    let id = zoe(&garden);
    employees::save(&garden, id, Change::Contract(contract(id))).unwrap();
    let today = d(2026, 3, 2);

    let data = employees::path_sheet_data(&garden, id, today).unwrap();
    assert_eq!(data.printed_on, today);
    assert_eq!(data.file.employee.id, id);
    assert_eq!(data.file.contracts.len(), 1);
    assert!(data.staff.is_empty(), "no staff in this garden");

    let bytes = employees::path_sheet(&garden, id, today).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    assert!(text.contains("05/01/2026"), "{text}");
    assert!(text.contains("30/06/2026"), "{text}");
    // 5 January to 30 June included: 5 whole months to 5 June, then 5 June to 1 July is
    // 26 days of a 30-day month: 5 + 26/30 = 5.87, printed with one decimal.
    assert!(text.contains("5,9 mois"), "{text}");
    assert!(text.contains("En parcours."), "{text}");

    // A file written where the user chose: whole, and read back as written.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fiche.pdf");
    employees::save_document(&path, &bytes).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
