//! The period the list of payments shows: one year (the current one at first) or every
//! year, as accounting software shows one exercise at a time with the others a choice away.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// The payments listed: those received in one year, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The payments received in this year.
    Year(i32),
    /// Every payment.
    All,
}

impl Period {
    /// The period shown first: the year of `today`.
    pub fn of(today: NaiveDate) -> Self {
        Period::Year(today.year())
    }

    /// The year asked for, `None` for every year.
    pub fn year(self) -> Option<i32> {
        match self {
            Period::Year(year) => Some(year),
            Period::All => None,
        }
    }

    /// What the list offers: every year from the last payment's (or `chosen`'s, if later)
    /// back to the first one's (or `chosen`'s, if earlier), newest first, then every year.
    pub fn choices(years: Option<(i32, i32)>, chosen: Period) -> Vec<Period> {
        let (mut first, mut last) = years.unwrap_or((i32::MAX, i32::MIN));
        if let Period::Year(year) = chosen {
            first = first.min(year);
            last = last.max(year);
        }
        (first..=last)
            .rev()
            .map(Period::Year)
            .chain([Period::All])
            .collect()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year}"),
            Period::All => f.write_str("Toutes les années"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_years_with_payments_newest_first_then_all() {
        // Payments from 2022 to 2024, 2024 chosen: 2024, 2023, 2022, then all.
        assert_eq!(
            Period::choices(Some((2022, 2024)), Period::Year(2024)),
            [
                Period::Year(2024),
                Period::Year(2023),
                Period::Year(2022),
                Period::All
            ]
        );
        // The current year offered even before its first payment.
        assert_eq!(
            Period::choices(Some((2024, 2024)), Period::Year(2025)),
            [Period::Year(2025), Period::Year(2024), Period::All]
        );
        // No payment at all: the year chosen and all.
        assert_eq!(
            Period::choices(None, Period::Year(2025)),
            [Period::Year(2025), Period::All]
        );
        assert_eq!(Period::choices(None, Period::All), [Period::All]);
        assert_eq!(Period::All.to_string(), "Toutes les années");
        assert_eq!(Period::Year(2025).year(), Some(2025));
    }
}
