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

/// Files written together into one folder (a print set): each is staged under a temporary
/// name beside its destination as soon as it is made; once all are staged,
/// [`StagedSet::commit`] renames them into place and flushes the folder once for the set.
/// Until then no destination is touched: a failure in the middle (refused name, full disk)
/// leaves every earlier file as it was, and the temporary files are removed when the set is
/// dropped uncommitted. Each file's data is not flushed on its own (a sync per file costs
/// several milliseconds each on an ordinary disk): the folder's flush records the renames.
#[derive(Debug)]
pub struct StagedSet {
    dir: PathBuf,
    /// (temporary file, destination) of each file staged, in order.
    staged: Vec<(PathBuf, PathBuf)>,
}

impl StagedSet {
    /// An empty set of files for the folder `dir` (which must exist when files are staged).
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            staged: Vec::new(),
        }
    }

    /// Writes `bytes` under a temporary name for the file `name` of the folder, after
    /// [`check_destination`].
    pub fn stage(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let dest = self.dir.join(name);
        check_destination(&dest)?;
        check_folder(&dest)?;
        let temp = temp_path(&dest);
        let _ = std::fs::remove_file(&temp);
        let mut file = create_private_file(&temp).map_err(|error| match error {
            // Name the file the user chose, not the temporary one.
            StoreError::File { source, .. } => StoreError::File {
                path: dest.clone(),
                action: "écrit",
                source,
            },
            other => other,
        })?;
        if let Err(e) = file.write_all(bytes) {
            drop(file);
            let _ = std::fs::remove_file(&temp);
            return Err(StoreError::file(&dest, "écrit", e));
        }
        self.staged.push((temp, dest));
        Ok(())
    }

    /// Renames every staged file into place, then flushes the folder; answers the
    /// destinations, in the order staged.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut written = Vec::with_capacity(self.staged.len());
        let staged = std::mem::take(&mut self.staged);
        let mut files = staged.into_iter();
        while let Some((temp, dest)) = files.next() {
            if let Err(e) = std::fs::rename(&temp, &dest) {
                let _ = std::fs::remove_file(&temp);
                // The files not renamed yet go with the set (see Drop).
                self.staged = files.collect();
                return Err(StoreError::file(&dest, "écrit", e));
            }
            written.push(dest);
        }
        sync_dir(&self.dir);
        Ok(written)
    }
}

impl Drop for StagedSet {
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
        }
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_set_failing_in_the_middle_touches_no_destination_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"old a").unwrap();
        // The temporary name of "c.pdf" is taken by a folder: staging it fails.
        std::fs::create_dir(temp_path(&dir.path().join("c.pdf"))).unwrap();
        let mut set = StagedSet::new(dir.path());
        set.stage("a.pdf", b"new a").unwrap();
        set.stage("b.pdf", b"new b").unwrap();
        assert!(set.stage("c.pdf", b"new c").is_err());
        drop(set);
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".c.pdf.binette-partiel", "a.pdf"]);
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"old a");
    }

    #[test]
    fn a_committed_set_replaces_every_file_at_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"old a").unwrap();
        let mut set = StagedSet::new(dir.path());
        set.stage("a.pdf", b"new a").unwrap();
        set.stage("b.pdf", b"new b").unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"old a");
        assert!(
            !dir.path().join("b.pdf").exists(),
            "nothing in place before the commit"
        );
        let written = set.commit().unwrap();
        assert_eq!(
            written,
            [dir.path().join("a.pdf"), dir.path().join("b.pdf")]
        );
        assert_eq!(std::fs::read(&written[0]).unwrap(), b"new a");
        assert_eq!(std::fs::read(&written[1]).unwrap(), b"new b");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
