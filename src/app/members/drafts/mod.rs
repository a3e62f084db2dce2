//! The forms of the Adhérents screen as typed text (drafts), and their checks: each turns
//! into a domain value or an [`Error::Invalid`] naming the field at fault (its label on
//! screen) with a French message, leaving what was typed untouched.

mod household;
mod setup;
mod subscription;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::app::{Error, Result};
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::money::format_euros;

pub use household::{AbsenceDraft, MAKE_UP_WEEK, MemberDraft, MembershipDraft};
pub use setup::{
    ClosureDraft, DepotDraft, FunderDraft, MoveDraft, PriceDraft, SizeDraft, WEEKDAYS,
    WeekdayChoice,
};
pub use subscription::{FundingLine, SHARED_WITH, SolidarityDraft, SubscriptionDraft, not_shared};

/// An id and the label shown for it in a pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Row id.
    pub id: i64,
    /// What the user sees.
    pub label: String,
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// A date typed in `field`, named `what` in the message: empty gives `None`, else it must be
/// a real date.
pub fn date_in(text: &str, field: &'static str, what: &str) -> Result<Option<NaiveDate>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some).ok_or_else(|| {
        Error::invalid(
            field,
            format!("{what} : date non reconnue, tapez-la comme 28/11/2026."),
        )
    })
}

/// A required date typed in `field`, named `what` in the message.
pub fn required_date_in(text: &str, field: &'static str, what: &str) -> Result<NaiveDate> {
    date_in(text, field, what)?
        .ok_or_else(|| Error::invalid(field, format!("{what} : indiquez une date (28/11/2026).")))
}

/// A date field named as it is labelled: empty gives `None`, else it must be a real date.
pub fn optional_date(text: &str, field: &'static str) -> Result<Option<NaiveDate>> {
    date_in(text, field, field)
}

/// A required date field named as it is labelled.
pub fn required_date(text: &str, field: &'static str) -> Result<NaiveDate> {
    required_date_in(text, field, field)
}

/// An amount as the user would type it again: "12,50" (no euro sign).
pub fn euros_typed(cents: i64) -> String {
    format_euros(cents)
        .trim_end_matches('€')
        .trim_end_matches('\u{a0}')
        .replace(['\u{a0}', '\u{202f}'], "")
}

/// A date as typed in a form, empty for none.
pub(crate) fn show(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}
