//! The attendance sheet (feuille d'émargement) of one workshop session: one row per
//! registered person with a wide signature column, blank rows for walk-ins, and a table for
//! the animators' signatures. Names only: no social data. Its data is read by
//! `store::workshops::attendance_sheet`; this module only turns it into bytes.

use chrono::NaiveTime;

use super::{
    Block, Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table,
    TextStyle,
};
use crate::domain::calendar::{format_date, long_date};
use crate::domain::workshops::time_range;
pub use crate::store::workshops::AttendanceSheet;

/// Blank rows printed after the registered people, for those who come without registering.
pub const BLANK_ROWS: usize = 5;

/// A file name for the sheet: "Emargement 2026-12-03 Cuisiner les legumes.pdf".
pub fn file_name(sheet: &AttendanceSheet) -> String {
    let title: String = crate::domain::text::fold(&sheet.workshop_title)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("Emargement {} {title}.pdf", sheet.date.format("%Y-%m-%d"))
}

/// Renders the sheet.
pub fn render(sheet: &AttendanceSheet) -> Result<Vec<u8>, ReportError> {
    let mut doc = Document::new(DocumentSetup {
        title: format!("Feuille d'émargement — {}", sheet.workshop_title),
        garden_name: sheet.garden_name.clone(),
        logo_path: sheet.logo_path.clone(),
        footer_left: Some(format!("Édité le {}", format_date(sheet.printed_on))),
        orientation: Orientation::Portrait,
        created: sheet.printed_on.and_time(NaiveTime::MIN),
    });
    let when = format!(
        "Atelier {} · {} · {}",
        sheet.type_name.to_lowercase(),
        long_date(sheet.date),
        time_range(sheet.start, sheet.end)
    );
    doc.begin_section(Section::new(when));
    let mut info = Vec::new();
    if !sheet.place.trim().is_empty() {
        info.push(format!("Lieu : {}", sheet.place.trim()));
    }
    if !sheet.animators.is_empty() {
        info.push(format!("Animation : {}", sheet.animators.join(", ")));
    }
    if !info.is_empty() {
        doc.paragraph(&info.join("\n"), TextStyle::regular(10.0));
        doc.spacer(2.0);
    }
    doc.paragraph(
        "Merci de signer en face de votre nom. Si votre nom n'y figure pas, écrivez-le sur une \
         ligne vide.",
        TextStyle::regular(9.0).grey(),
    );
    doc.spacer(2.0);
    let mut people = Table::new(vec![
        Column::mm("N°", 10.0).right(),
        Column::mm("Nom et prénom", 68.0),
        Column::fraction("Signature", 1.0),
    ])
    .borders(true)
    .min_row_height(11.0);
    for (i, name) in sheet.people.iter().enumerate() {
        people.push(Row::new([(i + 1).to_string(), name.clone(), String::new()]));
    }
    for i in 0..BLANK_ROWS {
        people.push(Row::new([
            (sheet.people.len() + i + 1).to_string(),
            String::new(),
            String::new(),
        ]));
    }
    doc.table(&people);
    doc.spacer(6.0);
    doc.ensure_space(40.0);
    doc.add(&Block::paragraph(
        "Signature des animateurs",
        TextStyle::bold(11.0),
    ));
    doc.spacer(1.5);
    let mut animators = Table::new(vec![
        Column::mm("Animateur ou animatrice", 85.0),
        Column::fraction("Signature", 1.0),
    ])
    .borders(true)
    .min_row_height(14.0);
    let blank_animators = if sheet.animators.is_empty() { 2 } else { 1 };
    for name in &sheet.animators {
        animators.push(Row::new([name.clone(), String::new()]));
    }
    for _ in 0..blank_animators {
        animators.push(Row::new([String::new(), String::new()]));
    }
    doc.table(&animators);
    doc.to_bytes()
}
