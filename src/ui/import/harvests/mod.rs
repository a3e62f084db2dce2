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
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;
use crate::store::import::harvests::{
    HarvestImportReport, apply_harvest_import, load_harvest_context,
};
use crate::store::import::read_table;
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::names::NameOption;
use crate::ui::widgets::Tone;

/// A file read, with what the garden already has.
#[derive(Debug, Clone)]
pub struct FileRead {
    path: PathBuf,
    format: String,
    table: Table,
    context: ImportContext,
}

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

#[derive(Debug, Clone)]
enum Stage {
    Start,
    Matching(Box<Matching>),
    Done {
        report: HarvestImportReport,
        rejected_csv: Vec<u8>,
    },
}

/// The harvest import screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Db,
    today: NaiveDate,
    stage: Stage,
    duplicates: DuplicatePolicy,
    message: Option<(Tone, String)>,
    busy: bool,
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
                db: db.clone(),
                today,
                stage: Stage::Start,
                duplicates: DuplicatePolicy::Skip,
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
                    .set_title("Choisir le fichier des récoltes")
                    .add_filter(
                        "Tableurs et CSV",
                        &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"],
                    );
                return Task::perform(
                    async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
                    Message::FilePicked,
                );
            }
            Message::FilePicked(None) => {}
            Message::FilePicked(Some(path)) | Message::Open(path) => {
                self.busy = true;
                self.message = None;
                return Task::perform(
                    self.db.call(move |conn| {
                        let (table, format) = read_table(&path)?;
                        let context = load_harvest_context(conn)?;
                        Ok(FileRead {
                            path,
                            format,
                            table: locate_header(table),
                            context,
                        })
                    }),
                    |result| Message::Read(result.map_err(|e| e.to_string())),
                );
            }
            Message::Read(result) => {
                self.busy = false;
                match result {
                    Ok(file) => {
                        let mapping = match_harvest_headers(&file.table.headers);
                        let mut matching = Matching {
                            file,
                            mapping,
                            resolutions: Resolutions::default(),
                            unknown_crops: Vec::new(),
                            unknown_plots: Vec::new(),
                            plan: Plan::default(),
                        };
                        refresh(&mut matching, self.duplicates, self.today);
                        self.stage = Stage::Matching(Box::new(matching));
                    }
                    Err(error) => self.message = Some((Tone::Error, error)),
                }
            }
            Message::ColumnSet(index, choice) => {
                self.with_matching(|m| {
                    if let Some(slot) = m.mapping.get_mut(index) {
                        *slot = choice.0;
                    }
                });
            }
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
                let Stage::Matching(m) = &self.stage else {
                    return Task::none();
                };
                if self.busy || mapping_problem(&m.mapping).is_some() {
                    return Task::none();
                }
                self.busy = true;
                let plan = m.plan.clone();
                return Task::perform(
                    self.db.call(move |conn| apply_harvest_import(conn, &plan)),
                    |result| Message::Imported(result.map_err(|e| e.to_string())),
                );
            }
            Message::Imported(result) => self.imported(result),
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
                    .set_file_name("recoltes-refusees.csv")
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

    /// Applies a choice to the file being matched, then recomputes the preview.
    fn with_matching(&mut self, change: impl FnOnce(&mut Matching)) {
        if let Stage::Matching(m) = &mut self.stage {
            change(m);
            refresh(m, self.duplicates, self.today);
        }
    }

    fn imported(&mut self, result: Result<HarvestImportReport, String>) {
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
