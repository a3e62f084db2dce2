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
