//! `binette import employees`: the les emplois de l'inclusion export, with the same plan as
//! the import screen (columns matched by their titles), printed person by person with the
//! differences before anything is written.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{CliError, ImportOptions};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::employees::{ExistingPolicy, Plan, build_plan, match_employee_headers};
use crate::store::import::employees::{apply, load_context};
use crate::store::import::read_table;

/// Imports (or previews, with `--dry-run`) the employee file `file`; returns the text to
/// print. With `--skip-existing`, people Binette already has are left as they are.
pub fn run(
    conn: &Connection,
    file: &Path,
    options: ImportOptions,
    today: NaiveDate,
) -> Result<String, CliError> {
    let (table, format) = read_table(file)?;
    let mapping = match_employee_headers(&table.headers);
    if let Some(problem) = mapping_problem(&mapping) {
        return Err(CliError::Message(format!(
            "{problem} (titres lus : {}).",
            table.headers.join(", ")
        )));
    }
    let context = load_context(conn)?;
    let policy = if options.skip_existing {
        ExistingPolicy::Skip
    } else {
        ExistingPolicy::Update
    };
    let plan = build_plan(&table, &mapping, &context, policy, today);
    let mut out = format!(
        "Fichier : {} ({format}, {} ligne(s))\n",
        file.display(),
        table.rows.len()
    );
    out.push_str(&plan_text(&plan));
    if options.dry_run {
        out.push_str("Essai seulement (--dry-run) : rien n'a été enregistré.\n");
    } else {
        let report = apply(conn, &plan)?;
        out.push_str(&report.summary());
        out.push('\n');
    }
    Ok(out)
}

/// The plan: one line per row, its differences indented below, then the counts.
fn plan_text(plan: &Plan) -> String {
    let mut out = String::new();
    for row in &plan.rows {
        out.push_str(&format!(
            "  ligne {:>5}  {:<12} {}\n",
            row.line,
            row.action_label(),
            row.name
        ));
        for detail in row.details() {
            out.push_str(&format!("                 - {detail}\n"));
        }
    }
    out.push_str(&format!("{}.\n", plan.counts().describe()));
    out
}
