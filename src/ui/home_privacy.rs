//! Accueil › « Protection des données »: once a year, when people are past their retention,
//! says how many and leads to Paramètres › Protection des données; « Me le rappeler dans un
//! an » puts it off (`app::privacy::retention::reminder`).

use iced::widget::{Column, row};
use iced::{Element, Task};

use super::screen::{Action, Context, Request};
use super::section::Section;
use super::widgets;
use crate::app::{self, privacy::retention};
use crate::domain::wording::counted;

/// The card's state: how many people are due, once read (`None`: nothing to remind).
#[derive(Debug, Default)]
pub struct PrivacyCard {
    due: Option<app::Result<Option<usize>>>,
}

/// Messages of the card.
#[derive(Debug, Clone)]
pub enum Message {
    /// The reminder was read.
    Loaded(app::Result<Option<usize>>),
    /// « Voir la liste ».
    OpenSettings,
    /// « Me le rappeler dans un an ».
    PutOff,
    /// The reminder was put off.
    PutOffDone(app::Result<()>),
}

impl PrivacyCard {
    /// The card, starting to read whether to remind.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let task = context.perform(move |g| retention::reminder(g, today), Message::Loaded);
        (PrivacyCard::default(), task)
    }

    /// Handles a message; the action is the home screen's to run.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(result) => self.due = Some(result),
            Message::OpenSettings => return Request::Navigate(Section::Settings).into(),
            Message::PutOff => {
                let today = context.today;
                return Action::Run(context.perform(
                    move |g| retention::put_off_reminder(g, today),
                    Message::PutOffDone,
                ));
            }
            Message::PutOffDone(Ok(())) => self.due = Some(Ok(None)),
            Message::PutOffDone(Err(error)) => self.due = Some(Err(error)),
        }
        Action::None
    }

    /// The card, or nothing when there is nothing to remind.
    pub fn view(&self) -> Option<Element<'_, Message>> {
        let due = match self.due.as_ref()? {
            Ok(None) => return None,
            Ok(Some(due)) => *due,
            Err(error) => return Some(widgets::banner(widgets::Tone::Error, error.to_string())),
        };
        let body = Column::new()
            .spacing(8)
            .push(widgets::muted(format!(
                "{} {} dépassé la durée de conservation de leur dossier (salariés, adhérents, \
                 participants aux ateliers). Le RGPD demande de ne pas garder ces données plus \
                 longtemps que nécessaire : anonymisez-les, les bilans restent identiques.",
                counted(due, "personne", "personnes"),
                if due > 1 { "ont" } else { "a" }
            )))
            .push(
                row![
                    widgets::secondary("Voir la liste", Some(Message::OpenSettings)),
                    widgets::secondary("Me le rappeler dans un an", Some(Message::PutOff)),
                ]
                .spacing(10),
            );
        Some(widgets::card("Protection des données", body))
    }
}
