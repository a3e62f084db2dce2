//! The screens the workspace can show, which section each belongs to, opening them and
//! passing them their messages through the one screen contract (`ui::screen`).

use iced::{Element, Task};

use super::Message;
use crate::ui::screen::{Action, Context, Screen as _};
use crate::ui::section::Section;
use crate::ui::{
    employees, harvests, home, import, members, payments, reports, settings, week, workshops,
};

/// Each screen is boxed: the enum stays one pointer wide whatever each screen holds.
pub(super) enum Screen {
    Home(Box<home::Home>),
    Employees(Box<employees::Screen>),
    Harvests(Box<harvests::Screen>),
    Members(Box<members::Screen>),
    Week(Box<week::Screen>),
    Payments(Box<payments::Screen>),
    Workshops(Box<workshops::Screen>),
    Reports(Box<reports::Screen>),
    Settings(Box<settings::Settings>),
    /// Reached from Paramètres or the Adhérents list.
    Import(Box<import::members::Screen>),
    /// Reached from Paramètres or the Récoltes list.
    ImportHarvests(Box<import::harvests::Screen>),
    /// Reached from Paramètres or the Salariés list.
    ImportEmployees(Box<import::employees::Screen>),
}

/// Builds a screen with `new(context)`, wrapping it and its loading task.
macro_rules! open {
    ($variant:ident, $screen:ty, $context:expr) => {{
        let (screen, task) = <$screen>::new($context);
        (
            Screen::$variant(Box::new(screen)),
            task.map(Message::$variant),
        )
    }};
}

impl Screen {
    pub(super) fn section(&self) -> Section {
        match self {
            Screen::Home(_) => Section::Home,
            Screen::Employees(_) => Section::Employees,
            Screen::Harvests(_) => Section::Harvests,
            Screen::Members(_) => Section::Members,
            Screen::Week(_) => Section::Baskets,
            Screen::Payments(_) => Section::Payments,
            Screen::Workshops(_) => Section::Workshops,
            Screen::Reports(_) => Section::Reports,
            Screen::Import(_) => Section::Members,
            Screen::ImportHarvests(_) => Section::Harvests,
            Screen::ImportEmployees(_) => Section::Employees,
            Screen::Settings(_) => Section::Settings,
        }
    }

    /// Opens the screen of `section`, with the task that loads what it shows.
    pub(super) fn open(section: Section, context: &Context) -> (Screen, Task<Message>) {
        match section {
            Section::Home => open!(Home, home::Home, context),
            Section::Employees => open!(Employees, employees::Screen, context),
            Section::Harvests => open!(Harvests, harvests::Screen, context),
            Section::Members => open!(Members, members::Screen, context),
            Section::Baskets => open!(Week, week::Screen, context),
            Section::Payments => open!(Payments, payments::Screen, context),
            Section::Workshops => open!(Workshops, workshops::Screen, context),
            Section::Reports => open!(Reports, reports::Screen, context),
            Section::Settings => open!(Settings, settings::Settings, context),
        }
    }

    /// Opens the import screen of `kind`.
    pub(super) fn open_import(
        kind: import::ImportKind,
        context: &Context,
    ) -> (Screen, Task<Message>) {
        match kind {
            import::ImportKind::Members => open!(Import, import::members::Screen, context),
            import::ImportKind::Harvests => {
                open!(ImportHarvests, import::harvests::Screen, context)
            }
            import::ImportKind::Employees => {
                open!(ImportEmployees, import::employees::Screen, context)
            }
        }
    }

    /// Passes `message` to the screen it is for; a message for a screen no longer shown (a
    /// late answer after the user moved on) is dropped.
    pub(super) fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match (self, message) {
            (Screen::Home(s), Message::Home(m)) => s.update(m, context).map(Message::Home),
            (Screen::Employees(s), Message::Employees(m)) => {
                s.update(m, context).map(Message::Employees)
            }
            (Screen::Harvests(s), Message::Harvests(m)) => {
                s.update(m, context).map(Message::Harvests)
            }
            (Screen::Members(s), Message::Members(m)) => s.update(m, context).map(Message::Members),
            (Screen::Week(s), Message::Week(m)) => s.update(m, context).map(Message::Week),
            (Screen::Payments(s), Message::Payments(m)) => {
                s.update(m, context).map(Message::Payments)
            }
            (Screen::Workshops(s), Message::Workshops(m)) => {
                s.update(m, context).map(Message::Workshops)
            }
            (Screen::Reports(s), Message::Reports(m)) => s.update(m, context).map(Message::Reports),
            (Screen::Settings(s), Message::Settings(m)) => {
                s.update(m, context).map(Message::Settings)
            }
            (Screen::Import(s), Message::Import(m)) => s.update(m, context).map(Message::Import),
            (Screen::ImportHarvests(s), Message::ImportHarvests(m)) => {
                s.update(m, context).map(Message::ImportHarvests)
            }
            (Screen::ImportEmployees(s), Message::ImportEmployees(m)) => {
                s.update(m, context).map(Message::ImportEmployees)
            }
            _ => Action::None,
        }
    }

    pub(super) fn view(&self) -> Element<'_, Message> {
        match self {
            Screen::Home(screen) => screen.view().map(Message::Home),
            Screen::Employees(screen) => screen.view().map(Message::Employees),
            Screen::Harvests(screen) => screen.view().map(Message::Harvests),
            Screen::Members(screen) => screen.view().map(Message::Members),
            Screen::Week(screen) => screen.view().map(Message::Week),
            Screen::Payments(screen) => screen.view().map(Message::Payments),
            Screen::Workshops(screen) => screen.view().map(Message::Workshops),
            Screen::Reports(screen) => screen.view().map(Message::Reports),
            Screen::Settings(screen) => screen.view().map(Message::Settings),
            Screen::Import(screen) => screen.view().map(Message::Import),
            Screen::ImportHarvests(screen) => screen.view().map(Message::ImportHarvests),
            Screen::ImportEmployees(screen) => screen.view().map(Message::ImportEmployees),
        }
    }
}
