//! The work behind the buttons, run on the database thread: build the report, write it.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::activity::{ActivityFigures, SectionChoice};
use crate::report::activity::{self, csv::csv_files};
use crate::store::{Connection, StoreError};

/// A report written to disk.
#[derive(Debug, Clone)]
pub struct Written {
    /// The PDF file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
    /// The figures it holds (shown on the screen as a summary).
    pub figures: ActivityFigures,
}

/// Builds the activity report of `from`..=`to` and writes it to `out`.
pub fn write_pdf(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    out: &Path,
    now: NaiveDateTime,
) -> Result<Written, StoreError> {
    let data = activity::load(conn, from, to, sections, now)?;
    let bytes = activity::render(&data).map_err(|e| StoreError::Invalid(e.to_string()))?;
    crate::store::output::write_file(out, &bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        bytes: bytes.len(),
        figures: data.figures,
    })
}

/// Writes one CSV file per chosen section into `dir`, figures read on `today`; returns the
/// files written.
pub fn write_csv(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    dir: &Path,
    today: NaiveDate,
) -> Result<Vec<PathBuf>, StoreError> {
    let figures = crate::store::activity::activity_figures(conn, from, to, sections, today)?;
    crate::store::file_check::create_private_dir(dir)?;
    let mut written = Vec::new();
    for (name, bytes) in csv_files(&figures) {
        let path = dir.join(name);
        crate::store::output::write_file(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Asks where to save the PDF (the native dialog), suggesting `file_name`.
pub async fn choose_pdf(file_name: String) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title("Enregistrer le bilan d'activité")
        .set_file_name(file_name)
        .add_filter("PDF", &["pdf"])
        .save_file()
        .await
        .map(|handle| handle.path().to_path_buf())
}

/// Asks for the folder of the CSV files (the native dialog).
pub async fn choose_folder() -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title("Dossier où enregistrer les chiffres en CSV")
        .pick_folder()
        .await
        .map(|handle| handle.path().to_path_buf())
}
