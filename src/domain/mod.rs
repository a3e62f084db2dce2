//! Pure types and rules of the garden: no I/O, no iced.

pub mod baskets;
pub mod calendar;
pub mod codes;
pub mod distribution;
pub mod employees;
pub mod harvests;
pub mod money;
pub mod workshops;
