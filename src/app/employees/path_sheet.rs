//! The fiche parcours: its data read in one transaction, its PDF rendered once the database
//! is released, and the bytes written where the user chose.

use std::path::Path;

use chrono::NaiveDate;

use crate::app::{Garden, Result};
use crate::report::path_sheet::render;
use crate::store::employees::{self as store, PathSheetData};

/// What the fiche parcours of employee `id` prints on `today`.
pub fn path_sheet_data(garden: &Garden, id: i64, today: NaiveDate) -> Result<PathSheetData> {
    Ok(garden.with(|conn| store::path_sheet_data(conn, id, today))?)
}

/// The fiche parcours of employee `id` printed on `today`, as PDF bytes (rendered after the
/// database is released).
pub fn path_sheet(garden: &Garden, id: i64, today: NaiveDate) -> Result<Vec<u8>> {
    let data = path_sheet_data(garden, id, today)?;
    Ok(render(&data)?)
}

/// Writes a document's bytes to `path` (a file the user chose), whole or not at all.
pub fn save_document(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(crate::store::output::write_file(path, bytes)?)
}
