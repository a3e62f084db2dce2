//! `binette import employees`.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{CliError, ImportOptions};

/// Imports (or previews) `file`; returns the text to print.
pub fn run(
    _conn: &Connection,
    _file: &Path,
    _options: ImportOptions,
    _today: NaiveDate,
) -> Result<String, CliError> {
    Err(CliError::Message("Import en cours de construction.".into()))
}
