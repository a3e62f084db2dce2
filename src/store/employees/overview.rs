//! What the Salariés screen reads in one go: the list rows with their alerts, a person's
//! whole file, what a deletion takes away; and the checked saves of the file's forms.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::paths::{CONTRACT_COLUMNS, read_approval, read_change, read_contract};
use super::{
    all, get_employee, insert_approval, insert_employee, list_approvals_of_employee,
    list_contracts_of_employee, list_follow_ups_of_employee, list_fse_snapshots_of_employee,
    list_immersions_of_employee, list_staff, list_themes, list_trainings_of_employee,
    update_approval, update_employee,
};
use crate::domain::employees::{
    Approval, Contract, Employee, EmployeeAlert, EmployeeRow, Exit, FollowUp, FseSnapshot,
    Immersion, Staff, Theme, Training, alerts_of, exit_alert, pass_number_valid, search_key,
};
use crate::store::error::{Result, StoreError};

/// A PASS IAE number without its spaces, in capitals.
pub fn normalise_pass_number(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Keeps the rows `x` of each person's latest path (their current one).
const ON_LATEST_PATH: &str = "WHERE x.path_id = (SELECT p.id FROM path p
    WHERE p.employee_id = x.employee_id ORDER BY p.entry_date DESC, p.id DESC LIMIT 1)";

/// The name, entry and referent of a person of the list.
struct Head {
    id: i64,
    last_name: String,
    first_name: String,
    entry_date: NaiveDate,
    referent: String,
}

/// What the list's rows and alerts are computed from, by employee id.
#[derive(Default)]
struct Facts {
    contracts: HashMap<i64, Vec<Contract>>,
    approvals: HashMap<i64, Vec<Approval>>,
    exits: HashMap<i64, Exit>,
    six_months: HashSet<i64>,
}

/// One row per employee (anonymised files left out), with their alerts on `today`, by name.
pub fn list_employee_rows(conn: &Connection, today: NaiveDate) -> Result<Vec<EmployeeRow>> {
    let facts = Facts {
        contracts: contracts_by_employee(conn)?,
        approvals: approvals_by_employee(conn)?,
        exits: latest_exits(conn)?,
        six_months: six_month_snapshots(conn)?,
    };
    Ok(heads(conn)?
        .into_iter()
        .map(|head| row_of(head, &facts, today))
        .collect())
}

/// Every person not anonymised, by name, with their referent's name.
fn heads(conn: &Connection) -> Result<Vec<Head>> {
    all(
        conn,
        "SELECT e.id, e.last_name, e.first_name, e.entry_date,
             COALESCE(s.first_name, '') AS referent_first, COALESCE(s.last_name, '') AS referent_last
         FROM employee e LEFT JOIN staff s ON s.id = e.referent_id
         WHERE e.anonymised_on IS NULL
         ORDER BY e.last_name COLLATE FR, e.first_name COLLATE FR, e.id",
        &[],
        |row| {
            Ok(Head {
                id: row.get("id")?,
                last_name: row.get("last_name")?,
                first_name: row.get("first_name")?,
                entry_date: row.get("entry_date")?,
                referent: crate::domain::text::list_name(
                    &row.get::<_, String>("referent_first")?,
                    &row.get::<_, String>("referent_last")?,
                ),
            })
        },
    )
}

/// Every contract, by employee, oldest first.
fn contracts_by_employee(conn: &Connection) -> Result<HashMap<i64, Vec<Contract>>> {
    let mut contracts: HashMap<i64, Vec<Contract>> = HashMap::new();
    let sql = format!("SELECT {CONTRACT_COLUMNS} FROM contract ORDER BY start_date, id");
    for contract in all(conn, &sql, &[], read_contract)? {
        contracts
            .entry(contract.employee_id)
            .or_default()
            .push(contract);
    }
    Ok(contracts)
}

/// Every PASS IAE with its changes, by employee, oldest first.
fn approvals_by_employee(conn: &Connection) -> Result<HashMap<i64, Vec<Approval>>> {
    let mut approvals: HashMap<i64, Vec<Approval>> = HashMap::new();
    let mut approval_owner: HashMap<i64, i64> = HashMap::new();
    let stored = all(
        conn,
        "SELECT id, employee_id, number, start_date, end_date FROM approval
         ORDER BY start_date, id",
        &[],
        read_approval,
    )?;
    for approval in stored {
        approval_owner.insert(approval.id, approval.employee_id);
        approvals
            .entry(approval.employee_id)
            .or_default()
            .push(approval);
    }
    let changes = all(
        conn,
        "SELECT id, approval_id, kind, start_date, end_date, reason FROM approval_change
         ORDER BY start_date, id",
        &[],
        read_change,
    )?;
    for change in changes {
        let Some(owner) = approval_owner.get(&change.approval_id) else {
            continue;
        };
        if let Some(approval) = approvals
            .get_mut(owner)
            .and_then(|list| list.iter_mut().find(|a| a.id == change.approval_id))
        {
            approval.changes.push(change);
        }
    }
    Ok(approvals)
}

/// The exit of each person's current path, when they left it.
fn latest_exits(conn: &Connection) -> Result<HashMap<i64, Exit>> {
    Ok(all(
        conn,
        &format!(
            "SELECT x.employee_id, x.date, x.category, x.outcome, x.outcome_months, x.detail
             FROM exit x {ON_LATEST_PATH}"
        ),
        &[],
        super::paths::read_exit,
    )?
    .into_iter()
    .map(|exit| (exit.employee_id, exit))
    .collect())
}

/// The people whose current path has its six-month FSE+ questionnaire.
fn six_month_snapshots(conn: &Connection) -> Result<HashSet<i64>> {
    Ok(all(
        conn,
        &format!("SELECT employee_id FROM fse_snapshot x {ON_LATEST_PATH} AND stage = 'six_mois'"),
        &[],
        |row| row.get("employee_id"),
    )?
    .into_iter()
    .collect())
}

/// The row of `head` on `today`: latest contract, PASS numbers, exit, alerts.
fn row_of(head: Head, facts: &Facts, today: NaiveDate) -> EmployeeRow {
    let contracts = facts.contracts.get(&head.id).map_or(&[][..], Vec::as_slice);
    let approvals = facts.approvals.get(&head.id).map_or(&[][..], Vec::as_slice);
    let latest = contracts.iter().max_by_key(|c| (c.start_date, c.id));
    let exit = facts.exits.get(&head.id);
    let exit_date = exit.map(|x| x.date);
    // Alerts are listed (Accueil, Salariés): "NOM Prénom".
    let name = crate::domain::text::list_name(&head.first_name, &head.last_name);
    let mut alerts = alerts_of(
        head.id,
        &name,
        contracts,
        approvals,
        exit_date,
        facts.six_months.contains(&head.id),
        today,
    );
    alerts.extend(exit.and_then(|x| exit_alert(head.id, &name, x)));
    let pass_numbers: Vec<String> = approvals
        .iter()
        .map(|a| normalise_pass_number(&a.number))
        .collect();
    EmployeeRow {
        id: head.id,
        search_key: search_key(&head.last_name, &head.first_name, &pass_numbers),
        last_name: head.last_name,
        first_name: head.first_name,
        pass_numbers,
        entry_date: head.entry_date,
        planned_end: latest.map(|c| c.planned_end),
        weekly_hours: latest.map(|c| c.weekly_hours),
        referent: head.referent,
        exit_date,
        alerts,
    }
}

/// Everything needing attention on `today` (contracts ending within 30 days, PASS IAE
/// within 60, 24-month cap within 3 months, six-month FSE+ follow-ups due), by date.
pub fn employee_alerts(conn: &Connection, today: NaiveDate) -> Result<Vec<EmployeeAlert>> {
    let mut alerts: Vec<EmployeeAlert> = list_employee_rows(conn, today)?
        .into_iter()
        .flat_map(|row| row.alerts)
        .collect();
    alerts.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| crate::domain::text::compare(&a.name, &b.name))
            .then(a.kind.cmp(&b.kind))
    });
    Ok(alerts)
}

/// A person's whole file, as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeFile {
    /// Identity and entry data, with criteria.
    pub employee: Employee,
    /// PASS IAE, oldest first.
    pub approvals: Vec<Approval>,
    /// Contracts, oldest first.
    pub contracts: Vec<Contract>,
    /// Follow-ups, oldest first.
    pub follow_ups: Vec<FollowUp>,
    /// Trainings, oldest first.
    pub trainings: Vec<Training>,
    /// Immersions, oldest first.
    pub immersions: Vec<Immersion>,
    /// Paths, oldest first (the last one is the current path).
    pub paths: Vec<crate::domain::employees::InsertionPath>,
    /// The exit of the current path, once they have left it.
    pub exit: Option<Exit>,
    /// FSE+ snapshots of the current path: entry, exit, six months.
    pub fse: Vec<FseSnapshot>,
    /// Hours worked per month, from payroll (months recorded only).
    pub worked_hours: crate::domain::activity::WorkedHours,
    /// Workshop sessions attended (« présent »), newest first.
    pub workshops: Vec<crate::store::workshops::SessionSummary>,
}

/// Reads a person's whole file.
pub fn load_employee_file(conn: &Connection, id: i64) -> Result<EmployeeFile> {
    Ok(EmployeeFile {
        employee: get_employee(conn, id)?,
        approvals: list_approvals_of_employee(conn, id)?,
        contracts: list_contracts_of_employee(conn, id)?,
        follow_ups: list_follow_ups_of_employee(conn, id)?,
        trainings: list_trainings_of_employee(conn, id)?,
        immersions: list_immersions_of_employee(conn, id)?,
        paths: super::list_paths_of_employee(conn, id)?,
        exit: super::get_exit(conn, id)?,
        fse: list_fse_snapshots_of_employee(conn, id)?,
        worked_hours: super::worked_hours_of_employee(conn, id)?,
        workshops: crate::store::workshops::sessions_attended_by(
            conn,
            &crate::domain::workshops::Participant::Employee(id),
        )?,
    })
}

/// The staff and themes the file's pick lists offer.
pub fn file_choices(conn: &Connection) -> Result<(Vec<Staff>, Vec<Theme>)> {
    Ok((list_staff(conn)?, list_themes(conn)?))
}

/// Checks what the store must refuse in an employee (names missing), then inserts it (id 0)
/// or updates it; returns its id.
pub fn save_employee(conn: &Connection, employee: &Employee) -> Result<i64> {
    if employee.last_name.trim().is_empty() || employee.first_name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Le nom et le prénom sont obligatoires.".to_owned(),
        ));
    }
    if employee.id == 0 {
        insert_employee(conn, employee)
    } else {
        update_employee(conn, employee)?;
        Ok(employee.id)
    }
}

/// The name of whoever else holds PASS IAE `number` (spaces and case ignored), if anyone.
pub fn pass_number_owner(
    conn: &Connection,
    number: &str,
    except_employee: i64,
) -> Result<Option<String>> {
    let wanted = normalise_pass_number(number);
    let holders = all(
        conn,
        "SELECT a.number, e.first_name, e.last_name FROM approval a
         JOIN employee e ON e.id = a.employee_id WHERE a.employee_id <> :except",
        named_params! {":except": except_employee},
        |row| {
            Ok((
                row.get::<_, String>("number")?,
                crate::domain::text::sentence_name(
                    &row.get::<_, String>("first_name")?,
                    &row.get::<_, String>("last_name")?,
                ),
            ))
        },
    )?;
    Ok(holders
        .into_iter()
        .find(|(n, _)| normalise_pass_number(n) == wanted)
        .map(|(_, name)| name))
}

/// Saves a PASS IAE with its changes after checking its number (12 characters, held by
/// nobody else); inserts it when its id is 0. Returns its id.
pub fn save_approval(conn: &Connection, approval: &Approval) -> Result<i64> {
    if !pass_number_valid(&approval.number) {
        return Err(StoreError::Invalid(
            "Le numéro de PASS IAE doit compter 12 caractères, lettres ou chiffres.".to_owned(),
        ));
    }
    if let Some(owner) = pass_number_owner(conn, &approval.number, approval.employee_id)? {
        return Err(StoreError::Invalid(format!(
            "Ce numéro de PASS IAE est déjà celui de {owner}."
        )));
    }
    let mut approval = approval.clone();
    approval.number = normalise_pass_number(&approval.number);
    if approval.id == 0 {
        insert_approval(conn, &approval)
    } else {
        update_approval(conn, &approval)?;
        Ok(approval.id)
    }
}

/// What deleting a person takes away with them, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeletionSummary {
    /// PASS IAE.
    pub approvals: i64,
    /// Contracts.
    pub contracts: i64,
    /// Follow-ups.
    pub follow_ups: i64,
    /// Trainings.
    pub trainings: i64,
    /// Immersions.
    pub immersions: i64,
    /// FSE+ snapshots.
    pub fse: i64,
    /// Workshop registrations.
    pub attendances: i64,
}

impl DeletionSummary {
    /// "2 contrats, 5 entretiens…", or "aucune autre donnée".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.approvals, "PASS IAE", "PASS IAE"),
            (self.contracts, "contrat", "contrats"),
            (self.follow_ups, "entretien de suivi", "entretiens de suivi"),
            (self.trainings, "formation", "formations"),
            (self.immersions, "immersion", "immersions"),
            (self.fse, "questionnaire FSE+", "questionnaires FSE+"),
            (
                self.attendances,
                "inscription à un atelier",
                "inscriptions à des ateliers",
            ),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            "aucune autre donnée".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// Counts what deleting employee `id` would take away.
pub fn deletion_summary(conn: &Connection, id: i64) -> Result<DeletionSummary> {
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE employee_id = :id"),
            named_params! {":id": id},
            |row| row.get(0),
        )?)
    };
    Ok(DeletionSummary {
        approvals: count("approval")?,
        contracts: count("contract")?,
        follow_ups: count("follow_up")?,
        trainings: count("training")?,
        immersions: count("immersion")?,
        fse: count("fse_snapshot")?,
        attendances: count("attendance")?,
    })
}
