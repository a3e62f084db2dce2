//! Pure types and rules of the garden: no I/O, no iced.

pub mod accounting;
pub mod activity;
pub mod baskets;
pub mod calendar;
pub mod codes;
pub mod csv;
pub mod distribution;
pub mod employees;
pub mod export;
pub mod harvest_query;
pub mod harvests;
pub mod import;
pub mod invoices;
pub mod limits;
pub mod money;
pub mod numbers;
pub mod payments;
pub mod privacy;
pub mod solidarity;
pub mod text;
pub mod wording;
pub mod workshops;
