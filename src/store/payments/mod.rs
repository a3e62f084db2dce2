//! Households' money in the database: payment modes, payments (cheques with their date to
//! cash), manual charges and credit notes; the ledger and balances (`ledger`); cheque
//! remittance slips (`remittance`). A payment is never deleted: it is cancelled, kept and
//! marked.

pub mod ledger;
pub mod lines;
mod monthly;
pub mod remittance;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, named_params};

use crate::domain::payments::{AccountEntry, Cheque, EntryKind, Payment, PaymentMode};
use crate::store::{Result, StoreError};

/// The payment modes, in display order (retired ones included, marked).
pub fn payment_modes(conn: &Connection) -> Result<Vec<PaymentMode>> {
    let mut stmt =
        conn.prepare("SELECT code, label, active FROM payment_mode ORDER BY position, code")?;
    let rows = stmt.query_map([], |r| {
        Ok(PaymentMode {
            code: r.get(0)?,
            label: r.get(1)?,
            active: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a payment mode called `label` (its code made from it), after the others.
pub fn add_payment_mode(conn: &Connection, label: &str) -> Result<String> {
    let label = label.trim();
    if label.is_empty() {
        return Err(StoreError::Invalid(
            "Donnez un nom au mode de paiement.".into(),
        ));
    }
    let code = crate::domain::text::fold(label).replace(' ', "_");
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM payment_mode WHERE code = ?1 OR label = ?2 COLLATE FR)",
        (&code, label),
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::Invalid(format!(
            "Le mode de paiement « {label} » existe déjà."
        )));
    }
    conn.execute(
        "INSERT INTO payment_mode (code, label, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM payment_mode))",
        (&code, label),
    )?;
    Ok(code)
}

/// Retires or brings back a payment mode (the payments made that way keep it).
pub fn set_payment_mode_active(conn: &Connection, code: &str, active: bool) -> Result<()> {
    let changed = conn.execute(
        "UPDATE payment_mode SET active = ?2 WHERE code = ?1",
        (code, active),
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound("Mode de paiement"));
    }
    Ok(())
}

/// Refuses a payment that cannot be right, in French.
fn check_payment(payment: &Payment) -> Result<()> {
    if payment.amount <= 0 {
        return Err(StoreError::Invalid(
            "Le montant d'un règlement doit être supérieur à zéro.".into(),
        ));
    }
    if payment.is_cheque()
        && let Some(cash_on) = payment.cheque.cash_on
        && cash_on < payment.received_on
    {
        return Err(StoreError::Invalid(
            "Un chèque ne peut pas être à encaisser avant le jour où il a été reçu.".into(),
        ));
    }
    Ok(())
}

/// Records `payments` (one, or a series of cheques handed over together) in one
/// transaction: all or none. Returns their ids.
pub fn insert_payments(conn: &mut Connection, payments: &[Payment]) -> Result<Vec<i64>> {
    for payment in payments {
        check_payment(payment)?;
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut ids = Vec::with_capacity(payments.len());
    {
        let mut stmt = tx.prepare(
            "INSERT INTO payment (member_id, received_on, amount_cents, mode, label,
                                  cheque_bank, cheque_number, drawer, cash_on, cashed_outside)
             VALUES (:member, :received, :amount, :mode, :label, :bank, :number, :drawer,
                     :cash_on, :outside)",
        )?;
        for p in payments {
            let cheque = p.is_cheque();
            stmt.execute(named_params! {
                ":member": p.member_id,
                ":received": p.received_on,
                ":amount": p.amount,
                ":mode": p.mode,
                ":label": p.label.trim(),
                ":bank": if cheque { p.cheque.bank.trim() } else { "" },
                ":number": if cheque { p.cheque.number.trim() } else { "" },
                ":drawer": if cheque { p.cheque.drawer.trim() } else { "" },
                ":cash_on": if cheque { p.cheque.cash_on } else { None },
                ":outside": p.cashed_outside,
            })?;
            ids.push(tx.last_insert_rowid());
        }
    }
    tx.commit()?;
    Ok(ids)
}

/// Cancels payment `id` on `on`, saying why: it stays listed, marked, and no longer counts.
/// A cheque already on a slip cannot be cancelled (cancel the slip first).
pub fn cancel_payment(conn: &Connection, id: i64, on: NaiveDate, reason: &str) -> Result<()> {
    let payment = get_payment(conn, id)?;
    if payment.cancelled_on.is_some() {
        return Err(StoreError::Invalid("Ce règlement est déjà annulé.".into()));
    }
    if payment.remittance_id.is_some() {
        return Err(StoreError::Invalid(
            "Ce chèque figure sur un bordereau de remise : annulez d'abord le bordereau.".into(),
        ));
    }
    conn.execute(
        "UPDATE payment SET cancelled_on = ?2, cancel_reason = ?3 WHERE id = ?1",
        (id, on, reason.trim()),
    )?;
    Ok(())
}

/// The payment columns, in the order [`payment_from_row`] reads them (by position: a
/// name look-up per column and row was most of the cost of reading years of payments).
pub(crate) const PAYMENT_COLUMNS: &str = "p.id, p.member_id, p.received_on, p.amount_cents, \
     p.mode, p.label, p.cheque_bank, p.cheque_number, p.drawer, p.cash_on, p.remittance_id, \
     p.cashed_outside, p.cancelled_on, p.cancel_reason";

/// How many columns [`PAYMENT_COLUMNS`] has (a query may select more after them).
pub(crate) const PAYMENT_COLUMN_COUNT: usize = 14;

/// A payment from a row whose first columns are [`PAYMENT_COLUMNS`] (table alias `p`); its
/// dates parsed by hand (the general date parser was most of the rest).
pub(crate) fn payment_from_row(r: &Row) -> rusqlite::Result<Payment> {
    use crate::store::columns::{date_at, optional_date_at};
    Ok(Payment {
        id: r.get(0)?,
        member_id: r.get(1)?,
        received_on: date_at(r, 2)?,
        amount: r.get(3)?,
        mode: r.get(4)?,
        label: r.get(5)?,
        cheque: Cheque {
            bank: r.get(6)?,
            number: r.get(7)?,
            drawer: r.get(8)?,
            cash_on: optional_date_at(r, 9)?,
        },
        remittance_id: r.get(10)?,
        cashed_outside: r.get(11)?,
        cancelled_on: optional_date_at(r, 12)?,
        cancel_reason: r.get(13)?,
    })
}

/// The payments `sql_where` selects (a condition on table `p`, with `params`), oldest first.
fn payments_where(
    conn: &Connection,
    sql_where: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Payment>> {
    let sql = format!("SELECT {PAYMENT_COLUMNS} FROM payment p WHERE {sql_where}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params, payment_from_row)?;
    let mut payments: Vec<Payment> = rows.collect::<rusqlite::Result<_>>()?;
    // Sorted here: SQLite sorting years of whole rows (no index by day) cost more.
    payments.sort_by_key(|p| (p.received_on, p.id));
    Ok(payments)
}

/// Payment `id`.
pub fn get_payment(conn: &Connection, id: i64) -> Result<Payment> {
    payments_where(conn, "p.id = ?1", [id])?
        .pop()
        .ok_or(StoreError::NotFound("Règlement"))
}

/// The payments of household `member_id`, cancelled ones included, oldest first.
pub fn payments_of(conn: &Connection, member_id: i64) -> Result<Vec<Payment>> {
    payments_where(conn, "p.member_id = ?1", [member_id])
}

/// Every payment received up to `until`, cancelled ones included, oldest first.
pub fn payments_until(conn: &Connection, until: NaiveDate) -> Result<Vec<Payment>> {
    payments_where(conn, "p.received_on <= ?1", [until])
}

/// The cheques held (counted, on no slip, not cashed outside Binette: see
/// `Payment::is_held_cheque`), oldest first.
pub fn held_cheques(conn: &Connection) -> Result<Vec<Payment>> {
    payments_where(
        conn,
        "p.mode = ?1 AND p.cancelled_on IS NULL AND p.remittance_id IS NULL \
         AND p.cashed_outside = 0",
        [crate::domain::payments::CHEQUE],
    )
}

/// Records a manual charge or credit note. Returns its id.
pub fn insert_account_entry(conn: &Connection, entry: &AccountEntry) -> Result<i64> {
    if entry.label.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Dites en quelques mots à quoi correspond cette ligne.".into(),
        ));
    }
    if entry.amount <= 0 {
        return Err(StoreError::Invalid(
            "Le montant doit être supérieur à zéro.".into(),
        ));
    }
    conn.execute(
        "INSERT INTO account_entry (member_id, entry_on, kind, label, amount_cents)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (
            entry.member_id,
            entry.entry_on,
            entry.kind.code(),
            entry.label.trim(),
            entry.amount,
        ),
    )?;
    Ok(conn.last_insert_rowid())
}

/// Manual charges and credit notes up to `until`, of one household or (`None`) all.
pub fn account_entries(
    conn: &Connection,
    member_id: Option<i64>,
    until: NaiveDate,
) -> Result<Vec<AccountEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, entry_on, kind, label, amount_cents FROM account_entry
         WHERE entry_on <= :until AND (:member IS NULL OR member_id = :member)
         ORDER BY entry_on, id",
    )?;
    let rows = stmt.query_map(named_params! {":until": until, ":member": member_id}, |r| {
        let kind: String = r.get(3)?;
        Ok(AccountEntry {
            id: r.get(0)?,
            member_id: r.get(1)?,
            entry_on: r.get(2)?,
            kind: EntryKind::from_code(&kind).unwrap_or(EntryKind::Charge),
            label: r.get(4)?,
            amount: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
