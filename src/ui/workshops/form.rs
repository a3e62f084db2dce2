//! The workshop form: type, title, place, capacity, audience, description, animators and
//! sessions, saved together.

use iced::widget::{Column, button, column, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::{Message, StaffChoice};
use crate::domain::calendar::format_date;
use crate::domain::workshops::{
    Animator, Session, SessionField, SessionId, Workshop, WorkshopType, parse_capacity,
    parse_session, time_range,
};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Id of the title field.
pub const TITLE_ID: &str = "workshop-title";
/// Id of the session date field.
pub const DATE_ID: &str = "workshop-session-date";
/// Id of the session start field.
pub const START_ID: &str = "workshop-session-start";
/// Id of the session end field.
pub const END_ID: &str = "workshop-session-end";
/// Id of the capacity field.
pub const CAPACITY_ID: &str = "workshop-capacity";
/// Id of the typed animator name field.
pub const ANIMATOR_ID: &str = "workshop-animator";

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Title.
    Title,
    /// Place.
    Place,
    /// Capacity.
    Capacity,
    /// Audience.
    Audience,
    /// Description.
    Description,
    /// Typed animator name.
    AnimatorName,
    /// New session date.
    Date,
    /// New session start.
    Start,
    /// New session end.
    End,
}

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// The workshop's id (0: new).
    pub id: i64,
    /// Chosen type.
    pub type_choice: Option<WorkshopType>,
    /// Title.
    pub title: String,
    /// Place.
    pub place: String,
    /// Capacity as typed.
    pub capacity: String,
    /// Audience.
    pub audience: String,
    /// Description.
    pub description: String,
    /// Animators, with the name shown.
    pub animators: Vec<(Animator, String)>,
    /// Typed animator name, not added yet.
    pub animator_name: String,
    /// Sessions already saved (shown, may be removed).
    pub saved_sessions: Vec<Session>,
    /// Sessions to delete on save.
    pub deleted: Vec<SessionId>,
    /// Sessions to add on save.
    pub new_sessions: Vec<Session>,
    /// New session date as typed.
    pub date: String,
    /// New session start as typed.
    pub start: String,
    /// New session end as typed.
    pub end: String,
    /// Error shown next to a field.
    pub error: Option<(Field, String)>,
    /// Error about the whole form.
    pub form_error: Option<String>,
    /// Yellow warnings (e.g. a removed session had registrations).
    pub warnings: Vec<String>,
}

impl Form {
    /// Sets a text field.
    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Place => &mut self.place,
            Field::Capacity => &mut self.capacity,
            Field::Audience => &mut self.audience,
            Field::Description => &mut self.description,
            Field::AnimatorName => &mut self.animator_name,
            Field::Date => &mut self.date,
            Field::Start => &mut self.start,
            Field::End => &mut self.end,
        };
        *slot = value;
    }

    /// Adds the typed session to the sessions to save; the field at fault otherwise.
    pub fn add_session(&mut self) -> Result<(), Field> {
        match parse_session(self.id, &self.date, &self.start, &self.end) {
            Ok(session) => {
                self.new_sessions.push(session);
                self.new_sessions.sort_by_key(|s| (s.date, s.start));
                // Keep the times: the next session is often at the same hours.
                self.date.clear();
                self.error = None;
                Ok(())
            }
            Err((field, message)) => {
                let field = match field {
                    SessionField::Date => Field::Date,
                    SessionField::Start => Field::Start,
                    SessionField::End => Field::End,
                };
                self.error = Some((field, message));
                Err(field)
            }
        }
    }

    /// Adds the typed animator name.
    pub fn add_animator_name(&mut self) {
        let name = self.animator_name.trim().to_owned();
        if name.is_empty() {
            self.error = Some((
                Field::AnimatorName,
                "Tapez le nom de l'animateur ou de l'animatrice.".to_owned(),
            ));
            return;
        }
        self.animators.push((
            Animator {
                staff_id: None,
                name: name.clone(),
            },
            name,
        ));
        self.animator_name.clear();
        self.error = None;
    }

    /// The workshop to save, or the field at fault (its message set).
    pub fn workshop(&mut self) -> Result<Workshop, Option<Field>> {
        self.error = None;
        self.form_error = None;
        let Some(workshop_type) = self.type_choice.clone() else {
            self.form_error = Some("Choisissez le type d'atelier.".to_owned());
            return Err(None);
        };
        if self.title.trim().is_empty() {
            self.error = Some((Field::Title, "Indiquez le titre de l'atelier.".to_owned()));
            return Err(Some(Field::Title));
        }
        let capacity = parse_capacity(&self.capacity).map_err(|message| {
            self.error = Some((Field::Capacity, message));
            Some(Field::Capacity)
        })?;
        // A session typed but not added yet is added now.
        if !self.date.trim().is_empty() {
            self.add_session().map_err(Some)?;
        }
        let workshop = Workshop {
            id: self.id,
            type_id: workshop_type.id,
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            place: self.place.trim().to_owned(),
            capacity,
            audience: self.audience.trim().to_owned(),
            animators: self.animators.iter().map(|(a, _)| a.clone()).collect(),
        };
        workshop.check().map_err(|message| {
            self.form_error = Some(message);
            None
        })?;
        Ok(workshop)
    }
}

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
        .on_input(move |v| Message::FormInput(field, v))
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
    let save = Message::SaveWorkshop;
    let type_pick = column![
        text("Type").size(14).color(theme::MUTED),
        pick_list(types, form.type_choice.as_ref(), Message::FormType)
            .placeholder("Choisir…")
            .padding(7)
            .text_size(15),
    ]
    .spacing(4)
    .width(170);
    let identity = column![
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
    .spacing(10);

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
    let animators = column![
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
    .spacing(6);

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
    let sessions = column![
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
    .spacing(6);

    let mut body = column![identity, animators, sessions].spacing(16);
    for warning in &form.warnings {
        body = body.push(widgets::banner(widgets::Tone::Warning, warning.as_str()));
    }
    if let Some(message) = &form.form_error {
        body = body.push(widgets::banner(widgets::Tone::Error, message.as_str()));
    }
    body = body.push(
        row![
            widgets::action("Enregistrer", Some(Message::SaveWorkshop)),
            widgets::secondary("Annuler", Some(Message::CloseForm)),
        ]
        .spacing(10),
    );
    widgets::card(heading, body)
}
