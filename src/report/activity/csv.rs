//! The activity report's figures as CSV files, one per section, for funders' spreadsheets.

use crate::domain::activity::{
    ActivityFigures, BasketFigures, InsertionFigures, ProductionFigures, WorkshopFigures,
};
use crate::domain::calendar::month_name;
use crate::domain::csv::to_csv;

/// A decimal number for a French spreadsheet: decimal comma, no thousands separator.
fn num(value: f64, decimals: usize) -> String {
    crate::domain::numbers::format_plain(value, decimals)
}

/// Money in euros with a decimal comma ("12,50").
fn euros(cents: i64) -> String {
    num(cents as f64 / 100.0, 2)
}

fn line(parts: &[&str], value: String) -> Vec<String> {
    let mut row: Vec<String> = parts.iter().map(|p| (*p).to_string()).collect();
    row.push(value);
    row
}

/// The CSV files of the chosen sections: (file name, bytes), e.g. `bilan-insertion.csv`.
/// Each file has the columns « Rubrique ; Indicateur ; Valeur ».
pub fn csv_files(figures: &ActivityFigures) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let headers = ["Rubrique", "Indicateur", "Valeur"];
    if let Some(f) = &figures.insertion {
        files.push((
            "bilan-insertion.csv".to_string(),
            to_csv(&headers, &insertion_rows(f)),
        ));
    }
    if let Some(f) = &figures.production {
        files.push((
            "bilan-production.csv".to_string(),
            to_csv(&headers, &production_rows(f)),
        ));
    }
    if let Some(f) = &figures.baskets {
        files.push((
            "bilan-paniers.csv".to_string(),
            to_csv(&headers, &basket_rows(f)),
        ));
    }
    if let Some(f) = &figures.workshops {
        files.push((
            "bilan-ateliers.csv".to_string(),
            to_csv(&headers, &workshop_rows(f)),
        ));
    }
    files
}

fn insertion_rows(f: &InsertionFigures) -> Vec<Vec<String>> {
    let mut rows = vec![
        line(
            &["Synthèse", "Personnes suivies"],
            f.people_followed.to_string(),
        ),
        line(&["Synthèse", "Entrées"], f.entries.to_string()),
        line(&["Synthèse", "Sorties"], f.exit_total().to_string()),
        line(
            &["Synthèse", "Taux de sorties dynamiques (%)"],
            f.dynamic_exit_rate
                .map_or(String::new(), |r| num(r * 100.0, 1)),
        ),
        line(&["Synthèse", "Heures sous contrat"], num(f.hours, 1)),
        line(&["Synthèse", "ETP"], num(f.fte, 2)),
    ];
    if let Some(worked) = f.worked_hours {
        rows.push(line(
            &["Synthèse", "Heures travaillées (paie)"],
            num(worked, 1),
        ));
        rows.push(line(
            &["Synthèse", "Mois-personne d'après la paie"],
            f.payroll_months.to_string(),
        ));
    }
    if let (Some(hours), Some(fte)) = (f.planned_hours, f.planned_fte) {
        rows.push(line(
            &[
                "Prévisionnel",
                "Heures sous contrat prévues après aujourd'hui",
            ],
            num(hours, 1),
        ));
        rows.push(line(
            &["Prévisionnel", "ETP sur toute la période"],
            num(fte, 2),
        ));
    }
    rows.extend(detail_rows(f));
    rows
}

/// Exits, groups, trainings, follow-ups and FSE+ lines of the insertion file.
fn detail_rows(f: &InsertionFigures) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (c, n) in &f.exits {
        rows.push(line(&["Sorties par catégorie", c.label()], n.to_string()));
    }
    for (label, n) in &f.exit_outcomes {
        rows.push(line(&["Sorties par situation", label], n.to_string()));
    }
    for (group, lines) in [("Genre", &f.by_gender), ("Tranche d'âge", &f.by_age)] {
        for l in lines {
            let personnes = format!("{group} : personnes");
            let heures = format!("{group} : heures");
            let etp = format!("{group} : ETP");
            rows.push(line(&[&personnes, &l.label], l.people.to_string()));
            rows.push(line(&[&heures, &l.label], num(l.hours, 1)));
            rows.push(line(&[&etp, &l.label], num(l.fte, 2)));
        }
    }
    rows.push(line(
        &["Formations", "Formations commencées"],
        f.trainings.to_string(),
    ));
    rows.push(line(
        &["Formations", "dont qualifiantes"],
        f.qualifying_trainings.to_string(),
    ));
    rows.push(line(&["Formations", "Heures"], num(f.training_hours, 1)));
    rows.push(line(
        &["Formations", "Personnes formées"],
        f.trained_people.to_string(),
    ));
    for (label, n) in &f.immersions {
        rows.push(line(&["Immersions (PMSMP)", label], n.to_string()));
    }
    rows.push(line(&["Entretiens", "Total"], f.follow_ups.to_string()));
    rows.push(line(&["Entretiens", "Heures"], num(f.follow_up_hours, 1)));
    for (theme, n) in &f.themes {
        rows.push(line(&["Entretiens par thème", theme], n.to_string()));
    }
    for l in &f.fse {
        rows.push(line(&["FSE+ entrée", &l.label], l.entry.to_string()));
        rows.push(line(&["FSE+ sortie", &l.label], l.exit.to_string()));
        rows.push(line(&["FSE+ 6 mois", &l.label], l.six_months.to_string()));
    }
    rows
}

fn production_rows(f: &ProductionFigures) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (crop, kg) in &f.by_crop {
        rows.push(line(&["kg par légume", crop], num(*kg, 2)));
    }
    for ((year, month), kg) in &f.by_month {
        let label = format!("{} {year}", month_name(*month));
        rows.push(line(&["kg par mois", &label], num(*kg, 2)));
    }
    for (dest, kg) in &f.by_destination {
        rows.push(line(&["kg par destination", dest], num(*kg, 2)));
    }
    rows.push(line(&["Total", "kg"], num(f.total_kg(), 2)));
    rows.push(line(
        &["Total", "Lignes sans conversion en kg"],
        f.unconverted_lines.to_string(),
    ));
    rows
}

fn basket_rows(f: &BasketFigures) -> Vec<Vec<String>> {
    let mut rows = vec![
        line(&["Synthèse", "Paniers livrés"], f.total().to_string()),
        line(
            &["Synthèse", "Foyers adhérents livrés"],
            f.households.to_string(),
        ),
        line(
            &["Synthèse", "Foyers Paniers Solidaires"],
            f.solidarity_households.to_string(),
        ),
        line(
            &["Synthèse", "Paniers solidaires livrés"],
            f.solidarity_baskets.to_string(),
        ),
        line(
            &["Synthèse", "Valeur des paniers solidaires (€)"],
            euros(f.solidarity_value),
        ),
        line(
            &["Synthèse", "Payé par les foyers solidaires (€)"],
            euros(f.households_paid),
        ),
        line(&["Synthèse", "Reste non financé (€)"], euros(f.unfunded)),
        line(
            &["Synthèse", "Paniers prévus non émargés (non comptés)"],
            f.unticked_baskets.to_string(),
        ),
        line(
            &["Recettes", "Paniers facturés aux foyers (€)"],
            euros(f.basket_revenue),
        ),
        line(
            &["Recettes", "Adhésions payées (€)"],
            euros(f.membership_revenue),
        ),
        line(
            &["Recettes", "Frais moins avoirs (€)"],
            euros(f.adjustments),
        ),
        line(
            &["Recettes", "Part des financeurs (€)"],
            euros(f.funders_revenue()),
        ),
        line(&["Recettes", "Total (€)"], euros(f.total_revenue())),
    ];
    for (size, n) in &f.by_size {
        rows.push(line(&["Paniers par format", size], n.to_string()));
    }
    for (depot, n) in &f.by_depot {
        rows.push(line(&["Paniers par dépôt", depot], n.to_string()));
    }
    for l in &f.funders {
        rows.push(line(
            &["Financeur : foyers", &l.funder],
            l.households.to_string(),
        ));
        rows.push(line(
            &["Financeur : paniers", &l.funder],
            l.baskets.to_string(),
        ));
        rows.push(line(&["Financeur : valeur (€)", &l.funder], euros(l.value)));
        rows.push(line(&["Financeur : payé (€)", &l.funder], euros(l.owed)));
    }
    rows
}

fn workshop_rows(f: &WorkshopFigures) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for l in f.by_type.iter().chain(std::iter::once(&f.total)) {
        rows.push(line(&["Séances", &l.label], l.sessions.to_string()));
        rows.push(line(
            &["Participants distincts", &l.label],
            l.participants.to_string(),
        ));
        rows.push(line(&["Présences", &l.label], l.attendances.to_string()));
        rows.push(line(&["Heures", &l.label], num(l.hours, 1)));
    }
    if let Some(planned) = f.planned_sessions {
        rows.push(line(
            &["Prévisionnel", "Séances prévues après aujourd'hui"],
            planned.to_string(),
        ));
    }
    rows
}
