//! Paramètres › « Feuilles d'émargement »: whether members' phones are printed. Off by
//! default (the sheets lie on a shop counter); saved as soon as it is ticked.

use iced::Element;
use iced::Task;
use iced::widget::{checkbox, column};

use crate::app;
use crate::ui::screen::{Action, Context};
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
    Loaded(app::Result<bool>),
    /// The tick box was clicked.
    PhonesToggled(bool),
}

impl Section {
    /// The section, starting to read the stored value.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        (
            Section::default(),
            context.perform(app::settings::show_phones, Message::Loaded),
        )
    }

    /// Handles a message; the action is the screen's to run.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(Ok(phones)) => {
                self.phones = phones;
                self.error = None;
            }
            Message::Loaded(Err(error)) => self.error = Some(error.to_string()),
            Message::PhonesToggled(on) => {
                self.phones = on;
                return Action::Run(context.perform(
                    move |garden| app::settings::set_show_phones(garden, on),
                    Message::Loaded,
                ));
            }
        }
        Action::None
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
