//! Ateliers' use cases: the lists the screen shows, registering people and their attendance,
//! the workshop form and its types, and the attendance sheet (read in one transaction, its
//! PDF drawn after the database closure has returned).

use std::path::Path;

use chrono::NaiveDate;

use super::{Garden, Result};
use crate::domain::workshops::{
    Attendance, AttendanceStatus, Participant, Session, SessionId, Workshop, WorkshopId,
    WorkshopType,
};
use crate::report::attendance_sheet;
use crate::store::workshops::{
    self as store, AttendanceSheet, PersonChoice, SessionDetail, SessionSummary,
};
use crate::store::{Connection, StoreError, employees, output};

/// A staff member one may pick as animator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffChoice {
    /// Staff id.
    pub id: i64,
    /// "MARTIN Paul".
    pub name: String,
}

impl std::fmt::Display for StaffChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// Everything the Ateliers screen lists, read in one go.
#[derive(Debug, Clone)]
pub struct Lists {
    /// The day they were read for (sessions before it are past).
    pub today: NaiveDate,
    /// Every session, by date.
    pub sessions: Vec<SessionSummary>,
    /// Past sessions without any attendance filled in.
    pub unfilled: Vec<SessionSummary>,
    /// Workshop types.
    pub types: Vec<WorkshopType>,
    /// Active staff, the animators one may pick.
    pub staff: Vec<StaffChoice>,
    /// Members and employees one may register.
    pub people: Vec<PersonChoice>,
}

/// Fresh lists and the session to show, after a change.
pub type Refreshed = (Lists, Option<SessionDetail>);

fn read_lists(conn: &Connection, today: NaiveDate) -> Result<Lists, StoreError> {
    let staff = employees::list_staff(conn)?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| StaffChoice {
            id: s.id,
            name: s.display_name(),
        })
        .collect();
    Ok(Lists {
        today,
        sessions: store::list_sessions(conn, None, None)?,
        unfilled: store::unfilled_sessions(conn, today)?,
        types: store::list_workshop_types(conn)?,
        staff,
        people: store::registrable_people(conn)?,
    })
}

fn refreshed(
    conn: &Connection,
    show: Option<SessionId>,
    today: NaiveDate,
) -> Result<Refreshed, StoreError> {
    let detail = show.map(|id| store::session_detail(conn, id)).transpose()?;
    Ok((read_lists(conn, today)?, detail))
}

/// Runs `work`, which writes, then reads the lists and the session `show` again, in one
/// go; refused on a garden open read-only before anything is touched.
fn change(
    garden: &Garden,
    show: Option<SessionId>,
    today: NaiveDate,
    work: impl FnOnce(&Connection) -> Result<(), StoreError>,
) -> Result<Refreshed> {
    Ok(garden.change(|conn| {
        work(conn)?;
        refreshed(conn, show, today)
    })?)
}

/// The lists the screen shows (unfilled sessions: those before `today`).
pub fn lists(garden: &Garden, today: NaiveDate) -> Result<Lists> {
    Ok(garden.with(|conn| read_lists(conn, today))?)
}

/// The lists and the session `id`, to show it.
pub fn show_session(garden: &Garden, id: SessionId, today: NaiveDate) -> Result<Refreshed> {
    Ok(garden.with(|conn| refreshed(conn, Some(id), today))?)
}

/// Registers `participant` at session `session_id` (expected).
pub fn register(
    garden: &Garden,
    session_id: SessionId,
    participant: Participant,
    today: NaiveDate,
) -> Result<Refreshed> {
    let attendance = Attendance {
        id: 0,
        session_id,
        participant,
        status: AttendanceStatus::Expected,
    };
    change(garden, Some(session_id), today, |conn| {
        store::insert_attendance(conn, &attendance).map(|_| ())
    })
}

/// Removes the registration `attendance_id`, then shows `show`.
pub fn unregister(
    garden: &Garden,
    attendance_id: i64,
    show: Option<SessionId>,
    today: NaiveDate,
) -> Result<Refreshed> {
    change(garden, show, today, |conn| {
        store::delete_attendance(conn, attendance_id)
    })
}

/// Sets the status of the registration `attendance_id`, then shows `show`.
pub fn set_status(
    garden: &Garden,
    attendance_id: i64,
    status: AttendanceStatus,
    show: Option<SessionId>,
    today: NaiveDate,
) -> Result<Refreshed> {
    change(garden, show, today, |conn| {
        store::set_attendance_status(conn, attendance_id, status)
    })
}

/// Gives every registration of `session_id` the status `status` (« Tous présents »).
pub fn mark_all(
    garden: &Garden,
    session_id: SessionId,
    status: AttendanceStatus,
    today: NaiveDate,
) -> Result<Refreshed> {
    change(garden, Some(session_id), today, |conn| {
        store::mark_all(conn, session_id, status).map(|_| ())
    })
}

/// Adds the workshop type `name`, then shows `show`.
pub fn add_type(
    garden: &Garden,
    name: String,
    show: Option<SessionId>,
    today: NaiveDate,
) -> Result<Refreshed> {
    change(garden, show, today, |conn| {
        store::insert_workshop_type(conn, &WorkshopType { id: 0, name }).map(|_| ())
    })
}

/// Deletes the workshop type `id` (refused when a workshop uses it), then shows `show`.
pub fn delete_type(
    garden: &Garden,
    id: i64,
    show: Option<SessionId>,
    today: NaiveDate,
) -> Result<Refreshed> {
    change(garden, show, today, |conn| {
        store::delete_workshop_type(conn, id)
    })
}

/// The sessions of workshop `id`, for its form.
pub fn sessions_of(garden: &Garden, id: WorkshopId) -> Result<Vec<Session>> {
    Ok(garden.with(|conn| store::sessions_of(conn, id))?)
}

/// Saves `workshop` with its new sessions and those deleted, in one transaction; answers
/// the lists and its next session on or after `today` (or its last one).
pub fn save_workshop(
    garden: &Garden,
    workshop: &Workshop,
    new_sessions: &[Session],
    deleted: &[SessionId],
    today: NaiveDate,
) -> Result<Refreshed> {
    Ok(garden.change(|conn| {
        let id = store::save_workshop_with_sessions(conn, workshop, new_sessions, deleted)?;
        let sessions = store::sessions_of(conn, id)?;
        let show = sessions
            .iter()
            .find(|s| s.date >= today)
            .or(sessions.last())
            .map(|s| s.id);
        refreshed(conn, show, today)
    })?)
}

/// What the attendance sheet of `session_id` prints, printed on `today`.
pub fn attendance_sheet(
    garden: &Garden,
    session_id: SessionId,
    today: NaiveDate,
) -> Result<AttendanceSheet> {
    Ok(garden.with(|conn| store::attendance_sheet(conn, session_id, today))?)
}

/// A drawn attendance sheet: the file name to offer and the PDF.
#[derive(Debug, Clone)]
pub struct SheetPdf {
    /// "Emargement 2026-12-03 Soupes d'hiver.pdf".
    pub file_name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The attendance sheet of `session_id` as a PDF: its data read in one transaction, drawn
/// once the database is free again.
pub fn attendance_sheet_pdf(
    garden: &Garden,
    session_id: SessionId,
    today: NaiveDate,
) -> Result<SheetPdf> {
    let sheet = attendance_sheet(garden, session_id, today)?;
    Ok(SheetPdf {
        file_name: attendance_sheet::file_name(&sheet),
        bytes: attendance_sheet::render(&sheet)?,
    })
}

/// Writes a drawn sheet to `path` (never over a database; nothing partial left).
pub fn write_sheet(path: &Path, sheet: &SheetPdf) -> Result<()> {
    Ok(output::write_file(path, &sheet.bytes)?)
}

/// The sessions `participant` attended (present), newest first: a person's workshop
/// history.
pub fn attended_by(garden: &Garden, participant: &Participant) -> Result<Vec<SessionSummary>> {
    Ok(garden.with(|conn| store::sessions_attended_by(conn, participant))?)
}
