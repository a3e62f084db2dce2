//! Accueil › « Soldes à régulariser »: the households owing more than the amount set in
//! Paramètres (`debt_alert_cents`, 50,00 € by default), most owed first, with a way to the
//! Adhérents screen where their accounts are.

use iced::widget::{Column, row, text};
use iced::{Element, Length, Task};

use super::screen::{Action, Context, Request};
use super::section::Section;
use super::theme::BOLD;
use super::widgets;
use crate::app::{self, home::Debts};
use crate::domain::money::format_euros;
use crate::domain::wording::counted;

/// How many households the card lists before saying how many more there are.
const SHOWN_AT_MOST: usize = 10;

/// The card's state.
#[derive(Debug, Default)]
pub struct DebtsCard {
    debts: Option<app::Result<Debts>>,
}

/// Messages of the card.
#[derive(Debug, Clone)]
pub enum Message {
    /// The households over the threshold were read.
    Loaded(app::Result<Debts>),
    /// « Voir les adhérents ».
    OpenMembers,
}

impl DebtsCard {
    /// The card, starting to read the balances as of today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let task = context.perform(
            move |garden| app::home::debts(garden, today),
            Message::Loaded,
        );
        (DebtsCard::default(), task)
    }

    /// The households listed, once read.
    pub fn debts(&self) -> Option<&Debts> {
        self.debts.as_ref().and_then(|d| d.as_ref().ok())
    }

    /// Handles a message; the action is the home screen's to run.
    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Loaded(result) => self.debts = Some(result),
            Message::OpenMembers => return Request::Navigate(Section::Members).into(),
        }
        Action::None
    }

    /// The card, or nothing when no household owes more than the threshold.
    pub fn view(&self) -> Option<Element<'_, Message>> {
        let debts = match self.debts.as_ref()? {
            Ok(debts) if debts.households.is_empty() => return None,
            Ok(debts) => debts,
            Err(error) => {
                return Some(widgets::banner(widgets::Tone::Error, error.to_string()));
            }
        };
        let mut body = Column::new().spacing(6).push(widgets::muted(format!(
            "{} dont le solde dû dépasse {} :",
            counted(debts.households.len(), "foyer", "foyers"),
            format_euros(debts.threshold)
        )));
        for debt in debts.households.iter().take(SHOWN_AT_MOST) {
            body = body.push(
                row![
                    text(debt.name.clone()).size(15).width(Length::Fill),
                    text(format!("doit {}", format_euros(debt.owed)))
                        .size(15)
                        .font(BOLD)
                        .color(super::theme::WARNING_TEXT),
                ]
                .spacing(8),
            );
        }
        let more = debts.households.len().saturating_sub(SHOWN_AT_MOST);
        if more > 0 {
            body = body.push(widgets::muted(format!("… et {more} autre(s).")));
        }
        body = body.push(
            row![
                widgets::secondary("Voir les adhérents", Some(Message::OpenMembers)),
                widgets::muted("puis cochez « Soldes débiteurs » pour les retrouver."),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        );
        Some(widgets::card("Soldes à régulariser", body))
    }
}
