//! What a session's attendance sheet (feuille d'émargement) prints: the garden, the
//! session, its animators and the people registered. Names only: no social data.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use super::session_detail;
use crate::domain::workshops::SessionId;
use crate::store::{Result, settings};

/// What the sheet prints.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceSheet {
    /// Garden name, in the header.
    pub garden_name: String,
    /// Garden logo, if any.
    pub logo_path: Option<PathBuf>,
    /// Workshop title.
    pub workshop_title: String,
    /// Workshop type name.
    pub type_name: String,
    /// Session day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
    /// Where it takes place.
    pub place: String,
    /// Animators' names.
    pub animators: Vec<String>,
    /// Registered people's names, by name.
    pub people: Vec<String>,
    /// Day the sheet is printed (footer).
    pub printed_on: NaiveDate,
}

/// Reads what the sheet of `session_id` prints, printed on `today`.
pub fn attendance_sheet(
    conn: &Connection,
    session_id: SessionId,
    today: NaiveDate,
) -> Result<AttendanceSheet> {
    let detail = session_detail(conn, session_id)?;
    let identity = settings::garden_identity(conn)?;
    let logo = identity.logo_path.trim();
    Ok(AttendanceSheet {
        garden_name: identity.name.clone(),
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        workshop_title: detail.workshop.title.clone(),
        type_name: detail.type_name.clone(),
        date: detail.session.date,
        start: detail.session.start,
        end: detail.session.end,
        place: detail.workshop.place.clone(),
        animators: detail.animator_names.clone(),
        people: detail.registrations.into_iter().map(|r| r.name).collect(),
        printed_on: today,
    })
}
