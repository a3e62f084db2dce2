//! The pickups ticked at distribution, read fast over years (balances, funders'
//! statements): the subscriptions read once into memory, then the pickup rows alone, in
//! the table's order when the period is long.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use rustc_hash::FxHashMap;

use crate::domain::calendar::IsoWeek;
use crate::store::Result;
use crate::store::columns::date_at;

/// Beyond this many weeks, pickups are read in their table's order (see [`each_ticked`]).
const LONG_PERIOD_WEEKS: i64 = 60;

/// A pickup ticked at distribution, with its subscription's household, depot and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ticked {
    /// The subscription.
    pub subscription_id: i64,
    /// Its household.
    pub member_id: i64,
    /// The household sharing it, if any.
    pub shared_with: Option<i64>,
    /// Its depot.
    pub depot_id: i64,
    /// Its basket size.
    pub size_id: i64,
    /// Monday of the week.
    pub monday: NaiveDate,
    /// Baskets.
    pub baskets: i64,
    /// Given away (the household was away and the basket went to someone else).
    pub donated: bool,
}

/// What a pickup takes from its subscription.
#[derive(Debug, Clone, Copy)]
struct Holder {
    member_id: i64,
    shared_with: Option<i64>,
    depot_id: i64,
    size_id: i64,
}

/// Calls `each` with every pickup ticked in the weeks from `first` to `last` (both
/// included), in no particular order; of household `member`'s subscriptions only (as
/// holder) when given.
///
/// One household's pickups are read by the index on their subscription. Over years the
/// garden's pickups are read in their table's order (`NOT INDEXED`): several times
/// faster than one look-up per pickup through the index by week. Their subscriptions are
/// read once beforehand rather than joined row by row.
pub(crate) fn each_ticked(
    conn: &Connection,
    (first, last): (IsoWeek, IsoWeek),
    member: Option<i64>,
    mut each: impl FnMut(Ticked),
) -> Result<()> {
    let mut holders: FxHashMap<i64, Holder> = FxHashMap::default();
    let mut stmt = conn.prepare(
        "SELECT id, member_id, shared_with, depot_id, size_id FROM subscription
         WHERE :member IS NULL OR member_id = :member",
    )?;
    let mut rows = stmt.query(named_params! {":member": member})?;
    while let Some(r) = rows.next()? {
        let holder = Holder {
            member_id: r.get(1)?,
            shared_with: r.get(2)?,
            depot_id: r.get(3)?,
            size_id: r.get(4)?,
        };
        holders.insert(r.get(0)?, holder);
    }
    let mut stmt = if member.is_some() {
        // One household's pickups, by the index on their subscriptions.
        conn.prepare(
            "SELECT subscription_id, monday, baskets, status = 'donne' FROM pickup
             WHERE subscription_id IN (SELECT id FROM subscription WHERE member_id = :member)
               AND monday >= :first AND monday <= :last",
        )?
    } else {
        let order = if last.weeks_since(first) > LONG_PERIOD_WEEKS {
            "NOT INDEXED"
        } else {
            ""
        };
        // `:member` is NULL here, named so that both queries take the same parameters.
        conn.prepare(&format!(
            "SELECT subscription_id, monday, baskets, status = 'donne' FROM pickup {order}
             WHERE monday >= :first AND monday <= :last AND :member IS NULL"
        ))?
    };
    let mut rows = stmt.query(
        named_params! {":first": first.monday(), ":last": last.monday(), ":member": member},
    )?;
    while let Some(r) = rows.next()? {
        let subscription_id: i64 = r.get(0)?;
        let Some(holder) = holders.get(&subscription_id) else {
            continue;
        };
        each(Ticked {
            subscription_id,
            member_id: holder.member_id,
            shared_with: holder.shared_with,
            depot_id: holder.depot_id,
            size_id: holder.size_id,
            monday: date_at(r, 1)?,
            baskets: r.get(2)?,
            donated: r.get(3)?,
        });
    }
    Ok(())
}
