//! The workshop form as shown: identity, animators, sessions, then save or cancel.

use iced::widget::{Column, button, column, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::form::{
    ANIMATOR_ID, CAPACITY_ID, DATE_ID, END_ID, Field, Form, Message, START_ID, TITLE_ID,
};
use crate::app::workshops::StaffChoice;
use crate::domain::calendar::format_date;
use crate::domain::workshops::{Session, WorkshopType, time_range};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

fn input<'a>(
    form: &'a Form,
    label: &'a str,
    field: Field,
    id: Option<&'static str>,
    value: &'a str,
    placeholder: &'a str,
    submit: Message,
) -> Element<'a, Message> {
    let mut input = text_input(placeholder, value)
        .on_input(move |v| Message::Input(field, v))
        .on_submit(submit)
        .padding(7)
        .size(15);
    if let Some(id) = id {
        input = input.id(id);
    }
    let mut content = column![].spacing(4);
    if !label.is_empty() {
        content = content.push(text(label).size(14).color(theme::MUTED));
    }
    content = content.push(input);
    let session_field = matches!(field, Field::Date | Field::Start | Field::End);
    if let Some((bad, message)) = &form.error
        && *bad == field
        && !session_field
    {
        content = content.push(text(message.as_str()).size(13).color(theme::ERROR_TEXT));
    }
    content.width(Length::Fill).into()
}

fn session_line(session: &Session, on_remove: Message) -> Element<'_, Message> {
    row![
        text(format!(
            "{} · {}",
            format_date(session.date),
            time_range(session.start, session.end)
        ))
        .size(15)
        .width(Length::Fill),
        button(text("Retirer").size(13))
            .style(button::text)
            .on_press(on_remove),
    ]
    .spacing(8)
    .into()
}

/// The form.
pub fn view<'a>(
    form: &'a Form,
    types: &'a [WorkshopType],
    staff: &'a [StaffChoice],
) -> Element<'a, Message> {
    let heading = if form.id == 0 {
        "Nouvel atelier"
    } else {
        "Modifier l'atelier"
    };
    let mut body = column![
        identity(form, types),
        animators(form, staff),
        sessions(form)
    ]
    .spacing(16);
    for warning in &form.warnings {
        body = body.push(widgets::banner(widgets::Tone::Warning, warning.as_str()));
    }
    if let Some(message) = &form.form_error {
        body = body.push(widgets::banner(widgets::Tone::Error, message.as_str()));
    }
    body = body.push(
        row![
            widgets::action("Enregistrer", Some(Message::Save)),
            widgets::secondary("Annuler", Some(Message::Close)),
        ]
        .spacing(10),
    );
    widgets::card(heading, body)
}

fn identity<'a>(form: &'a Form, types: &'a [WorkshopType]) -> Element<'a, Message> {
    let save = Message::Save;
    let type_pick = column![
        text("Type").size(14).color(theme::MUTED),
        pick_list(types, form.type_choice.as_ref(), Message::Type)
            .placeholder("Choisir…")
            .padding(7)
            .text_size(15),
    ]
    .spacing(4)
    .width(170);
    column![
        row![
            type_pick,
            input(
                form,
                "Titre",
                Field::Title,
                Some(TITLE_ID),
                &form.title,
                "",
                save.clone()
            ),
        ]
        .spacing(10),
        row![
            input(
                form,
                "Lieu",
                Field::Place,
                None,
                &form.place,
                "",
                save.clone()
            ),
            input(
                form,
                "Places",
                Field::Capacity,
                Some(CAPACITY_ID),
                &form.capacity,
                "sans limite",
                save.clone()
            ),
            input(
                form,
                "Public",
                Field::Audience,
                None,
                &form.audience,
                "",
                save.clone()
            ),
        ]
        .spacing(10),
        input(
            form,
            "Description",
            Field::Description,
            None,
            &form.description,
            "",
            save.clone()
        ),
    ]
    .spacing(10)
    .into()
}

fn animators<'a>(form: &'a Form, staff: &'a [StaffChoice]) -> Element<'a, Message> {
    let mut animators = Column::new().spacing(4);
    for (i, (_, name)) in form.animators.iter().enumerate() {
        animators = animators.push(
            row![
                text(name.as_str()).size(15).width(Length::Fill),
                button(text("Retirer").size(13))
                    .style(button::text)
                    .on_press(Message::RemoveAnimator(i)),
            ]
            .spacing(8),
        );
    }
    if form.animators.is_empty() {
        animators = animators.push(widgets::muted("Aucun animateur pour l'instant."));
    }
    column![
        text("Animation").size(15).font(BOLD),
        animators,
        row![
            pick_list(staff, None::<&StaffChoice>, Message::AddStaffAnimator)
                .placeholder("Ajouter un membre de l'équipe…")
                .padding(7)
                .text_size(15)
                .width(280),
            input(
                form,
                "",
                Field::AnimatorName,
                Some(ANIMATOR_ID),
                &form.animator_name,
                "ou tapez le nom d'un·e intervenant·e",
                Message::AddAnimatorName
            ),
            widgets::secondary("Ajouter", Some(Message::AddAnimatorName)),
        ]
        .spacing(8)
        .align_y(iced::Alignment::End),
    ]
    .spacing(6)
    .into()
}

fn sessions(form: &Form) -> Element<'_, Message> {
    let mut sessions = Column::new().spacing(4);
    for session in &form.saved_sessions {
        if !form.deleted.contains(&session.id) {
            sessions = sessions.push(session_line(
                session,
                Message::RemoveSavedSession(session.id),
            ));
        }
    }
    for (i, session) in form.new_sessions.iter().enumerate() {
        sessions = sessions.push(session_line(session, Message::RemoveNewSession(i)));
    }
    let session_error = form
        .error
        .as_ref()
        .filter(|(field, _)| matches!(field, Field::Date | Field::Start | Field::End))
        .map(|(_, message)| text(message.as_str()).size(13).color(theme::ERROR_TEXT));
    column![
        text("Séances").size(15).font(BOLD),
        sessions,
        row![
            input(
                form,
                "Date",
                Field::Date,
                Some(DATE_ID),
                &form.date,
                "03/12/2026",
                Message::AddSession
            ),
            input(
                form,
                "Début",
                Field::Start,
                Some(START_ID),
                &form.start,
                "14h",
                Message::AddSession
            ),
            input(
                form,
                "Fin",
                Field::End,
                Some(END_ID),
                &form.end,
                "16h30",
                Message::AddSession
            ),
            widgets::secondary("Ajouter la séance", Some(Message::AddSession)),
        ]
        .spacing(8)
        .align_y(iced::Alignment::End),
    ]
    .push(session_error)
    .spacing(6)
    .into()
}
