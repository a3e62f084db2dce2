//! Households' money: cheque remittance slips and the payments and balances exports.

pub mod exports;
pub mod remittance;
