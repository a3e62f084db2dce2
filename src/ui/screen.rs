//! The one contract every screen keeps with the window (`ui::shell`).
//!
//! A screen is a struct with its own `Message`. It is built by `new(&Context) -> (Self,
//! Task<Message>)`, the task loading what it shows, and implements [`Screen`]: `update` takes
//! a message and the shared [`Context`] and answers an [`Action`]: nothing, a task to run, or a
//! [`Request`] to the window (go to a section, show a notice, open an import…). The window
//! never reads a screen's messages; a screen never holds the database or the date itself.

use std::fmt::Debug;
use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use crate::app::Garden;
use crate::store::settings::GardenIdentity;
use crate::ui::import::ImportKind;
use crate::ui::section::Section;
use crate::ui::widgets::Tone;

/// What every screen shares: the open garden and today's date, read from one clock that the
/// window refreshes when the day changes (an office that leaves Binette open overnight sees
/// the new week in the morning).
#[derive(Debug, Clone)]
pub struct Context {
    /// The open garden, handed to use cases (`crate::app`).
    pub garden: Garden,
    /// Today, as the window's clock last read it.
    pub today: NaiveDate,
}

impl Context {
    /// The context of `garden` on `today`.
    pub fn new(garden: Garden, today: NaiveDate) -> Self {
        Context { garden, today }
    }

    /// A task running `job` (a use case given the garden) off the UI thread, its answer
    /// wrapped in `done`.
    pub fn perform<T: Send + 'static, M: Send + 'static>(
        &self,
        job: impl FnOnce(&Garden) -> T + Send + 'static,
        done: impl FnOnce(T) -> M + Send + 'static,
    ) -> Task<M> {
        Task::perform(self.garden.run(job), done)
    }
}

/// What a screen asks of the window after a message.
#[must_use]
pub enum Action<M> {
    /// Nothing more.
    None,
    /// Run this task; its messages come back to the screen.
    Run(Task<M>),
    /// Something only the window can do.
    Request(Request),
}

impl<M> Action<M> {
    /// The same action for a parent whose message wraps `M` in `wrap`.
    pub fn map<N: Send + 'static>(self, wrap: impl Fn(M) -> N + Send + 'static) -> Action<N>
    where
        M: Send + 'static,
    {
        match self {
            Action::None => Action::None,
            Action::Run(task) => Action::Run(task.map(wrap)),
            Action::Request(request) => Action::Request(request),
        }
    }
}

impl<M> Action<M> {
    /// The request made, if the action is one.
    pub fn request(self) -> Option<Request> {
        match self {
            Action::Request(request) => Some(request),
            Action::None | Action::Run(_) => None,
        }
    }

    /// True when the action asks for nothing at all.
    pub fn is_none(&self) -> bool {
        matches!(self, Action::None)
    }
}

impl<M> From<Task<M>> for Action<M> {
    fn from(task: Task<M>) -> Self {
        Action::Run(task)
    }
}

impl<M> From<Request> for Action<M> {
    fn from(request: Request) -> Self {
        Action::Request(request)
    }
}

/// The requests a screen can make of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Show this section (its screen opened afresh).
    Navigate(Section),
    /// Open this import screen (refused with a notice when the garden is read-only).
    OpenImport(ImportKind),
    /// Show this notice above the screen.
    Notice(Tone, String),
    /// The garden's identity changed (window title, documents).
    IdentityChanged(GardenIdentity),
    /// A backup replaced the garden: its identity, and whether it is now the demonstration.
    Restored {
        /// The restored garden's identity.
        identity: GardenIdentity,
        /// True when the restored garden is the demonstration.
        demo: bool,
    },
    /// Welcome screen: create an empty garden with this name.
    CreateGarden(String),
    /// Welcome screen: open (creating it if needed) the demonstration garden.
    OpenDemo,
    /// Refusal page: open this file.
    Open(PathBuf),
    /// Refusal page: open this file read-only.
    OpenReadOnly(PathBuf),
}

/// A screen: its messages, how it changes, and what it shows.
pub trait Screen {
    /// The screen's own messages.
    type Message: Debug + Clone + Send + 'static;

    /// Handles `message` with what the screens share, and says what the window should do.
    fn update(&mut self, message: Self::Message, context: &Context) -> Action<Self::Message>;

    /// What the screen shows.
    fn view(&self) -> Element<'_, Self::Message>;
}
