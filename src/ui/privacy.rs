//! The privacy actions on a person's file (an employee's, a household's):
//! « Exporter ses données (RGPD) » asks for a folder, writes there everything Binette holds
//! about the person (a PDF to read, a JSON file for a program, `app::privacy::access`), then
//! says where — no state of its own; and the warning that opens « Anonymiser… », by where the
//! person's retention stands.

use std::path::PathBuf;

use iced::{Element, Task};

use crate::app::privacy::retention::Standing;
use crate::app::{self, privacy::access};
use crate::domain::calendar::format_date;
use crate::store::privacy_access::Person;
use crate::ui::files::{Dialog, choose};
use crate::ui::screen::Context;
use crate::ui::widgets::{self, Tone};

/// The button's label.
pub const LABEL: &str = "Ses données (RGPD)";

/// Messages of the export.
#[derive(Debug, Clone)]
pub enum Message {
    /// The button: ask for a folder.
    Export,
    /// The folder chosen (`None`: the dialog was cancelled or could not open).
    Chosen(Option<PathBuf>),
    /// The files were written.
    Written(app::Result<access::AccessFiles>),
}

/// The button, enabled once the file is saved.
pub fn button<'a>(saved: bool) -> Element<'a, Message> {
    widgets::secondary(LABEL, saved.then_some(Message::Export))
}

/// Handles a message for `person`: the task to run and, when done, the notice to show.
pub fn update(
    message: Message,
    person: Person,
    context: &Context,
) -> (Task<Message>, Option<(Tone, String)>) {
    match message {
        Message::Export => {
            let start = context.garden.path().parent().map(PathBuf::from);
            let dialog = Dialog::Folder {
                title: "Dossier où écrire les données de la personne",
                start,
            };
            (Task::perform(choose(dialog), Message::Chosen), None)
        }
        // Cancelled, or no dialog could open (a minimal desktop): say that nothing was written.
        Message::Chosen(None) => (
            Task::none(),
            Some((
                Tone::Warning,
                "Aucun dossier choisi : les données n'ont pas été exportées.".to_owned(),
            )),
        ),
        Message::Chosen(Some(folder)) => {
            let today = context.today;
            let task = context.perform(
                move |g| access::export(g, person, &folder, today),
                Message::Written,
            );
            (task, None)
        }
        Message::Written(Ok(files)) => {
            crate::ui::files::open_in_viewer(&files.pdf);
            let notice = format!(
                "Données de la personne écrites : {} et {}",
                files.pdf.display(),
                files.json.display()
            );
            (Task::none(), Some((Tone::Success, notice)))
        }
        Message::Written(Err(error)) => (Task::none(), Some((Tone::Error, error.to_string()))),
    }
}

/// The warning that opens the question « Anonymiser… », by where the retention stands;
/// `current` says why the file must be kept while the person is still there.
pub fn anonymise_warning(standing: &Standing, current: &str) -> (Tone, String) {
    match standing {
        Standing::KeptUntil(until) => (
            Tone::Error,
            format!(
                "Attention : la durée de conservation de ce dossier court jusqu'au {}. Un \
                 contrôle (FSE+, DREETS) peut encore le demander d'ici là. ",
                format_date(*until)
            ),
        ),
        Standing::Current => (Tone::Error, format!("Attention : {current} ")),
        Standing::Due => (
            Tone::Warning,
            "La durée de conservation de ce dossier est passée. ".into(),
        ),
        Standing::Undated | Standing::Anonymised => (Tone::Warning, String::new()),
    }
}
