//! Importer des salariés: pick the XLSX export of *les emplois de l'inclusion*, check how
//! its columns are matched, see person by person what will be created or changed (the
//! differences with Binette), import in one go, and save the refused rows.
//!
//! Not in the sidebar: opened from Paramètres.

mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use crate::domain::import::columns::mapping_problem;
use crate::domain::import::employees::{
    EmployeeField, EmployeeMapping, ExistingPolicy, ImportContext, Plan, build_plan,
    match_employee_headers,
};
use crate::domain::import::source::Table;
use crate::store::import::employees::{ImportReport, apply, load_context};
use crate::store::import::read_table;
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::widgets::Tone;

/// A file read, with the people Binette already has.
#[derive(Debug, Clone)]
pub struct FileRead {
    path: PathBuf,
    format: String,
    table: Table,
    context: ImportContext,
}

/// The file being imported, its column matching and its preview.
#[derive(Debug, Clone)]
struct Matching {
    file: FileRead,
    mapping: EmployeeMapping,
    plan: Plan,
}

#[derive(Debug, Clone)]
enum Stage {
    Start,
    Matching(Box<Matching>),
    Done {
        report: ImportReport,
        rejected_csv: Vec<u8>,
    },
}

/// The employee import screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Db,
    today: NaiveDate,
    stage: Stage,
    policy: ExistingPolicy,
    message: Option<(Tone, String)>,
    busy: bool,
}

/// Messages of the employee import screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Choisir le fichier…"
    PickFile,
    /// The file dialog answered (`None`: cancelled).
    FilePicked(Option<PathBuf>),
    /// Reads this file (the dialog's answer, or a test's path).
    Open(PathBuf),
    /// The file and the people Binette has were read.
    Read(Result<FileRead, String>),
    /// Column `index` fills this field.
    ColumnSet(usize, FieldChoice<EmployeeField>),
    /// What to do with people Binette already has.
    PolicySet(ExistingPolicy),
    /// "Importer"
    Import,
    /// The import ended.
    Imported(Result<ImportReport, String>),
    /// "Annuler": back to the start, nothing written.
    Cancel,
    /// "Enregistrer les lignes refusées (CSV)"
    SaveRejected,
    /// Writes the refused rows to this file (the dialog's answer, or a test's path).
    SaveRejectedTo(Option<PathBuf>),
    /// The refused rows were written (or not).
    RejectedSaved(Result<PathBuf, String>),
}

impl Screen {
    /// The screen, waiting for a file.
    pub fn new(db: &Db, today: NaiveDate) -> (Self, Task<Message>) {
        (
            Screen {
                db: db.clone(),
                today,
                stage: Stage::Start,
                policy: ExistingPolicy::Update,
                message: None,
                busy: false,
            },
            Task::none(),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::PickFile => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir l'export des emplois de l'inclusion")
                    .add_filter("Classeurs et CSV", &["xlsx", "xls", "ods", "csv", "txt"]);
                return Task::perform(
                    async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
                    Message::FilePicked,
                );
            }
            Message::FilePicked(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => return self.open(path),
            Message::Read(result) => {
                self.busy = false;
                match result {
                    Ok(file) => {
                        let mapping = match_employee_headers(&file.table.headers);
                        let mut matching = Matching {
                            file,
                            mapping,
                            plan: Plan::empty(self.today),
                        };
                        refresh(&mut matching, self.policy, self.today);
                        self.stage = Stage::Matching(Box::new(matching));
                    }
                    Err(error) => self.message = Some((Tone::Error, error)),
                }
            }
            Message::ColumnSet(index, choice) => {
                if let Stage::Matching(m) = &mut self.stage {
                    if let Some(slot) = m.mapping.get_mut(index) {
                        *slot = choice.0;
                    }
                    refresh(m, self.policy, self.today);
                }
            }
            Message::PolicySet(policy) => {
                self.policy = policy;
                if let Stage::Matching(m) = &mut self.stage {
                    refresh(m, policy, self.today);
                }
            }
            Message::Import => return self.import(),
            Message::Imported(result) => {
                self.busy = false;
                match result {
                    Ok(report) => {
                        let rejected_csv = match &self.stage {
                            Stage::Matching(m) => m.plan.rejected_csv(),
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
            Message::Cancel => {
                self.stage = Stage::Start;
                self.message = Some((
                    Tone::Success,
                    "Import annulé : rien n'a été modifié.".into(),
                ));
            }
            Message::SaveRejected => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Enregistrer les lignes refusées")
                    .set_file_name("salaries-lignes-refusees.csv")
                    .add_filter("CSV", &["csv"]);
                return Task::perform(
                    async move { dialog.save_file().await.map(|f| f.path().to_path_buf()) },
                    Message::SaveRejectedTo,
                );
            }
            Message::SaveRejectedTo(None) => {}
            Message::SaveRejectedTo(Some(path)) => {
                if let Stage::Done { rejected_csv, .. } = &self.stage {
                    let bytes = rejected_csv.clone();
                    return Task::perform(
                        async move {
                            std::fs::write(&path, bytes)
                                .map(|()| path)
                                .map_err(|e| format!("Le fichier n'a pas pu être écrit : {e}"))
                        },
                        Message::RejectedSaved,
                    );
                }
            }
            Message::RejectedSaved(Ok(path)) => {
                self.message = Some((
                    Tone::Success,
                    format!("Lignes refusées enregistrées dans « {} ».", path.display()),
                ));
            }
            Message::RejectedSaved(Err(error)) => self.message = Some((Tone::Error, error)),
        }
        Task::none()
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }

    /// Reads `path` and the people Binette has, off the UI thread.
    fn open(&mut self, path: PathBuf) -> Task<Message> {
        self.busy = true;
        self.message = None;
        Task::perform(
            self.db.call(move |conn| {
                let (table, format) = read_table(&path)?;
                let context = load_context(conn)?;
                Ok(FileRead {
                    path,
                    format,
                    table,
                    context,
                })
            }),
            |result| Message::Read(result.map_err(|e| e.to_string())),
        )
    }

    /// Carries out the previewed plan, when it can be.
    fn import(&mut self) -> Task<Message> {
        let Stage::Matching(m) = &self.stage else {
            return Task::none();
        };
        if self.busy || mapping_problem(&m.mapping).is_some() {
            return Task::none();
        }
        self.busy = true;
        let plan = m.plan.clone();
        Task::perform(self.db.call(move |conn| apply(conn, &plan)), |result| {
            Message::Imported(result.map_err(|e| e.to_string()))
        })
    }
}

/// Recomputes the preview after any choice.
fn refresh(m: &mut Matching, policy: ExistingPolicy, today: NaiveDate) {
    m.plan = build_plan(&m.file.table, &m.mapping, &m.file.context, policy, today);
}
