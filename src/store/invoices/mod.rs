//! The invoices sent to the funders of Paniers Solidaires: issued from a funder's statement
//! with the next number of the year's sequence, marked sent and paid, cancelled by an avoir
//! that takes the next number (never deleted, never a hole in the sequence). See
//! [`crate::domain::invoices`] for the rules.

pub mod balances;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, named_params};

use super::week::{FunderStatement, StatementLine};
use super::{Result, StoreError};
use crate::domain::invoices::{
    InvoiceKind, InvoiceNumber, InvoiceStatus, LastIssued, Transition, check_transition,
    next_number, periods_overlap,
};
use crate::domain::money::Cents;

/// An invoice or an avoir, with the funder's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// Row id.
    pub id: i64,
    /// Its number in the year's sequence.
    pub number: InvoiceNumber,
    /// Invoice or avoir.
    pub kind: InvoiceKind,
    /// The funder.
    pub funder_id: i64,
    /// The funder's name.
    pub funder: String,
    /// Day of issue.
    pub issued_on: NaiveDate,
    /// First day of the period invoiced.
    pub from: NaiveDate,
    /// Last day of the period invoiced.
    pub to: NaiveDate,
    /// Amount, in cents (positive, an avoir too).
    pub amount: Cents,
    /// An invoice: where it stands. An avoir: always `Issued`.
    pub status: InvoiceStatus,
    /// An avoir: the number of the invoice it cancels.
    pub cancels: Option<InvoiceNumber>,
}

/// An invoice with its lines (an avoir has the lines of the invoice it cancels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceDetail {
    /// The invoice.
    pub invoice: Invoice,
    /// Its lines, as the statement gave them on the day of issue.
    pub lines: Vec<StatementLine>,
}

const SELECT: &str = "SELECT i.id, i.year, i.seq, i.kind, i.funder_id, f.name AS funder,
        i.issued_on, i.period_from, i.period_to, i.amount_cents, i.sent_on, i.paid_on,
        a.year AS avoir_year, a.seq AS avoir_seq, c.year AS cancels_year, c.seq AS cancels_seq
    FROM funder_invoice i
    JOIN funder f ON f.id = i.funder_id
    LEFT JOIN funder_invoice a ON a.cancels = i.id
    LEFT JOIN funder_invoice c ON c.id = i.cancels";

fn read(r: &Row) -> rusqlite::Result<Invoice> {
    let number = |year: Option<i32>, seq: Option<i64>| match (year, seq) {
        (Some(year), Some(seq)) => Some(InvoiceNumber { year, seq }),
        _ => None,
    };
    let kind: String = r.get("kind")?;
    Ok(Invoice {
        id: r.get("id")?,
        number: InvoiceNumber {
            year: r.get("year")?,
            seq: r.get("seq")?,
        },
        kind: InvoiceKind::from_code(&kind).unwrap_or(InvoiceKind::Invoice),
        funder_id: r.get("funder_id")?,
        funder: r.get("funder")?,
        issued_on: r.get("issued_on")?,
        from: r.get("period_from")?,
        to: r.get("period_to")?,
        amount: r.get("amount_cents")?,
        status: InvoiceStatus::of(
            r.get("sent_on")?,
            r.get("paid_on")?,
            number(r.get("avoir_year")?, r.get("avoir_seq")?),
        ),
        cancels: number(r.get("cancels_year")?, r.get("cancels_seq")?),
    })
}

/// Every invoice and avoir (of `funder_id` only when given), by number.
pub fn invoices(conn: &Connection, funder_id: Option<i64>) -> Result<Vec<Invoice>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE :funder IS NULL OR i.funder_id = :funder ORDER BY i.year, i.seq"
    ))?;
    let rows = stmt.query_map(named_params! {":funder": funder_id}, read)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Invoice or avoir `id`.
pub fn invoice(conn: &Connection, id: i64) -> Result<Invoice> {
    conn.query_row(
        &format!("{SELECT} WHERE i.id = :id"),
        named_params! {":id": id},
        read,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Facture"))
}

/// Invoice or avoir `id` with its lines.
pub fn invoice_detail(conn: &Connection, id: i64) -> Result<InvoiceDetail> {
    let invoice = invoice(conn, id)?;
    let lines_of: i64 = conn.query_row(
        "SELECT coalesce(cancels, id) FROM funder_invoice WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT household, size, terms_from, terms_to, baskets, value_cents, household_cents,
                share_percent, amount_cents
         FROM funder_invoice_line WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let lines = stmt
        .query_map([lines_of], |r| {
            Ok(StatementLine {
                household: r.get("household")?,
                size: r.get("size")?,
                terms_from: r.get("terms_from")?,
                terms_to: r.get("terms_to")?,
                baskets: r.get("baskets")?,
                value: r.get("value_cents")?,
                household_paid: r.get("household_cents")?,
                share_percent: r.get("share_percent")?,
                funder_owes: r.get("amount_cents")?,
                unfunded: 0,
                unfunded_percent: 0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(InvoiceDetail { invoice, lines })
}

/// The last number given in `year`'s sequence, with its day.
fn last_issued(conn: &Connection, year: i32) -> Result<Option<LastIssued>> {
    Ok(conn
        .query_row(
            "SELECT seq, issued_on FROM funder_invoice WHERE year = ?1
             ORDER BY seq DESC LIMIT 1",
            [year],
            |r| {
                Ok(LastIssued {
                    number: InvoiceNumber {
                        year,
                        seq: r.get(0)?,
                    },
                    issued_on: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// The number a document issued on `issued_on` takes (refused when the year's last one is
/// dated later).
fn take_number(conn: &Connection, issued_on: NaiveDate) -> Result<InvoiceNumber> {
    next_number(last_issued(conn, issued_on.year())?, issued_on).map_err(StoreError::Invalid)
}

/// Issues the invoice of `statement` (the funder `funder_id`'s statement of its period) on
/// `issued_on`, with its lines, in one transaction; returns its id. Refused when the
/// statement owes nothing, or when an invoice of this funder not cancelled already covers
/// a day of the period (the baskets would be invoiced twice).
pub fn issue(
    conn: &mut Connection,
    funder_id: i64,
    statement: &FunderStatement,
    issued_on: NaiveDate,
) -> Result<i64> {
    let amount = statement.totals().3;
    if amount <= 0 {
        return Err(StoreError::Invalid(format!(
            "Rien à facturer à {} du {} au {}.",
            statement.funder,
            crate::domain::calendar::format_date(statement.from),
            crate::domain::calendar::format_date(statement.to)
        )));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for other in invoices(&tx, Some(funder_id))? {
        if other.kind == InvoiceKind::Invoice
            && !matches!(other.status, InvoiceStatus::Cancelled(_))
            && periods_overlap((other.from, other.to), (statement.from, statement.to))
        {
            return Err(StoreError::Invalid(format!(
                "La facture n° {} couvre déjà une partie de cette période (du {} au {}) : \
                 annulez-la par un avoir ou choisissez une autre période.",
                other.number,
                crate::domain::calendar::format_date(other.from),
                crate::domain::calendar::format_date(other.to)
            )));
        }
    }
    let number = take_number(&tx, issued_on)?;
    tx.execute(
        "INSERT INTO funder_invoice (year, seq, kind, funder_id, issued_on, period_from,
                                     period_to, amount_cents)
         VALUES (?1, ?2, 'facture', ?3, ?4, ?5, ?6, ?7)",
        (
            number.year,
            number.seq,
            funder_id,
            issued_on,
            statement.from,
            statement.to,
            amount,
        ),
    )?;
    let id = tx.last_insert_rowid();
    {
        let mut insert = tx.prepare(
            "INSERT INTO funder_invoice_line (invoice_id, position, household, size,
                 terms_from, terms_to, baskets, value_cents, household_cents, share_percent,
                 amount_cents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (position, l) in statement.lines.iter().enumerate() {
            insert.execute(rusqlite::params![
                id,
                position as i64,
                l.household,
                l.size,
                l.terms_from,
                l.terms_to,
                l.baskets,
                l.value,
                l.household_paid,
                l.share_percent,
                l.funder_owes,
            ])?;
        }
    }
    tx.commit()?;
    Ok(id)
}

/// Applies `transition` to invoice `id` in one transaction: marks it sent or paid, or
/// cancels it by an avoir with the next number. Returns the avoir's id when one was made.
/// Refused (nothing changed) when the rules of [`check_transition`] say no, or when `id`
/// is an avoir.
pub fn change_status(
    conn: &mut Connection,
    id: i64,
    transition: Transition,
) -> Result<Option<i64>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = invoice(&tx, id)?;
    if current.kind == InvoiceKind::CreditNote {
        return Err(StoreError::Invalid(
            "Un avoir ne s'envoie, ne se paie ni ne s'annule : il annule une facture.".to_owned(),
        ));
    }
    check_transition(current.status, current.issued_on, transition).map_err(StoreError::Invalid)?;
    let made = match transition {
        Transition::Send(day) => {
            tx.execute(
                "UPDATE funder_invoice SET sent_on = ?1 WHERE id = ?2",
                (day, id),
            )?;
            None
        }
        Transition::Pay(day) => {
            tx.execute(
                "UPDATE funder_invoice SET paid_on = ?1 WHERE id = ?2",
                (day, id),
            )?;
            None
        }
        Transition::Cancel(day) => {
            let number = take_number(&tx, day)?;
            tx.execute(
                "INSERT INTO funder_invoice (year, seq, kind, funder_id, issued_on,
                     period_from, period_to, amount_cents, cancels)
                 SELECT ?1, ?2, 'avoir', funder_id, ?3, period_from, period_to,
                        amount_cents, id
                 FROM funder_invoice WHERE id = ?4",
                (number.year, number.seq, day, id),
            )?;
            Some(tx.last_insert_rowid())
        }
    };
    tx.commit()?;
    Ok(made)
}
