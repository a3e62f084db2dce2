//! Workshop types: the kinds of workshop the garden runs.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{UNIQUE, refused};
use crate::domain::workshops::WorkshopType;
use crate::store::error::{Result, StoreError};

fn check_type(workshop_type: &WorkshopType) -> Result<()> {
    if workshop_type.name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Indiquez le nom du type d'atelier.".to_owned(),
        ));
    }
    Ok(())
}

fn type_exists_message(workshop_type: &WorkshopType) -> String {
    format!(
        "Un type d'atelier nommé « {} » existe déjà.",
        workshop_type.name.trim()
    )
}

/// Saves a new workshop type; returns its id.
pub fn insert_workshop_type(conn: &Connection, workshop_type: &WorkshopType) -> Result<i64> {
    check_type(workshop_type)?;
    conn.execute(
        "INSERT INTO workshop_type (name) VALUES (:name)",
        named_params! {":name": workshop_type.name.trim()},
    )
    .map_err(refused(UNIQUE, &type_exists_message(workshop_type)))?;
    Ok(conn.last_insert_rowid())
}

/// Renames a workshop type.
pub fn update_workshop_type(conn: &Connection, workshop_type: &WorkshopType) -> Result<()> {
    check_type(workshop_type)?;
    let changed = conn
        .execute(
            "UPDATE workshop_type SET name = :name WHERE id = :id",
            named_params! {":id": workshop_type.id, ":name": workshop_type.name.trim()},
        )
        .map_err(refused(UNIQUE, &type_exists_message(workshop_type)))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Type d'atelier"));
    }
    Ok(())
}

fn type_from_row(row: &Row) -> rusqlite::Result<WorkshopType> {
    Ok(WorkshopType {
        id: row.get("id")?,
        name: row.get("name")?,
    })
}

/// One workshop type.
pub fn get_workshop_type(conn: &Connection, id: i64) -> Result<WorkshopType> {
    conn.query_row(
        "SELECT id, name FROM workshop_type WHERE id = :id",
        named_params! {":id": id},
        type_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Type d'atelier"))
}

/// Every workshop type, by name.
pub fn list_workshop_types(conn: &Connection) -> Result<Vec<WorkshopType>> {
    let mut statement =
        conn.prepare("SELECT id, name FROM workshop_type ORDER BY name COLLATE FR")?;
    Ok(statement
        .query_map([], type_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Deletes a workshop type; refused (`Invalid`) while a workshop has it.
pub fn delete_workshop_type(conn: &Connection, id: i64) -> Result<()> {
    let used: i64 = conn.query_row(
        "SELECT count(*) FROM workshop WHERE type_id = :id",
        named_params! {":id": id},
        |r| r.get(0),
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(format!(
            "Ce type ne peut pas être supprimé : {used} atelier{} l'utilise{}. \
             Changez d'abord leur type.",
            if used > 1 { "s" } else { "" },
            if used > 1 { "nt" } else { "" }
        )));
    }
    let deleted = conn.execute(
        "DELETE FROM workshop_type WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Type d'atelier"));
    }
    Ok(())
}
