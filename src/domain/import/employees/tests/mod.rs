//! Unit tests of the parent module: reading rows (`rows`) and planning (`plan`).
use super::*;
use crate::domain::employees::{Approval, Contract, Employee, Gender, PrescriberKind};
use crate::domain::import::source::Table;
use chrono::NaiveDate;

mod plan;
mod rows;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-03-04")
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

use super::fields::EMPLOIS_EXPORT_HEADERS as EXPORT_HEADERS;

/// A row of the export: civility, last name, first name, birth date, PASS number, start,
/// end, hiring start, hiring end, prescriber.
fn export_row(values: [&str; 10]) -> Vec<String> {
    let [
        civility,
        last,
        first,
        born,
        number,
        start,
        end,
        hired,
        until,
        prescriber,
    ] = values;
    strings(&[
        civility,
        last,
        first,
        "",
        "0612345678",
        born,
        "Besançon",
        "25000",
        "Jardin de Cocagne",
        "ACI",
        "Maraîchage",
        "Prescripteur habilité",
        prescriber,
        "Claire Conseil",
        "02/01/2026",
        "Candidature acceptée",
        hired,
        until,
        "",
        "oui",
        "non",
        number,
        start,
        end,
        "Valide",
    ])
}

fn table(rows: Vec<Vec<String>>) -> Table {
    Table {
        headers: strings(&EXPORT_HEADERS),
        rows,
        ..Table::default()
    }
}

fn plan(rows: Vec<Vec<String>>, context: &ImportContext, policy: ExistingPolicy) -> Plan {
    let t = table(rows);
    let mapping = match_employee_headers(&t.headers);
    build_plan(&t, &mapping, context, policy, today())
}

fn existing_lea() -> ExistingEmployee {
    let mut employee = Employee::new("Léa", "Bérard", Gender::Female, d("2025-03-03"));
    employee.id = 7;
    employee.birth_date = Some(d("1990-05-12"));
    employee.prescriber_org = "France Travail Dole".into();
    employee.prescriber_kind = PrescriberKind::FranceTravail;
    ExistingEmployee {
        employee,
        approvals: vec![Approval {
            id: 70,
            employee_id: 7,
            number: "999992512345".into(),
            start_date: d("2025-03-02"),
            end_date: d("2027-03-01"),
            changes: Vec::new(),
        }],
        contracts: vec![Contract {
            id: 700,
            employee_id: 7,
            renewal_of: None,
            start_date: d("2025-03-03"),
            planned_end: d("2025-09-02"),
            actual_end: None,
            weekly_hours: 24.0,
            post: "Maraîchère".into(),
        }],
    }
}
