//! How the Ateliers screen answers its messages (the screen contract), the workshop form's
//! events and the types panel's messages.

use iced::Element;
use iced::widget::operation::focus;

use super::form::{self, Form};
use super::{Message, Pane, Screen, pdf, types};
use crate::app;
use crate::domain::workshops::{Animator, Participant, Session};
use crate::ui::screen::{self, Action, Context};
use crate::ui::widgets::Tone;

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(Ok(lists)) => self.apply_lists(lists),
            Message::Changed(Ok(refreshed)) => self.changed(refreshed),
            Message::Loaded(Err(error))
            | Message::Changed(Err(error))
            | Message::Registered(Err(error)) => self.fail(&error),
            Message::WorkshopSaved(Ok((lists, detail))) => {
                self.apply_lists(lists);
                self.selected = detail;
                self.pane = Pane::Session;
                self.message = Some((Tone::Success, "Atelier enregistré.".to_owned()));
            }
            Message::WorkshopSaved(Err(error)) => {
                // The form stays open with what was typed.
                self.busy = false;
                self.form.form_error = Some(error.to_string());
            }
            Message::Registered(Ok(refreshed)) => return self.registered(refreshed),
            Message::Search(text) => return self.refiltered(|s| s.search = text),
            Message::TypeFilter(name) => return self.refiltered(|s| s.type_filter = name),
            Message::PeriodFilter(period) => return self.refiltered(|s| s.period = period),
            Message::Scrolled(scrolled) => self.scrolled = scrolled,
            Message::Select(id) => {
                self.pane = Pane::Session;
                self.message = None;
                self.person_query.clear();
                return self.change(context, Message::Changed, move |garden, _, today| {
                    app::workshops::show_session(garden, id, today)
                });
            }
            Message::PersonQuery(text) => self.person_query = text,
            Message::RegisterFirst => return self.register_first(context),
            Message::Register(participant) => return self.register(participant, context),
            Message::RegisterOutside => {
                let name = self.person_query.trim().to_owned();
                return self.register(Participant::Outside(name), context);
            }
            Message::Unregister(id) => {
                return self.change(context, Message::Changed, move |garden, show, today| {
                    app::workshops::unregister(garden, id, show, today)
                });
            }
            Message::SetStatus(id, status) => {
                return self.change(context, Message::Changed, move |garden, show, today| {
                    app::workshops::set_status(garden, id, status, show, today)
                });
            }
            Message::MarkAll(status) => {
                let Some(session_id) = self.selected_id() else {
                    return Action::None;
                };
                return self.change(context, Message::Changed, move |garden, _, today| {
                    app::workshops::mark_all(garden, session_id, status, today)
                });
            }
            Message::PrintSheet => {
                let Some(session_id) = self.selected_id() else {
                    return Action::None;
                };
                self.busy = true;
                return Action::Run(pdf::save_sheet(context, session_id));
            }
            Message::SheetSaved(result) => self.sheet_saved(result),
            Message::NewWorkshop => return self.new_workshop(),
            Message::EditWorkshop => return self.edit_workshop(context),
            Message::WorkshopLoaded(form, result) => self.workshop_loaded(*form, result),
            Message::Form(message) => return self.form_update(message, context),
            Message::OpenTypes => {
                self.pane = Pane::Types;
                self.message = None;
                return Action::Run(focus(types::NEW_TYPE_ID));
            }
            Message::Types(message) => return self.types_update(message, context),
            Message::Export(message) => return self.export(message),
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}

impl Screen {
    /// A filter changed by `change`: the list filtered again, shown from its first session.
    fn refiltered(&mut self, change: impl FnOnce(&mut Screen)) -> Action<Message> {
        change(self);
        self.refilter();
        Action::Run(self.scrolled.to_top(super::list::LIST_ID))
    }

    fn new_workshop(&mut self) -> Action<Message> {
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
        Action::Run(focus(form::TITLE_ID))
    }

    /// Opens the form on the workshop of the session shown, once its sessions are read.
    fn edit_workshop(&mut self, context: &Context) -> Action<Message> {
        let Some(detail) = &self.selected else {
            return Action::None;
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
        let form = Form {
            id: workshop.id,
            type_choice,
            title: workshop.title.clone(),
            place: workshop.place.clone(),
            capacity: workshop.capacity.map(|c| c.to_string()).unwrap_or_default(),
            audience: workshop.audience.clone(),
            description: workshop.description.clone(),
            animators,
            ..Form::default()
        };
        let id = workshop.id;
        Action::Run(context.perform(
            move |garden| app::workshops::sessions_of(garden, id),
            move |sessions| Message::WorkshopLoaded(Box::new(form), sessions),
        ))
    }

    fn workshop_loaded(&mut self, form: Form, sessions: app::Result<Vec<Session>>) {
        match sessions {
            Ok(saved_sessions) => {
                self.form = Form {
                    saved_sessions,
                    ..form
                };
                self.pane = Pane::Form;
                self.message = None;
            }
            Err(error) => self.fail(&error),
        }
    }

    fn form_update(&mut self, message: form::Message, context: &Context) -> Action<Message> {
        match self.form.update(message, &self.sessions) {
            form::Event::None => Action::None,
            form::Event::Run(task) => Action::Run(task.map(Message::Form)),
            form::Event::Closed => {
                self.pane = Pane::Session;
                Action::None
            }
            form::Event::Save {
                workshop,
                new_sessions,
                deleted,
            } => self.change(context, Message::WorkshopSaved, move |garden, _, today| {
                app::workshops::save_workshop(garden, &workshop, &new_sessions, &deleted, today)
            }),
        }
    }

    fn types_update(&mut self, message: types::Message, context: &Context) -> Action<Message> {
        match message {
            types::Message::Name(name) => self.new_type = name,
            types::Message::Add => {
                let name = self.new_type.trim().to_owned();
                if name.is_empty() {
                    self.message = Some((Tone::Error, "Tapez le nom du nouveau type.".to_owned()));
                    return Action::None;
                }
                return self.change(context, Message::Changed, move |garden, show, today| {
                    app::workshops::add_type(garden, name, show, today)
                });
            }
            types::Message::Delete(id) => {
                return self.change(context, Message::Changed, move |garden, show, today| {
                    app::workshops::delete_type(garden, id, show, today)
                });
            }
            types::Message::Close => {
                self.pane = Pane::Session;
                self.form.error = None;
            }
        }
        Action::None
    }
}
