//! Opening a database file: refuse what is not ours or too new without touching it, copy
//! it aside when it needs upgrading, then migrate in one transaction.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use rusqlite::limits::Limit;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::error::{Result, StoreError};
use super::{backup, collation, file_check, garden};

/// `PRAGMA application_id` written into every Binette database ("BINE").
pub const APPLICATION_ID: i64 = 0x4249_4E45;

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_exit_outcome.sql"),
    include_str!("migrations/003_paths.sql"),
    include_str!("migrations/004_solidarity_terms.sql"),
    include_str!("migrations/005_payments.sql"),
    include_str!("migrations/006_invoices.sql"),
    include_str!("migrations/007_privacy.sql"),
    include_str!("migrations/008_accounts_start.sql"),
    include_str!("migrations/009_monthly_debits.sql"),
];

/// File names of the copies made before an upgrade start with this (then the old version,
/// e.g. `binette-v1-avant-mise-a-jour-2026-11-28_101500.sqlite3`). They are kept apart from
/// the daily backups: the newest 3 are kept.
pub const UPGRADE_BACKUP_PREFIX: &str = "binette-v";

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens (or creates) the database at `path`, checks it, and brings its schema up to date.
///
/// A file that is empty, not a Binette database, from a newer Binette, damaged, or that
/// cannot be written ([`StoreError::ReadOnly`]: open it with [`open_read_only`]) is refused
/// and left byte-identical: those checks run before anything is written. A database of an
/// older schema is first copied into its backup folder (see [`UPGRADE_BACKUP_PREFIX`]); when
/// that copy fails, it is not upgraded. A new file is created readable by its owner only.
pub fn open(path: &Path) -> Result<Connection> {
    let inspected = if path.exists() {
        Some(inspect_read_only(path)?)
    } else {
        None
    };
    open_inspected(path, inspected)
}

/// The schema version of the existing database at `path`, after the checks of [`open`]
/// (the refusals), without changing it; [`open_inspected`] then opens it without checking
/// it a second time (the integrity check reads the whole file).
pub fn inspect_version(path: &Path) -> Result<i64> {
    inspect_read_only(path)
}

/// [`open`] for a file [`inspect_version`] accepted (`Some(its version)`), or that did not
/// exist then (`None`: it is created).
pub fn open_inspected(path: &Path, inspected: Option<i64>) -> Result<Connection> {
    if let Some(version) = inspected {
        if !file_check::is_writable(path) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        if (1..SCHEMA_VERSION).contains(&version) {
            backup_before_upgrade(path, version)?;
        }
    } else {
        file_check::create_private_dir(file_check::parent_dir(path))?;
        drop(file_check::create_private_file(path)?);
    }
    // Files made by earlier versions were readable by everyone.
    let _ = file_check::restrict_to_owner(path);
    let mut conn = Connection::open(path)?;
    configure(&mut conn)?;
    migrate(&mut conn)?;
    garden::ensure_garden_id(&conn)?;
    Ok(conn)
}

/// Opens the existing database at `path` for work: for writing when it can be written,
/// else read-only (browsing, printing, exporting). Returns the connection and whether it is
/// read-only.
pub fn open_for_reading(path: &Path) -> Result<(Connection, bool)> {
    match open(path) {
        Ok(conn) => Ok((conn, false)),
        Err(StoreError::ReadOnly(_)) => Ok((open_read_only_current(path)?, true)),
        Err(error) => Err(error),
    }
}

/// [`open_read_only`] for work: a database of an older schema is refused, since it cannot
/// be upgraded without writing.
pub fn open_read_only_current(path: &Path) -> Result<Connection> {
    let conn = open_read_only(path)?;
    if user_version(&conn)? < SCHEMA_VERSION {
        return Err(StoreError::Invalid(format!(
            "La base « {} » vient d'une version plus ancienne de Binette et doit être mise à \
             jour, ce qui est impossible en lecture seule : copiez-la dans un dossier où l'on \
             peut écrire, puis ouvrez la copie.",
            path.display()
        )));
    }
    Ok(conn)
}

/// Opens a fresh in-memory database with the current schema (tests, previews).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&mut conn)?;
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
    let conn = connect_read_only(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// A read-only SQLite connection to `path` that never creates the file. On a folder that
/// cannot be written (read-only media), SQLite cannot make its shared-memory file: the file
/// is then opened as immutable (nobody can change it there anyway), which reads it without
/// locks instead of retrying forever.
pub(crate) fn connect_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let immutable = !file_check::dir_is_writable(file_check::parent_dir(path))
        && !file_check::sidecar(path, "-wal").exists();
    let uri = format!(
        "{}?mode=ro{}",
        file_uri(path),
        if immutable { "&immutable=1" } else { "" }
    );
    let conn = Connection::open_with_flags(uri, flags).map_err(|error| classify(path, error))?;
    collation::register(&conn)?;
    set_cache(&conn)?;
    Ok(conn)
}

/// `path` as a SQLite `file:` URI (the characters URIs reserve are escaped).
fn file_uri(path: &Path) -> String {
    let mut text = path.to_string_lossy().replace('\\', "/");
    if path.is_absolute() && !text.starts_with('/') {
        text.insert(0, '/');
    }
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '%' => "%25".to_owned(),
            '?' => "%3f".to_owned(),
            '#' => "%23".to_owned(),
            other => other.to_string(),
        })
        .collect();
    format!("file:{escaped}")
}

/// Damage found in `path`: named, with the start of SQLite's technical verdict only.
fn damaged(path: &Path, verdict: &str) -> StoreError {
    let detail = verdict
        .lines()
        .find(|line| !line.starts_with("***"))
        .unwrap_or(verdict);
    let short: String = detail.chars().take(120).collect();
    StoreError::Damaged(format!(
        "le fichier « {} » est abîmé ; détail technique : {short}",
        path.display()
    ))
}

/// A SQLite failure on `path` while checking it: damage and "not a database" said as such.
fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotBinette(path.to_path_buf()),
        Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::Damaged(format!("le fichier « {} » est abîmé", path.display()))
        }
        _ => error.into(),
    }
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
    let header = file_check::read_header(path)?;
    let not_ours = || StoreError::NotBinette(path.to_path_buf());
    if header.application_id != APPLICATION_ID && header.application_id != 0 {
        return Err(not_ours());
    }
    if header.user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: header.user_version,
            known: SCHEMA_VERSION,
        });
    }
    let conn = connect_read_only(path)?;
    let classified = |error| classify(path, error);
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(classified)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(classified)?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(classified)?;
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || tables != 0) {
        return Err(not_ours());
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(classified)?;
    if verdict != "ok" {
        return Err(damaged(path, &verdict));
    }
    Ok(version)
}

/// Copies the database at `path` (schema `version`, about to be upgraded) into its backup
/// folder, read-only, so the upgrade can be undone; returns the copy.
fn backup_before_upgrade(path: &Path, version: i64) -> Result<PathBuf> {
    let conn = connect_read_only(path)?;
    let dir = backup::backup_dir(&conn, path)?;
    let kind = backup::BackupKind::BeforeUpgrade(version);
    backup::make(&conn, &dir, kind, Local::now().naive_local(), &[]).map_err(|error| {
        StoreError::Invalid(format!(
            "Cette base de données doit être mise à jour, mais la copie de sécurité faite \
             avant n'a pas pu être écrite dans « {} » ({error}). La base n'a pas été modifiée : \
             vérifiez que ce dossier existe et qu'on peut y écrire, puis rouvrez-la.",
            dir.display()
        ))
    })
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

/// Largest text or blob the database accepts in one value (bytes).
pub const MAX_VALUE_BYTES: i32 = 1_000_000;

/// How long a write waits for another writer (a second window, an import) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

fn configure(conn: &mut Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    collation::register(conn)?;
    // No value a garden types or imports comes near this: a pasted book or a 50 MB
    // spreadsheet cell is refused by SQLite itself ("too big"), whatever the screen.
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    // A deferred transaction that reads then writes fails at once ("database is locked")
    // when another connection wrote meanwhile; an immediate one waits its turn.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    conn.pragma_update(None, "foreign_keys", true)?;
    set_cache(conn)?;
    // In-memory databases answer "memory": that is fine.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    // Gardens have power cuts: every commit reaches the disk before it is reported.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Pages SQLite keeps in memory: 32 MB instead of its 2 MB, so a garden's years of
/// pickups and payments read for a balance stay in memory for the next screen.
fn set_cache(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -32_768)?;
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
