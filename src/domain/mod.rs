//! Pure types and rules of the garden: no I/O, no iced.

pub mod baskets;
pub mod codes;
pub mod harvests;
pub mod money;
