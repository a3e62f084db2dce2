//! The activity report (bilan d'activité): its figures and the pure rules behind them.
//!
//! Conventions, printed in the report too:
//! - a period is a range of days, both ends included;
//! - hours under contract = weekly hours × days of the contract inside the period ÷ 7
//!   (calendar days, no deduction for holidays or absences);
//! - 1 FTE = 1,607 hours a year, pro rata of the period: for each calendar year the period
//!   touches, 1,607 × (its days in the period ÷ days of that year);
//! - a person followed is an employee whose path (entry date to exit date, or still open)
//!   overlaps the period; the age band is the age on the later of the period's first day and
//!   the entry date;
//! - FSE+ figures count the snapshots taken in the period, as stored.

use crate::domain::numbers::format_fixed;
use chrono::{Datelike, NaiveDate};

use crate::domain::employees::{
    EducationLevel, ExitResult, FseStage, Gender, IscedBand, LabourStatus, SensitiveAnswer,
    SixMonthResult,
};

mod figures;

pub use figures::{
    ActivityFigures, BasketFigures, FunderLine, InsertionFigures, ProductionFigures, SectionChoice,
    WorkshopFigures, WorkshopLine,
};

/// Hours of one full-time equivalent over a whole year (French legal working time).
pub const FTE_HOURS_PER_YEAR: f64 = 1607.0;

/// Why a period cannot be reported on, in French; `None` when it is fine. A period may end
/// after `today` (the year so far) but may not start after it.
pub fn period_error(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Option<String> {
    if to < from {
        return Some(format!(
            "La période se termine le {} avant de commencer le {} : vérifiez les dates.",
            super::calendar::format_date(to),
            super::calendar::format_date(from)
        ));
    }
    if from > today {
        return Some(format!(
            "La période commence le {}, dans le futur : il n'y a encore rien à compter.",
            super::calendar::format_date(from)
        ));
    }
    None
}

/// The whole calendar year `year`.
pub fn year_period(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// Quarter `quarter` (1 to 4) of `year`.
pub fn quarter_period(year: i32, quarter: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let first = month_period(year, quarter * 3 - 2)?.0;
    let last = month_period(year, quarter * 3)?.1;
    Some((first, last))
}

/// Month `month` (1 to 12) of `year`.
pub fn month_period(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// Days shared by `[a_from, a_to]` and `[b_from, b_to]` (both ends included), 0 if none.
pub fn overlap_days(a_from: NaiveDate, a_to: NaiveDate, b_from: NaiveDate, b_to: NaiveDate) -> i64 {
    let start = a_from.max(b_from);
    let end = a_to.min(b_to);
    ((end - start).num_days() + 1).max(0)
}

/// Hours under a contract of `weekly_hours` running `start`..=`end`, inside `from`..=`to`.
pub fn contract_hours(
    weekly_hours: f64,
    start: NaiveDate,
    end: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> f64 {
    weekly_hours * overlap_days(start, end, from, to) as f64 / 7.0
}

/// The hours making one FTE over `from`..=`to`: 1,607 × (days ÷ days of the year), year by
/// year, so a whole calendar year is exactly 1,607 hours.
pub fn fte_reference_hours(from: NaiveDate, to: NaiveDate) -> f64 {
    let mut total = 0.0;
    for year in from.year()..=to.year() {
        let Some((first, last)) = year_period(year) else {
            continue;
        };
        let days_in_year = (last - first).num_days() + 1;
        let days = overlap_days(first, last, from, to);
        total += FTE_HOURS_PER_YEAR * days as f64 / days_in_year as f64;
    }
    total
}

/// `hours` as full-time equivalents over `from`..=`to` (0 for an empty period).
pub fn fte(hours: f64, from: NaiveDate, to: NaiveDate) -> f64 {
    let reference = fte_reference_hours(from, to);
    if reference <= 0.0 {
        0.0
    } else {
        hours / reference
    }
}

/// Age bands of the insertion tables (those of the IAE statistics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeBand {
    /// Under 26.
    Under26,
    /// 26 to 49.
    From26To49,
    /// 50 and over.
    From50,
    /// Birth date unknown (or anonymised).
    Unknown,
}

impl AgeBand {
    /// Every band, in display order.
    pub const ALL: &'static [AgeBand] = &[
        AgeBand::Under26,
        AgeBand::From26To49,
        AgeBand::From50,
        AgeBand::Unknown,
    ];

    /// The band of `age`.
    pub fn of(age: Option<i32>) -> Self {
        match age {
            None => AgeBand::Unknown,
            Some(a) if a < 26 => AgeBand::Under26,
            Some(a) if a < 50 => AgeBand::From26To49,
            Some(_) => AgeBand::From50,
        }
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Under26 => "Moins de 26 ans",
            AgeBand::From26To49 => "26 à 49 ans",
            AgeBand::From50 => "50 ans et plus",
            AgeBand::Unknown => "Âge inconnu",
        }
    }
}

/// One person followed in the period, reduced to what the report counts.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonInPeriod {
    /// Gender.
    pub gender: Gender,
    /// Age band (see the module conventions).
    pub age_band: AgeBand,
    /// Hours under contract inside the period.
    pub hours: f64,
}

/// People, hours and FTE of one group (a gender, an age band, or everyone).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupLine {
    /// Name of the group.
    pub label: String,
    /// People followed.
    pub people: i64,
    /// Hours under contract.
    pub hours: f64,
    /// Full-time equivalents.
    pub fte: f64,
}

/// People, hours and FTE per gender (every gender listed) and per age band (every band but
/// « âge inconnu » listed; that one only when someone is in it).
pub fn group_lines(
    people: &[PersonInPeriod],
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<GroupLine>, Vec<GroupLine>) {
    let line = |label: &str, members: Vec<&PersonInPeriod>| {
        let hours: f64 = members.iter().map(|p| p.hours).sum();
        GroupLine {
            label: label.to_string(),
            people: members.len() as i64,
            hours,
            fte: fte(hours, from, to),
        }
    };
    let genders = [
        (Gender::Female, "Femmes"),
        (Gender::Male, "Hommes"),
        (Gender::NonBinary, "Non-binaires"),
    ]
    .iter()
    .map(|(g, label)| line(label, people.iter().filter(|p| p.gender == *g).collect()))
    .collect();
    let ages = AgeBand::ALL
        .iter()
        .map(|b| {
            (
                b,
                people
                    .iter()
                    .filter(|p| p.age_band == *b)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(b, m)| **b != AgeBand::Unknown || !m.is_empty())
        .map(|(b, m)| line(b.label(), m))
        .collect();
    (genders, ages)
}

/// One FSE+ snapshot, as stored, reduced to what the report counts.
#[derive(Debug, Clone, PartialEq)]
pub struct FseRecord {
    /// Entry, exit or six months after.
    pub stage: FseStage,
    /// Gender recorded then.
    pub gender: Gender,
    /// Age recorded then.
    pub age: Option<i64>,
    /// Education level recorded then.
    pub education: Option<EducationLevel>,
    /// Labour-market status (entry).
    pub labour_status: Option<LabourStatus>,
    /// Disability, foreign background, minority, homelessness (sensitive: may be declined).
    pub sensitive: [Option<SensitiveAnswer>; 4],
    /// Situation at exit.
    pub exit_result: Option<ExitResult>,
    /// Situation six months after exit.
    pub six_month_result: Option<SixMonthResult>,
}

/// The sensitive FSE+ questions, in the order of [`FseRecord::sensitive`].
pub const SENSITIVE_TOPICS: [&str; 4] = [
    "Situation de handicap",
    "Origine étrangère",
    "Minorité",
    "Sans domicile",
];

/// One line of the FSE+ table: an indicator counted at entry, at exit and six months after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FseLine {
    /// The indicator.
    pub label: String,
    /// Count among entry snapshots.
    pub entry: i64,
    /// Count among exit snapshots.
    pub exit: i64,
    /// Count among six-month snapshots.
    pub six_months: i64,
}

/// The FSE+ indicators of `records`: participants, gender, age bands (under 18, 18–29,
/// 55+), ISCED bands, labour status, results at exit and six months later. Age bands are not
/// a partition: 30–54 is not asked for.
pub fn fse_lines(records: &[FseRecord]) -> Vec<FseLine> {
    let count = |label: &str, test: &dyn Fn(&FseRecord) -> bool| {
        let of = |stage| {
            records
                .iter()
                .filter(|r| r.stage == stage && test(r))
                .count() as i64
        };
        FseLine {
            label: label.to_string(),
            entry: of(FseStage::Entry),
            exit: of(FseStage::Exit),
            six_months: of(FseStage::SixMonths),
        }
    };
    let mut lines = vec![
        count("Participants", &|_| true),
        count("Femmes", &|r| r.gender == Gender::Female),
        count("Hommes", &|r| r.gender == Gender::Male),
        count("Non-binaires", &|r| r.gender == Gender::NonBinary),
        count("Moins de 18 ans", &|r| r.age.is_some_and(|a| a < 18)),
        count("18 à 29 ans", &|r| {
            r.age.is_some_and(|a| (18..=29).contains(&a))
        }),
        count("55 ans et plus", &|r| r.age.is_some_and(|a| a >= 55)),
        count("Âge non renseigné", &|r| r.age.is_none()),
    ];
    for band in [
        IscedBand::Isced0to2,
        IscedBand::Isced3to4,
        IscedBand::Isced5to8,
    ] {
        lines.push(count(band.label(), &|r| {
            r.education.is_some_and(|e| e.isced_band() == band)
        }));
    }
    lines.push(count("Niveau non renseigné", &|r| r.education.is_none()));
    for status in LabourStatus::ALL {
        lines.push(count(status.label(), &|r| r.labour_status == Some(*status)));
    }
    for (i, topic) in SENSITIVE_TOPICS.iter().enumerate() {
        for answer in [SensitiveAnswer::Yes, SensitiveAnswer::Declined] {
            lines.push(count(
                &format!("{topic} : {}", answer.label().to_lowercase()),
                &|r| r.sensitive[i] == Some(answer),
            ));
        }
    }
    for result in ExitResult::ALL {
        lines.push(count(&format!("Sortie : {}", result.label()), &|r| {
            r.exit_result == Some(*result)
        }));
    }
    for result in SixMonthResult::ALL {
        lines.push(count(&format!("6 mois : {}", result.label()), &|r| {
            r.six_month_result == Some(*result)
        }));
    }
    lines
}

pub fn fill_months(
    from: NaiveDate,
    to: NaiveDate,
    data: &[((i32, u32), f64)],
) -> Vec<((i32, u32), f64)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) <= (to.year(), to.month()) {
        let kg = data
            .iter()
            .find(|(k, _)| *k == (y, m))
            .map_or(0.0, |(_, kg)| *kg);
        out.push(((y, m), kg));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// A rate as a French percentage with one decimal ("66,7 %"), « — » when there is none.
pub fn format_rate(rate: Option<f64>) -> String {
    rate.map_or_else(
        || "—".to_string(),
        |r| format!("{} %", format_fixed(r * 100.0, 1)),
    )
}

#[cfg(test)]
mod tests;
