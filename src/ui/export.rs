//! Exporting a list from any screen: "Exporter (CSV)" / "Exporter (Excel)" buttons, the save
//! dialog, the file written off the UI thread, then a banner with an "Ouvrir" button.
//!
//! A screen keeps one [`Exporter`], wraps its [`Message`] in its own message, and says how
//! to build the table of each of its [`Target`]s when the file is to be written — from what
//! it shows at that moment (search, filters, sort).

use std::path::PathBuf;

use iced::widget::{column, row};
use iced::{Alignment, Element, Task};

use super::widgets::{self, Tone};
use crate::app::{self, Garden};
use crate::domain::export::{ExportFormat, ExportTable};

/// What a screen can export (its list, its totals…).
pub trait Target: Copy + std::fmt::Debug + Send + 'static {
    /// The start of the file name offered: "adherents" gives "adherents-2026-11-28.csv".
    fn file_stem(self) -> &'static str;
}

/// Messages of an export.
#[derive(Debug, Clone)]
pub enum Message<T> {
    /// A button: ask where to save `T` in this format.
    Ask(T, ExportFormat),
    /// Where to save was chosen (the tests send it directly, without the dialog).
    To(T, ExportFormat, PathBuf),
    /// The dialog gave no file (closed, or none could open on this computer): the file
    /// goes to the usual exports folder, which the banner names.
    Cancelled(T, ExportFormat),
    /// The file was written, or why not.
    Written(Result<PathBuf, app::Error>),
    /// "Ouvrir" / "Ouvrir le dossier": the file in the system's spreadsheet, or its folder.
    Open(PathBuf),
    /// The system answered an `Open`.
    Opened(Result<(), String>),
}

/// Builds the table off the UI thread (a ready table, or one a use case reads).
pub type Build = Box<dyn FnOnce() -> app::Result<ExportTable> + Send>;

/// A table already built from what the screen holds.
pub fn ready(table: ExportTable) -> Build {
    Box::new(move || Ok(table))
}

/// A table read by a use case (`crate::app`) when the file is written.
pub fn from_app(
    garden: &Garden,
    job: impl FnOnce(&Garden) -> app::Result<ExportTable> + Send + 'static,
) -> Build {
    let garden = garden.clone();
    Box::new(move || job(&garden))
}

/// Where an export stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Stage {
    /// Nothing under way.
    #[default]
    Idle,
    /// The save dialog is open.
    Choosing,
    /// The file is being written.
    Writing,
}

/// The state of a screen's exports: under way or not, and the last file written.
#[derive(Debug, Default)]
pub struct Exporter {
    stage: Stage,
    outcome: Option<Result<PathBuf, app::Error>>,
    /// The file went to the usual folder because the dialog gave none.
    fallback: bool,
    /// Why opening the file or its folder failed.
    open_problem: Option<String>,
}

/// The usual exports folder, for messages.
fn default_dir() -> PathBuf {
    crate::store::sheets::default_exports_dir()
}

/// `path` with the extension of `format` unless it already names CSV or XLSX (then that
/// format wins: the user typed it).
fn file_for(path: PathBuf, format: ExportFormat) -> (PathBuf, ExportFormat) {
    if let Some(typed) = ExportFormat::of_path(&path) {
        return (path, typed);
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(format.extension());
    (PathBuf::from(name), format)
}

impl Exporter {
    /// True while the dialog is open or a file is being written.
    pub fn is_busy(&self) -> bool {
        self.stage != Stage::Idle
    }

    /// The last file written, or why it could not be.
    pub fn outcome(&self) -> Option<&Result<PathBuf, app::Error>> {
        self.outcome.as_ref()
    }

    /// Handles a message; `build` gives the table of a target when it is to be written.
    pub fn update<T: Target>(
        &mut self,
        message: Message<T>,
        build: impl FnOnce(T) -> Build,
    ) -> Task<Message<T>> {
        match message {
            Message::Ask(target, format) => {
                if self.is_busy() {
                    return Task::none();
                }
                self.stage = Stage::Choosing;
                let name = app::exports::file_name(target.file_stem(), format);
                return Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title("Exporter la liste")
                            .set_file_name(name)
                            .add_filter(
                                format!("{} (tableur)", format.label()),
                                &[format.extension()],
                            )
                            .save_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    move |path| match path {
                        Some(path) => Message::To(target, format, path),
                        None => Message::Cancelled(target, format),
                    },
                );
            }
            Message::To(target, format, path) => {
                self.stage = Stage::Writing;
                self.outcome = None;
                self.fallback = false;
                self.open_problem = None;
                let (path, format) = file_for(path, format);
                let work = build(target);
                return Task::perform(
                    async move {
                        let table = work()?;
                        Ok(crate::report::export::write_as(&table, format, &path)?)
                    },
                    Message::Written,
                );
            }
            Message::Cancelled(target, format) => {
                let name = app::exports::file_name(target.file_stem(), format);
                let dir = default_dir();
                // The usual folder may not exist yet: made now (a failure is said by the write).
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(name);
                let task = self.update(Message::To(target, format, path), build);
                self.fallback = true;
                return task;
            }
            Message::Written(result) => {
                self.stage = Stage::Idle;
                if let (Err(_), Some(dir)) = (&result, self.fallback.then(default_dir)) {
                    // Say where it was meant to go.
                    self.outcome = Some(result.map_err(|e| {
                        app::Error::invalid("fichier", format!("{e} ({})", dir.display()))
                    }));
                } else {
                    self.outcome = Some(result);
                }
            }
            Message::Open(path) => {
                self.open_problem = None;
                return Task::perform(super::files::open_checked(path), Message::Opened);
            }
            Message::Opened(result) => self.open_problem = result.err(),
        }
        Task::none()
    }

    /// "Exporter (CSV)" and "Exporter (Excel)" for `target`.
    pub fn buttons<'a, T: Target>(&self, target: T) -> Element<'a, Message<T>> {
        self.buttons_labelled(target, "Exporter (CSV)", "Exporter (Excel)")
    }

    /// The two buttons with labels of one's own ("Exporter les totaux (CSV)").
    pub fn buttons_labelled<'a, T: Target>(
        &self,
        target: T,
        csv: &'a str,
        xlsx: &'a str,
    ) -> Element<'a, Message<T>> {
        let idle = !self.is_busy();
        row![
            widgets::secondary(csv, idle.then_some(Message::Ask(target, ExportFormat::Csv))),
            widgets::secondary(
                xlsx,
                idle.then_some(Message::Ask(target, ExportFormat::Xlsx))
            ),
        ]
        .spacing(8)
        .into()
    }

    /// The banner of the last export ("Fichier enregistré : …" and "Ouvrir", or the error),
    /// or a line while writing; `None` when there is nothing to say.
    pub fn notice<'a, T: Target>(&self) -> Option<Element<'a, Message<T>>> {
        if self.stage == Stage::Writing {
            return Some(widgets::muted("Export en cours…").into());
        }
        match self.outcome.as_ref()? {
            Ok(path) => {
                let said = if self.fallback {
                    format!(
                        "Aucun emplacement choisi (ou la fenêtre d'enregistrement n'a pas pu \
                         s'ouvrir) : fichier enregistré dans le dossier habituel, {}",
                        path.display()
                    )
                } else {
                    format!("Fichier enregistré : {}", path.display())
                };
                let folder = path.parent().map(std::path::Path::to_path_buf);
                let mut notice = column![
                    row![
                        widgets::banner(Tone::Success, said),
                        widgets::secondary("Ouvrir", Some(Message::Open(path.clone()))),
                        widgets::secondary("Ouvrir le dossier", folder.map(Message::Open)),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center)
                ]
                .spacing(6);
                if let Some(problem) = &self.open_problem {
                    notice = notice.push(widgets::banner(Tone::Error, problem.clone()));
                }
                Some(notice.into())
            }
            Err(error) => Some(column![widgets::banner(Tone::Error, error.to_string())].into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_extension_wins_and_a_missing_one_is_added() {
        assert_eq!(
            file_for(PathBuf::from("/tmp/liste.CSV"), ExportFormat::Xlsx),
            (PathBuf::from("/tmp/liste.CSV"), ExportFormat::Csv)
        );
        assert_eq!(
            file_for(PathBuf::from("/tmp/liste"), ExportFormat::Xlsx),
            (PathBuf::from("/tmp/liste.xlsx"), ExportFormat::Xlsx)
        );
        assert_eq!(
            file_for(PathBuf::from("/tmp/adherents.v2"), ExportFormat::Csv),
            (PathBuf::from("/tmp/adherents.v2.csv"), ExportFormat::Csv)
        );
    }
}
