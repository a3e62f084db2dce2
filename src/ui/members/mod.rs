//! The Adhérents screen: households, their subscriptions, absences and Paniers Solidaires;
//! basket sizes and depots; the season calendar; funders and their statements.
//!
//! A tree of components (each with its own messages, `update`, `view`, and events to the
//! screen): the [`list`] of households, a [`household`]'s page and its forms, the [`setup`]
//! of sizes and depots, the [`calendar`] and the [`funders`]. The screen holds the tab, the
//! lists every part reads ([`Base`]) and the notices; it reads the lists again after each
//! change a part saved.

pub mod calendar;
pub mod funders;
pub mod funders_invoices;
pub mod household;
mod kit;
pub mod list;
pub mod setup;

use chrono::Datelike;
use iced::widget::{Column, button, column, container, row, text};
use iced::{Element, Length, Task};

use super::widgets::{self, Tone};
use crate::app;
use crate::app::members::Base;
use crate::ui::import::ImportKind;
use crate::ui::screen::{self, Action, Context, Request};

pub use crate::app::members::Choice;
pub use kit::Event;
pub use list::ListExport;

/// Ids of the text inputs the tests and the focus moves reach.
pub mod ids {
    /// Search box of the members list.
    pub const SEARCH: &str = "members-search";
    /// The scrolled lines of the members list.
    pub const LIST: &str = "members-list";
    /// Last name in the household form.
    pub const LAST_NAME: &str = "member-last-name";
    /// First name in the household form.
    pub const FIRST_NAME: &str = "member-first-name";
    /// Start of a subscription.
    pub const SUB_START: &str = "sub-start";
    /// First day away.
    pub const ABS_START: &str = "absence-start";
    /// Last day away.
    pub const ABS_END: &str = "absence-end";
    /// Membership amount.
    pub const MS_AMOUNT: &str = "members-MsAmount";
    /// First day of a new price.
    pub const PRICE_FROM: &str = "members-PriceFrom";
    /// Amount of a new price.
    pub const PRICE_AMOUNT: &str = "members-PriceAmount";
    /// Name of a basket size.
    pub const SIZE_NAME: &str = "members-SizeName";
    /// Name of a funder.
    pub const FUNDER_NAME: &str = "members-FunderName";

    /// The replacement day typed for the holiday `date` in the calendar.
    pub fn holiday(date: chrono::NaiveDate) -> String {
        format!("holiday-{date}")
    }
}

/// The tabs of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Members,
    Setup,
    Calendar,
    Funders,
}

/// The Adhérents screen's state.
#[derive(Debug)]
pub struct Screen {
    tab: Tab,
    base: Base,
    /// True while the lists are read.
    loading: bool,
    notice: Option<(Tone, String)>,
    warning: Option<String>,
    list: list::List,
    household: household::Household,
    setup: setup::Setup,
    // Boxed: the window holds every screen in one enum, kept small.
    calendar: Box<calendar::Calendar>,
    funders: Box<funders::Funders>,
}

/// Messages of the Adhérents screen: the tab, the lists read, and each part's own.
#[derive(Debug, Clone)]
pub enum Message {
    TabSelected(Tab),
    Loaded(app::Result<Box<Base>>),
    List(list::Message),
    Household(household::Message),
    Setup(setup::Message),
    Calendar(calendar::Message),
    Funders(funders::Message),
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let screen = Screen {
            tab: Tab::Members,
            base: Base::default(),
            loading: true,
            notice: None,
            warning: None,
            list: list::List::default(),
            household: household::Household::default(),
            setup: setup::Setup::default(),
            calendar: Box::new(calendar::Calendar::new(today.year())),
            funders: Box::new(funders::Funders::new(today)),
        };
        (screen, load(context))
    }

    /// Chooses a tab: every form closes, the notices go; the calendar is read again.
    fn select(&mut self, tab: Tab, context: &Context) -> Task<Message> {
        self.tab = tab;
        self.household.close_form();
        self.setup.close_form();
        self.calendar.close_form();
        self.funders.close_form();
        self.clear();
        if tab == Tab::Calendar {
            return self.calendar.load(context).map(Message::Calendar);
        }
        if tab == Tab::Funders {
            return funders::Funders::load(context).map(Message::Funders);
        }
        Task::none()
    }

    fn clear(&mut self) {
        self.notice = None;
        self.warning = None;
    }

    /// What the screen does when a part tells it something.
    fn event(&mut self, event: Option<Event>, context: &Context) -> Task<Message> {
        match event {
            None => Task::none(),
            Some(Event::Saved { notice, warning }) => {
                self.notice = Some((Tone::Success, notice));
                self.warning = warning;
                load(context)
            }
            Some(Event::Failed(error)) => {
                self.notice = Some((Tone::Error, error.to_string()));
                Task::none()
            }
            Some(Event::Cleared) => {
                self.clear();
                Task::none()
            }
        }
    }

    /// What the list asks.
    fn list_event(&mut self, event: Option<list::Event>, context: &Context) -> Action<Message> {
        let task = match event {
            None => return Action::None,
            Some(list::Event::OpenImport) => {
                return Request::OpenImport(ImportKind::Members).into();
            }
            Some(list::Event::OpenMember(id)) => self.household.open_member(id, context),
            Some(list::Event::NewMember) => self.household.new_member(context),
        };
        self.clear();
        Action::Run(task.map(Message::Household))
    }

    /// The household's page (with its « Compte »).
    pub fn household(&self) -> &household::Household {
        &self.household
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let tabs = row![
            self.tab_button("Adhérents", Tab::Members),
            self.tab_button("Formats et dépôts", Tab::Setup),
            self.tab_button("Calendrier", Tab::Calendar),
            self.tab_button("Financeurs", Tab::Funders),
        ]
        .spacing(8);
        let title = row![
            widgets::page_title("Adhérents", None),
            container(tabs)
                .width(Length::Fill)
                .align_right(Length::Fill)
        ]
        .align_y(iced::Alignment::Center)
        .padding(iced::Padding {
            bottom: 14.0,
            ..iced::Padding::ZERO
        });
        container(column![title, self.notices(), self.body()].padding([16, 24]))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }

    fn tab_button(&self, label: &'static str, tab: Tab) -> Element<'_, Message> {
        let style = if self.tab == tab {
            button::primary
        } else {
            button::secondary
        };
        button(text(label).size(15))
            .padding([8, 14])
            .style(style)
            .on_press(Message::TabSelected(tab))
            .into()
    }

    /// Always one notices column, so the body keeps its place (and its scroll position)
    /// when a notice comes or goes.
    fn notices(&self) -> Element<'_, Message> {
        let mut notices = Column::new().spacing(8);
        if let Some((tone, message)) = &self.notice {
            notices = notices.push(widgets::banner(*tone, message.clone()));
        }
        if let Some(warning) = &self.warning {
            notices = notices.push(widgets::banner(Tone::Warning, warning.clone()));
        }
        if self.notice.is_some() || self.warning.is_some() {
            notices = notices.padding(iced::Padding {
                bottom: 14.0,
                ..iced::Padding::ZERO
            });
        }
        notices.into()
    }

    fn body(&self) -> Element<'_, Message> {
        let (base, today) = (&self.base, self.base.as_of);
        match self.tab {
            Tab::Members if self.household.is_open() => {
                self.household.view(base, today).map(Message::Household)
            }
            Tab::Members => self.list.view(base, self.loading).map(Message::List),
            Tab::Setup => self.setup.view(base, today).map(Message::Setup),
            Tab::Calendar => self.calendar.view(base, today).map(Message::Calendar),
            Tab::Funders => self.funders.view(base).map(Message::Funders),
        }
    }
}

/// Reads the lists every part uses.
fn load(context: &Context) -> Task<Message> {
    let today = context.today;
    let job = move |g: &app::Garden| app::members::load_base(g, today).map(Box::new);
    context.perform(job, Message::Loaded)
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        let base = &self.base;
        let task = match message {
            Message::TabSelected(tab) => self.select(tab, context),
            Message::Loaded(Ok(base)) => {
                self.base = *base;
                self.loading = false;
                self.list.loaded(&self.base);
                Task::none()
            }
            Message::Loaded(Err(error)) => {
                self.loading = false;
                self.event(Some(Event::Failed(error)), context)
            }
            Message::List(m) => {
                let (task, event) = self.list.update(m, base, context.today.year());
                return match self.list_event(event, context) {
                    Action::Run(more) => Action::Run(Task::batch([task.map(Message::List), more])),
                    Action::None => Action::Run(task.map(Message::List)),
                    request => request,
                };
            }
            Message::Household(m) => {
                let (task, event) = self.household.update(m, context, base);
                let after = self.event(event, context);
                Task::batch([task.map(Message::Household), after])
            }
            Message::Setup(m) => {
                let (task, event) = self.setup.update(m, context, base);
                Task::batch([task.map(Message::Setup), self.event(event, context)])
            }
            Message::Calendar(m) => {
                let (task, event) = self.calendar.update(m, context, base);
                Task::batch([task.map(Message::Calendar), self.event(event, context)])
            }
            Message::Funders(m) => {
                let (task, event) = self.funders.update(m, context, base);
                Task::batch([task.map(Message::Funders), self.event(event, context)])
            }
        };
        Action::Run(task)
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
