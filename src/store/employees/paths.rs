//! The path itself: PASS IAE (with suspensions and prolongations), contracts, exits.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{all, changed_one, code, constraint_message, one};
use crate::domain::employees::{
    Approval, ApprovalChange, ApprovalChangeKind, Contract, Exit, ExitCategory, ExitOutcome,
};
use crate::store::columns::{date_at, optional_date_at};
use crate::store::error::{Result, StoreError};

// --------------------------------------------------------------------------------- approval

const CHANGE_WHAT: &str = "Suspension ou prolongation";

/// A PASS IAE from a row of `id, employee_id, number, start_date, end_date`, by position
/// (Accueil's alerts read every one of them).
pub(super) fn read_approval(row: &Row<'_>) -> rusqlite::Result<Approval> {
    Ok(Approval {
        id: row.get(0)?,
        employee_id: row.get(1)?,
        number: row.get(2)?,
        start_date: date_at(row, 3)?,
        end_date: date_at(row, 4)?,
        changes: Vec::new(),
    })
}

/// A change of PASS IAE from a row of `id, approval_id, kind, start_date, end_date,
/// reason`, by position.
pub(super) fn read_change(row: &Row<'_>) -> rusqlite::Result<ApprovalChange> {
    Ok(ApprovalChange {
        id: row.get(0)?,
        approval_id: row.get(1)?,
        kind: code(row.get_ref(2)?.as_str()?, ApprovalChangeKind::from_code)?,
        start_date: date_at(row, 3)?,
        end_date: date_at(row, 4)?,
        reason: row.get(5)?,
    })
}

fn changes_of(conn: &Connection, approval_id: i64) -> Result<Vec<ApprovalChange>> {
    all(
        conn,
        "SELECT id, approval_id, kind, start_date, end_date, reason FROM approval_change
         WHERE approval_id = :id ORDER BY start_date, id",
        named_params! {":id": approval_id},
        read_change,
    )
}

/// Inserts `change` under `approval_id` (its own `approval_id` is ignored).
fn insert_change_under(
    conn: &Connection,
    approval_id: i64,
    change: &ApprovalChange,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO approval_change (approval_id, kind, start_date, end_date, reason)
         VALUES (:approval, :kind, :start, :end, :reason)",
        named_params! {
            ":approval": approval_id, ":kind": change.kind.code(),
            ":start": change.start_date, ":end": change.end_date, ":reason": change.reason,
        },
    )
    .map_err(|e| constraint_message(e, "Cette suspension ou prolongation existe déjà."))?;
    Ok(conn.last_insert_rowid())
}

/// Updates `change`, which must belong to `approval_id`.
fn update_change_under(conn: &Connection, approval_id: i64, change: &ApprovalChange) -> Result<()> {
    let changed = conn.execute(
        "UPDATE approval_change SET kind = :kind, start_date = :start, end_date = :end,
             reason = :reason
         WHERE id = :id AND approval_id = :approval",
        named_params! {
            ":id": change.id, ":approval": approval_id, ":kind": change.kind.code(),
            ":start": change.start_date, ":end": change.end_date, ":reason": change.reason,
        },
    )?;
    changed_one(changed, CHANGE_WHAT)
}

/// Saves a new PASS IAE with its changes in one transaction; returns its id.
pub fn insert_approval(conn: &Connection, approval: &Approval) -> Result<i64> {
    let tx = conn.unchecked_transaction()?;
    let id = insert_approval_in(&tx, approval)?;
    tx.commit()?;
    Ok(id)
}

/// [`insert_approval`] inside the caller's transaction (an import's).
pub fn insert_approval_in(conn: &Connection, approval: &Approval) -> Result<i64> {
    conn.execute(
        "INSERT INTO approval (employee_id, number, start_date, end_date)
         VALUES (:employee, :number, :start, :end)",
        named_params! {
            ":employee": approval.employee_id, ":number": approval.number.trim(),
            ":start": approval.start_date, ":end": approval.end_date,
        },
    )
    .map_err(|e| constraint_message(e, "Ce PASS IAE existe déjà."))?;
    let id = conn.last_insert_rowid();
    for change in &approval.changes {
        insert_change_under(conn, id, change)?;
    }
    Ok(id)
}

/// Saves changes to a PASS IAE in one transaction. Its changes are brought in line with
/// `approval.changes`: those with an id are updated, those with id 0 are added, the stored
/// ones missing from the list are deleted.
pub fn update_approval(conn: &Connection, approval: &Approval) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    update_approval_in(&tx, approval)?;
    tx.commit()?;
    Ok(())
}

/// [`update_approval`] inside the caller's transaction (an import's).
pub fn update_approval_in(conn: &Connection, approval: &Approval) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE approval SET employee_id = :employee, number = :number,
                 start_date = :start, end_date = :end
             WHERE id = :id",
            named_params! {
                ":id": approval.id, ":employee": approval.employee_id,
                ":number": approval.number.trim(), ":start": approval.start_date,
                ":end": approval.end_date,
            },
        )
        .map_err(|e| constraint_message(e, "Ce PASS IAE existe déjà."))?;
    changed_one(changed, "PASS IAE")?;
    let kept: Vec<i64> = approval
        .changes
        .iter()
        .map(|c| c.id)
        .filter(|id| *id != 0)
        .collect();
    for stored in changes_of(conn, approval.id)? {
        if !kept.contains(&stored.id) {
            conn.execute(
                "DELETE FROM approval_change WHERE id = :id",
                named_params! {":id": stored.id},
            )?;
        }
    }
    for change in &approval.changes {
        if change.id == 0 {
            insert_change_under(conn, approval.id, change)?;
        } else {
            update_change_under(conn, approval.id, change)?;
        }
    }
    Ok(())
}

/// Deletes a PASS IAE and its changes.
pub fn delete_approval(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM approval WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "PASS IAE")
}

/// One PASS IAE with its changes (by start date).
pub fn get_approval(conn: &Connection, id: i64) -> Result<Approval> {
    let mut approval = one(
        conn,
        "SELECT id, employee_id, number, start_date, end_date FROM approval WHERE id = :id",
        named_params! {":id": id},
        "PASS IAE",
        read_approval,
    )?;
    approval.changes = changes_of(conn, id)?;
    Ok(approval)
}

/// An employee's PASS IAE with their changes, oldest first.
pub fn list_approvals_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<Approval>> {
    let mut approvals = all(
        conn,
        "SELECT id, employee_id, number, start_date, end_date FROM approval
         WHERE employee_id = :employee ORDER BY start_date, id",
        named_params! {":employee": employee_id},
        read_approval,
    )?;
    for approval in &mut approvals {
        approval.changes = changes_of(conn, approval.id)?;
    }
    Ok(approvals)
}

/// Adds a suspension or prolongation to the PASS `change.approval_id`; returns its id.
pub fn insert_approval_change(conn: &Connection, change: &ApprovalChange) -> Result<i64> {
    insert_change_under(conn, change.approval_id, change)
}

/// Saves changes to a suspension or prolongation.
pub fn update_approval_change(conn: &Connection, change: &ApprovalChange) -> Result<()> {
    update_change_under(conn, change.approval_id, change)
}

/// Deletes a suspension or prolongation.
pub fn delete_approval_change(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM approval_change WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, CHANGE_WHAT)
}

// --------------------------------------------------------------------------------- contract

pub(super) const CONTRACT_COLUMNS: &str =
    "id, employee_id, renewal_of, start_date, planned_end, actual_end, weekly_hours, post";

/// A contract from a row of [`CONTRACT_COLUMNS`], by position (Accueil's alerts read
/// every contract).
pub(super) fn read_contract(row: &Row<'_>) -> rusqlite::Result<Contract> {
    Ok(Contract {
        id: row.get(0)?,
        employee_id: row.get(1)?,
        renewal_of: row.get(2)?,
        start_date: date_at(row, 3)?,
        planned_end: date_at(row, 4)?,
        actual_end: optional_date_at(row, 5)?,
        weekly_hours: row.get(6)?,
        post: row.get(7)?,
    })
}

/// Saves a new contract; returns its id.
pub fn insert_contract(conn: &Connection, contract: &Contract) -> Result<i64> {
    conn.execute(
        "INSERT INTO contract (employee_id, renewal_of, start_date, planned_end, actual_end,
             weekly_hours, post)
         VALUES (:employee, :renewal_of, :start, :planned_end, :actual_end, :hours, :post)",
        named_params! {
            ":employee": contract.employee_id, ":renewal_of": contract.renewal_of,
            ":start": contract.start_date, ":planned_end": contract.planned_end,
            ":actual_end": contract.actual_end, ":hours": contract.weekly_hours,
            ":post": contract.post,
        },
    )
    .map_err(|e| constraint_message(e, "Ce contrat existe déjà."))?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a contract.
pub fn update_contract(conn: &Connection, contract: &Contract) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE contract SET employee_id = :employee, renewal_of = :renewal_of,
                 start_date = :start, planned_end = :planned_end, actual_end = :actual_end,
                 weekly_hours = :hours, post = :post
             WHERE id = :id",
            named_params! {
                ":id": contract.id, ":employee": contract.employee_id,
                ":renewal_of": contract.renewal_of, ":start": contract.start_date,
                ":planned_end": contract.planned_end, ":actual_end": contract.actual_end,
                ":hours": contract.weekly_hours, ":post": contract.post,
            },
        )
        .map_err(|e| constraint_message(e, "Ce contrat existe déjà."))?;
    changed_one(changed, "Contrat")
}

/// Deletes a contract (a renewal of it then renews nothing).
pub fn delete_contract(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM contract WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Contrat")
}

/// One contract.
pub fn get_contract(conn: &Connection, id: i64) -> Result<Contract> {
    let sql = format!("SELECT {CONTRACT_COLUMNS} FROM contract WHERE id = :id");
    one(
        conn,
        &sql,
        named_params! {":id": id},
        "Contrat",
        read_contract,
    )
}

/// An employee's contracts, oldest first.
pub fn list_contracts_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<Contract>> {
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS} FROM contract WHERE employee_id = :employee
         ORDER BY start_date, id"
    );
    all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        read_contract,
    )
}

// ------------------------------------------------------------------------------------- exit

const EXIT_COLUMNS: &str = "employee_id, date, category, outcome, outcome_months, detail";

pub(super) fn read_exit(row: &Row<'_>) -> rusqlite::Result<Exit> {
    let number: i64 = row.get("category")?;
    let category = ExitCategory::from_number(number)
        .ok_or_else(|| super::unknown_code(&number.to_string()))?;
    let outcome = row
        .get::<_, Option<String>>("outcome")?
        .map(|text| code(&text, ExitOutcome::from_code))
        .transpose()?;
    Ok(Exit {
        employee_id: row.get("employee_id")?,
        date: row.get("date")?,
        category,
        outcome,
        outcome_months: row.get("outcome_months")?,
        detail: row.get("detail")?,
    })
}

/// The length of the job found, kept only with an outcome; a length of 0 is refused.
fn months_of(exit: &Exit) -> Result<Option<u32>> {
    match exit.outcome_months.filter(|_| exit.outcome.is_some()) {
        Some(0) => Err(StoreError::Invalid(
            "La durée de l'emploi trouvé à la sortie est d'au moins 1 mois.".to_owned(),
        )),
        months => Ok(months),
    }
}

/// The SQL of the id of the latest path (by entry date) of the employee `:employee`.
pub(super) const CURRENT_PATH: &str = "(SELECT id FROM path WHERE employee_id = :employee
    ORDER BY entry_date DESC, id DESC LIMIT 1)";

/// Records the exit of an employee's current (latest) path; a second exit of one path is
/// refused.
pub fn insert_exit(conn: &Connection, exit: &Exit) -> Result<()> {
    let months = months_of(exit)?;
    let sql = format!(
        "INSERT INTO exit (path_id, employee_id, date, category, outcome, outcome_months, detail)
         VALUES ({CURRENT_PATH}, :employee, :date, :category, :outcome, :months, :detail)"
    );
    conn.execute(
        &sql,
        named_params! {
            ":employee": exit.employee_id, ":date": exit.date,
            ":category": exit.category.number(), ":outcome": exit.outcome.map(|o| o.code()),
            ":months": months, ":detail": exit.detail.trim(),
        },
    )
    .map_err(|e| constraint_message(e, "Ce parcours a déjà une sortie : modifiez-la plutôt."))?;
    Ok(())
}

/// Saves changes to the exit of an employee's current path.
pub fn update_exit(conn: &Connection, exit: &Exit) -> Result<()> {
    let months = months_of(exit)?;
    let sql = format!(
        "UPDATE exit SET date = :date, category = :category, outcome = :outcome,
             outcome_months = :months, detail = :detail
         WHERE path_id = {CURRENT_PATH}"
    );
    let changed = conn.execute(
        &sql,
        named_params! {
            ":employee": exit.employee_id, ":date": exit.date,
            ":category": exit.category.number(), ":outcome": exit.outcome.map(|o| o.code()),
            ":months": months, ":detail": exit.detail.trim(),
        },
    )?;
    changed_one(changed, "Sortie")
}

/// Removes the exit of an employee's current path (they are back on it).
pub fn delete_exit(conn: &Connection, employee_id: i64) -> Result<()> {
    let sql = format!("DELETE FROM exit WHERE path_id = {CURRENT_PATH}");
    let changed = conn.execute(&sql, named_params! {":employee": employee_id})?;
    changed_one(changed, "Sortie")
}

/// The exit of an employee's current path, if they have left it.
pub fn get_exit(conn: &Connection, employee_id: i64) -> Result<Option<Exit>> {
    let sql = format!("SELECT {EXIT_COLUMNS} FROM exit WHERE path_id = {CURRENT_PATH}");
    let exit = conn
        .query_row(&sql, named_params! {":employee": employee_id}, read_exit)
        .optional()?;
    Ok(exit)
}

/// Exits dated within `from..=to` (one per path), by date.
pub fn list_exits_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Exit>> {
    let sql = format!(
        "SELECT {EXIT_COLUMNS} FROM exit
         WHERE date BETWEEN :from AND :to ORDER BY date, employee_id"
    );
    all(
        conn,
        &sql,
        named_params! {":from": from, ":to": to},
        read_exit,
    )
}
