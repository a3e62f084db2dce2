//! The store: everything Binette keeps, in one SQLite file.
//!
//! Plain functions `fn(&Connection, …) -> Result<T>`, one module per area. Multi-row writes
//! run in a transaction (`Connection::unchecked_transaction`), so a failure leaves nothing
//! half-written.

pub mod accounting;
pub mod activity;
pub mod backup;
pub mod baskets;
pub mod calendar;
mod collation;
mod columns;
pub mod dashboard;
pub mod demo;
pub mod distribution;
pub mod employees;
mod error;
pub mod file_check;
pub mod first_steps;
pub mod garden;
pub mod harvests;
pub mod import;
mod insertion_figures;
pub mod invoices;
pub mod journal;
pub mod last_garden;
pub mod lock;
pub mod members;
mod open;
pub mod output;
pub mod paths;
pub mod payments;
pub mod privacy;
pub mod privacy_access;
mod restore;
pub mod settings;
pub mod sheets;
pub mod week;
pub mod workshops;

pub use error::{Constraint, Result, StoreError, io_reason};
pub use open::{
    APPLICATION_ID, SCHEMA_VERSION, UPGRADE_BACKUP_PREFIX, has_garden_data, inspect,
    inspect_version, integrity_check, open, open_for_reading, open_in_memory, open_inspected,
    open_read_only, open_read_only_current, quick_check, user_version,
};
pub use rusqlite::Connection;
