//! The "Calendrier" tab as a component: every week of the season with its closure, its
//! public holidays and the deliveries per depot; closures and holiday rules (for all depots
//! or one) are set here.

mod view;

use std::collections::HashMap;

use chrono::NaiveDate;
use iced::Task;

use super::kit::{self, Event, Written};
use crate::app::members::drafts::ClosureDraft;
use crate::app::members::{self, Base, Choice};
use crate::app::{self, Garden};
use crate::domain::calendar::format_date;
use crate::domain::distribution::holiday_effects;
use crate::store::week::CalendarWeek;
use crate::ui::screen::Context;

pub use view::WEEKS_ID;

/// The tab's state.
#[derive(Debug)]
pub struct Calendar {
    year: i32,
    weeks: Vec<CalendarWeek>,
    /// The closed week being typed, when its form is open.
    closure: Option<ClosureDraft>,
    /// Why the last save of the closure failed.
    error: Option<app::Error>,
    /// Replacement days typed per holiday.
    moves: HashMap<NaiveDate, String>,
    /// Depot chosen per holiday for the next rule (`None`: all depots).
    scopes: HashMap<NaiveDate, Option<i64>>,
    /// True when the season read next is scrolled to the current week (a season chosen,
    /// not one read again after a change, which keeps its place).
    scroll: bool,
    busy: bool,
}

/// Messages of the tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show this season.
    Year(i32),
    Loaded(app::Result<Vec<CalendarWeek>>),
    /// "Fermer une semaine…".
    NewClosure,
    /// A day of the week to close, typed.
    ClosureDay(String),
    /// Why the week is closed, typed.
    ClosureReason(String),
    /// Enter or "Enregistrer" in the closure form.
    Save,
    Cancel,
    /// "Rouvrir" the week of this Monday.
    Reopen(NaiveDate),
    /// About the public holiday of that day.
    Holiday(NaiveDate, Holiday),
    Saved(app::Result<Written>),
}

/// What is done about a public holiday.
#[derive(Debug, Clone)]
pub enum Holiday {
    /// The replacement day, typed.
    MoveTyped(String),
    /// "Annuler la livraison".
    Cancel,
    /// "Déplacer" (or Enter in the replacement day).
    Move,
    /// The depot (id 0: all depots) the next rule is for.
    Scope(Choice),
    /// Removes the rule for a depot (`None`: the all-depots rule).
    Default(Option<i64>),
}

impl Calendar {
    /// The tab on the season of `year` (read by [`Calendar::load`]).
    pub fn new(year: i32) -> Self {
        Calendar {
            year,
            weeks: Vec::new(),
            closure: None,
            error: None,
            moves: HashMap::new(),
            scopes: HashMap::new(),
            scroll: false,
            busy: false,
        }
    }

    /// Reads the season shown, then scrolls to the current week.
    pub fn load(&mut self, context: &Context) -> Task<Message> {
        self.scroll = true;
        self.read(context)
    }

    fn read(&mut self, context: &Context) -> Task<Message> {
        self.busy = true;
        let year = self.year;
        context.perform(move |g| members::load_calendar(g, year), Message::Loaded)
    }

    /// Closes the form open, if any (another tab was chosen).
    pub fn close_form(&mut self) {
        self.closure = None;
        self.error = None;
    }

    /// Handles `message` with the lists of `base`.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
        base: &Base,
    ) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        match message {
            Message::Year(year) => {
                self.year = year;
                self.close_form();
                (self.load(context), Some(Event::Cleared))
            }
            Message::Loaded(Ok(weeks)) => {
                self.weeks = weeks;
                self.busy = false;
                if !std::mem::take(&mut self.scroll) {
                    return none;
                }
                (view::show_current_week(&self.weeks, context.today), None)
            }
            Message::Loaded(Err(error)) => {
                self.busy = false;
                (Task::none(), Some(Event::Failed(error)))
            }
            Message::NewClosure => {
                self.closure = Some(ClosureDraft::default());
                self.error = None;
                (Task::none(), Some(Event::Cleared))
            }
            Message::ClosureDay(v) => {
                if let Some(f) = &mut self.closure {
                    f.day = v;
                }
                none
            }
            Message::ClosureReason(v) => {
                if let Some(f) = &mut self.closure {
                    f.reason = v;
                }
                none
            }
            Message::Save => (self.save_closure(context), None),
            Message::Cancel => {
                self.close_form();
                none
            }
            Message::Saved(result) => {
                self.busy = false;
                let event = kit::written(result, self.closure.is_some(), &mut self.error);
                if matches!(event, Some(Event::Saved { .. })) {
                    self.closure = None;
                    return (self.read(context), event);
                }
                (Task::none(), event)
            }
            Message::Reopen(monday) => {
                let notice = "La semaine est de nouveau ouverte.";
                let job = move |g: &Garden| members::reopen_week(g, monday);
                (kit::write(context, notice, job, Message::Saved), None)
            }
            Message::Holiday(date, holiday) => (self.holiday(date, holiday, context, base), None),
        }
    }

    fn save_closure(&mut self, context: &Context) -> Task<Message> {
        let Some(f) = self.closure.clone().filter(|_| !self.busy) else {
            return Task::none();
        };
        self.busy = true;
        let notice = "Semaine de fermeture enregistrée.";
        kit::write(
            context,
            notice,
            move |g| members::add_closure(g, &f),
            Message::Saved,
        )
    }

    /// What is done about the public holiday of `date`.
    fn holiday(
        &mut self,
        date: NaiveDate,
        holiday: Holiday,
        context: &Context,
        base: &Base,
    ) -> Task<Message> {
        let write = |notice: String, job: Job| kit::write(context, &notice, job, Message::Saved);
        match holiday {
            Holiday::MoveTyped(typed) => {
                self.moves.insert(date, typed);
                Task::none()
            }
            Holiday::Scope(choice) => {
                self.scopes
                    .insert(date, (choice.id > 0).then_some(choice.id));
                Task::none()
            }
            Holiday::Cancel => {
                let depot = self.scope(date, base);
                let notice = format!(
                    "Férié du {} : livraison annulée {}.",
                    format_date(date),
                    scope_words(base, depot)
                );
                let job = move |g: &Garden| members::set_holiday_rule(g, date, depot, None);
                write(notice, Box::new(job))
            }
            Holiday::Move => {
                let depot = self.scope(date, base);
                let typed = self.moves.get(&date).cloned().unwrap_or_default();
                let to =
                    crate::domain::calendar::parse_date(&typed).map_or(typed.clone(), format_date);
                let notice = format!(
                    "Férié du {} : livraison déplacée au {to} {}.",
                    format_date(date),
                    scope_words(base, depot)
                );
                let job = move |g: &Garden| members::set_holiday_rule(g, date, depot, Some(&typed));
                write(notice, Box::new(job))
            }
            Holiday::Default(depot) => {
                let notice = format!(
                    "Férié du {} : règle {} retirée.",
                    format_date(date),
                    scope_words(base, depot).replacen("pour ", "de ", 1)
                );
                let job = move |g: &Garden| members::clear_holiday_rule(g, date, depot);
                write(notice, Box::new(job))
            }
        }
    }

    /// The depot the next rule of `date` is for (`None`: all depots); a depot chosen earlier
    /// that no longer delivers that day (deactivated, weekday changed) counts as none.
    fn scope(&self, date: NaiveDate, base: &Base) -> Option<i64> {
        let chosen = self.scopes.get(&date).copied().flatten()?;
        holiday_effects(date, &base.depots, &base.holiday_rules)
            .iter()
            .any(|e| e.depot_id == chosen)
            .then_some(chosen)
    }
}

/// A write of the calendar.
type Job = Box<dyn FnOnce(&Garden) -> app::Result<members::Saved> + Send>;

/// "pour tous les dépôts" / "pour Mairie".
fn scope_words(base: &Base, depot_id: Option<i64>) -> String {
    match depot_id {
        None => "pour tous les dépôts".to_owned(),
        Some(id) => {
            let name = base.depots.iter().find(|d| d.id == id);
            format!("pour {}", name.map_or("ce dépôt", |d| d.name.as_str()))
        }
    }
}
