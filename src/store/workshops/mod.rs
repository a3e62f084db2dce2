//! Workshop types, workshops (with their animators), sessions and attendances, plus what the
//! home screen and the activity report ask about them.
//!
//! Times are written 'HH:MM': seconds are dropped.

mod attendance;
mod registrations;
mod sessions;
mod sheet;
mod summaries;
mod types;
mod workshop;

use chrono::NaiveTime;
use rusqlite::ErrorCode;

use super::error::StoreError;

pub use attendance::{
    attendances_of, delete_attendance, get_attendance, insert_attendance, mark_all,
    set_attendance_status, update_attendance,
};
pub use registrations::{
    PersonChoice, Registration, SessionDetail, animator_names, registrable_people,
    registrations_of, session_detail,
};
pub use sessions::{delete_session, get_session, insert_session, sessions_of, update_session};
pub use sheet::{AttendanceSheet, attendance_sheet};
pub use summaries::{
    SessionSummary, WorkshopCounts, list_sessions, partly_filled_sessions, session_summary,
    sessions_attended_by, unfilled_sessions, upcoming_sessions, workshop_counts,
    workshop_counts_by_type,
};
pub use types::{
    delete_workshop_type, get_workshop_type, insert_workshop_type, list_workshop_types,
    update_workshop_type,
};
pub use workshop::{
    delete_workshop, get_workshop, insert_workshop, list_workshops, save_workshop_with_sessions,
    update_workshop,
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
