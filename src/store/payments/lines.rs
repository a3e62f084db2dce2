//! The payments as the Paiements screen lists them: one year at a time (or all), each with
//! the number of the slip a remitted cheque went with, read in one query.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{PAYMENT_COLUMN_COUNT, PAYMENT_COLUMNS, payment_from_row};
use crate::domain::payments::Payment;
use crate::store::Result;
use crate::store::columns::optional_date_at;

/// The first and the last year a payment was received in; `None` without payments. Read
/// from the index of payments by day (two look-ups, not a scan).
pub fn payment_years(conn: &Connection) -> Result<Option<(i32, i32)>> {
    let (first, last) = conn.query_row(
        "SELECT (SELECT min(received_on) FROM payment), (SELECT max(received_on) FROM payment)",
        [],
        |r| Ok((optional_date_at(r, 0)?, optional_date_at(r, 1)?)),
    )?;
    Ok(first.zip(last).map(|(f, l)| (f.year(), l.year())))
}

/// The payments received in `year` (`None`: every year), cancelled ones included, oldest
/// first, each with the number of its slip when it went with one.
pub fn payments_in(conn: &Connection, year: Option<i32>) -> Result<Vec<(Payment, Option<i64>)>> {
    let days = year.and_then(|y| Some((day(y, 1, 1)?, day(y, 12, 31)?)));
    let sql_where = if days.is_some() {
        "p.received_on BETWEEN ?1 AND ?2"
    } else {
        "?1 IS NULL AND ?2 IS NULL"
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {PAYMENT_COLUMNS}, r.number FROM payment p
         LEFT JOIN remittance r ON r.id = p.remittance_id
         WHERE {sql_where}"
    ))?;
    let (from, to) = days.unzip();
    // Sized once: growing a list of a hundred thousand payments copied it again and again.
    let count: i64 = conn.query_row(
        &format!("SELECT count(*) FROM payment p WHERE {sql_where}"),
        (from, to),
        |r| r.get(0),
    )?;
    let mut payments: Vec<(Payment, Option<i64>)> =
        Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut rows = stmt.query((from, to))?;
    while let Some(r) = rows.next()? {
        payments.push((payment_from_row(r)?, r.get(PAYMENT_COLUMN_COUNT)?));
    }
    Ok(by_day(payments))
}

/// `payments` by day received, then by id: their keys sorted, then each payment moved once
/// to its place (sorting the payments themselves moved rows of 224 bytes some 17 times each:
/// 80 ms for ten years of payments, against a few here).
fn by_day<T>(payments: Vec<(Payment, T)>) -> Vec<(Payment, T)> {
    let mut order: Vec<(NaiveDate, i64, usize)> = (payments.iter().enumerate())
        .map(|(i, (p, _))| (p.received_on, p.id, i))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<(Payment, T)>> = payments.into_iter().map(Some).collect();
    // Sized once, as the filtered iterator cannot tell its length.
    let mut sorted = Vec::with_capacity(order.len());
    for (_, _, i) in order {
        sorted.extend(slots.get_mut(i).and_then(Option::take));
    }
    sorted
}

/// Each household's id, first name and last name, in no order: what a money list needs to
/// name them (the whole households, sorted by name, cost ten times more to read).
pub fn member_names(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = conn.prepare("SELECT id, first_name, last_name FROM member")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}
