//! Accueil's short lists (kept apart from `home.rs` to keep it small): the employees'
//! alerts and rows "name · what · date".

use chrono::NaiveDate;
use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::theme::BOLD;
use super::widgets;
use crate::domain::calendar::format_date;
use crate::domain::employees::EmployeeAlert;

/// How many alerts Accueil lists before saying how many more there are.
const ALERTS_SHOWN: usize = 8;

/// The employees' alerts, the first few then how many more.
pub fn alert_list<'a, M: 'a>(alerts: &'a [EmployeeAlert]) -> Element<'a, M> {
    let mut list = dated_list(
        alerts
            .iter()
            .take(ALERTS_SHOWN)
            .map(|a| (a.name.as_str(), a.kind.short_label(), a.date)),
        "Rien à signaler ce mois-ci.",
    );
    if alerts.len() > ALERTS_SHOWN {
        list = column![
            list,
            widgets::muted(format!(
                "… et {} autre(s) : voir l'écran Salariés.",
                alerts.len() - ALERTS_SHOWN
            ))
        ]
        .spacing(6)
        .into();
    }
    list
}

/// Rows "name · what · date", or `empty` when there are none.
pub fn dated_list<'a, M: 'a>(
    items: impl Iterator<Item = (&'a str, &'static str, NaiveDate)>,
    empty: &'a str,
) -> Element<'a, M> {
    let mut list = Column::new().spacing(6);
    let mut any = false;
    for (name, what, date) in items {
        any = true;
        list = list.push(
            row![
                text(name.to_string()).size(15).width(Length::Fill),
                widgets::muted(what),
                text(format_date(date))
                    .size(15)
                    .font(BOLD)
                    .width(Length::Fixed(100.0)),
            ]
            .spacing(8),
        );
    }
    if any {
        list.into()
    } else {
        widgets::muted(empty).into()
    }
}
