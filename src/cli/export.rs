//! `binette export`: a full list (no filter), the baskets table, the households' balances
//! or the payments, as CSV or XLSX by the extension of the file asked for.

use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, ExportKind};
use crate::app::{Garden, exports};
use crate::domain::calendar::IsoWeek;
use crate::domain::export::parse_week_field;
use crate::domain::export::{ExportFormat, ExportTable};
use crate::report::export::cross;

/// The weeks of the baskets table as typed (`None`: the default range's end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeekChoice {
    /// First week.
    pub from: Option<String>,
    /// Last week.
    pub to: Option<String>,
}

/// The range of the baskets table: the weeks typed, the default ones otherwise (from the
/// next delivery to the 8th delivered week); a reversed or too long range is refused.
fn basket_weeks(
    garden: &Garden,
    today: NaiveDate,
    weeks: &WeekChoice,
) -> Result<(IsoWeek, IsoWeek), CliError> {
    let (default_from, default_to) = exports::coming_weeks(garden, today)?;
    let read = |text: &Option<String>, default: IsoWeek| match text {
        None => Ok(default),
        Some(text) => parse_week_field(text, IsoWeek::of(today)).ok_or_else(|| {
            CliError::Message(format!(
                "Semaine « {text} » illisible : écrivez-la comme 2026-W48, S48 2026 ou 48/2026."
            ))
        }),
    };
    let from = read(&weeks.from, default_from)?;
    let to = match (&weeks.from, &weeks.to) {
        (Some(_), None) => from.plus_weeks(7),
        _ => read(&weeks.to, default_to)?,
    };
    cross::week_range(from, to).map_err(CliError::Message)?;
    Ok((from, to))
}

/// The table of `kind`: every member, every employee (entered, in path or left), every
/// harvest line, the baskets per depot × size of the weeks chosen, every household's
/// balance today or every payment.
pub fn table(
    garden: &Garden,
    kind: ExportKind,
    today: NaiveDate,
    weeks: &WeekChoice,
) -> Result<ExportTable, CliError> {
    Ok(match kind {
        ExportKind::Members => exports::members_table(garden, today)?,
        ExportKind::Employees => exports::employees_table(garden, today)?,
        ExportKind::Harvests => exports::harvests_table(garden)?,
        ExportKind::Balances => crate::app::payments::exports::balances_table(garden, today)?,
        ExportKind::Payments => crate::app::payments::exports::payments_table(garden)?,
        ExportKind::Baskets => {
            let (from, to) = basket_weeks(garden, today, weeks)?;
            exports::baskets_table(garden, from, to)?
        }
        // Written by `cli::journal` (dates, not weeks), never through this table.
        ExportKind::Journal => return Err(CliError::Message("Le journal comptable : binette export journal --from JJ/MM/AAAA --to JJ/MM/AAAA --out FICHIER.".into())),
    })
}

/// Writes the list `kind` into `out`; returns the text to print.
pub fn run(
    garden: &Garden,
    kind: ExportKind,
    out: &Path,
    today: NaiveDate,
    weeks: &WeekChoice,
) -> Result<String, CliError> {
    let format = ExportFormat::of_path(out).ok_or_else(|| {
        CliError::Message(format!(
            "« {} » : indiquez un fichier terminé par .csv ou .xlsx (Binette choisit le format d'après l'extension).",
            out.display()
        ))
    })?;
    let table = table(garden, kind, today, weeks)?;
    let written = exports::write_table(garden, &table, format, out)?;
    let lines = table.rows.iter().filter(|r| !r.total).count();
    Ok(format!(
        "{} : {lines} ligne(s) écrite(s) en {} dans {}\n",
        table.title,
        format.label(),
        written.display()
    ))
}
