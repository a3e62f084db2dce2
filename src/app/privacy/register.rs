//! The register entry (registre des activités de traitement): a one-page PDF saying what
//! Binette stores, why, on what legal basis, for how long, where and who sees it, for the
//! garden's own register.

use std::path::Path;

use chrono::NaiveDate;

use crate::app::{Garden, Result};
use crate::report::privacy_register::render;
use crate::store::output;
use crate::store::privacy_access::register::{RegisterFacts, register_facts};

/// What the register entry states for this garden (settings, retention, files).
pub fn facts(garden: &Garden) -> Result<RegisterFacts> {
    let db = garden.path().to_path_buf();
    Ok(garden.with(|conn| register_facts(conn, &db))?)
}

/// The register entry as PDF bytes, dated `today`.
pub fn register_pdf(garden: &Garden, today: NaiveDate) -> Result<Vec<u8>> {
    let facts = facts(garden)?;
    Ok(render(&facts, today)?)
}

/// Writes the register entry, dated `today`, to `path` (a file the user chose), whole or
/// not at all.
pub fn write_register(garden: &Garden, path: &Path, today: NaiveDate) -> Result<()> {
    let bytes = register_pdf(garden, today)?;
    output::check_not_database(path, garden.path())?;
    Ok(output::write_file(path, &bytes)?)
}
