//! Attendances: who is registered for a session, and whether they came.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{Constraint, FOREIGN_KEY, UNIQUE};
use crate::domain::workshops::{Attendance, AttendanceStatus, Participant, SessionId};
use crate::store::error::{Result, StoreError};

const ALREADY_REGISTERED: &str = "Cette personne est déjà inscrite à cette séance.";
const NO_PARTICIPANT: &str =
    "La séance, l'adhérent ou le salarié choisi n'existe plus : rechargez la liste.";

/// The three participant columns of `participant`: member id, employee id, outside name.
pub(super) fn participant_columns(participant: &Participant) -> (Option<i64>, Option<i64>, String) {
    match participant {
        Participant::Member(id) => (Some(*id), None, String::new()),
        Participant::Employee(id) => (None, Some(*id), String::new()),
        Participant::Outside(name) => (None, None, name.trim().to_owned()),
    }
}

/// The same person, outside names compared without case and surrounding spaces.
fn same_person(a: &Participant, b: &Participant) -> bool {
    match (a, b) {
        (Participant::Outside(a), Participant::Outside(b)) => {
            a.trim().to_lowercase() == b.trim().to_lowercase()
        }
        _ => a == b,
    }
}

/// Refuses registering a person already registered for the session (other than row `id`).
fn check_not_registered(conn: &Connection, attendance: &Attendance) -> Result<()> {
    let others = attendances_of(conn, attendance.session_id)?;
    let twice = others.iter().any(|other| {
        other.id != attendance.id && same_person(&other.participant, &attendance.participant)
    });
    if twice {
        let message = match &attendance.participant {
            Participant::Outside(name) => {
                format!("{} est déjà inscrit·e à cette séance.", name.trim())
            }
            _ => ALREADY_REGISTERED.to_owned(),
        };
        return Err(StoreError::Invalid(message));
    }
    Ok(())
}

fn attendance_error(error: rusqlite::Error) -> StoreError {
    if Constraint::of(&error) == Some(UNIQUE) {
        StoreError::Invalid(ALREADY_REGISTERED.to_owned())
    } else if Constraint::of(&error) == Some(FOREIGN_KEY) {
        StoreError::Invalid(NO_PARTICIPANT.to_owned())
    } else {
        error.into()
    }
}

/// Registers a person for a session; returns the attendance id. Refused (`Invalid`) when the
/// person is already registered for that session.
pub fn insert_attendance(conn: &Connection, attendance: &Attendance) -> Result<i64> {
    let attendance = Attendance {
        id: 0,
        ..attendance.clone()
    };
    attendance.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    check_not_registered(&tx, &attendance)?;
    let (member, employee, outside) = participant_columns(&attendance.participant);
    tx.execute(
        "INSERT INTO attendance (session_id, member_id, employee_id, outside_name, status)
         VALUES (:session, :member, :employee, :outside, :status)",
        named_params! {
            ":session": attendance.session_id, ":member": member, ":employee": employee,
            ":outside": outside, ":status": attendance.status.code(),
        },
    )
    .map_err(attendance_error)?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(id)
}

/// Saves changes to an attendance (another session, person or status).
pub fn update_attendance(conn: &Connection, attendance: &Attendance) -> Result<()> {
    attendance.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    check_not_registered(&tx, attendance)?;
    let (member, employee, outside) = participant_columns(&attendance.participant);
    let changed = tx
        .execute(
            "UPDATE attendance SET session_id = :session, member_id = :member,
                 employee_id = :employee, outside_name = :outside, status = :status
             WHERE id = :id",
            named_params! {
                ":id": attendance.id, ":session": attendance.session_id, ":member": member,
                ":employee": employee, ":outside": outside, ":status": attendance.status.code(),
            },
        )
        .map_err(attendance_error)?;
    if changed == 0 {
        return Err(StoreError::NotFound("Inscription"));
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn attendance_from_row(row: &Row) -> rusqlite::Result<Attendance> {
    let member: Option<i64> = row.get("member_id")?;
    let employee: Option<i64> = row.get("employee_id")?;
    let participant = match (member, employee) {
        (Some(id), _) => Participant::Member(id),
        (None, Some(id)) => Participant::Employee(id),
        (None, None) => Participant::Outside(row.get("outside_name")?),
    };
    let status: String = row.get("status")?;
    let status = AttendanceStatus::from_code(&status).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("statut inconnu : {status}").into(),
        )
    })?;
    Ok(Attendance {
        id: row.get("id")?,
        session_id: row.get("session_id")?,
        participant,
        status,
    })
}

const ATTENDANCE_COLUMNS: &str =
    "SELECT id, session_id, member_id, employee_id, outside_name, status FROM attendance";

/// One attendance.
pub fn get_attendance(conn: &Connection, id: i64) -> Result<Attendance> {
    conn.query_row(
        &format!("{ATTENDANCE_COLUMNS} WHERE id = :id"),
        named_params! {":id": id},
        attendance_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Inscription"))
}

/// Everyone registered for a session, in registration order.
pub fn attendances_of(conn: &Connection, session_id: SessionId) -> Result<Vec<Attendance>> {
    let mut statement = conn.prepare_cached(&format!(
        "{ATTENDANCE_COLUMNS} WHERE session_id = :id ORDER BY id"
    ))?;
    Ok(statement
        .query_map(named_params! {":id": session_id}, attendance_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Unregisters a person (deletes the attendance).
pub fn delete_attendance(conn: &Connection, id: i64) -> Result<()> {
    let deleted = conn.execute(
        "DELETE FROM attendance WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Inscription"));
    }
    Ok(())
}

/// Sets the status of one attendance.
pub fn set_attendance_status(conn: &Connection, id: i64, status: AttendanceStatus) -> Result<()> {
    let changed = conn.execute(
        "UPDATE attendance SET status = :status WHERE id = :id",
        named_params! {":id": id, ":status": status.code()},
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound("Inscription"));
    }
    Ok(())
}

/// Sets the status of every attendance of a session (whatever it was), e.g. « tous
/// présents » before marking the few absents; returns how many lines were set.
pub fn mark_all(
    conn: &Connection,
    session_id: SessionId,
    status: AttendanceStatus,
) -> Result<usize> {
    let tx = conn.unchecked_transaction()?;
    let changed = tx.execute(
        "UPDATE attendance SET status = :status WHERE session_id = :id",
        named_params! {":id": session_id, ":status": status.code()},
    )?;
    tx.commit()?;
    Ok(changed)
}
