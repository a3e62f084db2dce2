//! The "Formats et dépôts" tab as a component: basket sizes with their price history, and
//! depots (with moving their subscribers elsewhere).

mod forms;
mod view;

use iced::Task;
use iced::widget::operation;

use super::ids;
use super::kit::{self, Event, FormEvent, Written};
use crate::app::members::drafts::{DepotDraft, MoveDraft, PriceDraft, SizeDraft};
use crate::app::members::{self, Base};
use crate::app::{self, Garden};
use crate::ui::screen::Context;

pub use forms::{
    DepotField, DepotMessage, MoveMessage, PriceField, PriceMessage, SizeField, SizeMessage,
};

/// The one form open on the tab.
#[derive(Debug, Clone, Default)]
enum Form {
    #[default]
    None,
    Depot(DepotDraft),
    /// Moving the subscribers of a depot.
    Move(MoveDraft),
    /// A basket size, new or edited.
    Size(SizeDraft),
    /// A new price of a size.
    Price(PriceDraft),
    /// Deleting price `0`, waiting for the user to confirm.
    DeletePrice(i64),
}

/// The tab's state.
#[derive(Debug, Default)]
pub struct Setup {
    form: Form,
    /// Why the last save of the open form failed.
    error: Option<app::Error>,
    busy: bool,
}

/// Messages of the tab.
#[derive(Debug, Clone)]
pub enum Message {
    NewDepot,
    EditDepot(i64),
    /// "Déplacer les abonnés…" of a depot.
    MoveSubscribers(i64),
    NewSize,
    EditSize(i64),
    NewPrice(i64),
    /// Asks before deleting a price.
    DeletePrice(i64),
    Depot(DepotMessage),
    Move(MoveMessage),
    Size(SizeMessage),
    Price(PriceMessage),
    /// "Supprimer" under the question.
    Confirm,
    Cancel,
    Saved(app::Result<Written>),
}

impl Setup {
    /// Closes the form open, if any (another tab was chosen).
    pub fn close_form(&mut self) {
        self.form = Form::None;
        self.error = None;
    }

    fn open(&mut self, form: Form, focus: Option<&'static str>) -> (Task<Message>, Option<Event>) {
        self.form = form;
        self.error = None;
        let task = focus.map_or_else(Task::none, operation::focus);
        (task, Some(Event::Cleared))
    }

    /// Handles `message` with the lists of `base`.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
        base: &Base,
    ) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::NewDepot => return self.open(Form::Depot(DepotDraft::new()), None),
            Message::EditDepot(id) => match base.depots.iter().find(|d| d.id == id) {
                Some(d) => return self.open(Form::Depot(DepotDraft::of(d)), None),
                None => None,
            },
            Message::MoveSubscribers(id) => {
                return self.open(Form::Move(MoveDraft::new(id, context.today)), None);
            }
            Message::NewSize => {
                let form = Form::Size(SizeDraft::new(base.sizes.len()));
                return self.open(form, Some(ids::SIZE_NAME));
            }
            Message::EditSize(id) => {
                let form = base.sizes.iter().find(|s| s.id == id).map(SizeDraft::of);
                return self.open(form.map_or(Form::None, Form::Size), Some(ids::SIZE_NAME));
            }
            Message::NewPrice(size) => {
                let form = Form::Price(PriceDraft::new(size, context.today));
                return self.open(form, Some(ids::PRICE_AMOUNT));
            }
            Message::DeletePrice(id) => return self.open(Form::DeletePrice(id), None),
            // A message of a form no longer open (closed meanwhile) changes nothing.
            Message::Depot(m) => match &mut self.form {
                Form::Depot(f) => forms::update_depot(f, m),
                _ => None,
            },
            Message::Move(m) => match &mut self.form {
                Form::Move(f) => forms::update_move(f, m),
                _ => None,
            },
            Message::Size(m) => match &mut self.form {
                Form::Size(f) => forms::update_size(f, m),
                _ => None,
            },
            Message::Price(m) => match &mut self.form {
                Form::Price(f) => forms::update_price(f, m),
                _ => None,
            },
            Message::Confirm => return (self.save(context), None),
            Message::Cancel => {
                self.close_form();
                None
            }
            Message::Saved(result) => {
                self.busy = false;
                let open = !matches!(self.form, Form::None);
                let event = kit::written(result, open, &mut self.error);
                if matches!(event, Some(Event::Saved { .. })) {
                    self.form = Form::None;
                }
                return (Task::none(), event);
            }
        };
        match event {
            Some(FormEvent::Submit) => (self.save(context), None),
            Some(FormEvent::Cancel) => {
                self.close_form();
                (Task::none(), None)
            }
            None => (Task::none(), None),
        }
    }

    /// Saves the open form (or confirms the deletion asked).
    fn save(&mut self, context: &Context) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        let today = context.today;
        let task = match self.form.clone() {
            Form::None => return Task::none(),
            Form::Depot(f) => write(context, "Dépôt enregistré.", move |g| {
                members::save_depot(g, &f)
            }),
            Form::Move(f) => write(
                context,
                "Abonnés déplacés (leur historique est gardé).",
                move |g| members::move_subscribers(g, &f),
            ),
            Form::Size(f) => write(context, "Format enregistré.", move |g| {
                members::save_size(g, &f, today)
            }),
            Form::Price(f) => write(context, "Prix enregistré.", move |g| {
                members::add_price(g, &f)
            }),
            Form::DeletePrice(id) => write(context, "Prix supprimé.", move |g| {
                members::delete_price(g, id)
            }),
        };
        self.busy = true;
        task
    }
}

fn write(
    context: &Context,
    notice: &str,
    job: impl FnOnce(&Garden) -> app::Result<members::Saved> + Send + 'static,
) -> Task<Message> {
    kit::write(context, notice, job, Message::Saved)
}
