//! Opening a garden (the window's use case): the checks, the lock that keeps one window per garden,
//! read-only opening, and the automatic backup.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Local, NaiveDate, NaiveDateTime};

use crate::app::Garden;
use crate::store::lock::{self, GardenLock, LockOutcome};
use crate::store::settings::GardenIdentity;
use crate::store::{self, StoreError, backup};

/// How to open a file: create the demo in it first, name a new empty garden, or only read it.
#[derive(Debug, Clone)]
pub enum Preparation {
    /// Open it as it is.
    Nothing,
    /// Fill it with the demonstration garden first, if it holds no data.
    Demo,
    /// A new empty garden: give it this name.
    NameGarden(String),
    /// Open it read-only (the user accepted after being told another window has it).
    ReadOnly,
}

/// What an opened database brings.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The open garden.
    pub db: Garden,
    /// True for the demonstration garden.
    pub demo: bool,
    /// Its name and details.
    pub identity: GardenIdentity,
    /// Why the automatic backup failed, if it did (the garden opens anyway).
    pub backup_problem: Option<String>,
    /// The lock this window holds on the garden (`None` read-only).
    pub lock: Option<Arc<GardenLock>>,
}

/// Why a garden did not open.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpenError {
    /// The file was refused (or could not be read).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Another window has the garden open, since then.
    #[error("{}", lock::held_message(*.0, Local::now().date_naive()))]
    Locked(Option<NaiveDateTime>),
}

/// Opens the garden at `path` as `preparation` says.
pub fn open_garden(
    path: PathBuf,
    preparation: Preparation,
    today: NaiveDate,
) -> Result<Opened, OpenError> {
    if matches!(preparation, Preparation::ReadOnly) {
        return open_read_only(path);
    }
    // Refusals come first, so a refused file gets no lock file beside it.
    let inspected = if path.exists() {
        Some(store::inspect_version(&path)?)
    } else {
        store::file_check::create_private_dir(store::file_check::parent_dir(&path))?;
        None
    };
    let lock = match lock::acquire(&path, Local::now().naive_local())? {
        LockOutcome::Acquired(lock) => Some(Arc::new(lock)),
        LockOutcome::HeldElsewhere(since) => return Err(OpenError::Locked(since)),
        LockOutcome::Unavailable => None,
    };
    let conn = match store::open_inspected(&path, inspected) {
        Ok(conn) => conn,
        Err(StoreError::ReadOnly(_)) => return open_read_only(path),
        Err(error) => return Err(error.into()),
    };
    match preparation {
        Preparation::Nothing | Preparation::ReadOnly => {}
        Preparation::Demo => {
            if !store::has_garden_data(&conn)? {
                store::demo::create_demo(&conn, 1, today)?;
            }
        }
        Preparation::NameGarden(name) => {
            store::settings::set(&conn, store::settings::keys::GARDEN_NAME, &name)?;
        }
    }
    let backup_problem = backup::backup_dir(&conn, &path)
        .and_then(|dir| backup::auto_backup(&conn, &dir, Local::now().naive_local()))
        .err()
        .map(|e| format!("La sauvegarde automatique n'a pas pu être faite : {e}"));
    let identity = store::settings::garden_identity(&conn)?;
    let demo = store::settings::is_demo(&conn)?;
    Ok(Opened {
        db: Garden::new(conn, path),
        demo,
        identity,
        backup_problem,
        lock,
    })
}

fn open_read_only(path: PathBuf) -> Result<Opened, OpenError> {
    let conn = store::open_read_only_current(&path)?;
    let identity = store::settings::garden_identity(&conn)?;
    let demo = store::settings::is_demo(&conn)?;
    Ok(Opened {
        db: Garden::new_read_only(conn, path),
        demo,
        identity,
        backup_problem: None,
        lock: None,
    })
}
