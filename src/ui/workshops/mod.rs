//! The Ateliers screen: workshops and their sessions, registrations, attendance and the
//! attendance sheet.

pub mod form;
mod form_view;
pub mod history;
mod list;
mod pdf;
mod session;
pub mod types;
mod update;

use chrono::NaiveDate;
use iced::widget::{column, container, row, scrollable};
use iced::{Element, Length, Task};

use super::export;
use super::screen::{Action, Context};
use super::widgets::{self, Tone};
use crate::app::{self, workshops::Lists, workshops::Refreshed};
use crate::domain::text::SearchKeys;
use crate::domain::workshops::{
    Animator, AttendanceStatus, Participant, Period, SessionId, WorkshopType,
};
use crate::store::workshops::{PersonChoice, SessionDetail, SessionSummary};
use crate::ui::rows::Scrolled;

pub use crate::app::workshops::StaffChoice;
pub use form::{ANIMATOR_ID, CAPACITY_ID, DATE_ID, END_ID, Field, START_ID, TITLE_ID};
pub use history::history_view;
pub use list::{ALL_TYPES, SEARCH_ID, filtered, unfilled_label};
pub use session::{PERSON_ID, outside_label, suggestion_label};
pub use types::NEW_TYPE_ID;

/// What the right side shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Session,
    Form,
    Types,
}

/// The Ateliers screen's state.
#[derive(Debug)]
pub struct Screen {
    /// The day the lists were read for (sessions before it are past).
    listed_on: NaiveDate,
    sessions: Vec<SessionSummary>,
    /// The search text of each of `sessions`, folded once when they were read.
    keys: SearchKeys,
    /// The sessions the filters keep, as positions in `sessions`, in the order shown.
    shown: Vec<usize>,
    /// Where the list of sessions is scrolled.
    scrolled: Scrolled,
    unfilled: Vec<SessionSummary>,
    types: Vec<WorkshopType>,
    type_options: Vec<String>,
    staff: Vec<StaffChoice>,
    people: Vec<PersonChoice>,
    search: String,
    type_filter: String,
    period: Period,
    selected: Option<SessionDetail>,
    person_query: String,
    form: form::Form,
    new_type: String,
    pane: Pane,
    message: Option<(Tone, String)>,
    busy: bool,
    exporter: export::Exporter,
}

/// Messages of the Ateliers screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The lists were read.
    Loaded(app::Result<Lists>),
    /// Something changed: fresh lists and the session to show.
    Changed(app::Result<Refreshed>),
    /// Someone was registered (the type-ahead is cleared only then).
    Registered(app::Result<Refreshed>),
    /// Search box.
    Search(String),
    /// Type filter.
    TypeFilter(String),
    /// Period filter.
    PeriodFilter(Period),
    /// A session clicked.
    Select(SessionId),
    /// Type-ahead of the registration box.
    PersonQuery(String),
    /// Enter in the registration box: the first suggestion.
    RegisterFirst,
    /// A suggestion clicked.
    Register(Participant),
    /// The typed name registered as an outside person.
    RegisterOutside,
    /// "Retirer" on a registered person.
    Unregister(i64),
    /// A status button.
    SetStatus(i64, AttendanceStatus),
    /// "Tous présents".
    MarkAll(AttendanceStatus),
    /// "Feuille d'émargement (PDF)".
    PrintSheet,
    /// The sheet was saved (`None`: dialog cancelled).
    SheetSaved(pdf::Saved),
    /// "Nouvel atelier".
    NewWorkshop,
    /// "Modifier l'atelier".
    EditWorkshop,
    /// The workshop to edit was read.
    WorkshopLoaded(
        Box<form::Form>,
        app::Result<Vec<crate::domain::workshops::Session>>,
    ),
    /// The workshop form.
    Form(form::Message),
    /// The workshop was saved: fresh lists and its next session.
    WorkshopSaved(app::Result<Refreshed>),
    /// "Types d'atelier".
    OpenTypes,
    /// The workshop types panel.
    Types(types::Message),
    /// Exporting the sessions listed (search, type, period) to CSV or Excel.
    Export(export::Message<SessionsExport>),
    /// The list of sessions was scrolled (or its room changed).
    Scrolled(Scrolled),
}

/// What the Ateliers screen exports: the sessions of its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionsExport;

impl export::Target for SessionsExport {
    fn file_stem(self) -> &'static str {
        "ateliers"
    }
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let screen = Screen {
            listed_on: today,
            sessions: Vec::new(),
            keys: SearchKeys::default(),
            shown: Vec::new(),
            scrolled: Scrolled::default(),
            unfilled: Vec::new(),
            types: Vec::new(),
            type_options: vec![ALL_TYPES.to_owned()],
            staff: Vec::new(),
            people: Vec::new(),
            search: String::new(),
            type_filter: ALL_TYPES.to_owned(),
            period: Period::Upcoming,
            selected: None,
            person_query: String::new(),
            form: form::Form::default(),
            new_type: String::new(),
            pane: Pane::Session,
            message: None,
            busy: true,
            exporter: export::Exporter::default(),
        };
        let task = context.perform(
            move |garden| app::workshops::lists(garden, today),
            Message::Loaded,
        );
        (screen, task)
    }

    fn apply_lists(&mut self, lists: Lists) {
        self.type_options = std::iter::once(ALL_TYPES.to_owned())
            .chain(lists.types.iter().map(|t| t.name.clone()))
            .collect();
        if !self.type_options.contains(&self.type_filter) {
            self.type_filter = ALL_TYPES.to_owned();
        }
        self.listed_on = lists.today;
        self.sessions = lists.sessions;
        self.sessions_read();
        self.unfilled = lists.unfilled;
        self.types = lists.types;
        self.staff = lists.staff;
        self.people = lists.people;
        self.busy = false;
    }

    /// Runs the use case `job` (given the garden, the session shown and today), its
    /// answer coming back in `done`.
    fn change(
        &mut self,
        context: &Context,
        done: fn(app::Result<Refreshed>) -> Message,
        job: impl FnOnce(&app::Garden, Option<SessionId>, NaiveDate) -> app::Result<Refreshed>
        + Send
        + 'static,
    ) -> Action<Message> {
        self.busy = true;
        let (show, today) = (self.selected_id(), context.today);
        Action::Run(context.perform(move |garden| job(garden, show, today), done))
    }

    fn selected_id(&self) -> Option<SessionId> {
        self.selected.as_ref().map(|d| d.session.id)
    }

    fn register(&mut self, participant: Participant, context: &Context) -> Action<Message> {
        let Some(session_id) = self.selected_id() else {
            return Action::None;
        };
        self.change(context, Message::Registered, move |garden, _, today| {
            app::workshops::register(garden, session_id, participant, today)
        })
    }

    fn register_first(&mut self, context: &Context) -> Action<Message> {
        let first = self.selected.as_ref().and_then(|detail| {
            session::suggestions(&self.people, detail, &self.person_query)
                .first()
                .map(|p| p.participant.clone())
        });
        match first {
            Some(participant) => self.register(participant, context),
            None if !self.person_query.trim().is_empty() => {
                let name = self.person_query.trim().to_owned();
                self.register(Participant::Outside(name), context)
            }
            None => Action::None,
        }
    }

    fn changed(&mut self, (lists, detail): Refreshed) {
        self.apply_lists(lists);
        self.message = None;
        // A type just added: its name leaves the box (kept when refused).
        let typed = self.new_type.trim().to_lowercase();
        if self.types.iter().any(|t| t.name.to_lowercase() == typed) {
            self.new_type.clear();
        }
        if detail.is_some() {
            self.selected = detail;
        }
    }

    fn registered(&mut self, (lists, detail): Refreshed) -> Action<Message> {
        self.apply_lists(lists);
        self.selected = detail;
        self.person_query.clear();
        self.message = None;
        Action::Run(iced::widget::operation::focus(PERSON_ID))
    }

    fn sheet_saved(&mut self, result: pdf::Saved) {
        self.busy = false;
        match result {
            Ok(Some(path)) => {
                self.message = Some((
                    Tone::Success,
                    format!("Feuille d'émargement enregistrée : {}", path.display()),
                ));
            }
            Ok(None) => {}
            Err(error) => self.message = Some((Tone::Error, pdf::failure(&error))),
        }
    }

    fn export(&mut self, message: export::Message<SessionsExport>) -> Action<Message> {
        let (sessions, unfilled) = (&self.sessions, &self.unfilled);
        let (search, type_filter) = (&self.search, &self.type_filter);
        let (period, today) = (self.period, self.listed_on);
        let task = self.exporter.update(message, |_| {
            let shown = filtered(sessions, search, type_filter, period, today);
            let unfilled: Vec<i64> = unfilled.iter().map(|s| s.session_id).collect();
            export::ready(crate::report::export::lists::sessions(&shown, &unfilled))
        });
        Action::Run(task.map(Message::Export))
    }

    fn fail(&mut self, error: &app::Error) {
        self.busy = false;
        self.message = Some((Tone::Error, error.to_string()));
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let right: Element<'_, Message> = match (self.pane, &self.selected) {
            (Pane::Form, _) => {
                form_view::view(&self.form, &self.types, &self.staff).map(Message::Form)
            }
            (Pane::Types, _) => types::view(&self.types, &self.new_type).map(Message::Types),
            (Pane::Session, Some(detail)) => session::view(self, detail),
            (Pane::Session, None) => widgets::muted(
                "Choisissez une séance dans la liste pour inscrire des personnes, \
                 imprimer la feuille d'émargement ou saisir les présences.",
            )
            .into(),
        };
        let mut right_column = column![].spacing(12);
        if let Some((tone, message)) = &self.message {
            right_column = right_column.push(widgets::banner(*tone, message.as_str()));
        }
        if let Some(notice) = self.exporter.notice() {
            right_column = right_column.push(notice.map(Message::Export));
        }
        right_column = right_column.push(right);
        column![
            widgets::page_title("Ateliers", None),
            row![
                list::view(self),
                scrollable(container(right_column).padding(iced::Padding::ZERO.right(14)))
                    .height(Length::Fill)
                    .width(Length::Fill),
            ]
            .spacing(20)
            .height(Length::Fill),
        ]
        .spacing(14)
        .padding(20)
        .into()
    }
}

impl Screen {
    fn animator_label(&self, animator: &Animator) -> String {
        animator
            .staff_id
            .and_then(|id| self.staff.iter().find(|s| s.id == id))
            .map_or_else(|| animator.name.clone(), |s| s.name.clone())
    }
}
