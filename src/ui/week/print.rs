//! Printing the week's set from the window: the part that writes the files (plain
//! functions, tested headless), the folder dialog of "Enregistrer ailleurs…", and what the
//! office sees afterwards (where the files are, whether the viewer opened).
//!
//! The sheets go without asking into `<dossier des feuilles>/2026-S50/` (Paramètres); a
//! dialog opens only for "Enregistrer ailleurs…", and when none can open, the usual folder
//! is used and named.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use iced::widget::{checkbox, column, row};
use iced::{Element, Task};

use crate::app::Garden;
use crate::domain::calendar::IsoWeek;
use crate::report::weekly::{ALL_SHEETS_FILE, PACKING_FILE, SUMMARY_FILE, write_print_set};
use crate::store::sheets::{
    PrintSet, SHEETS_DIR_KEY, next_print_set, print_set_data, sheets_root, week_folder,
};
use crate::store::{Connection, StoreError, settings};
use crate::ui::widgets::{self, Tone};

/// Whether the émargement sheets opened in the system's viewer.
#[derive(Debug, Clone, PartialEq)]
pub enum Viewer {
    /// Asked, no answer yet.
    Opening,
    /// The viewer shows them.
    Opened,
    /// Opening a file or the folder failed: why, in French, with the path.
    Failed(String),
}

/// Where the set was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    /// The set's week (the one most deliveries fall in).
    pub week: IsoWeek,
    /// What was printed: "Semaine 50 — du 7 au 13 décembre 2026", or "Prochaines
    /// livraisons, du 05/12/2026 au 11/12/2026".
    pub what: String,
    /// The folder.
    pub dir: PathBuf,
    /// Every file written, summary first.
    pub files: Vec<PathBuf>,
    /// Why the set is not where the user asked (no folder chosen, no dialog available).
    pub note: Option<String>,
    /// The viewer's answer.
    pub viewer: Viewer,
}

impl Printed {
    /// What the office sees once the set is written: where it went, what the viewer did,
    /// and buttons opening each file and the folder (`open` turns a path into the screen's
    /// own message).
    pub fn view<'a, M: Clone + 'a>(&self, open: fn(PathBuf) -> M) -> Element<'a, M> {
        let files = self.files.len();
        let mut written = format!(
            "{} : {files} fichier{} enregistré{} dans {}.",
            self.what,
            plural(files),
            plural(files),
            self.dir.display()
        );
        if let Some(note) = &self.note {
            written = format!("{note} {written}");
        }
        let viewer: Element<'a, M> = match &self.viewer {
            Viewer::Opening => widgets::muted("Ouverture des feuilles d'émargement…").into(),
            Viewer::Opened => widgets::muted(
                "Les feuilles d'émargement sont ouvertes dans la visionneuse : imprimez-les \
                 depuis celle-ci.",
            )
            .into(),
            Viewer::Failed(problem) => widgets::banner(
                Tone::Error,
                format!("{problem} Les fichiers sont dans {}.", self.dir.display()),
            ),
        };
        column![
            widgets::banner(Tone::Success, written),
            viewer,
            row![
                widgets::secondary("Ouvrir les émargements", Some(open(self.sheets()))),
                widgets::secondary("Ouvrir la synthèse", Some(open(self.summary()))),
                widgets::secondary("Ouvrir la fiche de préparation", Some(open(self.packing()))),
                widgets::secondary("Ouvrir le dossier", Some(open(self.dir.clone()))),
            ]
            .spacing(8)
            .wrap(),
        ]
        .spacing(8)
        .into()
    }

    /// Records the answer of the system viewer for `path`.
    pub fn opened(&mut self, path: &Path, result: Result<(), String>) {
        match result {
            Err(problem) => self.viewer = Viewer::Failed(problem),
            Ok(()) if path == self.sheets() => self.viewer = Viewer::Opened,
            Ok(()) => {}
        }
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

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// Records a print setting, except in a garden open read-only: printing works there, and
/// only the remembering is skipped.
fn remember(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Ok(());
    }
    settings::set(conn, key, value)
}

/// Writes `set` into `dir`, or into the week's folder of the sheets folder when `dir` is
/// `None`; a folder chosen by the user is remembered for the next dialog.
fn write(
    conn: &Connection,
    mut set: PrintSet,
    dir: Option<&Path>,
    now: NaiveDateTime,
    phones: bool,
) -> Result<Printed, StoreError> {
    set.printed_at = now;
    set.show_phones = phones;
    let dir = match dir {
        Some(dir) => {
            remember(conn, SHEETS_DIR_KEY, &dir.to_string_lossy())?;
            dir.to_path_buf()
        }
        None => week_folder(&sheets_root(conn)?, set.week),
    };
    let files = write_print_set(&set, &dir).map_err(|e| {
        StoreError::Invalid(format!(
            "Les feuilles n'ont pas pu être écrites dans « {} » : {e}. Choisissez un autre \
             dossier des feuilles dans Paramètres, ou « Enregistrer ailleurs… ».",
            dir.display()
        ))
    })?;
    remember(
        conn,
        crate::store::first_steps::SHEETS_PRINTED_KEY,
        &now.format("%Y-%m-%d %H:%M").to_string(),
    )?;
    Ok(Printed {
        week: set.week,
        what: set.period_label(),
        dir,
        files,
        note: None,
        viewer: Viewer::Opening,
    })
}

/// Writes the print set of `week` into `dir` (the week's folder of the sheets folder when
/// `None`), members' phones on the sheets when `phones` (the print panel's tick box); an
/// error (in French) when the week has no delivery or a file cannot be written.
pub fn print_week(
    conn: &Connection,
    week: IsoWeek,
    dir: Option<&Path>,
    now: NaiveDateTime,
    phones: bool,
) -> Result<Printed, StoreError> {
    let Some(set) = print_set_data(conn, week)? else {
        return Err(StoreError::Invalid(format!(
            "Pas de livraison la {} : il n'y a rien à imprimer.",
            week.long_label().to_lowercase()
        )));
    };
    write(conn, set, dir, now, phones)
}

/// Writes the print set of each depot's next delivery on or after `today` (today's
/// included) into `dir` (the main week's folder of the sheets folder when `None`), members'
/// phones on the sheets when `phones`.
pub fn print_next(
    conn: &Connection,
    today: NaiveDate,
    dir: Option<&Path>,
    now: NaiveDateTime,
    phones: bool,
) -> Result<Printed, StoreError> {
    let Some(set) = next_print_set(conn, today)? else {
        return Err(StoreError::Invalid(
            "Aucune livraison prévue : ajoutez des dépôts et des abonnements dans Adhérents, \
             puis revenez imprimer."
                .into(),
        ));
    };
    write(conn, set, dir, now, phones)
}

/// Label of the print panel's tick box.
pub const PHONES_LABEL: &str = "Téléphones des adhérents";

/// The print panel's « Téléphones des adhérents » tick box, next to the print buttons.
///
/// It starts from the Paramètres setting (see [`phones_setting`]) and applies to the prints
/// made from this screen only: the setting is the garden's rule for sheets that lie on a
/// shop counter, and a one-off print with phones (a depot's new volunteer who must call the
/// late members) must not quietly put phones on every later week's sheets.
pub fn phones_box<'a, M: Clone + 'a>(checked: bool, on_toggle: fn(bool) -> M) -> Element<'a, M> {
    checkbox(checked)
        .label(PHONES_LABEL)
        .on_toggle(on_toggle)
        .into()
}

/// Reads the Paramètres setting the tick box starts from; an unreadable setting leaves the
/// box unticked (no phones: the safe side for a sheet on a counter).
pub fn phones_setting(db: &Garden) -> Task<bool> {
    Task::perform(
        db.call(|conn| crate::store::sheets::show_phones(conn)),
        |result| result.unwrap_or(false),
    )
}

/// The note of a set written to the usual folder after "Enregistrer ailleurs…" gave no
/// folder (cancelled, or no dialog could open on this computer).
pub const NO_FOLDER_CHOSEN: &str = "Aucun dossier choisi (ou la fenêtre de choix n'a pas pu \
    s'ouvrir sur cet ordinateur) : les feuilles sont dans le dossier habituel.";

/// The folder the set was last written to by "Enregistrer ailleurs…", if it still exists.
pub fn remembered_folder(conn: &Connection) -> Result<Option<PathBuf>, StoreError> {
    Ok(settings::get(conn, SHEETS_DIR_KEY)?
        .map(PathBuf::from)
        .filter(|dir| dir.is_dir()))
}

/// Asks for the folder to write the set into (the native dialog), starting in `start`.
/// `None` when cancelled or when no dialog can open.
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
