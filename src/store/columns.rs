//! Reading columns fast where years of rows are read at once (pickups for balances and
//! statements): dates stored as `YYYY-MM-DD` text parsed by hand, several times cheaper
//! than a general date parser called per row.

use chrono::NaiveDate;
use rusqlite::Row;

/// The date in column `index` of `row` (`YYYY-MM-DD`, as Binette stores dates; any other
/// form goes through the general reader, which says what is wrong).
pub(crate) fn date_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    if let Ok(text) = row.get_ref(index)?.as_str()
        && let Some(date) = iso_date(text.as_bytes())
    {
        return Ok(date);
    }
    row.get(index)
}

/// The date or NULL in column `index` of `row`, read as [`date_at`] reads a date.
pub(crate) fn optional_date_at(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if row.get_ref(index)? == rusqlite::types::ValueRef::Null {
        return Ok(None);
    }
    date_at(row, index).map(Some)
}

/// `YYYY-MM-DD` read by hand; `None` for any other text or an impossible day.
fn iso_date(text: &[u8]) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let number = |digits: &[u8]| {
        digits
            .iter()
            .try_fold(0u32, |n, &c| Some(n * 10 + digit(c)?))
    };
    let year = i32::try_from(number(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m1, m2])?, number(&[d1, d2])?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_read_and_anything_else_is_left_to_the_general_reader() {
        assert_eq!(
            iso_date(b"2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        assert_eq!(iso_date(b"2026-02-30"), None);
        assert_eq!(iso_date(b"2026-2-28"), None);
        assert_eq!(iso_date(b"2026/02/28"), None);
        assert_eq!(iso_date(b"20a6-02-28"), None);
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| date_at(r, 0));
        assert_eq!(
            read("SELECT '2024-12-30'").unwrap(),
            NaiveDate::from_ymd_opt(2024, 12, 30).unwrap()
        );
        // Not a date: an error, as the general reader gives.
        assert!(read("SELECT 'lundi'").is_err());
        let optional = |sql: &str| conn.query_row(sql, [], |r| optional_date_at(r, 0));
        assert_eq!(optional("SELECT NULL").unwrap(), None);
        assert_eq!(
            optional("SELECT '2025-01-05'").unwrap(),
            NaiveDate::from_ymd_opt(2025, 1, 5)
        );
        assert!(optional("SELECT 'lundi'").is_err());
    }
}
