//! `binette import members`: the same plan as the import screen, with its defaults (columns
//! matched by their titles, unknown depots and sizes created, namesakes left « à vérifier »
//! unless `--create-homonyms`), printed row by row.

use std::path::Path;

use chrono::NaiveDateTime;

use super::import_common::{check_columns, existing_policy, output};
use super::{CliError, ImportOptions};
use crate::app::{Garden, imports};
use crate::domain::import::columns::match_headers;
use crate::domain::import::members::{Plan, Resolutions, RowAction, build_plan};
use crate::store::import::ApplyOptions;

/// Imports (or previews) the member file `file`; returns the text to print.
pub fn run(
    garden: &Garden,
    file: &Path,
    options: ImportOptions,
    now: NaiveDateTime,
) -> Result<String, CliError> {
    let today = now.date();
    let read = imports::read_members(garden, file, today)?;
    let table = &read.table;
    let mapping = match_headers(&table.headers);
    check_columns(&mapping, table)?;
    let plan = build_plan(
        table,
        &mapping,
        &read.context,
        &Resolutions {
            create_namesakes: options.create_homonyms,
            ..Resolutions::default()
        },
        existing_policy(options),
        today,
    );
    output(file, &read.format, table, plan_text(&plan), options, || {
        Ok(imports::import_members(garden, &plan, &ApplyOptions::default())?.summary())
    })
}

/// The plan, one line per row that does something or is refused, then the counts.
fn plan_text(plan: &Plan) -> String {
    let mut out = String::new();
    for row in &plan.rows {
        let detail = match &row.action {
            RowAction::Rejected(reason) => reason.clone(),
            _ => row.notes.join(" ; "),
        };
        let separator = if detail.is_empty() { "" } else { " — " };
        out.push_str(&format!(
            "  ligne {:>5}  {:<12} {}{separator}{detail}\n",
            row.line,
            row.action_label(),
            row.name()
        ));
    }
    let counts = plan.counts();
    out.push_str(&format!(
        "À créer : {}, à mettre à jour : {}, ignoré(s) : {}, à vérifier : {}, refusé(s) : {}.\n",
        counts.create, counts.update, counts.skip, counts.check, counts.rejected
    ));
    if counts.check > 0 {
        out.push_str(&format!(
            "{} homonyme(s) à vérifier : non importé(s). Pour choisir ligne par ligne, \
             importez depuis l'écran « Importer des adhérents » ; pour en faire de nouveaux \
             foyers, relancez avec --create-homonyms.\n",
            counts.check
        ));
    }
    if !plan.new_depots.is_empty() {
        out.push_str(&format!("Dépôts créés : {}.\n", plan.new_depots.join(", ")));
    }
    if !plan.new_sizes.is_empty() {
        out.push_str(&format!(
            "Tailles de panier créées : {}.\n",
            plan.new_sizes.join(", ")
        ));
    }
    out
}
