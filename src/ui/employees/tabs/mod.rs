//! The tabs of a person's file, one component each: its form, its `Message`, `update` and
//! `view`, and the [`Event`] it hands back to the file (save this change, a refusal, a
//! notice).

pub mod contracts;
pub mod exit;
pub mod followups;
pub mod fse;
pub mod hours;
pub mod identity;
pub mod pass;
pub mod trainings;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::employees::Change;
use crate::domain::employees::Employee;
use crate::store::employees::EmployeeFile;
use crate::ui::widgets::Tone;

impl Event {
    /// Save `change`, then say `success`.
    pub fn save(change: Change, success: &'static str) -> Self {
        Event::Save(Box::new(change), success)
    }
}

/// What a tab asks of the file it is in.
#[derive(Debug, Clone)]
pub enum Event {
    /// Save this change, then say this.
    Save(Box<Change>, &'static str),
    /// What was typed was refused: the errors are beside the fields.
    Refused,
    /// Show this notice.
    Notice(Tone, String),
    /// Add a follow-up theme of this name.
    AddTheme(String),
    /// Import this payroll export.
    ImportPayroll(PathBuf),
}

/// What a tab of a saved file sees: the file as last read, the person as typed (their
/// referent and boxes count before they are saved), and today.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    /// The file as last read.
    pub file: &'a EmployeeFile,
    /// The person as typed on the Identité and Entrée tabs.
    pub person: &'a Employee,
    /// Today.
    pub today: NaiveDate,
}

/// Puts `errors` beside their fields and tells the file nothing was saved.
pub fn refuse(fields: &mut super::fields::Fields, errors: super::fields::Errors) -> Option<Event> {
    fields.errors.extend(errors);
    Some(Event::Refused)
}
