//! The small pieces every part of the Adhérents screen uses: a form's fields with its error
//! beside the field at fault, its buttons, a link, a scrolled body.

use std::cell::Cell;

use iced::widget::{Column, button, column, row, scrollable, text, text_input};
use iced::{Element, Length};

use crate::app;
use crate::ui::theme;
use crate::ui::widgets::{self, Tone};

/// What a form tells the component that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    /// Enter in a field, or the form's action button: check and save it.
    Submit,
    /// "Annuler": close it.
    Cancel,
}

/// Room for the scroll bar on the right of a scrolled page.
pub const SCROLL_GAP: iced::Padding = iced::Padding {
    top: 0.0,
    right: 16.0,
    bottom: 0.0,
    left: 0.0,
};

/// The fields of one form as it is drawn: the error of the last save goes beside the field
/// it names, or above the buttons when no field shown has that name (a refusal of the
/// database, say).
pub struct Fields<'a> {
    error: Option<&'a app::Error>,
    placed: Cell<bool>,
}

impl<'a> Fields<'a> {
    /// The fields of a form whose last save failed with `error`, if any.
    pub fn new(error: Option<&'a app::Error>) -> Self {
        Fields {
            error,
            placed: Cell::new(false),
        }
    }

    /// `widget` under its small `label`, with the error about this field under it.
    pub fn labelled<M: 'a>(
        &self,
        label: &'a str,
        widget: impl Into<Element<'a, M>>,
    ) -> Element<'a, M> {
        let mut c = column![text(label).size(13).color(theme::MUTED), widget.into()].spacing(3);
        if let Some(error) = self.error.filter(|e| e.field() == Some(label)) {
            self.placed.set(true);
            c = c.push(text(error.to_string()).size(13).color(theme::ERROR_TEXT));
        }
        c.into()
    }

    /// A text input `id` labelled `label`, sending `on_input` as typed and `submit` on Enter;
    /// `width` in pixels, or filling the room.
    pub fn input<M: Clone + 'a>(
        &self,
        label: &'a str,
        id: impl Into<String>,
        value: &'a str,
        on_input: impl Fn(String) -> M + 'a,
        submit: M,
        width: Option<f32>,
    ) -> Element<'a, M> {
        let input = text_input("", value)
            .id(id.into())
            .on_input(on_input)
            .on_submit(submit)
            .padding(7)
            .size(15)
            .width(width.map_or(Length::Fill, Length::Fixed));
        self.labelled(label, input)
    }

    /// `action` (Enter does the same in a text field) and "Annuler", with the error above
    /// them when it was not shown beside a field. Drawn last, after the fields.
    pub fn buttons<M: Clone + 'a>(&self, action: &'a str, submit: M, cancel: M) -> Element<'a, M> {
        let mut c = Column::new().spacing(8);
        if let Some(error) = self.error.filter(|_| !self.placed.get()) {
            c = c.push(widgets::banner(Tone::Error, error.to_string()));
        }
        c.push(
            row![
                widgets::action(action, Some(submit)),
                widgets::secondary("Annuler", Some(cancel)),
            ]
            .spacing(10),
        )
        .into()
    }
}

/// A small text button of a list row.
pub fn link<M: Clone + 'static>(label: &str, message: M) -> Element<'_, M> {
    button(text(label).size(13))
        .style(button::text)
        .padding([4, 6])
        .on_press(message)
        .into()
}

/// A scrollable body filling the rest of the page.
pub fn scroll<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    scrollable(content).height(Length::Fill).into()
}

/// A small label above a widget (no form error to show).
pub fn labelled<'a, M: 'a>(label: &'a str, widget: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![text(label).size(13).color(theme::MUTED), widget.into()]
        .spacing(3)
        .into()
}

/// What a part of the screen tells the screen after a change.
#[derive(Debug, Clone)]
pub enum Event {
    /// A change was saved: say so (with a warning, if any) and read the lists again.
    Saved {
        /// "Dépôt enregistré.", say.
        notice: String,
        /// Shown under the notice.
        warning: Option<String>,
    },
    /// Something failed with no form open to say why: a banner does.
    Failed(app::Error),
    /// A form opened, or another page: the last notices go.
    Cleared,
}

/// A write done, with the notice to show.
#[derive(Debug, Clone)]
pub struct Written {
    notice: String,
    saved: app::members::Saved,
}

/// Runs the write `job` off the UI thread; its answer, with `notice`, comes back in `done`.
pub fn write<M: Send + 'static>(
    context: &crate::ui::screen::Context,
    notice: &str,
    job: impl FnOnce(&app::Garden) -> app::Result<app::members::Saved> + Send + 'static,
    done: impl FnOnce(app::Result<Written>) -> M + Send + 'static,
) -> iced::Task<M> {
    let notice = notice.to_owned();
    let work = move |g: &app::Garden| job(g).map(|saved| Written { notice, saved });
    context.perform(work, done)
}

/// What a write that came back tells the screen; `error` keeps why it failed when a form is
/// open (`form_open`) to show it beside its field.
pub fn written(
    result: app::Result<Written>,
    form_open: bool,
    error: &mut Option<app::Error>,
) -> Option<Event> {
    match result {
        Ok(done) => {
            *error = None;
            Some(Event::Saved {
                notice: done.notice,
                warning: done.saved.warning,
            })
        }
        Err(e) if form_open => {
            *error = Some(e);
            None
        }
        Err(e) => Some(Event::Failed(e)),
    }
}
