//! The left pane: filters, sessions whose attendance is missing, and the dated list.

use chrono::NaiveDate;
use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Background, Border, Element, Length, Theme};

use super::{Message, Screen};
use crate::domain::calendar::{format_date, weekday_name};
use crate::domain::text::{Query, SearchKeys};
use crate::domain::workshops::{Period, places_text, search_matches, time_range};
use crate::store::workshops::SessionSummary;
use crate::ui::rows::{self, Scrolled};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Id of the search box.
pub const SEARCH_ID: &str = "workshops-search";
/// Id of the scrolled list of sessions.
pub const LIST_ID: &str = "workshops-list";
/// Height of a session in the list, the space below it included (the list draws only the
/// sessions in view).
pub const ROW_HEIGHT: f32 = 82.0;
/// The type filter's "every type" choice.
pub const ALL_TYPES: &str = "Tous les types";

/// The sessions the filters keep, in date order (the coming ones first for "À venir").
pub fn filtered<'a>(
    sessions: &'a [SessionSummary],
    search: &str,
    type_name: &str,
    period: Period,
    today: NaiveDate,
) -> Vec<&'a SessionSummary> {
    let mut kept: Vec<&SessionSummary> = sessions
        .iter()
        .filter(|s| type_name == ALL_TYPES || s.type_name == type_name)
        .filter(|s| period.contains(s.date, today))
        .filter(|s| search_matches(&search_text(s), search))
        .collect();
    if period == Period::Past {
        kept.reverse();
    }
    kept
}

/// What the search looks into: the workshop's title and type.
fn search_text(session: &SessionSummary) -> String {
    format!("{} {}", session.workshop_title, session.type_name)
}

impl Screen {
    /// The sessions were read (again): their search texts are folded, once.
    pub(super) fn sessions_read(&mut self) {
        self.keys = SearchKeys::new(self.sessions.iter().map(search_text));
        self.refilter();
    }

    /// The sessions the filters keep, as [`filtered`] gives them, as positions in the
    /// sessions read.
    pub(super) fn refilter(&mut self) {
        let query = Query::new(&self.search);
        let (type_name, period, today) = (&self.type_filter, self.period, self.listed_on);
        self.shown = (self.sessions.iter().enumerate())
            .filter(|(_, s)| type_name == ALL_TYPES || s.type_name == *type_name)
            .filter(|(_, s)| period.contains(s.date, today))
            .filter(|&(i, _)| self.keys.matches(i, &query))
            .map(|(i, _)| i)
            .collect();
        if period == Period::Past {
            self.shown.reverse();
        }
    }
}

/// "À saisir : 26/11/2026 · Soupes d'hiver" (the label of an unfilled session).
pub fn unfilled_label(session: &SessionSummary) -> String {
    format!(
        "À saisir : {} · {}",
        format_date(session.date),
        session.workshop_title
    )
}

fn short_day(date: NaiveDate) -> String {
    use chrono::Datelike;
    let day: String = weekday_name(date.weekday()).chars().take(3).collect();
    format!("{day}. {}", format_date(date))
}

fn session_button<'a>(
    session: &'a SessionSummary,
    selected: bool,
    unfilled: bool,
) -> Element<'a, Message> {
    let mut second = format!(
        "{} · {}",
        session.type_name,
        places_text(session.registered, session.capacity)
    );
    if unfilled {
        second.push_str(" · présences à saisir");
    }
    let content = column![
        row![
            text(short_day(session.date)).size(14).font(BOLD).width(150),
            text(time_range(session.start, session.end))
                .size(14)
                .color(theme::MUTED),
        ],
        text(session.workshop_title.as_str()).size(15),
        text(second).size(13).color(if unfilled {
            theme::WARNING_TEXT
        } else {
            theme::MUTED
        }),
    ]
    .spacing(2);
    button(content)
        .width(Length::Fill)
        .padding([8, 10])
        .style(move |t: &Theme, status| {
            let mut style = button::secondary(t, status);
            style.background = Some(Background::Color(if selected {
                theme::SIDEBAR
            } else {
                theme::CARD
            }));
            style.text_color = t.palette().text;
            style.border = Border {
                color: if selected {
                    theme::GREEN
                } else {
                    theme::BORDER
                },
                width: 1.0,
                radius: 4.0.into(),
            };
            style
        })
        .on_press(Message::Select(session.session_id))
        .into()
}

/// The left pane.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let top = top(screen);
    let selected = screen.selected.as_ref().map(|d| d.session.id);
    let list: Element<'_, Message> = if screen.shown.is_empty() {
        widgets::muted(if screen.sessions.is_empty() {
            "Aucune séance : créez un atelier et ses dates avec « Nouvel atelier »."
        } else {
            "Aucune séance ne correspond à ces filtres."
        })
        .into()
    } else {
        let lines = rows::rows(&screen.scrolled, screen.shown.len(), ROW_HEIGHT, |n| {
            let session = &screen.sessions[screen.shown[n]];
            let unfilled = screen
                .unfilled
                .iter()
                .any(|u| u.session_id == session.session_id);
            let is_selected = selected == Some(session.session_id);
            container(session_button(session, is_selected, unfilled))
                .padding(iced::Padding::ZERO.bottom(6))
                .into()
        });
        scrollable(lines.padding(iced::Padding::ZERO.right(12)))
            .id(LIST_ID)
            .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
            .height(Length::Fill)
            .into()
    };
    container(column![top, list].spacing(12))
        .width(400)
        .height(Length::Fill)
        .into()
}

/// The actions, the search box, the filters, the exports and the unfilled sessions.
fn top(screen: &Screen) -> iced::widget::Column<'_, Message> {
    let search = text_input("Rechercher un atelier…", &screen.search)
        .id(SEARCH_ID)
        .on_input(Message::Search)
        .padding(7)
        .size(15);
    let filters = row![
        pick_list(
            screen.type_options.as_slice(),
            Some(&screen.type_filter),
            Message::TypeFilter
        )
        .padding(6)
        .text_size(14)
        .width(Length::FillPortion(1)),
        pick_list(Period::ALL, Some(screen.period), Message::PeriodFilter)
            .padding(6)
            .text_size(14)
            .width(Length::FillPortion(1)),
    ]
    .spacing(8);
    let actions = row![
        widgets::action("Nouvel atelier", Some(Message::NewWorkshop)),
        widgets::secondary("Types d'atelier", Some(Message::OpenTypes)),
    ]
    .spacing(8);

    let exports = screen
        .exporter
        .buttons(super::SessionsExport)
        .map(Message::Export);
    let mut top = column![actions, search, filters, exports].spacing(10);
    if !screen.unfilled.is_empty() {
        let mut missing = Column::new().spacing(2);
        for session in screen.unfilled.iter().take(4) {
            missing = missing.push(
                button(text(unfilled_label(session)).size(14))
                    .style(button::text)
                    .padding([2, 4])
                    .on_press(Message::Select(session.session_id)),
            );
        }
        if screen.unfilled.len() > 4 {
            missing = missing.push(widgets::muted(format!(
                "… et {} autres",
                screen.unfilled.len() - 4
            )));
        }
        top = top.push(column![
            widgets::banner(
                Tone::Warning,
                format!(
                    "{} séance{} passée{} sans présences saisies",
                    screen.unfilled.len(),
                    if screen.unfilled.len() > 1 { "s" } else { "" },
                    if screen.unfilled.len() > 1 { "s" } else { "" }
                )
            ),
            missing
        ]);
    }
    top
}
