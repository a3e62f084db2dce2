//! The Ateliers screen: workshops and their sessions, registrations, attendance and the
//! attendance sheet.

mod edit;
mod form;
pub mod history;
mod list;
mod pdf;
mod session;
mod types;

use crate::ui::screen::{self, Context};
use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::{column, container, row, scrollable};
use iced::{Element, Length, Task};

use super::export;
use super::widgets::{self, Tone};
use crate::app::Garden;
use crate::domain::workshops::{
    Animator, AttendanceStatus, Participant, Period, SessionId, WorkshopType,
};
use crate::store::workshops::{self as store, PersonChoice, SessionDetail, SessionSummary};
use crate::store::{Connection, StoreError};

pub use form::{ANIMATOR_ID, CAPACITY_ID, DATE_ID, END_ID, Field, START_ID, TITLE_ID};
pub use history::history_view;
pub use list::{ALL_TYPES, SEARCH_ID, filtered, unfilled_label};
pub use session::{PERSON_ID, outside_label, suggestion_label};
pub use types::NEW_TYPE_ID;

/// A staff member one may pick as animator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffChoice {
    /// Staff id.
    pub id: i64,
    /// "MARTIN Paul".
    pub name: String,
}

impl std::fmt::Display for StaffChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// Everything the screen lists, read in one go.
#[derive(Debug, Clone)]
pub struct Lists {
    sessions: Vec<SessionSummary>,
    unfilled: Vec<SessionSummary>,
    types: Vec<WorkshopType>,
    staff: Vec<StaffChoice>,
    people: Vec<PersonChoice>,
}

fn load_lists(conn: &Connection, today: NaiveDate) -> Result<Lists, StoreError> {
    let staff = crate::store::employees::list_staff(conn)?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| StaffChoice {
            id: s.id,
            name: s.display_name(),
        })
        .collect();
    Ok(Lists {
        sessions: store::list_sessions(conn, None, None)?,
        unfilled: store::unfilled_sessions(conn, today)?,
        types: store::list_workshop_types(conn)?,
        staff,
        people: store::registrable_people(conn)?,
    })
}

/// Fresh lists and the session to show, after a change.
pub type Refreshed = Result<(Lists, Option<SessionDetail>), StoreError>;

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
    db: Garden,
    today: NaiveDate,
    sessions: Vec<SessionSummary>,
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
    Loaded(Result<Lists, StoreError>),
    /// Something changed: fresh lists and the session to show.
    Changed(Refreshed),
    /// Someone was registered (the type-ahead is cleared only then).
    Registered(Refreshed),
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
    SheetSaved(Result<Option<PathBuf>, String>),
    /// "Nouvel atelier".
    NewWorkshop,
    /// "Modifier l'atelier".
    EditWorkshop,
    /// The workshop to edit was read.
    WorkshopLoaded(Result<form::Form, StoreError>),
    /// A form field typed.
    FormInput(Field, String),
    /// The type chosen in the form.
    FormType(WorkshopType),
    /// A staff member picked as animator.
    AddStaffAnimator(StaffChoice),
    /// The typed animator added.
    AddAnimatorName,
    /// An animator removed.
    RemoveAnimator(usize),
    /// "Ajouter la séance".
    AddSession,
    /// A session not saved yet removed.
    RemoveNewSession(usize),
    /// A saved session to delete on save.
    RemoveSavedSession(SessionId),
    /// "Enregistrer".
    SaveWorkshop,
    /// The workshop was saved: fresh lists and its next session.
    WorkshopSaved(Refreshed),
    /// "Annuler".
    CloseForm,
    /// "Types d'atelier".
    OpenTypes,
    /// The new type's name typed.
    NewTypeName(String),
    /// "Ajouter" a type.
    AddType,
    /// "Supprimer" a type.
    DeleteType(i64),
    /// Exporting the sessions listed (search, type, period) to CSV or Excel.
    Export(export::Message<SessionsExport>),
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
        let (db, today) = (&context.garden, context.today);
        let screen = Screen {
            db: db.clone(),
            today,
            sessions: Vec::new(),
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
        let task = Task::perform(
            db.call(move |conn| load_lists(conn, today)),
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
        self.sessions = lists.sessions;
        self.unfilled = lists.unfilled;
        self.types = lists.types;
        self.staff = lists.staff;
        self.people = lists.people;
        self.busy = false;
    }

    /// Runs `work`, then reloads the lists and the session `show` (if any).
    fn change(
        &mut self,
        show: Option<SessionId>,
        done: fn(Refreshed) -> Message,
        work: impl FnOnce(&Connection) -> Result<(), StoreError> + Send + 'static,
    ) -> Task<Message> {
        self.busy = true;
        let today = self.today;
        Task::perform(
            self.db.write(move |conn| {
                work(conn)?;
                let detail = show.map(|id| store::session_detail(conn, id)).transpose()?;
                Ok((load_lists(conn, today)?, detail))
            }),
            done,
        )
    }

    fn selected_id(&self) -> Option<SessionId> {
        self.selected.as_ref().map(|d| d.session.id)
    }

    fn register(&mut self, participant: Participant) -> Task<Message> {
        let Some(session_id) = self.selected_id() else {
            return Task::none();
        };
        self.change(Some(session_id), Message::Registered, move |conn| {
            store::insert_attendance(
                conn,
                &crate::domain::workshops::Attendance {
                    id: 0,
                    session_id,
                    participant,
                    status: AttendanceStatus::Expected,
                },
            )
            .map(|_| ())
        })
    }

    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loaded(Ok(lists)) => self.apply_lists(lists),
            Message::Loaded(Err(error)) => self.fail(&error),
            Message::Changed(Ok((lists, detail))) => {
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
            Message::Changed(Err(error)) | Message::Registered(Err(error)) => self.fail(&error),
            Message::WorkshopSaved(Ok((lists, detail))) => {
                self.apply_lists(lists);
                self.selected = detail;
                self.pane = Pane::Session;
                self.message = Some((Tone::Success, "Atelier enregistré.".to_owned()));
            }
            Message::WorkshopSaved(Err(error)) => {
                // The form stays open with what was typed.
                self.busy = false;
                self.form.form_error = Some(error.to_string());
            }
            Message::Registered(Ok((lists, detail))) => {
                self.apply_lists(lists);
                self.selected = detail;
                self.person_query.clear();
                self.message = None;
                return iced::widget::operation::focus(PERSON_ID);
            }
            Message::Search(text) => self.search = text,
            Message::TypeFilter(name) => self.type_filter = name,
            Message::PeriodFilter(period) => self.period = period,
            Message::Select(id) => {
                self.pane = Pane::Session;
                self.message = None;
                self.person_query.clear();
                return self.change(Some(id), Message::Changed, |_| Ok(()));
            }
            Message::PersonQuery(text) => self.person_query = text,
            Message::RegisterFirst => {
                let first = self.selected.as_ref().and_then(|detail| {
                    session::suggestions(&self.people, detail, &self.person_query)
                        .first()
                        .map(|p| p.participant.clone())
                });
                return match first {
                    Some(participant) => self.register(participant),
                    None if !self.person_query.trim().is_empty() => {
                        self.register(Participant::Outside(self.person_query.trim().to_owned()))
                    }
                    None => Task::none(),
                };
            }
            Message::Register(participant) => return self.register(participant),
            Message::RegisterOutside => {
                let name = self.person_query.trim().to_owned();
                return self.register(Participant::Outside(name));
            }
            Message::Unregister(id) => {
                return self.change(self.selected_id(), Message::Changed, move |conn| {
                    store::delete_attendance(conn, id)
                });
            }
            Message::SetStatus(id, status) => {
                return self.change(self.selected_id(), Message::Changed, move |conn| {
                    store::set_attendance_status(conn, id, status)
                });
            }
            Message::MarkAll(status) => {
                let Some(session_id) = self.selected_id() else {
                    return Task::none();
                };
                return self.change(Some(session_id), Message::Changed, move |conn| {
                    store::mark_all(conn, session_id, status).map(|_| ())
                });
            }
            Message::PrintSheet => {
                let Some(session_id) = self.selected_id() else {
                    return Task::none();
                };
                self.busy = true;
                return pdf::save_sheet(&self.db, session_id, self.today);
            }
            Message::SheetSaved(result) => {
                self.busy = false;
                match result {
                    Ok(Some(path)) => {
                        self.message = Some((
                            Tone::Success,
                            format!("Feuille d'émargement enregistrée : {}", path.display()),
                        ));
                    }
                    Ok(None) => {}
                    Err(error) => self.message = Some((Tone::Error, error)),
                }
            }
            Message::Export(message) => {
                let (sessions, unfilled) = (&self.sessions, &self.unfilled);
                let (search, type_filter) = (&self.search, &self.type_filter);
                let (period, today) = (self.period, self.today);
                return self
                    .exporter
                    .update(message, |_| {
                        let shown = filtered(sessions, search, type_filter, period, today);
                        let unfilled: Vec<i64> = unfilled.iter().map(|s| s.session_id).collect();
                        export::ready(crate::report::export::lists::sessions(&shown, &unfilled))
                    })
                    .map(Message::Export);
            }
            other => return self.update_form(other),
        }
        Task::none()
    }

    fn fail(&mut self, error: &StoreError) {
        self.busy = false;
        self.message = Some((Tone::Error, error.to_string()));
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let right: Element<'_, Message> = match (self.pane, &self.selected) {
            (Pane::Form, _) => form::view(&self.form, &self.types, &self.staff),
            (Pane::Types, _) => types::view(self),
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

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        screen::Action::Run(self.handle(message))
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
