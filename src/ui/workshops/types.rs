//! The workshop types panel: the list users may extend or trim.

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Element, Length};

use crate::domain::workshops::WorkshopType;
use crate::ui::widgets;

/// Messages of the panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// The new type's name typed.
    Name(String),
    /// "Ajouter".
    Add,
    /// "Supprimer" a type.
    Delete(i64),
    /// "Fermer".
    Close,
}

/// Id of the new type's name field.
pub const NEW_TYPE_ID: &str = "workshop-new-type";

/// The panel.
pub fn view<'a>(types: &'a [WorkshopType], new_type: &'a str) -> Element<'a, Message> {
    let mut list = Column::new().spacing(4);
    for workshop_type in types {
        list = list.push(
            row![
                text(workshop_type.name.as_str())
                    .size(15)
                    .width(Length::Fill),
                button(text("Supprimer").size(13))
                    .style(button::text)
                    .on_press(Message::Delete(workshop_type.id)),
            ]
            .spacing(8),
        );
    }
    let add = row![
        text_input("Nouveau type, par ex. Couture", new_type)
            .id(NEW_TYPE_ID)
            .on_input(Message::Name)
            .on_submit(Message::Add)
            .padding(7)
            .size(15),
        widgets::action("Ajouter", Some(Message::Add)),
    ]
    .spacing(8);
    widgets::card(
        "Types d'atelier",
        column![
            widgets::muted("Un type utilisé par un atelier ne peut pas être supprimé."),
            list,
            add,
            widgets::secondary("Fermer", Some(Message::Close)),
        ]
        .spacing(10),
    )
}
