//! First start: no database yet. Offer an empty garden or the demonstration garden.

use iced::widget::{button, column, container, text, text_input};
use iced::{Alignment, Element, Length};

use super::screen::{Action, Request};
use super::theme::{self, BOLD};
use super::widgets::{self, Tone};

/// Id of the garden-name field (tests click it before typing).
pub const GARDEN_NAME_ID: &str = "welcome-garden-name";

/// The welcome screen's state.
#[derive(Debug, Default)]
pub struct Welcome {
    garden_name: String,
    error: Option<String>,
    busy: bool,
}

/// What the user does on the welcome screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The garden name field changed.
    GardenNameChanged(String),
    /// "Commencer avec un jardin vide".
    StartEmpty,
    /// "Découvrir avec un jardin de démonstration".
    StartDemo,
}

impl Welcome {
    /// Shows an error (e.g. the file could not be created) and re-enables the buttons.
    pub fn failed(&mut self, message: String) {
        self.error = Some(message);
        self.busy = false;
    }

    /// Handles a message (the welcome page has no garden yet, so no context).
    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::GardenNameChanged(name) => {
                self.garden_name = name;
                self.error = None;
                Action::None
            }
            Message::StartEmpty => {
                let name = self.garden_name.trim();
                if name.is_empty() {
                    self.error = Some("Indiquez le nom de votre jardin pour commencer.".into());
                    return Action::None;
                }
                self.busy = true;
                Request::CreateGarden(name.to_string()).into()
            }
            Message::StartDemo => {
                self.busy = true;
                Request::OpenDemo.into()
            }
        }
    }

    /// The welcome page.
    pub fn view(&self) -> Element<'_, Message> {
        let enabled = |message: Message| (!self.busy).then_some(message);
        let mut empty = column![
            widgets::muted("Pour saisir les données de votre jardin. Vous pourrez les importer ou les saisir au fil de l'eau."),
            text("Nom du jardin").size(14).color(theme::MUTED),
            text_input("Jardin de Cocagne de …", &self.garden_name)
                .id(GARDEN_NAME_ID)
                .on_input(Message::GardenNameChanged)
                .on_submit(Message::StartEmpty)
                .padding(8)
                .size(15),
            widgets::action("Commencer avec un jardin vide", enabled(Message::StartEmpty)),
        ]
        .spacing(10);
        if let Some(error) = &self.error {
            empty = empty.push(widgets::banner(Tone::Error, error.clone()));
        }
        let demo = column![
            widgets::muted(
                "Un jardin fictif mais complet (salariés, récoltes, adhérents, paniers, ateliers) pour essayer Binette sans risque. Il est rangé dans un fichier à part et ne se mélange jamais à vos données.",
            ),
            button(text("Découvrir avec un jardin de démonstration").size(15))
                .padding([8, 16])
                .style(button::secondary)
                .on_press_maybe(enabled(Message::StartDemo)),
        ]
        .spacing(10);
        let mut page = column![
            text("Bienvenue dans Binette").size(30).font(BOLD).color(theme::GREEN),
            widgets::muted("Le bureau de votre jardin d'insertion : salariés, récoltes, paniers, ateliers et bilans."),
            widgets::card("Un nouveau jardin", empty),
            widgets::card("Ou bien, pour essayer", demo),
        ]
        .spacing(18)
        .max_width(640)
        .align_x(Alignment::Start);
        if self.busy {
            page = page.push(widgets::muted("Préparation de la base de données…"));
        }
        container(page).center(Length::Fill).padding(24).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_name_keeps_form_and_explains() {
        let mut welcome = Welcome::default();
        assert!(welcome.update(Message::StartEmpty).is_none());
        assert!(welcome.error.is_some());
        assert!(
            welcome
                .update(Message::GardenNameChanged("  Jardin des Lilas ".into()))
                .is_none()
        );
        assert_eq!(
            welcome.update(Message::StartEmpty).request(),
            Some(Request::CreateGarden("Jardin des Lilas".into()))
        );
    }
}
