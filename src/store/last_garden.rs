//! The garden used last, so that Binette reopens it: one line in `dernier-jardin.txt` in
//! the user's data folder, holding the database path.

use std::path::{Path, PathBuf};

/// File name of the note, in the data folder.
pub const LAST_GARDEN_FILE: &str = "dernier-jardin.txt";

/// The garden opened last, if the note names a file that still exists.
pub fn last_garden(data_dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(data_dir.join(LAST_GARDEN_FILE)).ok()?;
    let path = PathBuf::from(text.trim());
    (!text.trim().is_empty() && path.is_file()).then_some(path)
}

/// Notes `garden` as the garden to reopen next time (`None`: forget it, the next start
/// shows the welcome screen or the usual garden).
pub fn remember_last_garden(data_dir: &Path, garden: Option<&Path>) -> std::io::Result<()> {
    let note = data_dir.join(LAST_GARDEN_FILE);
    match garden {
        Some(garden) => {
            std::fs::create_dir_all(data_dir)?;
            let absolute = std::path::absolute(garden).unwrap_or_else(|_| garden.to_path_buf());
            std::fs::write(note, absolute.to_string_lossy().as_bytes())
        }
        None if note.exists() => std::fs::remove_file(note),
        None => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn remembers_forgets_and_ignores_a_vanished_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(last_garden(dir.path()), None);
        let garden = dir.path().join("jardin.sqlite3");
        std::fs::write(&garden, b"x").unwrap();
        remember_last_garden(dir.path(), Some(&garden)).unwrap();
        assert_eq!(last_garden(dir.path()), Some(garden.clone()));
        std::fs::remove_file(&garden).unwrap();
        assert_eq!(last_garden(dir.path()), None);
        remember_last_garden(dir.path(), None).unwrap();
        assert!(!dir.path().join(LAST_GARDEN_FILE).exists());
    }
}
