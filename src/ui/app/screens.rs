//! The screens the workspace can show, which section each belongs to, and opening them.

use chrono::NaiveDate;
use iced::{Element, Task};

use super::{Message, Workspace};
use crate::ui::db::Db;
use crate::ui::section::Section;
use crate::ui::{employees, harvests, home, import, members, reports, settings, week, workshops};

pub(super) enum Screen {
    Home(home::Home),
    Employees(employees::Screen),
    Harvests(harvests::Screen),
    Members(members::Screen),
    Week(week::Screen),
    Workshops(workshops::Screen),
    Reports(reports::Screen),
    Settings(settings::Settings),
    /// Reached from Paramètres or the Adhérents list.
    Import(import::members::Screen),
    /// Reached from Paramètres or the Récoltes list.
    ImportHarvests(import::harvests::Screen),
    /// Reached from Paramètres or the Salariés list.
    ImportEmployees(import::employees::Screen),
}

impl Screen {
    pub(super) fn section(&self) -> Section {
        match self {
            Screen::Home(_) => Section::Home,
            Screen::Employees(_) => Section::Employees,
            Screen::Harvests(_) => Section::Harvests,
            Screen::Members(_) => Section::Members,
            Screen::Week(_) => Section::Baskets,
            Screen::Workshops(_) => Section::Workshops,
            Screen::Reports(_) => Section::Reports,
            Screen::Import(_) => Section::Members,
            Screen::ImportHarvests(_) => Section::Harvests,
            Screen::ImportEmployees(_) => Section::Employees,
            Screen::Settings(_) => Section::Settings,
        }
    }

    /// Opens the screen of `section`, with the task that loads what it shows.
    pub(super) fn open(section: Section, db: &Db, today: NaiveDate) -> (Screen, Task<Message>) {
        match section {
            Section::Home => {
                let (screen, task) = home::Home::new(db, today);
                (Screen::Home(screen), task.map(Message::Home))
            }
            Section::Employees => {
                let (screen, task) = employees::Screen::new(db, today);
                (Screen::Employees(screen), task.map(Message::Employees))
            }
            Section::Harvests => {
                let (screen, task) = harvests::Screen::new(db, today);
                (Screen::Harvests(screen), task.map(Message::Harvests))
            }
            Section::Members => {
                let (screen, task) = members::Screen::new(db, today);
                (Screen::Members(screen), task.map(Message::Members))
            }
            Section::Baskets => {
                let (screen, task) = week::Screen::new(db, today);
                (Screen::Week(screen), task.map(Message::Week))
            }
            Section::Workshops => {
                let (screen, task) = workshops::Screen::new(db, today);
                (Screen::Workshops(screen), task.map(Message::Workshops))
            }
            Section::Reports => {
                let (screen, task) = reports::Screen::new(db, today);
                (Screen::Reports(screen), task.map(Message::Reports))
            }
            Section::Settings => {
                let (screen, task) = settings::Settings::new(db);
                (Screen::Settings(screen), task.map(Message::Settings))
            }
        }
    }

    pub(super) fn view(&self) -> Element<'_, Message> {
        match self {
            Screen::Home(screen) => screen.view().map(Message::Home),
            Screen::Employees(screen) => screen.view().map(Message::Employees),
            Screen::Harvests(screen) => screen.view().map(Message::Harvests),
            Screen::Members(screen) => screen.view().map(Message::Members),
            Screen::Week(screen) => screen.view().map(Message::Week),
            Screen::Workshops(screen) => screen.view().map(Message::Workshops),
            Screen::Reports(screen) => screen.view().map(Message::Reports),
            Screen::Settings(screen) => screen.view().map(Message::Settings),
            Screen::Import(screen) => screen.view().map(Message::Import),
            Screen::ImportHarvests(screen) => screen.view().map(Message::ImportHarvests),
            Screen::ImportEmployees(screen) => screen.view().map(Message::ImportEmployees),
        }
    }
}

/// Opens the import screen of `kind` in the open garden.
pub(super) fn open_import(
    workspace: &mut Workspace,
    kind: import::ImportKind,
    today: NaiveDate,
) -> Task<Message> {
    if workspace.db.read_only() {
        workspace.notice = Some((
            crate::ui::widgets::Tone::Warning,
            "Le jardin est ouvert en lecture seule : importer est impossible.".into(),
        ));
        return Task::none();
    }
    match kind {
        import::ImportKind::Members => {
            let (screen, open) = import::members::Screen::new(&workspace.db, today);
            workspace.screen = Screen::Import(screen);
            open.map(Message::Import)
        }
        import::ImportKind::Harvests => {
            let (screen, open) = import::harvests::Screen::new(&workspace.db, today);
            workspace.screen = Screen::ImportHarvests(screen);
            open.map(Message::ImportHarvests)
        }
        import::ImportKind::Employees => {
            let (screen, open) = import::employees::Screen::new(&workspace.db, today);
            workspace.screen = Screen::ImportEmployees(screen);
            open.map(Message::ImportEmployees)
        }
    }
}
