//! Messages of the workshop form and of the workshop types panel.

use iced::Task;
use iced::widget::operation::focus;

use super::form::{self, Field, Form};
use super::{Message, Pane, Screen};
use crate::domain::workshops::{Animator, WorkshopType};
use crate::store::workshops as store;
use crate::ui::widgets::Tone;

fn field_id(field: Field) -> Option<&'static str> {
    match field {
        Field::Title => Some(form::TITLE_ID),
        Field::Capacity => Some(form::CAPACITY_ID),
        Field::Date => Some(form::DATE_ID),
        Field::Start => Some(form::START_ID),
        Field::End => Some(form::END_ID),
        Field::AnimatorName => Some(form::ANIMATOR_ID),
        _ => None,
    }
}

impl Screen {
    /// Handles the form's and the types panel's messages.
    pub(super) fn update_form(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::NewWorkshop => {
                self.form = Form {
                    // The type of the session on screen, else the first real type.
                    type_choice: self
                        .selected
                        .as_ref()
                        .and_then(|d| self.types.iter().find(|t| t.id == d.workshop.type_id))
                        .or_else(|| self.types.iter().find(|t| t.name != "Autre"))
                        .or(self.types.first())
                        .cloned(),
                    ..Form::default()
                };
                self.pane = Pane::Form;
                self.message = None;
                return focus(form::TITLE_ID);
            }
            Message::EditWorkshop => {
                let Some(detail) = &self.selected else {
                    return Task::none();
                };
                let workshop = detail.workshop.clone();
                let type_choice = self
                    .types
                    .iter()
                    .find(|t| t.id == workshop.type_id)
                    .cloned();
                let animators: Vec<(Animator, String)> = workshop
                    .animators
                    .iter()
                    .map(|a| (a.clone(), self.animator_label(a)))
                    .collect();
                return Task::perform(
                    self.db.call(move |conn| {
                        Ok(Form {
                            id: workshop.id,
                            type_choice,
                            title: workshop.title.clone(),
                            place: workshop.place.clone(),
                            capacity: workshop.capacity.map(|c| c.to_string()).unwrap_or_default(),
                            audience: workshop.audience.clone(),
                            description: workshop.description.clone(),
                            animators,
                            saved_sessions: store::sessions_of(conn, workshop.id)?,
                            ..Form::default()
                        })
                    }),
                    Message::WorkshopLoaded,
                );
            }
            Message::WorkshopLoaded(Ok(form)) => {
                self.form = form;
                self.pane = Pane::Form;
                self.message = None;
            }
            Message::WorkshopLoaded(Err(error)) => self.fail(&error),
            Message::FormInput(field, value) => self.form.set(field, value),
            Message::FormType(choice) => self.form.type_choice = Some(choice),
            Message::AddStaffAnimator(staff) => {
                let already = self
                    .form
                    .animators
                    .iter()
                    .any(|(a, _)| a.staff_id == Some(staff.id));
                if !already {
                    self.form.animators.push((
                        Animator {
                            staff_id: Some(staff.id),
                            name: String::new(),
                        },
                        staff.name,
                    ));
                }
            }
            Message::AddAnimatorName => {
                self.form.add_animator_name();
                return focus(form::ANIMATOR_ID);
            }
            Message::RemoveAnimator(i) if i < self.form.animators.len() => {
                self.form.animators.remove(i);
            }
            Message::AddSession => {
                return match self.form.add_session() {
                    Ok(()) => focus(form::DATE_ID),
                    Err(field) => field_id(field).map_or_else(Task::none, focus),
                };
            }
            Message::RemoveNewSession(i) if i < self.form.new_sessions.len() => {
                self.form.new_sessions.remove(i);
            }
            Message::RemoveSavedSession(id) => {
                self.form.deleted.push(id);
                if let Some(summary) = self.sessions.iter().find(|s| s.session_id == id)
                    && summary.registered > 0
                {
                    self.form.warnings.push(format!(
                        "La séance du {} compte {} inscription{} : elle{} sera{} supprimée{} \
                         à l'enregistrement. Annulez pour la garder.",
                        crate::domain::calendar::format_date(summary.date),
                        summary.registered,
                        if summary.registered > 1 { "s" } else { "" },
                        if summary.registered > 1 { "s" } else { "" },
                        if summary.registered > 1 { "nt" } else { "" },
                        if summary.registered > 1 { "s" } else { "" },
                    ));
                }
            }
            Message::SaveWorkshop => return self.save_workshop(),
            Message::CloseForm => {
                self.pane = Pane::Session;
                self.form.error = None;
            }
            Message::OpenTypes => {
                self.pane = Pane::Types;
                self.message = None;
                return focus(super::types::NEW_TYPE_ID);
            }
            Message::NewTypeName(name) => self.new_type = name,
            Message::AddType => {
                let name = self.new_type.trim().to_owned();
                if name.is_empty() {
                    self.message = Some((Tone::Error, "Tapez le nom du nouveau type.".to_owned()));
                    return Task::none();
                }
                let selected = self.selected_id();
                return self.change(selected, super::Message::Changed, move |conn| {
                    store::insert_workshop_type(conn, &WorkshopType { id: 0, name }).map(|_| ())
                });
            }
            Message::DeleteType(id) => {
                let selected = self.selected_id();
                return self.change(selected, super::Message::Changed, move |conn| {
                    store::delete_workshop_type(conn, id)
                });
            }
            _ => {}
        }
        Task::none()
    }

    fn save_workshop(&mut self) -> Task<Message> {
        let workshop = match self.form.workshop() {
            Ok(workshop) => workshop,
            Err(field) => {
                return field.and_then(field_id).map_or_else(Task::none, focus);
            }
        };
        let new_sessions = self.form.new_sessions.clone();
        let deleted = self.form.deleted.clone();
        let today = self.today;
        self.busy = true;
        Task::perform(
            self.db.write(move |conn| {
                let id =
                    store::save_workshop_with_sessions(conn, &workshop, &new_sessions, &deleted)?;
                // Show its next session (or its last one).
                let sessions = store::sessions_of(conn, id)?;
                let show = sessions
                    .iter()
                    .find(|s| s.date >= today)
                    .or(sessions.last())
                    .map(|s| s.id);
                let detail = show.map(|id| store::session_detail(conn, id)).transpose()?;
                Ok((super::load_lists(conn, today)?, detail))
            }),
            Message::WorkshopSaved,
        )
    }
}
