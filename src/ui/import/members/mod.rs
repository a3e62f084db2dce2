//! Importer des adhérents: pick a CSV / XLSX / ODS file, match its columns to Binette's
//! fields, choose what to do with existing members and unknown depots or sizes, check the
//! preview, import in one go, and save the refused rows.
//!
//! Not in the sidebar: the lead opens it from Paramètres.

mod view;

use crate::ui::screen::{self, Context};
use chrono::{NaiveDate, Weekday};
use iced::{Element, Task};

use crate::app::{self, Garden};
use crate::domain::calendar::weekday_name;
use crate::domain::import::columns::{ColumnMapping, MemberField, mapping_problem, match_headers};
use crate::domain::import::members::{
    ExistingPolicy, ImportContext, NamesakeChoice, Plan, Resolutions, build_plan, unknown_names,
};
use crate::domain::text::collation_key;
use crate::store::import::{ApplyOptions, ImportReport};
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow};
use crate::ui::import::names::NameOption;
use std::path::Path;

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

/// What the user chose besides the columns.
#[derive(Debug, Clone, Copy)]
struct Options {
    policy: ExistingPolicy,
    weekday: Weekday,
}

/// The import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, ImportReport>,
    options: Options,
}

/// Messages of the import screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Picking, reading, importing, cancelling, saving the refused rows.
    Flow(flow::Message<ImportContext, ImportReport>),
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
    /// The row at this line of the file, a namesake: a new household or an update.
    NamesakeSet(usize, NamesakeChoice),
}

impl Screen {
    /// The screen, waiting for a file.
    pub fn new(_context: &Context) -> (Self, Task<Message>) {
        (
            Screen {
                flow: Flow::new(),
                options: Options {
                    policy: ExistingPolicy::Update,
                    weekday: Weekday::Tue,
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
            Message::PolicySet(policy) => {
                self.options.policy = policy;
                self.flow.change(&self.options, today, |_| {});
            }
            Message::DepotSet(name, option) => self.flow.change(&self.options, today, |m| {
                m.resolutions
                    .depots
                    .insert(collation_key(&name), option.choice);
            }),
            Message::SizeSet(name, option) => self.flow.change(&self.options, today, |m| {
                m.resolutions
                    .sizes
                    .insert(collation_key(&name), option.choice);
            }),
            Message::WeekdaySet(day) => self.options.weekday = day.0,
            Message::NamesakeSet(line, choice) => self.flow.change(&self.options, today, |m| {
                m.resolutions.namesakes.insert(line, choice);
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
    type Report = ImportReport;

    const DIALOG_TITLE: &'static str = "Choisir le fichier des adhérents";
    const FILE_KINDS: &'static str = "Tableurs et CSV";
    const EXTENSIONS: &'static [&'static str] = flow::SPREADSHEETS;
    const REJECTED_FILE: &'static str = "lignes-refusees.csv";

    fn read(garden: &Garden, path: &Path, today: NaiveDate) -> app::Result<FileRead> {
        app::imports::read_members(garden, path, today)
    }

    fn start(file: FileRead, today: NaiveDate) -> Matching {
        let mapping = match_headers(&file.table.headers);
        Matching {
            file,
            mapping,
            resolutions: Resolutions::default(),
            unknown_depots: Vec::new(),
            unknown_sizes: Vec::new(),
            plan: empty_plan(today),
        }
    }

    fn refresh(&self, m: &mut Matching, today: NaiveDate) {
        let (depots, sizes) = unknown_names(&m.file.table, &m.mapping, &m.file.context);
        m.unknown_depots = depots;
        m.unknown_sizes = sizes;
        m.plan = build_plan(
            &m.file.table,
            &m.mapping,
            &m.file.context,
            &m.resolutions,
            self.policy,
            today,
        );
    }

    fn plan(m: &Matching) -> Option<Plan> {
        mapping_problem(&m.mapping)
            .is_none()
            .then(|| m.plan.clone())
    }

    fn apply(&self, garden: &Garden, plan: &Plan) -> app::Result<ImportReport> {
        let options = ApplyOptions {
            new_depot_weekday: self.weekday,
        };
        app::imports::import_members(garden, plan, &options)
    }

    fn rejected_csv(m: &Matching) -> Vec<u8> {
        m.plan.rejected_csv()
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

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> screen::Action<Message> {
        screen::Action::Run(self.on_message(message, context))
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
