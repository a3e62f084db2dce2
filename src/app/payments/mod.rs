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

use std::collections::HashMap;

/// Each household's name as the money lists show it ("NOM Prénom"), by id, from the ids,
/// first and last names of `store::payments::lines::member_names`.
fn household_names(members: &[(i64, String, String)]) -> HashMap<i64, String> {
    members
        .iter()
        .map(|(id, first, last)| (*id, crate::domain::text::list_name(first, last)))
        .collect()
}
