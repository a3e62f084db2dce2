//! What every import screen does the same way: pick a file, read it with what the garden
//! already has (off the UI thread), import the previewed plan in one go, cancel, and save
//! the refused rows. Each screen keeps its own messages, options and preview, and hands
//! these steps to a [`Flow`].

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::Task;

use crate::domain::import::source::Table;
use crate::store::import::read_table;
use crate::store::{Connection, Result};
use crate::ui::db::Db;
use crate::ui::widgets::Tone;

/// The extensions of the spreadsheet and CSV files an import reads.
pub const SPREADSHEETS: &[&str] = &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"];

/// A file read, with what the garden already has (`C`: the import's context).
#[derive(Debug, Clone)]
pub struct FileRead<C> {
    /// Where it was read.
    pub path: PathBuf,
    /// How it was read ("CSV UTF-8, séparateur point-virgule", "classeur XLSX").
    pub format: String,
    /// Its titles and rows.
    pub table: Table,
    /// What the garden already has.
    pub context: C,
}

impl<C> FileRead<C> {
    /// "adherents.csv — CSV UTF-8, séparateur point-virgule, 3 ligne(s)".
    pub fn description(&self) -> String {
        let name = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        format!(
            "{name} — {}, {} ligne(s)",
            self.format,
            self.table.rows.len()
        )
    }
}

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
    /// The database.
    pub db: Db,
    /// Day of the import.
    pub today: NaiveDate,
    /// Where the screen is.
    pub stage: Stage<M, R>,
    /// The message shown under the title.
    pub message: Option<(Tone, String)>,
    /// A file is being read or imported.
    pub busy: bool,
}

/// The file dialog of "Choisir un fichier…": `title`, one filter `kinds` of `extensions`.
pub fn pick_file<Msg: Send + 'static>(
    title: &str,
    kinds: &str,
    extensions: &[&str],
    on_pick: fn(Option<PathBuf>) -> Msg,
) -> Task<Msg> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(kinds, extensions);
    Task::perform(
        async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
        on_pick,
    )
}

/// The save dialog of "Enregistrer les lignes refusées (CSV)", proposing `file_name`.
pub fn pick_rejected_file<Msg: Send + 'static>(
    file_name: &str,
    on_pick: fn(Option<PathBuf>) -> Msg,
) -> Task<Msg> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer les lignes refusées")
        .set_file_name(file_name)
        .add_filter("CSV", &["csv"]);
    Task::perform(
        async move { dialog.save_file().await.map(|f| f.path().to_path_buf()) },
        on_pick,
    )
}

impl<M, R: Send + 'static> Flow<M, R> {
    /// Waiting for a file.
    pub fn new(db: &Db, today: NaiveDate) -> Self {
        Flow {
            db: db.clone(),
            today,
            stage: Stage::Start,
            message: None,
            busy: false,
        }
    }

    /// Reads the file at `path` off the UI thread, then `load` gives its table (as is, or
    /// with its title line found) and what the garden has.
    pub fn open<C, Msg>(
        &mut self,
        path: PathBuf,
        load: impl FnOnce(&Connection, Table) -> Result<(Table, C)> + Send + 'static,
        on_read: fn(std::result::Result<FileRead<C>, String>) -> Msg,
    ) -> Task<Msg>
    where
        C: Send + 'static,
        Msg: Send + 'static,
    {
        self.busy = true;
        self.message = None;
        Task::perform(
            self.db.call(move |conn| {
                let (table, format) = read_table(&path)?;
                let (table, context) = load(conn, table)?;
                Ok(FileRead {
                    path,
                    format,
                    table,
                    context,
                })
            }),
            move |result| on_read(result.map_err(|e| e.to_string())),
        )
    }

    /// The file read, for the screen to match its columns; or `None`, the error shown.
    pub fn read<C>(
        &mut self,
        result: std::result::Result<FileRead<C>, String>,
    ) -> Option<FileRead<C>> {
        self.busy = false;
        match result {
            Ok(file) => Some(file),
            Err(error) => {
                self.message = Some((Tone::Error, error));
                None
            }
        }
    }

    /// The file being matched, if any.
    pub fn matching_mut(&mut self) -> Option<&mut M> {
        match &mut self.stage {
            Stage::Matching(m) => Some(m),
            _ => None,
        }
    }

    /// Carries out, off the UI thread, the plan `ready` gives (`None` while the columns
    /// are incomplete); nothing while busy or without a file.
    pub fn import<P, Msg>(
        &mut self,
        ready: impl FnOnce(&M) -> Option<P>,
        apply: impl FnOnce(&Connection, &P) -> Result<R> + Send + 'static,
        on_done: fn(std::result::Result<R, String>) -> Msg,
    ) -> Task<Msg>
    where
        P: Send + 'static,
        Msg: Send + 'static,
    {
        let Stage::Matching(m) = &self.stage else {
            return Task::none();
        };
        if self.busy {
            return Task::none();
        }
        let Some(plan) = ready(m) else {
            return Task::none();
        };
        self.busy = true;
        Task::perform(
            self.db.call(move |conn| apply(conn, &plan)),
            move |result| on_done(result.map_err(|e| e.to_string())),
        )
    }

    /// The import ended: on success the result, with the refused rows of the plan
    /// (`rejected_csv`); on failure, the error.
    pub fn imported(
        &mut self,
        result: std::result::Result<R, String>,
        rejected_csv: impl FnOnce(&M) -> Vec<u8>,
    ) {
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
    pub fn cancel(&mut self) {
        self.stage = Stage::Start;
        self.message = Some((
            Tone::Success,
            "Import annulé : rien n'a été modifié.".into(),
        ));
    }

    /// Writes the refused rows of the import done to `path`.
    pub fn save_rejected<Msg: Send + 'static>(
        &self,
        path: PathBuf,
        on_saved: fn(std::result::Result<PathBuf, String>) -> Msg,
    ) -> Task<Msg> {
        let Stage::Done { rejected_csv, .. } = &self.stage else {
            return Task::none();
        };
        let bytes = rejected_csv.clone();
        Task::perform(
            async move {
                std::fs::write(&path, bytes)
                    .map(|()| path)
                    .map_err(|e| format!("Le fichier n'a pas pu être écrit : {e}"))
            },
            on_saved,
        )
    }

    /// Says where the refused rows were written, or why they were not.
    pub fn rejected_saved(&mut self, result: std::result::Result<PathBuf, String>) {
        self.message = Some(match result {
            Ok(path) => (
                Tone::Success,
                format!("Lignes refusées enregistrées dans « {} ».", path.display()),
            ),
            Err(error) => (Tone::Error, error),
        });
    }
}
