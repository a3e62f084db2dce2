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

/// Runs `work`, which only reads, in one read transaction (`BEGIN DEFERRED`, which a garden
/// open read-only accepts): every query sees the garden as it was at the first one, even
/// while another window writes (no save lands half-way through a document, and none is
/// kept waiting), and the file's locks are taken once instead of once per query. Inside a
/// transaction already, `work` simply runs in it.
pub fn snapshot<T>(conn: &Connection, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        return work(conn);
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Deferred)?;
    let value = work(&tx)?;
    tx.commit()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM setting", [], |r| r.get(0))
            .unwrap()
    }

    /// What another window saves while a document is being read is not seen by that
    /// document, and is seen by the next one.
    #[test]
    fn one_snapshot_does_not_see_a_save_made_half_way() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jardin.sqlite3");
        let reader = open(&path).unwrap();
        let writer = open(&path).unwrap();
        let before = settings_count(&reader);
        let (first, second) = snapshot(&reader, |reader| {
            let first = settings_count(reader);
            writer
                .execute("INSERT INTO setting (key, value) VALUES ('x', '1')", [])
                .unwrap();
            Ok((first, settings_count(reader)))
        })
        .unwrap();
        assert_eq!((first, second), (before, before));
        assert_eq!(settings_count(&reader), before + 1);
        assert!(
            reader.is_autocommit(),
            "the snapshot's transaction is closed"
        );
    }

    /// Inside a transaction already, the reading runs in it (no nested BEGIN, which SQLite
    /// refuses) and sees its writes.
    #[test]
    fn one_snapshot_inside_a_transaction_reads_in_it() {
        let conn = open_in_memory().unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        conn.execute("INSERT INTO setting (key, value) VALUES ('x', '1')", [])
            .unwrap();
        let count = snapshot(&conn, |conn| Ok(settings_count(conn))).unwrap();
        assert_eq!(count, 1);
        assert!(
            !conn.is_autocommit(),
            "the caller's transaction is still open"
        );
        tx.rollback().unwrap();
        assert_eq!(settings_count(&conn), 0);
    }
}
