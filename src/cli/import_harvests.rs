//! `binette import harvests`: the same plan as the import screen, with its defaults (columns
//! matched by their titles, the title line looked for below a heading, unknown crops and
//! plots created, crops counted in kg, lines already saved left out), printed row by row.

use std::path::Path;

use chrono::NaiveDateTime;

use super::import_common::{check_columns, output};
use super::{CliError, ImportOptions};
use crate::app::{Garden, imports};
use crate::domain::import::harvests::{
    DuplicatePolicy, Plan, PlanInput, Resolutions, RowAction, build_plan, match_harvest_headers,
};

/// Imports (or previews) the harvest file `file`; returns the text to print.
pub fn run(
    garden: &Garden,
    file: &Path,
    options: ImportOptions,
    now: NaiveDateTime,
) -> Result<String, CliError> {
    let read = imports::read_harvests(garden, file)?;
    let table = &read.table;
    let mapping = match_harvest_headers(&table.headers);
    check_columns(&mapping, table)?;
    let today = now.date();
    let plan = build_plan(&PlanInput {
        file: table,
        mapping: &mapping,
        context: &read.context,
        resolutions: &Resolutions::default(),
        duplicates: DuplicatePolicy::Skip,
        today,
    });
    output(file, &read.format, table, plan_text(&plan), options, || {
        Ok(imports::import_harvests(garden, &plan)?.summary())
    })
}

/// The plan: one line per row refused, left out or flagged, then the counts and what is
/// created.
fn plan_text(plan: &Plan) -> String {
    let mut out = String::new();
    for row in &plan.rows {
        let plain = row.action == RowAction::Create && row.warnings.is_empty();
        if plain {
            continue;
        }
        let what = format!("{} — ", row.label());
        out.push_str(&format!(
            "  ligne {:>5}  {:<11} {what}{}\n",
            row.line,
            row.action_label(),
            row.detail()
        ));
    }
    let counts = plan.counts();
    out.push_str(&format!(
        "À créer : {} (dont {} à vérifier), déjà enregistrée(s) : {}, refusée(s) : {}.\n",
        counts.create, counts.flagged, counts.skip, counts.rejected
    ));
    if !plan.new_crops.is_empty() {
        let names: Vec<&str> = plan.new_crops.iter().map(|c| c.name.as_str()).collect();
        out.push_str(&format!("Cultures créées : {}.\n", names.join(", ")));
    }
    if !plan.new_plots.is_empty() {
        let names: Vec<&str> = plan.new_plots.iter().map(|p| p.name.as_str()).collect();
        out.push_str(&format!("Parcelles créées : {}.\n", names.join(", ")));
    }
    out
}
