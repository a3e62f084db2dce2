//! The Salariés use cases: the list, a person's whole file and every change to it (typed:
//! [`Change`], deletions included as [`Deletion`]), the payroll import, deleting a file, and
//! the fiche parcours.

mod path_sheet;

pub use path_sheet::{path_sheet, path_sheet_data, save_document};

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::{Error, Garden, Result};
use crate::domain::employees::{
    Approval, Contract, Employee, EmployeeRow, Exit, FollowUp, FseSnapshot, Immersion, Staff,
    Theme, Training,
};
use crate::store::employees::{self as store, DeletionSummary, EmployeeFile};
use crate::store::{Connection, StoreError};

/// The names of the form fields a use case may refuse, as [`Error::Invalid`] gives them.
pub mod field {
    /// The PASS IAE number.
    pub const PASS_NUMBER: &str = "Numéro de PASS IAE";
    /// The entry date of a new path after an exit.
    pub const NEW_PATH_DATE: &str = "Date de la nouvelle entrée";
    /// The name of a new follow-up theme.
    pub const THEME: &str = "Autre thème";
}

/// The staff and themes a file's pick lists offer.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// Every staff member (the active ones are offered).
    pub staff: Vec<Staff>,
    /// Follow-up themes, built-in and added.
    pub themes: Vec<Theme>,
}

/// A line of a person's file being deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    /// A contract, by id.
    Contract(i64),
    /// A follow-up, by id.
    FollowUp(i64),
    /// A training, by id.
    Training(i64),
    /// An immersion, by id.
    Immersion(i64),
    /// The exit of the current path (back on the path).
    Exit,
    /// The new path started by mistake (still empty).
    NewPath,
}

/// One change to a person's file.
#[derive(Debug, Clone)]
pub enum Change {
    /// The person (identity, entry, eligibility): inserted when their id is 0.
    Employee(Employee),
    /// The PASS IAE with its suspensions and prolongations.
    Approval(Approval),
    /// A contract: inserted when its id is 0.
    Contract(Contract),
    /// A follow-up: inserted when its id is 0.
    FollowUp(FollowUp),
    /// A training: inserted when its id is 0.
    Training(Training),
    /// An immersion: inserted when its id is 0.
    Immersion(Immersion),
    /// The exit of the current path: recorded, or corrected when there is one.
    Exit(Exit),
    /// An FSE+ snapshot: inserted when its id is 0.
    Fse(FseSnapshot),
    /// The hours worked of `year`, January first (`None`: not recorded).
    WorkedHours {
        /// The year.
        year: i32,
        /// Hours of each month.
        months: [Option<f64>; 12],
    },
    /// A new path after an exit, entering on this day.
    NewPath(NaiveDate),
    /// A line deleted.
    Delete(Deletion),
}

impl Change {
    /// The form field a refusal of the store is about, if the change has one.
    fn field(&self) -> Option<&'static str> {
        match self {
            Change::Approval(_) => Some(field::PASS_NUMBER),
            Change::NewPath(_) => Some(field::NEW_PATH_DATE),
            _ => None,
        }
    }
}

/// A refusal of the store (`StoreError::Invalid`) about `field`, named as such.
fn refusal(error: StoreError, field: Option<&'static str>) -> Error {
    match (error, field) {
        (StoreError::Invalid(message), Some(field)) => Error::Invalid { field, message },
        (error, _) => error.into(),
    }
}

/// The list of people as of `today`, with their alerts.
pub fn rows(garden: &Garden, today: NaiveDate) -> Result<Vec<EmployeeRow>> {
    Ok(garden.with(|conn| store::list_employee_rows(conn, today))?)
}

/// The staff and themes the file's pick lists offer.
pub fn choices(garden: &Garden) -> Result<Choices> {
    let (staff, themes) = garden.with(|conn| store::file_choices(conn))?;
    Ok(Choices { staff, themes })
}

/// A person's whole file.
pub fn file(garden: &Garden, id: i64) -> Result<EmployeeFile> {
    Ok(garden.with(|conn| store::load_employee_file(conn, id))?)
}

/// Makes `change` to the file of employee `employee_id` (0 for a person not saved yet, with
/// [`Change::Employee`]) and reads the file again. A value the store refuses names its field.
pub fn save(garden: &Garden, employee_id: i64, change: Change) -> Result<EmployeeFile> {
    let field = change.field();
    garden
        .change(move |conn| {
            let id = write(conn, employee_id, change)?;
            store::load_employee_file(conn, id)
        })
        .map_err(|error| refusal(error, field))
}

/// Writes `change`; the person's id (new for a new person).
fn write(conn: &Connection, id: i64, change: Change) -> Result<i64, StoreError> {
    match change {
        Change::Employee(employee) => return store::save_employee(conn, &employee),
        Change::Approval(approval) => drop(store::save_approval(conn, &approval)?),
        Change::Contract(c) if c.id == 0 => drop(store::insert_contract(conn, &c)?),
        Change::Contract(c) => store::update_contract(conn, &c)?,
        Change::FollowUp(f) if f.id == 0 => drop(store::insert_follow_up(conn, &f)?),
        Change::FollowUp(f) => store::update_follow_up(conn, &f)?,
        Change::Training(t) if t.id == 0 => drop(store::insert_training(conn, &t)?),
        Change::Training(t) => store::update_training(conn, &t)?,
        Change::Immersion(i) if i.id == 0 => drop(store::insert_immersion(conn, &i)?),
        Change::Immersion(i) => store::update_immersion(conn, &i)?,
        Change::Exit(exit) => match store::get_exit(conn, id)? {
            Some(_) => store::update_exit(conn, &exit)?,
            None => store::insert_exit(conn, &exit)?,
        },
        Change::Fse(s) if s.id == 0 => drop(store::insert_fse_snapshot(conn, &s)?),
        Change::Fse(s) => store::update_fse_snapshot(conn, &s)?,
        Change::WorkedHours { year, months } => {
            store::save_worked_hours_year(conn, id, year, &months)?;
        }
        Change::NewPath(date) => drop(store::start_new_path(conn, id, date)?),
        Change::Delete(deletion) => delete(conn, id, deletion)?,
    }
    Ok(id)
}

fn delete(conn: &Connection, id: i64, deletion: Deletion) -> Result<(), StoreError> {
    match deletion {
        Deletion::Contract(row) => store::delete_contract(conn, row),
        Deletion::FollowUp(row) => store::delete_follow_up(conn, row),
        Deletion::Training(row) => store::delete_training(conn, row),
        Deletion::Immersion(row) => store::delete_immersion(conn, row),
        Deletion::Exit => store::delete_exit(conn, id),
        Deletion::NewPath => store::cancel_new_path(conn, id),
    }
}

/// Adds a follow-up theme; the pick lists as they now stand.
pub fn add_theme(garden: &Garden, name: &str) -> Result<Choices> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(field::THEME, "Écrivez le nom du thème."));
    }
    let (staff, themes) = garden
        .change(|conn| {
            store::add_theme(conn, name)?;
            store::file_choices(conn)
        })
        .map_err(|error| refusal(error, Some(field::THEME)))?;
    Ok(Choices { staff, themes })
}

/// Imports a payroll export (hours worked of everyone it names); the file of employee `id`
/// read again, and what the import did, in French.
pub fn import_payroll(garden: &Garden, id: i64, path: PathBuf) -> Result<(EmployeeFile, String)> {
    Ok(garden.change(move |conn| {
        let summary = store::import_payroll_file(conn, &path)?.summary();
        Ok((store::load_employee_file(conn, id)?, summary))
    })?)
}

/// What goes with the file of employee `id` when it is deleted.
pub fn deletion_summary(garden: &Garden, id: i64) -> Result<DeletionSummary> {
    Ok(garden.with(|conn| store::deletion_summary(conn, id))?)
}

/// Deletes the file of employee `id` and everything that goes with it.
pub fn delete_employee(garden: &Garden, id: i64) -> Result<()> {
    Ok(garden.change(|conn| store::delete_employee(conn, id))?)
}
