//! The pickups ticked at distribution, read fast over years (balances, funders'
//! statements): the subscriptions read once into memory, then the pickup rows alone, in
//! the table's order when the period is long.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use rustc_hash::{FxHashMap, FxHashSet};

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

/// Which subscriptions a reading of baskets covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Covered {
    /// Every subscription.
    All,
    /// Those held by one household (its account).
    HeldBy(i64),
    /// Those with Paniers Solidaires terms (all the funders' statements count).
    Solidarity,
}

impl Covered {
    /// The SQL condition on subscription `s` (parameter `:member`).
    fn condition(self) -> &'static str {
        match self {
            Covered::All => ":member IS NULL",
            Covered::HeldBy(_) => "s.member_id = :member",
            Covered::Solidarity => {
                ":member IS NULL AND s.id IN (SELECT subscription_id FROM solidarity_terms)"
            }
        }
    }

    fn member(self) -> Option<i64> {
        match self {
            Covered::HeldBy(member) => Some(member),
            Covered::All | Covered::Solidarity => None,
        }
    }

    /// The ids of the subscriptions covered (`None`: every one).
    pub(crate) fn subscription_ids(self, conn: &Connection) -> Result<Option<FxHashSet<i64>>> {
        if self == Covered::All {
            return Ok(None);
        }
        let mut stmt = conn.prepare(&format!(
            "SELECT s.id FROM subscription s WHERE {}",
            self.condition()
        ))?;
        let ids = stmt
            .query_map(named_params! {":member": self.member()}, |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(ids))
    }
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
/// included), in no particular order, of the subscriptions `covered`.
///
/// Some subscriptions' pickups are read by the index on their subscription. Over years the
/// garden's pickups are read in their table's order (`NOT INDEXED`): several times
/// faster than one look-up per pickup through the index by week. Their subscriptions are
/// read once beforehand rather than joined row by row.
pub(crate) fn each_ticked(
    conn: &Connection,
    (first, last): (IsoWeek, IsoWeek),
    covered: Covered,
    mut each: impl FnMut(Ticked),
) -> Result<()> {
    let mut holders: FxHashMap<i64, Holder> = FxHashMap::default();
    let condition = covered.condition();
    let member = covered.member();
    let mut stmt = conn.prepare(&format!(
        "SELECT s.id, s.member_id, s.shared_with, s.depot_id, s.size_id FROM subscription s
         WHERE {condition}"
    ))?;
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
    let mut stmt = if covered != Covered::All {
        // Some subscriptions' pickups, by the index on their subscription.
        conn.prepare(&format!(
            "SELECT subscription_id, monday, baskets, status = 'donne' FROM pickup
             WHERE subscription_id IN (SELECT s.id FROM subscription s WHERE {condition})
               AND monday >= :first AND monday <= :last"
        ))?
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
