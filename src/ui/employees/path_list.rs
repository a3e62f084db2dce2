//! The person's paths (parcours) under the Sortie tab: the earlier ones, and starting a new
//! one after an exit.

use iced::Element;
use iced::widget::{Column, row, text};

use super::Message;
use super::fields::{F, Part, input_hint};
use super::form::FileForm;
use crate::ui::widgets;

/// The paths card: the list, and after an exit the way to start a new path.
pub fn view(form: &FileForm) -> Element<'_, Message> {
    let Some(file) = &form.file else {
        return Column::new().into();
    };
    let mut body = Column::new().spacing(8);
    for (i, path) in file.paths.iter().enumerate() {
        body = body.push(text(path.line(i + 1)).size(15));
    }
    let current_is_empty = file.exit.is_none()
        && file.fse.is_empty()
        && file.paths.last().is_some_and(|current| {
            !file
                .contracts
                .iter()
                .any(|c| c.start_date >= current.entry_date)
        });
    if file.paths.len() > 1 && current_is_empty {
        body = body.push(widgets::secondary(
            "Annuler ce nouveau parcours (commencé par erreur)",
            Some(Message::Submit(Part::Delete("path", 0))),
        ));
    }
    if file.exit.is_some() {
        body = body.push(widgets::muted(
            "La personne revient après sa sortie ? Commencez un nouveau parcours : la sortie \
             ci-dessus reste comptée, le nouveau parcours aura ses contrats, sa sortie et ses \
             questionnaires FSE+.",
        ));
        body = body.push(
            row![
                input_hint(
                    form,
                    F::NewPathDate,
                    "Date de la nouvelle entrée",
                    "jj/mm/aaaa"
                ),
                widgets::action(
                    "Commencer un nouveau parcours",
                    Some(Message::Submit(Part::NewPath))
                ),
            ]
            .spacing(12)
            .align_y(iced::alignment::Vertical::Bottom),
        );
    }
    widgets::card("Parcours", body)
}
