//! What the fiche parcours prints, read in one go: the garden's name and logo, the person's
//! whole file and the staff who follow them.

use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{EmployeeFile, Result, list_staff, load_employee_file};
use crate::domain::employees::Staff;
use crate::store::settings::garden_identity;

/// Everything the fiche parcours prints.
#[derive(Debug, Clone)]
pub struct PathSheetData {
    /// The garden's name, for the header.
    pub garden_name: String,
    /// The garden's logo, if any.
    pub logo_path: Option<PathBuf>,
    /// The person's file.
    pub file: EmployeeFile,
    /// Staff, to name the referent and who led follow-ups.
    pub staff: Vec<Staff>,
    /// The day it is printed.
    pub printed_on: NaiveDate,
}

/// Reads what the fiche parcours of employee `id` needs, printed on `today`.
pub fn path_sheet_data(conn: &Connection, id: i64, today: NaiveDate) -> Result<PathSheetData> {
    let identity = garden_identity(conn)?;
    Ok(PathSheetData {
        logo_path: (!identity.logo_path.trim().is_empty()).then(|| identity.logo_path.into()),
        garden_name: identity.name,
        file: load_employee_file(conn, id)?,
        staff: list_staff(conn)?,
        printed_on: today,
    })
}
