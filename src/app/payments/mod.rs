//! Households' money: their accounts, payments and documents, cheque remittance slips and
//! the payments and balances exports.

pub mod entry;
pub mod exports;
pub mod household;
pub mod remittance;
