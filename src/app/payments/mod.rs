//! Use cases of the money area: invoices to funders, the journal for the accountant, the
//! accounting settings.

pub mod accounting;
pub mod invoices;
pub mod journal;
