//! One window per garden: a lock file beside the database (`binette.sqlite3-verrou`), held
//! with the operating system's file lock while a window has the garden open. The system
//! releases it when the program ends, even by a crash, so a lock left behind is simply taken
//! over by the next window.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::error::{Result, StoreError};
use super::file_check::sidecar;

const STAMP: &str = "%Y-%m-%d %H:%M:%S";

/// The lock a window holds on its garden; released when dropped.
#[derive(Debug)]
pub struct GardenLock {
    _file: File,
    path: PathBuf,
}

impl GardenLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// What trying to lock a garden gave.
#[derive(Debug)]
pub enum LockOutcome {
    /// This window holds the garden.
    Acquired(GardenLock),
    /// Another window holds it, since that time when it could be read.
    HeldElsewhere(Option<NaiveDateTime>),
    /// No lock can be made (read-only folder): nobody can write there anyway.
    Unavailable,
}

/// The lock file of the database at `db_path`.
pub fn lock_path(db_path: &Path) -> PathBuf {
    sidecar(db_path, "-verrou")
}

/// Tries to lock the garden at `db_path` for this window, writing `now` into the lock so a
/// second window can say since when the garden is open.
pub fn acquire(db_path: &Path, now: NaiveDateTime) -> Result<LockOutcome> {
    let path = lock_path(db_path);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = match options.open(&path) {
        Ok(file) => file,
        Err(error)
            if matches!(
                error.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            return Ok(LockOutcome::Unavailable);
        }
        Err(error) => return Err(StoreError::file(&path, "créé", error)),
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Ok(LockOutcome::HeldElsewhere(read_since(&mut file)));
        }
        Err(TryLockError::Error(error)) => {
            return Err(StoreError::file(&path, "verrouillé", error));
        }
    }
    let written = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| write!(file, "{}\n{}\n", now.format(STAMP), std::process::id()))
        .and_then(|()| file.flush());
    written.map_err(|e| StoreError::file(&path, "écrit", e))?;
    Ok(LockOutcome::Acquired(GardenLock { _file: file, path }))
}

fn read_since(file: &mut File) -> Option<NaiveDateTime> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    NaiveDateTime::parse_from_str(text.lines().next()?, STAMP).ok()
}

/// "Binette est déjà ouvert sur ce jardin (depuis 14 h 05)."
pub fn held_message(since: Option<NaiveDateTime>, today: chrono::NaiveDate) -> String {
    let since = match since {
        Some(at) if at.date() == today => format!(" (depuis {})", at.format("%-H h %M")),
        Some(at) => format!(
            " (depuis le {} à {})",
            crate::domain::calendar::format_date(at.date()),
            at.format("%-H h %M")
        ),
        None => String::new(),
    };
    format!(
        "Binette est déjà ouvert sur ce jardin{since}, dans une autre fenêtre ou sur un autre \
         poste. Pour ne rien écraser, une seule fenêtre peut le modifier à la fois."
    )
}
