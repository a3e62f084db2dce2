//! Workshops with their animators, and saving a workshop together with its sessions.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::sessions::insert_session;
use super::{FOREIGN_KEY, refused};
use crate::domain::workshops::{Animator, Session, SessionId, Workshop, WorkshopId};
use crate::store::error::{Result, StoreError};

const NO_TYPE: &str = "Le type d'atelier choisi n'existe plus : choisissez-en un autre.";

fn write_animators(conn: &Connection, workshop: &Workshop, workshop_id: WorkshopId) -> Result<()> {
    conn.execute(
        "DELETE FROM workshop_animator WHERE workshop_id = :id",
        named_params! {":id": workshop_id},
    )?;
    let mut insert = conn.prepare(
        "INSERT INTO workshop_animator (workshop_id, staff_id, name)
         VALUES (:workshop, :staff, :name)",
    )?;
    for animator in &workshop.animators {
        insert
            .execute(named_params! {
                ":workshop": workshop_id, ":staff": animator.staff_id,
                ":name": animator.name.trim(),
            })
            .map_err(refused(
                FOREIGN_KEY,
                "Un animateur choisi ne fait plus partie de l'équipe.",
            ))?;
    }
    Ok(())
}

/// Saves a new workshop and its animators in one transaction; returns its id.
pub fn insert_workshop(conn: &Connection, workshop: &Workshop) -> Result<WorkshopId> {
    let tx = conn.unchecked_transaction()?;
    let id = insert_workshop_in(&tx, workshop)?;
    tx.commit()?;
    Ok(id)
}

/// [`insert_workshop`] inside the caller's transaction.
fn insert_workshop_in(conn: &Connection, workshop: &Workshop) -> Result<WorkshopId> {
    workshop.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO workshop (type_id, title, description, place, capacity, audience)
         VALUES (:type, :title, :description, :place, :capacity, :audience)",
        named_params! {
            ":type": workshop.type_id, ":title": workshop.title.trim(),
            ":description": workshop.description, ":place": workshop.place,
            ":capacity": workshop.capacity, ":audience": workshop.audience,
        },
    )
    .map_err(refused(FOREIGN_KEY, NO_TYPE))?;
    let id = conn.last_insert_rowid();
    write_animators(conn, workshop, id)?;
    Ok(id)
}

/// Saves changes to a workshop and replaces its animators, in one transaction.
pub fn update_workshop(conn: &Connection, workshop: &Workshop) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    update_workshop_in(&tx, workshop)?;
    tx.commit()?;
    Ok(())
}

/// [`update_workshop`] inside the caller's transaction.
fn update_workshop_in(conn: &Connection, workshop: &Workshop) -> Result<()> {
    workshop.check().map_err(StoreError::Invalid)?;
    let changed = conn
        .execute(
            "UPDATE workshop SET type_id = :type, title = :title, description = :description,
                 place = :place, capacity = :capacity, audience = :audience
             WHERE id = :id",
            named_params! {
                ":id": workshop.id, ":type": workshop.type_id, ":title": workshop.title.trim(),
                ":description": workshop.description, ":place": workshop.place,
                ":capacity": workshop.capacity, ":audience": workshop.audience,
            },
        )
        .map_err(refused(FOREIGN_KEY, NO_TYPE))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Atelier"));
    }
    write_animators(conn, workshop, workshop.id)
}

fn animators_of(conn: &Connection, workshop_id: WorkshopId) -> Result<Vec<Animator>> {
    let mut statement = conn.prepare_cached(
        "SELECT staff_id, name FROM workshop_animator WHERE workshop_id = :id ORDER BY id",
    )?;
    Ok(statement
        .query_map(named_params! {":id": workshop_id}, |row| {
            Ok(Animator {
                staff_id: row.get("staff_id")?,
                name: row.get("name")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn workshop_from_row(row: &Row) -> rusqlite::Result<Workshop> {
    Ok(Workshop {
        id: row.get("id")?,
        type_id: row.get("type_id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        place: row.get("place")?,
        capacity: row.get("capacity")?,
        audience: row.get("audience")?,
        animators: Vec::new(),
    })
}

const WORKSHOP_COLUMNS: &str =
    "SELECT id, type_id, title, description, place, capacity, audience FROM workshop";

/// One workshop with its animators (in the order they were given).
pub fn get_workshop(conn: &Connection, id: WorkshopId) -> Result<Workshop> {
    let workshop = conn
        .query_row(
            &format!("{WORKSHOP_COLUMNS} WHERE id = :id"),
            named_params! {":id": id},
            workshop_from_row,
        )
        .optional()?;
    let mut workshop = workshop.ok_or(StoreError::NotFound("Atelier"))?;
    workshop.animators = animators_of(conn, id)?;
    Ok(workshop)
}

/// Every workshop with its animators, by title.
pub fn list_workshops(conn: &Connection) -> Result<Vec<Workshop>> {
    let mut statement =
        conn.prepare(&format!("{WORKSHOP_COLUMNS} ORDER BY title COLLATE FR, id"))?;
    let mut workshops = statement
        .query_map([], workshop_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for workshop in &mut workshops {
        workshop.animators = animators_of(conn, workshop.id)?;
    }
    Ok(workshops)
}

/// Deletes a workshop with its animators, sessions and their attendances (schema cascade).
pub fn delete_workshop(conn: &Connection, id: WorkshopId) -> Result<()> {
    let deleted = conn.execute(
        "DELETE FROM workshop WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Atelier"));
    }
    Ok(())
}

/// Saves a workshop (new when its id is 0) with the sessions to add (id 0) and those to
/// delete, all in one transaction; returns the workshop id.
pub fn save_workshop_with_sessions(
    conn: &Connection,
    workshop: &Workshop,
    new_sessions: &[Session],
    deleted_sessions: &[SessionId],
) -> Result<WorkshopId> {
    let tx = conn.unchecked_transaction()?;
    let id = if workshop.id == 0 {
        insert_workshop_in(&tx, workshop)?
    } else {
        update_workshop_in(&tx, workshop)?;
        workshop.id
    };
    for session_id in deleted_sessions {
        tx.execute(
            "DELETE FROM workshop_session WHERE id = :id AND workshop_id = :workshop",
            named_params! {":id": session_id, ":workshop": id},
        )?;
    }
    for session in new_sessions {
        insert_session(
            &tx,
            &Session {
                workshop_id: id,
                ..session.clone()
            },
        )?;
    }
    tx.commit()?;
    Ok(id)
}
