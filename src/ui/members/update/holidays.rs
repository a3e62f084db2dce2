//! Public-holiday rules set from the calendar: for all depots or for the depot chosen.

use chrono::NaiveDate;
use iced::Task;

use crate::domain::baskets::{HolidayAction, HolidayRule};
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::distribution::holiday_effects;
use crate::store::calendar;
use crate::ui::members::{Choice, Message, Screen};
use crate::ui::widgets::Tone;

impl Screen {
    /// The depot the next rule of `date` is for (`None`: all depots); a depot chosen earlier
    /// that no longer delivers that day (deactivated, weekday changed) counts as none.
    fn holiday_scope(&self, date: NaiveDate) -> Option<i64> {
        let chosen = self.holiday_scopes.get(&date).copied().flatten()?;
        holiday_effects(date, &self.base.depots, &self.base.holiday_rules)
            .iter()
            .any(|e| e.depot_id == chosen)
            .then_some(chosen)
    }

    /// "pour tous les dépôts" / "pour Mairie".
    fn scope_words(&self, depot_id: Option<i64>) -> String {
        match depot_id {
            None => "pour tous les dépôts".to_owned(),
            Some(id) => format!(
                "pour {}",
                self.base
                    .depots
                    .iter()
                    .find(|d| d.id == id)
                    .map_or("ce dépôt", |d| d.name.as_str())
            ),
        }
    }

    pub(super) fn holiday_scope_picked(&mut self, date: NaiveDate, choice: Choice) {
        self.holiday_scopes
            .insert(date, (choice.id > 0).then_some(choice.id));
    }

    pub(super) fn holiday_cancel(&mut self, date: NaiveDate) -> Task<Message> {
        let depot_id = self.holiday_scope(date);
        let rule = HolidayRule {
            id: 0,
            date,
            depot_id,
            action: HolidayAction::Cancelled,
            moved_to: None,
        };
        let notice = format!(
            "Férié du {} : livraison annulée {}.",
            format_date(date),
            self.scope_words(depot_id)
        );
        self.write(
            &notice,
            Box::new(move |c| calendar::set_holiday_rule(c, &rule).map(|_| (None, None))),
        )
    }

    pub(super) fn holiday_move(&mut self, date: NaiveDate) -> Task<Message> {
        let typed = self.holiday_moves.get(&date).cloned().unwrap_or_default();
        let Some(to) = parse_date(&typed) else {
            self.message = Some((
                Tone::Error,
                format!(
                    "Férié du {} : tapez le jour de remplacement (28/11/2026) avant « Déplacer ».",
                    format_date(date)
                ),
            ));
            return Task::none();
        };
        let depot_id = self.holiday_scope(date);
        let rule = HolidayRule {
            id: 0,
            date,
            depot_id,
            action: HolidayAction::Moved,
            moved_to: Some(to),
        };
        let notice = format!(
            "Férié du {} : livraison déplacée au {} {}.",
            format_date(date),
            format_date(to),
            self.scope_words(depot_id)
        );
        self.write(
            &notice,
            Box::new(move |c| calendar::set_holiday_rule(c, &rule).map(|_| (None, None))),
        )
    }

    pub(super) fn holiday_default(
        &mut self,
        date: NaiveDate,
        depot_id: Option<i64>,
    ) -> Task<Message> {
        let notice = format!(
            "Férié du {} : règle {} retirée.",
            format_date(date),
            self.scope_words(depot_id).replacen("pour ", "de ", 1)
        );
        self.write(
            &notice,
            Box::new(move |c| {
                calendar::clear_holiday_rule(c, date, depot_id).map(|()| (None, None))
            }),
        )
    }
}
