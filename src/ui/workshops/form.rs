//! The workshop form: type, title, place, capacity, audience, description, animators and
//! sessions, saved together.

use iced::Task;
use iced::widget::operation::focus;

use crate::app::workshops::StaffChoice;
use crate::domain::workshops::{
    Animator, Session, SessionField, SessionId, Workshop, WorkshopType, parse_capacity,
    parse_session,
};
use crate::store::workshops::SessionSummary;

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

/// Messages of the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field typed.
    Input(Field, String),
    /// The type chosen.
    Type(WorkshopType),
    /// A staff member picked as animator.
    AddStaffAnimator(StaffChoice),
    /// The typed animator added.
    AddAnimatorName,
    /// An animator removed.
    RemoveAnimator(usize),
    /// "Ajouter la séance".
    AddSession,
    /// A session not saved yet removed.
    RemoveNewSession(usize),
    /// A saved session to delete on save.
    RemoveSavedSession(SessionId),
    /// "Enregistrer".
    Save,
    /// "Annuler".
    Close,
}

/// What the form tells the screen.
pub enum Event {
    /// Nothing more.
    None,
    /// Run this task (moving the focus).
    Run(Task<Message>),
    /// Save this workshop with its new sessions and those deleted.
    Save {
        /// The workshop, checked.
        workshop: Workshop,
        /// Sessions to add.
        new_sessions: Vec<Session>,
        /// Sessions to delete.
        deleted: Vec<SessionId>,
    },
    /// "Annuler": close the form.
    Closed,
}

fn field_id(field: Field) -> Option<&'static str> {
    match field {
        Field::Title => Some(TITLE_ID),
        Field::Capacity => Some(CAPACITY_ID),
        Field::Date => Some(DATE_ID),
        Field::Start => Some(START_ID),
        Field::End => Some(END_ID),
        Field::AnimatorName => Some(ANIMATOR_ID),
        Field::Place | Field::Audience | Field::Description => None,
    }
}

/// Moves the focus to `field`'s input, if it has an id.
fn focus_on(field: Option<Field>) -> Event {
    field
        .and_then(field_id)
        .map_or(Event::None, |id| Event::Run(focus(id)))
}

impl Form {
    /// Handles a message; `sessions` are the screen's, to warn about a removed session's
    /// registrations.
    pub fn update(&mut self, message: Message, sessions: &[SessionSummary]) -> Event {
        match message {
            Message::Input(field, value) => self.set(field, value),
            Message::Type(choice) => self.type_choice = Some(choice),
            Message::AddStaffAnimator(staff) => self.add_staff(staff),
            Message::AddAnimatorName => {
                self.add_animator_name();
                return Event::Run(focus(ANIMATOR_ID));
            }
            Message::RemoveAnimator(i) => {
                if i < self.animators.len() {
                    self.animators.remove(i);
                }
            }
            Message::AddSession => {
                return match self.add_session() {
                    Ok(()) => Event::Run(focus(DATE_ID)),
                    Err(field) => focus_on(Some(field)),
                };
            }
            Message::RemoveNewSession(i) => {
                if i < self.new_sessions.len() {
                    self.new_sessions.remove(i);
                }
            }
            Message::RemoveSavedSession(id) => self.remove_saved(id, sessions),
            Message::Save => {
                return match self.workshop() {
                    Ok(workshop) => Event::Save {
                        workshop,
                        new_sessions: self.new_sessions.clone(),
                        deleted: self.deleted.clone(),
                    },
                    Err(field) => focus_on(field),
                };
            }
            Message::Close => {
                self.error = None;
                return Event::Closed;
            }
        }
        Event::None
    }

    fn add_staff(&mut self, staff: StaffChoice) {
        let already = self
            .animators
            .iter()
            .any(|(a, _)| a.staff_id == Some(staff.id));
        if !already {
            self.animators.push((
                Animator {
                    staff_id: Some(staff.id),
                    name: String::new(),
                },
                staff.name,
            ));
        }
    }

    fn remove_saved(&mut self, id: SessionId, sessions: &[SessionSummary]) {
        self.deleted.push(id);
        if let Some(summary) = sessions.iter().find(|s| s.session_id == id)
            && summary.registered > 0
        {
            let many = summary.registered > 1;
            let s = if many { "s" } else { "" };
            self.warnings.push(format!(
                "La séance du {} compte {} inscription{s} : elle{s} sera{} supprimée{s} \
                 à l'enregistrement. Annulez pour la garder.",
                crate::domain::calendar::format_date(summary.date),
                summary.registered,
                if many { "nt" } else { "" },
            ));
        }
    }
}
