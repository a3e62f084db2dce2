//! `binette export`.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{CliError, ExportKind};

/// Writes the list `kind` into `out`; returns the text to print.
pub fn run(
    _conn: &Connection,
    _kind: ExportKind,
    _out: &Path,
    _today: NaiveDate,
) -> Result<String, CliError> {
    Err(CliError::Message("Export en cours de construction.".into()))
}
