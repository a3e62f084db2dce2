//! The money lists: every household's balance on a day, every payment with its household,
//! mode and slip. Read in one transaction; the tables shared by the Paiements screen and
//! `binette export balances|payments`.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::super::{Garden, Result};
use crate::domain::export::ExportTable;
use crate::report::export::payments as lists;
pub use crate::report::export::payments::{BalanceRow, PaymentRow};
use crate::store::members::list_members;
use crate::store::payments::ledger::balances;
use crate::store::payments::lines::{member_names, payments_in};
use crate::store::payments::payment_modes;

/// Every household with an account on `until` and its balance, by name.
pub fn balance_rows(garden: &Garden, until: NaiveDate) -> Result<Vec<BalanceRow>> {
    let (members, balance) =
        garden.read(|conn| Ok((list_members(conn)?, balances(conn, until)?)))?;
    Ok(members
        .into_iter()
        .filter_map(|m| {
            balance.get(&m.id).map(|&balance| BalanceRow {
                last_name: m.last_name,
                first_name: m.first_name,
                balance,
            })
        })
        .collect())
}

/// Every payment (cancelled ones included), oldest first, with its household, mode's
/// label and slip number.
pub fn payment_rows(garden: &Garden) -> Result<Vec<PaymentRow>> {
    payment_rows_in(garden, None)
}

/// The payments received in `year` (`None`: every year), cancelled ones included, oldest
/// first, with their household, mode's label and slip number: one query for the payments
/// and their slips' numbers, the households' names and the modes read once.
pub fn payment_rows_in(garden: &Garden, year: Option<i32>) -> Result<Vec<PaymentRow>> {
    let (payments, members, modes) = garden.read(|conn| {
        Ok((
            payments_in(conn, year)?,
            member_names(conn)?,
            payment_modes(conn)?,
        ))
    })?;
    let names = super::household_names(&members);
    let labels: HashMap<String, String> = modes.into_iter().map(|m| (m.code, m.label)).collect();
    Ok(payments
        .into_iter()
        .map(|(payment, slip_number)| PaymentRow {
            household: names.get(&payment.member_id).cloned().unwrap_or_default(),
            mode: labels
                .get(&payment.mode)
                .cloned()
                .unwrap_or_else(|| payment.mode.clone()),
            slip_number,
            payment,
        })
        .collect())
}

/// The first and the last year a payment was received in; `None` without payments.
pub fn payment_years(garden: &Garden) -> Result<Option<(i32, i32)>> {
    Ok(garden.with(|conn| crate::store::payments::lines::payment_years(conn))?)
}

/// The balances on `until`, with their total.
pub fn balances_table(garden: &Garden, until: NaiveDate) -> Result<ExportTable> {
    Ok(lists::balances(&balance_rows(garden, until)?, until))
}

/// Every payment, with the total of those that count.
pub fn payments_table(garden: &Garden) -> Result<ExportTable> {
    let rows = payment_rows(garden)?;
    let all: Vec<&PaymentRow> = rows.iter().collect();
    Ok(payments_table_of(&all))
}

/// The payments `rows` (a screen's search applied), with the total of those that count.
pub fn payments_table_of(rows: &[&PaymentRow]) -> ExportTable {
    lists::payments(rows)
}
