//! The activity report (bilan d'activité): its figures and the pure rules behind them.
//!
//! Conventions, printed in the report too:
//! - a period is a range of days, both ends included;
//! - hours under contract and FTE: see [`contract_time`] (the one definition);
//! - a person followed is an employee with a path (entry date to exit date, or still open)
//!   overlapping the period; entries and exits count paths; the age band is the age on the
//!   later of the period's first day and the entry date of their first path in the period;
//! - FSE+ figures count the snapshots taken in the period, as stored.

use crate::domain::numbers::format_fixed;
use chrono::{Datelike, NaiveDate};

use crate::domain::employees::{
    EducationLevel, ExitResult, FseStage, Gender, IscedBand, LabourStatus, SensitiveAnswer,
    SixMonthResult,
};

mod contract_time;
mod figures;

pub use contract_time::{
    ContractSpan, ContractTime, FTE_HOURS_PER_MONTH, FTE_HOURS_PER_YEAR, FULL_TIME_WEEKLY_HOURS,
    METHOD, ReportPeriod, WorkedHours, contract_time, person_time,
};

pub use figures::{
    ActivityFigures, BasketFigures, FunderLine, InsertionFigures, ProductionFigures, SectionChoice,
    WorkshopFigures, WorkshopLine,
};

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
    /// Time under contract inside the period, recorded and planned.
    pub time: ContractTime,
}

/// People, hours and FTE of one group (a gender, an age band, or everyone).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupLine {
    /// Name of the group.
    pub label: String,
    /// People followed.
    pub people: i64,
    /// Hours under contract (recorded).
    pub hours: f64,
    /// Full-time equivalents (recorded).
    pub fte: f64,
}

/// People, hours and FTE per gender (every gender listed) and per age band (every band but
/// « âge inconnu » listed; that one only when someone is in it).
pub fn group_lines(
    people: &[PersonInPeriod],
    period: &ReportPeriod,
) -> (Vec<GroupLine>, Vec<GroupLine>) {
    let line = |label: &str, members: Vec<&PersonInPeriod>| {
        let time = total_time(members.iter().copied());
        GroupLine {
            label: label.to_string(),
            people: members.len() as i64,
            hours: time.hours,
            fte: time.fte(period),
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

/// The time under contract of `people`, added up.
pub fn total_time<'a>(people: impl IntoIterator<Item = &'a PersonInPeriod>) -> ContractTime {
    people
        .into_iter()
        .fold(ContractTime::default(), |sum, p| sum.plus(p.time))
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
    for (label, answers) in LABOUR_INDICATORS {
        lines.push(count(label, &|r| {
            r.labour_status.is_some_and(|s| answers.contains(&s))
        }));
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

/// The FSE+ common indicators of labour status at entry, with the answers each counts:
/// unemployed including long-term unemployed (the first line includes the second),
/// long-term unemployed, inactive, employed.
const LABOUR_INDICATORS: [(&str, &[LabourStatus]); 4] = [
    (
        "Chômeurs, y compris de longue durée",
        &[LabourStatus::Unemployed, LabourStatus::LongTermUnemployed],
    ),
    (
        "Chômeurs de longue durée",
        &[LabourStatus::LongTermUnemployed],
    ),
    ("Inactifs", &[LabourStatus::Inactive]),
    (
        "En emploi, y compris indépendants",
        &[LabourStatus::Employed],
    ),
];

/// A rate as a French percentage with one decimal ("66,7 %"), « — » when there is none.
pub fn format_rate(rate: Option<f64>) -> String {
    rate.map_or_else(
        || "—".to_string(),
        |r| format!("{} %", format_fixed(r * 100.0, 1)),
    )
}

#[cfg(test)]
mod tests;
