//! Importer des récoltes: pick a CSV / XLSX / ODS file, match its columns to Binette's
//! fields, choose what to do with unknown crops and plots and with lines already saved,
//! check the preview, import in one go, and save the refused rows.
//!
//! Not in the sidebar: opened from Paramètres.

mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use crate::domain::harvests::Unit;
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::harvests::{
    DuplicatePolicy, HarvestField, HarvestMapping, ImportContext, Plan, PlanInput, Resolutions,
    build_plan, locate_header, match_harvest_headers, unknown_names,
};
use crate::domain::text::collation_key;
use crate::store::import::harvests::{
    HarvestImportReport, apply_harvest_import, load_harvest_context,
};
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow, Stage};
use crate::ui::import::names::NameOption;

/// A file read, with what the garden already has.
pub type FileRead = flow::FileRead<ImportContext>;

/// The file being imported and the user's choices.
#[derive(Debug, Clone)]
struct Matching {
    file: FileRead,
    mapping: HarvestMapping,
    resolutions: Resolutions,
    unknown_crops: Vec<String>,
    unknown_plots: Vec<String>,
    plan: Plan,
}

/// The harvest import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, HarvestImportReport>,
    duplicates: DuplicatePolicy,
}

/// Messages of the harvest import screen.
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
    ColumnSet(usize, FieldChoice<HarvestField>),
    /// What to do with lines already saved.
    DuplicatesSet(DuplicatePolicy),
    /// What to do with an unknown crop name.
    CropSet(String, NameOption),
    /// The usual unit of a crop the import creates.
    CropUnitSet(String, Unit),
    /// What to do with an unknown plot name.
    PlotSet(String, NameOption),
    /// "Importer"
    Import,
    /// The import ended.
    Imported(Result<HarvestImportReport, String>),
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
                duplicates: DuplicatePolicy::Skip,
            },
            Task::none(),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::PickFile => {
                return flow::pick_file(
                    "Choisir le fichier des récoltes",
                    "Tableurs et CSV",
                    flow::SPREADSHEETS,
                    Message::FilePicked,
                );
            }
            Message::FilePicked(None) | Message::SaveRejectedTo(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => {
                return self.flow.open(
                    path,
                    |conn, table| Ok((locate_header(table), load_harvest_context(conn)?)),
                    Message::Read,
                );
            }
            Message::Read(result) => {
                if let Some(file) = self.flow.read(result) {
                    let mapping = match_harvest_headers(&file.table.headers);
                    let mut matching = Matching {
                        file,
                        mapping,
                        resolutions: Resolutions::default(),
                        unknown_crops: Vec::new(),
                        unknown_plots: Vec::new(),
                        plan: Plan::default(),
                    };
                    refresh(&mut matching, self.duplicates, self.flow.today);
                    self.flow.stage = Stage::Matching(Box::new(matching));
                }
            }
            Message::ColumnSet(index, choice) => self.with_matching(|m| {
                if let Some(slot) = m.mapping.get_mut(index) {
                    *slot = choice.0;
                }
            }),
            Message::DuplicatesSet(policy) => {
                self.duplicates = policy;
                self.with_matching(|_| {});
            }
            Message::CropSet(name, option) => self.with_matching(|m| {
                m.resolutions
                    .crops
                    .insert(collation_key(&name), option.choice);
            }),
            Message::CropUnitSet(name, unit) => self.with_matching(|m| {
                m.resolutions.crop_units.insert(collation_key(&name), unit);
            }),
            Message::PlotSet(name, option) => self.with_matching(|m| {
                m.resolutions
                    .plots
                    .insert(collation_key(&name), option.choice);
            }),
            Message::Import => {
                return self.flow.import(
                    |m| {
                        mapping_problem(&m.mapping)
                            .is_none()
                            .then(|| m.plan.clone())
                    },
                    apply_harvest_import,
                    Message::Imported,
                );
            }
            Message::Imported(result) => self.flow.imported(result, |m| m.plan.rejected_csv()),
            Message::Cancel => self.flow.cancel(),
            Message::SaveRejected => {
                return flow::pick_rejected_file("recoltes-refusees.csv", Message::SaveRejectedTo);
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
        let (duplicates, today) = (self.duplicates, self.flow.today);
        if let Some(m) = self.flow.matching_mut() {
            change(m);
            refresh(m, duplicates, today);
        }
    }
}

/// Recomputes the unknown names and the preview after any choice.
fn refresh(m: &mut Matching, duplicates: DuplicatePolicy, today: NaiveDate) {
    let input = PlanInput {
        file: &m.file.table,
        mapping: &m.mapping,
        context: &m.file.context,
        resolutions: &m.resolutions,
        duplicates,
        today,
    };
    let (crops, plots) = unknown_names(&input);
    let plan = build_plan(&input);
    m.unknown_crops = crops;
    m.unknown_plots = plots;
    m.plan = plan;
}
