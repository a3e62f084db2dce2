//! The store: everything Binette keeps, in one SQLite file.
//!
//! Plain functions `fn(&Connection, …) -> Result<T>`, one module per area. Multi-row writes
//! run in a transaction (`Connection::unchecked_transaction`), so a failure leaves nothing
//! half-written.

mod error;
mod open;

pub use error::{Result, StoreError};
pub use open::{APPLICATION_ID, SCHEMA_VERSION, open, open_in_memory, quick_check, user_version};
pub use rusqlite::Connection;
