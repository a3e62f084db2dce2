//! Sessions: the dated occurrences of a workshop.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{FOREIGN_KEY, refused, time_text};
use crate::domain::workshops::{Session, SessionId, WorkshopId};
use crate::store::error::{Result, StoreError};

const NO_WORKSHOP: &str = "L'atelier de cette séance n'existe plus.";

/// Saves a new session; returns its id. Refused when the end is not after the start.
pub fn insert_session(conn: &Connection, session: &Session) -> Result<SessionId> {
    session.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO workshop_session (workshop_id, date, start_time, end_time)
         VALUES (:workshop, :date, :start, :end)",
        named_params! {
            ":workshop": session.workshop_id, ":date": session.date,
            ":start": time_text(session.start), ":end": time_text(session.end),
        },
    )
    .map_err(refused(FOREIGN_KEY, NO_WORKSHOP))?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a session.
pub fn update_session(conn: &Connection, session: &Session) -> Result<()> {
    session.check().map_err(StoreError::Invalid)?;
    let changed = conn
        .execute(
            "UPDATE workshop_session SET workshop_id = :workshop, date = :date,
                 start_time = :start, end_time = :end
             WHERE id = :id",
            named_params! {
                ":id": session.id, ":workshop": session.workshop_id, ":date": session.date,
                ":start": time_text(session.start), ":end": time_text(session.end),
            },
        )
        .map_err(refused(FOREIGN_KEY, NO_WORKSHOP))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Séance"));
    }
    Ok(())
}

fn session_from_row(row: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get("id")?,
        workshop_id: row.get("workshop_id")?,
        date: row.get("date")?,
        start: row.get("start_time")?,
        end: row.get("end_time")?,
    })
}

const SESSION_COLUMNS: &str =
    "SELECT id, workshop_id, date, start_time, end_time FROM workshop_session";

/// One session.
pub fn get_session(conn: &Connection, id: SessionId) -> Result<Session> {
    conn.query_row(
        &format!("{SESSION_COLUMNS} WHERE id = :id"),
        named_params! {":id": id},
        session_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Séance"))
}

/// The sessions of a workshop, by date and start time.
pub fn sessions_of(conn: &Connection, workshop_id: WorkshopId) -> Result<Vec<Session>> {
    let mut statement = conn.prepare(&format!(
        "{SESSION_COLUMNS} WHERE workshop_id = :id ORDER BY date, start_time, id"
    ))?;
    Ok(statement
        .query_map(named_params! {":id": workshop_id}, session_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Deletes a session with its attendances.
pub fn delete_session(conn: &Connection, id: SessionId) -> Result<()> {
    let deleted = conn.execute(
        "DELETE FROM workshop_session WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Séance"));
    }
    Ok(())
}
