//! A household's page as a component: the household, its memberships, subscriptions (with
//! Paniers Solidaires and the household they are shared with), absences and coming baskets,
//! and the one form open on it; its « Compte » ([`account`]). Also the form of a new
//! household, before it has a page.

pub mod account;
mod account_view;
mod forms;
mod privacy;
pub use privacy::{CURRENT_HOUSEHOLD, PrivacyMessage};
mod subscription;
mod view;

use iced::Task;
use iced::widget::operation;

use super::ids;
pub use super::kit::Event;
use super::kit::FormEvent;
use crate::app::members::drafts::{AbsenceDraft, MemberDraft, MembershipDraft, SolidarityDraft};
use crate::app::members::{self, Base, Page, Saved};
use crate::app::{self, Garden};
use crate::domain::calendar::format_date;
use crate::ui::screen::Context;

pub use forms::{
    AbsenceField, AbsenceMessage, MemberField, MemberMessage, MembershipField, MembershipMessage,
};
pub use subscription::{
    SolidarityField, SolidarityMessage, SubscriptionField, SubscriptionForm, SubscriptionMessage,
};

/// The one form open on the page.
#[derive(Debug, Clone, Default)]
enum Form {
    #[default]
    None,
    Member(MemberDraft),
    Membership(MembershipDraft),
    Subscription(Box<SubscriptionForm>),
    Absence(AbsenceDraft),
    Solidarity(SolidarityDraft),
    /// The end of the Paniers Solidaires terms of subscription `0`: last day they apply.
    EndSolidarity(i64, String),
    /// Deleting membership `0`, waiting for the user to confirm.
    DeleteMembership(i64),
}

/// The page's state.
#[derive(Debug, Default)]
pub struct Household {
    page: Option<Page>,
    form: Form,
    /// Why the last save of the open form failed.
    error: Option<app::Error>,
    busy: bool,
    /// « Compte » shown instead of the household's details.
    show_account: bool,
    account: account::AccountPart,
    /// « Anonymiser le foyer… » asked: where its retention stands.
    anonymising: Option<crate::app::privacy::retention::Standing>,
}

/// A save done, and the page read again.
#[derive(Debug, Clone)]
pub struct Done {
    notice: String,
    saved: Saved,
    page: Option<Box<Page>>,
}

/// Messages of a household's page.
#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Box<Page>, app::Error>),
    OpenMember(i64),
    BackToList,
    /// A button opening a form.
    Open(Opening),
    DeleteAbsence(i64),
    Member(MemberMessage),
    Membership(MembershipMessage),
    Subscription(SubscriptionMessage),
    Absence(AbsenceMessage),
    Solidarity(SolidarityMessage),
    /// The last day of Paniers Solidaires terms, typed.
    EndTyped(String),
    /// "Supprimer" or "Terminer les conditions": confirms what is asked.
    Confirm,
    Cancel,
    Saved(Result<Done, app::Error>),
    /// « Fiche » (false) or « Compte » (true).
    ShowAccount(bool),
    /// The « Compte » part's own.
    Account(account::Message),
    /// The « Protection des données » card's own.
    Privacy(privacy::PrivacyMessage),
}

/// The buttons of the page that open a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    EditMember,
    NewMembership,
    EditMembership(i64),
    /// Asks before deleting membership `0`.
    DeleteMembership(i64),
    NewSubscription,
    ChangeSubscription(i64),
    NewAbsence,
    EditAbsence(i64),
    EditSolidarity(i64),
    /// Ends the Paniers Solidaires terms of subscription `0`.
    RemoveSolidarity(i64),
}

impl Household {
    /// True when the page of a household, or the form of a new one, is shown.
    pub fn is_open(&self) -> bool {
        self.page.is_some() || matches!(&self.form, Form::Member(f) if f.id == 0)
    }

    /// Closes the form open, if any (another tab was chosen).
    pub fn close_form(&mut self) {
        self.form = Form::None;
        self.error = None;
        self.account.close();
    }

    /// Opens the form of a new household, as of `context.today`.
    pub fn new_member(&mut self, context: &Context) -> Task<Message> {
        self.page = None;
        self.open(Form::Member(MemberDraft::new(context.today)));
        operation::focus(ids::LAST_NAME)
    }

    /// The « Compte » part.
    pub fn account(&self) -> &account::AccountPart {
        &self.account
    }

    /// True when « Compte » is shown.
    pub fn shows_account(&self) -> bool {
        self.show_account
    }

    /// Opens the page of household `id`.
    pub fn open_member(&mut self, id: i64, context: &Context) -> Task<Message> {
        self.close_form();
        self.show_account = false;
        self.anonymising = None;
        self.busy = true;
        let today = context.today;
        let load = move |g: &Garden| members::load_page(g, id, today).map(Box::new);
        context.perform(load, Message::Loaded)
    }

    /// Shows « Compte » (read again) or the household's details.
    fn show_account(&mut self, show: bool, context: &Context) -> Task<Message> {
        self.close_form();
        self.show_account = show;
        match (&self.page, show) {
            (Some(page), true) => {
                let m = &page.member;
                let name = crate::domain::text::list_name(&m.first_name, &m.last_name);
                (self.account.load(m.id, name, context)).map(Message::Account)
            }
            _ => Task::none(),
        }
    }

    fn open(&mut self, form: Form) {
        self.form = form;
        self.error = None;
    }

    fn member_id(&self) -> i64 {
        self.page.as_ref().map_or(0, |p| p.member.id)
    }

    /// Handles `message` with the lists of `base`.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
        base: &Base,
    ) -> (Task<Message>, Option<Event>) {
        let cleared = Some(Event::Cleared);
        match message {
            Message::Loaded(Ok(page)) => {
                self.page = Some(*page);
                self.busy = false;
            }
            Message::Loaded(Err(error)) => {
                self.busy = false;
                return (Task::none(), Some(Event::Failed(error)));
            }
            Message::OpenMember(id) => return (self.open_member(id, context), cleared),
            Message::BackToList => {
                self.page = None;
                self.close_form();
                return (Task::none(), cleared);
            }
            Message::Saved(result) => return (Task::none(), self.saved(result)),
            Message::Member(m) => {
                if let Form::Member(f) = &mut self.form {
                    let event = forms::update_member(f, m, context.today);
                    return (self.form_event(event, context), None);
                }
            }
            Message::Membership(m) => {
                if let Form::Membership(f) = &mut self.form {
                    let event = forms::update_membership(f, m);
                    return (self.form_event(event, context), None);
                }
            }
            Message::Subscription(m) => {
                if let Form::Subscription(f) = &mut self.form {
                    let event = f.update(m);
                    return (self.form_event(event, context), None);
                }
            }
            Message::Absence(m) => {
                if let Form::Absence(f) = &mut self.form {
                    let event = forms::update_absence(f, m);
                    return (self.form_event(event, context), None);
                }
            }
            Message::Solidarity(m) => {
                if let Form::Solidarity(f) = &mut self.form {
                    let event = subscription::update_solidarity(f, m);
                    return (self.form_event(event, context), None);
                }
            }
            Message::EndTyped(typed) => {
                if let Form::EndSolidarity(_, end) = &mut self.form {
                    *end = typed;
                }
            }
            Message::Confirm => return (self.save(context), None),
            Message::Cancel => self.close_form(),
            Message::DeleteAbsence(id) => {
                let job = move |g: &Garden| members::delete_absence(g, id);
                return (self.run(context, "Absence supprimée.", job), None);
            }
            Message::Open(opening) => return (self.open_form(opening, context, base), cleared),
            Message::ShowAccount(show) => return (self.show_account(show, context), cleared),
            Message::Account(m) => {
                let (task, event) = self.account.update(m, context);
                return (task.map(Message::Account), event);
            }
            Message::Privacy(m) => return self.privacy(m, context),
        }
        (Task::none(), None)
    }

    /// Opens the form a message asks for (with the focus in its first field).
    fn open_form(&mut self, opening: Opening, context: &Context, base: &Base) -> Task<Message> {
        let today = context.today;
        let page = self.page.as_ref();
        let sub_of = |id: i64| {
            page?
                .subscriptions
                .iter()
                .find(|(s, _)| s.id == id)
                .cloned()
        };
        let (form, focus) = match opening {
            Opening::EditMember => (page.map(|p| Form::Member(MemberDraft::of(&p.member))), None),
            Opening::NewMembership => (
                Some(Form::Membership(MembershipDraft::new(today))),
                Some(ids::MS_AMOUNT),
            ),
            Opening::EditMembership(id) => (
                page.and_then(|p| p.memberships.iter().find(|m| m.id == id))
                    .map(|m| Form::Membership(MembershipDraft::of(m))),
                Some(ids::MS_AMOUNT),
            ),
            Opening::DeleteMembership(id) => (Some(Form::DeleteMembership(id)), None),
            Opening::NewSubscription => {
                let (sizes, depots) = (base.size_choices(), base.depot_choices());
                let draft = members::drafts::SubscriptionDraft::new(today, &sizes, &depots);
                let households = base.household_choices(self.member_id());
                let form = SubscriptionForm::new(draft, households);
                (
                    Some(Form::Subscription(Box::new(form))),
                    Some(ids::SUB_START),
                )
            }
            Opening::ChangeSubscription(id) => {
                let households = base.household_choices(self.member_id());
                let form = sub_of(id).map(|(sub, _)| {
                    let (sizes, depots) = (base.size_choices(), base.depot_choices());
                    let draft = members::drafts::SubscriptionDraft::change(
                        &sub,
                        today,
                        &sizes,
                        &depots,
                        &households,
                    );
                    Form::Subscription(Box::new(SubscriptionForm::new(draft, households)))
                });
                (form, None)
            }
            Opening::NewAbsence => (
                Some(Form::Absence(AbsenceDraft::new())),
                Some(ids::ABS_START),
            ),
            Opening::EditAbsence(id) => (
                page.and_then(|p| p.absences.iter().find(|a| a.id == id))
                    .map(|a| Form::Absence(AbsenceDraft::of(a))),
                None,
            ),
            Opening::EditSolidarity(id) => (
                sub_of(id).map(|(_, terms)| {
                    let funders = base.funder_choices();
                    Form::Solidarity(SolidarityDraft::of(id, terms.as_ref(), &funders, today))
                }),
                None,
            ),
            Opening::RemoveSolidarity(id) => {
                (Some(Form::EndSolidarity(id, format_date(today))), None)
            }
        };
        if let Some(form) = form {
            self.open(form);
        }
        focus.map_or_else(Task::none, operation::focus)
    }

    /// What the open form asks once it was typed into.
    fn form_event(&mut self, event: Option<FormEvent>, context: &Context) -> Task<Message> {
        match event {
            Some(FormEvent::Submit) => self.save(context),
            Some(FormEvent::Cancel) => {
                self.close_form();
                Task::none()
            }
            None => Task::none(),
        }
    }

    /// Saves the open form (or confirms what it asks).
    fn save(&mut self, context: &Context) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        let member = self.member_id();
        let today = context.today;
        match self.form.clone() {
            Form::None => Task::none(),
            Form::Member(f) => {
                let notice = if f.id == 0 {
                    "Adhérent enregistré."
                } else {
                    "Fiche enregistrée."
                };
                self.run(context, notice, move |g| members::save_household(g, &f))
            }
            Form::Membership(f) => self.run(context, "Cotisation enregistrée.", move |g| {
                members::save_membership(g, member, &f)
            }),
            Form::Subscription(f) => {
                let notice = if f.draft.changing.is_some() {
                    "Changement enregistré : l'ancien abonnement s'arrête la veille."
                } else {
                    "Abonnement enregistré."
                };
                let draft = f.draft;
                self.run(context, notice, move |g| {
                    members::save_subscription(g, member, &draft)
                })
            }
            Form::Absence(f) => self.run(context, "Absence enregistrée.", move |g| {
                members::save_absence(g, member, &f)
            }),
            Form::Solidarity(f) => {
                let notice = "Conditions Paniers Solidaires enregistrées.";
                self.run(context, notice, move |g| {
                    members::save_solidarity(g, &f, today)
                })
            }
            Form::EndSolidarity(id, end) => {
                let notice = "Conditions Paniers Solidaires terminées (les paniers déjà livrés \
                              les gardent).";
                self.run(context, notice, move |g| {
                    members::end_solidarity(g, id, &end)
                })
            }
            Form::DeleteMembership(id) => self.run(context, "Cotisation supprimée.", move |g| {
                members::delete_membership(g, id)
            }),
        }
    }

    /// Runs the write `job`, then reads the page again (the new household's when it made
    /// one); on failure the form stays as typed.
    fn run(
        &mut self,
        context: &Context,
        notice: &str,
        job: impl FnOnce(&Garden) -> app::Result<Saved> + Send + 'static,
    ) -> Task<Message> {
        self.busy = true;
        let shown = self.page.as_ref().map(|p| p.member.id);
        let (today, notice) = (context.today, notice.to_owned());
        let work = move |g: &Garden| {
            let saved = job(g)?;
            let page = match saved.created.or(shown) {
                Some(id) => Some(Box::new(members::load_page(g, id, today)?)),
                None => None,
            };
            Ok(Done {
                notice,
                saved,
                page,
            })
        };
        context.perform(work, Message::Saved)
    }

    /// A write came back.
    fn saved(&mut self, result: Result<Done, app::Error>) -> Option<Event> {
        self.busy = false;
        match result {
            Ok(done) => {
                if let Some(page) = done.page {
                    self.page = Some(*page);
                }
                self.close_form();
                Some(Event::Saved {
                    notice: done.notice,
                    warning: done.saved.warning,
                })
            }
            // The form stays open with what was typed; without a form, a banner says why.
            Err(error) if matches!(self.form, Form::None) => Some(Event::Failed(error)),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }
}
