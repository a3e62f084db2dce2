//! Households' money: their accounts, payments and documents.

pub mod entry;
pub mod household;
