//! Session summaries for the home screen and the sessions screen, and the activity report's
//! workshop counts.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::attendance::{attendance_from_row, participant_columns};
use super::types::list_workshop_types;
use crate::domain::workshops::{Participant, Session, SessionId, WorkshopType};
use crate::store::error::{Result, StoreError};

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

/// Past sessions (before `today`) whose attendance was only partly filled in: some
/// registered people have a status (présent, absent, excusé) and others are still
/// « attendu ». By date and start time.
pub fn partly_filled_sessions(conn: &Connection, today: NaiveDate) -> Result<Vec<SessionSummary>> {
    let mut statement = conn.prepare(&format!(
        "{SUMMARY_SELECT} WHERE s.date < :today
           AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id
                       AND a.status <> 'attendu')
           AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id
                       AND a.status = 'attendu')
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
