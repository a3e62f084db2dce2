//! The forms of a household's money as typed text (drafts): one payment, a series of
//! cheques handed over together ("10 chèques de 52 €, le 5 de chaque mois à partir de
//! janvier"), a manual charge or credit note. Each turns into domain values or an
//! [`Error::Invalid`] naming the field at fault (its label on screen), what was typed left
//! untouched.

use chrono::{Datelike, NaiveDate};

use crate::app::members::drafts::{required_date, required_date_in};
use crate::app::{Error, Result};
use crate::domain::calendar::{format_date, month_name};
use crate::domain::money::{Cents, parse_euros};
use crate::domain::payments::cheques::monthly_dates;
use crate::domain::payments::{AccountEntry, CHEQUE, Cheque, EntryKind, Payment};
use crate::domain::text::fold;

/// Labels of the fields (the errors name them).
pub mod fields {
    /// Day received.
    pub const RECEIVED: &str = "Reçu le";
    /// Amount of one payment or of each cheque.
    pub const AMOUNT: &str = "Montant (€)";
    /// Payment mode.
    pub const MODE: &str = "Mode";
    /// Free label.
    pub const LABEL: &str = "Libellé";
    /// Cheque's bank.
    pub const BANK: &str = "Banque";
    /// Cheque number (the first of a series).
    pub const NUMBER: &str = "N° de chèque";
    /// Drawer, when not the member.
    pub const DRAWER: &str = "Tireur (si autre)";
    /// Day to cash a cheque.
    pub const CASH_ON: &str = "À encaisser le";
    /// How many cheques.
    pub const COUNT: &str = "Nombre de chèques";
    /// Day of the month each is cashed.
    pub const DAY: &str = "Le (jour du mois)";
    /// First month to cash.
    pub const FIRST_MONTH: &str = "À partir de (mois)";
    /// Day of a charge or credit note.
    pub const ENTRY_ON: &str = "Date";
}

use fields as F;

/// A payment as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaymentDraft {
    /// "Reçu le".
    pub received_on: String,
    /// "Montant (€)".
    pub amount: String,
    /// The mode's code, once picked.
    pub mode: Option<String>,
    /// "Libellé".
    pub label: String,
    /// Cheque only: its bank.
    pub bank: String,
    /// Cheque only: its number.
    pub number: String,
    /// Cheque only: who signed it, when not the member.
    pub drawer: String,
    /// Cheque only: the day to cash it (empty: the day received).
    pub cash_on: String,
}

/// A positive amount typed in `field`.
fn amount(text: &str, field: &'static str) -> Result<Cents> {
    parse_euros(text).filter(|a| *a > 0).ok_or_else(|| {
        Error::invalid(
            field,
            "Tapez un montant supérieur à zéro, comme 52 ou 12,50.",
        )
    })
}

impl PaymentDraft {
    /// An empty form: received `today`, by cheque.
    pub fn new(today: NaiveDate) -> Self {
        PaymentDraft {
            received_on: format_date(today),
            mode: Some(CHEQUE.to_owned()),
            ..PaymentDraft::default()
        }
    }

    /// True when the mode picked is the cheque (its fields are shown).
    pub fn is_cheque(&self) -> bool {
        self.mode.as_deref() == Some(CHEQUE)
    }

    /// The payment typed for household `member_id`, or what to correct.
    pub fn to_payment(&self, member_id: i64) -> Result<Payment> {
        let received_on = required_date(&self.received_on, F::RECEIVED)?;
        let amount = amount(&self.amount, F::AMOUNT)?;
        let mode = (self.mode.clone())
            .filter(|m| !m.is_empty())
            .ok_or_else(|| Error::invalid(F::MODE, "Choisissez le mode de paiement."))?;
        let mut cheque = Cheque::default();
        if mode == CHEQUE {
            let cash_on = crate::app::members::drafts::optional_date(&self.cash_on, F::CASH_ON)?;
            if cash_on.is_some_and(|c| c < received_on) {
                return Err(Error::invalid(
                    F::CASH_ON,
                    "Un chèque ne peut pas être à encaisser avant le jour où il a été reçu.",
                ));
            }
            cheque = Cheque {
                bank: self.bank.trim().to_owned(),
                number: self.number.trim().to_owned(),
                drawer: self.drawer.trim().to_owned(),
                cash_on,
            };
        }
        Ok(Payment {
            id: 0,
            member_id,
            received_on,
            amount,
            mode,
            label: self.label.trim().to_owned(),
            cheque,
            remittance_id: None,
            cashed_outside: false,
            cancelled_on: None,
            cancel_reason: String::new(),
        })
    }
}

/// A series of cheques as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeriesDraft {
    /// "Nombre de chèques".
    pub count: String,
    /// "Montant (€)" of each.
    pub amount: String,
    /// "Le (jour du mois)" each is cashed.
    pub day: String,
    /// "À partir de (mois)": "01/2027", "janvier 2027", "janvier".
    pub first_month: String,
    /// "Reçu le": the day they were handed over.
    pub received_on: String,
    /// Their bank.
    pub bank: String,
    /// The first cheque's number (the next ones follow when it ends with digits).
    pub first_number: String,
    /// Who signed them, when not the member.
    pub drawer: String,
    /// "Libellé" of each.
    pub label: String,
}

/// One cheque of a series, as the preview shows it before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesCheque {
    /// The day to cash it.
    pub cash_on: NaiveDate,
    /// Its number (empty when none was typed).
    pub number: String,
    /// Its amount, in cents.
    pub amount: Cents,
}

/// How many cheques a series may hold at most.
pub const SERIES_AT_MOST: u32 = 24;

impl SeriesDraft {
    /// An empty form: handed over `today`, from next month, on the 5th.
    pub fn new(today: NaiveDate) -> Self {
        let next = today
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .unwrap_or(today);
        SeriesDraft {
            received_on: format_date(today),
            day: "5".into(),
            first_month: next.format("%m/%Y").to_string(),
            ..SeriesDraft::default()
        }
    }

    /// The cheques typed, in order, or what to correct.
    pub fn preview(&self) -> Result<Vec<SeriesCheque>> {
        let received_on = required_date(&self.received_on, F::RECEIVED)?;
        let count: u32 = (self.count.trim().parse().ok())
            .filter(|n| (1..=SERIES_AT_MOST).contains(n))
            .ok_or_else(|| {
                Error::invalid(
                    F::COUNT,
                    format!("Tapez un nombre de chèques de 1 à {SERIES_AT_MOST}."),
                )
            })?;
        let amount = amount(&self.amount, F::AMOUNT)?;
        let day: u32 = (self.day.trim().parse().ok())
            .filter(|d| (1..=31).contains(d))
            .ok_or_else(|| Error::invalid(F::DAY, "Tapez un jour du mois de 1 à 31."))?;
        let first = first_month(&self.first_month, received_on)?;
        let dates = monthly_dates(first, day, count)
            .ok_or_else(|| Error::invalid(F::DAY, "Tapez un jour du mois de 1 à 31."))?;
        if dates.first().is_some_and(|d| *d < received_on) {
            return Err(Error::invalid(
                F::FIRST_MONTH,
                format!(
                    "Le premier chèque serait à encaisser le {}, avant le jour où il est reçu : \
                     commencez le mois suivant.",
                    dates.first().map(|d| format_date(*d)).unwrap_or_default()
                ),
            ));
        }
        let numbers = numbers(&self.first_number, dates.len());
        Ok(dates
            .into_iter()
            .zip(numbers)
            .map(|(cash_on, number)| SeriesCheque {
                cash_on,
                number,
                amount,
            })
            .collect())
    }

    /// The cheques typed for household `member_id`, as payments to record together.
    pub fn to_payments(&self, member_id: i64) -> Result<Vec<Payment>> {
        let received_on = required_date(&self.received_on, F::RECEIVED)?;
        Ok(self
            .preview()?
            .into_iter()
            .map(|c| Payment {
                id: 0,
                member_id,
                received_on,
                amount: c.amount,
                mode: CHEQUE.to_owned(),
                label: self.label.trim().to_owned(),
                cheque: Cheque {
                    bank: self.bank.trim().to_owned(),
                    number: c.number,
                    drawer: self.drawer.trim().to_owned(),
                    cash_on: Some(c.cash_on),
                },
                remittance_id: None,
                cashed_outside: false,
                cancelled_on: None,
                cancel_reason: String::new(),
            })
            .collect())
    }
}

/// The first month typed ("01/2027", "1/27", "janvier 2027", or "janvier": the next
/// January from `from`'s month), as its first day.
pub fn first_month(text: &str, from: NaiveDate) -> Result<NaiveDate> {
    let refused = || {
        Error::invalid(
            F::FIRST_MONTH,
            "Tapez le mois du premier chèque, comme 01/2027 ou janvier 2027.",
        )
    };
    let folded = fold(text.trim());
    let mut words = folded.split(['/', ' ', '.', '-']).filter(|w| !w.is_empty());
    let (Some(month), year) = (words.next(), words.next()) else {
        return Err(refused());
    };
    if words.next().is_some() {
        return Err(refused());
    }
    let month: u32 = match month.parse() {
        Ok(m) => m,
        Err(_) => (1..=12)
            .find(|m| fold(month_name(*m)) == month)
            .ok_or_else(refused)?,
    };
    let year: i32 = match year {
        Some(y) => match y.parse::<i32>() {
            Ok(y) if y < 100 => 2000 + y,
            Ok(y) => y,
            Err(_) => return Err(refused()),
        },
        None if month < from.month() => from.year() + 1,
        None => from.year(),
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .filter(|_| (2000..=2100).contains(&year))
        .ok_or_else(refused)
}

/// `count` cheque numbers from `first`: its trailing digits counted up, their width kept
/// ("0000101", "0000102"…); without trailing digits, only the first has one.
pub fn numbers(first: &str, count: usize) -> Vec<String> {
    let first = first.trim();
    let digits = first.len() - first.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = first.split_at(first.len() - digits);
    match tail.parse::<u64>() {
        Ok(start) if digits > 0 => (0..count as u64)
            .map(|i| format!("{head}{:0width$}", start + i, width = digits))
            .collect(),
        _ => (0..count)
            .map(|i| {
                if i == 0 {
                    first.to_owned()
                } else {
                    String::new()
                }
            })
            .collect(),
    }
}

/// A manual charge or credit note as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryDraft {
    /// Charge (frais) or credit note (avoir).
    pub kind: EntryKind,
    /// "Date".
    pub entry_on: String,
    /// "Libellé".
    pub label: String,
    /// "Montant (€)".
    pub amount: String,
}

impl EntryDraft {
    /// An empty charge dated `today`.
    pub fn new(today: NaiveDate) -> Self {
        EntryDraft {
            kind: EntryKind::Charge,
            entry_on: format_date(today),
            label: String::new(),
            amount: String::new(),
        }
    }

    /// The line typed for household `member_id`, or what to correct.
    pub fn to_entry(&self, member_id: i64) -> Result<AccountEntry> {
        let entry_on = required_date_in(&self.entry_on, F::ENTRY_ON, "Date")?;
        if self.label.trim().is_empty() {
            return Err(Error::invalid(
                F::LABEL,
                "Dites en quelques mots à quoi correspond cette ligne.",
            ));
        }
        Ok(AccountEntry {
            id: 0,
            member_id,
            entry_on,
            kind: self.kind,
            label: self.label.trim().to_owned(),
            amount: amount(&self.amount, F::AMOUNT)?,
        })
    }
}
