//! Cheque remittance slips (bordereaux de remise de chèques): the held cheques due by a
//! day are put on a slip numbered after the last one, each cheque on one slip only; a slip
//! can be read again (to reprint it) or cancelled, which gives its cheques back.

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};

use super::{payment_from_row, payments_until};
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
    let payments = payments_until(&tx, until)?;
    let due: Vec<i64> = due_for_remittance(&payments, until)
        .iter()
        .map(|p| p.id)
        .collect();
    if due.is_empty() {
        return Ok(None);
    }
    let number: i64 = tx.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM remittance",
        [],
        |r| r.get(0),
    )?;
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

/// Slip `id` with its cheques.
pub fn slip(conn: &Connection, id: i64) -> Result<Slip> {
    let (number, made_on, until, cancelled_on) = conn
        .query_row(
            "SELECT number, made_on, until, cancelled_on FROM remittance WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound("Bordereau de remise"),
            e => e.into(),
        })?;
    let mut stmt = conn.prepare(
        "SELECT p.*, m.last_name AS household_last, m.first_name AS household_first
         FROM payment p JOIN member m ON m.id = p.member_id
         WHERE p.remittance_id = ?1
         ORDER BY coalesce(p.cash_on, p.received_on), p.id",
    )?;
    let cheques = stmt
        .query_map([id], |r| {
            let payment = payment_from_row(r)?;
            // SQLite's upper() leaves accented letters alone: "BESANçON".
            let household = crate::domain::text::list_name(
                &r.get::<_, String>("household_first")?,
                &r.get::<_, String>("household_last")?,
            );
            Ok(SlipCheque {
                payment_id: payment.id,
                drawer: if payment.cheque.drawer.is_empty() {
                    household
                } else {
                    payment.cheque.drawer
                },
                bank: payment.cheque.bank,
                number: payment.cheque.number,
                amount: payment.amount,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Slip {
        id,
        number,
        made_on,
        until,
        cancelled_on,
        cheques,
    })
}

/// Every slip, newest first.
pub fn slips(conn: &Connection) -> Result<Vec<Slip>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM remittance ORDER BY number DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| slip(conn, id)).collect()
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
