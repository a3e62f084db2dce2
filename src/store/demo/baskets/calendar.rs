//! Closures and public-holiday rules of the demo year.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use crate::store::Result;
use crate::store::demo::{days, monday_of, ymd};

/// Christmas (two weeks) and two weeks of August, last year and this year, and every year
/// before for a garden that has lived more seasons.
pub(super) fn create_closures(
    conn: &Connection,
    year: i32,
    past_seasons: i64,
) -> Result<BTreeSet<NaiveDate>> {
    let mut closed = BTreeMap::new();
    let oldest = year - 2 - past_seasons as i32;
    for y in oldest..=year {
        let Some(christmas) = NaiveDate::from_ymd_opt(y, 12, 25) else {
            continue;
        };
        let first = monday_of(christmas);
        closed.insert(first, "Fêtes de fin d'année");
        closed.insert(days(first, 7), "Fêtes de fin d'année");
        if y > oldest {
            let Some(august) = NaiveDate::from_ymd_opt(y, 8, 8) else {
                continue;
            };
            let first = monday_of(august);
            closed.insert(first, "Congés d'été");
            closed.insert(days(first, 7), "Congés d'été");
        }
    }
    let mut stmt =
        conn.prepare("INSERT INTO closure (monday, reason) VALUES (:monday, :reason)")?;
    for (monday, reason) in &closed {
        stmt.execute(named_params! {":monday": monday, ":reason": reason})?;
    }
    Ok(closed.into_keys().collect())
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Last year's Ascension moved to the Wednesday for the Thursday depot, and a fixed holiday
/// falling on a delivery day cancelled for all depots. Returns (date, depot id or None) of
/// cancelled deliveries.
pub(super) fn create_holiday_rules(
    conn: &Connection,
    year: i32,
    depots: &[(i64, u32)],
    closed: &BTreeSet<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, Option<i64>)>> {
    let mut stmt = conn.prepare(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES (:date, :depot, :action, :moved)",
    )?;
    if let Some(easter) = easter(year - 1) {
        let ascension = days(easter, 39);
        let thursday = depots.iter().find(|d| d.1 == 4).map(|d| d.0);
        stmt.execute(named_params! {
            ":date": ascension, ":depot": thursday, ":action": "deplacee",
            ":moved": days(ascension, -1),
        })?;
    }
    let mut cancelled = Vec::new();
    for (month, day) in [(11, 11), (11, 1), (7, 14), (5, 8), (5, 1)] {
        let date = ymd(year - 1, month, day, today);
        let weekday = date.weekday().number_from_monday();
        if (2..=6).contains(&weekday) && !closed.contains(&monday_of(date)) {
            stmt.execute(named_params! {
                ":date": date, ":depot": None::<i64>, ":action": "annulee", ":moved": None::<NaiveDate>,
            })?;
            cancelled.push((date, None));
            break;
        }
    }
    Ok(cancelled)
}
