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

use crate::domain::baskets::Member;

/// Each household's name as the money lists show it ("NOM Prénom"), by id.
fn household_names(members: &[Member]) -> HashMap<i64, String> {
    members
        .iter()
        .map(|m| {
            (
                m.id,
                crate::domain::text::list_name(&m.first_name, &m.last_name),
            )
        })
        .collect()
}
