//! The Salariés screen: the list of people on an insertion path (search, filters, sorting,
//! alerts) and each person's whole file, in tabs, editable without leaving the screen.

mod contracts;
mod exit;
mod fields;
mod file;
mod followups;
mod form;
mod hours;
mod identity;
mod list;
mod pass;
mod path_list;
mod trainings;
mod update;

use crate::ui::screen::{self, Context};
use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use super::export;
use super::widgets::Tone;
use crate::app::Garden;
use crate::domain::employees::{
    ApprovalChangeKind, Civility, Criterion, EducationLevel, EmployeeRow, ExitCategory,
    ExitOutcome, ExitResult, FseStage, Gender, ImmersionObjective, LabourStatus, PrescriberKind,
    SensitiveAnswer, SixMonthResult, SortColumn, Staff, StatusFilter, Theme,
};
use crate::store::StoreError;
use crate::store::employees::{DeletionSummary, EmployeeFile};

pub use fields::{F, Part};
pub use file::Tab;
use form::FileForm;

/// The id of the list's search box.
pub const SEARCH_ID: &str = "salaries-recherche";

/// A staff member in a pick list ("Aucun" when `id` is `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffChoice {
    /// The staff member.
    pub id: Option<i64>,
    /// "Prénom NOM".
    pub name: String,
}

impl std::fmt::Display for StaffChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// An education level shown with its ASP code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EducationChoice(pub EducationLevel);

impl std::fmt::Display for EducationChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} — {}", self.0.code(), self.0.label())
    }
}

/// The yes / no boxes of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// RSA.
    Rsa,
    /// ASS.
    Ass,
    /// AAH.
    Aah,
    /// RQTH.
    Rqth,
    /// QPV.
    Qpv,
    /// ZRR.
    Zrr,
    /// Under a court measure.
    Court,
    /// A qualifying training.
    Qualifying,
}

/// The sensitive FSE+ questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Disability.
    Disability,
    /// Foreign background.
    Foreign,
    /// Minority.
    Minority,
    /// Homelessness.
    Homeless,
}

/// Messages of the Salariés screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The list rows were read.
    Rows(Result<Vec<EmployeeRow>, StoreError>),
    /// Staff and themes were read.
    Choices(Result<(Vec<Staff>, Vec<Theme>), StoreError>),
    /// The search box changed.
    Search(String),
    /// "En parcours" / "Sortis" / "Tous".
    Filter(StatusFilter),
    /// A column header was clicked.
    Sort(SortColumn),
    /// Opens a person's file.
    Open(i64),
    /// "Nouveau salarié".
    NewPerson,
    /// Back to the list.
    Back,
    /// A person's file was read.
    FileLoaded(Result<EmployeeFile, StoreError>),
    /// A tab of the file.
    Tab(Tab),
    /// A text field changed.
    Edit(F, String),
    /// Enter in a field, or a "Enregistrer" button.
    Submit(Part),
    Civility(Civility),
    Gender(Gender),
    Referent(StaffChoice),
    Prescriber(PrescriberKind),
    Education(EducationChoice),
    Flag(Flag, bool),
    Criterion(Criterion, bool),
    ChangeKind(ApprovalChangeKind),
    RemoveChange(usize),
    EditContract(i64),
    RenewContract(i64),
    NewContract,
    DeleteContract(i64),
    FollowUpStaff(StaffChoice),
    Theme(String, bool),
    EditFollowUp(i64),
    NewFollowUp,
    DeleteFollowUp(i64),
    EditTraining(i64),
    NewTraining,
    DeleteTraining(i64),
    Objective(ImmersionObjective),
    EditImmersion(i64),
    NewImmersion,
    DeleteImmersion(i64),
    ExitOutcome(ExitOutcome),
    ExitCategory(ExitCategory),
    DeleteExit,
    FseStage(FseStage),
    Labour(LabourStatus),
    Sensitive(Question, SensitiveAnswer),
    ExitResult(ExitResult),
    SixMonth(SixMonthResult),
    /// The year shown on the Heures (paie) tab.
    HoursYear(i32),
    /// "Importer un export de paie…": asks for the file.
    ImportPayroll,
    /// The payroll file chosen (`None`: the dialog was cancelled).
    PayrollFileChosen(Option<PathBuf>),
    /// A part of the file was written; the file as read again, and what to say.
    Saved(Result<(EmployeeFile, String), StoreError>),
    /// "Supprimer la fiche…": counts what goes with it first.
    AskDelete,
    DeleteSummary(Result<DeletionSummary, StoreError>),
    CancelDelete,
    ConfirmDelete,
    Deleted(Result<String, StoreError>),
    /// "Fiche parcours (PDF)".
    Pdf,
    /// The PDF was written (or the dialog cancelled: `None`).
    PdfSaved(Result<Option<PathBuf>, String>),
    /// Exporting the list as shown (search, filter, sort) to CSV or Excel.
    Export(export::Message<ListExport>),
    /// "Importer…": the app opens the les emplois import.
    OpenImport,
}

/// What the Salariés screen exports: its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListExport;

impl export::Target for ListExport {
    fn file_stem(self) -> &'static str {
        "salaries"
    }
}

/// A person's file on screen.
#[derive(Debug)]
pub struct OpenFile {
    form: FileForm,
    tab: Tab,
    notice: Option<(Tone, String)>,
    confirm_delete: Option<DeletionSummary>,
}

/// The Salariés screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Garden,
    today: NaiveDate,
    rows: Vec<EmployeeRow>,
    visible: Vec<usize>,
    query: String,
    filter: StatusFilter,
    sort: SortColumn,
    descending: bool,
    staff: Vec<Staff>,
    staff_choices: Vec<StaffChoice>,
    themes: Vec<Theme>,
    loading: bool,
    list_notice: Option<(Tone, String)>,
    open: Option<OpenFile>,
    exporter: export::Exporter,
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let (db, today) = (&context.garden, context.today);
        let screen = Screen {
            db: db.clone(),
            today,
            rows: Vec::new(),
            visible: Vec::new(),
            query: String::new(),
            filter: StatusFilter::InPath,
            sort: SortColumn::LastName,
            descending: false,
            staff: Vec::new(),
            staff_choices: Vec::new(),
            themes: Vec::new(),
            loading: true,
            list_notice: None,
            open: None,
            exporter: export::Exporter::default(),
        };
        let task = Task::batch([
            screen.load_rows(),
            Task::perform(
                db.call(|conn| crate::store::employees::file_choices(conn)),
                Message::Choices,
            ),
            iced::widget::operation::focus(SEARCH_ID),
        ]);
        (screen, task)
    }

    fn load_rows(&self) -> Task<Message> {
        let today = self.today;
        Task::perform(
            self.db
                .call(move |conn| crate::store::employees::list_employee_rows(conn, today)),
            Message::Rows,
        )
    }

    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        update::update(self, message)
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        match &self.open {
            Some(open) => file::view(self, open),
            None => list::view(self),
        }
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        match message {
            Message::OpenImport => {
                screen::Request::OpenImport(crate::ui::import::ImportKind::Employees).into()
            }
            message => screen::Action::Run(self.handle(message)),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
