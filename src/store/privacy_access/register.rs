//! The facts the register entry (`report::privacy_register`) states: the garden's identity,
//! the retention settings, where the database and its backups are, how many people it holds.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::store::settings::{self, GardenIdentity};
use crate::store::{Result, backup};

/// Setting keys of the retention periods, in whole years (shared with the privacy screen).
pub mod keys {
    /// Years an employee's file is kept after the end of their last path.
    pub const RETENTION_EMPLOYEE_YEARS: &str = "retention_employee_years";
    /// Years a member's file is kept after their last basket or membership.
    pub const RETENTION_MEMBER_YEARS: &str = "retention_member_years";
    /// Years an outside workshop participant is kept after their last session.
    pub const RETENTION_PARTICIPANT_YEARS: &str = "retention_participant_years";
}

/// Default retention of an employee's file, in years.
pub const DEFAULT_EMPLOYEE_YEARS: u32 = 5;
/// Default retention of a member's file, in years.
pub const DEFAULT_MEMBER_YEARS: u32 = 3;
/// Default retention of an outside workshop participant, in years.
pub const DEFAULT_PARTICIPANT_YEARS: u32 = 1;

/// What the register entry says about this garden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterFacts {
    /// Name, address, SIRET.
    pub identity: GardenIdentity,
    /// Retention of employees' files, in years.
    pub employee_years: u32,
    /// Retention of members' files, in years.
    pub member_years: u32,
    /// Retention of outside participants, in years.
    pub participant_years: u32,
    /// The database file.
    pub database: PathBuf,
    /// The folder of automatic backups.
    pub backup_dir: PathBuf,
    /// How many daily backups are kept (one a day, so also a number of days).
    pub backups_kept: usize,
    /// How many safety copies of each kind are kept.
    pub safety_copies_kept: usize,
    /// Employees on file (anonymised ones excepted).
    pub employees: i64,
    /// Members' households on file.
    pub members: i64,
}

/// A retention setting in years, its default when absent or unreadable.
pub fn retention_years(conn: &Connection, key: &str, default: u32) -> Result<u32> {
    Ok(settings::get(conn, key)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default))
}

/// The register's facts for the database at `db_path`.
pub fn register_facts(conn: &Connection, db_path: &Path) -> Result<RegisterFacts> {
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |row| row.get(0))?) };
    Ok(RegisterFacts {
        identity: settings::garden_identity(conn)?,
        employee_years: retention_years(
            conn,
            keys::RETENTION_EMPLOYEE_YEARS,
            DEFAULT_EMPLOYEE_YEARS,
        )?,
        member_years: retention_years(conn, keys::RETENTION_MEMBER_YEARS, DEFAULT_MEMBER_YEARS)?,
        participant_years: retention_years(
            conn,
            keys::RETENTION_PARTICIPANT_YEARS,
            DEFAULT_PARTICIPANT_YEARS,
        )?,
        database: db_path.to_path_buf(),
        backup_dir: backup::backup_dir(conn, db_path)?,
        backups_kept: backup::KEEP,
        safety_copies_kept: backup::KEEP_SAFETY,
        employees: count("SELECT count(*) FROM employee WHERE anonymised_on IS NULL")?,
        members: count("SELECT count(*) FROM member")?,
    })
}
