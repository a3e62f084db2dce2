//! The demo garden: fills an empty database with a realistic, reproducible garden so a new
//! user (or a tester) sees every screen and document with believable data.
//!
//! Everything is derived from `scale` and `today` through a seeded generator: the same two
//! values always give byte-identical content. Rows go straight into the schema tables with
//! plain SQL, in one transaction.

mod baskets;
mod harvests;
mod insertion;
mod names;
mod payments;
mod rng;
mod workshops;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use rusqlite::{Connection, named_params};

use super::{Result, StoreError};
use rng::Rng;

/// Every table the demo fills, in insertion order (also the order of the summary).
pub const DEMO_TABLES: &[&str] = &[
    "setting",
    "staff",
    "employee",
    "employee_criterion",
    "approval",
    "approval_change",
    "contract",
    "follow_up",
    "follow_up_theme",
    "training",
    "immersion",
    "exit",
    "fse_snapshot",
    "crop",
    "crop_unit",
    "plot",
    "harvest",
    "basket_size",
    "basket_price",
    "depot",
    "funder",
    "member",
    "membership",
    "subscription",
    "solidarity_terms",
    "solidarity_terms_funding",
    "absence",
    "closure",
    "holiday_rule",
    "composition_item",
    "pickup",
    "workshop",
    "workshop_animator",
    "workshop_session",
    "attendance",
    "remittance",
    "payment",
    "account_entry",
];

/// What the demo wrote: the number of rows of each table, in `DEMO_TABLES` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    /// (table, row count) pairs.
    pub counts: Vec<(&'static str, i64)>,
}

impl DemoSummary {
    /// Rows in `table` (0 for a table the demo does not know).
    pub fn count(&self, table: &str) -> i64 {
        self.counts
            .iter()
            .find(|(name, _)| *name == table)
            .map_or(0, |(_, n)| *n)
    }

    /// Rows written in all tables together.
    pub fn total(&self) -> i64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// The garden's name in the demo.
pub const DEMO_GARDEN_NAME: &str = "Jardin de Cocagne du Val de Loue";

/// The most seasons `create_demo_years` writes.
pub const MAX_YEARS: u32 = 20;

/// Fills an empty database with a demo garden anchored on `today`; `scale` multiplies the
/// people, members, subscriptions and harvest lines (1 = a typical garden, 10 = a stress test).
///
/// Refused, without writing anything, when the database already holds members or employees.
pub fn create_demo(conn: &Connection, scale: u32, today: NaiveDate) -> Result<DemoSummary> {
    create_demo_years(conn, scale, 1, today)
}

/// Like [`create_demo`], for a garden that has lived `years` seasons (1 to [`MAX_YEARS`]):
/// employees who came and left each year, households who joined and left over the years,
/// harvests, pickups, compositions, closures, workshops and payments back to the first
/// season. `years = 1` is exactly the usual demo.
pub fn create_demo_years(
    conn: &Connection,
    scale: u32,
    years: u32,
    today: NaiveDate,
) -> Result<DemoSummary> {
    let used: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM employee)",
        [],
        |row| row.get(0),
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(
            "La base de données contient déjà des données : la démonstration n'est créée que \
             dans une base vide."
                .to_string(),
        ));
    }
    let scale = scale.max(1);
    let years = years.clamp(1, MAX_YEARS);
    // A one-season demo keeps the seed it always had (and so its exact content).
    let lived = if years > 1 { u64::from(years) << 56 } else { 0 };
    let seed = 0xB1AE_77E0_0000_0000_u64
        ^ lived
        ^ (u64::from(scale) << 32)
        ^ u64::from(today.num_days_from_ce().unsigned_abs());
    let root = Rng::new(seed);
    let ctx = Ctx {
        scale,
        years,
        today,
        now: today,
        monday: monday_of(today),
    };

    // Ten seasons make a file of about 60 MB written in one transaction: with SQLite's
    // default 2 MB page cache, its pages would be spilled and read back over a million times.
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |row| row.get(0))?;
    conn.pragma_update(None, "cache_size", -DEMO_CACHE_KIB)?;
    let summary = write_all(conn, &ctx, &root);
    conn.pragma_update(None, "cache_size", cache)?;
    summary
}

/// SQLite's page cache while the demo is written, in KiB.
const DEMO_CACHE_KIB: i64 = 64 * 1024;

/// Writes every area in one transaction.
fn write_all(conn: &Connection, ctx: &Ctx, root: &Rng) -> Result<DemoSummary> {
    let tx = conn.unchecked_transaction()?;
    write_settings(&tx)?;
    let people = insertion::create(&tx, ctx, &mut root.fork(1))?;
    let crops = harvests::create(&tx, ctx, &mut root.fork(2))?;
    let members = baskets::create(&tx, ctx, &mut root.fork(3), &crops)?;
    workshops::create(&tx, ctx, &mut root.fork(4), &people, &members)?;
    payments::create(&tx, ctx, &mut root.fork(5))?;
    // The households' monthly debits worked out and kept, as in a garden whose balances
    // were already looked at.
    crate::store::payments::ledger::balances(&tx, ctx.now)?;
    let summary = summarize(&tx)?;
    tx.commit()?;
    Ok(summary)
}

/// What every area needs to know about the run.
pub(crate) struct Ctx {
    /// Multiplier of people and lines.
    pub scale: u32,
    /// Seasons the garden has lived (1 = the usual demo).
    pub years: u32,
    /// The day everything is anchored on (an earlier day for a past year's cohort).
    pub today: NaiveDate,
    /// The real today: nothing is dated after it.
    pub now: NaiveDate,
    /// Monday of `today`'s week.
    pub monday: NaiveDate,
}

fn write_settings(conn: &Connection) -> Result<()> {
    use crate::store::settings::keys;
    let mut stmt = conn.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES (:k, :v)")?;
    for (key, value) in [
        (keys::GARDEN_NAME, DEMO_GARDEN_NAME),
        (keys::GARDEN_ADDRESS, "12 chemin de la Source"),
        (keys::GARDEN_POSTCODE, "25290"),
        (keys::GARDEN_CITY, "Ornans"),
        (keys::GARDEN_SIRET, DEMO_SIRET),
        // Marks the file so the window title says "(démonstration)".
        (keys::DEMO, "1"),
    ] {
        stmt.execute(named_params! {":k": key, ":v": value})?;
    }
    Ok(())
}

/// The demo garden's SIRET (14 digits, Luhn-valid).
pub const DEMO_SIRET: &str = "81234567800013";

fn summarize(conn: &Connection) -> Result<DemoSummary> {
    let mut counts = Vec::with_capacity(DEMO_TABLES.len());
    for &table in DEMO_TABLES {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?;
        counts.push((table, n));
    }
    Ok(DemoSummary { counts })
}

impl Ctx {
    /// The same run anchored `back` years earlier (a past season's cohort).
    pub(crate) fn years_ago(&self, back: u32) -> Ctx {
        let today = months(self.today, -12 * back as i32);
        Ctx {
            scale: self.scale,
            years: self.years,
            today,
            now: self.now,
            monday: monday_of(today),
        }
    }

    /// Extra seasons lived before the usual demo's (0 for the usual demo).
    pub(crate) fn past_seasons(&self) -> i64 {
        i64::from(self.years) - 1
    }
}

/// Monday of `date`'s ISO week.
pub(crate) fn monday_of(date: NaiveDate) -> NaiveDate {
    days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// `date` moved by `n` days.
pub(crate) fn days(date: NaiveDate, n: i64) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(n)).unwrap_or(date)
}

/// `date` moved by `n` months (clamped to the month's end).
pub(crate) fn months(date: NaiveDate, n: i32) -> NaiveDate {
    let shifted = if n >= 0 {
        date.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs()))
    };
    shifted.unwrap_or(date)
}

/// A date from its parts, or `fallback` when the parts make no date.
pub(crate) fn ymd(year: i32, month: u32, day: u32, fallback: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(fallback)
}

/// Whole years between `birth` and `on`.
pub(crate) fn age_on(birth: NaiveDate, on: NaiveDate) -> i64 {
    let mut age = i64::from(on.year() - birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}
