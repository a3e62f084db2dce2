//! The insertion part of the activity report: exits, groups, trainings, follow-ups, FSE+.

use super::{INSERTION, empty, heading, indicators, note, subheading, table};
use crate::domain::activity::{GroupLine, InsertionFigures, format_rate};
use crate::domain::calendar::format_date;
use crate::domain::numbers::{format_count, format_fixed};
use crate::report::{Column, Document, Row, Table};

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
            format_count(l.people),
            format_fixed(l.hours, 0),
            format_fixed(l.fte, 2),
        ]));
    }
    t.push(
        Row::new([
            "Total".to_string(),
            format_count(total.0),
            format_fixed(total.1, 0),
            format_fixed(total.2, 2),
        ])
        .bold(),
    );
    t
}

/// The summary table: people, entries, exits, rate, hours and FTE (recorded), hours worked
/// from payroll, and the planned lines when the period runs past today.
fn summary(doc: &mut Document, f: &InsertionFigures) {
    let (hours_label, fte_label) = match f.recorded_until {
        Some(today) => (
            format!("Heures sous contrat, réalisées au {}", format_date(today)),
            format!("Équivalents temps plein (ETP) au {}", format_date(today)),
        ),
        None => (
            "Heures sous contrat".to_owned(),
            "Équivalents temps plein (ETP)".to_owned(),
        ),
    };
    let mut t = indicators([
        (
            "Personnes suivies (personnes)",
            format_count(f.people_followed),
        ),
        ("Entrées (parcours)", format_count(f.entries)),
        ("Sorties (parcours)", format_count(f.exit_total())),
        (
            "Taux de sorties dynamiques",
            format_rate(f.dynamic_exit_rate),
        ),
        (&hours_label, format_fixed(f.hours, 0)),
        (&fte_label, format_fixed(f.fte, 2)),
    ]);
    if let Some(worked) = f.worked_hours {
        t.push(Row::new([
            format!(
                "Heures travaillées, d'après la paie ({} mois-personne)",
                format_count(f.payroll_months)
            ),
            format_fixed(worked, 0),
        ]));
    }
    if let (Some(today), Some(hours), Some(fte)) =
        (f.recorded_until, f.planned_hours, f.planned_fte)
    {
        t.push(Row::new([
            format!(
                "Heures sous contrat prévues après le {} (prévisionnel)",
                format_date(today)
            ),
            format_fixed(hours, 0),
        ]));
        t.push(Row::new([
            "ETP sur toute la période, contrats en cours jusqu'à leur fin (prévisionnel)"
                .to_owned(),
            format_fixed(fte, 2),
        ]));
    }
    doc.table(&t);
    if let Some(today) = f.recorded_until {
        note(
            doc,
            &format!(
                "La période se poursuit après le {} : les chiffres s'arrêtent à cette date ; \
                 les lignes « prévisionnel » comptent les contrats jusqu'à leur fin prévue.",
                format_date(today)
            ),
        );
    }
}

/// The insertion part: indicators, exits, groups by gender and age, trainings, follow-ups, FSE+.
pub(super) fn insertion_part(doc: &mut Document, f: &InsertionFigures) {
    heading(doc, INSERTION);
    if f.is_empty() {
        empty(doc);
        return;
    }
    summary(doc, f);

    subheading(doc, "Sorties par catégorie");
    let by_category = f
        .exits
        .iter()
        .map(|(c, n)| (format!("{}. {}", c.number(), c.label()), *n));
    doc.table(&count_table("Catégorie", by_category));
    if !f.exit_outcomes.is_empty() {
        subheading(doc, "Sorties par situation");
        let by_outcome = f.exit_outcomes.iter().map(|(label, n)| (label.clone(), *n));
        doc.table(&count_table("Situation à la sortie", by_outcome));
    }

    let total = (f.people_followed, f.hours, f.fte);
    subheading(doc, "Par genre");
    doc.table(&group_table("Genre", &f.by_gender, total));
    subheading(doc, "Par tranche d'âge");
    doc.table(&group_table("Tranche d'âge", &f.by_age, total));

    trainings(doc, f);
    follow_ups(doc, f);
    fse_indicators(doc, f);
}

/// Trainings started and immersions (PMSMP).
fn trainings(doc: &mut Document, f: &InsertionFigures) {
    subheading(doc, "Formations et immersions");
    let mut t = indicators([
        ("Formations commencées", format_count(f.trainings)),
        ("dont qualifiantes", format_count(f.qualifying_trainings)),
        ("Heures de formation", format_fixed(f.training_hours, 1)),
        ("Personnes formées", format_count(f.trained_people)),
    ]);
    for (label, n) in &f.immersions {
        t.push(Row::new([
            format!("Immersions (PMSMP) : {label}"),
            format_count(n),
        ]));
    }
    let immersions: i64 = f.immersions.iter().map(|(_, n)| n).sum();
    t.push(
        Row::new([
            "Total des immersions (PMSMP)".to_string(),
            format_count(immersions),
        ])
        .bold(),
    );
    doc.table(&t);
}

/// Follow-up interviews per theme.
fn follow_ups(doc: &mut Document, f: &InsertionFigures) {
    subheading(doc, "Accompagnement : entretiens par thème");
    let mut t = table(vec![
        Column::fraction("Thème", 1.0),
        Column::mm("Entretiens", 30.0).right(),
    ]);
    for (theme, n) in &f.themes {
        t.push(Row::new([theme.clone(), format_count(n)]));
    }
    t.push(
        Row::new([
            format!(
                "Total des entretiens ({} h)",
                format_fixed(f.follow_up_hours, 1)
            ),
            format_count(f.follow_ups),
        ])
        .bold(),
    );
    doc.table(&t);
    note(
        doc,
        "Un entretien qui aborde plusieurs thèmes compte dans chacun.",
    );
}

/// The FSE+ indicators at entry, exit and six months after.
fn fse_indicators(doc: &mut Document, f: &InsertionFigures) {
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
            format_count(l.entry),
            format_count(l.exit),
            format_count(l.six_months),
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

/// A two-column table of exits ("what", count) closed by a bold total.
fn count_table(what: &str, rows: impl Iterator<Item = (String, i64)>) -> Table {
    let mut t = table(vec![
        Column::fraction(what, 1.0),
        Column::mm("Sorties", 28.0).right(),
    ]);
    let mut total = 0;
    for (label, n) in rows {
        total += n;
        t.push(Row::new([label, format_count(n)]));
    }
    t.push(Row::new(["Total".to_string(), total.to_string()]).bold());
    t
}
