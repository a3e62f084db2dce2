//! Printing the week's set from the window: what the office sees afterwards (where the
//! files are, whether the viewer opened), the print panel's tick box and the folder dialog
//! of "Enregistrer ailleurs…". The writing itself is the use case `app::week::print`.
//!
//! The sheets go without asking into `<dossier des feuilles>/2026-S50/` (Paramètres); a
//! dialog opens only for "Enregistrer ailleurs…", and when none can open, the usual folder
//! is used and named.

use std::path::{Path, PathBuf};

use iced::widget::{checkbox, column, row};
use iced::{Element, Task};

use crate::app::Garden;
use crate::app::week::PrintedSet;
use crate::domain::calendar::IsoWeek;
use crate::report::weekly::{ALL_SHEETS_FILE, PACKING_FILE, SUMMARY_FILE};
use crate::ui::files::{self, Document};
use crate::ui::widgets::{self, Tone};

pub use crate::ui::files::Viewer;

impl Document for PrintedSet {
    /// The file holding every depot's émargement sheet (the one opened for printing).
    fn to_open(&self) -> PathBuf {
        self.dir.join(ALL_SHEETS_FILE)
    }
}

/// Where the set was written, as Accueil shows it.
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

impl From<PrintedSet> for Printed {
    fn from(set: PrintedSet) -> Self {
        Printed {
            week: set.week,
            what: set.what,
            dir: set.dir,
            files: set.files,
            note: None,
            viewer: Viewer::Opening,
        }
    }
}

impl Printed {
    /// What the office sees once the set is written (see [`view`]).
    pub fn view<'a, M: Clone + 'a>(&self, open: fn(PathBuf) -> M) -> Element<'a, M> {
        let set = PrintedSet {
            week: self.week,
            what: self.what.clone(),
            dir: self.dir.clone(),
            files: self.files.clone(),
        };
        view(&set, self.note.as_deref(), &self.viewer, open)
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
}

/// What the office sees once the set is written: where it went (after `note`, why it is
/// not where asked), what the viewer did, and buttons opening each file and the folder
/// (`open` turns a path into the screen's own message).
pub fn view<'a, M: Clone + 'a>(
    set: &PrintedSet,
    note: Option<&str>,
    viewer: &Viewer,
    open: impl Fn(PathBuf) -> M,
) -> Element<'a, M> {
    let files = set.files.len();
    let mut written = format!(
        "{} : {files} fichier{} enregistré{} dans {}.",
        set.what,
        plural(files),
        plural(files),
        set.dir.display()
    );
    if let Some(note) = note {
        written = format!("{note} {written}");
    }
    let viewer: Element<'a, M> = match viewer {
        Viewer::Idle | Viewer::Opening => {
            widgets::muted("Ouverture des feuilles d'émargement…").into()
        }
        Viewer::Opened => widgets::muted(
            "Les feuilles d'émargement sont ouvertes dans la visionneuse : imprimez-les \
             depuis celle-ci.",
        )
        .into(),
        Viewer::Failed(problem) => widgets::banner(
            Tone::Error,
            format!("{problem} Les fichiers sont dans {}.", set.dir.display()),
        ),
    };
    column![
        widgets::banner(Tone::Success, written),
        viewer,
        row![
            widgets::secondary("Ouvrir les émargements", Some(open(set.to_open()))),
            widgets::secondary("Ouvrir la synthèse", Some(open(set.dir.join(SUMMARY_FILE)))),
            widgets::secondary(
                "Ouvrir la fiche de préparation",
                Some(open(set.dir.join(PACKING_FILE)))
            ),
            widgets::secondary("Ouvrir le dossier", Some(open(set.dir.clone()))),
        ]
        .spacing(8)
        .wrap(),
    ]
    .spacing(8)
    .into()
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
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
pub fn phones_setting(garden: &Garden) -> Task<bool> {
    Task::perform(garden.run(crate::app::week::phones_setting), |on| on)
}

/// The note of a set written to the usual folder after "Enregistrer ailleurs…" gave no
/// folder (cancelled, or no dialog could open on this computer).
pub const NO_FOLDER_CHOSEN: &str = "Aucun dossier choisi (ou la fenêtre de choix n'a pas pu \
    s'ouvrir sur cet ordinateur) : les feuilles sont dans le dossier habituel.";

/// The dialog of "Enregistrer ailleurs…", starting in `start`.
pub fn folder_dialog(start: Option<PathBuf>) -> files::Dialog {
    files::Dialog::Folder {
        title: "Dossier où enregistrer les feuilles de la semaine",
        start,
    }
}

/// Asks for the folder to write the set into (the native dialog), starting in `start`.
/// `None` when cancelled or when no dialog can open.
pub async fn choose_folder(start: Option<PathBuf>) -> Option<PathBuf> {
    files::choose(folder_dialog(start)).await
}
