//! Printing the week's set from the window: the part that writes the files (a plain
//! function, tested headless), the folder dialog and the system viewer.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use iced::Element;
use iced::widget::{column, row};

use crate::domain::calendar::IsoWeek;
use crate::report::weekly::{ALL_SHEETS_FILE, PACKING_FILE, SUMMARY_FILE, write_print_set};
use crate::store::sheets::{SHEETS_DIR_KEY, print_set_data};
use crate::store::{Connection, StoreError, settings};
use crate::ui::widgets::{self, Tone};

/// Where the set was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    /// The week printed.
    pub week: IsoWeek,
    /// The folder.
    pub dir: PathBuf,
    /// Every file written, summary first.
    pub files: Vec<PathBuf>,
}

impl Printed {
    /// What the office sees once the set is written: where it went, and buttons opening
    /// each file (`open` turns a path into the screen's own message).
    pub fn view<'a, M: Clone + 'a>(&self, open: fn(PathBuf) -> M) -> Element<'a, M> {
        column![
            widgets::banner(
                Tone::Success,
                format!(
                    "Feuilles de la semaine {} enregistrées dans {} ({} fichiers). \
                     Les feuilles d'émargement s'ouvrent pour l'impression.",
                    self.week.week(),
                    self.dir.display(),
                    self.files.len()
                ),
            ),
            row![
                widgets::secondary("Ouvrir la synthèse", Some(open(self.summary()))),
                widgets::secondary("Ouvrir la fiche de préparation", Some(open(self.packing()))),
                widgets::secondary("Ouvrir les émargements", Some(open(self.sheets()))),
            ]
            .spacing(8),
        ]
        .spacing(8)
        .into()
    }

    /// The file holding every depot's émargement sheet (the one opened for printing).
    pub fn sheets(&self) -> PathBuf {
        self.dir.join(ALL_SHEETS_FILE)
    }

    /// The summary.
    pub fn summary(&self) -> PathBuf {
        self.dir.join(SUMMARY_FILE)
    }

    /// The packing list.
    pub fn packing(&self) -> PathBuf {
        self.dir.join(PACKING_FILE)
    }
}

/// Writes the print set of `week` into `dir` and remembers `dir` for next time; an error
/// (in French) when the week has no delivery or a file cannot be written.
pub fn print_week_to(
    conn: &Connection,
    week: IsoWeek,
    dir: &Path,
    now: NaiveDateTime,
) -> Result<Printed, StoreError> {
    let Some(mut set) = print_set_data(conn, week)? else {
        return Err(StoreError::Invalid(format!(
            "Pas de livraison la {} : il n'y a rien à imprimer.",
            week.long_label().to_lowercase()
        )));
    };
    set.printed_at = now;
    let files = write_print_set(&set, dir).map_err(|e| {
        StoreError::Invalid(format!(
            "Les feuilles n'ont pas pu être écrites dans « {} » : {e}",
            dir.display()
        ))
    })?;
    settings::set(conn, SHEETS_DIR_KEY, &dir.to_string_lossy())?;
    Ok(Printed {
        week,
        dir: dir.to_path_buf(),
        files,
    })
}

/// The folder the set was last written to, if it still exists.
pub fn remembered_folder(conn: &Connection) -> Result<Option<PathBuf>, StoreError> {
    Ok(settings::get(conn, SHEETS_DIR_KEY)?
        .map(PathBuf::from)
        .filter(|dir| dir.is_dir()))
}

/// Asks for the folder to write the set into (the native dialog), starting in `start`.
pub async fn choose_folder(start: Option<PathBuf>) -> Option<PathBuf> {
    let mut dialog =
        rfd::AsyncFileDialog::new().set_title("Dossier où enregistrer les feuilles de la semaine");
    if let Some(start) = start {
        dialog = dialog.set_directory(start);
    }
    dialog
        .pick_folder()
        .await
        .map(|handle| handle.path().to_path_buf())
}
