//! The « À propos » panel: version, licence, where the data and the backups are, and a
//! button opening the data folder in the system's file manager.

use std::io;
use std::path::Path;
use std::process::Command;

use iced::Element;
use iced::widget::{column, row, text};

use super::theme::BOLD;
use super::widgets::{card, muted, secondary};

/// Binette's version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The licence of Binette's code.
pub const LICENCE: &str = "GPL-3.0-or-later";

/// The label of the button that opens the data folder.
pub const OPEN_FOLDER_LABEL: &str = "Ouvrir le dossier des données";

/// The « À propos » card: version, licence, data file and backups folder, and a button
/// producing `open_folder` (the caller then calls [`open_folder`] on the data folder).
pub fn view<'a, M: Clone + 'a>(
    db_path: &Path,
    backup_dir: &Path,
    open_folder: M,
) -> Element<'a, M> {
    let line = |label: &'static str, value: String| -> Element<'a, M> {
        row![text(label).size(15).font(BOLD), text(value).size(15)]
            .spacing(8)
            .into()
    };
    let body = column![
        line("Version :", format!("Binette {VERSION}")),
        line("Licence :", format!("{LICENCE} (logiciel libre)")),
        line("Données :", db_path.display().to_string()),
        line("Sauvegardes :", backup_dir.display().to_string()),
        muted(
            "Pour changer de PC, copiez le fichier des données (Binette fermé) \
             ou une sauvegarde ; désinstaller Binette ne l'efface pas."
        ),
        secondary(OPEN_FOLDER_LABEL, Some(open_folder)),
    ]
    .spacing(8);
    card("À propos de Binette", body)
}

/// The folder that holds the database file (`.` for a bare file name).
pub fn data_folder(db_path: &Path) -> &Path {
    match db_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Opens `path` (a folder) in the system's file manager: Explorer on Windows, `open` on
/// macOS, `xdg-open` elsewhere. Returns once the file manager is started.
pub fn open_folder(path: &Path) -> io::Result<()> {
    if !path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("le dossier {} n'existe pas", path.display()),
        ));
    }
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = Command::new(program).arg(path).spawn().map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("impossible de lancer {program} ({error})"),
        )
    })?;
    // Reap the launcher when it exits (Explorer's exit code means nothing, so it is ignored).
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use iced_test::simulator;

    #[derive(Debug, Clone, PartialEq)]
    enum Msg {
        Open,
    }

    #[test]
    fn shows_version_licence_and_paths() {
        let db = Path::new("/donnees/binette.sqlite3");
        let backups = Path::new("/donnees/sauvegardes");
        let mut ui = simulator(view(db, backups, Msg::Open));
        assert!(ui.find(format!("Binette {VERSION}").as_str()).is_ok());
        assert!(ui.find("GPL-3.0-or-later (logiciel libre)").is_ok());
        assert!(ui.find(db.display().to_string().as_str()).is_ok());
        assert!(ui.find(backups.display().to_string().as_str()).is_ok());
    }

    #[test]
    fn the_button_produces_the_message() {
        let mut ui = simulator(view(
            Path::new("binette.sqlite3"),
            Path::new("sauvegardes"),
            Msg::Open,
        ));
        ui.click(OPEN_FOLDER_LABEL).unwrap();
        let messages: Vec<Msg> = ui.into_messages().collect();
        assert_eq!(messages, vec![Msg::Open]);
    }

    #[test]
    fn data_folder_is_the_parent() {
        assert_eq!(
            data_folder(Path::new("/a/b/binette.sqlite3")),
            Path::new("/a/b")
        );
        assert_eq!(data_folder(Path::new("binette.sqlite3")), Path::new("."));
    }

    #[test]
    fn open_folder_refuses_a_missing_folder() {
        let error = open_folder(Path::new("/nonexistent/binette/folder")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(error.to_string().contains("n'existe pas"));
    }
}
