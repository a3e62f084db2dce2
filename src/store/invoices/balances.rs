//! Each funder's balance: invoiced (invoices not cancelled), paid, and its share of the
//! baskets delivered since the end of its last period invoiced, not invoiced yet.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::invoices;
use crate::domain::invoices::{FunderBalance, InvoiceKind, InvoiceStatus};
use crate::store::Result;

/// The first day not invoiced yet for funder `funder_id`: the day after the last period
/// of its invoices not cancelled, else the first day of the first terms it funds (`None`:
/// it funds no terms and was never invoiced).
pub fn first_day_not_invoiced(conn: &Connection, funder_id: i64) -> Result<Option<NaiveDate>> {
    let last_invoiced = invoices(conn, Some(funder_id))?
        .into_iter()
        .filter(|i| i.kind == InvoiceKind::Invoice)
        .filter(|i| !matches!(i.status, InvoiceStatus::Cancelled(_)))
        .map(|i| i.to)
        .max();
    if let Some(last) = last_invoiced {
        return Ok(last.succ_opt());
    }
    Ok(conn.query_row(
        "SELECT min(t.start_date) FROM solidarity_terms t
         JOIN solidarity_terms_funding f ON f.terms_id = t.id
         WHERE f.funder_id = ?1",
        [funder_id],
        |r| r.get(0),
    )?)
}

/// Every funder's balance on `today`, by funder id (every funder, even one with nothing).
pub fn funder_balances(
    conn: &Connection,
    today: NaiveDate,
) -> Result<BTreeMap<i64, FunderBalance>> {
    let mut balances = BTreeMap::new();
    for funder in crate::store::baskets::list_funders(conn)? {
        balances.insert(funder.id, FunderBalance::default());
    }
    for i in invoices(conn, None)? {
        if i.kind != InvoiceKind::Invoice {
            continue;
        }
        let balance = balances.entry(i.funder_id).or_default();
        match i.status {
            InvoiceStatus::Cancelled(_) => {}
            InvoiceStatus::Paid(_) => {
                balance.invoiced += i.amount;
                balance.paid += i.amount;
            }
            InvoiceStatus::Issued | InvoiceStatus::Sent(_) => balance.invoiced += i.amount,
        }
    }
    let mut starts = Vec::new();
    for &funder_id in balances.keys() {
        if let Some(from) = first_day_not_invoiced(conn, funder_id)?
            && from <= today
        {
            starts.push((funder_id, from));
        }
    }
    // The pickups read once, from the earliest day not invoiced, for every funder.
    if let Some(first) = starts.iter().map(|&(_, from)| from).min() {
        let baskets = crate::store::baskets::period_baskets(conn, first, today)?;
        for (funder_id, from) in starts {
            let statement =
                crate::store::week::statement_from(conn, funder_id, (from, today), &baskets)?;
            if let Some(balance) = balances.get_mut(&funder_id) {
                balance.not_invoiced = statement.totals().3;
            }
        }
    }
    Ok(balances)
}
