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
use crate::store::import::employees::{ImportReport, apply, load_context};
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow, Stage};

/// A file read, with the people Binette already has.
pub type FileRead = flow::FileRead<ImportContext>;

/// The file being imported, its column matching and its preview.
#[derive(Debug, Clone)]
struct Matching {
    file: FileRead,
    mapping: EmployeeMapping,
    plan: Plan,
}

/// The employee import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, ImportReport>,
    policy: ExistingPolicy,
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
                flow: Flow::new(db, today),
                policy: ExistingPolicy::Update,
            },
            Task::none(),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::PickFile => {
                return flow::pick_file(
                    "Choisir l'export des emplois de l'inclusion",
                    "Classeurs et CSV",
                    &["xlsx", "xls", "ods", "csv", "txt"],
                    Message::FilePicked,
                );
            }
            Message::FilePicked(None) | Message::SaveRejectedTo(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => {
                return self.flow.open(
                    path,
                    |conn, table| Ok((table, load_context(conn)?)),
                    Message::Read,
                );
            }
            Message::Read(result) => {
                if let Some(file) = self.flow.read(result) {
                    let mapping = match_employee_headers(&file.table.headers);
                    let mut matching = Matching {
                        file,
                        mapping,
                        plan: Plan::empty(self.flow.today),
                    };
                    refresh(&mut matching, self.policy, self.flow.today);
                    self.flow.stage = Stage::Matching(Box::new(matching));
                }
            }
            Message::ColumnSet(index, choice) => self.with_matching(|m| {
                if let Some(slot) = m.mapping.get_mut(index) {
                    *slot = choice.0;
                }
            }),
            Message::PolicySet(policy) => {
                self.policy = policy;
                self.with_matching(|_| {});
            }
            Message::Import => {
                return self.flow.import(
                    |m| {
                        mapping_problem(&m.mapping)
                            .is_none()
                            .then(|| m.plan.clone())
                    },
                    apply,
                    Message::Imported,
                );
            }
            Message::Imported(result) => self.flow.imported(result, |m| m.plan.rejected_csv()),
            Message::Cancel => self.flow.cancel(),
            Message::SaveRejected => {
                return flow::pick_rejected_file(
                    "salaries-lignes-refusees.csv",
                    Message::SaveRejectedTo,
                );
            }
            Message::SaveRejectedTo(Some(path)) => {
                return self.flow.save_rejected(path, Message::RejectedSaved);
            }
            Message::RejectedSaved(result) => self.flow.rejected_saved(result),
        }
        Task::none()
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }

    /// Applies a choice to the file being matched, then recomputes the preview.
    fn with_matching(&mut self, change: impl FnOnce(&mut Matching)) {
        let (policy, today) = (self.policy, self.flow.today);
        if let Some(m) = self.flow.matching_mut() {
            change(m);
            refresh(m, policy, today);
        }
    }
}

/// Recomputes the preview after any choice.
fn refresh(m: &mut Matching, policy: ExistingPolicy, today: NaiveDate) {
    m.plan = build_plan(&m.file.table, &m.mapping, &m.file.context, policy, today);
}
