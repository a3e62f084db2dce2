//! What the three `binette import` commands share: refusing a file whose columns cannot be
//! imported, `--skip-existing`, and the text around the plan (the file read, then the
//! dry-run sentence or what the import did).

use std::path::Path;

use super::{CliError, ImportOptions};
use crate::domain::import::columns::{ImportField, Mapping, mapping_problem};
use crate::domain::import::members::ExistingPolicy;
use crate::domain::import::source::Table;

/// Refuses a file whose columns cannot be imported, naming the titles read.
pub(super) fn check_columns<F: ImportField>(
    mapping: &Mapping<F>,
    table: &Table,
) -> Result<(), CliError> {
    match mapping_problem(mapping) {
        Some(problem) => Err(CliError::Message(format!(
            "{problem} (titres lus : {}).",
            titles_read(&table.headers)
        ))),
        None => Ok(()),
    }
}

/// The first titles of the file, shortened: a file that is not a table (a PDF renamed
/// `.csv`) must not flood the terminal.
fn titles_read(headers: &[String]) -> String {
    let mut titles: Vec<String> = headers
        .iter()
        .take(8)
        .map(|t| {
            let short: String = t.chars().take(30).collect();
            if short.len() < t.len() {
                format!("{short}…")
            } else {
                short
            }
        })
        .collect();
    if headers.len() > 8 {
        titles.push("…".into());
    }
    titles.join(", ")
}

/// What to do with what Binette already has: left as it is with `--skip-existing`.
pub(super) fn existing_policy(options: ImportOptions) -> ExistingPolicy {
    if options.skip_existing {
        ExistingPolicy::Skip
    } else {
        ExistingPolicy::Update
    }
}

/// The text to print: the file read (`format`, `table`), the plan's lines (`plan`), then
/// with `--dry-run` that nothing was written, else the summary `apply` returns.
pub(super) fn output(
    file: &Path,
    format: &str,
    table: &Table,
    plan: String,
    options: ImportOptions,
    apply: impl FnOnce() -> crate::app::Result<String>,
) -> Result<String, CliError> {
    let mut out = format!(
        "Fichier : {} ({format}, {} ligne(s))\n",
        file.display(),
        table.rows.len()
    );
    out.push_str(&plan);
    if options.dry_run {
        out.push_str("Essai seulement (--dry-run) : rien n'a été enregistré.\n");
    } else {
        out.push_str(&apply()?);
        out.push('\n');
    }
    Ok(out)
}
