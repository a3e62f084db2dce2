//! What the "Calendrier" tab shows: every week of the season with its closure, its public
//! holidays (what happens at each depot, the rules set, the controls to set one) and the
//! deliveries per depot.

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, button, column, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::{Calendar, Holiday, Message};
use crate::app::members::{Base, Choice};
use crate::domain::baskets::HolidayRule;
use crate::domain::calendar::{IsoWeek, format_date, long_date, weekday_name};
use crate::domain::distribution::{Delivery, HolidayEffect, holiday_effects};
use crate::store::week::CalendarWeek;
use crate::ui::members::ids;
use crate::ui::members::kit::{Fields, link};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Left margin of the lines under a week (the width of "S12  16/03/2026").
const UNDER_WEEK: f32 = 138.0;

/// The scope choice "all depots" (id 0).
fn all_depots() -> Choice {
    Choice {
        id: 0,
        label: "Tous les dépôts".into(),
    }
}

/// What happens to a delivery on a holiday, in words.
fn outcome(d: &Delivery) -> String {
    match d {
        Delivery::Moved { to, .. } => format!("livraison déplacée au {}", long_date(*to)),
        Delivery::HolidayCancelled { .. } => "livraison annulée".into(),
        Delivery::On(_) => "livraison maintenue".into(),
        Delivery::Closed { .. } => "semaine de fermeture".into(),
    }
}

/// The name of depot `id`, or "dépôt supprimé".
fn depot_name(base: &Base, id: i64) -> String {
    let depot = base.depots.iter().find(|d| d.id == id);
    depot.map_or_else(|| "dépôt supprimé".to_owned(), |d| d.name.clone())
}

/// A holiday: the depots it affects and what happens at each (and which rule decides), the
/// rules set with a button to remove each, and the controls to set a rule for all depots or
/// for one.
fn holiday_block<'a>(
    calendar: &'a Calendar,
    base: &'a Base,
    date: NaiveDate,
    name: &'a str,
    closed_week: bool,
) -> Element<'a, Message> {
    let rules = &base.holiday_rules;
    let effects = holiday_effects(date, &base.depots, rules);
    let mut block = Column::new().spacing(2).padding(iced::Padding {
        left: UNDER_WEEK,
        top: 2.0,
        bottom: 4.0,
        ..iced::Padding::ZERO
    });
    let title = format!("Férié : {name}, {}", long_date(date));
    if (effects.is_empty() || closed_week) && !rules.iter().any(|r| r.date == date) {
        let why = if closed_week {
            "semaine de fermeture".to_owned()
        } else {
            format!("aucun dépôt ne livre le {}", weekday_name(date.weekday()))
        };
        let quiet = text(format!("{title} — {why}"))
            .size(13)
            .color(theme::MUTED);
        return block.push(quiet).into();
    }
    block = block.push(text(title).size(13).font(BOLD).color(theme::WARNING_TEXT));
    for e in &effects {
        block = block.push(effect_line(base, date, e));
    }
    for r in rules.iter().filter(|r| r.date == date) {
        // A rule for a depot that delivers that day is shown on the depot's line above.
        let shown = (r.depot_id).is_some_and(|id| effects.iter().any(|e| e.depot_id == id));
        if !shown {
            block = block.push(rule_line(base, date, r));
        }
    }
    block
        .push(holiday_controls(calendar, base, date, &effects))
        .into()
}

/// What happens at one depot on a holiday, and which rule decides.
fn effect_line<'a>(base: &Base, date: NaiveDate, e: &HolidayEffect) -> Element<'a, Message> {
    let mut line = row![
        text(format!(
            "{} : {} ({})",
            depot_name(base, e.depot_id),
            outcome(&e.delivery),
            e.source.label()
        ))
        .size(13)
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    if e.source == crate::domain::distribution::RuleSource::ThisDepot {
        line = line.push(link(
            "Retirer la règle de ce dépôt",
            Message::Holiday(date, Holiday::Default(Some(e.depot_id))),
        ));
    }
    line.into()
}

/// A rule set for all depots, or for a depot that does not deliver that day.
fn rule_line<'a>(base: &Base, date: NaiveDate, r: &HolidayRule) -> Element<'a, Message> {
    let what = match r.moved_to {
        Some(to) if r.action == crate::domain::baskets::HolidayAction::Moved => {
            format!("livraison déplacée au {}", long_date(to))
        }
        _ => "livraison annulée".to_owned(),
    };
    let scope = match r.depot_id {
        None => "Règle pour tous les dépôts".to_owned(),
        Some(id) => format!(
            "Règle pour {} (ne livre pas ce jour-là)",
            depot_name(base, id)
        ),
    };
    row![
        text(format!("{scope} : {what}")).size(13),
        link(
            "Retirer",
            Message::Holiday(date, Holiday::Default(r.depot_id))
        ),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

/// For which depots (all, or one delivering that day), the replacement day, and the buttons
/// that move or cancel the delivery.
fn holiday_controls<'a>(
    calendar: &'a Calendar,
    base: &Base,
    date: NaiveDate,
    effects: &[HolidayEffect],
) -> Element<'a, Message> {
    let scopes: Vec<Choice> = std::iter::once(all_depots())
        .chain(effects.iter().map(|e| Choice {
            id: e.depot_id,
            label: depot_name(base, e.depot_id),
        }))
        .collect();
    let scope = calendar.scopes.get(&date).copied().flatten();
    // A depot chosen earlier that no longer delivers that day falls back to all depots.
    let chosen = (scopes.iter())
        .find(|c| Some(c.id) == scope)
        .or_else(|| scopes.first())
        .cloned();
    let moved = calendar.moves.get(&date).map_or("", String::as_str);
    let on = move |holiday: Holiday| Message::Holiday(date, holiday);
    row![
        text("Pour").size(13).color(theme::MUTED),
        pick_list(scopes, chosen, move |c| on(Holiday::Scope(c)))
            .text_size(13)
            .padding(4)
            .width(320),
        text_input("jour de remplacement", moved)
            .id(ids::holiday(date))
            .on_input(move |v| on(Holiday::MoveTyped(v)))
            .on_submit(on(Holiday::Move))
            .size(13)
            .padding(4)
            .width(160),
        button(text("Déplacer").size(13))
            .style(button::text)
            .on_press(on(Holiday::Move)),
        button(text("Annuler la livraison").size(13))
            .style(button::text)
            .on_press(on(Holiday::Cancel)),
    ]
    .spacing(6)
    .padding(iced::Padding {
        top: 2.0,
        ..iced::Padding::ZERO
    })
    .align_y(iced::Alignment::Center)
    .into()
}

fn delivery_short(d: &Delivery, baskets: i64) -> String {
    match d {
        Delivery::On(date) => format!(
            "{}. {} · {baskets}",
            &weekday_name(date.weekday())[..3],
            date.day()
        ),
        Delivery::Moved { to, .. } => format!("→ {}/{:02} · {baskets}", to.day(), to.month()),
        Delivery::Closed { .. } => "fermé".into(),
        Delivery::HolidayCancelled { .. } => "annulée (férié)".into(),
    }
}

/// Id of the scrollable list of weeks.
pub const WEEKS_ID: &str = "calendrier-semaines";

/// Height of one week's line in the list, in pixels (text 14 plus spacing).
const WEEK_LINE: f32 = 20.2;
/// Height of a holiday's block under its week (one line, or the rule form).
const HOLIDAY_BLOCK: f32 = 26.0;

/// Scrolls the list of weeks so that the week of `today` shows near the top (two weeks
/// before it stay visible); nothing when `today` is in another season.
pub fn show_current_week<T>(weeks: &[CalendarWeek], today: NaiveDate) -> iced::Task<T> {
    let current = IsoWeek::of(today);
    let Some(index) = weeks.iter().position(|w| w.week == current) else {
        return iced::Task::none();
    };
    let before = &weeks[..index.saturating_sub(2)];
    let holidays: usize = before.iter().map(|w| w.holidays.len()).sum();
    let offset = before.len() as f32 * WEEK_LINE + holidays as f32 * HOLIDAY_BLOCK;
    iced::widget::operation::scroll_to(
        WEEKS_ID,
        iced::widget::operation::AbsoluteOffset {
            x: None,
            y: Some(offset),
        },
    )
}

/// The short name of a depot for a column head: the part before " – ".
fn short_name(name: &str) -> String {
    name.split(" – ").next().unwrap_or(name).to_owned()
}

impl Calendar {
    /// The season: every week, its closure, holidays, and deliveries per depot.
    pub fn view<'a>(&'a self, base: &'a Base, today: NaiveDate) -> Element<'a, Message> {
        let year = self.year;
        let mut top = row![
            widgets::secondary("← Année précédente", Some(Message::Year(year - 1))),
            text(format!("Saison {year}")).size(18).font(BOLD),
            widgets::secondary("Année suivante →", Some(Message::Year(year + 1))),
            iced::widget::Space::new().width(Length::Fill),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center);
        if self.closure.is_none() {
            top = top.push(widgets::action(
                "Fermer une semaine…",
                Some(Message::NewClosure),
            ));
        }
        let mut page = Column::new().spacing(10).push(top);
        if let Some(f) = &self.closure {
            page = page.push(widgets::card("Semaine de fermeture", self.closure_form(f)));
        }
        page = page.push(self.head());
        let mut weeks = Column::new().spacing(2).padding(iced::Padding {
            right: 16.0,
            ..iced::Padding::ZERO
        });
        let current = IsoWeek::of(today);
        for w in &self.weeks {
            weeks = weeks.push(week_line(w, w.week == current));
            for (date, name) in &w.holidays {
                weeks = weeks.push(holiday_block(self, base, *date, name, w.closure.is_some()));
            }
        }
        if self.weeks.is_empty() {
            weeks = weeks.push(widgets::muted("Chargement du calendrier…"));
        }
        page.push(
            iced::widget::scrollable(weeks)
                .id(WEEKS_ID)
                .height(Length::Fill),
        )
        .into()
    }

    /// A day of the week to close, and why.
    fn closure_form<'a>(
        &'a self,
        f: &'a crate::app::members::drafts::ClosureDraft,
    ) -> Element<'a, Message> {
        let fields = Fields::new(self.error.as_ref());
        column![
            row![
                fields.input(
                    "Un jour de la semaine fermée",
                    "members-closure-day",
                    &f.day,
                    Message::ClosureDay,
                    Message::Save,
                    None
                ),
                fields.input(
                    "Motif (vacances d'été, Noël…)",
                    "members-closure-reason",
                    &f.reason,
                    Message::ClosureReason,
                    Message::Save,
                    None
                ),
            ]
            .spacing(10),
            fields.buttons("Enregistrer", Message::Save, Message::Cancel),
        ]
        .spacing(8)
        .into()
    }

    /// The heads of the columns: the week, each depot, the baskets.
    fn head(&self) -> Element<'_, Message> {
        let mut head = row![text("Semaine").size(13).color(theme::MUTED).width(130)].spacing(8);
        if let Some(first) = self.weeks.first() {
            for (name, _, _) in &first.depots {
                head = head.push(
                    text(short_name(name))
                        .size(13)
                        .color(theme::MUTED)
                        .width(Length::FillPortion(1)),
                );
            }
        }
        head.push(text("Paniers").size(13).color(theme::MUTED).width(70))
            .into()
    }
}

/// One week: its number and Monday, then "Fermé" (and "Rouvrir") or each depot's delivery
/// and the baskets of the week.
fn week_line(w: &CalendarWeek, current: bool) -> Element<'_, Message> {
    let mut line = row![
        text(format!("S{}", w.week.week()))
            .size(14)
            .font(BOLD)
            .color(if current {
                theme::GREEN
            } else {
                iced::Color::BLACK
            })
            .width(40),
        text(format_date(w.week.monday()))
            .size(13)
            .color(theme::MUTED)
            .width(82),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    if let Some(reason) = &w.closure {
        let closed = if reason.is_empty() {
            "Fermé".to_owned()
        } else {
            format!("Fermé : {reason}")
        };
        return line
            .push(
                text(closed)
                    .size(14)
                    .color(theme::WARNING_TEXT)
                    .width(Length::Fill),
            )
            .push(
                button(text("Rouvrir").size(13))
                    .style(button::text)
                    .on_press(Message::Reopen(w.week.monday())),
            )
            .into();
    }
    for (_, d, n) in &w.depots {
        let off = !d.is_delivered() || matches!(d, Delivery::Moved { .. });
        line = line.push(
            text(delivery_short(d, *n))
                .size(13)
                .color(if off {
                    theme::WARNING_TEXT
                } else {
                    iced::Color::BLACK
                })
                .width(Length::FillPortion(1)),
        );
    }
    line.push(text(w.total.to_string()).size(13).font(BOLD).width(70))
        .into()
}
