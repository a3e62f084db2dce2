//! Importer des salariés: pick the XLSX export of *les emplois de l'inclusion*, check how
//! its columns are matched, see person by person what will be created or changed (the
//! differences with Binette), import in one go, and save the refused rows.
//!
//! Not in the sidebar: opened from Paramètres.

mod view;

use crate::ui::screen::{self, Context};
use chrono::NaiveDate;
use iced::{Element, Task};

use crate::app::{self, Garden};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::employees::{
    EmployeeField, EmployeeMapping, ExistingPolicy, ImportContext, Plan, build_plan,
    match_employee_headers,
};
use crate::store::import::employees::ImportReport;
use crate::ui::import::columns::FieldChoice;
use crate::ui::import::flow::{self, Flow};
use std::path::Path;

/// A file read, with the people Binette already has.
pub type FileRead = flow::FileRead<ImportContext>;

/// The file being imported, its column matching and its preview.
#[derive(Debug, Clone)]
struct Matching {
    file: FileRead,
    mapping: EmployeeMapping,
    plan: Plan,
}

/// What the user chose besides the columns.
#[derive(Debug, Clone, Copy)]
struct Options {
    policy: ExistingPolicy,
}

/// The employee import screen's state.
#[derive(Debug)]
pub struct Screen {
    flow: Flow<Matching, ImportReport>,
    options: Options,
}

/// Messages of the employee import screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Picking, reading, importing, cancelling, saving the refused rows.
    Flow(flow::Message<ImportContext, ImportReport>),
    /// Column `index` fills this field.
    ColumnSet(usize, FieldChoice<EmployeeField>),
    /// What to do with people Binette already has.
    PolicySet(ExistingPolicy),
}

impl Screen {
    /// The screen, waiting for a file.
    pub fn new(_context: &Context) -> (Self, Task<Message>) {
        (
            Screen {
                flow: Flow::new(),
                options: Options {
                    policy: ExistingPolicy::Update,
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

    const DIALOG_TITLE: &'static str = "Choisir l'export des emplois de l'inclusion";
    const FILE_KINDS: &'static str = "Classeurs et CSV";
    const EXTENSIONS: &'static [&'static str] = &["xlsx", "xls", "ods", "csv", "txt"];
    const REJECTED_FILE: &'static str = "salaries-lignes-refusees.csv";

    fn read(garden: &Garden, path: &Path, _: NaiveDate) -> app::Result<FileRead> {
        app::imports::read_employees(garden, path)
    }

    fn start(file: FileRead, today: NaiveDate) -> Matching {
        let mapping = match_employee_headers(&file.table.headers);
        Matching {
            file,
            mapping,
            plan: Plan::empty(today),
        }
    }

    fn refresh(&self, m: &mut Matching, today: NaiveDate) {
        m.plan = build_plan(
            &m.file.table,
            &m.mapping,
            &m.file.context,
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
        app::imports::import_employees(garden, plan)
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
