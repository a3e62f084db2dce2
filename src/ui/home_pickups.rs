//! Accueil › « Émargements à saisir »: past delivery weeks whose pickups were never ticked,
//! depot by depot, with one action marking everyone collected except the absent.

use iced::widget::{Column, row, text};
use iced::{Element, Length, Task};

use super::screen::{Action, Context};
use super::widgets::{self, Tone};
use crate::app::{self, home::Marked};
use crate::domain::calendar::{IsoWeek, format_date, weekday_name};
use crate::domain::wording::counted;
use crate::store::distribution::UntickedWeek;

/// The list's state.
#[derive(Debug, Default)]
pub struct Pickups {
    weeks: Vec<UntickedWeek>,
    message: Option<(Tone, String)>,
}

/// Messages of the list.
#[derive(Debug, Clone)]
pub enum Message {
    /// The weeks left unticked were read.
    Loaded(app::Result<Vec<UntickedWeek>>),
    /// "Tous retirés sauf absents" for a depot and a week.
    MarkCollected(IsoWeek, i64),
    /// The pickups of the depot named were recorded, then the list was read again.
    Marked(String, app::Result<Marked>),
}

/// The short heading of a week: "Semaine 47 — 4 dépôts".
pub fn week_heading(week: &UntickedWeek) -> String {
    let n = week.depots.len();
    format!(
        "{} — {n} dépôt{}",
        week.week.label(),
        if n > 1 { "s" } else { "" }
    )
}

impl Pickups {
    /// The list, starting to read the weeks left unticked before today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let task = context.perform(
            move |garden| app::home::unticked_weeks(garden, today),
            Message::Loaded,
        );
        (Pickups::default(), task)
    }

    /// Handles a message; the action is the home screen's to run.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(Ok(weeks)) => self.weeks = weeks,
            Message::Loaded(Err(error)) => self.message = Some((Tone::Error, error.to_string())),
            Message::MarkCollected(week, depot_id) => {
                let name = self
                    .weeks
                    .iter()
                    .flat_map(|w| w.depots.iter())
                    .find(|d| d.depot_id == depot_id)
                    .map(|d| d.name.clone())
                    .unwrap_or_default();
                let today = context.today;
                return Action::Run(context.perform(
                    move |garden| app::home::mark_all_collected(garden, week, depot_id, today),
                    move |result| Message::Marked(name, result),
                ));
            }
            Message::Marked(name, Ok(marked)) => {
                self.weeks = marked.weeks;
                self.message = Some((
                    Tone::Success,
                    format!(
                        "{name} : {} émargement(s) enregistré(s), absents exceptés.",
                        marked.lines
                    ),
                ));
            }
            Message::Marked(_, Err(error)) => {
                self.message = Some((Tone::Error, error.to_string()));
            }
        }
        Action::None
    }

    /// The card, or nothing when every past delivery is ticked.
    pub fn view(&self) -> Option<Element<'_, Message>> {
        if self.weeks.is_empty() && self.message.is_none() {
            return None;
        }
        let mut body = Column::new().spacing(8);
        if let Some((tone, message)) = &self.message {
            body = body.push(widgets::banner(*tone, message.clone()));
        }
        if !self.weeks.is_empty() {
            body = body.push(widgets::muted(
                "Ces paniers prévus ne comptent ni dans le bilan ni dans les relevés tant que \
                 leur retrait n'est pas saisi.",
            ));
        }
        for week in &self.weeks {
            body = body.push(text(week_heading(week)).size(15));
            for d in &week.depots {
                body = body.push(
                    row![
                        text(format!(
                            "{}, {} {} : {} pour {}",
                            d.name,
                            weekday_name(chrono::Datelike::weekday(&d.date)).to_lowercase(),
                            format_date(d.date),
                            counted(d.baskets, "panier", "paniers"),
                            counted(d.households, "foyer", "foyers"),
                        ))
                        .size(14)
                        .width(Length::Fill),
                        widgets::secondary(
                            "Tous retirés sauf absents",
                            Some(Message::MarkCollected(week.week, d.depot_id)),
                        ),
                    ]
                    .spacing(10)
                    .align_y(iced::Alignment::Center),
                );
            }
        }
        Some(widgets::card("Émargements à saisir", body))
    }
}
