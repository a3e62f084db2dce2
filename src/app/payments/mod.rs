//! Households' money: their accounts, payments and documents, cheque remittance slips, the
//! payments and balances exports; invoices to funders, the journal for the accountant, the
//! accounting settings.

pub mod accounting;
pub mod entry;
pub mod exports;
pub mod household;
pub mod invoices;
pub mod journal;
pub mod remittance;
