//! The baskets of a period as statements and the report count them: those recorded at
//! pickup (collected or left at the depot), those planned but never ticked (shown apart,
//! never counted as zero in silence), and the Paniers Solidaires money they come to, to
//! the cent, under the terms in force on each delivery day.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::ticked::{Covered, each_ticked};
use super::{all_solidarity_terms, list_basket_sizes, list_depots, prices_of_size};
use crate::domain::baskets::{Solidarity, price_on};
use crate::domain::calendar::{IsoWeek, format_date};
use crate::domain::distribution::depot_delivery;
use crate::domain::money::Cents;
use crate::domain::solidarity::{Split, split, terms_on};
use crate::domain::text::compare;
use crate::store::calendar::{list_closures, list_holiday_rules};
use crate::store::{Result, StoreError};

/// Baskets of one subscription on one delivery day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveredBaskets {
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
    /// Day of the delivery.
    pub day: NaiveDate,
    /// Baskets.
    pub baskets: i64,
}

/// The baskets of a period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodBaskets {
    /// Ticked at pickup as collected or not collected (donated baskets are not the
    /// household's and are left out).
    pub delivered: Vec<DeliveredBaskets>,
    /// Planned for a household but never ticked: no pickup recorded for that subscription
    /// that week.
    pub unticked: Vec<DeliveredBaskets>,
}

/// Where each depot's delivery falls in a week, with the garden's closures and holiday rules:
/// read once, asked for many ticked pickups.
pub(crate) struct DeliveryDays {
    depots: Vec<crate::domain::baskets::Depot>,
    closures: Vec<crate::domain::baskets::Closure>,
    rules: Vec<crate::domain::baskets::HolidayRule>,
    /// The days already worked out, by depot and Monday: years of pickups ask for the
    /// same few thousand weeks.
    known: FxHashMap<(i64, NaiveDate), NaiveDate>,
}

impl DeliveryDays {
    /// The depots, closures and holiday rules of the garden.
    pub(crate) fn load(conn: &Connection) -> Result<DeliveryDays> {
        Ok(DeliveryDays {
            depots: list_depots(conn)?,
            closures: list_closures(conn)?,
            rules: list_holiday_rules(conn)?,
            known: FxHashMap::default(),
        })
    }

    /// The delivery day of depot `depot_id` in the week of `monday` (that Monday when the
    /// depot is unknown or does not deliver that week).
    pub(crate) fn day(&mut self, depot_id: i64, monday: NaiveDate) -> NaiveDate {
        let (depots, closures, rules) = (&self.depots, &self.closures, &self.rules);
        *self.known.entry((depot_id, monday)).or_insert_with(|| {
            depots
                .iter()
                .find(|d| d.id == depot_id)
                .and_then(|d| depot_delivery(d, IsoWeek::of(monday), closures, rules).date())
                .unwrap_or(monday)
        })
    }
}

/// The baskets delivered from `from` to `to` (delivery days, both included), and those
/// planned in that period that were never ticked; in no particular order.
pub fn period_baskets(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<PeriodBaskets> {
    baskets_of(conn, (from, to), Covered::All, true)
}

/// [`period_baskets`] of the subscriptions with Paniers Solidaires terms only: all that
/// the funders' statements count, a small part of years of pickups.
pub(crate) fn solidarity_baskets(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PeriodBaskets> {
    baskets_of(conn, (from, to), Covered::Solidarity, true)
}

/// The delivered part of [`solidarity_baskets`] alone (what the funders owe), without
/// planning the weeks to find the baskets never ticked.
pub(crate) fn solidarity_delivered(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DeliveredBaskets>> {
    Ok(baskets_of(conn, (from, to), Covered::Solidarity, false)?.delivered)
}

/// The baskets of the subscriptions `covered` from `from` to `to`, those never ticked only
/// when `unticked` is asked (it plans every week of the period).
fn baskets_of(
    conn: &Connection,
    (from, to): (NaiveDate, NaiveDate),
    covered: Covered,
    unticked: bool,
) -> Result<PeriodBaskets> {
    let mut days = DeliveryDays::load(conn)?;
    let first = IsoWeek::of(from).previous();
    let last = IsoWeek::of(to).next();
    let mut ticked: FxHashSet<(NaiveDate, i64)> = FxHashSet::default();
    let mut found = PeriodBaskets::default();
    each_ticked(conn, (first, last), covered, |pickup| {
        if unticked {
            ticked.insert((pickup.monday, pickup.subscription_id));
        }
        if pickup.donated {
            return;
        }
        let day = days.day(pickup.depot_id, pickup.monday);
        if day < from || day > to {
            return;
        }
        found.delivered.push(DeliveredBaskets {
            subscription_id: pickup.subscription_id,
            member_id: pickup.member_id,
            shared_with: pickup.shared_with,
            depot_id: pickup.depot_id,
            size_id: pickup.size_id,
            day,
            baskets: pickup.baskets,
        });
    })?;
    if !unticked {
        return Ok(found);
    }
    let weeks = u32::try_from(last.weeks_since(first) + 1).unwrap_or(1);
    for plan in crate::store::week::plan_weeks_of(conn, first, weeks, covered)? {
        for depot in &plan.depots {
            let Some(day) = depot.delivery.date() else {
                continue;
            };
            if day < from || day > to {
                continue;
            }
            for line in &depot.lines {
                // What the household takes home: a donated basket is not its own.
                let usual = if line.absent.is_none() {
                    line.quantity
                } else {
                    0
                };
                let baskets = usual + line.make_up;
                if baskets == 0 || ticked.contains(&(plan.week.monday(), line.subscription_id)) {
                    continue;
                }
                found.unticked.push(DeliveredBaskets {
                    subscription_id: line.subscription_id,
                    member_id: line.member_id,
                    shared_with: line.shared_with,
                    depot_id: depot.depot_id,
                    size_id: line.size_id,
                    day,
                    baskets,
                });
            }
        }
    }
    Ok(found)
}

/// One subscription's solidarity baskets under one period of terms, and what they came to.
#[derive(Debug, Clone, PartialEq)]
pub struct SolidarityAccount {
    /// The household.
    pub member_id: i64,
    /// "NOM Prénom".
    pub household: String,
    /// Basket size name.
    pub size: String,
    /// The terms these baskets were delivered under.
    pub terms: Solidarity,
    /// Baskets delivered.
    pub baskets: i64,
    /// Value, household share, each funder's share (in the terms' funding order) and the
    /// unfunded rest, adding up to the value.
    pub split: Split,
}

/// The first delivery of a group (who, which size) and its (price, baskets) pairs.
type Group = (DeliveredBaskets, Vec<(Cents, i64)>);

/// The solidarity accounts of `delivered`: each basket under the terms in force on its
/// day, at the price of its size on that day. A delivery whose size has no price that day
/// is an error telling which price to add, never 0 €.
pub fn solidarity_accounts(
    conn: &Connection,
    delivered: &[DeliveredBaskets],
) -> Result<Vec<SolidarityAccount>> {
    let terms = all_solidarity_terms(conn)?;
    let sizes = list_basket_sizes(conn)?;
    let mut prices = HashMap::new();
    // (subscription, terms id) → (price, baskets) pairs, in a stable order.
    let mut groups: BTreeMap<(i64, i64), Group> = BTreeMap::new();
    for d in delivered {
        let Some(in_force) = terms
            .get(&d.subscription_id)
            .and_then(|periods| terms_on(periods, d.day))
        else {
            continue;
        };
        let size_prices = match prices.entry(d.size_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(prices_of_size(conn, d.size_id)?)
            }
        };
        let Some(price) = price_on(size_prices, d.day) else {
            let name = sizes
                .iter()
                .find(|s| s.id == d.size_id)
                .map_or("?", |s| s.name.as_str());
            return Err(StoreError::Invalid(format!(
                "Le panier « {name} » n'a pas de prix le {} : ajoutez un prix valable à \
                 cette date (Adhérents › Paniers et dépôts), puis recommencez.",
                format_date(d.day)
            )));
        };
        groups
            .entry((d.subscription_id, in_force.id))
            .or_insert_with(|| (d.clone(), Vec::new()))
            .1
            .push((price, d.baskets));
    }
    let mut names = conn.prepare("SELECT last_name, first_name FROM member WHERE id = :id")?;
    let mut accounts = Vec::new();
    for ((sub, terms_id), (first, baskets)) in groups {
        let Some(period) = terms
            .get(&sub)
            .and_then(|periods| periods.iter().find(|t| t.id == terms_id))
        else {
            continue;
        };
        let (last, first_name): (String, String) = names
            .query_row(named_params! {":id": first.member_id}, |r| {
                Ok((r.get("last_name")?, r.get("first_name")?))
            })?;
        accounts.push(SolidarityAccount {
            member_id: first.member_id,
            household: crate::domain::text::list_name(&first_name, &last),
            size: sizes
                .iter()
                .find(|s| s.id == first.size_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            terms: period.clone(),
            baskets: baskets.iter().map(|(_, n)| n).sum(),
            split: split(period, &baskets),
        });
    }
    // French order (accents ignored), then each household's periods in order.
    accounts.sort_by(|a, b| {
        compare(&a.household, &b.household).then(a.terms.start.cmp(&b.terms.start))
    });
    Ok(accounts)
}
