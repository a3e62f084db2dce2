//! The parts every import screen draws the same way: the page with its title and message,
//! the start card, the file line, the two panes of the matching stage, the Importer /
//! Annuler row, the preview list and the "Import terminé" card. Each screen fills them with
//! its own texts, options and preview rows; their buttons send the flow's messages, wrapped
//! by `to` in the screen's own.

use iced::widget::{Column, Row, column, container, row, scrollable, text};
use iced::{Background, Border, Color, Element, Length, Theme};

use super::flow::{Flow, Message};
use crate::ui::widgets::{self, Tone};

/// Most preview rows drawn (the counts cover them all).
const PREVIEW_LIMIT: usize = 300;

/// The page: its title, the kind of file it reads, and the message of the flow.
pub fn page<'a, M, R, Msg: 'a>(
    title: &'a str,
    subtitle: &str,
    flow: &Flow<M, R>,
) -> Column<'a, Msg> {
    let mut page = Column::new()
        .spacing(14)
        .padding(24)
        .push(widgets::page_title(title, Some(subtitle.into())));
    if let Some((tone, message)) = &flow.message {
        page = page.push(widgets::banner(*tone, message.clone()));
    }
    page
}

/// The "Fichier à importer" card: what the file must hold, a note, and the button that picks
/// it (disabled while `busy`).
pub fn start_card<'a, C, R, Msg: Clone + 'a>(
    explanation: &'a str,
    note: &'a str,
    button: &'a str,
    busy: bool,
    to: fn(Message<C, R>) -> Msg,
) -> Element<'a, Msg> {
    let body = column![
        text(explanation).size(15),
        widgets::muted(note),
        widgets::action(button, (!busy).then(|| to(Message::PickFile))),
    ]
    .spacing(12);
    widgets::card("Fichier à importer", body)
}

/// The line naming the file read, with "Choisir un autre fichier…".
pub fn file_line<'a, C, R, Msg: Clone + 'a>(
    description: String,
    to: fn(Message<C, R>) -> Msg,
) -> Element<'a, Msg> {
    row![
        text(description).size(15).width(Length::Fill),
        widgets::secondary("Choisir un autre fichier…", Some(to(Message::PickFile))),
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center)
    .into()
}

/// The matching stage's two panes: on the left the columns, the column problem if any and
/// the options; on the right the preview under its heading.
pub fn panes<'a, Msg: 'a>(
    columns: Element<'a, Msg>,
    problem: Option<String>,
    options: Element<'a, Msg>,
    preview_heading: String,
    preview: Element<'a, Msg>,
) -> Element<'a, Msg> {
    let mut left = column![widgets::card("1. Colonnes du fichier", columns)].spacing(14);
    if let Some(problem) = problem {
        left = left.push(widgets::banner(Tone::Warning, problem));
    }
    left = left.push(widgets::card("2. Options", options));
    row![
        scrollable(left.padding(iced::Padding::ZERO.right(12)))
            .width(Length::FillPortion(5))
            .height(Length::Fill),
        container(widgets::card(
            preview_heading,
            scrollable(preview).height(Length::Fill),
        ))
        .width(Length::FillPortion(6))
        .height(Length::Fill),
    ]
    .spacing(16)
    .height(Length::Fill)
    .into()
}

/// "Importer" (when `can_import`), "Annuler", and what importing does — or `idle`, why
/// there is nothing to import.
pub fn import_bar<'a, C, R, Msg: Clone + 'a>(
    can_import: bool,
    to: fn(Message<C, R>) -> Msg,
    idle: &'a str,
) -> Element<'a, Msg> {
    row![
        widgets::action("Importer", can_import.then(|| to(Message::Import))),
        widgets::secondary("Annuler", Some(to(Message::Cancel))),
        widgets::muted(if can_import {
            "Tout est enregistré en une fois ; les lignes refusées ne le sont pas."
        } else {
            idle
        }),
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center)
    .into()
}

/// A bold column title of the preview.
pub fn heading<'a>(label: &'a str) -> iced::widget::Text<'a> {
    text(label).size(14).font(crate::ui::theme::BOLD)
}

/// The preview: `header`, then the first rows drawn by `draw`, then how many more there are
/// (or that the file has no data row).
pub fn preview_list<'a, T, Msg: 'a>(
    header: Row<'a, Msg>,
    rows: &'a [T],
    draw: impl Fn(&'a T) -> Element<'a, Msg>,
) -> Element<'a, Msg> {
    let mut list = column![header.spacing(10)].spacing(4);
    for item in rows.iter().take(PREVIEW_LIMIT) {
        list = list.push(draw(item));
    }
    if rows.len() > PREVIEW_LIMIT {
        list = list.push(widgets::muted(format!(
            "… et {} autre(s) ligne(s), comptées ci-dessus.",
            rows.len() - PREVIEW_LIMIT
        )));
    }
    if rows.is_empty() {
        list = list.push(widgets::muted("Aucune ligne de données dans le fichier."));
    }
    list.into()
}

/// One row of the preview, on `background` (none: the page's).
pub fn preview_row<'a, Msg: 'a>(
    cells: Row<'a, Msg>,
    background: Option<Color>,
) -> Element<'a, Msg> {
    container(cells.spacing(10))
        .padding([2, 4])
        .style(move |_: &Theme| container::Style {
            background: background.map(Background::Color),
            border: Border {
                radius: 3.0.into(),
                ..Border::default()
            },
            ..container::Style::default()
        })
        .into()
}

/// The "Import terminé" card: the summary, the buttons (saving the refused rows when there
/// are some, importing another file) and the refused rows.
pub fn done_card<'a, C, R, Msg: Clone + 'a>(
    summary: String,
    rejected: &[(usize, String)],
    to: fn(Message<C, R>) -> Msg,
) -> Element<'a, Msg> {
    let mut refused = column![].spacing(4);
    for (line, reason) in rejected {
        refused = refused.push(text(format!("Ligne {line} : {reason}")).size(14));
    }
    let mut buttons = row![].spacing(10);
    if !rejected.is_empty() {
        buttons = buttons.push(widgets::secondary(
            "Enregistrer les lignes refusées (CSV)",
            Some(to(Message::SaveRejected)),
        ));
    }
    buttons = buttons.push(widgets::action(
        "Importer un autre fichier",
        Some(to(Message::PickFile)),
    ));
    let body = column![
        widgets::banner(Tone::Success, summary),
        buttons,
        scrollable(refused).height(Length::Fill),
    ]
    .spacing(10);
    widgets::card("Import terminé", body)
}
