//! The import use cases shared by the three import screens and `binette import`: read a
//! file with what the garden already has, and carry out a plan in one go, after a copy of
//! the garden kept apart from the daily backups (an import can be undone).
//!
//! The file is read outside the database lock; only what the garden has is read under it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Garden, Result};
use crate::domain::import::source::Table;
use crate::domain::import::{employees, harvests, members};
use crate::store::import::employees::ImportReport as EmployeeReport;
use crate::store::import::harvests::{
    HarvestImportReport, apply_harvest_import, load_harvest_context,
};
use crate::store::import::{ApplyOptions, ImportReport, apply_member_import, read_table};
use crate::store::{Connection, StoreError};

/// A file read, with what the garden already has (`C`: the import's context).
#[derive(Debug, Clone)]
pub struct FileRead<C> {
    /// Where it was read.
    pub path: PathBuf,
    /// How it was read ("CSV UTF-8, séparateur point-virgule", "classeur XLSX").
    pub format: String,
    /// Its titles and rows.
    pub table: Table,
    /// What the garden already has.
    pub context: C,
}

impl<C> FileRead<C> {
    /// "adherents.csv — CSV UTF-8, séparateur point-virgule, 3 ligne(s)".
    pub fn description(&self) -> String {
        let name = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        format!(
            "{name} — {}, {} ligne(s)",
            self.format,
            self.table.rows.len()
        )
    }
}

/// Reads `path` (outside the lock), then what the garden has (`context`, under it).
fn read<C>(
    garden: &Garden,
    path: &Path,
    context: impl FnOnce(&Connection) -> Result<C, StoreError>,
) -> Result<FileRead<C>> {
    let (table, format) = read_table(path)?;
    let context = garden.with(|conn| context(conn))?;
    Ok(FileRead {
        path: path.to_path_buf(),
        format,
        table,
        context,
    })
}

/// A member file, with the garden's depots, sizes and households on `today`.
pub fn read_members(
    garden: &Garden,
    path: &Path,
    today: NaiveDate,
) -> Result<FileRead<members::ImportContext>> {
    read(garden, path, |conn| {
        crate::store::import::load_context(conn, today)
    })
}

/// An employee file (the emplois de l'inclusion export), with the garden's employees.
pub fn read_employees(garden: &Garden, path: &Path) -> Result<FileRead<employees::ImportContext>> {
    read(garden, path, crate::store::import::employees::load_context)
}

/// A harvest file, its title line found below any heading, with the garden's crops and
/// plots.
pub fn read_harvests(garden: &Garden, path: &Path) -> Result<FileRead<harvests::ImportContext>> {
    let mut file = read(garden, path, load_harvest_context)?;
    file.table = harvests::locate_header(file.table);
    Ok(file)
}

/// Carries out `apply` in one go after a copy of the garden (named after the present
/// time); refused at once in a garden open read-only, before the copy.
fn carry_out<R>(
    garden: &Garden,
    apply: impl FnOnce(&Connection) -> Result<R, StoreError>,
) -> Result<R> {
    let db_path = garden.path().to_path_buf();
    let now = chrono::Local::now().naive_local();
    Ok(garden.change(|conn| {
        crate::store::backup::before_import(conn, &db_path, now)?;
        apply(conn)
    })?)
}

/// Imports the members of `plan` (depots created delivering on `options`' weekday).
pub fn import_members(
    garden: &Garden,
    plan: &members::Plan,
    options: &ApplyOptions,
) -> Result<ImportReport> {
    carry_out(garden, |conn| apply_member_import(conn, plan, options))
}

/// Imports the employees of `plan`.
pub fn import_employees(garden: &Garden, plan: &employees::Plan) -> Result<EmployeeReport> {
    carry_out(garden, |conn| {
        crate::store::import::employees::apply(conn, plan)
    })
}

/// Imports the harvests of `plan`.
pub fn import_harvests(garden: &Garden, plan: &harvests::Plan) -> Result<HarvestImportReport> {
    carry_out(garden, |conn| apply_harvest_import(conn, plan))
}
