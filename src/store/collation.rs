//! The `FR` collation: SQLite sorts names and labels with [`compare`], the function Rust
//! sorts them with, so a list reads in the same order whichever side sorted it.

use rusqlite::Connection;

use super::error::Result;
use crate::domain::text::compare;

/// The collation's name in SQL: `ORDER BY last_name COLLATE FR`.
pub const FRENCH: &str = "FR";

/// Registers the `FR` collation on `conn`. Every connection the store opens goes through
/// here: a query sorting `COLLATE FR` fails on a connection that lacks it.
pub(crate) fn register(conn: &Connection) -> Result<()> {
    conn.create_collation(FRENCH, compare)?;
    Ok(())
}
