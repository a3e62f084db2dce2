//! Workshop types, workshops (with their animators), sessions and attendances, plus what the
//! home screen and the activity report ask about them.
//!
//! Times are written 'HH:MM': seconds are dropped.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, named_params};

use super::error::{Result, StoreError};
use crate::domain::workshops::{
    Animator, Attendance, AttendanceStatus, Participant, Session, SessionId, Workshop, WorkshopId,
    WorkshopType,
};

/// True when `error` is a SQLite constraint failure with this extended code.
fn is_constraint(error: &rusqlite::Error, extended: i32) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.code == ErrorCode::ConstraintViolation && e.extended_code == extended)
}

/// Turns a constraint failure with this extended code into `Invalid(message)`.
fn refused(extended: i32, message: &str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |error| {
        if is_constraint(&error, extended) {
            StoreError::Invalid(message.to_owned())
        } else {
            error.into()
        }
    }
}

const FOREIGN_KEY: i32 = rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY;
const UNIQUE: i32 = rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE;

fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

// ---------------------------------------------------------------------------- workshop types

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
        conn.prepare("SELECT id, name FROM workshop_type ORDER BY name COLLATE NOCASE")?;
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

// -------------------------------------------------------------------------------- workshops

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
    let mut statement = conn.prepare(&format!(
        "{WORKSHOP_COLUMNS} ORDER BY title COLLATE NOCASE, id"
    ))?;
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

// --------------------------------------------------------------------------------- sessions

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

// ------------------------------------------------------------------------------ attendances

const ALREADY_REGISTERED: &str = "Cette personne est déjà inscrite à cette séance.";
const NO_PARTICIPANT: &str =
    "La séance, l'adhérent ou le salarié choisi n'existe plus : rechargez la liste.";

/// The three participant columns of `participant`: member id, employee id, outside name.
fn participant_columns(participant: &Participant) -> (Option<i64>, Option<i64>, String) {
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
    if is_constraint(&error, UNIQUE) {
        StoreError::Invalid(ALREADY_REGISTERED.to_owned())
    } else if is_constraint(&error, FOREIGN_KEY) {
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

fn attendance_from_row(row: &Row) -> rusqlite::Result<Attendance> {
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

// ------------------------------------------------------------------------------ home screen

/// A session as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    /// The session.
    pub session_id: i64,
    /// Title of its workshop.
    pub workshop_title: String,
    /// Name of the workshop's type.
    pub type_name: String,
    /// Day of the session.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
    /// People registered, whatever their status (excused ones included).
    pub registered: i64,
    /// The workshop's capacity, when limited.
    pub capacity: Option<i64>,
}

const SUMMARY_SELECT: &str = "SELECT s.id AS session_id, w.title AS workshop_title,
        t.name AS type_name, s.date AS date, s.start_time AS start_time,
        s.end_time AS end_time, w.capacity AS capacity,
        (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS registered
     FROM workshop_session s
     JOIN workshop w ON w.id = s.workshop_id
     JOIN workshop_type t ON t.id = w.type_id";

fn summary_from_row(row: &Row) -> rusqlite::Result<SessionSummary> {
    Ok(SessionSummary {
        session_id: row.get("session_id")?,
        workshop_title: row.get("workshop_title")?,
        type_name: row.get("type_name")?,
        date: row.get("date")?,
        start: row.get("start_time")?,
        end: row.get("end_time")?,
        registered: row.get("registered")?,
        capacity: row.get("capacity")?,
    })
}

/// At most `limit` sessions dated `from` or later, by date and start time.
pub fn upcoming_sessions(
    conn: &Connection,
    from: NaiveDate,
    limit: usize,
) -> Result<Vec<SessionSummary>> {
    let mut statement = conn.prepare(&format!(
        "{SUMMARY_SELECT} WHERE s.date >= :from ORDER BY s.date, s.start_time, s.id LIMIT :limit"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    Ok(statement
        .query_map(
            named_params! {":from": from, ":limit": limit},
            summary_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Past sessions (before `today`) whose attendance was never filled in: nobody's status is
/// other than « attendu », nobody registered included (the rule of
/// [`crate::domain::workshops::attendance_unfilled`]). By date and start time.
pub fn unfilled_sessions(conn: &Connection, today: NaiveDate) -> Result<Vec<SessionSummary>> {
    let mut statement = conn.prepare(&format!(
        "{SUMMARY_SELECT} WHERE s.date < :today AND NOT EXISTS (
             SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.status <> 'attendu')
         ORDER BY s.date, s.start_time, s.id"
    ))?;
    Ok(statement
        .query_map(named_params! {":today": today}, summary_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

// ----------------------------------------------------------------------------------- counts

/// Workshop figures of the activity report for a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkshopCounts {
    /// Sessions dated in the period, whether or not anyone came.
    pub sessions: i64,
    /// Different people present at least once (outside people told apart by name, ignoring
    /// case and surrounding spaces).
    pub distinct_participants: i64,
    /// « Présent » attendances: one person at three sessions counts three.
    pub attendances: i64,
    /// Participant-hours: the sum, over « présent » attendances, of their session's length.
    pub hours: f64,
}

fn counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    type_id: Option<i64>,
) -> Result<WorkshopCounts> {
    let params = named_params! {":from": from, ":to": to, ":type": type_id};
    let sessions: i64 = conn.query_row(
        "SELECT count(*) FROM workshop_session s JOIN workshop w ON w.id = s.workshop_id
         WHERE s.date BETWEEN :from AND :to AND (:type IS NULL OR w.type_id = :type)",
        params,
        |r| r.get(0),
    )?;
    let mut statement = conn.prepare(
        "SELECT a.id, a.session_id, a.member_id, a.employee_id, a.outside_name, a.status,
                s.workshop_id, s.date, s.start_time, s.end_time
         FROM attendance a
         JOIN workshop_session s ON s.id = a.session_id
         JOIN workshop w ON w.id = s.workshop_id
         WHERE a.status = 'present' AND s.date BETWEEN :from AND :to
           AND (:type IS NULL OR w.type_id = :type)",
    )?;
    let present = statement
        .query_map(params, |row| {
            let session = Session {
                id: row.get("session_id")?,
                workshop_id: row.get("workshop_id")?,
                date: row.get("date")?,
                start: row.get("start_time")?,
                end: row.get("end_time")?,
            };
            Ok((attendance_from_row(row)?, session))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let people: HashSet<Participant> = present
        .iter()
        .map(|(attendance, _)| match &attendance.participant {
            Participant::Outside(name) => Participant::Outside(name.trim().to_lowercase()),
            other => other.clone(),
        })
        .collect();
    Ok(WorkshopCounts {
        sessions,
        distinct_participants: people.len() as i64,
        attendances: present.len() as i64,
        hours: present.iter().map(|(_, session)| session.hours()).sum(),
    })
}

/// Sessions, distinct participants, « présent » attendances and participant-hours for the
/// sessions dated `from` to `to` (both included).
pub fn workshop_counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<WorkshopCounts> {
    counts(conn, from, to, None)
}

/// [`workshop_counts`] per workshop type, by type name, types without a session in the
/// period left out. A person present in two types counts in each.
pub fn workshop_counts_by_type(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(WorkshopType, WorkshopCounts)>> {
    let mut result = Vec::new();
    for workshop_type in list_workshop_types(conn)? {
        let type_counts = counts(conn, from, to, Some(workshop_type.id))?;
        if type_counts.sessions > 0 {
            result.push((workshop_type, type_counts));
        }
    }
    Ok(result)
}

// ------------------------------------------------------------------------- screen and sheet

/// Sessions whose date is in `[from, to]` (either end open when `None`), by date and time.
pub fn list_sessions(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<SessionSummary>> {
    let mut statement = conn.prepare(&format!(
        "{SUMMARY_SELECT} WHERE (:from IS NULL OR s.date >= :from)
           AND (:to IS NULL OR s.date <= :to)
         ORDER BY s.date, s.start_time, s.id"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, summary_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One session as a [`SessionSummary`].
pub fn session_summary(conn: &Connection, session_id: SessionId) -> Result<SessionSummary> {
    conn.query_row(
        &format!("{SUMMARY_SELECT} WHERE s.id = :id"),
        named_params! {":id": session_id},
        summary_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Séance"))
}

/// The sessions a person came to (« présent »), newest first: their workshop history, for the
/// member or employee page.
pub fn sessions_attended_by(
    conn: &Connection,
    participant: &Participant,
) -> Result<Vec<SessionSummary>> {
    let (member, employee, outside) = participant_columns(participant);
    let mut statement = conn.prepare(&format!(
        "{SUMMARY_SELECT} WHERE EXISTS (
             SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.status = 'present'
               AND ((:member IS NOT NULL AND a.member_id = :member)
                 OR (:employee IS NOT NULL AND a.employee_id = :employee)
                 OR (:outside <> '' AND a.member_id IS NULL AND a.employee_id IS NULL
                     AND lower(trim(a.outside_name)) = lower(:outside))))
         ORDER BY s.date DESC, s.start_time DESC, s.id DESC"
    ))?;
    Ok(statement
        .query_map(
            named_params! {":member": member, ":employee": employee, ":outside": outside},
            summary_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Who a person is, for picking them in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    /// The member or employee.
    pub participant: Participant,
    /// "DUPONT Marie".
    pub name: String,
    /// "Adhérent·e" or "Salarié·e".
    pub kind: &'static str,
}

/// "DUPONT Marie" from a last and first name.
pub fn display_name(last_name: &str, first_name: &str) -> String {
    format!("{} {}", last_name.trim().to_uppercase(), first_name.trim())
        .trim()
        .to_owned()
}

/// Members (those who left excluded) and employees one may register for a session, by name.
pub fn registrable_people(conn: &Connection) -> Result<Vec<PersonChoice>> {
    let mut people = Vec::new();
    let mut members = conn.prepare(
        "SELECT id, last_name, first_name FROM member WHERE status <> 'parti'
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = members.query_map([], |row| {
        Ok(PersonChoice {
            participant: Participant::Member(row.get("id")?),
            name: display_name(
                &row.get::<_, String>("last_name")?,
                &row.get::<_, String>("first_name")?,
            ),
            kind: "Adhérent·e",
        })
    })?;
    for row in rows {
        people.push(row?);
    }
    let mut employees = conn.prepare(
        "SELECT id, last_name, first_name FROM employee
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = employees.query_map([], |row| {
        Ok(PersonChoice {
            participant: Participant::Employee(row.get("id")?),
            name: display_name(
                &row.get::<_, String>("last_name")?,
                &row.get::<_, String>("first_name")?,
            ),
            kind: "Salarié·e",
        })
    })?;
    for row in rows {
        people.push(row?);
    }
    people.sort_by_key(|p| p.name.to_lowercase());
    Ok(people)
}

/// A registered person with their name, as the session page and the sheet show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The attendance row.
    pub attendance: Attendance,
    /// "DUPONT Marie", or the outside person's name as typed.
    pub name: String,
    /// "Adhérent·e", "Salarié·e" or "Extérieur·e".
    pub kind: &'static str,
}

/// Everyone registered for a session, with names, by name.
pub fn registrations_of(conn: &Connection, session_id: SessionId) -> Result<Vec<Registration>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.id, a.session_id, a.member_id, a.employee_id, a.outside_name, a.status,
                coalesce(m.last_name, e.last_name) AS last_name,
                coalesce(m.first_name, e.first_name) AS first_name
         FROM attendance a
         LEFT JOIN member m ON m.id = a.member_id
         LEFT JOIN employee e ON e.id = a.employee_id
         WHERE a.session_id = :id",
    )?;
    let mut registrations = statement
        .query_map(named_params! {":id": session_id}, |row| {
            let attendance = attendance_from_row(row)?;
            let (name, kind) = match &attendance.participant {
                Participant::Outside(name) => (name.clone(), "Extérieur·e"),
                other => {
                    let last: String = row.get("last_name")?;
                    let first: String = row.get("first_name")?;
                    let kind = if matches!(other, Participant::Member(_)) {
                        "Adhérent·e"
                    } else {
                        "Salarié·e"
                    };
                    (display_name(&last, &first), kind)
                }
            };
            Ok(Registration {
                attendance,
                name,
                kind,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    registrations.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.attendance.id.cmp(&b.attendance.id))
    });
    Ok(registrations)
}

/// Everything the session page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDetail {
    /// The session.
    pub session: Session,
    /// Its workshop, with animators.
    pub workshop: Workshop,
    /// Name of the workshop's type.
    pub type_name: String,
    /// Animators' names, staff looked up ("Paul MARTIN" → "MARTIN Paul").
    pub animator_names: Vec<String>,
    /// Who is registered, by name.
    pub registrations: Vec<Registration>,
}

/// The animators of a workshop by name: staff members looked up, typed names as typed.
pub fn animator_names(conn: &Connection, workshop: &Workshop) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for animator in &workshop.animators {
        let name = match animator.staff_id {
            Some(id) => conn
                .query_row(
                    "SELECT last_name, first_name FROM staff WHERE id = :id",
                    named_params! {":id": id},
                    |r| {
                        Ok(display_name(
                            &r.get::<_, String>(0)?,
                            &r.get::<_, String>(1)?,
                        ))
                    },
                )
                .optional()?
                .unwrap_or_else(|| animator.name.clone()),
            None => animator.name.trim().to_owned(),
        };
        names.push(name);
    }
    Ok(names)
}

/// The session page: session, workshop, type, animators and registrations.
pub fn session_detail(conn: &Connection, session_id: SessionId) -> Result<SessionDetail> {
    let session = get_session(conn, session_id)?;
    let workshop = get_workshop(conn, session.workshop_id)?;
    let type_name = get_workshop_type(conn, workshop.type_id)?.name;
    let animator_names = animator_names(conn, &workshop)?;
    Ok(SessionDetail {
        registrations: registrations_of(conn, session_id)?,
        session,
        workshop,
        type_name,
        animator_names,
    })
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
