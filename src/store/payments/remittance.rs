//! Cheque remittance slips (bordereaux de remise de chèques): the held cheques due by a
//! day are put on a slip numbered after the last one, each cheque on one slip only; a slip
//! can be read again (to reprint it) or cancelled, which gives its cheques back.

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};

use std::collections::HashMap;

use super::{PAYMENT_COLUMN_COUNT, PAYMENT_COLUMNS, held_cheques, payment_from_row};
use crate::domain::money::Cents;
use crate::domain::payments::cheques::due_for_remittance;
use crate::store::{Result, StoreError};

/// One cheque on a slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipCheque {
    /// The payment.
    pub payment_id: i64,
    /// Who signed it: the drawer when given, else the household ("NOM Prénom").
    pub drawer: String,
    /// Its bank.
    pub bank: String,
    /// Its number.
    pub number: String,
    /// Its amount.
    pub amount: Cents,
    /// The day it could be cashed (its date to cash, else the day it was received).
    pub cash_on: NaiveDate,
}

/// A remittance slip and its cheques.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// Row id.
    pub id: i64,
    /// Its number (1, 2, 3… without gaps).
    pub number: i64,
    /// Day it was made.
    pub made_on: NaiveDate,
    /// It took the cheques to cash up to this day.
    pub until: NaiveDate,
    /// Set when cancelled (its cheques were given back).
    pub cancelled_on: Option<NaiveDate>,
    /// Its cheques, in the order they were put on it.
    pub cheques: Vec<SlipCheque>,
}

impl Slip {
    /// The count of cheques and their total.
    pub fn totals(&self) -> (usize, Cents) {
        (
            self.cheques.len(),
            self.cheques.iter().map(|c| c.amount).sum(),
        )
    }
}

/// Puts every held cheque to cash by `until` on a new slip made on `made_on`, in one
/// transaction. Returns the new slip's id, or `None` (and no slip) when no cheque is due.
pub fn make_slip(
    conn: &mut Connection,
    until: NaiveDate,
    made_on: NaiveDate,
) -> Result<Option<i64>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let payments = held_cheques(&tx)?;
    let due: Vec<i64> = due_for_remittance(&payments, until)
        .iter()
        .map(|p| p.id)
        .collect();
    if due.is_empty() {
        return Ok(None);
    }
    let number = next_slip_number(&tx)?;
    tx.execute(
        "INSERT INTO remittance (number, made_on, until) VALUES (?1, ?2, ?3)",
        (number, made_on, until),
    )?;
    let slip_id = tx.last_insert_rowid();
    {
        let mut mark = tx.prepare(
            "UPDATE payment SET remittance_id = ?1 WHERE id = ?2 AND remittance_id IS NULL",
        )?;
        for id in due {
            mark.execute((slip_id, id))?;
        }
    }
    tx.commit()?;
    Ok(Some(slip_id))
}

/// The number the next slip will take: one after the last (a cancelled slip keeps its own).
pub fn next_slip_number(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM remittance",
        [],
        |r| r.get(0),
    )?)
}

/// Slip `id` with its cheques.
pub fn slip(conn: &Connection, id: i64) -> Result<Slip> {
    slips_where(conn, "id = ?1", [id])?
        .pop()
        .ok_or(StoreError::NotFound("Bordereau de remise"))
}

/// Every slip, newest first.
pub fn slips(conn: &Connection) -> Result<Vec<Slip>> {
    slips_where(conn, "1", rusqlite::params![])
}

/// A slip as the list of slips shows it: its count of cheques and their total summed by
/// SQLite, without reading the cheques themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipLine {
    /// Row id.
    pub id: i64,
    /// Its number (1, 2, 3… without gaps).
    pub number: i64,
    /// Day it was made.
    pub made_on: NaiveDate,
    /// It took the cheques to cash up to this day.
    pub until: NaiveDate,
    /// Set when cancelled (its cheques were given back: it counts none).
    pub cancelled_on: Option<NaiveDate>,
    /// How many cheques are on it.
    pub count: usize,
    /// Their total.
    pub total: Cents,
}

/// Every slip with its count of cheques and their total, newest first: one query, the
/// cheques counted and summed through the index of payments by slip.
pub fn slip_lines(conn: &Connection) -> Result<Vec<SlipLine>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.number, r.made_on, r.until, r.cancelled_on,
                (SELECT count(*) FROM payment p WHERE p.remittance_id = r.id),
                (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p
                 WHERE p.remittance_id = r.id)
         FROM remittance r ORDER BY r.number DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SlipLine {
            id: r.get(0)?,
            number: r.get(1)?,
            made_on: crate::store::columns::date_at(r, 2)?,
            until: crate::store::columns::date_at(r, 3)?,
            cancelled_on: r.get(4)?,
            count: r.get::<_, i64>(5)?.try_into().unwrap_or_default(),
            total: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The slips `sql_where` selects (a condition on table `remittance`), newest first, with
/// their cheques: two queries, however many slips.
fn slips_where(
    conn: &Connection,
    sql_where: &str,
    params: impl rusqlite::Params + Copy,
) -> Result<Vec<Slip>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, number, made_on, until, cancelled_on FROM remittance WHERE {sql_where}
         ORDER BY number DESC"
    ))?;
    let mut slips: Vec<Slip> = stmt
        .query_map(params, |r| {
            Ok(Slip {
                id: r.get(0)?,
                number: r.get(1)?,
                made_on: r.get(2)?,
                until: r.get(3)?,
                cancelled_on: r.get(4)?,
                cheques: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let at: HashMap<i64, usize> = slips.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT {PAYMENT_COLUMNS}, m.last_name, m.first_name
         FROM payment p JOIN member m ON m.id = p.member_id
         WHERE p.remittance_id IN (SELECT id FROM remittance WHERE {sql_where})"
    ))?;
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        let payment = payment_from_row(r)?;
        // SQLite's upper() leaves accented letters alone: "BESANçON".
        let household = crate::domain::text::list_name(
            &r.get::<_, String>(PAYMENT_COLUMN_COUNT + 1)?,
            &r.get::<_, String>(PAYMENT_COLUMN_COUNT)?,
        );
        let cash_on = payment.cashable_on();
        let Some(&i) = payment.remittance_id.and_then(|id| at.get(&id)) else {
            continue;
        };
        slips[i].cheques.push(SlipCheque {
            payment_id: payment.id,
            drawer: if payment.cheque.drawer.is_empty() {
                household
            } else {
                payment.cheque.drawer
            },
            bank: payment.cheque.bank,
            number: payment.cheque.number,
            amount: payment.amount,
            cash_on,
        });
    }
    // Each slip's cheques by day to cash (sorted here rather than by SQLite: cheaper).
    for slip in &mut slips {
        slip.cheques.sort_by_key(|c| (c.cash_on, c.payment_id));
    }
    Ok(slips)
}

/// Cancels slip `id` on `on`: it keeps its number, marked cancelled, and its cheques are
/// held again (the next slip takes them).
pub fn cancel_slip(conn: &mut Connection, id: i64, on: NaiveDate) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let cancelled: Option<Option<NaiveDate>> = tx
        .query_row(
            "SELECT cancelled_on FROM remittance WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    match cancelled {
        None => return Err(StoreError::NotFound("Bordereau de remise")),
        Some(Some(_)) => {
            return Err(StoreError::Invalid("Ce bordereau est déjà annulé.".into()));
        }
        Some(None) => {}
    }
    tx.execute(
        "UPDATE remittance SET cancelled_on = ?2 WHERE id = ?1",
        (id, on),
    )?;
    tx.execute(
        "UPDATE payment SET remittance_id = NULL WHERE remittance_id = ?1",
        [id],
    )?;
    tx.commit()?;
    Ok(())
}

/// Marks cheque `payment_id` as cashed without a Binette slip (`outside`), or holds it again
/// (`!outside`). Only a counted cheque that is on no slip can change.
pub fn set_cashed_outside(conn: &Connection, payment_id: i64, outside: bool) -> Result<()> {
    let payment = super::get_payment(conn, payment_id)?;
    if !payment.is_cheque() {
        return Err(StoreError::Invalid(
            "Seul un chèque peut être encaissé hors bordereau.".into(),
        ));
    }
    if !payment.counts() {
        return Err(StoreError::Invalid("Ce chèque est annulé.".into()));
    }
    if payment.remittance_id.is_some() {
        return Err(StoreError::Invalid(
            "Ce chèque figure déjà sur un bordereau de remise.".into(),
        ));
    }
    conn.execute(
        "UPDATE payment SET cashed_outside = ?2 WHERE id = ?1",
        (payment_id, outside),
    )?;
    Ok(())
}
