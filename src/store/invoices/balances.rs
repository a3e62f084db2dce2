//! Each funder's balance: invoiced (invoices not cancelled), paid, and its share of the
//! baskets delivered since the end of its last period invoiced, not invoiced yet (what its
//! statement from that day would total).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::invoices;
use crate::domain::invoices::{FunderBalance, InvoiceKind, InvoiceStatus};
use crate::domain::solidarity::terms_on;
use crate::store::Result;
use crate::store::baskets::solidarity_accounts;

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
    // Funders never invoiced, or invoiced to the same day, share a first day not invoiced:
    // their shares come from one making of the accounts from that day.
    let mut funders_from: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    for &funder_id in balances.keys() {
        if let Some(from) = first_day_not_invoiced(conn, funder_id)?
            && from <= today
        {
            funders_from.entry(from).or_default().push(funder_id);
        }
    }
    // The pickups read once, from the earliest day not invoiced, for every funder.
    let Some(&first) = funders_from.keys().next() else {
        return Ok(balances);
    };
    let delivered = crate::store::baskets::solidarity_delivered(conn, first, today)?;
    let terms = crate::store::baskets::all_solidarity_terms(conn)?;
    for (from, funders) in funders_from {
        // The baskets from `from` under terms one of these funders takes part in, as in
        // each one's statement (`crate::store::week::statement_from`).
        let funded: Vec<_> = delivered
            .iter()
            .filter(|d| {
                d.day >= from
                    && terms
                        .get(&d.subscription_id)
                        .and_then(|periods| terms_on(periods, d.day))
                        .is_some_and(|t| t.funding.iter().any(|f| funders.contains(&f.funder_id)))
            })
            .cloned()
            .collect();
        for account in solidarity_accounts(conn, &funded)? {
            for (share, owed) in account.terms.funding.iter().zip(&account.split.funders) {
                if funders.contains(&share.funder_id)
                    && let Some(balance) = balances.get_mut(&share.funder_id)
                {
                    balance.not_invoiced += owed;
                }
            }
        }
    }
    Ok(balances)
}
