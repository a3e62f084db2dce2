//! The documents for funders: the activity report (bilan d'activité), shared by the
//! Rapports screen and `binette report`, and a funder's Paniers Solidaires statement. Their
//! data is read in one transaction, the PDF rendered after the database closure returned,
//! the files written through `store::output`.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::{Garden, Result};
use crate::domain::activity::{ActivityFigures, SectionChoice};
use crate::report::activity::{self, ActivityDocument, csv::csv_files};
use crate::report::funder_statement::StatementDocument;
use crate::store::activity::activity_data;

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

/// Everything the report of `from`..=`to` prints (the chosen `sections`), made at
/// `created` (days after it are planned, not done).
pub fn document(
    garden: &Garden,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    created: NaiveDateTime,
) -> Result<ActivityDocument> {
    let data = garden.with(|conn| activity_data(conn, from, to, sections, created.date()))?;
    Ok(ActivityDocument {
        garden_name: data.garden_name,
        logo_path: data.logo_path,
        created,
        figures: data.figures,
    })
}

/// The report's PDF bytes (no database involved).
pub fn render(document: &ActivityDocument) -> Result<Vec<u8>> {
    Ok(activity::render(document)?)
}

/// Builds the report of `from`..=`to` and writes it to `out` (never over the garden's own
/// database): read, then rendered outside the database lock, then written.
pub fn write_pdf(
    garden: &Garden,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    out: &Path,
    now: NaiveDateTime,
) -> Result<Written> {
    crate::store::output::check_not_database(out, garden.path())?;
    let document = document(garden, from, to, sections, now)?;
    let bytes = render(&document)?;
    crate::store::output::write_file(out, &bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        bytes: bytes.len(),
        figures: document.figures,
    })
}

/// [`write_pdf`] made at the present time (the date printed on the cover and the footer).
pub fn write_pdf_now(
    garden: &Garden,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    out: &Path,
) -> Result<Written> {
    let now = chrono::Local::now().naive_local();
    write_pdf(garden, from, to, sections, out, now)
}

/// Writes one CSV file per chosen section of `figures` into `dir` (created if missing);
/// answers the files written.
pub fn write_csv_files(figures: &ActivityFigures, dir: &Path) -> Result<Vec<PathBuf>> {
    crate::store::file_check::create_private_dir(dir)?;
    let mut written = Vec::new();
    for (name, bytes) in csv_files(figures) {
        let path = dir.join(name);
        crate::store::output::write_file(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes one CSV file per chosen section of `from`..=`to` into `dir`, figures read on
/// `today`; answers the files written.
pub fn write_csv(
    garden: &Garden,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    dir: &Path,
    today: NaiveDate,
) -> Result<Vec<PathBuf>> {
    let figures = garden.with(|conn| activity_data(conn, from, to, sections, today))?;
    write_csv_files(&figures.figures, dir)
}

/// A document written to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The Paniers Solidaires statement of funder `funder_id` for `from`..=`to`, made at
/// `created`: the garden's identity and the statement, read in one transaction.
pub fn funder_statement(
    garden: &Garden,
    funder_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    created: NaiveDateTime,
) -> Result<StatementDocument> {
    let (identity, statement) = garden.read(|conn| {
        let identity = crate::store::settings::garden_identity(conn)?;
        let statement = crate::store::week::funder_statement(conn, funder_id, from, to)?;
        Ok((identity, statement))
    })?;
    let logo = identity.logo_path.trim();
    Ok(StatementDocument {
        garden_name: identity.name,
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        created,
        statement,
    })
}

/// The file name offered for the statement of `funder` ending on `to`:
/// `releve-caf-du-doubs-2026-12-31.pdf`.
pub fn statement_file_name(funder: &str, to: NaiveDate) -> String {
    format!(
        "releve-{}-{}.pdf",
        crate::domain::text::slug(funder),
        to.format("%Y-%m-%d")
    )
}

/// Builds the statement of funder `funder_id` for `from`..=`to`, made now, and writes it
/// to `out` (never over the garden's own database): read, rendered outside the database
/// lock, written.
pub fn write_funder_statement(
    garden: &Garden,
    funder_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    out: &Path,
) -> Result<Saved> {
    crate::store::output::check_not_database(out, garden.path())?;
    let now = chrono::Local::now().naive_local();
    let document = funder_statement(garden, funder_id, from, to, now)?;
    let bytes = crate::report::funder_statement::render(&document)?;
    crate::store::output::write_file(out, &bytes)?;
    Ok(Saved {
        path: out.to_path_buf(),
        bytes: bytes.len(),
    })
}
