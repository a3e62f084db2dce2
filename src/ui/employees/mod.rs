//! The Salariés screen: the list of people on an insertion path (search, filters, sorting,
//! alerts) and each person's whole file, in tabs, editable without leaving the screen.
//!
//! A tree of components: the [`list`], and the [`file`] of one person whose tabs are each a
//! component of [`tabs`]. Each has its own `Message`, `update`, `view`, and an `Event` it
//! hands back to its parent; every database access is a use case of `app::employees`.

pub mod fields;
pub mod file;
pub mod list;
pub mod tabs;

use iced::widget::operation;
use iced::{Element, Task};

use crate::app::{self, employees::Choices};
use crate::domain::employees::{Staff, Theme};
use crate::store::employees::EmployeeFile;
use crate::ui::import::ImportKind;
use crate::ui::screen::{self, Action, Context, Request};
use crate::ui::widgets::Tone;

pub use fields::F;
pub use file::Tab;
pub use list::ListExport;
pub use tabs::fse::Question;
pub use tabs::identity::{EducationChoice, Flag};
pub use tabs::{contracts, exit, followups, fse, hours, identity, pass, trainings};

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

/// What the file's pick lists offer: staff (and the active ones as choices), themes.
#[derive(Debug, Clone, Default)]
pub struct Picks {
    /// Every staff member, to name who led a follow-up.
    pub staff: Vec<Staff>,
    /// "Aucun", then the active staff.
    pub staff_choices: Vec<StaffChoice>,
    /// Follow-up themes.
    pub themes: Vec<Theme>,
}

impl From<Choices> for Picks {
    fn from(choices: Choices) -> Self {
        let none = StaffChoice {
            id: None,
            name: "Aucun".into(),
        };
        let active = choices
            .staff
            .iter()
            .filter(|s| s.active)
            .map(|s| StaffChoice {
                id: Some(s.id),
                name: s.display_name(),
            });
        Picks {
            staff_choices: std::iter::once(none).chain(active).collect(),
            staff: choices.staff,
            themes: choices.themes,
        }
    }
}

/// Messages of the Salariés screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The list.
    List(list::Message),
    /// The open file.
    File(file::Message),
    /// Staff and themes were read.
    Choices(app::Result<Choices>),
    /// A person's file was read.
    Opened(app::Result<Box<EmployeeFile>>),
}

/// The Salariés screen's state.
#[derive(Debug)]
pub struct Screen {
    list: list::List,
    picks: Picks,
    open: Option<Box<file::File>>,
}

impl Screen {
    /// The list of people.
    pub fn list(&self) -> &list::List {
        &self.list
    }

    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let screen = Screen {
            list: list::List::default(),
            picks: Picks::default(),
            open: None,
        };
        let task = Task::batch([
            screen.list.load(context).map(Message::List),
            context.perform(app::employees::choices, Message::Choices),
            operation::focus(SEARCH_ID),
        ]);
        (screen, task)
    }

    /// Back to the list, read again, with `notice` above it.
    fn back_to_list(&mut self, notice: Option<(Tone, String)>, context: &Context) -> Task<Message> {
        self.open = None;
        self.list.set_notice(notice);
        Task::batch([
            self.list.load(context).map(Message::List),
            operation::focus(SEARCH_ID),
        ])
    }

    fn list_event(&mut self, event: list::Event, context: &Context) -> Action<Message> {
        match event {
            list::Event::Open(id) => {
                self.list.set_notice(None);
                let task = context.perform(
                    move |g| app::employees::file(g, id).map(Box::new),
                    Message::Opened,
                );
                Action::Run(task)
            }
            list::Event::NewPerson => {
                self.list.set_notice(None);
                self.open = Some(Box::new(file::File::new_person(context.today)));
                Action::Run(operation::focus(F::LastName.id()))
            }
            list::Event::Import => Request::OpenImport(ImportKind::Employees).into(),
        }
    }

    fn file_event(&mut self, event: file::Event, context: &Context) -> Task<Message> {
        match event {
            file::Event::Back => self.back_to_list(None, context),
            file::Event::Deleted(name) => {
                let notice = (Tone::Success, format!("Fiche de {name} supprimée."));
                self.back_to_list(Some(notice), context)
            }
            file::Event::Choices(choices) => {
                self.picks = choices.into();
                Task::none()
            }
        }
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::List(message) => {
                let (task, event) = self.list.update(message, context);
                match event {
                    Some(event) => self.list_event(event, context),
                    None => Action::Run(task.map(Message::List)),
                }
            }
            Message::File(message) => {
                let Some(open) = self.open.as_mut() else {
                    return Action::None;
                };
                let (task, event) = open.update(message, context);
                let task = task.map(Message::File);
                match event {
                    Some(event) => {
                        Action::Run(Task::batch([task, self.file_event(event, context)]))
                    }
                    None => Action::Run(task),
                }
            }
            Message::Choices(Ok(choices)) => {
                self.picks = choices.into();
                Action::None
            }
            Message::Opened(Ok(file)) => {
                self.open = Some(Box::new(file::File::open(*file, context.today)));
                Action::None
            }
            Message::Choices(Err(error)) | Message::Opened(Err(error)) => {
                self.list.set_notice(Some((Tone::Error, error.to_string())));
                Action::None
            }
        }
    }

    fn view(&self) -> Element<'_, Message> {
        match &self.open {
            Some(open) => open.view(&self.picks).map(Message::File),
            None => self.list.view().map(Message::List),
        }
    }
}
