//! Backups: consistent copies made with SQLite's online backup API, kept in a folder beside
//! the database (`sauvegardes/`; `sauvegardes-demonstration/` for the demonstration garden).
//!
//! Each backup is a whole database, so it carries its garden's id and name: lists show, and
//! pruning touches, only the backups of the garden asking. The newest 14 daily backups are
//! kept; the safety copies taken before a restore, an import or an upgrade are kept apart
//! (the newest 3 of each kind), so a restore can never push out the file it restores.

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, TimeDelta};
use rusqlite::{Connection, MAIN_DB};

use super::error::{Result, StoreError};
use super::file_check::{self, create_private_dir, create_private_file, sync_dir};
use super::garden::{self, GardenTag};
use super::{open, output, settings};

pub use super::restore::{Restored, replace_unopenable, restore};

/// How many automatic (daily) backups are kept.
pub const KEEP: usize = 14;
/// How many safety copies of each kind (before a restore, an import, an upgrade) are kept.
pub const KEEP_SAFETY: usize = 3;
/// File names of backups start with this.
const PREFIX: &str = "binette-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y-%m-%d_%H%M%S";
const BEFORE_RESTORE: &str = "avant-restauration-";
const BEFORE_IMPORT: &str = "avant-import-";
const BEFORE_UPGRADE: &str = "-avant-mise-a-jour-";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// The automatic backup of the day, or "Sauvegarder maintenant".
    Daily,
    /// The state of the garden just before a restore.
    BeforeRestore,
    /// The state of the garden just before an import.
    BeforeImport,
    /// The file as it was before its schema was upgraded (schema version).
    BeforeUpgrade(i64),
}

impl BackupKind {
    /// Words added after the date in lists ("" for a daily backup).
    pub fn label(self) -> &'static str {
        match self {
            BackupKind::Daily => "",
            BackupKind::BeforeRestore => "avant une restauration",
            BackupKind::BeforeImport => "avant une importation",
            BackupKind::BeforeUpgrade(_) => "avant une mise à jour",
        }
    }

    fn file_name(self, now: NaiveDateTime) -> String {
        let stamp = now.format(STAMP);
        match self {
            BackupKind::Daily => format!("{PREFIX}{stamp}{SUFFIX}"),
            BackupKind::BeforeRestore => format!("{PREFIX}{BEFORE_RESTORE}{stamp}{SUFFIX}"),
            BackupKind::BeforeImport => format!("{PREFIX}{BEFORE_IMPORT}{stamp}{SUFFIX}"),
            BackupKind::BeforeUpgrade(v) => format!("{PREFIX}v{v}{BEFORE_UPGRADE}{stamp}{SUFFIX}"),
        }
    }

    fn keep(self) -> usize {
        match self {
            BackupKind::Daily => KEEP,
            _ => KEEP_SAFETY,
        }
    }

    fn same_kind(self, other: BackupKind) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// Reads a backup's kind and time from its file name (`None`: not a Binette backup name).
fn parse_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let parse = |stamp: &str| NaiveDateTime::parse_from_str(stamp, STAMP).ok();
    if let Some(stamp) = rest.strip_prefix(BEFORE_RESTORE) {
        return Some((BackupKind::BeforeRestore, parse(stamp)?));
    }
    if let Some(stamp) = rest.strip_prefix(BEFORE_IMPORT) {
        return Some((BackupKind::BeforeImport, parse(stamp)?));
    }
    if let Some((version, stamp)) = rest
        .strip_prefix('v')
        .and_then(|r| r.split_once(BEFORE_UPGRADE))
    {
        return Some((
            BackupKind::BeforeUpgrade(version.parse().ok()?),
            parse(stamp)?,
        ));
    }
    Some((BackupKind::Daily, parse(rest)?))
}

/// When the backup at `path` was taken, read from its name (`None`: not a backup's name).
pub fn taken_at(path: &Path) -> Option<NaiveDateTime> {
    let name = path.file_name()?.to_str()?;
    parse_name(name).map(|(_kind, at)| at)
}

/// A backup file found in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (read from its name).
    pub taken_at: NaiveDateTime,
    /// Why it was taken.
    pub kind: BackupKind,
    /// The garden it is a copy of.
    pub garden: GardenTag,
}

impl BackupFile {
    /// « 21/11/2026 à 10:15 (quotidienne) »: when it was taken and why, for lists.
    pub fn label(&self) -> String {
        format!(
            "{} à {} {}",
            crate::domain::calendar::format_date(self.taken_at.date()),
            self.taken_at.format("%H:%M"),
            self.kind.label()
        )
    }
}

/// The backup folder of the database at `db_path`: the one set in Paramètres, or
/// `sauvegardes/` beside the database (`sauvegardes-demonstration/` for the demonstration,
/// so its backups never sit among the real garden's).
pub fn backup_dir(conn: &Connection, db_path: &Path) -> Result<PathBuf> {
    let chosen = settings::get(conn, settings::keys::BACKUP_DIR)?.unwrap_or_default();
    if !chosen.trim().is_empty() {
        return Ok(PathBuf::from(chosen.trim()));
    }
    let folder = if garden::tag(conn)?.demo {
        "sauvegardes-demonstration"
    } else {
        "sauvegardes"
    };
    Ok(file_check::parent_dir(db_path).join(folder))
}

/// Writes a consistent copy of the open database to `dest` (a self-contained file, no WAL,
/// readable by its owner only), through a temporary file renamed at the end so a
/// half-written copy never has the name and nothing partial is left behind on failure.
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    create_private_dir(file_check::parent_dir(dest))?;
    // Named after this process, so two processes backing up at the same second never
    // write into each other's copy.
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    let partial =
        file_check::parent_dir(dest).join(format!(".{name}.{}.partial", std::process::id()));
    let _ = std::fs::remove_file(&partial);
    remove_stale_partials(file_check::parent_dir(dest));
    let result = write_copy(conn, &partial)
        .map_err(|error| match error {
            // Name the backup, not its temporary copy.
            StoreError::File { source, action, .. } => StoreError::File {
                path: dest.to_path_buf(),
                action,
                source,
            },
            other => other,
        })
        .and_then(|()| {
            std::fs::rename(&partial, dest).map_err(|e| StoreError::file(dest, "écrit", e))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result?;
    sync_dir(file_check::parent_dir(dest));
    Ok(())
}

/// Removes the half-written copies a killed backup left in `dir` (an hour old at least, so
/// another process's copy under way is left alone): they hold personal data.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < hour_ago);
        if name.starts_with(".binette-") && name.ends_with(".partial") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_copy(conn: &Connection, partial: &Path) -> Result<()> {
    drop(create_private_file(partial)?);
    conn.backup(MAIN_DB, partial, None::<fn(rusqlite::backup::Progress)>)?;
    let copy = Connection::open(partial)?;
    let _mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    drop(copy);
    std::fs::File::open(partial)
        .and_then(|file| file.sync_all())
        .map_err(|e| StoreError::file(partial, "écrit", e))
}

/// `binette backup --out`: copies the database at `db_path` to a file the user named,
/// refusing the database itself and any existing file that is not a Binette database.
pub fn backup_to_chosen(conn: &Connection, db_path: &Path, dest: &Path) -> Result<()> {
    output::check_not_database(dest, db_path)?;
    if dest.is_dir() {
        return Err(StoreError::Invalid(format!(
            "« {} » est un dossier : indiquez le nom du fichier de sauvegarde.",
            dest.display()
        )));
    }
    if dest.exists() && open::inspect(dest).is_err() {
        return Err(StoreError::Invalid(format!(
            "Le fichier « {} » existe et n'est pas une sauvegarde Binette : il n'a pas été \
             remplacé. Choisissez un autre nom.",
            dest.display()
        )));
    }
    backup_to(conn, dest)
}

/// Lists the backups of the garden `garden` in `dir`, newest first. Files not named by
/// Binette, unreadable ones and other gardens' backups are left out.
pub fn list_backups(dir: &Path, garden: &GardenTag) -> Result<Vec<BackupFile>> {
    Ok(list_all(dir)?
        .into_iter()
        .filter(|backup| backup.garden.belongs_to(garden))
        .collect())
}

/// Every readable Binette backup in `dir`, whatever its garden, newest first.
pub fn list_all(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(StoreError::file(dir, "lu", error)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| StoreError::file(dir, "lu", e))?.path();
        let Some((kind, taken_at)) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(parse_name)
        else {
            continue;
        };
        if let Ok(garden) = read_tag(&path) {
            found.push(BackupFile {
                path,
                taken_at,
                kind,
                garden,
            });
        }
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(found)
}

/// Which garden the database file at `path` belongs to (read-only). Only its header is
/// checked, so listing a folder of backups stays quick; a restore checks the whole file.
pub fn read_tag(path: &Path) -> Result<GardenTag> {
    let header = file_check::read_header(path)?;
    if header.application_id != open::APPLICATION_ID {
        return Err(StoreError::NotBinette(path.to_path_buf()));
    }
    garden::tag(&open::connect_read_only(path)?)
}

/// Makes a daily backup named after `now` in `dir`, then keeps only this garden's newest
/// [`KEEP`] daily backups.
pub fn backup_now(conn: &Connection, dir: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    make(conn, dir, BackupKind::Daily, now, &[])
}

/// Makes a backup of `kind` in `dir`, then prunes this garden's backups of that kind to
/// their number, never removing a file of `spare`.
pub fn make(
    conn: &Connection,
    dir: &Path,
    kind: BackupKind,
    now: NaiveDateTime,
    spare: &[&Path],
) -> Result<PathBuf> {
    let dest = dir.join(kind.file_name(now));
    backup_to(conn, &dest)?;
    let garden = garden::tag(conn)?;
    let same_kind: Vec<BackupFile> = list_backups(dir, &garden)?
        .into_iter()
        .filter(|b| b.kind.same_kind(kind))
        .collect();
    for old in same_kind.iter().skip(kind.keep()) {
        if old.path != dest && !spare.iter().any(|s| same_file(s, &old.path)) {
            match std::fs::remove_file(&old.path) {
                Ok(()) => {}
                // Another process (a second import) pruned it first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::file(&old.path, "supprimé", e)),
            }
        }
    }
    Ok(dest)
}

/// The copy taken before an import (command line or window), in the garden's backup folder.
pub fn before_import(conn: &Connection, db_path: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    let dir = backup_dir(conn, db_path)?;
    make(conn, &dir, BackupKind::BeforeImport, now, &[])
}

/// True when `a` and `b` name the same file (by canonical path when both exist).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The automatic backup at start: made only when this garden's newest daily backup is older
/// than a day. Returns the new file, or `None` when a recent backup already exists.
pub fn auto_backup(conn: &Connection, dir: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    let garden = garden::tag(conn)?;
    let newest = list_backups(dir, &garden)?
        .into_iter()
        .find(|b| b.kind == BackupKind::Daily);
    match newest {
        Some(latest) if now - latest.taken_at < TimeDelta::days(1) => Ok(None),
        _ => backup_now(conn, dir, now).map(Some),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_tell_the_kinds_apart() {
        let at = NaiveDateTime::parse_from_str("2026-11-21_083000", STAMP).unwrap();
        for kind in [
            BackupKind::Daily,
            BackupKind::BeforeRestore,
            BackupKind::BeforeImport,
            BackupKind::BeforeUpgrade(2),
        ] {
            assert_eq!(parse_name(&kind.file_name(at)), Some((kind, at)));
        }
        assert_eq!(parse_name("binette.sqlite3"), None);
        assert_eq!(parse_name("binette-notes.sqlite3"), None);
    }
}
