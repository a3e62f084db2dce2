//! `binette export`: a full list (no filter) or the baskets table, as CSV or XLSX by the
//! extension of the file asked for.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{CliError, ExportKind};
use crate::domain::calendar::IsoWeek;
use crate::domain::employees::{SortColumn, StatusFilter, visible_rows};
use crate::domain::export::parse_week_field;
use crate::domain::export::{ExportFormat, ExportTable};
use crate::report::export::{cross, lists, write_as};
use crate::store::{employees, harvests, members};

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
    conn: &Connection,
    today: NaiveDate,
    weeks: &WeekChoice,
) -> Result<(IsoWeek, IsoWeek), CliError> {
    let (default_from, default_to) = cross::coming_delivery_weeks(conn, today)?;
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
/// harvest line, or the baskets per depot × size of the weeks chosen.
pub fn table(
    conn: &Connection,
    kind: ExportKind,
    today: NaiveDate,
    weeks: &WeekChoice,
) -> Result<ExportTable, CliError> {
    Ok(match kind {
        ExportKind::Members => {
            let rows = members::member_rows(conn, today)?;
            let all: Vec<_> = rows.iter().collect();
            lists::members(&all, chrono::Datelike::year(&today), false)
        }
        ExportKind::Employees => {
            let rows = employees::list_employee_rows(conn, today)?;
            let order = visible_rows(
                &rows,
                "",
                StatusFilter::All,
                today,
                SortColumn::LastName,
                false,
            );
            let shown: Vec<_> = order.iter().filter_map(|&i| rows.get(i)).collect();
            lists::employees(&shown)
        }
        ExportKind::Harvests => {
            let lines = harvests::all_harvest_lines(conn)?;
            let all: Vec<_> = lines.iter().collect();
            lists::harvest_lines(&all)
        }
        ExportKind::Baskets => {
            let (from, to) = basket_weeks(conn, today, weeks)?;
            cross::load_baskets_table(conn, from, to)?
        }
    })
}

/// Writes the list `kind` into `out`; returns the text to print.
pub fn run(
    conn: &Connection,
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
    let table = table(conn, kind, today, weeks)?;
    let written = write_as(&table, format, out).map_err(|e| CliError::Message(e.to_string()))?;
    let lines = table.rows.iter().filter(|r| !r.total).count();
    Ok(format!(
        "{} : {lines} ligne(s) écrite(s) en {} dans {}\n",
        table.title,
        format.label(),
        written.display()
    ))
}
