//! The workshop types panel: the list users may extend or trim.

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Element, Length};

use super::{Message, Screen};
use crate::ui::widgets;

/// Id of the new type's name field.
pub const NEW_TYPE_ID: &str = "workshop-new-type";

/// The panel.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let mut list = Column::new().spacing(4);
    for workshop_type in &screen.types {
        list = list.push(
            row![
                text(workshop_type.name.as_str())
                    .size(15)
                    .width(Length::Fill),
                button(text("Supprimer").size(13))
                    .style(button::text)
                    .on_press(Message::DeleteType(workshop_type.id)),
            ]
            .spacing(8),
        );
    }
    let add = row![
        text_input("Nouveau type, par ex. Couture", &screen.new_type)
            .id(NEW_TYPE_ID)
            .on_input(Message::NewTypeName)
            .on_submit(Message::AddType)
            .padding(7)
            .size(15),
        widgets::action("Ajouter", Some(Message::AddType)),
    ]
    .spacing(8);
    widgets::card(
        "Types d'atelier",
        column![
            widgets::muted("Un type utilisé par un atelier ne peut pas être supprimé."),
            list,
            add,
            widgets::secondary("Fermer", Some(Message::CloseForm)),
        ]
        .spacing(10),
    )
}
