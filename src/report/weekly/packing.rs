//! The packing list: baskets per size per depot, and per crop what the composition needs
//! against what the harvests made available. A set spanning two weeks gets each week's
//! needs (its own composition × its own baskets), then their sum against the harvests.

use super::summary::{depot_table, title_width};
use super::{baskets_word, heading, part_label, setup};
use crate::domain::calendar::format_date;
use crate::report::{Align, Color, Column, Document, ReportError, Row, Section, Table, TextStyle};
use crate::store::sheets::{Need, PrintSet, WeekPart, format_quantity};

/// Light yellow: a crop the harvest does not cover.
const SHORTAGE_FILL: Color = Color::rgb(1.0, 0.95, 0.76);

/// Title of the packing list.
pub(super) const TITLE: &str = "Fiche de préparation";

/// The packing list of the week.
pub fn packing_pdf(set: &PrintSet) -> Result<Vec<u8>, ReportError> {
    packing_document(set, Document::new(setup(set, TITLE))).to_bytes()
}

/// The packing list laid out in `doc` (empty, of the packing list's setup).
pub(super) fn packing_document(set: &PrintSet, mut doc: Document) -> Document {
    doc.begin_section(Section::new(set.period_label()));
    doc.add(&heading("Paniers à préparer"));
    doc.spacer(1.0);
    doc.table(&depot_table(set));
    doc.add(&heading("Légumes à prévoir"));
    doc.spacer(1.0);
    if set.needs.is_empty() {
        doc.paragraph(
            "La composition des paniers de cette semaine n'est pas encore saisie.",
            TextStyle::regular(10.0),
        );
        return doc;
    }
    let parts = set.week_parts();
    let short = if parts.len() > 1 {
        for part in &parts {
            doc.paragraph(&part_label(part), TextStyle::bold(9.5));
            doc.spacer(1.0);
            match part_table(set, part) {
                Some(table) => doc.table(&table),
                None => {
                    doc.paragraph(
                        "Composition de cette semaine non saisie.",
                        TextStyle::regular(9.5),
                    );
                }
            }
            doc.spacer(2.0);
        }
        doc.paragraph("Total à prévoir", TextStyle::bold(9.5));
        doc.spacer(1.0);
        let (table, short) = total_table(set, &parts);
        doc.table(&table);
        doc.paragraph(
            &format!(
                "Par semaine : quantité dans un panier (× nombre de paniers de la semaine). \
                 « À prévoir » = somme des semaines ; « Récolté » = récoltes destinées aux \
                 paniers du {} au {}, comptées une fois.",
                format_date(set.harvested.0),
                format_date(set.harvested.1)
            ),
            TextStyle::regular(8.5).grey(),
        );
        short
    } else {
        let (table, short) = week_table(set);
        doc.table(&table);
        doc.paragraph(
            &format!(
                "Colonnes des paniers : quantité dans un panier (× nombre de paniers). « À \
                 prévoir » = quantité × paniers ; « Récolté » = récoltes destinées aux paniers \
                 du {} au {}.",
                format_date(set.harvested.0),
                format_date(set.harvested.1)
            ),
            TextStyle::regular(8.5).grey(),
        );
        short
    };
    if short > 0 {
        doc.paragraph_aligned(
            &format!(
                "{short} légume{} en quantité insuffisante (surlignés).",
                if short > 1 { "s" } else { "" }
            ),
            TextStyle::bold(10.0),
            Align::Right,
        );
    }
    doc.paragraph_aligned(
        &format!("En tout : {}", baskets_word(set.total_baskets())),
        TextStyle::bold(10.0),
        Align::Right,
    );
    doc
}

/// "Petit × 14": one column per size, its count in the title.
fn size_columns(set: &PrintSet, counts: &[i64]) -> Vec<Column> {
    set.sizes
        .iter()
        .enumerate()
        .map(|(i, size)| {
            let count = counts.get(i).copied().unwrap_or(0);
            let title = format!("{} × {count}", size.name);
            // Wide enough for "Familial × 14" on one line.
            let width = title_width(&title, 24.0);
            Column::mm(title, width).right()
        })
        .collect()
}

/// The quantities in one basket of each size ("" where the size has none).
fn per_basket_cells(need: &Need) -> impl Iterator<Item = String> + '_ {
    need.per_basket.iter().map(|q| {
        if *q > 0.0 {
            format_quantity(*q, need.unit)
        } else {
            String::new()
        }
    })
}

/// Needed, harvested and missing of `need`, and a row filled when the harvest falls short.
fn compared_row(mut cells: Vec<String>, need: &Need) -> (Row, bool) {
    cells.push(format_quantity(need.needed, need.unit));
    cells.push(match need.available {
        Some(q) => format_quantity(q, need.unit),
        None => "autre unité".to_owned(),
    });
    let shortage = need.shortage();
    cells.push(shortage.map_or(String::new(), |q| format_quantity(q, need.unit)));
    let row = Row::new(cells);
    match shortage {
        Some(_) => (row.fill(SHORTAGE_FILL).bold(), true),
        None => (row, false),
    }
}

fn compared_columns(mut columns: Vec<Column>) -> Vec<Column> {
    columns.push(Column::mm("À prévoir", 27.0).right());
    columns.push(Column::mm("Récolté", 27.0).right());
    columns.push(Column::mm("Manque", 27.0).right());
    columns
}

/// A one-week set: per crop, the quantity in a basket of each size, needed, harvested,
/// missing; and how many crops fall short.
fn week_table(set: &PrintSet) -> (Table, usize) {
    let mut columns = vec![Column::fraction("Légume", 1.0)];
    columns.extend(size_columns(set, &set.totals));
    let mut table = Table::new(compared_columns(columns))
        .borders(true)
        .font_size(9.5);
    let mut short = 0;
    for need in &set.needs {
        let mut cells = vec![need.crop_name.clone()];
        cells.extend(per_basket_cells(need));
        let (row, is_short) = compared_row(cells, need);
        short += usize::from(is_short);
        table.push(row);
    }
    (table, short)
}

/// One week of a set spanning two: per crop, the quantity in a basket of each size and
/// what that week's baskets need. `None` when that week has no composition.
fn part_table(set: &PrintSet, part: &WeekPart) -> Option<Table> {
    let needs = part.needs();
    if needs.is_empty() {
        return None;
    }
    let mut columns = vec![Column::fraction("Légume", 1.0)];
    columns.extend(size_columns(set, &part.counts));
    columns.push(Column::mm("À prévoir", 27.0).right());
    let mut table = Table::new(columns).borders(true).font_size(9.5);
    for need in &needs {
        let mut cells = vec![need.crop_name.clone()];
        cells.extend(per_basket_cells(need));
        cells.push(format_quantity(need.needed, need.unit));
        table.push(Row::new(cells));
    }
    Some(table)
}

/// The sum of the weeks: per crop, each week's need, their sum, harvested and missing.
fn total_table(set: &PrintSet, parts: &[WeekPart]) -> (Table, usize) {
    let mut columns = vec![Column::fraction("Légume", 1.0)];
    for part in parts {
        columns.push(Column::mm(format!("Sem. {}", part.week.week()), 24.0).right());
    }
    let mut table = Table::new(compared_columns(columns))
        .borders(true)
        .font_size(9.5);
    let part_needs: Vec<Vec<Need>> = parts.iter().map(WeekPart::needs).collect();
    let mut short = 0;
    for need in &set.needs {
        let mut cells = vec![need.crop_name.clone()];
        for needs in &part_needs {
            let of_week = needs
                .iter()
                .find(|n| n.crop_id == need.crop_id && n.unit == need.unit)
                .map(|n| n.needed)
                .unwrap_or(0.0);
            cells.push(if of_week > 0.0 {
                format_quantity(of_week, need.unit)
            } else {
                String::new()
            });
        }
        let (row, is_short) = compared_row(cells, need);
        short += usize::from(is_short);
        table.push(row);
    }
    (table, short)
}
