//! The seasons the Récoltes screen reads: whole calendar years around the dates it shows,
//! so that the list, its totals and the season chart all come from lines read once, and a
//! step to another week or month of the same season reads nothing more.

use chrono::{Datelike, NaiveDate};

use super::HarvestFilter;

/// Whole seasons (calendar years) `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Seasons {
    /// The first season (its year).
    pub first: i32,
    /// The last season, `first` or later.
    pub last: i32,
}

impl Seasons {
    /// The one season `year`.
    pub const fn of_year(year: i32) -> Self {
        Seasons {
            first: year,
            last: year,
        }
    }

    /// The seasons holding every day from `from` to `to` (given in either order).
    pub fn covering(from: NaiveDate, to: NaiveDate) -> Self {
        let (a, b) = (from.year(), to.year());
        Seasons {
            first: a.min(b),
            last: a.max(b),
        }
    }

    /// What `filter` needs read: the seasons of its dates, which hold the season of its
    /// last day too (the chart's).
    pub fn needed_by(filter: &HarvestFilter) -> Self {
        Seasons::covering(filter.from, filter.to)
    }

    /// First and last day, both included (1 January of `first`, 31 December of `last`).
    pub fn range(self) -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(self.first, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(self.last, 12, 31).unwrap_or(NaiveDate::MAX),
        )
    }

    /// True when `day` falls in one of these seasons.
    pub fn holds(self, day: NaiveDate) -> bool {
        (self.first..=self.last).contains(&day.year())
    }

    /// True when every season of `other` is one of these.
    pub fn include(self, other: Seasons) -> bool {
        self.first <= other.first && other.last <= self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::harvest_query::Period;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn filter(from: NaiveDate, to: NaiveDate) -> HarvestFilter {
        HarvestFilter {
            from,
            to,
            crop_id: None,
            plot_id: None,
            search: String::new(),
        }
    }

    #[test]
    fn a_week_across_the_new_year_needs_both_seasons() {
        // ISO week 1 of 2026 runs from Monday 29/12/2025 to Sunday 04/01/2026.
        let (from, to) = Period::Week.range(date(2026, 1, 1));
        let need = Seasons::needed_by(&filter(from, to));
        assert_eq!(
            need,
            Seasons {
                first: 2025,
                last: 2026
            }
        );
        assert_eq!(need.range(), (date(2025, 1, 1), date(2026, 12, 31)));
        // A week of June needs its own season only, which holds every week of 2026.
        let (from, to) = Period::Week.range(date(2026, 6, 10));
        let june = Seasons::needed_by(&filter(from, to));
        assert_eq!(june, Seasons::of_year(2026));
        assert!(need.include(june));
        assert!(!june.include(need));
    }

    #[test]
    fn dates_typed_backwards_and_the_edges_of_a_season() {
        let seasons = Seasons::covering(date(2024, 3, 1), date(2022, 11, 30));
        assert_eq!(
            seasons,
            Seasons {
                first: 2022,
                last: 2024
            }
        );
        assert!(seasons.holds(date(2022, 1, 1)));
        assert!(seasons.holds(date(2024, 12, 31)));
        assert!(!seasons.holds(date(2021, 12, 31)));
        assert!(!seasons.holds(date(2025, 1, 1)));
        assert!(seasons.include(Seasons::of_year(2023)));
        assert!(!seasons.include(Seasons::covering(date(2024, 1, 1), date(2025, 1, 1))));
    }
}
