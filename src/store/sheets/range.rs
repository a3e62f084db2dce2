//! The data of the baskets table over a range of weeks (one line per depot and delivery,
//! one column per size), and the range it covers by default.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::baskets::{BasketSize, Depot};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{WeekPlan, depot_delivery};
use crate::store::{Result, snapshot};

/// Delivery weeks the baskets table covers by default.
pub const DEFAULT_DELIVERY_WEEKS: usize = 8;
/// Longest range of weeks the baskets table accepts (a little over a year).
pub const MAX_WEEKS: i64 = 60;

/// What the baskets table of a range of weeks is made from.
#[derive(Debug, Clone)]
pub struct BasketsRange {
    /// Each week's plan, first week first.
    pub plans: Vec<WeekPlan>,
    /// Every depot (names).
    pub depots: Vec<Depot>,
    /// Every basket size (names, active or not).
    pub sizes: Vec<BasketSize>,
}

/// The plans of `weeks` weeks from `from`, with the depots and sizes they name, read in one
/// transaction.
pub fn baskets_range(conn: &Connection, from: IsoWeek, weeks: u32) -> Result<BasketsRange> {
    snapshot(conn, |conn| {
        Ok(BasketsRange {
            plans: crate::store::week::plan_weeks(conn, from, weeks)?,
            depots: crate::store::baskets::list_depots(conn)?,
            sizes: crate::store::baskets::list_basket_sizes(conn)?,
        })
    })
}

/// The default range of the baskets table: from the next delivery week (on `today`) to the
/// [`DEFAULT_DELIVERY_WEEKS`]th week with a delivery (weeks without any delivery are
/// skipped in the count, not in the table).
pub fn coming_delivery_weeks(conn: &Connection, today: NaiveDate) -> Result<(IsoWeek, IsoWeek)> {
    let from = crate::store::week::next_delivery_week(conn, today)?;
    let depots = crate::store::baskets::list_depots(conn)?;
    let closures = crate::store::calendar::list_closures(conn)?;
    let rules = crate::store::calendar::list_holiday_rules(conn)?;
    let delivers = |week: IsoWeek| {
        depots
            .iter()
            .filter(|d| d.active)
            .any(|d| depot_delivery(d, week, &closures, &rules).is_delivered())
    };
    let mut found = 0;
    let mut to = from;
    for i in 0..MAX_WEEKS {
        let week = from.plus_weeks(i);
        if delivers(week) {
            found += 1;
            to = week;
            if found == DEFAULT_DELIVERY_WEEKS {
                break;
            }
        }
    }
    if found == 0 {
        to = from.plus_weeks(i64::try_from(DEFAULT_DELIVERY_WEEKS).unwrap_or(8) - 1);
    }
    Ok((from, to))
}
