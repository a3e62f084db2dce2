//! Employee import from the les emplois de l'inclusion XLSX export: creation, then an
//! update by PASS IAE number with its differences shown before they are applied; accents
//! kept; the command line's dry run writes nothing.
#![allow(clippy::unwrap_used)]

mod emplois_export;

use std::path::Path;
use std::process::Command;

use binette::domain::employees::{Criterion, Employee, Gender, PrescriberKind};
use binette::domain::import::employees::{
    ExistingPolicy, MatchKind, Plan, RowAction, build_plan, match_employee_headers,
};
use binette::store::employees::{
    insert_employee, list_approvals_of_employee, list_contracts_of_employee, list_employees,
    update_employee,
};
use binette::store::import::employees::{apply, load_context};
use binette::store::import::read_table;
use binette::store::{Connection, open, open_in_memory};
use chrono::NaiveDate;
use emplois_export::{Cell, applicant, berenice, emile, write, wrong_number};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plan_for(conn: &Connection, path: &Path) -> Plan {
    let (table, format) = read_table(path).unwrap();
    assert_eq!(format, "classeur XLSX");
    let mapping = match_employee_headers(&table.headers);
    let context = load_context(conn).unwrap();
    build_plan(
        &table,
        &mapping,
        &context,
        ExistingPolicy::Update,
        d(2026, 3, 4),
    )
}

fn named(conn: &Connection, last_name: &str) -> Employee {
    list_employees(conn)
        .unwrap()
        .into_iter()
        .find(|e| e.last_name == last_name)
        .unwrap_or_else(|| panic!("no {last_name}"))
}

#[test]
fn created_then_updated_by_pass_number_with_the_differences_shown() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open_in_memory().unwrap();
    let first = dir.path().join("export-janvier.xlsx");
    write(&first, &[berenice(), emile(), applicant(), wrong_number()]);

    let plan = plan_for(&conn, &first);
    assert_eq!(
        plan.counts().describe(),
        "2 à créer, 0 à mettre à jour, 0 inchangé(s), 1 ignoré(s), 1 refusé(s)"
    );
    assert!(
        matches!(&plan.rows[3].action, RowAction::Rejected(r) if r.contains("Colonne « Numéro PASS IAE » : numéro de PASS IAE invalide « 12345 »")),
        "{:?}",
        plan.rows[3].action
    );
    assert_eq!(plan.rows[3].line, 5);
    let report = apply(&conn, &plan).unwrap();
    assert_eq!(
        (
            report.created,
            report.approvals_added,
            report.contracts_added
        ),
        (2, 2, 2)
    );
    assert_eq!(report.rejected.len(), 1);

    // Accents survive; dates as real Excel dates, as text and as serial numbers all read.
    let berenice_file = named(&conn, "Lefèvre");
    assert_eq!(berenice_file.first_name, "Bérénice");
    assert_eq!(berenice_file.gender, Gender::Female);
    assert_eq!(berenice_file.birth_date, Some(d(1988, 4, 12)));
    assert_eq!(berenice_file.entry_date, d(2026, 1, 5));
    assert_eq!(berenice_file.prescriber_org, "Mission locale du Haut-Doubs");
    assert_eq!(berenice_file.prescriber_kind, PrescriberKind::MissionLocale);
    let zola = named(&conn, "Zola");
    assert_eq!(zola.first_name, "Émile");
    assert_eq!(zola.birth_date, Some(d(1980, 1, 2)));
    let zola_pass = &list_approvals_of_employee(&conn, zola.id).unwrap()[0];
    assert_eq!(zola_pass.number, "999992600002");
    assert_eq!(
        (zola_pass.start_date, zola_pass.end_date),
        (d(2026, 2, 2), d(2028, 2, 1))
    );
    let zola_contract = &list_contracts_of_employee(&conn, zola.id).unwrap()[0];
    assert_eq!(
        (zola_contract.start_date, zola_contract.planned_end),
        (d(2026, 2, 2), d(2026, 8, 1))
    );

    // The office types a phone number in Binette; the next export has another one.
    let mut typed = berenice_file.clone();
    typed.phone = "03 81 00 00 00".into();
    update_employee(&conn, &typed).unwrap();

    let second = dir.path().join("export-mars.xlsx");
    let mut prolonged = berenice();
    prolonged.pass_end = Cell::Date(2028, 7, 4);
    prolonged.until = Cell::Date(2026, 12, 31);
    prolonged.last = "LEFEVRE";
    write(&second, &[prolonged, emile()]);
    let plan = plan_for(&conn, &second);
    assert_eq!(
        plan.counts().describe(),
        "0 à créer, 1 à mettre à jour, 1 inchangé(s), 0 ignoré(s), 0 refusé(s)"
    );
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Update(berenice_file.id));
    assert_eq!(row.matched_by, Some(MatchKind::PassNumber));
    assert_eq!(
        row.outcome.changes,
        [
            "Fin du PASS : 04/01/2028 → 04/07/2028",
            "Fin du contrat du 05/01/2026 : 04/07/2026 → 31/12/2026",
        ]
    );
    assert_eq!(plan.rows[1].action, RowAction::Unchanged(zola.id));
    assert_eq!(plan.rows[1].action_label(), "Inchangé");

    let report = apply(&conn, &plan).unwrap();
    assert_eq!(
        (report.updated, report.unchanged, report.approvals_updated),
        (1, 1, 1)
    );
    assert_eq!(report.contracts_extended, 1);
    assert_eq!(list_employees(&conn).unwrap().len(), 2);
    let after = named(&conn, "Lefèvre");
    assert_eq!(
        after.phone, "03 81 00 00 00",
        "what the office typed is kept"
    );
    assert_eq!(after.first_name, "Bérénice");
    let pass = &list_approvals_of_employee(&conn, after.id).unwrap()[0];
    assert_eq!(pass.end_date, d(2028, 7, 4));
    let contracts = list_contracts_of_employee(&conn, after.id).unwrap();
    assert_eq!(contracts.len(), 1);
    assert_eq!(contracts[0].planned_end, d(2026, 12, 31));

    // Imported again: nothing left to change.
    let plan = plan_for(&conn, &second);
    assert_eq!(plan.counts().unchanged, 2);
}

fn binette(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_binette"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn command_line_dry_run_writes_nothing_then_imports_and_updates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(open(&db).unwrap());
    let db = db.to_str().unwrap();
    let file = dir.path().join("export.xlsx");
    write(&file, &[berenice(), emile(), applicant()]);
    let file = file.to_str().unwrap();

    let (ok, out, err) = binette(&["import", "employees", file, "--db", db, "--dry-run"]);
    assert!(ok, "{err}");
    assert!(out.contains("Création     LEFÈVRE Bérénice"), "{out}");
    assert!(
        out.contains("- PASS IAE n° 999992600001 du 05/01/2026 au 04/01/2028"),
        "{out}"
    );
    assert!(out.contains("Ignoré       ROUX Jean"), "{out}");
    assert!(out.contains("2 à créer, 0 à mettre à jour"), "{out}");
    assert!(out.contains("rien n'a été enregistré"), "{out}");
    assert!(
        list_employees(&open(Path::new(db)).unwrap())
            .unwrap()
            .is_empty()
    );

    let (ok, out, err) = binette(&["import", "employees", file, "--db", db]);
    assert!(ok, "{err}");
    assert!(out.contains("2 salarié(s) créé(s)"), "{out}");

    let update = dir.path().join("export-2.xlsx");
    let mut prolonged = berenice();
    prolonged.pass_end = Cell::Date(2028, 7, 4);
    write(&update, &[prolonged]);
    let update = update.to_str().unwrap();
    let (ok, out, _) = binette(&["import", "employees", update, "--db", db, "--skip-existing"]);
    assert!(ok);
    assert!(out.contains("Inchangé     LEFÈVRE Bérénice"), "{out}");
    let (ok, out, _) = binette(&["import", "employees", update, "--db", db, "--dry-run"]);
    assert!(ok);
    assert!(
        out.contains("- Fin du PASS : 04/01/2028 → 04/07/2028"),
        "{out}"
    );
    let conn = open(Path::new(db)).unwrap();
    let lea = named(&conn, "Lefèvre");
    assert_eq!(
        list_approvals_of_employee(&conn, lea.id).unwrap()[0].end_date,
        d(2028, 1, 4),
        "skip and dry run changed nothing"
    );
}

#[test]
fn bad_files_give_french_messages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(open(&db).unwrap());
    let db = db.to_str().unwrap();
    let fake = dir.path().join("export.xlsx");
    std::fs::write(&fake, b"%PDF-1.4 pas un classeur").unwrap();
    let (ok, _, err) = binette(&["import", "employees", fake.to_str().unwrap(), "--db", db]);
    assert!(!ok);
    assert!(err.contains("ne peut pas être lu"), "{err}");

    let csv = dir.path().join("liste.csv");
    std::fs::write(&csv, "Nom;Ville\nDurand;Dole\n").unwrap();
    let (ok, _, err) = binette(&["import", "employees", csv.to_str().unwrap(), "--db", db]);
    assert!(!ok);
    assert!(
        err.contains("Indiquez quelle colonne contient le prénom"),
        "{err}"
    );
}

#[test]
fn a_pass_taken_since_the_preview_rolls_everything_back() {
    use binette::domain::employees::Approval;
    use binette::store::employees::{insert_approval, insert_employee};
    let dir = tempfile::tempdir().unwrap();
    let conn = open_in_memory().unwrap();
    let file = dir.path().join("export.xlsx");
    write(&file, &[berenice(), emile()]);
    let plan = plan_for(&conn, &file);
    assert_eq!(plan.counts().create, 2);

    // Between the preview and "Importer", someone types Émile's PASS on another file.
    let other = Employee::new("Paul", "Autre", Gender::Male, d(2026, 1, 1));
    let other_id = insert_employee(&conn, &other).unwrap();
    insert_approval(
        &conn,
        &Approval {
            id: 0,
            employee_id: other_id,
            number: "999992600002".into(),
            start_date: d(2026, 1, 1),
            end_date: d(2027, 12, 31),
            changes: Vec::new(),
        },
    )
    .unwrap();

    let error = apply(&conn, &plan).unwrap_err().to_string();
    assert_eq!(
        error,
        "Ligne 3 : le PASS IAE 999992600002 est déjà celui de Paul Autre. Rien n'a été importé."
    );
    // Bérénice, on the line before, was rolled back too.
    assert_eq!(list_employees(&conn).unwrap().len(), 1);
}

#[test]
fn an_update_fills_empty_fields_and_keeps_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open_in_memory().unwrap();
    // Typed in Binette before the export: no phone, no PASS, but notes, an address and
    // criteria the export knows nothing about.
    let mut typed = Employee::new("Bérénice", "Lefèvre", Gender::Female, d(2026, 1, 5));
    typed.birth_date = Some(d(1988, 4, 12));
    typed.address = "3 rue des Lilas".into();
    typed.notes = "Suivie par Anne.".into();
    typed.rsa = true;
    typed.criteria = vec![Criterion::Rsa, Criterion::Youth];
    let id = insert_employee(&conn, &typed).unwrap();

    let file = dir.path().join("export.xlsx");
    write(&file, &[berenice()]);
    let plan = plan_for(&conn, &file);
    assert_eq!(plan.rows[0].action, RowAction::Update(id));
    assert_eq!(plan.rows[0].matched_by, Some(MatchKind::NameAndBirthDate));
    let report = apply(&conn, &plan).unwrap();
    assert_eq!((report.updated, report.approvals_added), (1, 1));

    let after = named(&conn, "Lefèvre");
    assert_eq!(after.phone, "0612345678", "the empty phone is filled");
    assert_eq!(after.prescriber_org, "Mission locale du Haut-Doubs");
    assert_eq!(after.address, "3 rue des Lilas");
    assert_eq!(after.notes, "Suivie par Anne.");
    assert!(after.rsa);
    assert_eq!(after.criteria, [Criterion::Rsa, Criterion::Youth]);
    assert_eq!(after.entry_date, d(2026, 1, 5));
}
