//! The summary: one A4 page with every depot's baskets per size and the totals.

use super::{baskets_word, composition_table, heading, part_label, setup, short_day};
use crate::report::{
    Align, Block, Column, Document, ReportError, Row, Section, Table, TextStyle, text_width_mm,
};
use crate::store::sheets::PrintSet;

/// Title of the summary.
pub(super) const TITLE: &str = "Synthèse de la semaine";

/// The summary of the week, on one page for up to about 25 depots.
pub fn summary_pdf(set: &PrintSet) -> Result<Vec<u8>, ReportError> {
    summary_document(set, Document::new(setup(set, TITLE))).to_bytes()
}

/// The summary laid out in `doc` (empty, of the summary's setup).
pub(super) fn summary_document(set: &PrintSet, mut doc: Document) -> Document {
    doc.begin_section(Section::new(set.period_label()));
    doc.add(&heading("Paniers à préparer par dépôt"));
    doc.spacer(1.0);
    doc.table(&depot_table(set));
    if !set.skipped.is_empty() {
        doc.add(&heading("Pas de livraison cette semaine"));
        for skipped in &set.skipped {
            doc.paragraph(
                &format!("{} : {}", skipped.name, skipped.reason),
                TextStyle::regular(9.5),
            );
        }
        doc.spacer(2.0);
    }
    doc.add(&heading("Composition des paniers"));
    doc.spacer(1.0);
    let parts = set.week_parts();
    if parts.len() > 1 {
        // Two delivery weeks: each with its own composition and baskets.
        for part in &parts {
            doc.paragraph(&part_label(part), TextStyle::bold(9.5));
            doc.spacer(1.0);
            doc.table(&composition_table(set, &part.counts, "Paniers", |i| {
                part.composition_text(i)
            }));
            doc.spacer(2.0);
        }
    } else {
        doc.table(&composition_table(set, &set.totals, "Total", |i| {
            set.composition_text(i)
        }));
    }
    let when = if parts.len() > 1 {
        ""
    } else {
        " cette semaine"
    };
    doc.paragraph_aligned(
        &format!("En tout : {}{when}", baskets_word(set.total_baskets())),
        TextStyle::bold(11.0),
        Align::Right,
    );
    doc.add(&Block::Spacer(2.0));
    doc
}

/// Depot | Livraison | one column per size | Total | Absents | Reportés, and a total row.
pub(super) fn depot_table(set: &PrintSet) -> Table {
    let mut columns = vec![
        // A long depot name wraps rather than being cut ("Besançon – Maison de quart…").
        Column::fraction("Dépôt", 1.0),
        Column::mm("Livraison", 22.0),
    ];
    for size in &set.sizes {
        columns.push(Column::mm(size.name.clone(), title_width(&size.name, 16.0)).right());
    }
    columns.push(Column::mm("Total", 15.0).right());
    columns.push(Column::mm("Absents", title_width("Absents", 16.0)).right());
    columns.push(Column::mm("Reportés", title_width("Reportés", 16.0)).right());
    let mut table = Table::new(columns).zebra(true).font_size(9.0);
    for depot in &set.depots {
        let mut cells = vec![depot.name.clone(), short_day(depot.date)];
        cells.extend(depot.counts.iter().map(i64::to_string));
        cells.push(depot.total.to_string());
        cells.push(depot.absent.to_string());
        cells.push(depot.make_up.to_string());
        table.push(Row::new(cells));
    }
    let mut total = vec!["Total".to_owned(), String::new()];
    total.extend(set.totals.iter().map(i64::to_string));
    total.push(set.total_baskets().to_string());
    total.push(
        set.depots
            .iter()
            .map(|d| d.absent)
            .sum::<usize>()
            .to_string(),
    );
    total.push(
        set.depots
            .iter()
            .map(|d| d.make_up)
            .sum::<i64>()
            .to_string(),
    );
    table.push(Row::new(total).bold());
    table
}

/// A column just wide enough for its bold title (at least `min` mm, at most 30).
pub(super) fn title_width(title: &str, min: f32) -> f32 {
    (text_width_mm(title, &TextStyle::bold(9.5)) + 4.0).clamp(min, 30.0)
}
