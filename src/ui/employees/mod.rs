//! The Salariés screen.

use chrono::NaiveDate;
use iced::{Element, Task};

use super::db::Db;
use super::section::{self, Section};

/// The Salariés screen's state.
#[derive(Debug)]
pub struct Screen {
    _db: Db,
}

/// Messages of the Salariés screen.
#[derive(Debug, Clone)]
pub enum Message {}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(db: &Db, _today: NaiveDate) -> (Self, Task<Message>) {
        (Screen { _db: db.clone() }, Task::none())
    }

    /// Handles a message; the returned task is run by the application.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {}
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        section::coming_soon(Section::Employees)
    }
}
