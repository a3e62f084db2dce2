//! Restoring a backup over the open garden, without ever destroying the backup or mixing
//! two gardens.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::backup::{self, BackupKind};
use super::error::{Result, StoreError};
use super::garden::{self, GardenCounts, GardenTag};
use super::{file_check, open};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the garden as it was just before (kept apart from the daily backups).
    pub safety: PathBuf,
    /// When the restored backup was taken (from its name; `None` for another file name).
    pub taken_at: Option<NaiveDateTime>,
    /// What the garden holds now.
    pub counts: GardenCounts,
}

/// Replaces the open database's content (`conn`, the file `db_path`) with the backup at
/// `source`.
///
/// The backup must be a sound Binette database of this garden (another garden's is refused
/// with [`StoreError::OtherGarden`] unless `other_garden_allowed`, which the user grants
/// after seeing both names). The current content is first copied apart (see
/// [`BackupKind::BeforeRestore`]) into `dir`, so the restore can itself be undone; the source
/// is opened read-only, never created, never pruned, never modified. The schema is then
/// brought up to date.
pub fn restore(
    conn: &mut Connection,
    db_path: &Path,
    source: &Path,
    dir: &Path,
    now: NaiveDateTime,
    other_garden_allowed: bool,
) -> Result<Restored> {
    if !source.is_file() {
        return Err(StoreError::Invalid(format!(
            "La sauvegarde « {} » est introuvable.",
            source.display()
        )));
    }
    if backup::same_file(source, db_path) {
        return Err(StoreError::Invalid(format!(
            "« {} » est la base ouverte elle-même, pas une sauvegarde.",
            source.display()
        )));
    }
    open::inspect_read_only(source)?;
    let from = open::connect_read_only(source)?;
    let theirs = garden::tag(&from)?;
    let ours = garden::tag(conn)?;
    if !other_garden_allowed && !theirs.belongs_to(&ours) {
        return Err(other_garden(&theirs, &ours));
    }
    let safety = backup::make(conn, dir, BackupKind::BeforeRestore, now, &[source])?;
    {
        let copy = Backup::new(&from, conn)?;
        copy.run_to_completion(256, Duration::ZERO, None)?;
    }
    drop(from);
    open::migrate(conn)?;
    open::quick_check(conn)?;
    if theirs.belongs_to(&ours) {
        if let (Some(id), None) = (&ours.id, garden::tag(conn)?.id) {
            // A backup made before ids existed keeps the id of the garden it is restored into.
            garden::set_garden_id(conn, id)?;
        }
    } else {
        // Another garden's backup, accepted by the user, becomes a garden of its own here:
        // sharing the other garden's id would mix the two gardens' backups again.
        garden::renew_garden_id(conn)?;
    }
    garden::ensure_garden_id(conn)?;
    Ok(Restored {
        safety,
        taken_at: backup::taken_at(source),
        counts: garden::counts(conn)?,
    })
}

fn other_garden(theirs: &GardenTag, ours: &GardenTag) -> StoreError {
    StoreError::OtherGarden {
        backup: theirs.display_name(),
        current: ours.display_name(),
    }
}

/// Puts the backup at `source` in place of the database file at `db_path` that cannot be
/// opened (damaged or empty). That file is never destroyed: it is renamed beside itself
/// (`…-endommagee-2026-11-28_101500`, with its `-wal` and `-shm`) and its name returned. The
/// backup is checked first, copied through a temporary file, and left as it was.
pub fn replace_unopenable(db_path: &Path, source: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    open::inspect_read_only(source)?;
    let temp = crate::store::output::temp_path(db_path);
    let _ = std::fs::remove_file(&temp);
    {
        let from = open::connect_read_only(source)?;
        drop(file_check::create_private_file(&temp)?);
        let copied = from
            .backup(
                rusqlite::MAIN_DB,
                &temp,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(StoreError::from);
        if let Err(error) = copied {
            let _ = std::fs::remove_file(&temp);
            return Err(error);
        }
    }
    let aside = file_check::sidecar(
        db_path,
        &format!("-endommagee-{}", now.format("%Y-%m-%d_%H%M%S")),
    );
    if db_path.exists() {
        std::fs::rename(db_path, &aside).map_err(|e| StoreError::file(db_path, "déplacé", e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let companion = file_check::sidecar(db_path, suffix);
        if companion.exists() {
            let _ = std::fs::rename(&companion, file_check::sidecar(&aside, suffix));
        }
    }
    std::fs::rename(&temp, db_path).map_err(|e| StoreError::file(db_path, "écrit", e))?;
    file_check::sync_dir(file_check::parent_dir(db_path));
    Ok(aside)
}
