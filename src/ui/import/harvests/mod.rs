//! Importer des récoltes: pick a CSV / XLSX / ODS file, match its columns to Binette's
//! fields, choose what to do with unknown crops and plots and with lines already saved,
//! check the preview, import in one go, and save the refused rows.
//!
//! Not in the sidebar: opened from Paramètres.

mod view;

use crate::ui::screen::{self, Context};
use chrono::NaiveDate;
use iced::{Element, Task};

use crate::app::{self, Garden};
use crate::domain::harvests::Unit;
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::harvests::{
    DuplicatePolicy, HarvestField, HarvestMapping, ImportContext, Plan, PlanInput, Resolutions,
    build_plan, match_harvest_headers, unknown_names,
};
use crate::domain::text::collation_key;
use crate::store::import::harvests::HarvestImportReport;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow};
use crate::ui::import::names::NameOption;
use std::path::Path;

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

/// What the user chose besides the columns.
#[derive(Debug, Clone, Copy)]
struct Options {
    duplicates: DuplicatePolicy,
}

/// The harvest import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, HarvestImportReport>,
    options: Options,
}

/// Messages of the harvest import screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Picking, reading, importing, cancelling, saving the refused rows.
    Flow(flow::Message<ImportContext, HarvestImportReport>),
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
}

impl Screen {
    /// The screen, waiting for a file.
    pub fn new(_context: &Context) -> (Self, Task<Message>) {
        (
            Screen {
                flow: Flow::new(),
                options: Options {
                    duplicates: DuplicatePolicy::Skip,
                },
            },
            Task::none(),
        )
    }

    /// Handles a message with what the screens share.
    fn on_message(&mut self, message: Message, context: &Context) -> Task<Message> {
        let today = context.today;
        match message {
            Message::Flow(message) => {
                return self
                    .flow
                    .update(&self.options, message, context)
                    .map(Message::Flow);
            }
            Message::ColumnSet(index, choice) => self.flow.change(&self.options, today, |m| {
                if let Some(slot) = m.mapping.get_mut(index) {
                    *slot = choice.0;
                }
            }),
            Message::DuplicatesSet(policy) => {
                self.options.duplicates = policy;
                self.flow.change(&self.options, today, |_| {});
            }
            Message::CropSet(name, option) => self.flow.change(&self.options, today, |m| {
                m.resolutions
                    .crops
                    .insert(collation_key(&name), option.choice);
            }),
            Message::CropUnitSet(name, unit) => self.flow.change(&self.options, today, |m| {
                m.resolutions.crop_units.insert(collation_key(&name), unit);
            }),
            Message::PlotSet(name, option) => self.flow.change(&self.options, today, |m| {
                m.resolutions
                    .plots
                    .insert(collation_key(&name), option.choice);
            }),
        }
        Task::none()
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }
}

impl flow::Steps for Options {
    type Context = ImportContext;
    type Matching = Matching;
    type Plan = Plan;
    type Report = HarvestImportReport;

    const DIALOG_TITLE: &'static str = "Choisir le fichier des récoltes";
    const FILE_KINDS: &'static str = "Tableurs et CSV";
    const EXTENSIONS: &'static [&'static str] = flow::SPREADSHEETS;
    const REJECTED_FILE: &'static str = "recoltes-refusees.csv";

    fn read(garden: &Garden, path: &Path, _: NaiveDate) -> app::Result<FileRead> {
        app::imports::read_harvests(garden, path)
    }

    fn start(file: FileRead, _: NaiveDate) -> Matching {
        let mapping = match_harvest_headers(&file.table.headers);
        Matching {
            file,
            mapping,
            resolutions: Resolutions::default(),
            unknown_crops: Vec::new(),
            unknown_plots: Vec::new(),
            plan: Plan::default(),
        }
    }

    fn refresh(&self, m: &mut Matching, today: NaiveDate) {
        let input = PlanInput {
            file: &m.file.table,
            mapping: &m.mapping,
            context: &m.file.context,
            resolutions: &m.resolutions,
            duplicates: self.duplicates,
            today,
        };
        let (crops, plots) = unknown_names(&input);
        let plan = build_plan(&input);
        m.unknown_crops = crops;
        m.unknown_plots = plots;
        m.plan = plan;
    }

    fn plan(m: &Matching) -> Option<Plan> {
        mapping_problem(&m.mapping)
            .is_none()
            .then(|| m.plan.clone())
    }

    fn apply(&self, garden: &Garden, plan: &Plan) -> app::Result<HarvestImportReport> {
        app::imports::import_harvests(garden, plan)
    }

    fn rejected_csv(m: &Matching) -> Vec<u8> {
        m.plan.rejected_csv()
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> screen::Action<Message> {
        screen::Action::Run(self.on_message(message, context))
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
