//! Importing files, the I/O half: reading a CSV, XLSX or ODS file into a table, then one
//! module per kind of import that reads what the garden already has and carries out a
//! previewed plan in one transaction. The pure halves are in `domain::import`.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto, open_workbook_auto_from_rs};
use chrono::NaiveDate;

use super::{Result, StoreError};
use crate::domain::import::names::Target;
use crate::domain::import::source::{Table, read_csv};

pub mod employees;
pub mod harvests;
pub mod members;

pub use members::*;

/// Reads the file at `path` into a table: `.xlsx`, `.xlsm`, `.xls` and `.ods` with calamine
/// (first sheet), anything else as CSV (encoding and separator detected). Returns the table
/// and a French description of what was read ("Windows-1252, séparateur point-virgule").
pub fn read_table(path: &Path) -> Result<(Table, String)> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let size = std::fs::metadata(path)
        .map_err(|e| StoreError::file(path, "lu", e))?
        .len();
    if size > crate::domain::limits::MAX_IMPORT_BYTES {
        return Err(StoreError::Invalid(format!(
            "Le fichier « {} » pèse {} Mo : c'est bien plus qu'une liste d'un jardin (au plus {} \
             Mo). Vérifiez que c'est le bon fichier.",
            path.display(),
            size / (1024 * 1024),
            crate::domain::limits::MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let table = if matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        (
            read_sheet(path)?,
            format!("classeur {}", extension.to_uppercase()),
        )
    } else {
        let bytes = std::fs::read(path).map_err(|e| StoreError::file(path, "lu", e))?;
        match sniff(&bytes) {
            Content::Text => {
                let (table, format) = read_csv(&bytes);
                (table, format!("CSV {}", format.describe()))
            }
            Content::Workbook => {
                let workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
                    .map_err(|e| unreadable(path, &e))?;
                (first_sheet(workbook, path)?, "classeur".to_owned())
            }
            Content::Pdf => {
                return Err(not_a_table(path, "c'est un document PDF, pas un tableau"));
            }
            Content::Binary => {
                return Err(not_a_table(path, "ce n'est pas un fichier texte"));
            }
        }
    };
    if table.0.headers.is_empty() {
        return Err(StoreError::Invalid(
            "Le fichier est vide : aucune ligne de titres n'a été trouvée.".into(),
        ));
    }
    if let Some(problem) = crate::domain::limits::oversized_cell(&table.0) {
        return Err(StoreError::Invalid(problem));
    }
    Ok(table)
}

/// The id of a depot, size, crop or plot a plan names: its own when it exists, else the one
/// this import gave it (`created`: name → id); `missing` words the error when there is none.
fn target_id(
    target: &Target,
    created: &[(String, i64)],
    missing: fn(&str) -> String,
) -> Result<i64> {
    match target {
        Target::Existing(id) => Ok(*id),
        Target::New(name) => created
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
            .ok_or_else(|| StoreError::Invalid(missing(name))),
    }
}

/// What a file named like a CSV really holds, from its first bytes.
enum Content {
    /// Text: read as CSV.
    Text,
    /// An XLSX / ODS (zip) or XLS (OLE) workbook given another name.
    Workbook,
    /// A PDF.
    Pdf,
    /// Anything else that is not text (NUL bytes).
    Binary,
}

fn sniff(bytes: &[u8]) -> Content {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Content::Workbook
    } else if bytes.starts_with(b"%PDF") {
        Content::Pdf
    } else if bytes.iter().take(4096).any(|b| *b == 0) {
        Content::Binary
    } else {
        Content::Text
    }
}

fn not_a_table(path: &Path, what: &str) -> StoreError {
    StoreError::Invalid(format!(
        "« {} » ne peut pas être importé : {what}. Ouvrez la liste dans votre tableur et \
         enregistrez-la en CSV, XLSX ou ODS.",
        path.display()
    ))
}

fn unreadable(path: &Path, error: &calamine::Error) -> StoreError {
    StoreError::Invalid(format!(
        "Le classeur « {} » ne peut pas être lu ({error}). Enregistrez-le en XLSX, ODS ou CSV \
         et réessayez.",
        path.display()
    ))
}

/// Reads the first sheet of an XLSX / XLS / ODS workbook into a table, every cell as text
/// (whole numbers without ".0", dates as 28/11/2026).
pub fn read_sheet(path: &Path) -> Result<Table> {
    let workbook = open_workbook_auto(path).map_err(|e| unreadable(path, &e))?;
    first_sheet(workbook, path)
}

fn first_sheet<RS: std::io::Read + std::io::Seek>(
    mut workbook: Sheets<RS>,
    path: &Path,
) -> Result<Table> {
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| unreadable(path, &e))?,
        None => return Ok(Table::default()),
    };
    let records = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    Ok(Table::from_records(records))
}

/// A cell as text: numbers as typed, dates in French.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        // ODS dates: "2026-11-28" or "2026-11-28T08:30:00".
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .map_or_else(|| s.clone(), |d| d.format("%d/%m/%Y").to_string()),
        Data::Int(i) => i.to_string(),
        // `+ 0.0` turns a negative zero into zero: a cell never reads "-0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{:.0}", f + 0.0),
        Data::Float(f) => f.to_string().replace('.', ","),
        Data::Bool(b) => if *b { "oui" } else { "non" }.to_owned(),
        Data::DateTime(dt) => {
            // calamine knows whether the workbook counts from 1900 (Excel's default) or 1904
            // (old Mac workbooks).
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).map_or_else(
                || dt.as_f64().to_string(),
                |d| d.format("%d/%m/%Y").to_string(),
            )
        }
    }
}
