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

use super::error::{Constraint, StoreError};

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

/// Turns `constraint` broken into `Invalid(message)`.
fn refused(
    constraint: Constraint,
    message: &str,
) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
    constraint.refused(message)
}

const FOREIGN_KEY: Constraint = Constraint::ForeignKey;
const UNIQUE: Constraint = Constraint::Unique;

fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}
