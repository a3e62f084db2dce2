//! Lists written for spreadsheets: CSV the way French Excel opens it (UTF-8 with a BOM, `;`,
//! CRLF, decimal commas) and XLSX with typed cells (real dates, euros, kg), a bold frozen
//! header row, an autofilter and columns wide enough to read.
//!
//! [`lists`] turns what each screen shows into an [`ExportTable`]; [`cross`] builds the two
//! cross-tables (baskets per depot × size over weeks, kg per crop × month).

pub mod cross;
pub mod lists;
pub mod payments;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::domain::export::{ExportFormat, ExportTable};

/// Why an export could not be written, in French.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The file name asks for neither CSV nor XLSX.
    #[error(
        "« {0} » : Binette exporte en CSV ou en Excel ; choisissez un nom de fichier terminé par .csv ou .xlsx."
    )]
    Extension(String),
    /// The workbook could not be put together.
    #[error("Le classeur Excel n'a pas pu être préparé : {0}")]
    Workbook(String),
    /// The file could not be written.
    #[error("Impossible d'écrire « {path} » : {reason}")]
    Write {
        /// The file.
        path: String,
        /// What went wrong, in French when it is the usual suspect.
        reason: String,
    },
}

/// The bytes of `table` as a CSV file: BOM, `;`, CRLF, French numbers and dates.
pub fn csv_bytes(table: &ExportTable) -> Vec<u8> {
    crate::domain::csv::to_csv(&table.headers(), &table.csv_rows())
}

/// The bytes of `table` as an XLSX workbook of one sheet.
pub fn xlsx_bytes(table: &ExportTable) -> Result<Vec<u8>, ExportError> {
    xlsx::workbook_bytes(table)
}

/// The bytes of `table` in `format`.
pub fn to_bytes(table: &ExportTable, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Csv => Ok(csv_bytes(table)),
        ExportFormat::Xlsx => xlsx_bytes(table),
    }
}

/// Writes `table` to `path`, as CSV or XLSX by its extension; returns the path written.
pub fn write_file(table: &ExportTable, path: &Path) -> Result<PathBuf, ExportError> {
    let format = ExportFormat::of_path(path)
        .ok_or_else(|| ExportError::Extension(path.display().to_string()))?;
    write_as(table, format, path)
}

/// Writes `table` to `path` in `format`, whatever the extension; returns the path written.
pub fn write_as(
    table: &ExportTable,
    format: ExportFormat,
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let bytes = to_bytes(table, format)?;
    crate::store::output::write_file(path, &bytes).map_err(|e| ExportError::Write {
        path: path.display().to_string(),
        reason: match e {
            crate::store::StoreError::File { source, .. }
                if source.kind() == std::io::ErrorKind::PermissionDenied =>
            {
                "accès refusé (le fichier est peut-être ouvert dans un tableur : fermez-le puis recommencez)."
                    .to_owned()
            }
            crate::store::StoreError::File { source, .. } => {
                crate::store::io_reason(&source)
            }
            other => other.to_string(),
        },
    })?;
    Ok(path.to_path_buf())
}
