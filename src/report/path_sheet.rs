//! The fiche parcours: one person's path (identity, PASS IAE, contracts, follow-ups
//! summary, trainings, immersions, exit), for the person (access right) and the CIP.
//! It shows only that person, and leaves out the sensitive entry data (benefits,
//! court measure, disability) that the path itself does not need.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};

use super::{
    Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table, TextStyle,
};
use crate::domain::calendar::format_date;
use crate::domain::employees::{Staff, months_inclusive, planned_cumulative_months};
use crate::domain::numbers::format_fixed;
use crate::store::employees::EmployeeFile;
pub use crate::store::employees::PathSheetData;

fn staff_name(data: &PathSheetData, id: Option<i64>) -> String {
    data.staff
        .iter()
        .find(|s| Some(s.id) == id)
        .map(Staff::display_name)
        .unwrap_or_else(|| "—".to_owned())
}

fn heading(doc: &mut Document, title: &str) {
    doc.spacer(4.0);
    doc.paragraph(title, TextStyle::bold(12.0));
    doc.spacer(1.0);
}

fn hours(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// The fiche parcours as PDF bytes.
pub fn render(data: &PathSheetData) -> Result<Vec<u8>, ReportError> {
    let file = &data.file;
    let e = &file.employee;
    let mut doc = Document::new(DocumentSetup {
        title: "Fiche parcours".to_owned(),
        garden_name: data.garden_name.clone(),
        logo_path: data.logo_path.clone(),
        footer_left: Some(format!(
            "{} · édité le {} · document personnel",
            e.display_name(),
            format_date(data.printed_on)
        )),
        orientation: Orientation::Portrait,
        created: NaiveDateTime::new(data.printed_on, NaiveTime::MIN),
    });
    doc.begin_section(Section::new(e.display_name()));

    identity(&mut doc, data);
    approvals(&mut doc, file);
    contracts(&mut doc, file);
    follow_ups(&mut doc, file);
    trainings(&mut doc, file);
    exit(&mut doc, file);
    doc.to_bytes()
}

/// Who the person is, how they came, who follows them.
fn identity(doc: &mut Document, data: &PathSheetData) {
    let body = TextStyle::regular(10.0);
    let e = &data.file.employee;
    heading(doc, "Identité");
    let mut identity = vec![
        format!("{} {}", e.civility.abbreviation(), e.display_name())
            .trim()
            .to_owned(),
    ];
    if let Some(birth) = e.birth_date {
        identity.push(format!("Né(e) le {}", format_date(birth)));
    }
    let address = format!("{} {} {}", e.address, e.postcode, e.city);
    if !address.trim().is_empty() {
        identity.push(address.trim().to_owned());
    }
    let contact = [e.phone.as_str(), e.email.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if !contact.is_empty() {
        identity.push(contact);
    }
    identity.push(format!(
        "Entrée le {} · prescripteur : {}{} · référent : {}",
        format_date(e.entry_date),
        e.prescriber_kind.label(),
        if e.prescriber_org.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.prescriber_org)
        },
        staff_name(data, e.referent_id)
    ));
    for line in identity {
        doc.paragraph(&line, body);
    }
}

/// The PASS IAE and their suspensions or prolongations.
fn approvals(doc: &mut Document, file: &EmployeeFile) {
    let body = TextStyle::regular(10.0);
    heading(doc, "PASS IAE");
    if file.approvals.is_empty() {
        doc.paragraph("Aucun PASS IAE enregistré.", body);
    }
    for a in &file.approvals {
        doc.paragraph(
            &format!(
                "N° {} · du {} au {} · fin effective : {}",
                a.number,
                format_date(a.start_date),
                format_date(a.end_date),
                format_date(a.effective_end())
            ),
            body,
        );
        for c in &a.changes {
            doc.paragraph(
                &format!(
                    "   {} du {} au {} {}",
                    c.kind.label(),
                    format_date(c.start_date),
                    format_date(c.end_date),
                    c.reason
                ),
                body,
            );
        }
    }
}

/// The contracts, in a table, and their cumulative length.
fn contracts(doc: &mut Document, file: &EmployeeFile) {
    let body = TextStyle::regular(10.0);
    heading(doc, "Contrats (CDDI)");
    if file.contracts.is_empty() {
        doc.paragraph("Aucun contrat.", body);
    } else {
        let mut table = Table::new(vec![
            Column::mm("Début", 24.0),
            Column::mm("Fin prévue", 24.0),
            Column::mm("Fin réelle", 24.0),
            Column::mm("Durée", 20.0).right(),
            Column::mm("H/sem.", 16.0).right(),
            Column::fraction("Poste", 1.0),
        ])
        .font_size(9.0)
        .zebra(true);
        for c in &file.contracts {
            let mut post = c.post.clone();
            if c.renewal_of.is_some() {
                post.push_str(" (renouvellement)");
            }
            table.push(Row::new([
                format_date(c.start_date),
                format_date(c.planned_end),
                c.actual_end.map(format_date).unwrap_or_default(),
                format!(
                    "{} mois",
                    format_fixed(months_inclusive(c.start_date, c.end()), 1)
                ),
                hours(c.weekly_hours),
                post,
            ]));
        }
        doc.table(&table);
        doc.paragraph(
            &format!(
                "Durée cumulée : {} mois",
                format_fixed(planned_cumulative_months(&file.contracts), 1)
            ),
            TextStyle::bold(10.0),
        );
    }
}

/// How many follow-ups, how long, on which themes.
fn follow_ups(doc: &mut Document, file: &EmployeeFile) {
    let body = TextStyle::regular(10.0);
    heading(doc, "Accompagnement");
    let minutes: i64 = file.follow_ups.iter().map(|f| f.duration_minutes).sum();
    doc.paragraph(
        &format!(
            "{}, {} h {:02} au total{}",
            crate::domain::wording::counted(
                file.follow_ups.len() as i64,
                "entretien",
                "entretiens"
            ),
            minutes / 60,
            minutes % 60,
            match (file.follow_ups.first(), file.follow_ups.last()) {
                (Some(first), Some(last)) => format!(
                    ", du {} au {}",
                    format_date(first.date),
                    format_date(last.date)
                ),
                _ => String::new(),
            }
        ),
        body,
    );
    let mut themes: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &file.follow_ups {
        for t in &f.themes {
            *themes.entry(t.as_str()).or_default() += 1;
        }
    }
    if !themes.is_empty() {
        let list = themes
            .iter()
            .map(|(t, n)| format!("{t} ({n})"))
            .collect::<Vec<_>>()
            .join(", ");
        doc.paragraph(&format!("Thèmes travaillés : {list}"), body);
    }
}

/// Trainings and immersions.
fn trainings(doc: &mut Document, file: &EmployeeFile) {
    let body = TextStyle::regular(10.0);
    heading(doc, "Formations");
    if file.trainings.is_empty() {
        doc.paragraph("Aucune formation.", body);
    }
    for t in &file.trainings {
        doc.paragraph(
            &format!(
                "{} — {} · du {} au {} · {} h{}",
                t.title,
                t.body,
                format_date(t.start_date),
                format_date(t.end_date),
                hours(t.hours),
                if t.qualifying { " · qualifiante" } else { "" }
            ),
            body,
        );
    }

    heading(doc, "Immersions (PMSMP)");
    if file.immersions.is_empty() {
        doc.paragraph("Aucune immersion.", body);
    }
    for i in &file.immersions {
        doc.paragraph(
            &format!(
                "{} · du {} au {} · {}{}",
                i.host_name,
                format_date(i.start_date),
                format_date(i.end_date),
                i.objective.label(),
                if i.outcome.is_empty() {
                    String::new()
                } else {
                    format!(" · bilan : {}", i.outcome)
                }
            ),
            body,
        );
    }
}

/// The exit, and every path of a person who came back.
fn exit(doc: &mut Document, file: &EmployeeFile) {
    let body = TextStyle::regular(10.0);
    heading(doc, "Sortie");
    match &file.exit {
        Some(x) => {
            doc.paragraph(
                &format!("Sortie le {} : {}", format_date(x.date), x.category.label()),
                body,
            );
            let summary = x.summary();
            if !summary.is_empty() {
                doc.paragraph(&summary, body);
            }
        }
        None => {
            doc.paragraph("En parcours.", body);
        }
    }
    // A person who came back after an exit: every path, the current one last.
    if file.paths.len() > 1 {
        heading(doc, "Parcours successifs");
        for (i, path) in file.paths.iter().enumerate() {
            doc.paragraph(&path.line(i + 1), body);
        }
    }
}
