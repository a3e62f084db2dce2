//! `binette import employees`: the les emplois de l'inclusion export, with the same plan as
//! the import screen (columns matched by their titles), printed person by person with the
//! differences before anything is written.

use std::path::Path;

use chrono::NaiveDateTime;

use super::import_common::{check_columns, existing_policy, output};
use super::{CliError, ImportOptions};
use crate::app::{Garden, imports};
use crate::domain::import::employees::{Plan, build_plan, match_employee_headers};

/// Imports (or previews, with `--dry-run`) the employee file `file`; returns the text to
/// print. With `--skip-existing`, people Binette already has are left as they are.
pub fn run(
    garden: &Garden,
    file: &Path,
    options: ImportOptions,
    now: NaiveDateTime,
) -> Result<String, CliError> {
    let read = imports::read_employees(garden, file)?;
    let table = &read.table;
    let mapping = match_employee_headers(&table.headers);
    check_columns(&mapping, table)?;
    let policy = existing_policy(options);
    let plan = build_plan(table, &mapping, &read.context, policy, now.date());
    output(file, &read.format, table, plan_text(&plan), options, || {
        Ok(imports::import_employees(garden, &plan)?.summary())
    })
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
