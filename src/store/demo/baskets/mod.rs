//! The basket round: sizes and prices, depots, funders, members with memberships and
//! subscriptions, Paniers Solidaires, absences, closures, holiday rules, compositions and
//! pickups.

mod calendar;
mod departed;
mod households;
mod round;
mod setup;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::harvests::CropInfo;
use super::rng::Rng;
use super::{Ctx, days};
use crate::store::Result;
use calendar::{create_closures, create_holiday_rules};
use departed::create_departed;
use households::Writer;
use round::{create_absences, create_compositions, create_pickups};
use setup::{DEPOTS, create_depots, create_funders, create_sizes};

/// One year's membership of a household (shared with the departed households).
const MEMBERSHIP_INSERT: &str =
    "INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
     VALUES (:m, :year, :amount, :paid, :method)";

/// Ids the workshops need.
pub struct Members {
    /// Every member id.
    pub all: Vec<i64>,
    /// Members of Paniers Solidaires households.
    pub solidarity: Vec<i64>,
}

/// A subscription as the pickups need it.
struct Sub {
    id: i64,
    member: i64,
    depot: usize,
    start: NaiveDate,
    end: Option<NaiveDate>,
    fortnightly: bool,
    anchor: NaiveDate,
    quantity: i64,
}

/// An absence as the pickups need it.
struct Away {
    start: NaiveDate,
    end: NaiveDate,
    mode: &'static str,
    makeup: Option<NaiveDate>,
}

/// Writes everything of the basket round.
pub fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng, crops: &[CropInfo]) -> Result<Members> {
    let today = ctx.today;
    let year = today.year();
    let past = ctx.past_seasons();
    let sizes = create_sizes(conn, year, past, today)?;
    let depots = create_depots(conn, ctx.scale * growth(ctx))?;
    let funders = create_funders(conn)?;
    let closed = create_closures(conn, year, past)?;
    let cancelled = create_holiday_rules(conn, year, &depots, &closed, today)?;

    let count = 180 * (ctx.scale * growth(ctx)) as usize;
    let writer = Writer::prepare(conn, ctx, &sizes, &depots, &funders, count)?;
    let (mut households, mut terms) = writer.write_all(rng)?;
    let departed = create_departed(conn, ctx, rng, &sizes, &depots, &mut terms)?;
    households.all.extend(departed.members);
    households.subs.extend(departed.subs);
    let absences = create_absences(conn, ctx, rng, &households.active)?;
    create_compositions(conn, ctx, rng, crops, &sizes, &closed)?;
    create_pickups(
        conn,
        ctx,
        rng,
        &households.subs,
        &depots,
        &closed,
        &cancelled,
        &absences,
    )?;
    Ok(Members {
        all: households.all,
        solidarity: households.solidarity,
    })
}

/// How many times the usual demo's households a garden of `ctx.years` seasons has today:
/// it grew over the years (1 for the usual demo, 6 after ten seasons).
fn growth(ctx: &Ctx) -> u32 {
    (ctx.years * 3 / 5).max(1)
}

/// The delivery date of `depot` in the week of `monday`.
fn delivery_day(monday: NaiveDate, depot: usize) -> NaiveDate {
    days(monday, i64::from(DEPOTS[depot].4) - 1)
}
