//! `binette backup` and `binette restore`, and the checks every command makes on the
//! database file it is given.

use std::path::Path;

use chrono::Local;

use super::CliError;
use crate::domain::calendar::format_date;
use crate::store::{self, backup};

/// Refuses a database path that does not name an existing file (never created here).
pub(super) fn require_file(path: &Path) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::Message(format!(
            "« {} » est un dossier : indiquez le fichier de la base (--db FICHIER).",
            path.display()
        )));
    }
    if !path.is_file() {
        return Err(CliError::Message(format!(
            "La base « {} » n'existe pas : vérifiez le chemin donné avec --db.",
            path.display()
        )));
    }
    Ok(())
}

/// Copies the database at `path` into `out`, refusing the database itself and any existing
/// file that is not a Binette database; works on a read-only database too.
pub fn write_backup(path: &Path, out: &Path) -> Result<(), CliError> {
    require_file(path)?;
    let (conn, _read_only) = store::open_for_reading(path)?;
    backup::backup_to_chosen(&conn, path, out)?;
    Ok(())
}

/// Restores the backup `from` over the database at `path` (another garden's backup only
/// with `other_garden`); returns the text to print.
pub fn restore_file(path: &Path, from: &Path, other_garden: bool) -> Result<String, CliError> {
    require_file(path)?;
    let mut conn = store::open(path)?;
    let dir = backup::backup_dir(&conn, path)?;
    let now = Local::now().naive_local();
    let restored = backup::restore(&mut conn, path, from, &dir, now, other_garden).map_err(
        |error| match error {
            store::StoreError::OtherGarden { .. } => CliError::Message(format!(
                "{error} Pour la restaurer quand même, ajoutez --other-garden."
            )),
            other => other.into(),
        },
    )?;
    let when = restored
        .taken_at
        .map(|at| format!("du {} à {} ", format_date(at.date()), at.format("%H:%M")))
        .unwrap_or_default();
    Ok(format!(
        "Sauvegarde {when}restaurée : {}.\nL'état précédent a été conservé dans {}\n",
        restored.counts.sentence(),
        restored.safety.display()
    ))
}
