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

/// "3,5 mois", "4 mois".
fn format_months(months: f64) -> String {
    let rounded = (months * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < EPSILON {
        format!("{rounded:.0} mois")
    } else {
        format!("{rounded:.1} mois").replace('.', ",")
    }
}

/// "19,5 h".
fn format_hours(hours: f64) -> String {
    let text = format!("{hours}").replace('.', ",");
    format!("{text} h")
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
mod tests {
    use super::*;
    use crate::domain::employees::{ApprovalChange, Gender, ImmersionObjective};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn contract(id: i64, start: &str, end: &str, hours: f64) -> Contract {
        Contract {
            id,
            employee_id: 1,
            renewal_of: None,
            start_date: d(start),
            planned_end: d(end),
            actual_end: None,
            weekly_hours: hours,
            post: "Maraîchage".to_owned(),
        }
    }

    fn employee() -> Employee {
        let mut employee = Employee::new("Jeanne", "Martin", Gender::Female, d("2023-01-02"));
        employee.birth_date = Some(d("1990-05-04"));
        employee
    }

    fn approval(end: &str, changes: Vec<ApprovalChange>) -> Approval {
        Approval {
            id: 1,
            employee_id: 1,
            number: "99999 23 12345".to_owned(),
            start_date: d("2023-01-02"),
            end_date: d(end),
            changes,
        }
    }

    fn change(kind: ApprovalChangeKind, start: &str, end: &str) -> ApprovalChange {
        ApprovalChange {
            id: 0,
            approval_id: 1,
            kind,
            start_date: d(start),
            end_date: d(end),
            reason: String::new(),
        }
    }

    fn immersion(start: &str, end: &str) -> Immersion {
        Immersion {
            id: 0,
            employee_id: 1,
            host_name: "Ferme du Vallon".to_owned(),
            host_siret: String::new(),
            tutor: String::new(),
            start_date: d(start),
            end_date: d(end),
            objective: ImmersionObjective::Discover,
            outcome: String::new(),
        }
    }

    #[test]
    fn calendar_months() {
        assert_eq!(months_inclusive(d("2023-01-01"), d("2024-12-31")), 24.0);
        assert_eq!(months_inclusive(d("2024-02-29"), d("2025-02-28")), 12.0);
        assert_eq!(months_inclusive(d("2023-10-31"), d("2024-02-29")), 4.0);
        assert_eq!(months_inclusive(d("2023-11-15"), d("2024-03-14")), 4.0);
        assert_eq!(months_inclusive(d("2024-01-15"), d("2024-01-14")), 0.0);
        // One month and 15 of the 30 days from 15 April to 14 May.
        assert_eq!(months_inclusive(d("2024-03-15"), d("2024-04-29")), 1.5);
    }

    #[test]
    fn contract_of_four_months_across_new_year_is_fine() {
        let c = contract(1, "2023-11-15", "2024-03-14", 26.0);
        assert!(contract_warnings(&c, &[], &employee()).is_empty());
        let short = contract(1, "2023-11-15", "2024-03-13", 26.0);
        let warnings = contract_warnings(&short, &[], &employee());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("au moins 4 mois"), "{warnings:?}");
    }

    #[test]
    fn contract_ending_on_29_february() {
        let c = contract(1, "2023-10-31", "2024-02-29", 26.0);
        assert!(contract_warnings(&c, &[], &employee()).is_empty());
        let c = contract(1, "2023-10-31", "2024-02-28", 26.0);
        assert_eq!(contract_warnings(&c, &[], &employee()).len(), 1);
    }

    #[test]
    fn short_contract_allowed_under_court_measure() {
        let c = contract(1, "2024-01-01", "2024-02-29", 26.0);
        assert_eq!(contract_warnings(&c, &[], &employee()).len(), 1);
        let mut under_measure = employee();
        under_measure.court_measure = true;
        assert!(contract_warnings(&c, &[], &under_measure).is_empty());
    }

    #[test]
    fn weekly_hours_between_20_and_35() {
        for (hours, warned) in [(19.5, true), (20.0, false), (35.0, false), (36.0, true)] {
            let c = contract(1, "2024-01-01", "2024-06-30", hours);
            let warnings = contract_warnings(&c, &[], &employee());
            assert_eq!(warnings.len(), usize::from(warned), "{hours}: {warnings:?}");
        }
        let c = contract(1, "2024-01-01", "2024-06-30", 19.5);
        assert!(contract_warnings(&c, &[], &employee())[0].starts_with("19,5 h par semaine"));
    }

    #[test]
    fn cumulated_duration_over_24_months() {
        let first = contract(1, "2022-01-01", "2022-12-31", 26.0);
        let second = contract(2, "2023-01-01", "2023-12-31", 26.0);
        let all = vec![first.clone(), second.clone()];
        // Exactly 24 months: fine.
        assert!(contract_warnings(&second, &all, &employee()).is_empty());
        let third = contract(0, "2024-01-01", "2024-04-30", 26.0);
        let warnings = contract_warnings(&third, &all, &employee());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("28 mois"), "{warnings:?}");
        assert!(warnings[0].contains("50 ans"), "{warnings:?}");
        assert!(!warnings[0].contains("Ce salarié"), "{warnings:?}");

        let mut senior = employee();
        senior.birth_date = Some(d("1973-12-31"));
        senior.rqth = true;
        let warnings = contract_warnings(&third, &all, &senior);
        assert!(
            warnings[0].contains("Ce salarié a 50 ans ou plus."),
            "{warnings:?}"
        );
        assert!(
            warnings[0].contains("Ce salarié a une RQTH."),
            "{warnings:?}"
        );
    }

    #[test]
    fn edited_contract_replaces_its_stored_version() {
        let stored = contract(1, "2022-01-01", "2024-06-30", 26.0);
        let edited = contract(1, "2022-01-01", "2022-12-31", 26.0);
        assert!(contract_warnings(&edited, &[stored], &employee()).is_empty());
    }

    #[test]
    fn cumulative_months_stops_today_and_merges_renewals() {
        let mut first = contract(1, "2023-11-01", "2024-02-29", 26.0);
        first.actual_end = Some(d("2024-01-31"));
        let renewal = contract(2, "2024-02-01", "2024-07-31", 26.0);
        let contracts = [first, renewal];
        assert_eq!(cumulative_months(&contracts, d("2024-03-31")), 5.0);
        assert_eq!(cumulative_months(&contracts, d("2030-01-01")), 9.0);
        assert_eq!(cumulative_months(&contracts, d("2023-01-01")), 0.0);
        assert_eq!(planned_cumulative_months(&contracts), 9.0);
        // Overlapping contracts are not counted twice.
        let overlapping = [
            contract(1, "2024-01-01", "2024-06-30", 26.0),
            contract(2, "2024-04-01", "2024-12-31", 26.0),
        ];
        assert_eq!(planned_cumulative_months(&overlapping), 12.0);
    }

    #[test]
    fn pass_numbers() {
        assert!(pass_number_valid("999992312345"));
        assert!(pass_number_valid("99999 23 12345"));
        assert!(pass_number_valid("XXXXX2312345"));
        assert!(!pass_number_valid("99999231234"));
        assert!(!pass_number_valid("9999923123456"));
        assert!(!pass_number_valid("99999-2312345"));
        assert!(!pass_number_valid("99999231234é"));
        assert!(!pass_number_valid(""));
    }

    #[test]
    fn effective_end_adds_suspensions_and_prolongations() {
        let a = approval(
            "2025-12-31",
            vec![
                change(ApprovalChangeKind::Suspension, "2025-03-01", "2025-03-10"),
                change(ApprovalChangeKind::Prolongation, "2026-01-01", "2026-03-31"),
            ],
        );
        assert_eq!(a.effective_end(), d("2026-04-10"));
        // A suspension across 29 February counts that day.
        let leap = approval(
            "2024-12-31",
            vec![change(
                ApprovalChangeKind::Suspension,
                "2024-02-28",
                "2024-03-01",
            )],
        );
        assert_eq!(leap.effective_end(), d("2025-01-03"));
        assert_eq!(Approval::default_end(d("2024-02-29")), d("2026-02-28"));
        assert_eq!(Approval::default_end(d("2024-03-01")), d("2026-02-28"));
        assert_eq!(Approval::default_end(d("2023-01-02")), d("2025-01-01"));
    }

    #[test]
    fn approval_ending_soon_or_expired() {
        let today = d("2024-12-15");
        let a = approval("2025-01-14", vec![]);
        let warnings = approval_warnings(&a, today);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("14/01/2025 (dans 30 jours)"),
            "{warnings:?}"
        );
        assert!(approval_warnings(&approval("2025-02-14", vec![]), today).is_empty());
        assert_eq!(
            approval_warnings(&approval("2025-02-13", vec![]), today).len(),
            1
        );
        let expired = approval_warnings(&approval("2024-12-14", vec![]), today);
        assert_eq!(
            expired,
            vec!["Le PASS IAE a expiré le 14/12/2024.".to_owned()]
        );
        // A suspension pushes the end out of the notice window.
        let suspended = approval(
            "2025-01-14",
            vec![change(
                ApprovalChangeKind::Suspension,
                "2024-03-01",
                "2024-04-30",
            )],
        );
        assert!(approval_warnings(&suspended, today).is_empty());
    }

    #[test]
    fn approval_suspensions_and_prolongations_limits() {
        let today = d("2024-01-01");
        let ok = approval(
            "2030-12-31",
            vec![
                change(ApprovalChangeKind::Suspension, "2024-02-29", "2025-02-28"),
                change(ApprovalChangeKind::Suspension, "2025-03-01", "2027-02-28"),
            ],
        );
        assert!(approval_warnings(&ok, today).is_empty());
        let mut too_long = ok.clone();
        too_long.changes.push(change(
            ApprovalChangeKind::Suspension,
            "2028-01-01",
            "2028-01-01",
        ));
        let warnings = approval_warnings(&too_long, today);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("36 mois"), "{warnings:?}");

        let prolonged = approval(
            "2030-12-31",
            vec![change(
                ApprovalChangeKind::Prolongation,
                "2031-01-01",
                "2032-01-01",
            )],
        );
        let warnings = approval_warnings(&prolonged, today);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("12 mois au plus"), "{warnings:?}");

        let mut bad_number = approval("2030-12-31", vec![]);
        bad_number.number = "12345".to_owned();
        assert!(approval_warnings(&bad_number, today)[0].contains("12 caractères"));
    }

    #[test]
    fn immersion_of_at_most_one_month() {
        assert!(immersion_warnings(&immersion("2024-01-31", "2024-02-29")).is_empty());
        assert_eq!(
            immersion_warnings(&immersion("2024-01-31", "2024-03-01")).len(),
            1
        );
        assert!(immersion_warnings(&immersion("2024-12-15", "2025-01-14")).is_empty());
        let warnings = immersion_warnings(&immersion("2024-12-15", "2025-01-15"));
        assert_eq!(
            warnings,
            vec!["Immersion du 15/12/2024 au 15/01/2025 : une PMSMP dure un mois au plus."]
        );
        assert_eq!(
            immersion_warnings(&immersion("2024-02-10", "2024-02-01")),
            vec!["La fin de l'immersion est avant son début."]
        );
    }
}
