//! Paramètres › « Feuilles d'émargement »: whether members' phones are printed. Off by
//! default (the sheets lie on a shop counter); saved as soon as it is ticked.

use iced::Element;
use iced::Task;
use iced::widget::{checkbox, column};

use crate::app::Garden;
use crate::store::StoreError;
use crate::store::settings;
use crate::store::sheets::SHOW_PHONES_KEY;
use crate::ui::widgets::{self, Tone};

/// The section's state.
#[derive(Debug, Clone, Default)]
pub struct Section {
    phones: bool,
    error: Option<String>,
}

/// Messages of the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored value was read (or written).
    Loaded(Result<bool, StoreError>),
    /// The tick box was clicked.
    PhonesToggled(bool),
}

fn read(conn: &crate::store::Connection) -> Result<bool, StoreError> {
    Ok(settings::get(conn, SHOW_PHONES_KEY)?.as_deref() == Some("1"))
}

impl Section {
    /// The section, starting to read the stored value.
    pub fn new(db: &Garden) -> (Self, Task<Message>) {
        (
            Section::default(),
            Task::perform(db.call(|conn| read(conn)), Message::Loaded),
        )
    }

    /// Handles a message; the returned task is to be run by the screen.
    pub fn update(&mut self, message: Message, db: &Garden) -> Task<Message> {
        match message {
            Message::Loaded(Ok(phones)) => {
                self.phones = phones;
                self.error = None;
            }
            Message::Loaded(Err(error)) => self.error = Some(error.to_string()),
            Message::PhonesToggled(on) => {
                self.phones = on;
                let value = if on { "1" } else { "0" };
                return Task::perform(
                    db.write(move |conn| {
                        settings::set(conn, SHOW_PHONES_KEY, value)?;
                        read(conn)
                    }),
                    Message::Loaded,
                );
            }
        }
        Task::none()
    }

    /// The card's content.
    pub fn view(&self) -> Element<'_, Message> {
        let mut c = column![
            checkbox(self.phones)
                .label("Imprimer les téléphones des adhérents sur les feuilles d'émargement")
                .on_toggle(Message::PhonesToggled),
            widgets::muted(
                "Décoché par défaut : les feuilles restent posées sur un comptoir. Les adresses \
                 des adhérents ne sont jamais imprimées.",
            ),
        ]
        .spacing(6);
        if let Some(error) = &self.error {
            c = c.push(widgets::banner(Tone::Error, error.clone()));
        }
        c.into()
    }
}
