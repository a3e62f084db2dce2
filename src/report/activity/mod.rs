//! The activity report (bilan d'activité) for funders: a cover, then one part per chosen
//! section (insertion, production, baskets, workshops). It only lays out the figures of
//! [`crate::domain::activity::ActivityFigures`]: counts and totals, never a person's name.

pub mod csv;
mod insertion;
mod production;

use crate::domain::numbers::{format_count, format_fixed};
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{
    Align, Color, Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table,
    TextStyle,
};
use crate::domain::activity::{ActivityFigures, BasketFigures, WorkshopFigures};
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;
use crate::domain::wording::{agree, counted};

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
        insertion::insertion_part(&mut doc, insertion);
    }
    if let Some(production) = &f.production {
        doc.page_break();
        production::production_part(&mut doc, production);
    }
    if let Some(baskets) = &f.baskets {
        doc.page_break();
        baskets_part(&mut doc, baskets);
    }
    if let Some(workshops) = &f.workshops {
        doc.page_break();
        workshops_part(&mut doc, workshops, f.today);
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
        &format!(
            "Conventions. Les périodes incluent leurs deux bornes. {} Personnes suivies : \
             personnes dont un parcours (de l'entrée à la sortie) recouvre la période, comptées \
             une fois ; entrées et sorties : parcours (une personne revenue après une sortie \
             compte deux entrées) ; tranche d'âge à la date d'entrée ou au début de la période. \
             {} Taux de sorties dynamiques = (emploi durable + emploi de transition + sortie \
             positive) ÷ (toutes les sorties − sorties non comptabilisées). Indicateurs FSE+ : relevés pris dans la \
             période, tels qu'enregistrés. Paniers livrés : paniers retirés ou laissés au dépôt \
             (les paniers donnés en sont exclus), au jour de livraison réel. Ce document ne \
             contient que des effectifs, aucune donnée nominative.",
            method_text(f),
            recorded_text(f),
        ),
    );
}

/// How hours and FTE were counted: from the contracts, and from payroll where it has the
/// hours worked.
fn method_text(f: &ActivityFigures) -> String {
    use crate::domain::activity::METHOD;
    let payroll = f.insertion.as_ref().map_or(0, |i| i.payroll_months);
    if payroll == 0 {
        format!(
            "{METHOD} Aucune heure travaillée de paie n'est saisie pour la période : tous les \
             ETP viennent des contrats."
        )
    } else {
        format!(
            "{METHOD} Pour {payroll} mois-personne, la paie donne les heures travaillées : l'ETP \
             de ces mois = heures travaillées ÷ (1 607 ÷ 12) (1 607 h = une année à temps plein, \
             congés exclus) ; les autres mois viennent des contrats."
        )
    }
}

/// What the cover says about recorded and planned figures.
fn recorded_text(f: &ActivityFigures) -> String {
    if f.to > f.today {
        format!(
            "La période se poursuit après le {} : les chiffres sont ceux enregistrés jusqu'à \
             cette date ; les heures et ETP à venir figurent à part, marqués « prévisionnel ».",
            format_date(f.today)
        )
    } else {
        format!(
            "Chiffres enregistrés au {} (période close).",
            format_date(f.today)
        )
    }
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

fn baskets_part(doc: &mut Document, f: &BasketFigures) {
    heading(doc, BASKETS);
    if f.is_empty() {
        empty(doc);
        return;
    }
    doc.table(&indicators([
        ("Paniers livrés", format_count(f.total())),
        ("Foyers adhérents livrés", format_count(f.households)),
        (
            "Adhésions payées (années de la période)",
            format_count(f.memberships),
        ),
        (
            "Foyers Paniers Solidaires",
            format_count(f.solidarity_households),
        ),
        (
            "Paniers solidaires livrés",
            format_count(f.solidarity_baskets),
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
    basket_warnings(doc, f);

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
            t.push(Row::new([name.clone(), format_count(n)]));
        }
        t.push(Row::new(["Total".to_string(), format_count(f.total())]).bold());
        doc.table(&t);
    }

    funders_table(doc, f);
    revenue_table(doc, f);
}

/// What the basket round brought in over the period, for gardens that watch their
/// commercial revenue against their charges.
fn revenue_table(doc: &mut Document, f: &BasketFigures) {
    subheading(doc, "Recettes de la période");
    let mut t = indicators([
        (
            "Paniers facturés aux foyers",
            format_euros(f.basket_revenue),
        ),
        ("Adhésions payées", format_euros(f.membership_revenue)),
        ("Frais moins avoirs", format_euros(f.adjustments)),
        ("Part des financeurs", format_euros(f.funders_revenue())),
    ]);
    t.push(Row::new(["Total".to_string(), format_euros(f.total_revenue())]).bold());
    doc.table(&t);
    note(
        doc,
        "Paniers préparés pour chaque foyer au prix de son format le jour de la livraison \
         (sa part pour un Panier Solidaire ; absence prévenue non facturée) ; la part des \
         financeurs est celle des paniers solidaires livrés.",
    );
}

/// What the figures leave out: the share nobody pays, the baskets not ticked.
fn basket_warnings(doc: &mut Document, f: &BasketFigures) {
    if f.unfunded > 0 {
        doc.paragraph(
            &format!(
                "Reste non financé : {} (part du prix des paniers solidaires payée ni par les \
                 foyers ni par un financeur).",
                format_euros(f.unfunded)
            ),
            TextStyle::bold(9.0),
        );
    }
    if f.unticked_baskets > 0 {
        doc.paragraph(
            &format!(
                "{} dans la période {} : {} ici. Saisissez les émargements puis \
                 éditez à nouveau le bilan.",
                counted(f.unticked_baskets, "panier prévu", "paniers prévus"),
                agree(
                    f.unticked_baskets,
                    "n'a pas été émargé",
                    "n'ont pas été émargés"
                ),
                agree(
                    f.unticked_baskets,
                    "il n'est pas compté",
                    "ils ne sont pas comptés"
                ),
            ),
            TextStyle::bold(9.0),
        );
    }
}

/// Paniers Solidaires: what each funder pays.
fn funders_table(doc: &mut Document, f: &BasketFigures) {
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
            format_count(l.households),
            format_count(l.baskets),
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

fn workshops_part(doc: &mut Document, f: &WorkshopFigures, today: chrono::NaiveDate) {
    heading(doc, WORKSHOPS);
    if f.is_empty() {
        empty(doc);
        planned_sessions_note(doc, f, today);
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
            format_count(l.sessions),
            format_count(l.participants),
            format_count(l.attendances),
            format_fixed(l.hours, 1),
        ]);
        t.push(if std::ptr::eq(l, &f.total) {
            row.bold()
        } else {
            row
        });
    }
    doc.table(&t);
    planned_sessions_note(doc, f, today);
    note(
        doc,
        "Participants : personnes différentes présentes au moins une fois (une personne venue à \
         deux types d'ateliers compte dans chacun, une seule fois au total). Heures : somme des \
         durées des séances pour chaque présence.",
    );
}

/// « Séances prévues après le … (prévisionnel) » when the period runs past `today`.
fn planned_sessions_note(doc: &mut Document, f: &WorkshopFigures, today: chrono::NaiveDate) {
    if let Some(planned) = f.planned_sessions {
        note(
            doc,
            &format!(
                "Séances prévues après le {} (prévisionnel, non comptées ci-dessus) : {planned}.",
                format_date(today)
            ),
        );
    }
}
