//! Small view helpers shared by the screens.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Background, Border, Element, Length, Theme};

use super::theme::{self, BOLD};

/// The kind of a message shown in a coloured band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something went well.
    Success,
    /// Worth a look, nothing blocked.
    Warning,
    /// Something failed.
    Error,
}

/// A page title with an optional subtitle.
pub fn page_title<'a, M: 'a>(title: &'a str, subtitle: Option<String>) -> Element<'a, M> {
    let mut content = column![text(title).size(26).font(BOLD)].spacing(4);
    if let Some(subtitle) = subtitle {
        content = content.push(text(subtitle).size(15).color(theme::MUTED));
    }
    content.into()
}

/// A white card with a heading.
pub fn card<'a, M: 'a>(
    heading: impl Into<String>,
    body: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    container(column![text(heading.into()).size(17).font(BOLD), body.into()].spacing(10))
        .padding(16)
        .width(Length::Fill)
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(theme::CARD)),
            border: Border {
                color: theme::BORDER,
                width: 1.0,
                radius: 6.0.into(),
            },
            ..container::Style::default()
        })
        .into()
}

/// A coloured band with a message.
pub fn banner<'a, M: 'a>(tone: Tone, message: impl Into<String>) -> Element<'a, M> {
    let (background, foreground) = match tone {
        Tone::Success => (theme::SUCCESS_BG, theme::GREEN),
        Tone::Warning => (theme::WARNING_BG, theme::WARNING_TEXT),
        Tone::Error => (theme::ERROR_BG, theme::ERROR_TEXT),
    };
    container(text(message.into()).size(15).color(foreground))
        .padding([10, 14])
        .width(Length::Fill)
        .style(move |_: &Theme| container::Style {
            background: Some(Background::Color(background)),
            border: Border {
                radius: 4.0.into(),
                ..Border::default()
            },
            ..container::Style::default()
        })
        .into()
}

/// Secondary, muted text.
pub fn muted<'a>(content: impl Into<String>) -> iced::widget::Text<'a> {
    text(content.into()).size(14).color(theme::MUTED)
}

/// A labelled text field; `on_submit` lets Enter save the form.
pub fn field<'a, M: Clone + 'a>(
    label: &'a str,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: M,
) -> Element<'a, M> {
    column![
        text(label).size(14).color(theme::MUTED),
        text_input("", value)
            // A paste longer than any real value is cut (what is kept stays editable).
            .on_input(move |typed| on_input(crate::domain::limits::cap_field(typed)))
            .on_submit(on_submit)
            .padding(8)
            .size(15),
    ]
    .spacing(4)
    .width(Length::Fill)
    .into()
}

/// A primary action button (disabled when `on_press` is `None`).
pub fn action<'a, M: Clone + 'a>(label: &'a str, on_press: Option<M>) -> Element<'a, M> {
    button(text(label).size(15))
        .padding([8, 16])
        .on_press_maybe(on_press)
        .into()
}

/// A secondary action button.
pub fn secondary<'a, M: Clone + 'a>(label: &'a str, on_press: Option<M>) -> Element<'a, M> {
    button(text(label).size(15))
        .padding([8, 16])
        .style(button::secondary)
        .on_press_maybe(on_press)
        .into()
}

/// A two-column line "label  value" for figures.
pub fn figure<'a, M: 'a>(label: impl Into<String>, value: impl Into<String>) -> Element<'a, M> {
    row![
        text(label.into()).size(15).width(Length::Fill),
        text(value.into()).size(15).font(BOLD)
    ]
    .spacing(8)
    .into()
}

/// A folder setting: its label, the path typed (empty for the default) and « Choisir un
/// dossier… » beside it (`on_pick` is `None` while the screen is busy).
pub fn folder_field<'a, M: Clone + 'a>(
    label: &'a str,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: M,
    on_pick: Option<M>,
) -> Element<'a, M> {
    row![
        column![
            text(label).size(14).color(theme::MUTED),
            text_input("", value)
                .on_input(on_input)
                .on_submit(on_submit)
                .padding(8)
                .size(15),
        ]
        .spacing(4)
        .width(Length::Fill),
        column![
            text(" ").size(14),
            secondary("Choisir un dossier…", on_pick)
        ]
        .spacing(4),
    ]
    .spacing(12)
    .into()
}

/// The words of the sensitive-data tag, as tests look for them.
pub const SENSITIVE_TAG: &str = "donnée sensible";

/// A small tag « donnée sensible » (amber, like a warning) that marks on screen a field the
/// RGPD counts as sensitive (benefits, disability, court measure, housing, FSE+ answers).
pub fn sensitive_tag<'a, M: 'a>() -> Element<'a, M> {
    container(text(SENSITIVE_TAG).size(12).color(theme::WARNING_TEXT))
        .padding([1, 6])
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(theme::WARNING_BG)),
            border: Border {
                color: theme::WARNING_TEXT,
                width: 1.0,
                radius: 8.0.into(),
            },
            ..container::Style::default()
        })
        .into()
}

/// A field's label (or a group's heading) followed by the [`sensitive_tag`].
pub fn sensitive<'a, M: 'a>(label: impl Into<String>) -> Element<'a, M> {
    row![
        text(label.into()).size(14).color(theme::MUTED),
        sensitive_tag()
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}
