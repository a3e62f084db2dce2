//! Warnings about a person's path that the office must see on their file and on Accueil:
//! a contract running past the PASS IAE, the 24-month cap reached or passed, an exit category
//! that contradicts the job found.

use chrono::NaiveDate;

use super::{
    AlertKind, Approval, Contract, EmployeeAlert, Exit, cumulative_months, exit_category_warning,
};
use crate::domain::calendar::format_date;

/// The day the contracts, as signed (actual end, else planned), reach 24 months in total
/// (overlaps counted once): `None` when they stay under 24 months.
pub fn cap_reached_on(contracts: &[Contract]) -> Option<NaiveDate> {
    let first = contracts.iter().map(|c| c.start_date).min()?;
    let last = contracts.iter().map(Contract::end).max()?;
    let reached = |day: NaiveDate| cumulative_months(contracts, day) >= 24.0 - 1e-9;
    if !reached(last) {
        return None;
    }
    // Months covered grow with the day: the first day reaching 24 is found by halving.
    let (mut low, mut high) = (first, last);
    while low < high {
        let middle = low + (high - low) / 2;
        if reached(middle) {
            high = middle;
        } else {
            low = middle.succ_opt()?;
        }
    }
    Some(low)
}

/// The last day of the latest PASS IAE (suspensions and prolongations included), if any.
fn pass_end(approvals: &[Approval]) -> Option<NaiveDate> {
    approvals
        .iter()
        .max_by_key(|a| a.start_date)
        .map(Approval::effective_end)
}

/// A warning when `contract` runs past the end of the latest PASS IAE.
pub fn contract_pass_warning(contract: &Contract, approvals: &[Approval]) -> Option<String> {
    let end = pass_end(approvals)?;
    (contract.end() > end).then(|| {
        format!(
            "Le contrat va jusqu'au {}, après la fin du PASS IAE le {} : demandez une \
             prolongation du PASS ou arrêtez le contrat à cette date.",
            format_date(contract.end()),
            format_date(end)
        )
    })
}

/// Path warnings as alerts, for someone still on a path on `today`: a current or future
/// contract running past the PASS IAE (dated at the PASS end), the 24-month cap passed
/// (dated the day it was reached).
pub fn path_alerts(
    employee_id: i64,
    name: &str,
    contracts: &[Contract],
    approvals: &[Approval],
    today: NaiveDate,
) -> Vec<EmployeeAlert> {
    let alert = |kind, date| EmployeeAlert {
        employee_id,
        name: name.to_owned(),
        kind,
        date,
    };
    let mut alerts = Vec::new();
    if let Some(end) = pass_end(approvals)
        && contracts.iter().any(|c| c.end() >= today && c.end() > end)
    {
        alerts.push(alert(AlertKind::ContractBeyondPass, end));
    }
    if let Some(reached) = cap_reached_on(contracts).filter(|d| *d <= today) {
        alerts.push(alert(AlertKind::CapReached, reached));
    }
    alerts
}

/// An alert when `exit`'s category contradicts the job found (dated the exit day).
pub fn exit_alert(employee_id: i64, name: &str, exit: &Exit) -> Option<EmployeeAlert> {
    exit_category_warning(exit.category, exit.outcome, exit.outcome_months).map(|_| EmployeeAlert {
        employee_id,
        name: name.to_owned(),
        kind: AlertKind::ExitCategoryMismatch,
        date: exit.date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::employees::{ExitCategory, ExitOutcome};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn contract(start: &str, end: &str) -> Contract {
        Contract {
            id: 0,
            employee_id: 1,
            renewal_of: None,
            start_date: d(start),
            planned_end: d(end),
            actual_end: None,
            weekly_hours: 26.0,
            post: String::new(),
        }
    }

    fn approval(start: &str, end: &str) -> Approval {
        Approval {
            id: 1,
            employee_id: 1,
            number: "999992312345".into(),
            start_date: d(start),
            end_date: d(end),
            changes: vec![],
        }
    }

    #[test]
    fn the_cap_is_reached_on_the_last_day_of_the_24th_month() {
        // 1 January 2024 – 31 December 2025 is exactly 24 months: reached on 31 December
        // 2025; a renewal from 1 January 2026 to 30 June 2026 takes the total to 30.
        let contracts = [
            contract("2024-01-01", "2025-12-31"),
            contract("2026-01-01", "2026-06-30"),
        ];
        assert_eq!(cap_reached_on(&contracts), Some(d("2025-12-31")));
        // 23 months: not reached.
        assert_eq!(
            cap_reached_on(&[contract("2024-01-01", "2025-11-30")]),
            None
        );
        // Two overlapping contracts of 12 months from the same day count 12, not 24.
        let overlapping = [
            contract("2024-01-01", "2024-12-31"),
            contract("2024-01-01", "2024-12-31"),
        ];
        assert_eq!(cap_reached_on(&overlapping), None);
    }

    #[test]
    fn a_person_at_25_months_is_flagged_today() {
        // Today 1 February 2026: 24 months (2024–2025) + 1 month of the renewal = 25.
        let contracts = [
            contract("2024-01-01", "2025-12-31"),
            contract("2026-01-01", "2026-06-30"),
        ];
        let alerts = path_alerts(1, "Zoé LEFÈVRE", &contracts, &[], d("2026-02-01"));
        assert_eq!(alerts.len(), 1);
        assert_eq!(
            (alerts[0].kind, alerts[0].date),
            (AlertKind::CapReached, d("2025-12-31"))
        );
        assert!(alerts[0].message().contains("a dépassé 24 mois"));
        // Before the cap is reached, nothing from here (the 3-month notice is elsewhere).
        assert!(path_alerts(1, "Z", &contracts, &[], d("2025-06-01")).is_empty());
    }

    #[test]
    fn a_contract_past_the_pass_end_is_flagged() {
        // PASS 1 March 2025 – 28 February 2027; contract to 30 June 2027: 4 months past.
        let approvals = [approval("2025-03-01", "2027-02-28")];
        let c = contract("2026-07-01", "2027-06-30");
        let warning = contract_pass_warning(&c, &approvals).unwrap();
        assert!(
            warning.contains("30/06/2027") && warning.contains("28/02/2027"),
            "{warning}"
        );
        let alerts = path_alerts(
            1,
            "Z",
            std::slice::from_ref(&c),
            &approvals,
            d("2026-07-01"),
        );
        assert_eq!(
            (alerts[0].kind, alerts[0].date),
            (AlertKind::ContractBeyondPass, d("2027-02-28"))
        );
        // A contract ending with the PASS, or no PASS at all: nothing to say.
        let within = contract("2026-07-01", "2027-02-28");
        assert_eq!(contract_pass_warning(&within, &approvals), None);
        assert_eq!(contract_pass_warning(&c, &[]), None);
        // A past contract that ran past an old PASS is history, not an alert.
        assert!(path_alerts(1, "Z", &[c], &approvals, d("2027-08-01")).is_empty());
    }

    #[test]
    fn a_contract_not_started_yet_has_done_0_months_not_minus_0() {
        // Nothing worked yet: the months done are an empty sum (-0.0 in Rust), printed "0".
        let months = cumulative_months(&[contract("2026-09-01", "2027-02-28")], d("2026-08-01"));
        assert_eq!(crate::domain::employees::format_months(months), "0 mois");
        assert_eq!(crate::domain::employees::format_months(-0.0), "0 mois");
    }

    #[test]
    fn an_exit_contradicting_its_job_is_an_alert() {
        let mut exit = Exit {
            employee_id: 1,
            date: d("2026-05-31"),
            category: ExitCategory::Other,
            outcome: Some(ExitOutcome::Cdi),
            outcome_months: None,
            detail: String::new(),
        };
        let alert = exit_alert(1, "Z", &exit).unwrap();
        assert_eq!(
            (alert.kind, alert.date),
            (AlertKind::ExitCategoryMismatch, d("2026-05-31"))
        );
        exit.category = ExitCategory::LastingJob;
        assert_eq!(exit_alert(1, "Z", &exit), None);
    }
}
