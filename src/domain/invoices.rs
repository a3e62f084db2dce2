//! Invoices to the funders of Paniers Solidaires: their numbers and their life.
//!
//! French invoices carry numbers from one chronological sequence without gaps. Binette keeps
//! one sequence per calendar year of issue, written "2026-0007": the year, then the rank
//! within the year on four digits. An invoice is never deleted; a mistake is cancelled by a
//! credit note (avoir) that takes the next number of the same sequence, so the sequence
//! never has a hole. An invoice is issued (émise), may be marked sent (envoyée) then paid
//! (payée), each with its day; an issued or sent invoice may be cancelled by an avoir, a
//! paid one may not (the money came in: a refund is another matter).

use chrono::{Datelike, NaiveDate};

use super::money::Cents;

crate::code_enum! {
    /// An invoice or the credit note cancelling one.
    pub enum InvoiceKind {
        /// An invoice (facture).
        Invoice = ("facture", "Facture"),
        /// A credit note (avoir) cancelling an invoice.
        CreditNote = ("avoir", "Avoir"),
    }
}

/// An invoice's number in the sequence of its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InvoiceNumber {
    /// Year of issue.
    pub year: i32,
    /// Rank within the year, from 1.
    pub seq: i64,
}

impl std::fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:04}", self.year, self.seq)
    }
}

/// The last number given in a year's sequence and its day of issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastIssued {
    /// Its number.
    pub number: InvoiceNumber,
    /// Its day of issue.
    pub issued_on: NaiveDate,
}

/// The number of a document issued on `issued_on`, after `last`, the last one issued in
/// that year (`None`: the first of the year). Refused when `issued_on` precedes the last
/// one's day: the numbers must follow the dates.
pub fn next_number(
    last: Option<LastIssued>,
    issued_on: NaiveDate,
) -> Result<InvoiceNumber, String> {
    let year = issued_on.year();
    match last {
        Some(last) if last.number.year == year => {
            if issued_on < last.issued_on {
                return Err(format!(
                    "La pièce n° {} est datée du {} : une nouvelle pièce ne peut pas être \
                     datée d'avant (les numéros suivent les dates).",
                    last.number,
                    super::calendar::format_date(last.issued_on)
                ));
            }
            Ok(InvoiceNumber {
                year,
                seq: last.number.seq + 1,
            })
        }
        _ => Ok(InvoiceNumber { year, seq: 1 }),
    }
}

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceStatus {
    /// Issued, not yet sent.
    Issued,
    /// Sent on that day.
    Sent(NaiveDate),
    /// Paid on that day.
    Paid(NaiveDate),
    /// Cancelled by the avoir of that number.
    Cancelled(InvoiceNumber),
}

impl InvoiceStatus {
    /// Its state from what is stored.
    pub fn of(
        sent_on: Option<NaiveDate>,
        paid_on: Option<NaiveDate>,
        cancelled_by: Option<InvoiceNumber>,
    ) -> InvoiceStatus {
        match (cancelled_by, paid_on, sent_on) {
            (Some(number), _, _) => InvoiceStatus::Cancelled(number),
            (None, Some(day), _) => InvoiceStatus::Paid(day),
            (None, None, Some(day)) => InvoiceStatus::Sent(day),
            (None, None, None) => InvoiceStatus::Issued,
        }
    }

    /// What the office reads: "émise", "envoyée le 05/01/2027", "payée le…", "annulée par
    /// l'avoir n° …".
    pub fn label(&self) -> String {
        use super::calendar::format_date;
        match self {
            InvoiceStatus::Issued => "émise".to_owned(),
            InvoiceStatus::Sent(day) => format!("envoyée le {}", format_date(*day)),
            InvoiceStatus::Paid(day) => format!("payée le {}", format_date(*day)),
            InvoiceStatus::Cancelled(n) => format!("annulée par l'avoir n° {n}"),
        }
    }

    /// True while the funder owes it: issued or sent.
    pub fn is_due(&self) -> bool {
        matches!(self, InvoiceStatus::Issued | InvoiceStatus::Sent(_))
    }
}

/// A change asked of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Mark it sent on that day.
    Send(NaiveDate),
    /// Mark it paid on that day.
    Pay(NaiveDate),
    /// Cancel it by an avoir issued that day.
    Cancel(NaiveDate),
}

/// Checks `transition` of an invoice issued on `issued_on` and standing at `status`;
/// the refusal says why in French. Sent or paid: not before the day of issue (nor paid
/// before sent); sent: only once, never after it was paid; cancelled: only while unpaid.
pub fn check_transition(
    status: InvoiceStatus,
    issued_on: NaiveDate,
    transition: Transition,
) -> Result<(), String> {
    use super::calendar::format_date;
    if let InvoiceStatus::Cancelled(n) = status {
        return Err(format!(
            "Cette facture est annulée par l'avoir n° {n} : elle ne change plus."
        ));
    }
    let (day, what) = match transition {
        Transition::Send(d) => (d, "L'envoi"),
        Transition::Pay(d) => (d, "Le paiement"),
        Transition::Cancel(d) => (d, "L'avoir"),
    };
    if day < issued_on {
        return Err(format!(
            "{what} ne peut pas précéder la facture, émise le {}.",
            format_date(issued_on)
        ));
    }
    match (status, transition) {
        (InvoiceStatus::Paid(_), Transition::Send(_)) => {
            Err("Cette facture est déjà payée.".to_owned())
        }
        (InvoiceStatus::Sent(_), Transition::Send(_)) => {
            Err("Cette facture est déjà marquée envoyée.".to_owned())
        }
        (InvoiceStatus::Paid(_), Transition::Pay(_)) => {
            Err("Cette facture est déjà payée.".to_owned())
        }
        (InvoiceStatus::Sent(sent), Transition::Pay(paid)) if paid < sent => Err(format!(
            "Le paiement ne peut pas précéder l'envoi, le {}.",
            format_date(sent)
        )),
        (InvoiceStatus::Paid(_), Transition::Cancel(_)) => Err(
            "Une facture payée ne s'annule pas par un avoir : le financeur a déjà réglé."
                .to_owned(),
        ),
        _ => Ok(()),
    }
}

/// True when the periods `a` and `b` (first and last days, included) share a day.
pub fn periods_overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// A funder's balance: what it was invoiced, what it paid, what remains to invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FunderBalance {
    /// Invoices not cancelled, in cents.
    pub invoiced: Cents,
    /// Of which paid.
    pub paid: Cents,
    /// Its share of the baskets delivered since the last period invoiced, not yet invoiced.
    pub not_invoiced: Cents,
}

impl FunderBalance {
    /// Invoiced and not paid yet.
    pub fn due(&self) -> Cents {
        self.invoiced - self.paid
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numbers_follow_each_other_within_a_year_and_restart_in_january() {
        let first = next_number(None, date(2026, 3, 1)).unwrap();
        assert_eq!(first.to_string(), "2026-0001");
        let last = LastIssued {
            number: InvoiceNumber { year: 2026, seq: 7 },
            issued_on: date(2026, 6, 30),
        };
        // Same day as the last one: allowed, next rank.
        assert_eq!(
            next_number(Some(last), date(2026, 6, 30))
                .unwrap()
                .to_string(),
            "2026-0008"
        );
        // A new year starts a new sequence at 1.
        assert_eq!(
            next_number(Some(last), date(2027, 1, 4))
                .unwrap()
                .to_string(),
            "2027-0001"
        );
        // Before the last one's day: refused.
        assert!(next_number(Some(last), date(2026, 6, 29)).is_err());
    }

    #[test]
    fn transitions_are_refused_when_they_make_no_sense() {
        let issued = date(2026, 4, 1);
        let avoir = InvoiceNumber { year: 2026, seq: 3 };
        let ok = |s, t| check_transition(s, issued, t).is_ok();
        assert!(ok(InvoiceStatus::Issued, Transition::Send(issued)));
        assert!(ok(InvoiceStatus::Issued, Transition::Pay(date(2026, 5, 2))));
        assert!(ok(InvoiceStatus::Issued, Transition::Cancel(issued)));
        assert!(ok(
            InvoiceStatus::Sent(date(2026, 4, 3)),
            Transition::Pay(date(2026, 4, 3))
        ));
        assert!(ok(
            InvoiceStatus::Sent(date(2026, 4, 3)),
            Transition::Cancel(date(2026, 4, 10))
        ));
        // Before the day of issue.
        assert!(!ok(
            InvoiceStatus::Issued,
            Transition::Send(date(2026, 3, 31))
        ));
        // Paid before it was sent.
        assert!(!ok(
            InvoiceStatus::Sent(date(2026, 4, 3)),
            Transition::Pay(date(2026, 4, 2))
        ));
        // Twice, or after the end.
        assert!(!ok(
            InvoiceStatus::Sent(date(2026, 4, 3)),
            Transition::Send(date(2026, 4, 4))
        ));
        assert!(!ok(
            InvoiceStatus::Paid(date(2026, 4, 3)),
            Transition::Pay(date(2026, 4, 4))
        ));
        assert!(!ok(
            InvoiceStatus::Paid(date(2026, 4, 3)),
            Transition::Cancel(date(2026, 4, 4))
        ));
        assert!(!ok(
            InvoiceStatus::Cancelled(avoir),
            Transition::Pay(date(2026, 4, 4))
        ));
    }

    #[test]
    fn status_reads_the_stored_days() {
        let n = InvoiceNumber { year: 2026, seq: 2 };
        let d = date(2026, 2, 1);
        assert_eq!(InvoiceStatus::of(None, None, None), InvoiceStatus::Issued);
        assert_eq!(
            InvoiceStatus::of(Some(d), None, None),
            InvoiceStatus::Sent(d)
        );
        assert_eq!(
            InvoiceStatus::of(Some(d), Some(d), None),
            InvoiceStatus::Paid(d)
        );
        assert_eq!(
            InvoiceStatus::of(Some(d), None, Some(n)),
            InvoiceStatus::Cancelled(n)
        );
        assert_eq!(
            InvoiceStatus::Cancelled(n).label(),
            "annulée par l'avoir n° 2026-0002"
        );
    }

    #[test]
    fn periods_overlap_on_a_shared_day() {
        let jan = (date(2026, 1, 1), date(2026, 1, 31));
        assert!(periods_overlap(jan, (date(2026, 1, 31), date(2026, 2, 28))));
        assert!(!periods_overlap(jan, (date(2026, 2, 1), date(2026, 2, 28))));
    }
}
