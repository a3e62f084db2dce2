//! Opening a database file: refuse what is not ours or too new without touching it, copy
//! it aside when it needs upgrading, then migrate in one transaction.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use rusqlite::{Connection, OpenFlags};

use super::backup;
use super::error::{Result, StoreError};

/// `PRAGMA application_id` written into every Binette database ("BINE").
pub const APPLICATION_ID: i64 = 0x4249_4E45;

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_exit_outcome.sql"),
    include_str!("migrations/004_solidarity_terms.sql"),
];

/// File names of the copies made before an upgrade start with this (then the old version,
/// e.g. `binette-v1-avant-mise-a-jour-2026-11-28_101500.sqlite3`). They are not daily
/// backups, so they are never pruned.
pub const UPGRADE_BACKUP_PREFIX: &str = "binette-v";

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens (or creates) the database at `path`, checks it, and brings its schema up to date.
///
/// A file that is not a Binette database, a database from a newer Binette, or a damaged
/// file is refused and left byte-identical: those checks run on a read-only connection
/// before anything is written. A database of an older schema is first copied into its
/// backup folder (see [`UPGRADE_BACKUP_PREFIX`]); when that copy fails, it is not upgraded.
pub fn open(path: &Path) -> Result<Connection> {
    if path.exists() {
        let version = inspect_read_only(path)?;
        if (1..SCHEMA_VERSION).contains(&version) {
            backup_before_upgrade(path, version)?;
        }
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Opens a fresh in-memory database with the current schema (tests, previews).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Checks, without changing it, that the file at `path` is a sound Binette database this
/// program can open.
pub fn inspect(path: &Path) -> Result<()> {
    inspect_read_only(path).map(|_version| ())
}

/// Opens an existing database read-only, after the same checks as [`open`]; nothing is
/// written, not even a migration.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    inspect_read_only(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Ok(Connection::open_with_flags(path, flags)?)
}

/// Runs SQLite's full integrity check and returns its verdict ("ok" when sound).
pub fn integrity_check(conn: &Connection) -> Result<String> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let lines: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(lines.join("; "))
}

/// What a read-only look at an existing file tells, without changing it: its schema
/// version when it is a sound Binette database this program can open.
pub(crate) fn inspect_read_only(path: &Path) -> Result<i64> {
    let not_ours = || StoreError::NotBinette(path.to_path_buf());
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|_| not_ours())?;
    // Any real read fails on a file that is not SQLite ("file is not a database").
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(|_| not_ours())?;
    let version = user_version(&conn)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || tables != 0) {
        return Err(not_ours());
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    quick_check(&conn)?;
    Ok(version)
}

/// Copies the database at `path` (schema `version`, about to be upgraded) into its backup
/// folder, read-only, so the upgrade can be undone; returns the copy.
fn backup_before_upgrade(path: &Path, version: i64) -> Result<PathBuf> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    let dir = backup::backup_dir(&conn, path)?;
    let stamp = Local::now().format("%Y-%m-%d_%H%M%S");
    let dest = dir.join(format!(
        "{UPGRADE_BACKUP_PREFIX}{version}-avant-mise-a-jour-{stamp}.sqlite3"
    ));
    backup::backup_to(&conn, &dest).map_err(|error| {
        StoreError::Invalid(format!(
            "Cette base de données doit être mise à jour, mais la copie de sécurité faite \
             avant n'a pas pu être écrite dans « {} » ({error}). La base n'a pas été modifiée : \
             vérifiez que ce dossier existe et qu'on peut y écrire, puis rouvrez-la.",
            dir.display()
        ))
    })?;
    Ok(dest)
}

/// True when the garden holds people already (members or employees).
pub fn has_garden_data(conn: &Connection) -> Result<bool> {
    let people: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM employee)",
        [],
        |row| row.get(0),
    )?;
    Ok(people > 0)
}

/// Runs SQLite's quick integrity check; `Damaged` when it finds anything.
pub fn quick_check(conn: &Connection) -> Result<()> {
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged(verdict))
    }
}

/// The schema version recorded in the file.
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // In-memory databases answer "memory": that is fine.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Applies every missing migration in one transaction; running it again changes nothing.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current = user_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}
