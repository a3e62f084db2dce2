//! The activity report (bilan d'activité) for funders: a cover, then one part per chosen
//! section (insertion, production, baskets, workshops). It only lays out the figures of
//! [`crate::domain::activity::ActivityFigures`]: counts and totals, never a person's name.

pub mod csv;

use crate::domain::numbers::format_fixed;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{
    Align, Area, Color, Column, Document, DocumentSetup, Orientation, ReportError, Row, Section,
    Table, TextStyle,
};
use crate::domain::activity::{
    ActivityFigures, BasketFigures, GroupLine, InsertionFigures, ProductionFigures,
    WorkshopFigures, format_rate,
};
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;

/// Everything the activity report prints.
#[derive(Debug, Clone)]
pub struct ActivityDocument {
    /// Garden name for the cover and the header.
    pub garden_name: String,
    /// Logo, if any.
    pub logo_path: Option<PathBuf>,
    /// When the document is made (metadata and footer).
    pub created: NaiveDateTime,
    /// The figures.
    pub figures: ActivityFigures,
}

/// Title of the document.
pub const TITLE: &str = "Bilan d'activité";
/// Heading of the insertion part.
pub const INSERTION: &str = "Insertion";
/// Heading of the production part.
pub const PRODUCTION: &str = "Production";
/// Heading of the baskets part.
pub const BASKETS: &str = "Paniers";
/// Heading of the workshops part.
pub const WORKSHOPS: &str = "Ateliers";
/// Printed when a section has nothing for the period.
pub const NO_DATA: &str = "Aucune donnée pour cette période.";

const GREEN: Color = Color::rgb(0.30, 0.55, 0.35);

/// The period as printed: "du 01/01/2026 au 31/12/2026".
pub fn period_text(figures: &ActivityFigures) -> String {
    format!(
        "du {} au {}",
        format_date(figures.from),
        format_date(figures.to)
    )
}

/// The report as PDF bytes.
pub fn render(data: &ActivityDocument) -> Result<Vec<u8>, ReportError> {
    let f = &data.figures;
    let mut doc = Document::new(DocumentSetup {
        title: TITLE.to_string(),
        garden_name: data.garden_name.clone(),
        logo_path: data.logo_path.clone(),
        footer_left: Some(format!("Édité le {}", format_date(data.created.date()))),
        orientation: Orientation::Portrait,
        created: data.created,
    });
    doc.begin_section(Section::new(format!("Période {}", period_text(f))));
    cover(&mut doc, data);
    if let Some(insertion) = &f.insertion {
        doc.page_break();
        insertion_part(&mut doc, insertion);
    }
    if let Some(production) = &f.production {
        doc.page_break();
        production_part(&mut doc, production);
    }
    if let Some(baskets) = &f.baskets {
        doc.page_break();
        baskets_part(&mut doc, baskets);
    }
    if let Some(workshops) = &f.workshops {
        doc.page_break();
        workshops_part(&mut doc, workshops);
    }
    doc.to_bytes()
}

fn heading(doc: &mut Document, text: &str) {
    doc.ensure_space(20.0);
    doc.paragraph(text, TextStyle::bold(16.0).with_color(GREEN));
    doc.rule();
    doc.spacer(2.0);
}

fn subheading(doc: &mut Document, text: &str) {
    doc.ensure_space(18.0);
    doc.spacer(3.0);
    doc.paragraph(text, TextStyle::bold(11.5));
    doc.spacer(1.0);
}

fn note(doc: &mut Document, text: &str) {
    doc.paragraph(text, TextStyle::regular(8.5).grey());
}

fn empty(doc: &mut Document) {
    doc.spacer(2.0);
    doc.paragraph(NO_DATA, TextStyle::regular(11.0).grey());
}

fn table(columns: Vec<Column>) -> Table {
    Table::new(columns).zebra(true).borders(true)
}

fn kg(value: f64) -> String {
    format_fixed(value, 1)
}

fn cover(doc: &mut Document, data: &ActivityDocument) {
    let f = &data.figures;
    doc.spacer(40.0);
    let name = if data.garden_name.trim().is_empty() {
        "Jardin"
    } else {
        data.garden_name.as_str()
    };
    doc.paragraph_aligned(
        TITLE,
        TextStyle::bold(28.0).with_color(GREEN),
        Align::Center,
    );
    doc.spacer(6.0);
    doc.paragraph_aligned(name, TextStyle::bold(18.0), Align::Center);
    doc.spacer(4.0);
    doc.paragraph_aligned(
        &format!("Période {}", period_text(f)),
        TextStyle::regular(14.0),
        Align::Center,
    );
    doc.spacer(20.0);
    let parts: Vec<&str> = [
        (f.insertion.is_some(), INSERTION),
        (f.production.is_some(), PRODUCTION),
        (f.baskets.is_some(), BASKETS),
        (f.workshops.is_some(), WORKSHOPS),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, t)| *t)
    .collect();
    doc.paragraph_aligned(
        &format!("Contenu : {}", parts.join(" · ")),
        TextStyle::regular(11.0),
        Align::Center,
    );
    if f.is_empty() {
        doc.spacer(6.0);
        doc.paragraph_aligned(
            "Aucune donnée n'a été enregistrée pour cette période : les parties ci-après sont vides.",
            TextStyle::bold(11.0).grey(),
            Align::Center,
        );
    }
    doc.spacer(30.0);
    note(
        doc,
        "Conventions. Les périodes incluent leurs deux bornes. Heures sous contrat = heures \
         hebdomadaires × jours de contrat dans la période ÷ 7 (jours calendaires). 1 ETP = \
         1 607 heures par an, au prorata de la période (1 607 × jours de la période ÷ jours de \
         l'année). Personnes suivies : parcours (de l'entrée à la sortie) qui recouvre la \
         période ; tranche d'âge à la date d'entrée ou au début de la période. Taux de sorties \
         dynamiques = (emploi durable + emploi de transition + sortie positive) ÷ (toutes les \
         sorties − sorties non comptabilisées). Indicateurs FSE+ : relevés pris dans la \
         période, tels qu'enregistrés. Paniers livrés : paniers retirés ou laissés au dépôt \
         (les paniers donnés en sont exclus), au jour de livraison réel. Ce document ne \
         contient que des effectifs, aucune donnée nominative.",
    );
}

fn group_table(title: &str, lines: &[GroupLine], total: (i64, f64, f64)) -> Table {
    let mut t = table(vec![
        Column::fraction(title, 1.0),
        Column::mm("Personnes", 28.0).right(),
        Column::mm("Heures", 32.0).right(),
        Column::mm("ETP", 24.0).right(),
    ]);
    for l in lines {
        t.push(Row::new([
            l.label.clone(),
            l.people.to_string(),
            format_fixed(l.hours, 0),
            format_fixed(l.fte, 2),
        ]));
    }
    t.push(
        Row::new([
            "Total".to_string(),
            total.0.to_string(),
            format_fixed(total.1, 0),
            format_fixed(total.2, 2),
        ])
        .bold(),
    );
    t
}

/// A two-column table "Indicateur · Valeur".
fn indicators<const N: usize>(rows: [(&str, String); N]) -> Table {
    let mut t = table(vec![
        Column::fraction("Indicateur", 1.0),
        Column::mm("Valeur", 40.0).right(),
    ]);
    for (label, value) in rows {
        t.push(Row::new([label.to_string(), value]));
    }
    t
}

fn insertion_part(doc: &mut Document, f: &InsertionFigures) {
    heading(doc, INSERTION);
    if f.is_empty() {
        empty(doc);
        return;
    }
    doc.table(&indicators([
        ("Personnes suivies", f.people_followed.to_string()),
        ("Entrées", f.entries.to_string()),
        ("Sorties", f.exit_total().to_string()),
        (
            "Taux de sorties dynamiques",
            format_rate(f.dynamic_exit_rate),
        ),
        ("Heures sous contrat", format_fixed(f.hours, 0)),
        ("Équivalents temps plein (ETP)", format_fixed(f.fte, 2)),
    ]));

    subheading(doc, "Sorties par catégorie");
    let mut t = table(vec![
        Column::fraction("Catégorie", 1.0),
        Column::mm("Sorties", 28.0).right(),
    ]);
    for (c, n) in &f.exits {
        t.push(Row::new([
            format!("{}. {}", c.number(), c.label()),
            n.to_string(),
        ]));
    }
    t.push(Row::new(["Total".to_string(), f.exit_total().to_string()]).bold());
    doc.table(&t);
    if !f.exit_outcomes.is_empty() {
        subheading(doc, "Sorties par situation");
        let mut t = table(vec![
            Column::fraction("Situation à la sortie", 1.0),
            Column::mm("Sorties", 28.0).right(),
        ]);
        for (label, n) in &f.exit_outcomes {
            t.push(Row::new([label.clone(), n.to_string()]));
        }
        doc.table(&t);
    }

    let total = (f.people_followed, f.hours, f.fte);
    subheading(doc, "Par genre");
    doc.table(&group_table("Genre", &f.by_gender, total));
    subheading(doc, "Par tranche d'âge");
    doc.table(&group_table("Tranche d'âge", &f.by_age, total));

    subheading(doc, "Formations et immersions");
    let mut t = indicators([
        ("Formations commencées", f.trainings.to_string()),
        ("dont qualifiantes", f.qualifying_trainings.to_string()),
        ("Heures de formation", format_fixed(f.training_hours, 1)),
        ("Personnes formées", f.trained_people.to_string()),
    ]);
    for (label, n) in &f.immersions {
        t.push(Row::new([
            format!("Immersions (PMSMP) : {label}"),
            n.to_string(),
        ]));
    }
    let immersions: i64 = f.immersions.iter().map(|(_, n)| n).sum();
    t.push(
        Row::new([
            "Total des immersions (PMSMP)".to_string(),
            immersions.to_string(),
        ])
        .bold(),
    );
    doc.table(&t);

    subheading(doc, "Accompagnement : entretiens par thème");
    let mut t = table(vec![
        Column::fraction("Thème", 1.0),
        Column::mm("Entretiens", 30.0).right(),
    ]);
    for (theme, n) in &f.themes {
        t.push(Row::new([theme.clone(), n.to_string()]));
    }
    t.push(
        Row::new([
            format!(
                "Total des entretiens ({} h)",
                format_fixed(f.follow_up_hours, 1)
            ),
            f.follow_ups.to_string(),
        ])
        .bold(),
    );
    doc.table(&t);
    note(
        doc,
        "Un entretien qui aborde plusieurs thèmes compte dans chacun.",
    );

    subheading(doc, "Indicateurs FSE+");
    let mut t = table(vec![
        Column::fraction("Indicateur", 1.0),
        Column::mm("Entrée", 24.0).right(),
        Column::mm("Sortie", 24.0).right(),
        Column::mm("6 mois après", 28.0).right(),
    ]);
    for (i, l) in f.fse.iter().enumerate() {
        let row = Row::new([
            l.label.clone(),
            l.entry.to_string(),
            l.exit.to_string(),
            l.six_months.to_string(),
        ]);
        t.push(if i == 0 { row.bold() } else { row });
    }
    doc.table(&t);
    note(
        doc,
        "Relevés FSE+ pris dans la période, tels qu'enregistrés à l'entrée, à la sortie et six \
         mois après. Les tranches d'âge demandées (moins de 18 ans, 18 à 29 ans, 55 ans et plus) \
         ne couvrent pas tous les âges.",
    );
}

fn production_part(doc: &mut Document, f: &ProductionFigures) {
    heading(doc, PRODUCTION);
    if f.is_empty() {
        empty(doc);
        return;
    }
    subheading(doc, "Récoltes par mois (kg)");
    month_chart(doc, &f.by_month);

    subheading(doc, "Récoltes par légume");
    let mut t = table(vec![
        Column::fraction("Légume", 1.0),
        Column::mm("kg", 32.0).right(),
    ]);
    for (crop, value) in &f.by_crop {
        t.push(Row::new([crop.clone(), kg(*value)]));
    }
    t.push(Row::new(["Total".to_string(), kg(f.total_kg())]).bold());
    doc.table(&t);

    subheading(doc, "Récoltes par destination");
    let mut t = table(vec![
        Column::fraction("Destination", 1.0),
        Column::mm("kg", 32.0).right(),
    ]);
    for (dest, value) in &f.by_destination {
        t.push(Row::new([dest.clone(), kg(*value)]));
    }
    let total: f64 = f.by_destination.iter().map(|(_, v)| v).sum();
    t.push(Row::new(["Total".to_string(), kg(total)]).bold());
    doc.table(&t);
    if f.unconverted_lines > 0 {
        note(
            doc,
            &format!(
                "{} ligne(s) de récolte sans conversion en kg ne sont pas comptées.",
                f.unconverted_lines
            ),
        );
    }
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

fn baskets_part(doc: &mut Document, f: &BasketFigures) {
    heading(doc, BASKETS);
    if f.is_empty() {
        empty(doc);
        return;
    }
    doc.table(&indicators([
        ("Paniers livrés", f.total().to_string()),
        ("Foyers adhérents livrés", f.households.to_string()),
        (
            "Adhésions payées (années de la période)",
            f.memberships.to_string(),
        ),
        (
            "Foyers Paniers Solidaires",
            f.solidarity_households.to_string(),
        ),
        (
            "Paniers solidaires livrés",
            f.solidarity_baskets.to_string(),
        ),
        (
            "Valeur des paniers solidaires",
            format_euros(f.solidarity_value),
        ),
        (
            "Payé par les foyers solidaires",
            format_euros(f.households_paid),
        ),
    ]));

    for (title, column, lines) in [
        ("Paniers livrés par format", "Format", &f.by_size),
        ("Paniers livrés par dépôt", "Dépôt", &f.by_depot),
    ] {
        subheading(doc, title);
        let mut t = table(vec![
            Column::fraction(column, 1.0),
            Column::mm("Paniers", 30.0).right(),
        ]);
        for (name, n) in lines {
            t.push(Row::new([name.clone(), n.to_string()]));
        }
        t.push(Row::new(["Total".to_string(), f.total().to_string()]).bold());
        doc.table(&t);
    }

    subheading(doc, "Paniers Solidaires : part de chaque financeur");
    if f.funders.is_empty() {
        note(doc, "Aucun panier financé dans la période.");
        return;
    }
    let mut t = table(vec![
        Column::fraction("Financeur", 1.0),
        Column::mm("Foyers", 20.0).right(),
        Column::mm("Paniers", 22.0).right(),
        Column::mm("Valeur", 30.0).right(),
        Column::mm("Payé", 30.0).right(),
    ]);
    for l in &f.funders {
        t.push(Row::new([
            l.funder.clone(),
            l.households.to_string(),
            l.baskets.to_string(),
            format_euros(l.value),
            format_euros(l.owed),
        ]));
    }
    let owed: i64 = f.funders.iter().map(|l| l.owed).sum();
    t.push(
        Row::new([
            "Total des financeurs".to_string(),
            String::new(),
            String::new(),
            String::new(),
            format_euros(owed),
        ])
        .bold(),
    );
    doc.table(&t);
    note(
        doc,
        "Un panier financé par plusieurs financeurs compte chez chacun (colonnes Foyers, Paniers \
         et Valeur) ; la colonne Payé est la part de chaque financeur.",
    );
}

fn workshops_part(doc: &mut Document, f: &WorkshopFigures) {
    heading(doc, WORKSHOPS);
    if f.is_empty() {
        empty(doc);
        return;
    }
    let mut t = table(vec![
        Column::fraction("Type d'atelier", 1.0),
        Column::mm("Séances", 22.0).right(),
        Column::mm("Participants", 30.0).right(),
        Column::mm("Présences", 24.0).right(),
        Column::mm("Heures", 24.0).right(),
    ]);
    for l in f.by_type.iter().chain(std::iter::once(&f.total)) {
        let row = Row::new([
            l.label.clone(),
            l.sessions.to_string(),
            l.participants.to_string(),
            l.attendances.to_string(),
            format_fixed(l.hours, 1),
        ]);
        t.push(if std::ptr::eq(l, &f.total) {
            row.bold()
        } else {
            row
        });
    }
    doc.table(&t);
    note(
        doc,
        "Participants : personnes différentes présentes au moins une fois (une personne venue à \
         deux types d'ateliers compte dans chacun, une seule fois au total). Heures : somme des \
         durées des séances pour chaque présence.",
    );
}

/// Reads the garden's identity and the figures of the chosen sections for `from`..=`to`.
pub fn load(
    conn: &crate::store::Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    sections: crate::domain::activity::SectionChoice,
    created: NaiveDateTime,
) -> crate::store::Result<ActivityDocument> {
    let identity = crate::store::settings::garden_identity(conn)?;
    let logo = identity.logo_path.trim();
    Ok(ActivityDocument {
        garden_name: identity.name,
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        created,
        figures: crate::store::activity::activity_figures(conn, from, to, sections)?,
    })
}
