//! What every import screen does the same way: pick a file, read it with what the garden
//! already has (off the UI thread), import the previewed plan in one go, cancel, and save
//! the refused rows. These steps have one [`Message`] enum, handled by the screen's [`Flow`];
//! each screen keeps its own messages (columns, options) and preview, and says through
//! [`Steps`] what its import does its own way.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::Task;

use crate::app::{self, Garden};
use crate::ui::screen::Context;
use crate::ui::widgets::Tone;

pub use crate::app::imports::FileRead;

/// The extensions of the spreadsheet and CSV files an import reads.
pub const SPREADSHEETS: &[&str] = &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"];

/// Where an import screen is.
#[derive(Debug, Clone)]
pub enum Stage<M, R> {
    /// Waiting for a file.
    Start,
    /// A file read: its columns, the user's choices and the preview (`M`, the screen's own).
    Matching(Box<M>),
    /// Imported: what was done (`R`), and the refused rows as a CSV file.
    Done {
        /// What the import did.
        report: R,
        /// The refused rows, ready to save.
        rejected_csv: Vec<u8>,
    },
}

/// What every import screen holds besides its options: the stage, the message shown, and
/// whether a file is being read or imported.
#[derive(Debug)]
pub struct Flow<M, R> {
    /// Where the screen is.
    pub stage: Stage<M, R>,
    /// The message shown under the title.
    pub message: Option<(Tone, String)>,
    /// A file is being read or imported.
    pub busy: bool,
}

/// The messages every import screen handles the same way, through its [`Flow`]: `C` is what
/// the garden has (read with the file), `R` what the import did.
#[derive(Debug, Clone)]
pub enum Message<C, R> {
    /// "Choisir un fichier…"
    PickFile,
    /// The file dialog answered (`None`: cancelled).
    FilePicked(Option<PathBuf>),
    /// Reads this file (the dialog's answer, or a test's path).
    Open(PathBuf),
    /// The file and the garden's data were read.
    Read(app::Result<FileRead<C>>),
    /// "Importer"
    Import,
    /// The import ended.
    Imported(app::Result<R>),
    /// "Annuler": back to the start, nothing written.
    Cancel,
    /// "Enregistrer les lignes refusées (CSV)"
    SaveRejected,
    /// Writes the refused rows to this file (the dialog's answer, or a test's path).
    SaveRejectedTo(Option<PathBuf>),
    /// The refused rows were written (or not).
    RejectedSaved(app::Result<PathBuf>),
}

/// What one import does its own way at the steps of the flow; implemented by the screen's
/// options (what the user chose besides the columns), which the import needs.
pub trait Steps: Clone + Send + 'static {
    /// What the garden already has, read with the file.
    type Context: Send + 'static;
    /// The file being matched: its columns, the user's choices and the preview.
    type Matching;
    /// What "Importer" carries out.
    type Plan: Send + 'static;
    /// What the import did.
    type Report: Send + 'static;

    /// The title of the file dialog.
    const DIALOG_TITLE: &'static str;
    /// The kind of files the dialog offers ("Tableurs et CSV").
    const FILE_KINDS: &'static str;
    /// Their extensions.
    const EXTENSIONS: &'static [&'static str];
    /// The file name proposed for the refused rows.
    const REJECTED_FILE: &'static str;

    /// Reads the file at `path` with what the garden has on `today` (a use case of
    /// `crate::app::imports`).
    fn read(garden: &Garden, path: &Path, today: NaiveDate)
    -> app::Result<FileRead<Self::Context>>;

    /// The matching of a file just read, its columns guessed from the titles (the flow then
    /// computes its preview).
    fn start(file: FileRead<Self::Context>, today: NaiveDate) -> Self::Matching;

    /// Recomputes the preview, and what it asks the user, after any choice.
    fn refresh(&self, matching: &mut Self::Matching, today: NaiveDate);

    /// The plan to carry out, or `None` while the columns are incomplete.
    fn plan(matching: &Self::Matching) -> Option<Self::Plan>;

    /// Carries out the plan in one go, after a copy of the garden (a use case of
    /// `crate::app::imports`).
    fn apply(&self, garden: &Garden, plan: &Self::Plan) -> app::Result<Self::Report>;

    /// The refused rows of the plan, as a CSV file.
    fn rejected_csv(matching: &Self::Matching) -> Vec<u8>;
}

impl<M, R: Send + 'static> Default for Flow<M, R> {
    fn default() -> Self {
        Flow::new()
    }
}

impl<M, R: Send + 'static> Flow<M, R> {
    /// Waiting for a file.
    pub fn new() -> Self {
        Flow {
            stage: Stage::Start,
            message: None,
            busy: false,
        }
    }

    /// Applies a choice to the file being matched, if any, then recomputes its preview as
    /// of `today`.
    pub fn change<S>(&mut self, steps: &S, today: NaiveDate, change: impl FnOnce(&mut M))
    where
        S: Steps<Matching = M>,
    {
        if let Stage::Matching(m) = &mut self.stage {
            change(m);
            steps.refresh(m, today);
        }
    }

    /// Handles a message of the flow, `steps` doing what this import does its own way.
    pub fn update<S>(
        &mut self,
        steps: &S,
        message: Message<S::Context, R>,
        context: &Context,
    ) -> Task<Message<S::Context, R>>
    where
        S: Steps<Matching = M, Report = R>,
    {
        match message {
            Message::PickFile => {
                return pick_file(S::DIALOG_TITLE, S::FILE_KINDS, S::EXTENSIONS);
            }
            Message::FilePicked(None) | Message::SaveRejectedTo(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => {
                return self.open::<S>(path, context);
            }
            Message::Read(result) => self.read(steps, result, context.today),
            Message::Import => return self.import(steps, context),
            Message::Imported(result) => self.imported(result, S::rejected_csv),
            Message::Cancel => self.cancel(),
            Message::SaveRejected => return pick_rejected_file(S::REJECTED_FILE),
            Message::SaveRejectedTo(Some(path)) => return self.save_rejected(path),
            Message::RejectedSaved(result) => self.rejected_saved(result),
        }
        Task::none()
    }

    /// Reads the file at `path` off the UI thread, with what the garden has.
    fn open<S: Steps>(&mut self, path: PathBuf, context: &Context) -> Task<Message<S::Context, R>> {
        self.busy = true;
        self.message = None;
        let today = context.today;
        context.perform(move |g| S::read(g, &path, today), Message::Read)
    }

    /// The file read: its matching starts; or the error is shown.
    fn read<S>(&mut self, steps: &S, result: app::Result<FileRead<S::Context>>, today: NaiveDate)
    where
        S: Steps<Matching = M>,
    {
        self.busy = false;
        match result {
            Ok(file) => {
                let mut matching = S::start(file, today);
                steps.refresh(&mut matching, today);
                self.stage = Stage::Matching(Box::new(matching));
            }
            Err(error) => self.message = Some((Tone::Error, error.to_string())),
        }
    }

    /// Carries out, off the UI thread, the plan of the file being matched; nothing while
    /// busy, without a file or while its columns are incomplete.
    fn import<S>(&mut self, steps: &S, context: &Context) -> Task<Message<S::Context, R>>
    where
        S: Steps<Matching = M, Report = R>,
    {
        let Stage::Matching(m) = &self.stage else {
            return Task::none();
        };
        if self.busy {
            return Task::none();
        }
        let Some(plan) = S::plan(m) else {
            return Task::none();
        };
        self.busy = true;
        let steps = steps.clone();
        // The use case takes a copy first, kept apart from the daily backups: an import can
        // be undone.
        context.perform(move |g| steps.apply(g, &plan), Message::Imported)
    }

    /// The import ended: on success the result, with the refused rows of the plan
    /// (`rejected_csv`); on failure, the error.
    fn imported(&mut self, result: app::Result<R>, rejected_csv: impl FnOnce(&M) -> Vec<u8>) {
        self.busy = false;
        match result {
            Ok(report) => {
                let rejected_csv = match &self.stage {
                    Stage::Matching(m) => rejected_csv(m),
                    _ => Vec::new(),
                };
                self.message = None;
                self.stage = Stage::Done {
                    report,
                    rejected_csv,
                };
            }
            Err(error) => {
                self.message = Some((
                    Tone::Error,
                    format!("L'import a échoué, rien n'a été enregistré : {error}"),
                ));
            }
        }
    }

    /// "Annuler": back to the start, nothing written.
    fn cancel(&mut self) {
        self.stage = Stage::Start;
        self.message = Some((
            Tone::Success,
            "Import annulé : rien n'a été modifié.".into(),
        ));
    }

    /// Writes the refused rows of the import done to `path`.
    fn save_rejected<C: Send + 'static>(&self, path: PathBuf) -> Task<Message<C, R>> {
        let Stage::Done { rejected_csv, .. } = &self.stage else {
            return Task::none();
        };
        let bytes = rejected_csv.clone();
        Task::perform(
            async move {
                crate::store::output::write_file(&path, &bytes)
                    .map(|()| path)
                    .map_err(app::Error::from)
            },
            Message::RejectedSaved,
        )
    }

    /// Says where the refused rows were written, or why they were not.
    fn rejected_saved(&mut self, result: app::Result<PathBuf>) {
        self.message = Some(match result {
            Ok(path) => (
                Tone::Success,
                format!("Lignes refusées enregistrées dans « {} ».", path.display()),
            ),
            Err(error) => (Tone::Error, error.to_string()),
        });
    }
}

/// The file dialog of "Choisir un fichier…": `title`, one filter `kinds` of `extensions`.
fn pick_file<C: Send + 'static, R: Send + 'static>(
    title: &str,
    kinds: &str,
    extensions: &[&str],
) -> Task<Message<C, R>> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(kinds, extensions);
    Task::perform(
        async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
        Message::FilePicked,
    )
}

/// The save dialog of "Enregistrer les lignes refusées (CSV)", proposing `file_name`.
fn pick_rejected_file<C: Send + 'static, R: Send + 'static>(
    file_name: &str,
) -> Task<Message<C, R>> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer les lignes refusées")
        .set_file_name(file_name)
        .add_filter("CSV", &["csv"]);
    Task::perform(
        async move { dialog.save_file().await.map(|f| f.path().to_path_buf()) },
        Message::SaveRejectedTo,
    )
}
