//! The packing list: baskets per size per depot, and per crop what the composition needs
//! against what the harvests made available.

use super::summary::depot_table;
use super::{baskets_word, heading, setup};
use crate::report::{Align, Color, Column, Document, ReportError, Row, Section, Table, TextStyle};
use crate::store::sheets::{PrintSet, format_quantity};

/// Light yellow: a crop the harvest does not cover.
const SHORTAGE_FILL: Color = Color::rgb(1.0, 0.95, 0.76);

/// The packing list of the week.
pub fn packing_pdf(set: &PrintSet) -> Result<Vec<u8>, ReportError> {
    let mut doc = Document::new(setup(set, "Fiche de préparation"));
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
        return doc.to_bytes();
    }
    let mut columns = vec![Column::fraction("Légume", 1.0)];
    for (i, size) in set.sizes.iter().enumerate() {
        columns.push(
            Column::mm(
                format!(
                    "{} × {}",
                    size.name,
                    set.totals.get(i).copied().unwrap_or(0)
                ),
                24.0,
            )
            .right(),
        );
    }
    columns.push(Column::mm("À prévoir", 27.0).right());
    columns.push(Column::mm("Récolté", 27.0).right());
    columns.push(Column::mm("Manque", 27.0).right());
    let mut table = Table::new(columns).borders(true).font_size(9.5);
    let mut short = 0;
    for need in &set.needs {
        let mut cells = vec![need.crop_name.clone()];
        cells.extend(need.per_basket.iter().map(|q| {
            if *q > 0.0 {
                format_quantity(*q, need.unit)
            } else {
                String::new()
            }
        }));
        cells.push(format_quantity(need.needed, need.unit));
        cells.push(match need.available {
            Some(q) => format_quantity(q, need.unit),
            None => "autre unité".to_owned(),
        });
        let shortage = need.shortage();
        cells.push(shortage.map_or(String::new(), |q| format_quantity(q, need.unit)));
        let row = Row::new(cells);
        if shortage.is_some() {
            short += 1;
            table.push(row.fill(SHORTAGE_FILL).bold());
        } else {
            table.push(row);
        }
    }
    doc.table(&table);
    doc.paragraph(
        "Colonnes des paniers : quantité dans un panier (× nombre de paniers). « À prévoir » = \
         quantité × paniers ; « Récolté » = récoltes destinées aux paniers pour cette semaine.",
        TextStyle::regular(8.5).grey(),
    );
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
    doc.to_bytes()
}
