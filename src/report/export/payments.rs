//! The money lists for the accountant and the office: each household's balance, and every
//! payment (cheques with their bank, number, day to cash and slip; cancelled ones kept,
//! marked, and left out of the total).

use chrono::NaiveDate;

use crate::domain::calendar::format_date;
use crate::domain::export::{Cell, CellKind, ExportTable};
use crate::domain::money::Cents;
use crate::domain::payments::Payment;

/// A household's balance on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceRow {
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Credits − debits (negative: the household owes).
    pub balance: Cents,
}

/// A payment with what the lists show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// The payment.
    pub payment: Payment,
    /// The household ("NOM Prénom").
    pub household: String,
    /// Its mode's label ("Chèque").
    pub mode: String,
    /// The number of the slip a remitted cheque went with.
    pub slip_number: Option<i64>,
}

impl PaymentRow {
    /// Where the payment stands, in words: cancelled, remitted, cashed outside, held
    /// (cheques only), or nothing to say.
    pub fn state(&self) -> String {
        let p = &self.payment;
        if let Some(on) = p.cancelled_on {
            return match p.cancel_reason.trim() {
                "" => format!("Annulé le {}", format_date(on)),
                reason => format!("Annulé le {} ({reason})", format_date(on)),
            };
        }
        if let Some(number) = self.slip_number {
            return format!("Remis (bordereau n° {number})");
        }
        if p.is_cheque() && p.cashed_outside {
            return "Encaissé hors bordereau".to_owned();
        }
        if p.is_cheque() {
            return "À remettre".to_owned();
        }
        String::new()
    }
}

/// The balances on `until`: one row per household, then the total.
pub fn balances(rows: &[BalanceRow], until: NaiveDate) -> ExportTable {
    let mut table = ExportTable::new(
        format!("Soldes au {}", format_date(until)),
        &[
            ("Nom", CellKind::Text),
            ("Prénom", CellKind::Text),
            ("Solde (€)", CellKind::Money),
            ("Doit (€)", CellKind::Money),
        ],
    );
    for row in rows {
        table.push(vec![
            Cell::text(row.last_name.to_uppercase()),
            Cell::text_or_empty(row.first_name.clone()),
            Cell::Money(row.balance),
            owed(row.balance),
        ]);
    }
    let total: Cents = rows.iter().map(|r| r.balance).sum();
    let owed_total: Cents = rows.iter().map(|r| (-r.balance).max(0)).sum();
    table.push_total(vec![
        Cell::text("Total"),
        Cell::Empty,
        Cell::Money(total),
        Cell::Money(owed_total),
    ]);
    table
}

/// What a household owes (its balance when negative), empty otherwise.
fn owed(balance: Cents) -> Cell {
    if balance < 0 {
        Cell::Money(-balance)
    } else {
        Cell::Empty
    }
}

/// The payments listed, oldest first as given, then the total of those that count.
pub fn payments(rows: &[&PaymentRow]) -> ExportTable {
    let mut table = ExportTable::new(
        "Paiements",
        &[
            ("Reçu le", CellKind::Date),
            ("Foyer", CellKind::Text),
            ("Mode", CellKind::Text),
            ("Montant (€)", CellKind::Money),
            ("Libellé", CellKind::Text),
            ("Banque", CellKind::Text),
            ("N° de chèque", CellKind::Text),
            ("Tireur", CellKind::Text),
            ("À encaisser le", CellKind::Date),
            ("État", CellKind::Text),
        ],
    );
    for row in rows {
        let p = &row.payment;
        table.push(vec![
            Cell::Date(p.received_on),
            Cell::text(row.household.clone()),
            Cell::text(row.mode.clone()),
            Cell::Money(p.amount),
            Cell::text_or_empty(p.label.clone()),
            Cell::text_or_empty(p.cheque.bank.clone()),
            Cell::text_or_empty(p.cheque.number.clone()),
            Cell::text_or_empty(p.cheque.drawer.clone()),
            if p.is_cheque() {
                Cell::Date(p.cashable_on())
            } else {
                Cell::Empty
            },
            Cell::text_or_empty(row.state()),
        ]);
    }
    let total: Cents = rows
        .iter()
        .filter(|r| r.payment.counts())
        .map(|r| r.payment.amount)
        .sum();
    table.push_total(vec![
        Cell::Empty,
        Cell::text("Total (hors annulés)"),
        Cell::Empty,
        Cell::Money(total),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ]);
    table
}
