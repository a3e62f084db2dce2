//! Protection des données (RGPD): how long files are kept, who is past that time,
//! anonymisation that keeps the statistics, a person's data on request, the register entry.

pub mod access;
pub mod anonymise;
pub mod register;
pub mod retention;

pub use anonymise::{anonymise, anonymise_due, anonymise_employee, anonymise_member};
pub use retention::{due_count, due_list, load, save_retention};
