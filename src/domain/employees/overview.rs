//! The employee list: one summary row per person, the alerts the office must see this
//! month, searching, filtering and sorting.

use crate::domain::text::{compare, fold};
use chrono::{Months, NaiveDate, TimeDelta};

use super::{Approval, Contract, cumulative_months};
use crate::domain::calendar::format_date;

/// Days before a contract's planned end from which it is flagged.
pub const CONTRACT_NOTICE_DAYS: i64 = 30;
/// Months before the 24-month cap from which it is flagged.
pub const CAP_NOTICE_MONTHS: f64 = 3.0;
/// Days before the six-month FSE+ follow-up date from which it is flagged.
pub const FOLLOW_UP_NOTICE_DAYS: i64 = 30;

/// What needs attention about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AlertKind {
    /// The current contract ends within 30 days.
    ContractEnding,
    /// The PASS IAE ends within 60 days (or has ended).
    ApprovalEnding,
    /// The 24 months of contracts are reached within 3 months.
    CapNear,
    /// The FSE+ questionnaire six months after exit is due.
    SixMonthFollowUp,
    /// A current or future contract runs past the end of the PASS IAE.
    ContractBeyondPass,
    /// The 24 months of contracts were reached (the date) and passed.
    CapReached,
    /// The exit category contradicts the job found.
    ExitCategoryMismatch,
}

impl AlertKind {
    /// A short French label for the list column.
    pub fn short_label(self) -> &'static str {
        match self {
            AlertKind::ContractEnding => "Fin de contrat",
            AlertKind::ApprovalEnding => "Fin de PASS",
            AlertKind::CapNear => "24 mois",
            AlertKind::SixMonthFollowUp => "Suivi +6 mois",
            AlertKind::ContractBeyondPass => "Contrat après PASS",
            AlertKind::CapReached => "24 mois dépassés",
            AlertKind::ExitCategoryMismatch => "Catégorie de sortie",
        }
    }
}

/// One thing needing attention about one person, with the date it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeAlert {
    /// The employee.
    pub employee_id: i64,
    /// "Prénom NOM".
    pub name: String,
    /// What it is.
    pub kind: AlertKind,
    /// The date that comes up.
    pub date: NaiveDate,
}

impl EmployeeAlert {
    /// A French sentence: "Contrat de Prénom NOM : fin le 12/03/2026".
    pub fn message(&self) -> String {
        let date = format_date(self.date);
        match self.kind {
            AlertKind::ContractEnding => format!("Contrat de {} : fin le {date}", self.name),
            AlertKind::ApprovalEnding => format!("PASS IAE de {} : fin le {date}", self.name),
            AlertKind::CapNear => format!("{} atteint 24 mois de contrat le {date}", self.name),
            AlertKind::SixMonthFollowUp => {
                format!("{} : questionnaire FSE+ à six mois dû le {date}", self.name)
            }
            AlertKind::ContractBeyondPass => format!(
                "Contrat de {} : il continue après la fin du PASS IAE le {date}",
                self.name
            ),
            AlertKind::CapReached => format!(
                "{} a dépassé 24 mois de contrat (atteints le {date})",
                self.name
            ),
            AlertKind::ExitCategoryMismatch => format!(
                "Sortie de {} le {date} : la catégorie ne correspond pas à l'emploi trouvé",
                self.name
            ),
        }
    }
}

/// Everything the list needs about one person.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRow {
    /// The employee.
    pub id: i64,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Numbers of their PASS IAE, spaces removed.
    pub pass_numbers: Vec<String>,
    /// First day of the path.
    pub entry_date: NaiveDate,
    /// Planned end of the latest contract, if any.
    pub planned_end: Option<NaiveDate>,
    /// Weekly hours of the latest contract, if any.
    pub weekly_hours: Option<f64>,
    /// The referent's name, empty when none.
    pub referent: String,
    /// Day of exit, when they have left.
    pub exit_date: Option<NaiveDate>,
    /// What needs attention.
    pub alerts: Vec<EmployeeAlert>,
    /// Lower-case, accent-free "nom prénom pass…" for searching.
    pub search_key: String,
}

/// Which people the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// People who have not left.
    #[default]
    InPath,
    /// People who have left.
    Exited,
    /// Everyone.
    All,
}

impl StatusFilter {
    /// Every filter, in display order.
    pub const ALL: [StatusFilter; 3] = [
        StatusFilter::InPath,
        StatusFilter::Exited,
        StatusFilter::All,
    ];

    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::InPath => "En parcours",
            StatusFilter::Exited => "Sortis",
            StatusFilter::All => "Tous",
        }
    }
}

/// The list's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Last name, then first name.
    #[default]
    LastName,
    /// First name, then last name.
    FirstName,
    /// Entry date.
    Entry,
    /// Planned end of the latest contract.
    PlannedEnd,
    /// Weekly hours.
    Hours,
    /// Referent.
    Referent,
}

/// The search key of a row: "nom prénom pass1 pass2", folded.
pub fn search_key(last_name: &str, first_name: &str, pass_numbers: &[String]) -> String {
    let mut key = fold(&format!("{last_name} {first_name}"));
    for number in pass_numbers {
        key.push(' ');
        key.push_str(&fold(number));
    }
    key
}

/// The rows to show, as indices into `rows`: those matching every word of `query` (names,
/// PASS number; case, accents and spaces in PASS numbers ignored) and `status` on `today`,
/// sorted by `column` (descending when `descending`), ties by name.
pub fn visible_rows(
    rows: &[EmployeeRow],
    query: &str,
    status: StatusFilter,
    today: NaiveDate,
    column: SortColumn,
    descending: bool,
) -> Vec<usize> {
    let order = sorted_rows(rows, column, descending);
    filter_sorted(rows, &order, query, status, today)
}

/// The indices of `order` (into `rows`, see [`sorted_rows`]) whose rows match every word of
/// `query` and `status` on `today`, in the order of `order`: a keystroke in the search
/// filters without sorting again.
pub fn filter_sorted(
    rows: &[EmployeeRow],
    order: &[usize],
    query: &str,
    status: StatusFilter,
    today: NaiveDate,
) -> Vec<usize> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let passes = |row: &EmployeeRow| {
        let exited = row.exit_date.is_some_and(|d| d <= today);
        let in_status = match status {
            StatusFilter::InPath => !exited,
            StatusFilter::Exited => exited,
            StatusFilter::All => true,
        };
        in_status && words.iter().all(|w| row.search_key.contains(w.as_str()))
    };
    order
        .iter()
        .copied()
        .filter(|&i| rows.get(i).is_some_and(passes))
        .collect()
}

/// Every index into `rows`, sorted by `column` (descending when `descending`), ties by name.
pub fn sorted_rows(rows: &[EmployeeRow], column: SortColumn, descending: bool) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..rows.len()).collect();
    // As the store lists them (`COLLATE FR`): the same order whichever side sorted.
    let by_name = |a: &EmployeeRow, b: &EmployeeRow| {
        compare(&a.last_name, &b.last_name)
            .then_with(|| compare(&a.first_name, &b.first_name))
            .then(a.id.cmp(&b.id))
    };
    shown.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let primary = match column {
            SortColumn::LastName => std::cmp::Ordering::Equal,
            SortColumn::FirstName => compare(&a.first_name, &b.first_name),
            SortColumn::Entry => a.entry_date.cmp(&b.entry_date),
            SortColumn::PlannedEnd => a.planned_end.cmp(&b.planned_end),
            SortColumn::Hours => a
                .weekly_hours
                .partial_cmp(&b.weekly_hours)
                .unwrap_or(std::cmp::Ordering::Equal),
            SortColumn::Referent => compare(&a.referent, &b.referent),
        };
        let ordering = primary.then_with(|| by_name(a, b));
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
    shown
}

/// The day the contracts reach 24 months if the person keeps working from `today`: `None`
/// when they have no contract running today.
pub fn cap_date(contracts: &[Contract], today: NaiveDate) -> Option<NaiveDate> {
    if !contracts
        .iter()
        .any(|c| c.start_date <= today && today <= c.end())
    {
        return None;
    }
    let remaining = (24.0 - cumulative_months(contracts, today)).max(0.0);
    let start = today.succ_opt()?;
    let whole = remaining.floor();
    let anchor = super::rules::months_later(start, whole as u32);
    let next = super::rules::months_later(start, whole as u32 + 1);
    let days = ((remaining - whole) * (next - anchor).num_days() as f64).round() as i64;
    anchor
        .checked_add_signed(TimeDelta::days(days))
        .and_then(|d| d.pred_opt())
}

/// What needs attention about one person on `today`. Someone who left gets only the
/// six-month follow-up (until `six_month_done`); someone on a path gets the contract,
/// PASS IAE and 24-month alerts.
pub fn alerts_of(
    employee_id: i64,
    name: &str,
    contracts: &[Contract],
    approvals: &[Approval],
    exit_date: Option<NaiveDate>,
    six_month_done: bool,
    today: NaiveDate,
) -> Vec<EmployeeAlert> {
    let alert = |kind, date| EmployeeAlert {
        employee_id,
        name: name.to_owned(),
        kind,
        date,
    };
    let mut alerts = Vec::new();
    if let Some(exit) = exit_date.filter(|d| *d <= today) {
        if !six_month_done {
            let due = exit.checked_add_months(Months::new(6)).unwrap_or(exit);
            if (due - today).num_days() <= FOLLOW_UP_NOTICE_DAYS {
                alerts.push(alert(AlertKind::SixMonthFollowUp, due));
            }
        }
        return alerts;
    }
    if let Some(latest) = contracts.iter().max_by_key(|c| c.start_date)
        && latest.actual_end.is_none()
    {
        let days = (latest.planned_end - today).num_days();
        if (0..=CONTRACT_NOTICE_DAYS).contains(&days) {
            alerts.push(alert(AlertKind::ContractEnding, latest.planned_end));
        }
    }
    if let Some(approval) = approvals.iter().max_by_key(|a| a.start_date) {
        let end = approval.effective_end();
        if (end - today).num_days() <= super::APPROVAL_NOTICE_DAYS {
            alerts.push(alert(AlertKind::ApprovalEnding, end));
        }
    }
    let cap_passed = super::cap_reached_on(contracts).is_some_and(|d| d <= today);
    if !cap_passed
        && let Some(cap) = cap_date(contracts, today)
        && cap
            <= today
                .checked_add_months(Months::new(CAP_NOTICE_MONTHS as u32))
                .unwrap_or(today)
    {
        alerts.push(alert(AlertKind::CapNear, cap));
    }
    alerts.extend(super::path_alerts(
        employee_id,
        name,
        contracts,
        approvals,
        today,
    ));
    alerts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::employees::{ApprovalChange, ApprovalChangeKind};

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

    fn row(id: i64, last: &str, first: &str, pass: &str, exit: Option<&str>) -> EmployeeRow {
        let pass_numbers = vec![pass.to_owned()];
        EmployeeRow {
            id,
            last_name: last.into(),
            first_name: first.into(),
            search_key: search_key(last, first, &pass_numbers),
            pass_numbers,
            entry_date: d("2025-01-01"),
            planned_end: None,
            weekly_hours: Some(id as f64),
            referent: String::new(),
            exit_date: exit.map(d),
            alerts: vec![],
        }
    }

    #[test]
    fn search_ignores_case_accents_and_filters_by_status() {
        let today = d("2026-03-01");
        let rows = vec![
            row(1, "Lefèvre", "Zoé", "999992312345", None),
            row(2, "Martin", "Émile", "111112312345", Some("2026-01-01")),
            row(3, "Durand", "Ali", "222222312345", None),
        ];
        let find = |q, s| visible_rows(&rows, q, s, today, SortColumn::LastName, false);
        assert_eq!(find("lefe", StatusFilter::All), vec![0]);
        assert_eq!(find("EMI", StatusFilter::All), vec![1]);
        assert_eq!(find("emi", StatusFilter::InPath), Vec::<usize>::new());
        assert_eq!(find("", StatusFilter::Exited), vec![1]);
        assert_eq!(find("", StatusFilter::InPath), vec![2, 0]);
        assert_eq!(find("22222", StatusFilter::All), vec![2]);
        assert_eq!(find("zoe lef", StatusFilter::All), vec![0]);
        assert_eq!(fold("Lefèvre-Œuvray"), "lefevre-oeuvray");
        let by_hours = visible_rows(&rows, "", StatusFilter::All, today, SortColumn::Hours, true);
        assert_eq!(by_hours, vec![2, 1, 0]);
    }

    #[test]
    fn alerts_for_a_person_on_a_path() {
        let today = d("2026-03-01");
        let contracts = [contract("2024-04-15", "2026-03-20")];
        let approvals = [approval("2024-04-01", "2026-04-20")];
        let alerts = alerts_of(1, "Zoé L", &contracts, &approvals, None, false, today);
        let kinds: Vec<_> = alerts.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            vec![
                AlertKind::ContractEnding,
                AlertKind::ApprovalEnding,
                AlertKind::CapNear
            ]
        );
        assert_eq!(alerts[0].date, d("2026-03-20"));
        // A suspension pushes the PASS end out of the 60 days.
        let mut suspended = approval("2024-04-01", "2026-04-20");
        suspended.changes.push(ApprovalChange {
            id: 0,
            approval_id: 1,
            kind: ApprovalChangeKind::Suspension,
            start_date: d("2025-01-01"),
            end_date: d("2025-03-31"),
            reason: String::new(),
        });
        assert_eq!(suspended.effective_end(), d("2026-07-19"));
        // (The contract ends before the pushed-back PASS end: no « contract after PASS ».)
        let fresh = [contract("2026-01-01", "2026-06-30")];
        assert!(alerts_of(1, "Zoé L", &fresh, &[suspended], None, false, today).is_empty());
    }

    #[test]
    fn six_month_follow_up_after_exit() {
        let exit = Some(d("2025-09-15"));
        let due = alerts_of(1, "A", &[], &[], exit, false, d("2026-02-20"));
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].kind, AlertKind::SixMonthFollowUp);
        assert_eq!(due[0].date, d("2026-03-15"));
        assert!(alerts_of(1, "A", &[], &[], exit, false, d("2026-02-01")).is_empty());
        assert!(alerts_of(1, "A", &[], &[], exit, true, d("2026-04-01")).is_empty());
    }

    #[test]
    fn cap_date_counts_renewals() {
        let contracts = [
            contract("2024-06-01", "2025-05-31"),
            contract("2025-06-01", "2026-11-30"),
        ];
        assert_eq!(cap_date(&contracts, d("2026-03-01")), Some(d("2026-05-31")));
        assert_eq!(cap_date(&contracts, d("2027-01-01")), None);
    }
}
