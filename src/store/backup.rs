//! Backups: consistent copies made with SQLite's online backup API, kept in a folder beside
//! the database (`sauvegardes/`), the newest 14 kept.

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, TimeDelta};
use rusqlite::{Connection, MAIN_DB};

use super::error::{Result, StoreError};
use super::{open, settings};

/// How many automatic backups are kept.
pub const KEEP: usize = 14;
/// File names of backups start with this.
const PREFIX: &str = "binette-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y-%m-%d_%H%M%S";

/// A backup file found in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (read from its name).
    pub taken_at: NaiveDateTime,
}

/// The backup folder of the database at `db_path`: the one set in Paramètres, or
/// `sauvegardes/` beside the database.
pub fn backup_dir(conn: &Connection, db_path: &Path) -> Result<PathBuf> {
    let chosen = settings::get(conn, settings::keys::BACKUP_DIR)?.unwrap_or_default();
    if !chosen.trim().is_empty() {
        return Ok(PathBuf::from(chosen.trim()));
    }
    let parent = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join("sauvegardes"))
}

/// Writes a consistent copy of the open database to `dest` (a self-contained file, no WAL),
/// through a temporary file renamed at the end so a half-written copy never has the name.
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let partial = dest.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>)?;
    {
        let copy = Connection::open(&partial)?;
        let _mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    }
    std::fs::rename(&partial, dest)?;
    Ok(())
}

/// Lists the backups in `dir`, newest first (files not named by Binette are ignored).
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stamp) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(SUFFIX))
        else {
            continue;
        };
        if let Ok(taken_at) = NaiveDateTime::parse_from_str(stamp, STAMP) {
            found.push(BackupFile { path, taken_at });
        }
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(found)
}

/// Makes a backup named after `now` in `dir`, then keeps only the newest [`KEEP`].
pub fn backup_now(conn: &Connection, dir: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    let dest = dir.join(format!("{PREFIX}{}{SUFFIX}", now.format(STAMP)));
    backup_to(conn, &dest)?;
    for old in list_backups(dir)?.iter().skip(KEEP) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(dest)
}

/// The automatic backup at start: made only when the newest one is older than a day.
/// Returns the new file, or `None` when a recent backup already exists.
pub fn auto_backup(conn: &Connection, dir: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    let newest = list_backups(dir)?.into_iter().next();
    match newest {
        Some(latest) if now - latest.taken_at < TimeDelta::days(1) => Ok(None),
        _ => backup_now(conn, dir, now).map(Some),
    }
}

/// Replaces the open database's content with the backup at `source`, after checking the
/// backup is a sound Binette database and after backing up the current content to `dir`
/// (so a restore can itself be undone). The schema is then brought up to date.
pub fn restore(
    conn: &mut Connection,
    source: &Path,
    dir: &Path,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    if !source.is_file() {
        return Err(StoreError::Invalid(format!(
            "La sauvegarde « {} » est introuvable.",
            source.display()
        )));
    }
    open::inspect_read_only(source)?;
    let safety = backup_now(conn, dir, now)?;
    conn.restore(MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>)?;
    open::migrate(conn)?;
    open::quick_check(conn)?;
    Ok(safety)
}

/// Row count of every table, by table name (for `binette check` and backup checks).
pub fn table_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut statement =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let names: Vec<String> = statement
        .query_map([], |row| row.get("name"))?
        .collect::<Result<_, _>>()?;
    names
        .into_iter()
        .map(|name| {
            let count = conn.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |row| {
                row.get(0)
            })?;
            Ok((name, count))
        })
        .collect()
}
