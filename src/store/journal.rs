//! The facts of a period the journal for the accountant is made of: baskets prepared (the
//! households' share), memberships, charges and credit notes, payments received, remittance
//! slips, and the invoices to funders (issued, cancelled, paid). See
//! [`crate::domain::accounting`] for the entries they become.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Result;
use super::invoices::invoices;
use super::payments::ledger::charged_baskets;
use super::payments::remittance::slips;
use super::payments::{account_entries, payment_modes, payments_until};
use crate::domain::accounting::{Fact, Movement};
use crate::domain::invoices::{InvoiceKind, InvoiceStatus};
use crate::domain::payments::EntryKind;

/// "NOM Prénom" of every household, by id.
fn household_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT id, upper(last_name) || ' ' || first_name FROM member")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn fact(movement: Movement, date: NaiveDate, piece: String, label: String, amount: i64) -> Fact {
    Fact {
        movement,
        date,
        piece,
        label,
        amount,
        reversal: false,
    }
}

/// The reversal of `fact` on `day`, its label saying so.
fn reversal(fact: &Fact, day: NaiveDate) -> Fact {
    Fact {
        date: day,
        label: format!("Annulation : {}", fact.label),
        reversal: true,
        ..fact.clone()
    }
}

/// True when `day` lies from `from` to `to`.
fn within(day: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    day >= from && day <= to
}

/// The baskets prepared from `from` to `to`, each household's share, one fact per
/// subscription and delivery day (priced as on the household's account).
fn basket_facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    let names = household_names(conn)?;
    let mut facts = Vec::new();
    for (p, line) in charged_baskets(conn, from, to)? {
        let who = names.get(&p.line.member_id).cloned().unwrap_or_default();
        let label = format!("{} — {who}", line.label);
        facts.push(fact(
            Movement::Sale,
            p.day,
            String::new(),
            label,
            line.debit,
        ));
    }
    Ok(facts)
}

/// Memberships paid from `from` to `to`: owed and paid the same day. Their payment goes
/// straight to the bank: membership cheques are not on Binette's remittance slips.
fn membership_facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    let names = household_names(conn)?;
    let mut facts = Vec::new();
    for m in super::members::list_memberships(conn)? {
        if m.paid_on < from || m.paid_on > to || m.amount <= 0 {
            continue;
        }
        let who = names.get(&m.member_id).cloned().unwrap_or_default();
        let how = m.method.label().to_lowercase();
        facts.push(fact(
            Movement::Membership,
            m.paid_on,
            String::new(),
            format!("Adhésion {} — {who}", m.year),
            m.amount,
        ));
        facts.push(fact(
            Movement::Received { cheque: false },
            m.paid_on,
            String::new(),
            format!("Règlement adhésion {} ({how}) — {who}", m.year),
            m.amount,
        ));
    }
    Ok(facts)
}

/// Charges, credit notes and payments of households from `from` to `to` (cancelled
/// payments left out).
fn household_money_facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    let names = household_names(conn)?;
    let who = |id: i64| names.get(&id).cloned().unwrap_or_default();
    let modes: HashMap<String, String> = payment_modes(conn)?
        .into_iter()
        .map(|m| (m.code, m.label.to_lowercase()))
        .collect();
    let mut facts = Vec::new();
    for e in account_entries(conn, None, to)? {
        if e.entry_on < from {
            continue;
        }
        let movement = match e.kind {
            EntryKind::Charge => Movement::Sale,
            EntryKind::CreditNote => Movement::CreditNote,
        };
        let label = format!("{} — {}", e.label, who(e.member_id));
        facts.push(fact(movement, e.entry_on, String::new(), label, e.amount));
    }
    for p in payments_until(conn, to)? {
        let piece = if p.is_cheque() {
            p.cheque.number.clone()
        } else {
            String::new()
        };
        let mode = modes.get(&p.mode).unwrap_or(&p.mode);
        let label = format!("Règlement ({mode}) — {}", who(p.member_id));
        let movement = Movement::Received {
            cheque: p.is_cheque(),
        };
        let received = fact(movement, p.received_on, piece, label, p.amount);
        if let Some(day) = p.cancelled_on.filter(|d| within(*d, from, to)) {
            facts.push(reversal(&received, day));
        }
        if p.received_on < from {
            continue;
        }
        facts.push(received);
        if p.is_cheque() && p.cashed_outside && p.remittance_id.is_none() && p.counts() {
            let day = p.cashable_on();
            let label = format!("Chèque encaissé hors bordereau — {}", who(p.member_id));
            facts.push(fact(
                Movement::Remitted,
                day,
                String::new(),
                label,
                p.amount,
            ));
        }
    }
    Ok(facts)
}

/// Remittance slips made from `from` to `to` and not cancelled. A cancelled slip is left
/// out altogether: cancelling gives its cheques back to the next slip (which will carry
/// them), and the store keeps no list of what it held.
fn slip_facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    Ok(slips(conn)?
        .into_iter()
        .filter(|s| s.cancelled_on.is_none() && within(s.made_on, from, to))
        .map(|s| {
            let (count, total) = s.totals();
            fact(
                Movement::Remitted,
                s.made_on,
                format!("Bordereau {}", s.number),
                format!("Remise de {count} chèque(s)"),
                total,
            )
        })
        .collect())
}

/// Invoices and avoirs issued, and invoices paid, from `from` to `to`.
fn invoice_facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    let within = |d: NaiveDate| within(d, from, to);
    let mut facts = Vec::new();
    for i in invoices(conn, None)? {
        let piece = i.number.to_string();
        if within(i.issued_on) {
            let (movement, what) = match i.kind {
                InvoiceKind::Invoice => (Movement::FunderInvoice, "Facture"),
                InvoiceKind::CreditNote => (Movement::FunderCreditNote, "Avoir"),
            };
            let label = format!("{what} Paniers Solidaires — {}", i.funder);
            facts.push(fact(movement, i.issued_on, piece.clone(), label, i.amount));
        }
        if let InvoiceStatus::Paid(day) = i.status
            && within(day)
        {
            let label = format!("Règlement facture — {}", i.funder);
            facts.push(fact(Movement::FunderPaid, day, piece, label, i.amount));
        }
    }
    Ok(facts)
}

/// Every fact of the period from `from` to `to` (both included).
pub fn facts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Fact>> {
    let mut all = basket_facts(conn, from, to)?;
    all.extend(membership_facts(conn, from, to)?);
    all.extend(household_money_facts(conn, from, to)?);
    all.extend(slip_facts(conn, from, to)?);
    all.extend(invoice_facts(conn, from, to)?);
    Ok(all)
}
