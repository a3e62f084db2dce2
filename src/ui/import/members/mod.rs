//! Importer des adhérents: pick a CSV / XLSX / ODS file, match its columns to Binette's
//! fields, choose what to do with existing members and unknown depots or sizes, check the
//! preview, import in one go, and save the refused rows.
//!
//! Not in the sidebar: the lead opens it from Paramètres.

mod view;

use std::path::PathBuf;

use chrono::{NaiveDate, Weekday};
use iced::{Element, Task};

use crate::domain::import::columns::{ColumnMapping, MemberField, mapping_problem, match_headers};
use crate::domain::import::members::{
    ExistingPolicy, ImportContext, Plan, Resolutions, build_plan, unknown_names,
};
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;
use crate::store::import::{
    ApplyOptions, ImportReport, apply_member_import, load_context, read_table,
};
use crate::ui::db::Db;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::names::NameOption;

/// A delivery weekday, for the depots the import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayChoice(pub Weekday);

impl std::fmt::Display for DayChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Weekday::Mon => "lundi",
            Weekday::Tue => "mardi",
            Weekday::Wed => "mercredi",
            Weekday::Thu => "jeudi",
            Weekday::Fri => "vendredi",
            Weekday::Sat => "samedi",
            Weekday::Sun => "dimanche",
        })
    }
}

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
    mapping: ColumnMapping,
    resolutions: Resolutions,
    unknown_depots: Vec<String>,
    unknown_sizes: Vec<String>,
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

/// The import screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Db,
    today: NaiveDate,
    stage: Stage,
    policy: ExistingPolicy,
    weekday: Weekday,
    message: Option<(crate::ui::widgets::Tone, String)>,
    busy: bool,
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
                db: db.clone(),
                today,
                stage: Stage::Start,
                policy: ExistingPolicy::Update,
                weekday: Weekday::Tue,
                message: None,
                busy: false,
            },
            Task::none(),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        use crate::ui::widgets::Tone;
        match message {
            Message::PickFile => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir le fichier des adhérents")
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
                let today = self.today;
                return Task::perform(
                    self.db.call(move |conn| {
                        let (table, format) = read_table(&path)?;
                        let context = load_context(conn, today)?;
                        Ok(FileRead {
                            path,
                            format,
                            table,
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
                        let mapping = match_headers(&file.table.headers);
                        let mut matching = Matching {
                            file,
                            mapping,
                            resolutions: Resolutions::default(),
                            unknown_depots: Vec::new(),
                            unknown_sizes: Vec::new(),
                            plan: empty_plan(self.today),
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
            Message::DepotSet(name, option) => {
                if let Stage::Matching(m) = &mut self.stage {
                    m.resolutions
                        .depots
                        .insert(collation_key(&name), option.choice);
                    refresh(m, self.policy, self.today);
                }
            }
            Message::SizeSet(name, option) => {
                if let Stage::Matching(m) = &mut self.stage {
                    m.resolutions
                        .sizes
                        .insert(collation_key(&name), option.choice);
                    refresh(m, self.policy, self.today);
                }
            }
            Message::WeekdaySet(day) => self.weekday = day.0,
            Message::Import => {
                let Stage::Matching(m) = &self.stage else {
                    return Task::none();
                };
                if self.busy || mapping_problem(&m.mapping).is_some() {
                    return Task::none();
                }
                self.busy = true;
                let plan = m.plan.clone();
                let options = ApplyOptions {
                    new_depot_weekday: self.weekday,
                };
                return Task::perform(
                    self.db
                        .call(move |conn| apply_member_import(conn, &plan, &options)),
                    |result| Message::Imported(result.map_err(|e| e.to_string())),
                );
            }
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
                    .set_file_name("lignes-refusees.csv")
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
