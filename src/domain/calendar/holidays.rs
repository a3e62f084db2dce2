//! French national public holidays: Easter-based and fixed days.

use chrono::{Datelike, Days, NaiveDate};

/// Easter Sunday of `year` (Gregorian calendar), by the anonymous Gregorian algorithm
/// (Meeus / Jones / Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = n.div_euclid(31) as u32;
    let day = (n.rem_euclid(31) + 1) as u32;
    // Always March or April of an in-range year.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The 11 French national public holidays of calendar year `year`, sorted by date, with
/// their French names. (Alsace-Moselle's two extra days are not included.)
pub fn french_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let after_easter = |days: u64| easter.checked_add_days(Days::new(days));
    let fixed = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day);
    let mut holidays: Vec<(NaiveDate, &'static str)> = [
        (fixed(1, 1), "Jour de l'an"),
        (after_easter(1), "Lundi de Pâques"),
        (fixed(5, 1), "Fête du Travail"),
        (fixed(5, 8), "Victoire 1945"),
        (after_easter(39), "Ascension"),
        (after_easter(50), "Lundi de Pentecôte"),
        (fixed(7, 14), "Fête nationale"),
        (fixed(8, 15), "Assomption"),
        (fixed(11, 1), "Toussaint"),
        (fixed(11, 11), "Armistice 1918"),
        (fixed(12, 25), "Noël"),
    ]
    .into_iter()
    .filter_map(|(date, name)| date.map(|d| (d, name)))
    .collect();
    holidays.sort_by_key(|(date, _)| *date);
    holidays
}

/// The French name of the public holiday on `date`, if it is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    french_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, name)| name)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_based_holidays_match_the_calendar_2024_to_2032() {
        // (Easter Sunday, Easter Monday, Ascension, Whit Monday), from published calendars.
        let known = [
            (
                date(2024, 3, 31),
                date(2024, 4, 1),
                date(2024, 5, 9),
                date(2024, 5, 20),
            ),
            (
                date(2025, 4, 20),
                date(2025, 4, 21),
                date(2025, 5, 29),
                date(2025, 6, 9),
            ),
            (
                date(2026, 4, 5),
                date(2026, 4, 6),
                date(2026, 5, 14),
                date(2026, 5, 25),
            ),
            (
                date(2027, 3, 28),
                date(2027, 3, 29),
                date(2027, 5, 6),
                date(2027, 5, 17),
            ),
            (
                date(2028, 4, 16),
                date(2028, 4, 17),
                date(2028, 5, 25),
                date(2028, 6, 5),
            ),
            (
                date(2029, 4, 1),
                date(2029, 4, 2),
                date(2029, 5, 10),
                date(2029, 5, 21),
            ),
            (
                date(2030, 4, 21),
                date(2030, 4, 22),
                date(2030, 5, 30),
                date(2030, 6, 10),
            ),
            (
                date(2031, 4, 13),
                date(2031, 4, 14),
                date(2031, 5, 22),
                date(2031, 6, 2),
            ),
            (
                date(2032, 3, 28),
                date(2032, 3, 29),
                date(2032, 5, 6),
                date(2032, 5, 17),
            ),
        ];
        for (easter, monday, ascension, whit_monday) in known {
            let year = easter.year();
            assert_eq!(easter_sunday(year), easter, "Pâques {year}");
            assert_eq!(easter.weekday(), Weekday::Sun);
            assert_eq!(holiday_name(monday), Some("Lundi de Pâques"), "{year}");
            assert_eq!(holiday_name(ascension), Some("Ascension"), "{year}");
            assert_eq!(
                holiday_name(whit_monday),
                Some("Lundi de Pentecôte"),
                "{year}"
            );
            assert_eq!(holiday_name(easter), None);
            let holidays = french_holidays(year);
            assert_eq!(holidays.len(), 11);
            assert!(
                holidays.windows(2).all(|pair| pair[0].0 <= pair[1].0),
                "triés {year}"
            );
        }
    }

    #[test]
    fn fixed_holidays() {
        let holidays = french_holidays(2026);
        assert_eq!(holidays.first(), Some(&(date(2026, 1, 1), "Jour de l'an")));
        assert_eq!(holidays.last(), Some(&(date(2026, 12, 25), "Noël")));
        assert_eq!(holiday_name(date(2026, 7, 14)), Some("Fête nationale"));
        assert_eq!(holiday_name(date(2026, 5, 8)), Some("Victoire 1945"));
        assert_eq!(holiday_name(date(2026, 11, 11)), Some("Armistice 1918"));
        assert_eq!(holiday_name(date(2026, 8, 15)), Some("Assomption"));
        assert_eq!(holiday_name(date(2026, 11, 2)), None);
    }
}
