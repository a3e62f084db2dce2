//! What the baskets charged each household and what it paid, as running totals at the end
//! of each month, kept once worked out (tables `debit_month` and `debit_month_member`) and
//! forgotten from the first month a pickup, subscription, absence, price, term, depot,
//! closure, holiday rule or payment they came from changes (triggers of migration 009): a
//! balance over ten years reads two months of totals and works out only the days around
//! them and the months not kept.

use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::{Connection, MAIN_DB, params};
use rustc_hash::FxHashMap;

use crate::domain::money::Cents;
use crate::store::Result;
use crate::store::columns::date_at;

/// Version of the rules pricing the baskets: a Binette that prices them differently bumps
/// it, and the months an older one kept are worked out again.
const PRICING_RULES: i64 = 1;

/// What one household was charged and paid, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sums {
    /// Charged for baskets delivered.
    pub charged: Cents,
    /// Paid (payments not cancelled, by day received).
    pub paid: Cents,
}

impl std::ops::Sub for Sums {
    type Output = Sums;
    fn sub(self, other: Sums) -> Sums {
        Sums {
            charged: self.charged - other.charged,
            paid: self.paid - other.paid,
        }
    }
}

/// Households' sums, by household id.
type Totals = FxHashMap<i64, Sums>;

/// Adds to a total what one household was charged for baskets delivered on a day.
pub(super) type Charge<'a> = &'a mut dyn FnMut(i64, NaiveDate, Cents);

/// What the baskets delivered from `from` to `until` (both included) charged each
/// household, and what it paid up to `until` (every payment received by then, even before
/// `from`): the whole months in between from the kept running totals (worked out, and
/// kept unless the database is read-only, where they are not yet), the days before and
/// after them worked out by `work_out`, which calls its [`Charge`] with every basket
/// delivered in the days it is given, and the payments of those days read.
pub(super) fn sums(
    conn: &Connection,
    (from, until): (NaiveDate, NaiveDate),
    mut work_out: impl FnMut(NaiveDate, NaiveDate, Charge) -> Result<()>,
) -> Result<Totals> {
    let mut total = Totals::default();
    if from > until {
        each_paid(conn, (None, until), |member, _, amount| {
            total.entry(member).or_default().paid += amount;
        })?;
        return Ok(total);
    }
    let mut add = |member: i64, _day: NaiveDate, debit: Cents| {
        total.entry(member).or_default().charged += debit;
    };
    let first_whole = if from.day() == 1 {
        from
    } else {
        next_month(from)
    };
    let after_whole = if is_last_day(until) {
        next_month(until)
    } else {
        month_start(until)
    };
    if first_whole >= after_whole {
        work_out(from, until, &mut add)?;
        add_paid(conn, (None, until), &mut total)?;
        return Ok(total);
    }
    if from < first_whole {
        work_out(from, day_before(first_whole), &mut add)?;
    }
    if after_whole <= until {
        work_out(after_whole, until, &mut add)?;
    }
    add_paid(conn, (None, day_before(first_whole)), &mut total)?;
    add_paid(conn, (Some(after_whole), until), &mut total)?;
    let (first, last) = (first_whole, previous_month(after_whole));
    let (end, before) = running_totals(conn, (first, last), &mut work_out)?;
    for (member, sums) in end {
        let whole = sums - before.get(&member).copied().unwrap_or_default();
        if whole == Sums::default() {
            // Nothing in these months (a household of the months kept before them only).
            continue;
        }
        let kept = total.entry(member).or_default();
        kept.charged += whole.charged;
        kept.paid += whole.paid;
    }
    Ok(total)
}

/// Adds to `total` the payments received from `from` (from the first when `None`) to `to`.
fn add_paid(
    conn: &Connection,
    (from, to): (Option<NaiveDate>, NaiveDate),
    total: &mut Totals,
) -> Result<()> {
    if from.is_some_and(|from| from > to) {
        return Ok(());
    }
    each_paid(conn, (from, to), |member, _, amount| {
        total.entry(member).or_default().paid += amount;
    })
}

/// Calls `each` with the household, day received and amount of every payment that counts
/// (see `Payment::counts`: not cancelled) received from `from` (from the first when
/// `None`) to `to`, read from their own index (`payment_counted`).
fn each_paid(
    conn: &Connection,
    (from, to): (Option<NaiveDate>, NaiveDate),
    mut each: impl FnMut(i64, NaiveDate, Cents),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, received_on, amount_cents FROM payment
         WHERE received_on >= coalesce(?1, '') AND received_on <= ?2 AND cancelled_on IS NULL",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        each(r.get(0)?, date_at(r, 1)?, r.get(2)?);
    }
    Ok(())
}

/// The running totals at the end of month `last` and at the end of the month before
/// `first` (empty when none is kept before `first`), both counted from the same first
/// month; the months missing up to `last` worked out and kept.
fn running_totals(
    conn: &Connection,
    (first, last): (NaiveDate, NaiveDate),
    work_out: &mut impl FnMut(NaiveDate, NaiveDate, Charge) -> Result<()>,
) -> Result<(Totals, Totals)> {
    let kept = kept_span(conn)?;
    let (start, mut running, before, start_again) = match kept {
        // Kept from `first` or earlier: carry on from the last month kept.
        Some((origin, kept_last)) if origin <= first => {
            let before = if origin < first {
                totals_of(conn, previous_month(first))?
            } else {
                Totals::default()
            };
            if kept_last >= last {
                return Ok((totals_of(conn, last)?, before));
            }
            let running = totals_of(conn, kept_last)?;
            (next_month(kept_last), running, before, false)
        }
        // Nothing kept, or kept from a later month only: start again from `first`.
        _ => (first, Totals::default(), Totals::default(), true),
    };
    let mut by_month: FxHashMap<NaiveDate, Totals> = FxHashMap::default();
    let end = day_before(next_month(last));
    work_out(start, end, &mut |member, day, debit| {
        let month = by_month.entry(month_start(day)).or_default();
        month.entry(member).or_default().charged += debit;
    })?;
    each_paid(conn, (Some(start), end), |member, day, amount| {
        let month = by_month.entry(month_start(day)).or_default();
        month.entry(member).or_default().paid += amount;
    })?;
    let mut months = Vec::new();
    let mut month = start;
    while month <= last {
        for (member, sums) in by_month.remove(&month).unwrap_or_default() {
            let total = running.entry(member).or_default();
            total.charged += sums.charged;
            total.paid += sums.paid;
        }
        months.push((month, running.clone()));
        month = next_month(month);
    }
    keep(conn, start_again, &months)?;
    Ok((running, before))
}

/// The first day of the month of `day`.
fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The first day of the month after the one of `day`.
fn next_month(day: NaiveDate) -> NaiveDate {
    month_start(day)
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of the month before the one of `day`.
fn previous_month(day: NaiveDate) -> NaiveDate {
    month_start(day)
        .checked_sub_months(Months::new(1))
        .unwrap_or(NaiveDate::MIN)
}

fn is_last_day(day: NaiveDate) -> bool {
    day.succ_opt().is_none_or(|next| next.day() == 1)
}

fn day_before(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(1)).unwrap_or(day)
}

/// `2026-10` for October 2026, as the tables key months.
fn month_key(month: NaiveDate) -> String {
    format!("{:04}-{:02}", month.year(), month.month())
}

/// The first and last months kept, when they follow one another under today's rules
/// (`None` otherwise: nothing kept, a gap, or months kept under other rules).
fn kept_span(conn: &Connection) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let (first, last, months, current): (Option<String>, Option<String>, i64, i64) = conn
        .query_row(
            "SELECT min(month), max(month), count(*), count(*) FILTER (WHERE rules = ?1)
             FROM debit_month",
            [PRICING_RULES],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let parse = |key: Option<String>| {
        key.and_then(|k| NaiveDate::parse_from_str(&format!("{k}-01"), "%Y-%m-%d").ok())
    };
    let (Some(first), Some(last)) = (parse(first), parse(last)) else {
        return Ok(None);
    };
    let span = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    Ok((months == current && i64::from(span) + 1 == months).then_some((first, last)))
}

/// The running totals kept at the end of `month`.
fn totals_of(conn: &Connection, month: NaiveDate) -> Result<Totals> {
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, charged_cents, paid_cents FROM debit_month_member WHERE month = ?1",
    )?;
    let mut rows = stmt.query([month_key(month)])?;
    let mut totals = Totals::default();
    while let Some(r) = rows.next()? {
        let sums = Sums {
            charged: r.get(1)?,
            paid: r.get(2)?,
        };
        totals.insert(r.get(0)?, sums);
    }
    Ok(totals)
}

/// Keeps `months` with their running totals, after forgetting every month kept when
/// `start_again` (or any month from the first of `months`). Keeping is only a saving: a
/// read-only database, or one being written by another program, keeps nothing and the
/// balance is still right.
fn keep(conn: &Connection, start_again: bool, months: &[(NaiveDate, Totals)]) -> Result<()> {
    let Some((first, _)) = months.first() else {
        return Ok(());
    };
    if conn.is_readonly(MAIN_DB)? {
        return Ok(());
    }
    conn.execute_batch("SAVEPOINT keep_debits")?;
    let written = write_months(conn, start_again, *first, months);
    let close = if written.is_ok() {
        "RELEASE keep_debits"
    } else {
        "ROLLBACK TO keep_debits; RELEASE keep_debits"
    };
    conn.execute_batch(close)?;
    Ok(())
}

fn write_months(
    conn: &Connection,
    start_again: bool,
    first: NaiveDate,
    months: &[(NaiveDate, Totals)],
) -> Result<()> {
    let from = if start_again {
        String::new()
    } else {
        month_key(first)
    };
    conn.execute("DELETE FROM debit_month WHERE month >= ?1", [from])?;
    let mut month_row =
        conn.prepare_cached("INSERT INTO debit_month (month, rules) VALUES (?1, ?2)")?;
    let mut member_row = conn.prepare_cached(
        "INSERT INTO debit_month_member (month, member_id, charged_cents, paid_cents)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (month, totals) in months {
        let key = month_key(*month);
        month_row.execute(params![key, PRICING_RULES])?;
        for (member, sums) in totals {
            member_row.execute(params![key, member, sums.charged, sums.paid])?;
        }
    }
    Ok(())
}
