//! The weekly print set: the summary (`synthese.pdf`), the émargement sheets (all depots in
//! `emargement-tous.pdf`, and one `emargement-<depot>.pdf` each) and the packing list
//! (`preparation.pdf`), from a [`PrintSet`] assembled by `store::sheets`.

mod emargement;
mod job;
mod packing;
mod summary;

use chrono::{Datelike, NaiveDate};

use super::{Block, Column, DocumentSetup, Orientation, Row, Table, TextStyle};
use crate::domain::calendar::{format_date, weekday_name};
use crate::store::sheets::{PrintSet, WeekPart, file_safe_name};

pub use emargement::emargement_pdf;
pub use job::{render_print_set, render_print_set_each};
pub use packing::packing_pdf;
pub use summary::summary_pdf;

/// File name of the summary.
pub const SUMMARY_FILE: &str = "synthese.pdf";
/// File name of the émargement sheets of every depot.
pub const ALL_SHEETS_FILE: &str = "emargement-tous.pdf";
/// File name of the packing list.
pub const PACKING_FILE: &str = "preparation.pdf";

/// One PDF of the set: its file name and bytes.
#[derive(Debug, Clone)]
pub struct PrintFile {
    /// File name, safe on every system ("emargement-salle-des-fetes.pdf").
    pub name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The file name of each depot's sheet, `emargement-<depot>.pdf`, made unique when two
/// depot names fold to the same text.
pub fn depot_file_names(set: &PrintSet) -> Vec<(i64, String)> {
    let mut taken: Vec<String> = Vec::new();
    set.depots
        .iter()
        .map(|depot| {
            let base = format!("emargement-{}", file_safe_name(&depot.name));
            let mut name = format!("{base}.pdf");
            let mut n = 2;
            while taken.contains(&name) || name == ALL_SHEETS_FILE {
                name = format!("{base}-{n}.pdf");
                n += 1;
            }
            taken.push(name.clone());
            (depot.depot_id, name)
        })
        .collect()
}

/// What every page of a weekly document shares.
fn setup(set: &PrintSet, title: &str) -> DocumentSetup {
    DocumentSetup {
        title: title.to_owned(),
        garden_name: set.garden_name.clone(),
        logo_path: set.logo_path.clone(),
        footer_left: Some(format!(
            "{} · édité le {} à {}",
            weeks_label(set),
            format_date(set.printed_at.date()),
            set.printed_at.format("%H:%M")
        )),
        orientation: Orientation::Portrait,
        created: set.printed_at,
    }
}

/// "Semaine 50", or "Semaines 49 et 50" for a set spanning two weeks (each depot's next
/// delivery on a Saturday): the footer of a week-49 sheet must not say week 50 alone.
fn weeks_label(set: &PrintSet) -> String {
    let parts = set.week_parts();
    match parts.as_slice() {
        [_, .., last] => {
            let first: Vec<String> = parts[..parts.len() - 1]
                .iter()
                .map(|p| p.week.week().to_string())
                .collect();
            format!("Semaines {} et {}", first.join(", "), last.week.week())
        }
        _ => set.week.label(),
    }
}

/// "jeu. 26/11" — short enough for a table column.
fn short_day(date: NaiveDate) -> String {
    let day = weekday_name(date.weekday());
    let abbreviated: String = day.chars().take(3).collect();
    format!("{abbreviated}. {:02}/{:02}", date.day(), date.month())
}

/// The composition table: one row per size with its count and what goes in one basket
/// (`describe(i)`: the composition of size `i` on one line).
fn composition_table(
    set: &PrintSet,
    counts: &[i64],
    count_title: &str,
    describe: impl Fn(usize) -> String,
) -> Table {
    let mut table = Table::new(vec![
        Column::mm("Panier", 30.0),
        Column::mm(count_title, 18.0).right(),
        Column::fraction("Dans un panier cette semaine", 1.0),
    ])
    .font_size(9.0)
    .borders(true);
    for (i, size) in set.sizes.iter().enumerate() {
        let count = counts.get(i).copied().unwrap_or(0);
        let label = if size.persons.trim().is_empty() {
            size.name.clone()
        } else {
            format!("{}\n({})", size.name, size.persons.trim())
        };
        let row = Row::new([label, count.to_string(), describe(i)]);
        table.push(if count == 0 { row.muted() } else { row });
    }
    table
}

/// "Semaine 49 — sam. 05/12 : Amancey", "Semaine 50 — du lun. 07/12 au ven. 11/12 :
/// Ornans, Quingey…": one week of a set spanning two.
fn part_label(part: &WeekPart) -> String {
    let days = if part.first == part.last {
        short_day(part.first)
    } else {
        format!("du {} au {}", short_day(part.first), short_day(part.last))
    };
    format!(
        "Semaine {} — {days} : {}",
        part.week.week(),
        part.depots.join(", ")
    )
}

/// A bold heading paragraph.
fn heading(text: &str) -> Block {
    Block::paragraph(text, TextStyle::bold(11.0))
}

/// "Petit 14 · Grand 22 · Familial 3".
fn counts_text(set: &PrintSet, counts: &[i64]) -> String {
    set.sizes
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| format!("{} {n}", s.name))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "1 panier", "3 paniers".
fn baskets_word(n: i64) -> String {
    if n > 1 {
        format!("{n} paniers")
    } else {
        format!("{n} panier")
    }
}
