//! The households' payments: monthly cheques handed over at signing up and remitted month by
//! month (this month's still held), transfers, cash, a few households behind, a cancelled
//! cheque, a delivery fee and a credit note — so the accounts, the slips and the documents
//! of the money area all show something believable.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::rng::Rng;
use super::{Ctx, days, months, ymd};
use crate::domain::calendar::month_name;
use crate::domain::money::Cents;
use crate::store::Result;
use crate::store::payments::ledger::charged_baskets;

/// Banks the demo's cheques are drawn on.
const BANKS: &[&str] = &[
    "Crédit Agricole",
    "Banque Populaire",
    "Caisse d'Épargne",
    "La Banque Postale",
    "Crédit Mutuel",
    "CIC",
];

/// How a household pays, drawn once per household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    /// Post-dated cheques handed over at the start, one cashed each month on the 5th.
    MonthlyCheques,
    /// A transfer early in the next month for what the month cost.
    Transfer,
    /// Cash at the depot, once a month.
    Cash,
    /// Paid by transfer, then stopped two or three months ago.
    Behind,
}

/// Each household's basket charges, month by month (first day of the month → cents), from
/// `first` to `today`, by the ledger's own rules (the baskets charged, in one pass).
fn monthly_charges(
    conn: &Connection,
    first: NaiveDate,
    today: NaiveDate,
) -> Result<BTreeMap<i64, BTreeMap<NaiveDate, Cents>>> {
    let mut charges: BTreeMap<i64, BTreeMap<NaiveDate, Cents>> = BTreeMap::new();
    for (prepared, line) in charged_baskets(conn, first, today)? {
        let month = ymd(prepared.day.year(), prepared.day.month(), 1, prepared.day);
        *charges
            .entry(prepared.line.member_id)
            .or_default()
            .entry(month)
            .or_default() += line.debit;
    }
    for by_month in charges.values_mut() {
        by_month.retain(|_, owed| *owed > 0);
    }
    charges.retain(|_, by_month| !by_month.is_empty());
    Ok(charges)
}

/// The first day of the month of the first pickup recorded: the demo's accounts start there
/// (its subscriptions may be older), and the setting says so.
fn open_accounts(conn: &Connection, today: NaiveDate) -> Result<NaiveDate> {
    let first: Option<NaiveDate> =
        conn.query_row("SELECT min(monday) FROM pickup", [], |row| row.get(0))?;
    let first = first.unwrap_or(today);
    let start = ymd(first.year(), first.month(), 1, first);
    crate::store::settings::set(
        conn,
        crate::store::settings::keys::ACCOUNTS_START,
        &start.format("%Y-%m-%d").to_string(),
    )?;
    Ok(start)
}

/// One payment row as the demo writes it.
struct Paid<'a> {
    member: i64,
    on: NaiveDate,
    amount: Cents,
    mode: &'a str,
    label: String,
    bank: &'a str,
    number: String,
    drawer: String,
    cash_on: Option<NaiveDate>,
}

/// Writes the payments, the remittance slips of past months and a few account entries.
pub(super) fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng) -> Result<()> {
    let start = open_accounts(conn, ctx.today)?;
    let charges = monthly_charges(conn, start, ctx.today)?;
    let mut paid = Vec::new();
    for (&member, by_month) in &charges {
        let habit = match rng.weighted(&[50, 25, 10, 15]) {
            0 => Habit::MonthlyCheques,
            1 => Habit::Transfer,
            2 => Habit::Cash,
            _ => Habit::Behind,
        };
        payments_of(member, habit, by_month, ctx.today, rng, &mut paid);
    }
    insert(conn, &paid)?;
    remit_past_months(conn, start, ctx.today)?;
    extras(conn, ctx.today, &charges)?;
    Ok(())
}

/// The payments of one household, by its habit.
fn payments_of<'a>(
    member: i64,
    habit: Habit,
    by_month: &BTreeMap<NaiveDate, Cents>,
    today: NaiveDate,
    rng: &mut Rng,
    out: &mut Vec<Paid<'a>>,
) {
    if habit == Habit::MonthlyCheques {
        let bank = *rng.pick(BANKS);
        let mut number = rng.range(1_000_000, 9_000_000);
        let drawer = if rng.chance(0.1) {
            // A parent or a partner under another name signs the cheques.
            format!("M. ou Mme {}", rng.pick(super::names::LAST_NAMES))
        } else {
            String::new()
        };
        // A series a year, handed over at the first basket of the year: one cheque per month
        // up to December, each the year's average month rounded up to the euro.
        let mut years: BTreeMap<i32, Vec<(NaiveDate, Cents)>> = BTreeMap::new();
        for (&month, &owed) in by_month {
            years.entry(month.year()).or_default().push((month, owed));
        }
        for months_of_year in years.values() {
            let first = months_of_year[0].0;
            let total: Cents = months_of_year.iter().map(|(_, owed)| owed).sum();
            let count = i64::try_from(months_of_year.len()).unwrap_or(1).max(1);
            let per_month = (total / count + 99) / 100 * 100;
            // Up to December, or to its last basket for a household that has left.
            let last = months_of_year[months_of_year.len() - 1].0;
            let this_month = ymd(today.year(), today.month(), 1, today);
            let until = if last < this_month { last.month() } else { 12 };
            let series = (until as i32 - first.month() as i32 + 1).max(1);
            for n in 0..series {
                out.push(Paid {
                    member,
                    on: days(first, 2),
                    amount: per_month,
                    mode: "cheque",
                    label: format!("Chèque {} sur {series}", n + 1),
                    bank,
                    number: number.to_string(),
                    drawer: drawer.clone(),
                    cash_on: Some(days(months(first, n), 4)),
                });
                number += 1;
            }
        }
        return;
    }
    let stop = if habit == Habit::Behind {
        months(today, -(rng.range(2, 3) as i32))
    } else {
        today
    };
    for (&month, &owed) in by_month {
        let (mode, on) = match habit {
            Habit::Cash => ("especes", days(month, rng.range(5, 20))),
            _ => ("virement", days(months(month, 1), 2)),
        };
        if on > stop {
            continue;
        }
        out.push(Paid {
            member,
            on,
            amount: owed,
            mode,
            label: format!("Paniers de {}", month_name(month.month())),
            bank: "",
            number: String::new(),
            drawer: String::new(),
            cash_on: None,
        });
    }
}

/// Writes the payments.
fn insert(conn: &Connection, paid: &[Paid<'_>]) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO payment (member_id, received_on, amount_cents, mode, label,
                              cheque_bank, cheque_number, drawer, cash_on)
         VALUES (:member, :on, :amount, :mode, :label, :bank, :number, :drawer, :cash_on)",
    )?;
    for p in paid {
        stmt.execute(named_params! {
            ":member": p.member,
            ":on": p.on,
            ":amount": p.amount,
            ":mode": p.mode,
            ":label": p.label,
            ":bank": p.bank,
            ":number": p.number,
            ":drawer": p.drawer,
            ":cash_on": p.cash_on,
        })?;
    }
    Ok(())
}

/// One slip on the 10th of every past month with cheques to cash by then; this month's
/// cheques stay held, waiting for the next slip.
fn remit_past_months(conn: &Connection, start: NaiveDate, today: NaiveDate) -> Result<()> {
    let this_month = ymd(today.year(), today.month(), 1, today);
    let mut number = 0;
    let mut month = start;
    while month < this_month {
        let made_on = days(month, 9);
        month = months(month, 1);
        let held: i64 = conn.query_row(
            "SELECT count(*) FROM payment
             WHERE mode = 'cheque' AND remittance_id IS NULL AND cash_on <= :until",
            named_params! {":until": made_on},
            |row| row.get(0),
        )?;
        if held == 0 {
            continue;
        }
        number += 1;
        conn.execute(
            "INSERT INTO remittance (number, made_on, until) VALUES (:n, :on, :on)",
            named_params! {":n": number, ":on": made_on},
        )?;
        conn.execute(
            "UPDATE payment SET remittance_id = last_insert_rowid()
             WHERE mode = 'cheque' AND remittance_id IS NULL AND cash_on <= :until",
            named_params! {":until": made_on},
        )?;
    }
    Ok(())
}

/// A cheque refused by the bank (cancelled, kept), a delivery fee and a credit note, on the
/// first households that pay by cheque and have charges.
fn extras(
    conn: &Connection,
    today: NaiveDate,
    charges: &BTreeMap<i64, BTreeMap<NaiveDate, Cents>>,
) -> Result<()> {
    let last_held: Option<i64> = conn.query_row(
        "SELECT max(id) FROM payment WHERE mode = 'cheque' AND remittance_id IS NULL",
        [],
        |row| row.get(0),
    )?;
    if let Some(id) = last_held {
        conn.execute(
            "UPDATE payment SET cancelled_on = :on,
                    cancel_reason = 'Chèque mal rempli, rendu au foyer'
             WHERE id = :id",
            named_params! {":id": id, ":on": days(today, -1)},
        )?;
    }
    let mut members = charges.keys();
    let entries = [
        ("frais", "Livraison à domicile", 500),
        ("avoir", "Panier manquant, remboursé", 1250),
    ];
    for (kind, label, amount) in entries {
        let Some(&member) = members.next() else {
            break;
        };
        conn.execute(
            "INSERT INTO account_entry (member_id, entry_on, kind, label, amount_cents)
             VALUES (:member, :on, :kind, :label, :amount)",
            named_params! {
                ":member": member,
                ":on": days(today, -40),
                ":kind": kind,
                ":label": label,
                ":amount": amount,
            },
        )?;
    }
    Ok(())
}
