//! The journal for the accountant: the period's entries in double entry (date, journal,
//! account, document, label, debit, credit) with the accounts set in Paramètres, as a
//! table for a CSV or XLSX file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::members::drafts::required_date;
use crate::app::{Error, Garden, Result};
use crate::domain::accounting::{JournalLine, journal, totals};
use crate::domain::export::{Cell, CellKind, ExportFormat, ExportTable};

/// The journal of the period from `from` to `to` (both included): every entry balanced.
pub fn journal_lines(garden: &Garden, from: NaiveDate, to: NaiveDate) -> Result<Vec<JournalLine>> {
    let (accounts, facts) = garden.with(|conn| {
        Ok((
            crate::store::accounting::accounts(conn)?,
            crate::store::journal::facts(conn, from, to)?,
        ))
    })?;
    Ok(journal(&accounts, &facts))
}

/// The journal's lines as a table, with a total row (Σ debit, Σ credit).
pub fn journal_table(lines: &[JournalLine]) -> ExportTable {
    let mut table = ExportTable::new(
        "Journal comptable",
        &[
            ("Date", CellKind::Date),
            ("Journal", CellKind::Text),
            ("Compte", CellKind::Text),
            ("Pièce", CellKind::Text),
            ("Libellé", CellKind::Text),
            ("Débit", CellKind::Money),
            ("Crédit", CellKind::Money),
        ],
    );
    let money = |c| if c == 0 { Cell::Empty } else { Cell::Money(c) };
    for l in lines {
        table.push(vec![
            Cell::Date(l.date),
            Cell::text(l.journal.clone()),
            Cell::text(l.account.clone()),
            Cell::text_or_empty(l.piece.clone()),
            Cell::text(l.label.clone()),
            money(l.debit),
            money(l.credit),
        ]);
    }
    let (debit, credit) = totals(lines);
    table.push_total(vec![
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::text("Total"),
        Cell::Money(debit),
        Cell::Money(credit),
    ]);
    table
}

/// The period typed: both days required, in order.
pub fn period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate)> {
    let from = required_date(from, "Du")?;
    let to = required_date(to, "Au")?;
    if to < from {
        return Err(Error::invalid(
            "Au",
            "La fin de la période précède son début.",
        ));
    }
    Ok((from, to))
}

/// Writes the journal of the period typed to `out`, CSV or XLSX by its extension
/// (`format` when given). Returns the file written and the count of lines.
pub fn write_journal(
    garden: &Garden,
    from: &str,
    to: &str,
    out: &Path,
    format: Option<ExportFormat>,
) -> Result<(PathBuf, usize)> {
    let (from, to) = period(from, to)?;
    let format = format
        .or_else(|| ExportFormat::of_path(out))
        .ok_or_else(|| {
            Error::invalid(
                "Fichier",
                format!(
                    "« {} » : indiquez un fichier terminé par .csv ou .xlsx.",
                    out.display()
                ),
            )
        })?;
    let lines = journal_lines(garden, from, to)?;
    let table = journal_table(&lines);
    let written = crate::app::exports::write_table(garden, &table, format, out)?;
    Ok((written, lines.len()))
}

/// The journal of the period typed as a table (what « Exporter le journal comptable »
/// writes).
pub fn journal_export_table(garden: &Garden, from: &str, to: &str) -> Result<ExportTable> {
    let (from, to) = period(from, to)?;
    Ok(journal_table(&journal_lines(garden, from, to)?))
}
