//! Paths (parcours): a person may leave and come back; each path runs from an entry to an
//! exit with its own contracts, exit and FSE+ snapshots.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::all;
use super::paths::read_exit;
use crate::domain::employees::InsertionPath;
use crate::store::error::{Result, StoreError};

const EXIT_COLUMNS_X: &str =
    "x.employee_id, x.date, x.category, x.outcome, x.outcome_months, x.detail";

/// An employee's paths, oldest first, each with its exit.
pub fn list_paths_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<InsertionPath>> {
    let sql = format!(
        "SELECT p.id AS path, p.entry_date, x.path_id AS exit_path, {EXIT_COLUMNS_X}
         FROM path p LEFT JOIN exit x ON x.path_id = p.id
         WHERE p.employee_id = :employee ORDER BY p.entry_date, p.id"
    );
    all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        |row| {
            let exit = match row.get::<_, Option<i64>>("exit_path")? {
                Some(_) => Some(read_exit(row)?),
                None => None,
            };
            Ok(InsertionPath {
                id: row.get("path")?,
                employee_id,
                entry_date: row.get("entry_date")?,
                exit,
            })
        },
    )
}

/// Starts a new path for a person who came back after an exit, entering on `entry_date`;
/// returns its id. Refused while their current path has no exit, or when the new entry is
/// not after that exit.
pub fn start_new_path(conn: &Connection, employee_id: i64, entry_date: NaiveDate) -> Result<i64> {
    let tx = conn.unchecked_transaction()?;
    let paths = list_paths_of_employee(&tx, employee_id)?;
    let Some(current) = paths.last() else {
        return Err(StoreError::NotFound("Salarié"));
    };
    let Some(exit) = &current.exit else {
        return Err(StoreError::Invalid(
            "Cette personne est encore en parcours : enregistrez d'abord sa sortie.".to_owned(),
        ));
    };
    if entry_date <= exit.date {
        return Err(StoreError::Invalid(format!(
            "La nouvelle entrée doit suivre la sortie du {} : vérifiez la date.",
            crate::domain::calendar::format_date(exit.date)
        )));
    }
    tx.execute(
        "INSERT INTO path (employee_id, entry_date) VALUES (:employee, :entry)",
        named_params! {":employee": employee_id, ":entry": entry_date},
    )?;
    let id = tx.last_insert_rowid();
    // The employee's entry date is that of their latest path.
    tx.execute(
        "UPDATE employee SET entry_date = :entry WHERE id = :employee",
        named_params! {":employee": employee_id, ":entry": entry_date},
    )?;
    tx.commit()?;
    Ok(id)
}

/// Cancels a path started by mistake: deletes the person's latest path while it is still
/// empty (no contract, exit or FSE+ snapshot) and another one comes before it; the entry
/// date goes back to that earlier path's.
pub fn cancel_new_path(conn: &Connection, employee_id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let paths = list_paths_of_employee(&tx, employee_id)?;
    let [.., previous, current] = paths.as_slice() else {
        return Err(StoreError::Invalid(
            "Cette personne n'a qu'un parcours : il n'y a pas de nouveau parcours à annuler."
                .to_owned(),
        ));
    };
    let used: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM contract WHERE path_id = :path)
              + (SELECT count(*) FROM exit WHERE path_id = :path)
              + (SELECT count(*) FROM fse_snapshot WHERE path_id = :path)",
        named_params! {":path": current.id},
        |row| row.get(0),
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(
            "Ce parcours a déjà un contrat, une sortie ou un questionnaire FSE+ : supprimez-les \
             d'abord."
                .to_owned(),
        ));
    }
    tx.execute(
        "DELETE FROM path WHERE id = :path",
        named_params! {":path": current.id},
    )?;
    tx.execute(
        "UPDATE employee SET entry_date = :entry WHERE id = :employee",
        named_params! {":employee": employee_id, ":entry": previous.entry_date},
    )?;
    tx.commit()?;
    Ok(())
}
