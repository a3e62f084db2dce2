//! Where the database lives: the operating system's data folder for the user.

use std::path::PathBuf;

use directories::ProjectDirs;

/// File name of the garden's real database.
pub const DATABASE_FILE: &str = "binette.sqlite3";
/// File name of the demonstration database, kept apart so it never mixes with real data.
pub const DEMO_FILE: &str = "demonstration.sqlite3";

/// The user's data folder for Binette (e.g. `~/.local/share/binette` on Linux,
/// `%APPDATA%\Cocagne\Binette\data` on Windows); `None` when the system gives no home folder.
pub fn data_dir() -> Option<PathBuf> {
    ProjectDirs::from("fr", "Cocagne", "Binette").map(|dirs| dirs.data_dir().to_path_buf())
}

/// The default database file.
pub fn default_database() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join(DATABASE_FILE))
}

/// The default demonstration database file.
pub fn default_demo_database() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join(DEMO_FILE))
}
