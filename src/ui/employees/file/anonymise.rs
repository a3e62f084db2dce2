//! « Anonymiser… » on a person's file: asks where their retention stands, warns
//! while a legal retention still applies or a path is running, says what is erased and what
//! is kept, then anonymises (after a backup) and hands the file as read again to the file.

use iced::widget::{column, row, text};
use iced::{Element, Task};

use crate::app::privacy::anonymise::{BACKUP, ERASED, KEPT};
use crate::app::privacy::retention::{Standing, standing};
use crate::app::{self, employees, privacy};
use crate::domain::privacy::Person;
use crate::store::employees::EmployeeFile;
use crate::ui::screen::Context;
use crate::ui::widgets::{self, Tone};

/// The button's state: the question, once asked.
#[derive(Debug, Default)]
pub struct Anonymise {
    asking: Option<Standing>,
    busy: bool,
}

/// Messages of the button and its question.
#[derive(Debug, Clone)]
pub enum Message {
    /// « Anonymiser… ».
    Ask,
    /// Where the retention stands.
    Standing(app::Result<Standing>),
    /// « Annuler ».
    Cancel,
    /// « Oui, anonymiser ».
    Confirm,
    /// Anonymised: the file as read again.
    Done(app::Result<Box<(EmployeeFile, String)>>),
}

/// What the file does next.
pub enum Event {
    /// Nothing.
    None,
    /// Run this task (its messages come back here).
    Run(Task<Message>),
    /// The file as read again and what to say, or why it failed: handled as a save.
    Saved(app::Result<Box<(EmployeeFile, String)>>),
}

impl Anonymise {
    /// Handles a message for the person `id`.
    pub fn update(&mut self, message: Message, id: i64, context: &Context) -> Event {
        match message {
            Message::Ask => {
                self.busy = true;
                let today = context.today;
                Event::Run(context.perform(
                    move |g| standing(g, &Person::Employee(id), today),
                    Message::Standing,
                ))
            }
            Message::Standing(result) => {
                self.busy = false;
                match result {
                    Ok(s) => {
                        self.asking = Some(s);
                        Event::None
                    }
                    Err(error) => Event::Saved(Err(error)),
                }
            }
            Message::Cancel => {
                self.asking = None;
                Event::None
            }
            Message::Confirm => {
                self.asking = None;
                self.busy = true;
                let today = context.today;
                Event::Run(context.perform(
                    move |g| {
                        privacy::anonymise_employee(g, id, today)?;
                        let file = employees::file(g, id)?;
                        Ok(Box::new((file, done_sentence(id))))
                    },
                    Message::Done,
                ))
            }
            Message::Done(result) => {
                self.busy = false;
                Event::Saved(result)
            }
        }
    }

    /// The header's button (disabled for a file anonymised already, or while working).
    pub fn button(&self, anonymised: bool) -> Element<'_, Message> {
        let enabled = !anonymised && !self.busy && self.asking.is_none();
        widgets::secondary("Anonymiser…", enabled.then_some(Message::Ask))
    }

    /// The question, while asked.
    pub fn question(&self) -> Option<Element<'_, Message>> {
        let standing = self.asking.as_ref()?;
        let (tone, warning) = warning(standing);
        Some(
            column![
                widgets::banner(tone, format!("{warning}{BACKUP}")),
                text(ERASED).size(14),
                text(KEPT).size(14),
                row![
                    widgets::action("Oui, anonymiser", Some(Message::Confirm)),
                    widgets::secondary("Annuler", Some(Message::Cancel)),
                ]
                .spacing(10),
            ]
            .spacing(8)
            .into(),
        )
    }
}

/// The warning that opens the question, by where the retention stands.
fn warning(standing: &Standing) -> (Tone, String) {
    crate::ui::privacy::anonymise_warning(
        standing,
        "cette personne est encore en parcours ou sous contrat. Son dossier doit être gardé \
         pendant tout le parcours, puis pendant la durée de conservation (Paramètres › \
         Protection des données).",
    )
}

/// What the file says once done.
fn done_sentence(id: i64) -> String {
    format!(
        "Dossier anonymisé : la personne est désormais « Personne anonymisée n° {id} ». Une \
         sauvegarde a été faite juste avant."
    )
}
