//! Households' money: what they owe and what they paid (the ledger), payments and cheques
//! to cash, and the cheques a remittance slip takes. Money is in integer cents, never
//! floating point.

pub mod cheques;
pub mod ledger;

use chrono::NaiveDate;

use super::baskets::MemberId;
use super::money::Cents;

crate::code_enum! {
    /// A manual line on a household's account.
    pub enum EntryKind {
        /// A charge: a delivery fee, a correction.
        Charge = ("frais", "Frais"),
        /// A credit note (avoir): money the household no longer owes.
        CreditNote = ("avoir", "Avoir"),
    }
}

/// The code of the cheque payment mode (the one mode with a bank, a number and a date to
/// cash it).
pub const CHEQUE: &str = "cheque";

/// A payment mode (chèque, espèces, virement…), from an editable list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentMode {
    /// Stored code.
    pub code: String,
    /// What the office sees.
    pub label: String,
    /// False once retired (kept for the payments made that way).
    pub active: bool,
}

/// The cheque details of a payment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cheque {
    /// Its bank.
    pub bank: String,
    /// Its number.
    pub number: String,
    /// Who signed it, when not the member.
    pub drawer: String,
    /// The day the garden may cash it (post-dated cheques are held until then).
    pub cash_on: Option<NaiveDate>,
}

/// Money received from a household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The household.
    pub member_id: MemberId,
    /// Day received.
    pub received_on: NaiveDate,
    /// Amount, in cents (more than zero).
    pub amount: Cents,
    /// Payment mode code.
    pub mode: String,
    /// Free label ("Paniers de janvier").
    pub label: String,
    /// For a cheque: its details.
    pub cheque: Cheque,
    /// The remittance slip it went with, if remitted.
    pub remittance_id: Option<i64>,
    /// Cashed without a Binette slip.
    pub cashed_outside: bool,
    /// Set when the payment was cancelled (kept, marked, no longer counted).
    pub cancelled_on: Option<NaiveDate>,
    /// Why it was cancelled.
    pub cancel_reason: String,
}

impl Payment {
    /// True for a cheque.
    pub fn is_cheque(&self) -> bool {
        self.mode == CHEQUE
    }

    /// True while it counts (not cancelled).
    pub fn counts(&self) -> bool {
        self.cancelled_on.is_none()
    }

    /// The day a cheque may be cashed: its date to cash, else the day it was received.
    pub fn cashable_on(&self) -> NaiveDate {
        self.cheque.cash_on.unwrap_or(self.received_on)
    }

    /// True for a cheque still held by the garden: counted, neither remitted nor cashed.
    pub fn is_held_cheque(&self) -> bool {
        self.is_cheque() && self.counts() && self.remittance_id.is_none() && !self.cashed_outside
    }
}

/// A manual charge or credit note on a household's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountEntry {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The household.
    pub member_id: MemberId,
    /// Its day.
    pub entry_on: NaiveDate,
    /// Charge or credit note.
    pub kind: EntryKind,
    /// What it is for (never empty).
    pub label: String,
    /// Amount, in cents (more than zero).
    pub amount: Cents,
}
