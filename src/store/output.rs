//! Writing documents and exports safely: never over a database, never half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};
use super::file_check::{self, create_private_file, parent_dir, sync_dir};

/// Refuses `dest` as the destination of a document or export: a folder, the open database
/// or any SQLite file (database, write-ahead log, journal) is never overwritten.
pub fn check_destination(dest: &Path) -> Result<()> {
    if dest.is_dir() {
        return Err(StoreError::Invalid(format!(
            "« {} » est un dossier : indiquez un nom de fichier.",
            dest.display()
        )));
    }
    if dest.exists() && file_check::looks_like_sqlite(dest) {
        return Err(StoreError::Invalid(format!(
            "« {} » est une base de données : elle n'a pas été remplacée. Choisissez un autre \
             nom de fichier.",
            dest.display()
        )));
    }
    Ok(())
}

/// Refuses `dest` when it is the database `db` itself or one of its companion files, even
/// through another name (compared by canonical paths).
pub fn check_not_database(dest: &Path, db: &Path) -> Result<()> {
    let Ok(db) = db.canonicalize() else {
        return Ok(());
    };
    let candidates = [
        db.clone(),
        file_check::sidecar(&db, "-wal"),
        file_check::sidecar(&db, "-shm"),
        file_check::sidecar(&db, "-journal"),
    ];
    let same = dest
        .canonicalize()
        .is_ok_and(|dest| candidates.contains(&dest));
    if same {
        return Err(StoreError::Invalid(format!(
            "« {} » est la base de données ouverte : elle n'a pas été remplacée. Choisissez un \
             autre nom de fichier.",
            dest.display()
        )));
    }
    Ok(())
}

/// Writes `bytes` to `dest` after [`check_destination`]: into a temporary file beside it,
/// flushed, then renamed, so `dest` is either the old file or the whole new one; nothing
/// partial is left behind on failure. The file is readable by its owner only.
pub fn write_file(dest: &Path, bytes: &[u8]) -> Result<()> {
    check_destination(dest)?;
    check_folder(dest)?;
    let temp = temp_path(dest);
    let _ = std::fs::remove_file(&temp);
    let created = create_private_file(&temp).map_err(|error| match error {
        // Name the file the user chose, not the temporary one.
        StoreError::File { source, .. } => StoreError::File {
            path: dest.to_path_buf(),
            action: "écrit",
            source,
        },
        other => other,
    });
    let written = created.and_then(|mut file| {
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| StoreError::file(dest, "écrit", e))
    });
    let renamed = written.and_then(|()| {
        std::fs::rename(&temp, dest).map_err(|e| StoreError::file(dest, "écrit", e))
    });
    if let Err(error) = renamed {
        let _ = std::fs::remove_file(&temp);
        return Err(error);
    }
    sync_dir(parent_dir(dest));
    Ok(())
}

/// Refuses a destination whose folder does not exist, naming the folder.
pub fn check_folder(dest: &Path) -> Result<()> {
    let folder = parent_dir(dest);
    if folder.is_dir() {
        return Ok(());
    }
    Err(StoreError::Invalid(format!(
        "Le dossier « {} » n'existe pas : choisissez un dossier existant pour « {} ».",
        folder.display(),
        dest.file_name().unwrap_or_default().to_string_lossy()
    )))
}

/// The temporary name `dest` is written under before being renamed (same folder, so the
/// rename is atomic).
pub fn temp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(dest).join(format!(".{name}.binette-partiel"))
}
