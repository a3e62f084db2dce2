//! The Rapports form as plain data: the period typed or picked, the sections ticked, and
//! the checks turning them into a period (unit-testable, no iced).

use chrono::{Datelike, NaiveDate};

use crate::app;
use crate::domain::activity::{
    SectionChoice, month_period, period_error, quarter_period, year_period,
};
use crate::domain::calendar::{format_date, month_name, parse_date};

/// The fields of the form an error can name (their labels).
pub mod fields {
    /// The year typed.
    pub const YEAR: &str = "Année";
    /// The first day typed.
    pub const FROM: &str = "Du";
    /// The last day typed.
    pub const TO: &str = "Au";
    /// The period as a whole (reversed, in the future, impossible).
    pub const PERIOD: &str = "Période";
    /// The parts ticked.
    pub const PARTS: &str = "Parties à inclure";
}

/// How the period is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// A calendar year.
    Year,
    /// A quarter of a year.
    Quarter,
    /// A month of a year.
    Month,
    /// Any two dates.
    Range,
}

impl PeriodKind {
    /// Every kind, in display order.
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Year,
        PeriodKind::Quarter,
        PeriodKind::Month,
        PeriodKind::Range,
    ];
}

impl std::fmt::Display for PeriodKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PeriodKind::Year => "Une année",
            PeriodKind::Quarter => "Un trimestre",
            PeriodKind::Month => "Un mois",
            PeriodKind::Range => "Du … au …",
        })
    }
}

/// A quarter (1 to 4) for the pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter(pub u32);

impl Quarter {
    /// The four quarters.
    pub const ALL: [Quarter; 4] = [Quarter(1), Quarter(2), Quarter(3), Quarter(4)];
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => f.write_str("1er trimestre (janvier à mars)"),
            2 => f.write_str("2e trimestre (avril à juin)"),
            3 => f.write_str("3e trimestre (juillet à septembre)"),
            _ => f.write_str("4e trimestre (octobre à décembre)"),
        }
    }
}

/// A month (1 to 12) for the pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month(pub u32);

impl Month {
    /// The twelve months.
    pub fn all() -> Vec<Month> {
        (1..=12).map(Month).collect()
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = month_name(self.0);
        let mut chars = name.chars();
        match chars.next() {
            Some(first) => write!(f, "{}{}", first.to_uppercase(), chars.as_str()),
            None => Ok(()),
        }
    }
}

/// One of the report's parts, for the check boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Insertion.
    Insertion,
    /// Production.
    Production,
    /// Baskets.
    Baskets,
    /// Workshops.
    Workshops,
}

impl Part {
    /// Every part, in the report's order.
    pub const ALL: [Part; 4] = [
        Part::Insertion,
        Part::Production,
        Part::Baskets,
        Part::Workshops,
    ];

    /// The check box label.
    pub fn label(self) -> &'static str {
        match self {
            Part::Insertion => "Insertion : parcours, sorties, heures, formations, FSE+",
            Part::Production => "Production : récoltes par légume, par mois, par destination",
            Part::Baskets => "Paniers : livraisons, foyers, Paniers Solidaires, financeurs",
            Part::Workshops => "Ateliers : séances, participants, présences, heures",
        }
    }

    /// Whether `choice` holds this part.
    pub fn is_in(self, choice: SectionChoice) -> bool {
        match self {
            Part::Insertion => choice.insertion,
            Part::Production => choice.production,
            Part::Baskets => choice.baskets,
            Part::Workshops => choice.workshops,
        }
    }

    /// `choice` with this part on or off.
    pub fn set(self, mut choice: SectionChoice, on: bool) -> SectionChoice {
        match self {
            Part::Insertion => choice.insertion = on,
            Part::Production => choice.production = on,
            Part::Baskets => choice.baskets = on,
            Part::Workshops => choice.workshops = on,
        }
        choice
    }
}

/// What the user typed and picked.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportForm {
    /// How the period is chosen.
    pub kind: PeriodKind,
    /// The year typed (year, quarter and month kinds).
    pub year: String,
    /// The quarter picked.
    pub quarter: Quarter,
    /// The month picked.
    pub month: Month,
    /// First day typed (range kind), as 01/01/2026.
    pub from: String,
    /// Last day typed (range kind).
    pub to: String,
    /// The parts ticked.
    pub sections: SectionChoice,
}

impl ReportForm {
    /// The form as it opens on `today`: the current year, every part.
    pub fn new(today: NaiveDate) -> Self {
        let quarter = (today.month() - 1) / 3 + 1;
        Self {
            kind: PeriodKind::Year,
            year: today.year().to_string(),
            quarter: Quarter(quarter),
            month: Month(today.month()),
            from: format_date(NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today)),
            to: format_date(today),
            sections: SectionChoice::ALL,
        }
    }

    /// The period asked for, or a French message saying what is wrong and in which field
    /// (see [`fields`]).
    pub fn period(&self, today: NaiveDate) -> app::Result<(NaiveDate, NaiveDate)> {
        let year = || -> app::Result<i32> {
            self.year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(|| {
                    app::Error::invalid(
                        fields::YEAR,
                        format!(
                            "Année « {} » illisible : écrivez-la comme 2026.",
                            self.year.trim()
                        ),
                    )
                })
        };
        let date = |text: &str, which: &str, field: &'static str| {
            parse_date(text).ok_or_else(|| {
                app::Error::invalid(
                    field,
                    format!(
                        "Date {which} « {} » illisible : écrivez-la comme 31/12/2026.",
                        text.trim()
                    ),
                )
            })
        };
        let invalid = || app::Error::invalid(fields::PERIOD, "Période impossible.");
        let (from, to) = match self.kind {
            PeriodKind::Year => year_period(year()?).ok_or_else(invalid)?,
            PeriodKind::Quarter => quarter_period(year()?, self.quarter.0).ok_or_else(invalid)?,
            PeriodKind::Month => month_period(year()?, self.month.0).ok_or_else(invalid)?,
            PeriodKind::Range => (
                date(&self.from, "de début", fields::FROM)?,
                date(&self.to, "de fin", fields::TO)?,
            ),
        };
        if let Some(message) = period_error(from, to, today) {
            return Err(app::Error::invalid(fields::PERIOD, message));
        }
        if self.sections.is_empty() {
            return Err(app::Error::invalid(
                fields::PARTS,
                "Cochez au moins une partie du bilan.",
            ));
        }
        Ok((from, to))
    }
}

/// The suggested file name: `bilan-activite-2026.pdf` for a whole year, else with both days.
pub fn default_file_name(from: NaiveDate, to: NaiveDate, extension: &str) -> String {
    if year_period(from.year()) == Some((from, to)) {
        format!("bilan-activite-{}.{extension}", from.year())
    } else {
        format!(
            "bilan-activite-{}-au-{}.{extension}",
            from.format("%Y-%m-%d"),
            to.format("%Y-%m-%d")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_kind_of_period_and_its_errors() {
        let today = d(2026, 11, 28);
        let mut form = ReportForm::new(today);
        assert_eq!(
            form.period(today).ok(),
            Some((d(2026, 1, 1), d(2026, 12, 31)))
        );
        form.kind = PeriodKind::Quarter;
        form.quarter = Quarter(2);
        assert_eq!(
            form.period(today).ok(),
            Some((d(2026, 4, 1), d(2026, 6, 30)))
        );
        form.kind = PeriodKind::Month;
        form.month = Month(2);
        form.year = "2024".into();
        assert_eq!(
            form.period(today).ok(),
            Some((d(2024, 2, 1), d(2024, 2, 29)))
        );
        form.year = "deux mille".into();
        let error = form.period(today).unwrap_err();
        assert!(error.to_string().contains("illisible"));
        assert_eq!(error.field(), Some(fields::YEAR));
        form.year = "2027".into();
        assert!(
            form.period(today)
                .unwrap_err()
                .to_string()
                .contains("futur")
        );
        form.kind = PeriodKind::Range;
        form.from = "01/03/2026".into();
        form.to = "28/02/2026".into();
        assert!(
            form.period(today)
                .unwrap_err()
                .to_string()
                .contains("avant de commencer")
        );
        form.to = "31/03/2026".into();
        assert_eq!(
            form.period(today).ok(),
            Some((d(2026, 3, 1), d(2026, 3, 31)))
        );
        form.sections = SectionChoice {
            insertion: false,
            production: false,
            baskets: false,
            workshops: false,
        };
        let error = form.period(today).unwrap_err();
        assert!(error.to_string().contains("au moins une partie"));
        assert_eq!(error.field(), Some(fields::PARTS));
    }

    #[test]
    fn file_names_and_labels() {
        assert_eq!(
            default_file_name(d(2026, 1, 1), d(2026, 12, 31), "pdf"),
            "bilan-activite-2026.pdf"
        );
        assert_eq!(
            default_file_name(d(2026, 4, 1), d(2026, 6, 30), "pdf"),
            "bilan-activite-2026-04-01-au-2026-06-30.pdf"
        );
        assert_eq!(Month(8).to_string(), "Août");
        let off = Part::Baskets.set(SectionChoice::ALL, false);
        assert!(!Part::Baskets.is_in(off) && Part::Workshops.is_in(off));
    }
}
