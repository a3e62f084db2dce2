//! The production part of the activity report: harvests by month, crop and destination.

use super::{GREEN, PRODUCTION, empty, heading, kg, note, subheading, table};
use crate::domain::activity::ProductionFigures;
use crate::domain::numbers::format_fixed;
use crate::report::{Align, Area, Color, Column, Document, Row, Table, TextStyle};

/// The production part: harvests by month (chart), by crop and by destination.
pub(super) fn production_part(doc: &mut Document, f: &ProductionFigures) {
    heading(doc, PRODUCTION);
    if f.is_empty() {
        empty(doc);
        return;
    }
    subheading(doc, "Récoltes par mois (kg)");
    month_chart(doc, &f.by_month);

    subheading(doc, "Récoltes par légume");
    doc.table(&kg_table("Légume", &f.by_crop));
    subheading(doc, "Récoltes par destination");
    doc.table(&kg_table("Destination", &f.by_destination));
    if f.unconverted_lines > 0 {
        note(
            doc,
            &format!(
                "{} sans conversion en kg {}.",
                crate::domain::wording::counted(
                    f.unconverted_lines,
                    "ligne de récolte",
                    "lignes de récolte"
                ),
                crate::domain::wording::agree(
                    f.unconverted_lines,
                    "n'est pas comptée",
                    "ne sont pas comptées"
                ),
            ),
        );
    }
}

/// A table "`title` · kg", one row a line, then their total.
fn kg_table(title: &str, lines: &[(String, f64)]) -> Table {
    let mut t = table(vec![
        Column::fraction(title, 1.0),
        Column::mm("kg", 32.0).right(),
    ]);
    for (label, value) in lines {
        t.push(Row::new([label.clone(), kg(*value)]));
    }
    let total: f64 = lines.iter().map(|(_, value)| value).sum();
    t.push(Row::new(["Total".to_string(), kg(total)]).bold());
    t
}

/// A vertical bar chart of kg per month, drawn with vector rectangles and lines.
fn month_chart(doc: &mut Document, months: &[((i32, u32), f64)]) {
    let area = doc.reserve(70.0);
    let max = months.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    let label = TextStyle::regular(7.5);
    let left = area.x + 4.0;
    let base = area.y + area.height - 7.0;
    let top = area.y + 6.0;
    let slot = (area.width - 8.0) / months.len().max(1) as f32;
    let show_values = months.len() <= 12;
    for (i, ((year, month), value)) in months.iter().enumerate() {
        let h = if max > 0.0 {
            (*value / max) as f32 * (base - top)
        } else {
            0.0
        };
        let x = left + i as f32 * slot;
        let bar = Area {
            x: x + slot * 0.15,
            y: base - h,
            width: slot * 0.7,
            height: h,
        };
        if h > 0.0 {
            doc.fill_rect(bar, GREEN);
        }
        let centre = x + slot / 2.0;
        let name = if months.len() <= 12 {
            short_month(*month).to_string()
        } else {
            format!("{month:02}/{:02}", year % 100)
        };
        if months.len() <= 24 || i % 2 == 0 {
            doc.text_at(centre, base + 4.0, &name, label, Align::Center);
        }
        if show_values && *value > 0.0 {
            doc.text_at(
                centre,
                bar.y - 1.2,
                &format_fixed(*value, 0),
                label,
                Align::Center,
            );
        }
    }
    doc.line(
        (area.x, base),
        (area.x + area.width, base),
        0.8,
        Color::BLACK,
    );
}

/// The usual French abbreviation of month `month` (1 to 12).
fn short_month(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    NAMES
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}
