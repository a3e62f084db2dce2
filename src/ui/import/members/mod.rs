//! Importer des adhérents: pick a CSV / XLSX / ODS file, match its columns to Binette's
//! fields, choose what to do with existing members and unknown depots or sizes, check the
//! preview, import in one go, and save the refused rows.
//!
//! Not in the sidebar: the lead opens it from Paramètres.

mod view;

use std::path::PathBuf;

use chrono::{NaiveDate, Weekday};
use iced::{Element, Task};

use crate::domain::calendar::weekday_name;
use crate::domain::import::columns::{ColumnMapping, MemberField, mapping_problem, match_headers};
use crate::domain::import::members::{
    ExistingPolicy, ImportContext, Plan, Resolutions, build_plan, unknown_names,
};
use crate::domain::text::collation_key;
use crate::store::import::{ApplyOptions, ImportReport, apply_member_import, load_context};
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow, Stage};
use crate::ui::import::names::NameOption;

/// A delivery weekday, for the depots the import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayChoice(pub Weekday);

impl std::fmt::Display for DayChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(weekday_name(self.0))
    }
}

/// A file read, with what the garden already has.
pub type FileRead = flow::FileRead<ImportContext>;

/// The file being imported and the user's choices.
#[derive(Debug, Clone)]
struct Matching {
    file: FileRead,
    mapping: ColumnMapping,
    resolutions: Resolutions,
    unknown_depots: Vec<String>,
    unknown_sizes: Vec<String>,
    plan: Plan,
}

/// The import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, ImportReport>,
    policy: ExistingPolicy,
    weekday: Weekday,
}

/// Messages of the import screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Choisir un fichier…"
    PickFile,
    /// The file dialog answered (`None`: cancelled).
    FilePicked(Option<PathBuf>),
    /// Reads this file (the dialog's answer, or a test's path).
    Open(PathBuf),
    /// The file and the garden's data were read.
    Read(Result<FileRead, String>),
    /// Column `index` fills this field.
    ColumnSet(usize, FieldChoice<MemberField>),
    /// What to do with members already present.
    PolicySet(ExistingPolicy),
    /// What to do with an unknown depot name.
    DepotSet(String, NameOption),
    /// What to do with an unknown size name.
    SizeSet(String, NameOption),
    /// Delivery weekday of the depots created.
    WeekdaySet(DayChoice),
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
                weekday: Weekday::Tue,
            },
            Task::none(),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let today = self.flow.today;
        match message {
            Message::PickFile => {
                return flow::pick_file(
                    "Choisir le fichier des adhérents",
                    "Tableurs et CSV",
                    flow::SPREADSHEETS,
                    Message::FilePicked,
                );
            }
            Message::FilePicked(None) | Message::SaveRejectedTo(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => {
                return self.flow.open(
                    path,
                    move |conn, table| Ok((table, load_context(conn, today)?)),
                    Message::Read,
                );
            }
            Message::Read(result) => {
                if let Some(file) = self.flow.read(result) {
                    let mapping = match_headers(&file.table.headers);
                    let mut matching = Matching {
                        file,
                        mapping,
                        resolutions: Resolutions::default(),
                        unknown_depots: Vec::new(),
                        unknown_sizes: Vec::new(),
                        plan: empty_plan(today),
                    };
                    refresh(&mut matching, self.policy, today);
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
            Message::DepotSet(name, option) => self.with_matching(|m| {
                m.resolutions
                    .depots
                    .insert(collation_key(&name), option.choice);
            }),
            Message::SizeSet(name, option) => self.with_matching(|m| {
                m.resolutions
                    .sizes
                    .insert(collation_key(&name), option.choice);
            }),
            Message::WeekdaySet(day) => self.weekday = day.0,
            Message::Import => {
                let options = ApplyOptions {
                    new_depot_weekday: self.weekday,
                };
                return self.flow.import(
                    |m| {
                        mapping_problem(&m.mapping)
                            .is_none()
                            .then(|| m.plan.clone())
                    },
                    move |conn, plan| apply_member_import(conn, plan, &options),
                    Message::Imported,
                );
            }
            Message::Imported(result) => self.flow.imported(result, |m| m.plan.rejected_csv()),
            Message::Cancel => self.flow.cancel(),
            Message::SaveRejected => {
                return flow::pick_rejected_file("lignes-refusees.csv", Message::SaveRejectedTo);
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

fn empty_plan(today: NaiveDate) -> Plan {
    Plan {
        headers: Vec::new(),
        rows: Vec::new(),
        new_depots: Vec::new(),
        new_sizes: Vec::new(),
        today,
    }
}

/// Recomputes the unknown names and the preview after any choice.
fn refresh(m: &mut Matching, policy: ExistingPolicy, today: NaiveDate) {
    let (depots, sizes) = unknown_names(&m.file.table, &m.mapping, &m.file.context);
    m.unknown_depots = depots;
    m.unknown_sizes = sizes;
    m.plan = build_plan(
        &m.file.table,
        &m.mapping,
        &m.file.context,
        &m.resolutions,
        policy,
        today,
    );
}
