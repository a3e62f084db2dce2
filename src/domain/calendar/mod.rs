//! Calendar helpers: ISO weeks, French public holidays, French date formatting and parsing.
//!
//! Delivery weeks are ISO weeks (Monday to Sunday, week 1 holds the first Thursday of the
//! year), so a year has 52 or 53 of them and the last days of December may belong to week 1
//! of the next year (and the first days of January to week 52 or 53 of the previous one).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

mod holidays;

pub use holidays::{easter_sunday, french_holidays, holiday_name};

/// An ISO week: an ISO year and a week number in it (1 to 52 or 53).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The week `week` of ISO year `year`; `None` when that week does not exist (week 0,
    /// week 53 of a 52-week year, or a year out of range).
    pub fn new(year: i32, week: u32) -> Option<Self> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| IsoWeek { year, week })
    }

    /// The ISO week holding `date`.
    pub fn of(date: NaiveDate) -> Self {
        let iso = date.iso_week();
        IsoWeek {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// The ISO year (may differ from the calendar year of some of its days).
    pub fn year(self) -> i32 {
        self.year
    }

    /// The week number, 1 to 53.
    pub fn week(self) -> u32 {
        self.week
    }

    /// Monday of this week.
    pub fn monday(self) -> NaiveDate {
        self.day(Weekday::Mon)
    }

    /// The day of this week falling on `weekday`.
    pub fn day(self, weekday: Weekday) -> NaiveDate {
        // Every constructor checks the week exists, so the fallback is never taken.
        NaiveDate::from_isoywd_opt(self.year, self.week, weekday).unwrap_or_default()
    }

    /// The following week (week 1 of the next year after week 52 or 53).
    pub fn next(self) -> Self {
        self.monday()
            .checked_add_days(Days::new(7))
            .map_or(self, Self::of)
    }

    /// The week before.
    pub fn previous(self) -> Self {
        self.monday()
            .checked_sub_days(Days::new(7))
            .map_or(self, Self::of)
    }

    /// Number of weeks from `earlier` to `self` (negative when `earlier` is after `self`).
    pub fn weeks_since(self, earlier: IsoWeek) -> i64 {
        (self.monday() - earlier.monday()).num_days() / 7
    }

    /// The week `weeks` weeks after this one (before it when negative).
    pub fn plus_weeks(self, weeks: i64) -> Self {
        let days = weeks.unsigned_abs().saturating_mul(7);
        let moved = if weeks >= 0 {
            self.monday().checked_add_days(Days::new(days))
        } else {
            self.monday().checked_sub_days(Days::new(days))
        };
        moved.map_or(self, Self::of)
    }

    /// Reads "2026-W48", "2026-w48", "2026W48" or "2026-W8" (spaces around are ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (year, week) = text.split_once(['W', 'w'])?;
        let year = year.strip_suffix('-').unwrap_or(year);
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if week.is_empty() || week.len() > 2 || !week.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        IsoWeek::new(year.parse().ok()?, week.parse().ok()?)
    }

    /// "Semaine 48".
    pub fn label(self) -> String {
        format!("Semaine {}", self.week)
    }

    /// "Semaine 48 — du 23 au 29 novembre 2026"; the month and year are said once when the
    /// two ends share them ("du 30 mars au 5 avril 2026", "du 28 décembre 2026 au 3 janvier
    /// 2027").
    pub fn long_label(self) -> String {
        let first = self.monday();
        let last = self.day(Weekday::Sun);
        let start = if first.year() != last.year() {
            format!(
                "{} {} {}",
                day_number(first.day()),
                month_name(first.month()),
                first.year()
            )
        } else if first.month() != last.month() {
            format!("{} {}", day_number(first.day()), month_name(first.month()))
        } else {
            day_number(first.day())
        };
        format!(
            "{} — du {start} au {} {} {}",
            self.label(),
            day_number(last.day()),
            month_name(last.month()),
            last.year()
        )
    }
}

impl fmt::Display for IsoWeek {
    /// "2026-W48".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// Number of ISO weeks in ISO year `year`: 52 or 53.
pub fn weeks_in_year(year: i32) -> u32 {
    // 28 December always falls in the last ISO week of its year.
    NaiveDate::from_ymd_opt(year, 12, 28).map_or(52, |d| d.iso_week().week())
}

/// "28/11/2026".
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Reads a date typed by a user: "28/11/2026", "28/11/26" (20xx), "28.11.2026",
/// "28-11-2026" or "2026-11-28", spaces around ignored. `None` when it is not a real date
/// ("31/04/2026").
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, lengths: &[usize]| -> Option<u32> {
        if lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = if first.len() == 4 {
        (
            number(first, &[4])?,
            number(second, &[1, 2])?,
            number(third, &[1, 2])?,
        )
    } else {
        let year = number(third, &[2, 4])?;
        let year = if third.len() == 2 { 2000 + year } else { year };
        (year, number(second, &[1, 2])?, number(first, &[1, 2])?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// "samedi 28 novembre 2026", "mardi 1er décembre 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday()),
        day_number(date.day()),
        month_name(date.month()),
        date.year()
    )
}

/// The French name of a weekday, lower case: "lundi".
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// The French name of month `month` (1 to 12), lower case: "novembre"; "" out of range.
pub fn month_name(month: u32) -> &'static str {
    match month {
        1 => "janvier",
        2 => "février",
        3 => "mars",
        4 => "avril",
        5 => "mai",
        6 => "juin",
        7 => "juillet",
        8 => "août",
        9 => "septembre",
        10 => "octobre",
        11 => "novembre",
        12 => "décembre",
        _ => "",
    }
}

/// The French abbreviation of a month (1 = January), as dictionaries write it: "janv.",
/// "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
/// "déc."; empty outside 1–12.
pub fn month_abbreviation(month: u32) -> &'static str {
    match month {
        1 => "janv.",
        2 => "févr.",
        3 => "mars",
        4 => "avr.",
        5 => "mai",
        6 => "juin",
        7 => "juil.",
        8 => "août",
        9 => "sept.",
        10 => "oct.",
        11 => "nov.",
        12 => "déc.",
        _ => "",
    }
}

/// Which weeks of ISO year `year` a fortnightly subscription anchored on `anchor_monday`
/// gets: "semaines paires" or "semaines impaires". In a 53-week year the parity flips at
/// New Year (weeks 53 and 1 are both odd, and the count keeps alternating), so the label
/// says so: "semaines impaires jusqu'à la semaine 53, puis semaines paires en 2027".
pub fn fortnight_label(anchor_monday: NaiveDate, year: i32) -> String {
    let Some(first_week) = IsoWeek::new(year, 1) else {
        return String::new();
    };
    let week_one_delivered = first_week.weeks_since(IsoWeek::of(anchor_monday)) % 2 == 0;
    // Week 1 delivered → odd weeks all year long.
    let (this_year, next_year) = if week_one_delivered {
        ("impaires", "paires")
    } else {
        ("paires", "impaires")
    };
    let weeks = weeks_in_year(year);
    if weeks == 53 {
        let last = if week_one_delivered { 53 } else { 52 };
        format!(
            "semaines {this_year} jusqu'à la semaine {last}, puis semaines {next_year} en {}",
            year + 1
        )
    } else {
        format!("semaines {this_year}")
    }
}

/// "1er" for the first of the month, the plain number otherwise.
fn day_number(day: u32) -> String {
    if day == 1 {
        "1er".to_owned()
    } else {
        day.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(y: i32, w: u32) -> IsoWeek {
        IsoWeek::new(y, w).unwrap()
    }

    #[test]
    fn weeks_in_years() {
        assert_eq!(weeks_in_year(2020), 53);
        assert_eq!(weeks_in_year(2026), 53);
        assert_eq!(weeks_in_year(2021), 52);
        assert_eq!(weeks_in_year(2025), 52);
        assert_eq!(weeks_in_year(2027), 52);
        assert!(IsoWeek::new(2026, 53).is_some());
        assert!(IsoWeek::new(2027, 53).is_none());
        assert!(IsoWeek::new(2027, 0).is_none());
    }

    #[test]
    fn iso_weeks_of_awkward_dates() {
        assert_eq!(IsoWeek::of(date(2021, 1, 3)), week(2020, 53));
        assert_eq!(IsoWeek::of(date(2021, 1, 4)), week(2021, 1));
        assert_eq!(IsoWeek::of(date(2028, 2, 29)), week(2028, 9));
        assert_eq!(IsoWeek::of(date(2026, 12, 31)), week(2026, 53));
        assert_eq!(IsoWeek::of(date(2027, 1, 1)), week(2026, 53));
        assert_eq!(IsoWeek::of(date(2027, 1, 4)), week(2027, 1));
        assert_eq!(IsoWeek::of(date(2025, 12, 29)), week(2026, 1));
        assert_eq!(week(2026, 48).monday(), date(2026, 11, 23));
        assert_eq!(week(2026, 48).day(Weekday::Sat), date(2026, 11, 28));
        assert_eq!(week(2026, 1).monday(), date(2025, 12, 29));
    }

    #[test]
    fn next_previous_and_weeks_since_across_week_53() {
        assert_eq!(week(2026, 52).next(), week(2026, 53));
        assert_eq!(week(2026, 53).next(), week(2027, 1));
        assert_eq!(week(2027, 1).previous(), week(2026, 53));
        assert_eq!(week(2025, 52).next(), week(2026, 1));
        assert_eq!(week(2027, 1).weeks_since(week(2026, 52)), 2);
        assert_eq!(week(2021, 1).weeks_since(week(2020, 1)), 53);
        assert_eq!(week(2022, 1).weeks_since(week(2021, 1)), 52);
        assert_eq!(week(2026, 52).weeks_since(week(2027, 1)), -2);
        assert_eq!(week(2026, 50).plus_weeks(4), week(2027, 1));
        assert_eq!(week(2027, 1).plus_weeks(-4), week(2026, 50));
        assert!(week(2026, 53) < week(2027, 1));
    }

    #[test]
    fn parse_and_display_weeks() {
        assert_eq!(IsoWeek::parse("2026-W48"), Some(week(2026, 48)));
        assert_eq!(IsoWeek::parse("2026-w48"), Some(week(2026, 48)));
        assert_eq!(IsoWeek::parse(" 2026W48 "), Some(week(2026, 48)));
        assert_eq!(IsoWeek::parse("2026-W8"), Some(week(2026, 8)));
        assert_eq!(IsoWeek::parse("2027-W53"), None);
        assert_eq!(IsoWeek::parse("2026-48"), None);
        assert_eq!(IsoWeek::parse("2026-W"), None);
        assert_eq!(IsoWeek::parse("26-W48"), None);
        assert_eq!(week(2026, 8).to_string(), "2026-W08");
        assert_eq!(week(2026, 48).to_string(), "2026-W48");
        assert_eq!(
            IsoWeek::parse(&week(2026, 53).to_string()),
            Some(week(2026, 53))
        );
    }

    #[test]
    fn week_labels() {
        assert_eq!(week(2026, 48).label(), "Semaine 48");
        assert_eq!(
            week(2026, 48).long_label(),
            "Semaine 48 — du 23 au 29 novembre 2026"
        );
        assert_eq!(
            week(2026, 14).long_label(),
            "Semaine 14 — du 30 mars au 5 avril 2026"
        );
        assert_eq!(
            week(2027, 1).previous().previous().long_label(),
            "Semaine 52 — du 21 au 27 décembre 2026"
        );
        assert_eq!(
            week(2026, 53).long_label(),
            "Semaine 53 — du 28 décembre 2026 au 3 janvier 2027"
        );
        assert_eq!(
            week(2026, 23).long_label(),
            "Semaine 23 — du 1er au 7 juin 2026"
        );
    }

    #[test]
    fn parse_dates() {
        let expected = Some(date(2026, 11, 28));
        assert_eq!(parse_date("28/11/2026"), expected);
        assert_eq!(parse_date("28/11/26"), expected);
        assert_eq!(parse_date("2026-11-28"), expected);
        assert_eq!(parse_date("28.11.2026"), expected);
        assert_eq!(parse_date("  28/11/2026 "), expected);
        assert_eq!(parse_date("1/2/2026"), Some(date(2026, 2, 1)));
        assert_eq!(parse_date("29/02/2028"), Some(date(2028, 2, 29)));
    }

    #[test]
    fn parse_date_rejections() {
        for text in [
            "31/04/2026",
            "29/02/2027",
            "",
            "28/11",
            "28/11/2026/1",
            "28/13/2026",
            "00/11/2026",
            "28/11/202",
            "aa/bb/cccc",
            "28 11 2026",
            "28/11/+026",
            "2026-11",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn french_formatting() {
        assert_eq!(format_date(date(2026, 11, 28)), "28/11/2026");
        assert_eq!(format_date(date(2026, 2, 1)), "01/02/2026");
        assert_eq!(long_date(date(2026, 11, 28)), "samedi 28 novembre 2026");
        assert_eq!(long_date(date(2026, 12, 1)), "mardi 1er décembre 2026");
        assert_eq!(weekday_name(Weekday::Mon), "lundi");
        assert_eq!(month_name(8), "août");
        assert_eq!(month_name(13), "");
        assert_eq!(month_abbreviation(4), "avr.");
        assert_eq!(month_abbreviation(11), "nov.");
        assert_eq!(month_abbreviation(12), "déc.");
        assert_eq!(month_abbreviation(6), "juin");
        assert_eq!(month_abbreviation(0), "");
    }

    #[test]
    fn fortnight_labels() {
        // Anchored on week 1 of 2026 (a 53-week year): odd weeks, including 53, then even.
        let anchor = week(2026, 1).monday();
        assert_eq!(
            fortnight_label(anchor, 2026),
            "semaines impaires jusqu'à la semaine 53, puis semaines paires en 2027"
        );
        assert_eq!(fortnight_label(anchor, 2027), "semaines paires");
        assert_eq!(fortnight_label(anchor, 2025), "semaines impaires");
        let anchor = week(2026, 2).monday();
        assert_eq!(
            fortnight_label(anchor, 2026),
            "semaines paires jusqu'à la semaine 52, puis semaines impaires en 2027"
        );
        assert_eq!(fortnight_label(anchor, 2027), "semaines impaires");
        // 2027 and 2028 both have 52 weeks: the label holds over New Year.
        let anchor = week(2027, 10).monday();
        assert_eq!(fortnight_label(anchor, 2027), "semaines paires");
        assert_eq!(fortnight_label(anchor, 2028), "semaines paires");
    }
}
