//! A household's account read from the database: the baskets prepared for it, its
//! memberships, manual lines and payments, as ledger lines with the running balance; and
//! every household's balance.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{account_entries, monthly, payment_modes, payments_of};
use crate::domain::baskets::{BasketPrice, Solidarity};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::PlanLine;
use crate::domain::money::Cents;
use crate::domain::payments::ledger::{
    LedgerLine, basket_debit, basket_line, entry_line, membership_lines, payment_line,
    with_balances,
};
use crate::domain::payments::{AccountEntry, Payment};
use crate::store::Result;
use crate::store::baskets::accounts::DeliveryDays;
use crate::store::baskets::ticked::{Covered, each_ticked};
use crate::store::baskets::{all_solidarity_terms, list_basket_sizes, prices_of_size};
use crate::store::members::{list_memberships, memberships_of};

/// Baskets prepared for one subscription on one delivery day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Delivery day.
    pub day: NaiveDate,
    /// The subscription's line: its household, size and baskets.
    pub line: PlanLine,
}

/// The baskets prepared with delivery days from `from` to `until` (both included): as ticked
/// at pickup when they were (collected, not collected or donated: all were prepared), else
/// as planned (the plan's baskets to prepare); by day, then subscription.
pub fn prepared_baskets(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<Prepared>> {
    let mut found = Vec::new();
    each_prepared(conn, from, until, None, |prepared| found.push(prepared))?;
    found.sort_by_key(|p| (p.day, p.line.subscription_id));
    Ok(found)
}

/// Calls `each` with every basket of [`prepared_baskets`] (of household `member` only when
/// given, as the subscription's holder), in no particular order, without keeping them: a
/// balance over years of baskets needs one pass, not a list.
fn each_prepared(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
    member: Option<i64>,
    mut each: impl FnMut(Prepared),
) -> Result<()> {
    let mut days = DeliveryDays::load(conn)?;
    let first = IsoWeek::of(from).previous();
    let last = IsoWeek::of(until).next();
    let mut ticked: FxHashSet<(NaiveDate, i64)> = FxHashSet::default();
    each_ticked(conn, (first, last), covered(member), |pickup| {
        ticked.insert((pickup.monday, pickup.subscription_id));
        let day = days.day(pickup.depot_id, pickup.monday);
        if day < from || day > until {
            return;
        }
        let line = PlanLine {
            subscription_id: pickup.subscription_id,
            member_id: pickup.member_id,
            shared_with: pickup.shared_with,
            size_id: pickup.size_id,
            quantity: pickup.baskets,
            absent: None,
            make_up: 0,
        };
        each(Prepared { day, line });
    })?;
    let weeks = u32::try_from(last.weeks_since(first) + 1).unwrap_or(1);
    for plan in crate::store::week::plan_weeks_of(conn, first, weeks, covered(member))? {
        for depot in &plan.depots {
            let Some(day) = depot.delivery.date() else {
                continue;
            };
            if day < from || day > until {
                continue;
            }
            for line in &depot.lines {
                if !ticked.contains(&(plan.week.monday(), line.subscription_id)) {
                    each(Prepared {
                        day,
                        line: line.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}

/// What pricing baskets needs: each size's name and prices, each subscription's terms.
struct Pricing {
    sizes: FxHashMap<i64, (String, Vec<BasketPrice>)>,
    terms: FxHashMap<i64, Vec<Solidarity>>,
}

impl Pricing {
    fn load(conn: &Connection) -> Result<Pricing> {
        let mut sizes = FxHashMap::default();
        for size in list_basket_sizes(conn)? {
            let prices = prices_of_size(conn, size.id)?;
            sizes.insert(size.id, (size.name, prices));
        }
        Ok(Pricing {
            sizes,
            terms: all_solidarity_terms(conn)?.into_iter().collect(),
        })
    }

    fn line(&self, prepared: &Prepared) -> Option<LedgerLine> {
        let (name, prices) = self.sizes.get(&prepared.line.size_id)?;
        basket_line(
            &prepared.line,
            prepared.day,
            name,
            prices,
            self.terms_of(prepared),
        )
    }

    /// What [`Pricing::line`] charges, without the line's wording.
    fn debit(&self, prepared: &Prepared) -> Option<Cents> {
        let (_, prices) = self.sizes.get(&prepared.line.size_id)?;
        basket_debit(
            &prepared.line,
            prepared.day,
            prices,
            self.terms_of(prepared),
        )
    }

    fn terms_of(&self, prepared: &Prepared) -> &[Solidarity] {
        self.terms
            .get(&prepared.line.subscription_id)
            .map_or(&[][..], Vec::as_slice)
    }
}

/// The first day anything can be owed: the first subscription's start, or the accounts'
/// start when set and later (`until` when there is no subscription).
fn first_day(conn: &Connection, until: NaiveDate) -> Result<NaiveDate> {
    let first: Option<NaiveDate> =
        conn.query_row("SELECT min(start_date) FROM subscription", [], |r| r.get(0))?;
    let first = first
        .unwrap_or(until)
        .max(accounts_start(conn)?.unwrap_or(NaiveDate::MIN));
    Ok(first.min(until))
}

/// The accounts' first day when the garden set one (see `settings::keys::ACCOUNTS_START`).
pub fn accounts_start(conn: &Connection) -> Result<Option<NaiveDate>> {
    let value = crate::store::settings::get(conn, crate::store::settings::keys::ACCOUNTS_START)?;
    Ok(value.and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok()))
}

/// The labels of the payment modes by code.
fn mode_labels(conn: &Connection) -> Result<HashMap<String, String>> {
    Ok(payment_modes(conn)?
        .into_iter()
        .map(|m| (m.code, m.label))
        .collect())
}

/// The ledger lines of everything owed and paid, from all of the sources.
fn lines_of(
    baskets: impl Iterator<Item = LedgerLine>,
    memberships: &[crate::domain::baskets::Membership],
    entries: &[AccountEntry],
    payments: &[Payment],
    modes: &HashMap<String, String>,
) -> Vec<LedgerLine> {
    let mut lines: Vec<LedgerLine> = baskets.collect();
    lines.extend(memberships.iter().flat_map(membership_lines));
    lines.extend(entries.iter().map(entry_line));
    lines.extend(payments.iter().filter_map(|p| {
        let label = modes.get(&p.mode).map_or(p.mode.as_str(), String::as_str);
        payment_line(p, label)
    }));
    lines
}

/// Household `member_id`'s account up to `until`: every line in date order with the
/// balance after it (credits − debits; negative when the household owes).
pub fn household_ledger(
    conn: &Connection,
    member_id: i64,
    until: NaiveDate,
) -> Result<Vec<(LedgerLine, Cents)>> {
    let pricing = Pricing::load(conn)?;
    let mut prepared = Vec::new();
    let from = first_day(conn, until)?;
    each_prepared(conn, from, until, Some(member_id), |p| prepared.push(p))?;
    prepared.sort_by_key(|p| (p.day, p.line.subscription_id));
    let baskets = prepared.iter().filter_map(|p| pricing.line(p));
    let memberships: Vec<_> = memberships_of(conn, member_id)?
        .into_iter()
        .filter(|m| m.paid_on <= until)
        .collect();
    let entries = account_entries(conn, Some(member_id), until)?;
    let payments: Vec<Payment> = payments_of(conn, member_id)?
        .into_iter()
        .filter(|p| p.received_on <= until)
        .collect();
    let lines = lines_of(
        baskets,
        &memberships,
        &entries,
        &payments,
        &mode_labels(conn)?,
    );
    Ok(with_balances(lines))
}

/// Every household's balance on `until` (credits − debits), households with no line left out.
pub fn balances(conn: &Connection, until: NaiveDate) -> Result<HashMap<i64, Cents>> {
    let pricing = Pricing::load(conn)?;
    let period = (first_day(conn, until)?, until);
    let sums = monthly::sums(conn, period, |from, to, charge| {
        each_prepared(conn, from, to, None, |prepared| {
            if let Some(debit) = pricing.debit(&prepared) {
                charge(prepared.line.member_id, prepared.day, debit);
            }
        })
    })?;
    // The payments that count (see `Payment::counts`), received by `until`, come with the
    // debits: those not cancelled.
    let mut balance: FxHashMap<i64, Cents> = sums
        .into_iter()
        .map(|(member, sums)| (member, sums.paid - sums.charged))
        .collect();
    // A membership is owed and paid the same day: the balance is unchanged, but the
    // household has one.
    let mut stmt = conn.prepare("SELECT DISTINCT member_id FROM membership WHERE paid_on <= ?1")?;
    for member in stmt.query_map([until], |r| r.get::<_, i64>(0))? {
        balance.entry(member?).or_insert(0);
    }
    for entry in account_entries(conn, None, until)? {
        let line = entry_line(&entry);
        *balance.entry(entry.member_id).or_default() += line.credit - line.debit;
    }
    Ok(balance.into_iter().collect())
}

/// The baskets charged to the households from `from` to `to` (both included; none before
/// the accounts' start), each with its ledger line (the household's price or share).
pub fn charged_baskets(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Prepared, LedgerLine)>> {
    let pricing = Pricing::load(conn)?;
    let from = from.max(accounts_start(conn)?.unwrap_or(NaiveDate::MIN));
    Ok(prepared_baskets(conn, from, to)?
        .into_iter()
        .filter_map(|p| pricing.line(&p).map(|line| (p, line)))
        .collect())
}

/// What the households' accounts were charged from `from` to `to` (both included), in cents:
/// (baskets at each household's price or solidarity share, memberships paid in the period,
/// manual charges less credit notes). Funders' shares are not in it: they are invoiced apart.
pub fn charged_revenue(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Cents, Cents, Cents)> {
    let baskets = charged_baskets(conn, from, to)?
        .iter()
        .map(|(_, line)| line.debit)
        .sum();
    let memberships = list_memberships(conn)?
        .iter()
        .filter(|m| m.paid_on >= from && m.paid_on <= to)
        .map(|m| m.amount)
        .sum();
    let adjustments = account_entries(conn, None, to)?
        .iter()
        .filter(|e| e.entry_on >= from)
        .map(|e| {
            let line = entry_line(e);
            line.debit - line.credit
        })
        .sum();
    Ok((baskets, memberships, adjustments))
}

/// A household's account over a period, as its statement (relevé de compte) and a reminder
/// letter print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountStatement {
    /// "NOM Prénom".
    pub household: String,
    /// Postal address lines (street, "postcode city"), empty ones left out: the statement
    /// and the letter are sent to the household.
    pub address: Vec<String>,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// Balance before the period.
    pub opening: Cents,
    /// The period's lines with the balance after each.
    pub lines: Vec<(LedgerLine, Cents)>,
}

impl AccountStatement {
    /// Balance at the end of the period (credits − debits).
    pub fn closing(&self) -> Cents {
        self.lines
            .last()
            .map_or(self.opening, |(_, balance)| *balance)
    }

    /// What the period's lines owe and credit: (debits, credits).
    pub fn totals(&self) -> (Cents, Cents) {
        self.lines
            .iter()
            .fold((0, 0), |(d, c), (l, _)| (d + l.debit, c + l.credit))
    }
}

/// Household `member_id`'s statement from `from` to `to` (both included).
pub fn account_statement(
    conn: &Connection,
    member_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<AccountStatement> {
    let (household, street, postcode, city): (String, String, String, String) = conn
        .query_row(
            "SELECT last_name, first_name, address, postcode, city FROM member WHERE id = ?1",
            [member_id],
            // SQLite's upper() leaves accented letters alone ("ANDRé"): named in Rust.
            |r| {
                let (last, first): (String, String) = (r.get(0)?, r.get(1)?);
                let name = crate::domain::text::list_name(&first, &last);
                Ok((name, r.get(2)?, r.get(3)?, r.get(4)?))
            },
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => crate::store::StoreError::NotFound("Adhérent"),
            e => e.into(),
        })?;
    let town = format!("{} {}", postcode.trim(), city.trim())
        .trim()
        .to_owned();
    let address = [street.trim().to_owned(), town]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let all = household_ledger(conn, member_id, to)?;
    let opening = all
        .iter()
        .take_while(|(l, _)| l.date < from)
        .last()
        .map_or(0, |(_, b)| *b);
    let lines = all.into_iter().filter(|(l, _)| l.date >= from).collect();
    Ok(AccountStatement {
        household,
        address,
        from,
        to,
        opening,
        lines,
    })
}

/// The subscriptions held by `member`, or every one.
fn covered(member: Option<i64>) -> Covered {
    member.map_or(Covered::All, Covered::HeldBy)
}
