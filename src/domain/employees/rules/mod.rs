//! The insertion rules, as French warnings: the office may always save anyway.
//!
//! Durations in months are calendar months, as a fraction: whole months first (a month
//! from the 15th runs to the 14th of the next month included; from a day the target month
//! lacks, such as 31 January or 29 February, it runs to the last day of the target month),
//! then the leftover days as a share of the next month's length. So 1 January 2023 to
//! 31 December 2024 is exactly 24 months, and 29 February 2024 to 28 February 2025 exactly 12.

use chrono::{Datelike, Months, NaiveDate};

use super::{Approval, ApprovalChangeKind, Contract, Employee, Immersion, age_on};
use crate::domain::calendar::format_date;

/// Tolerance when comparing month counts with a limit.
const EPSILON: f64 = 1e-9;

/// Days before the end of a PASS IAE from which it is flagged.
pub const APPROVAL_NOTICE_DAYS: i64 = 60;

/// The first day after `months` calendar months counted from `start` (see the module note).
pub(super) fn months_later(start: NaiveDate, months: u32) -> NaiveDate {
    match start.checked_add_months(Months::new(months)) {
        // The target month lacks that day: the period runs to its last day included.
        Some(date) if date.day() != start.day() => date.succ_opt().unwrap_or(NaiveDate::MAX),
        Some(date) => date,
        None => NaiveDate::MAX,
    }
}

/// Calendar months from `start` (included) to `end_exclusive` (excluded), as a fraction;
/// 0 when the period is empty.
pub fn months_between(start: NaiveDate, end_exclusive: NaiveDate) -> f64 {
    if end_exclusive <= start {
        return 0.0;
    }
    let rough = (end_exclusive.year() - start.year()) * 12 + end_exclusive.month() as i32
        - start.month() as i32;
    let mut whole = rough.max(0) as u32;
    while whole > 0 && months_later(start, whole) > end_exclusive {
        whole -= 1;
    }
    while months_later(start, whole + 1) <= end_exclusive {
        whole += 1;
    }
    let anchor = months_later(start, whole);
    let next = months_later(start, whole + 1);
    let left = (end_exclusive - anchor).num_days() as f64;
    let span = (next - anchor).num_days().max(1) as f64;
    f64::from(whole) + left / span
}

/// Calendar months from `start` to `end`, both included.
pub fn months_inclusive(start: NaiveDate, end: NaiveDate) -> f64 {
    months_between(start, end.succ_opt().unwrap_or(NaiveDate::MAX))
}

/// Months covered by the periods (both ends included), overlaps and touching periods merged.
fn covered_months(mut periods: Vec<(NaiveDate, NaiveDate)>) -> f64 {
    periods.retain(|(start, end)| end >= start);
    periods.sort();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (start, end) in periods {
        match merged.last_mut() {
            Some(last) if start <= last.1.succ_opt().unwrap_or(NaiveDate::MAX) => {
                last.1 = last.1.max(end);
            }
            _ => merged.push((start, end)),
        }
    }
    merged
        .iter()
        .map(|(start, end)| months_inclusive(*start, *end))
        .sum()
}

/// Months already worked under these contracts on `today` (today included): each contract
/// counts from its start to its end (actual, else planned) or to `today` if sooner; periods
/// that overlap or follow each other are merged before counting.
pub fn cumulative_months(contracts: &[Contract], today: NaiveDate) -> f64 {
    covered_months(
        contracts
            .iter()
            .map(|c| (c.start_date, c.end().min(today)))
            .collect(),
    )
}

/// Months these contracts cover from start to end (actual, else planned), merged as in
/// [`cumulative_months`]: the total the 24-month rule looks at.
pub fn planned_cumulative_months(contracts: &[Contract]) -> f64 {
    covered_months(contracts.iter().map(|c| (c.start_date, c.end())).collect())
}

/// "3,5 mois", "4 mois", "0 mois" (never "-0": an empty sum of months is -0.0).
pub fn format_months(months: f64) -> String {
    format!("{} mois", crate::domain::numbers::format_number(months, 1))
}

/// "19,5 h".
fn format_hours(hours: f64) -> String {
    format!("{} h", crate::domain::numbers::format_number(hours, 2))
}

/// Warnings about a CDDI being saved. `all_contracts_of_employee` may or may not contain
/// `contract` itself (an edited contract replaces its stored version, matched by id).
pub fn contract_warnings(
    contract: &Contract,
    all_contracts_of_employee: &[Contract],
    employee: &Employee,
) -> Vec<String> {
    let mut warnings = Vec::new();
    if contract.planned_end < contract.start_date {
        warnings.push("La fin prévue du contrat est avant son début.".to_owned());
        return warnings;
    }
    let months = months_inclusive(contract.start_date, contract.planned_end);
    if months < 4.0 - EPSILON && !employee.court_measure {
        warnings.push(format!(
            "Contrat de {} : un CDDI dure au moins 4 mois, sauf pour une personne sous main \
             de justice.",
            format_months(months)
        ));
    }
    if contract.weekly_hours < 20.0 {
        warnings.push(format!(
            "{} par semaine : moins de 20 h, seulement pour des difficultés \
             particulièrement importantes, à justifier.",
            format_hours(contract.weekly_hours)
        ));
    } else if contract.weekly_hours > 35.0 {
        warnings.push(format!(
            "{} par semaine : un CDDI compte au plus 35 h par semaine.",
            format_hours(contract.weekly_hours)
        ));
    }
    let mut contracts: Vec<Contract> = all_contracts_of_employee
        .iter()
        .filter(|c| contract.id == 0 || c.id != contract.id)
        .cloned()
        .collect();
    contracts.push(contract.clone());
    let total = planned_cumulative_months(&contracts);
    if total > 24.0 + EPSILON {
        let mut text = format!(
            "Durée cumulée des contrats : {}, au-delà des 24 mois autorisés. Dépassement \
             possible seulement pour une personne de 50 ans et plus, un travailleur handicapé \
             (RQTH) ou pour achever une formation.",
            format_months(total)
        );
        if employee
            .birth_date
            .is_some_and(|b| age_on(b, contract.start_date) >= 50)
        {
            text.push_str(" Ce salarié a 50 ans ou plus.");
        }
        if employee.rqth {
            text.push_str(" Ce salarié a une RQTH.");
        }
        warnings.push(text);
    }
    warnings
}

/// Whether `number` looks like a PASS IAE number: 12 letters or digits, spaces ignored.
pub fn pass_number_valid(number: &str) -> bool {
    let mut count = 0;
    for c in number.chars().filter(|c| !c.is_whitespace()) {
        if !c.is_ascii_alphanumeric() {
            return false;
        }
        count += 1;
    }
    count == 12
}

/// Warnings about a PASS IAE on `today`: a malformed number, an end within 60 days or
/// past (changes applied), suspensions over 36 months, prolongations over 12 months.
pub fn approval_warnings(approval: &Approval, today: NaiveDate) -> Vec<String> {
    let mut warnings = Vec::new();
    if !pass_number_valid(&approval.number) {
        warnings.push(
            "Le numéro de PASS IAE doit compter 12 caractères, lettres ou chiffres (espaces \
             non comptés)."
                .to_owned(),
        );
    }
    if approval.end_date < approval.start_date {
        warnings.push("La fin du PASS IAE est avant son début.".to_owned());
    }
    for change in &approval.changes {
        if change.end_date < change.start_date {
            warnings.push(format!(
                "{} du {} au {} : la fin est avant le début.",
                change.kind.label(),
                format_date(change.start_date),
                format_date(change.end_date)
            ));
        }
    }
    let end = approval.effective_end();
    let days_left = (end - today).num_days();
    if days_left < 0 {
        warnings.push(format!("Le PASS IAE a expiré le {}.", format_date(end)));
    } else if days_left <= APPROVAL_NOTICE_DAYS {
        let when = match days_left {
            0 => "aujourd'hui".to_owned(),
            1 => "demain".to_owned(),
            n => format!("dans {n} jours"),
        };
        warnings.push(format!(
            "Le PASS IAE prend fin le {} ({when}) : pensez à demander une prolongation si \
             besoin.",
            format_date(end)
        ));
    }
    let suspended: f64 = approval
        .changes
        .iter()
        .filter(|c| c.kind == ApprovalChangeKind::Suspension)
        .map(|c| months_inclusive(c.start_date, c.end_date))
        .sum();
    if suspended > 36.0 + EPSILON {
        warnings.push(format!(
            "Suspensions cumulées : {}, au-delà du maximum de 36 mois.",
            format_months(suspended)
        ));
    }
    for change in &approval.changes {
        if change.kind == ApprovalChangeKind::Prolongation
            && months_inclusive(change.start_date, change.end_date) > 12.0 + EPSILON
        {
            warnings.push(format!(
                "Prolongation du {} au {} : une demande couvre 12 mois au plus.",
                format_date(change.start_date),
                format_date(change.end_date)
            ));
        }
    }
    warnings
}

/// Warnings about a PMSMP: dates in the wrong order, longer than one month.
pub fn immersion_warnings(immersion: &Immersion) -> Vec<String> {
    let mut warnings = Vec::new();
    if immersion.end_date < immersion.start_date {
        warnings.push("La fin de l'immersion est avant son début.".to_owned());
    } else if months_inclusive(immersion.start_date, immersion.end_date) > 1.0 + EPSILON {
        warnings.push(format!(
            "Immersion du {} au {} : une PMSMP dure un mois au plus.",
            format_date(immersion.start_date),
            format_date(immersion.end_date)
        ));
    }
    warnings
}

#[cfg(test)]
mod tests;
