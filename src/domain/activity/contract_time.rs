//! Hours under contract and full-time equivalents (ETP), counted as funders count them.
//!
//! The rule, stated once here and printed on the report's cover ([`METHOD`]):
//! - a day counts when it is under contract, up to the earliest of the contract's actual end
//!   (else its planned end), the exit date of the path it belongs to, and the period's end;
//! - on a day covered by two contracts of the same person, the larger weekly hours count once;
//! - hours under contract = Σ over those days of weekly hours ÷ 7;
//! - FTE = Σ over those days of (weekly hours ÷ 35) ÷ days in the period: a full-timer all
//!   period long is 1.00 whatever the period's length;
//! - days after today are planned (prévisionnel), never mixed with the recorded ones: the
//!   recorded FTE divides by the days of the period up to today, the planned one by the whole
//!   period;
//! - where payroll's worked hours are recorded for a month, that month's FTE = worked hours
//!   ÷ (1,607 ÷ 12), 1,607 h being a full-time year of work (leave excluded); its days
//!   share it evenly, so a month cut by the period counts its share.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::employees::Contract;

/// Hours of work of a full-timer over a year, paid leave and public holidays excluded.
pub const FTE_HOURS_PER_YEAR: f64 = 1607.0;

/// Hours of work of a full-timer in a month: 1,607 ÷ 12.
pub const FTE_HOURS_PER_MONTH: f64 = FTE_HOURS_PER_YEAR / 12.0;

/// One person's hours actually worked, from payroll, per (year, month).
pub type WorkedHours = BTreeMap<(i32, u32), f64>;

/// Weekly hours of a full-timer (French legal working week).
pub const FULL_TIME_WEEKLY_HOURS: f64 = 35.0;

/// How hours and FTE are counted, as printed on the report's cover.
pub const METHOD: &str = "Heures sous contrat = somme, sur les jours sous contrat de la \
    période, des heures hebdomadaires ÷ 7. ETP = somme, sur ces mêmes jours, des heures \
    hebdomadaires ÷ 35, divisée par le nombre de jours de la période : une personne à temps \
    plein toute la période compte 1,00 ETP. Un jour compte jusqu'à la plus proche de ces dates : \
    fin réelle du contrat (sinon fin prévue), date de sortie du parcours, fin de la période. Un \
    jour couvert par deux contrats d'une même personne compte une fois, avec le plus grand \
    nombre d'heures.";

/// One contract as the count sees it: its first and last counted day and its weekly hours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContractSpan {
    /// First day under contract.
    pub start: NaiveDate,
    /// Last day counted: the earliest of the actual (else planned) end and the path's exit.
    pub last_day: NaiveDate,
    /// Hours a week.
    pub weekly_hours: f64,
}

impl ContractSpan {
    /// `contract` cut at `exit`, the exit date of its path, when that comes first.
    pub fn of(contract: &Contract, exit: Option<NaiveDate>) -> Self {
        Self::new(
            contract.start_date,
            contract.planned_end,
            contract.actual_end,
            exit,
            contract.weekly_hours,
        )
    }

    /// A span from the stored dates: the last day is the earliest of `actual_end` (else
    /// `planned_end`) and `exit`.
    pub fn new(
        start: NaiveDate,
        planned_end: NaiveDate,
        actual_end: Option<NaiveDate>,
        exit: Option<NaiveDate>,
        weekly_hours: f64,
    ) -> Self {
        let end = actual_end.unwrap_or(planned_end);
        ContractSpan {
            start,
            last_day: exit.map_or(end, |x| x.min(end)),
            weekly_hours,
        }
    }
}

/// The period a report covers and the day it is made: days up to `today` are recorded,
/// later ones planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The day the report is made.
    pub today: NaiveDate,
}

impl ReportPeriod {
    /// Days of the whole period, both ends included (0 when it is reversed).
    pub fn days(&self) -> i64 {
        ((self.to - self.from).num_days() + 1).max(0)
    }

    /// The last recorded day: the period's end, or today when the period runs past it.
    pub fn recorded_to(&self) -> NaiveDate {
        self.to.min(self.today)
    }

    /// Days of the period up to today (0 when the period starts after today).
    pub fn recorded_days(&self) -> i64 {
        ((self.recorded_to() - self.from).num_days() + 1).max(0)
    }

    /// True when the period runs past today: some of its days are planned, not recorded.
    pub fn has_planned_days(&self) -> bool {
        self.to > self.today
    }
}

/// One person's time under contract in a period, recorded (up to today) and planned (after).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ContractTime {
    /// Hours under contract up to today: Σ weekly hours ÷ 7 over the recorded days.
    pub hours: f64,
    /// Σ weekly hours ÷ 35 over the recorded days (an FTE once divided by days).
    pub fte_days: f64,
    /// Hours under contract after today (prévisionnel).
    pub planned_hours: f64,
    /// Σ weekly hours ÷ 35 over the planned days.
    pub planned_fte_days: f64,
    /// Hours worked from payroll, up to today (months with payroll hours only).
    pub worked_hours: f64,
    /// Months of the period whose FTE came from payroll hours.
    pub payroll_months: i64,
}

impl ContractTime {
    /// The sum of two people's times.
    pub fn plus(self, other: ContractTime) -> ContractTime {
        ContractTime {
            hours: self.hours + other.hours,
            fte_days: self.fte_days + other.fte_days,
            planned_hours: self.planned_hours + other.planned_hours,
            planned_fte_days: self.planned_fte_days + other.planned_fte_days,
            worked_hours: self.worked_hours + other.worked_hours,
            payroll_months: self.payroll_months + other.payroll_months,
        }
    }

    /// Recorded FTE: FTE-days over the recorded days of `period` (0 when there are none).
    pub fn fte(&self, period: &ReportPeriod) -> f64 {
        ratio(self.fte_days, period.recorded_days())
    }

    /// FTE over the whole period, planned days included (prévisionnel).
    pub fn planned_fte(&self, period: &ReportPeriod) -> f64 {
        ratio(self.fte_days + self.planned_fte_days, period.days())
    }
}

fn ratio(fte_days: f64, days: i64) -> f64 {
    if days <= 0 {
        0.0
    } else {
        fte_days / days as f64
    }
}

/// One person's time under `spans` (all their contracts, each already cut at its path's
/// exit) inside `period`: each day counts once, with the largest weekly hours covering it.
pub fn contract_time(spans: &[ContractSpan], period: &ReportPeriod) -> ContractTime {
    person_time(spans, &WorkedHours::new(), period)
}

/// Like [`contract_time`], with the hours worked from payroll: in a month that has them,
/// the FTE comes from them (worked hours ÷ (1,607 ÷ 12), for each of the month's days) and
/// they are added up as hours worked; hours under contract are still counted from the
/// contracts.
pub fn person_time(
    spans: &[ContractSpan],
    worked: &WorkedHours,
    period: &ReportPeriod,
) -> ContractTime {
    let mut time = ContractTime::default();
    let mut day = period.from;
    let mut last_month = None;
    while day <= period.to {
        let weekly = spans
            .iter()
            .filter(|s| s.start <= day && day <= s.last_day)
            .map(|s| s.weekly_hours)
            .fold(0.0_f64, f64::max);
        let month = (day.year(), day.month());
        // (hours worked that day, that day's FTE): the month's hours are shared by its days;
        // each day of the month counts the month's FTE, as a full-timer's days count 1.
        let payroll = worked.get(&month).map(|hours| {
            let days = f64::from(days_in_month(day));
            (hours / days, hours / FTE_HOURS_PER_MONTH)
        });
        if payroll.is_some() && last_month != Some(month) {
            time.payroll_months += 1;
            last_month = Some(month);
        }
        let fte_day = payroll.map_or(weekly / FULL_TIME_WEEKLY_HOURS, |(_, fte)| fte);
        if day <= period.today {
            time.hours += weekly / 7.0;
            time.fte_days += fte_day;
            time.worked_hours += payroll.map_or(0.0, |(hours, _)| hours);
        } else {
            time.planned_hours += weekly / 7.0;
            time.planned_fte_days += fte_day;
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    time
}

/// Days of the month of `day` (28 to 31).
fn days_in_month(day: NaiveDate) -> u32 {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (next - first).num_days().clamp(28, 31) as u32
}

#[cfg(test)]
#[path = "contract_time_tests.rs"]
mod tests;
