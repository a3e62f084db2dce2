//! Dates as spreadsheets give them, for every import: typed French dates, ISO dates with or
//! without a time, and Excel serial day numbers.

use chrono::{Days, NaiveDate};

use crate::domain::calendar::parse_date;

/// Excel's serial day numbers accepted as dates: 1927 to 2173 (a plain year like "2026" or
/// a small count is not taken for a date).
const SERIALS: std::ops::RangeInclusive<u64> = 10_000..=99_999;

/// Reads a date as offices write it: "28/11/2026", "28/11/26", "2026-11-28", "28.11.2026",
/// an Excel serial day number ("46354" is 28/11/2026), a time after the date ignored
/// ("28/11/2026 08:30", "2026-11-28T00:00:00").
pub fn parse_import_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day_part = text
        .split(|c: char| c.is_whitespace() || c == 'T')
        .next()
        .unwrap_or(text);
    if let Some(date) = parse_date(day_part) {
        return Some(date);
    }
    // A serial number, maybe with a fraction for the time ("46354,5").
    let whole = day_part
        .split([',', '.'])
        .next()
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))?;
    let fraction_ok = day_part[whole.len()..]
        .get(1..)
        .is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()));
    let days: u64 = whole.parse().ok()?;
    if !fraction_ok || !SERIALS.contains(&days) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_an_office_file_holds() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 28);
        for text in [
            "28/11/2026",
            "28/11/26",
            "2026-11-28",
            "28.11.2026",
            " 2026-11-28 00:00:00 ",
            "2026-11-28T08:30:00",
            "28/11/2026 08:30",
            "46354",
            "46354,5",
            "46354.0",
            "28-11-2026",
        ] {
            assert_eq!(parse_import_date(text), nov, "{text}");
        }
        // Excel serial day numbers: 45658 is 1 January 2025.
        assert_eq!(
            parse_import_date("45658"),
            NaiveDate::from_ymd_opt(2025, 1, 1)
        );
        for bad in [
            "31/02/2026",
            "31/04/2026",
            "bientôt",
            "2026",
            "12",
            "28/11",
            "12345678901",
            "46354,x",
            "",
        ] {
            assert_eq!(parse_import_date(bad), None, "{bad}");
        }
    }
}
