//! The Suivi tab: dated meetings with the CIP, their themes (built-in or added), notes.

use iced::widget::{Column, Row, button, checkbox, column, row, text};
use iced::{Element, Length};

use super::fields::{F, Part, choice, input, input_hint};
use super::form::FileForm;
use super::{Message, Screen, StaffChoice};
use crate::domain::calendar::format_date;
use crate::ui::theme::BOLD;
use crate::ui::widgets;

/// "3 entretiens, 2 h 15 en tout".
pub fn summary(form: &FileForm) -> String {
    let follow_ups = form
        .file
        .as_ref()
        .map(|f| f.follow_ups.as_slice())
        .unwrap_or(&[]);
    let minutes: i64 = follow_ups.iter().map(|f| f.duration_minutes).sum();
    format!(
        "{} entretien(s), {} h {:02} en tout",
        follow_ups.len(),
        minutes / 60,
        minutes % 60
    )
}

/// The Suivi tab.
pub fn view<'a>(screen: &'a Screen, form: &'a FileForm) -> Element<'a, Message> {
    let follow_ups = form
        .file
        .as_ref()
        .map(|f| f.follow_ups.as_slice())
        .unwrap_or(&[]);
    let mut list = Column::new()
        .spacing(6)
        .push(text(summary(form)).size(15).font(BOLD));
    for f in follow_ups.iter().rev() {
        let staff = screen
            .staff
            .iter()
            .find(|s| Some(s.id) == f.staff_id)
            .map(|s| s.display_name())
            .unwrap_or_default();
        list = list.push(
            row![
                text(format!(
                    "{} · {} min",
                    format_date(f.date),
                    f.duration_minutes
                ))
                .size(15)
                .width(Length::FillPortion(2)),
                text(staff).size(15).width(Length::FillPortion(2)),
                text(f.themes.join(", "))
                    .size(14)
                    .width(Length::FillPortion(3)),
                text(f.notes.lines().next().unwrap_or_default().to_owned())
                    .size(14)
                    .width(Length::FillPortion(3)),
                button(text("Modifier").size(14))
                    .style(button::text)
                    .on_press(Message::EditFollowUp(f.id)),
                button(text("Supprimer").size(14))
                    .style(button::text)
                    .on_press(Message::DeleteFollowUp(f.id)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    let staff = screen
        .staff_choices
        .iter()
        .find(|s| s.id == form.follow_up_staff)
        .cloned();
    let head = row![
        input_hint(form, F::FollowUpDate, "Date", "jj/mm/aaaa"),
        input_hint(form, F::FollowUpDuration, "Durée (minutes)", "45"),
        choice::<StaffChoice>(
            "Mené par",
            &screen.staff_choices,
            staff,
            Message::FollowUpStaff
        ),
    ]
    .spacing(12);
    let mut themes = Row::new().spacing(14);
    let mut names: Vec<&str> = screen.themes.iter().map(|t| t.name.as_str()).collect();
    for chosen in &form.follow_up_themes {
        if !names.contains(&chosen.as_str()) {
            names.push(chosen);
        }
    }
    for name in names {
        let owned = name.to_owned();
        themes = themes.push(
            checkbox(form.follow_up_themes.iter().any(|t| t == name))
                .label(name)
                .size(16)
                .text_size(14)
                .on_toggle(move |on| Message::Theme(owned.clone(), on)),
        );
    }
    let new_theme = row![
        column![input_hint(
            form,
            F::NewTheme,
            "Autre thème",
            "ex. Permis de conduire"
        )]
        .width(Length::FillPortion(2)),
        column![
            text(" ").size(14),
            widgets::secondary("Ajouter le thème", Some(Message::Submit(Part::Theme)))
        ]
        .spacing(3),
        text("").width(Length::FillPortion(2)),
    ]
    .spacing(12);
    let heading = if form.follow_up_id == 0 {
        "Nouvel entretien"
    } else {
        "Modifier l'entretien"
    };
    let edit = column![
        head,
        text("Thèmes abordés").size(14),
        themes.wrap(),
        new_theme,
        input(form, F::FollowUpNotes, "Notes"),
        row![
            widgets::action(
                "Enregistrer l'entretien",
                Some(Message::Submit(Part::FollowUp))
            ),
            widgets::secondary("Vider", Some(Message::NewFollowUp)),
        ]
        .spacing(8),
    ]
    .spacing(10);
    column![
        widgets::card(heading, edit),
        widgets::card("Entretiens", list)
    ]
    .spacing(12)
    .into()
}
