//! Where the weekly sheets go without asking: `Documents/Binette/Feuilles/2026-S50/` by
//! default, the first part changeable in Paramètres.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::domain::calendar::IsoWeek;
use crate::store::{Result, settings};

/// Setting: the folder holding one sub-folder of sheets per week; empty or missing for
/// [`default_sheets_root`].
pub const SHEETS_FOLDER_KEY: &str = "sheets_folder";

/// `Documents/Binette/Feuilles` in the user's documents folder (or home folder when the
/// system names no documents folder; the temporary folder as a last resort).
pub fn default_sheets_root() -> PathBuf {
    let documents = directories::UserDirs::new().and_then(|dirs| {
        dirs.document_dir()
            .map(Path::to_path_buf)
            .or_else(|| Some(dirs.home_dir().join("Documents")))
    });
    documents
        .unwrap_or_else(std::env::temp_dir)
        .join("Binette")
        .join("Feuilles")
}

/// `Documents/Binette/Exports`: where a list export goes when no save dialog gave a file.
pub fn default_exports_dir() -> PathBuf {
    default_sheets_root()
        .parent()
        .map_or_else(std::env::temp_dir, Path::to_path_buf)
        .join("Exports")
}

/// The folder of weekly sheets set in Paramètres, or the default one.
pub fn sheets_root(conn: &Connection) -> Result<PathBuf> {
    Ok(settings::get(conn, SHEETS_FOLDER_KEY)?
        .map(|dir| dir.trim().to_owned())
        .filter(|dir| !dir.is_empty())
        .map_or_else(default_sheets_root, PathBuf::from))
}

/// The sub-folder of `week`'s sheets: `<root>/2026-S50`.
pub fn week_folder(root: &Path, week: IsoWeek) -> PathBuf {
    root.join(format!("{}-S{:02}", week.year(), week.week()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn week_folders_and_the_setting() {
        let week = IsoWeek::new(2026, 50).unwrap();
        assert_eq!(
            week_folder(Path::new("/x/Feuilles"), week),
            PathBuf::from("/x/Feuilles/2026-S50")
        );
        let week = IsoWeek::new(2027, 3).unwrap();
        assert_eq!(
            week_folder(Path::new("/x"), week),
            PathBuf::from("/x/2027-S03")
        );
        assert!(default_sheets_root().ends_with("Binette/Feuilles"));
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(sheets_root(&conn).unwrap(), default_sheets_root());
        settings::set(&conn, SHEETS_FOLDER_KEY, "  ").unwrap();
        assert_eq!(sheets_root(&conn).unwrap(), default_sheets_root());
        settings::set(&conn, SHEETS_FOLDER_KEY, "/srv/feuilles").unwrap();
        assert_eq!(sheets_root(&conn).unwrap(), PathBuf::from("/srv/feuilles"));
    }
}
