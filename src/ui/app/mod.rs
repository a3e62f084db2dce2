//! The application: which database is open, the sidebar, and the current screen.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use iced::keyboard::key::Named;
use iced::widget::operation;
use iced::widget::{column, container, text};
use iced::{Element, Length, Subscription, Task, Theme, keyboard};

mod layout;
mod opening;
mod screens;

pub use opening::{OpenError, Opened};
use opening::{Preparation, open_garden};
use screens::{Screen, open_import};

use super::db::Db;
use super::section::Section;
use super::theme::{self, BOLD};
use super::widgets::{self, Tone};
use super::{
    employees, harvests, home, import, members, refusal, reports, settings, week, welcome,
    workshops,
};
use crate::store::lock::GardenLock;
use crate::store::paths;
use crate::store::settings::GardenIdentity;

/// How Binette was started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// `--db FILE`: open (or create) this file.
    pub db: Option<PathBuf>,
    /// `--demo`: open the demonstration garden, creating it if needed.
    pub demo: bool,
    /// Folder holding the default databases (the user's data folder; tests use a temporary one).
    pub data_dir: Option<PathBuf>,
}

/// The whole application.
pub struct App {
    stage: Stage,
    today: NaiveDate,
    data_dir: Option<PathBuf>,
}

enum Stage {
    Welcome(welcome::Welcome),
    Opening(PathBuf),
    Failed(String),
    /// The file was refused: why, and what to do.
    Refused(refusal::Refusal),
    Open(Box<Workspace>),
}

/// An open garden.
struct Workspace {
    db: Db,
    demo: bool,
    identity: GardenIdentity,
    screen: Screen,
    notice: Option<(Tone, String)>,
    /// Held while the garden is open, so a second window opens it read-only.
    _lock: Option<std::sync::Arc<GardenLock>>,
    /// The sidebar is reduced to a thin strip (more room on a small screen).
    sidebar_hidden: bool,
    /// The "?" help of the current screen is shown.
    help_open: bool,
}

/// Top-level messages.
#[derive(Debug, Clone)]
pub enum Message {
    Welcome(welcome::Message),
    Opened(Result<Opened, OpenError>),
    Refusal(refusal::Message),
    Navigate(Section),
    Home(home::Message),
    Employees(employees::Message),
    Harvests(harvests::Message),
    Members(members::Message),
    Week(week::Message),
    Workshops(workshops::Message),
    Reports(reports::Message),
    Settings(settings::Message),
    Import(import::members::Message),
    ImportHarvests(import::harvests::Message),
    ImportEmployees(import::employees::Message),
    DismissNotice,
    /// "Quitter la démonstration": open the real garden, or the welcome screen.
    QuitDemo,
    /// "« Réduire le menu" / "»": hide or show the sidebar.
    ToggleSidebar,
    /// "?": show or hide the help of the current screen.
    ToggleHelp,
    /// A key no widget used: Tab and Shift+Tab move the focus between fields.
    Key(keyboard::Event),
}

/// Runs `$message` through the current screen when it is `$variant`, mapping its task back.
macro_rules! route {
    ($self:ident, $variant:ident, $wrap:path, $message:expr) => {{
        if let Stage::Open(workspace) = &mut $self.stage
            && let Screen::$variant(screen) = &mut workspace.screen
        {
            screen.update($message).map($wrap)
        } else {
            Task::none()
        }
    }};
}

impl App {
    /// Starts the application as launched.
    pub fn new(launch: Launch) -> (Self, Task<Message>) {
        let today = Local::now().date_naive();
        let mut app = App {
            stage: Stage::Welcome(welcome::Welcome::default()),
            today,
            data_dir: launch.data_dir.clone(),
        };
        let task = if let Some(path) = launch.db {
            app.open(path, Preparation::Nothing)
        } else if launch.demo {
            match app.default_file(paths::DEMO_FILE) {
                Some(path) => app.open(path, Preparation::Demo),
                None => app.no_data_dir(),
            }
        } else if let Some(last) = launch
            .data_dir
            .as_deref()
            .and_then(crate::store::last_garden::last_garden)
        {
            app.open(last, Preparation::Nothing)
        } else {
            match app.default_file(paths::DATABASE_FILE) {
                Some(path) if path.exists() => app.open(path, Preparation::Nothing),
                Some(_) => Task::none(),
                None => app.no_data_dir(),
            }
        };
        (app, task)
    }

    /// Leaves the demonstration: the real garden when there is one, else the welcome
    /// screen (which offers to start one); the demonstration is no longer reopened.
    fn quit_demo(&mut self) -> Task<Message> {
        if let Some(dir) = &self.data_dir {
            // Only a convenience for the next start: the welcome screen shows anyway.
            let _ = crate::store::last_garden::remember_last_garden(dir, None);
        }
        match self.default_file(paths::DATABASE_FILE) {
            Some(path) if path.exists() => self.open(path, Preparation::Nothing),
            _ => {
                self.stage = Stage::Welcome(welcome::Welcome::default());
                Task::none()
            }
        }
    }

    fn default_file(&self, name: &str) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|dir| dir.join(name))
    }

    fn no_data_dir(&mut self) -> Task<Message> {
        self.stage = Stage::Failed(
            "Impossible de trouver le dossier de données de l'utilisateur. Lancez Binette avec --db FICHIER.".into(),
        );
        Task::none()
    }

    fn open(&mut self, path: PathBuf, preparation: Preparation) -> Task<Message> {
        self.stage = Stage::Opening(path.clone());
        let today = self.today;
        Task::perform(
            async move { open_garden(path, preparation, today) },
            Message::Opened,
        )
    }

    /// Shows why the garden did not open: on the welcome screen when it was being created,
    /// else on the refusal page with what to do next.
    fn refused(&mut self, error: OpenError) -> Task<Message> {
        let (path, reason) = match (&self.stage, &error) {
            (Stage::Welcome(_), _) => (None, refusal::Reason::Other),
            (Stage::Opening(path), OpenError::Locked(_)) => {
                (Some(path.clone()), refusal::Reason::Locked)
            }
            (Stage::Opening(path), OpenError::Store(store)) => {
                (Some(path.clone()), refusal::Reason::of(store))
            }
            _ => (None, refusal::Reason::Other),
        };
        match (&mut self.stage, path) {
            (Stage::Welcome(welcome), _) => {
                welcome.failed(error.to_string());
                Task::none()
            }
            (_, Some(path)) => {
                let (page, task) = refusal::Refusal::new(path, error.to_string(), reason);
                self.stage = Stage::Refused(page);
                task.map(Message::Refusal)
            }
            (_, None) => {
                self.stage = Stage::Failed(error.to_string());
                Task::none()
            }
        }
    }

    /// The window title: "Binette — <garden>", marked when it is the demonstration.
    pub fn title(&self) -> String {
        match &self.stage {
            Stage::Open(workspace) => {
                let name = if workspace.identity.name.is_empty() {
                    "jardin sans nom"
                } else {
                    &workspace.identity.name
                };
                let demo = if workspace.demo {
                    " (démonstration)"
                } else {
                    ""
                };
                let read_only = if workspace.db.read_only() {
                    " — lecture seule"
                } else {
                    ""
                };
                format!("Binette — {name}{demo}{read_only}")
            }
            _ => "Binette".into(),
        }
    }

    /// The section shown, if a garden is open.
    pub fn section(&self) -> Option<Section> {
        match &self.stage {
            Stage::Open(workspace) => Some(workspace.screen.section()),
            _ => None,
        }
    }

    /// Handles a message.
    /// Opens an import screen from a list screen's "Importer…" button.
    fn open_import(&mut self, kind: import::ImportKind) -> Task<Message> {
        match &mut self.stage {
            Stage::Open(workspace) => open_import(workspace, kind, self.today),
            _ => Task::none(),
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Welcome(message) => {
                let Stage::Welcome(welcome) = &mut self.stage else {
                    return Task::none();
                };
                match welcome.update(message) {
                    welcome::Action::None => Task::none(),
                    welcome::Action::CreateEmpty(name) => match self
                        .default_file(paths::DATABASE_FILE)
                    {
                        Some(path) => Task::perform(
                            {
                                let today = self.today;
                                async move { open_garden(path, Preparation::NameGarden(name), today) }
                            },
                            Message::Opened,
                        ),
                        None => self.no_data_dir(),
                    },
                    welcome::Action::OpenDemo => match self.default_file(paths::DEMO_FILE) {
                        Some(path) => {
                            let today = self.today;
                            Task::perform(
                                async move { open_garden(path, Preparation::Demo, today) },
                                Message::Opened,
                            )
                        }
                        None => self.no_data_dir(),
                    },
                }
            }
            Message::Opened(Ok(opened)) => {
                let mut notice = opened.backup_problem.map(|p| (Tone::Warning, p));
                if let Some(dir) = &self.data_dir
                    && let Err(error) =
                        crate::store::last_garden::remember_last_garden(dir, Some(opened.db.path()))
                {
                    notice = notice.or(Some((
                        Tone::Warning,
                        format!(
                            "Binette ne pourra pas rouvrir ce jardin tout seul au prochain \
                             démarrage ({error})."
                        ),
                    )));
                }
                let (home, task) = home::Home::new(&opened.db, self.today);
                self.stage = Stage::Open(Box::new(Workspace {
                    db: opened.db,
                    demo: opened.demo,
                    identity: opened.identity,
                    screen: Screen::Home(home),
                    notice,
                    _lock: opened.lock,
                    sidebar_hidden: false,
                    help_open: false,
                }));
                task.map(Message::Home)
            }
            Message::Opened(Err(error)) => self.refused(error),
            Message::Refusal(message) => {
                let Stage::Refused(page) = &mut self.stage else {
                    return Task::none();
                };
                let (task, action) = page.update(message);
                match action {
                    refusal::Action::None => task.map(Message::Refusal),
                    refusal::Action::Open(path) => self.open(path, Preparation::Nothing),
                    refusal::Action::OpenReadOnly(path) => self.open(path, Preparation::ReadOnly),
                }
            }
            Message::Navigate(section) => {
                let Stage::Open(workspace) = &mut self.stage else {
                    return Task::none();
                };
                let (screen, task) = Screen::open(section, &workspace.db, self.today);
                workspace.screen = screen;
                workspace.help_open = false;
                task
            }
            Message::Employees(employees::Message::OpenImport) => {
                self.open_import(import::ImportKind::Employees)
            }
            Message::Harvests(harvests::Message::OpenImport) => {
                self.open_import(import::ImportKind::Harvests)
            }
            Message::Members(members::Message::OpenImport) => {
                self.open_import(import::ImportKind::Members)
            }
            Message::Employees(message) => route!(self, Employees, Message::Employees, message),
            Message::Harvests(message) => route!(self, Harvests, Message::Harvests, message),
            Message::Members(message) => route!(self, Members, Message::Members, message),
            Message::Week(message) => route!(self, Week, Message::Week, message),
            Message::Workshops(message) => route!(self, Workshops, Message::Workshops, message),
            Message::Reports(message) => route!(self, Reports, Message::Reports, message),
            Message::Import(message) => route!(self, Import, Message::Import, message),
            Message::ImportEmployees(message) => {
                route!(self, ImportEmployees, Message::ImportEmployees, message)
            }
            Message::ImportHarvests(message) => {
                route!(self, ImportHarvests, Message::ImportHarvests, message)
            }
            Message::Key(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(keyboard::key::Named::Tab),
                modifiers,
                ..
            }) => {
                if modifiers.shift() {
                    operation::focus_previous()
                } else {
                    operation::focus_next()
                }
            }
            Message::Key(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(named @ (Named::ArrowUp | Named::ArrowDown)),
                ..
            }) => {
                // Arrows move through the harvest entry's suggestions.
                let step = if named == Named::ArrowUp { -1 } else { 1 };
                let message = harvests::Message::Candidate(harvests::Candidate::Step(step));
                route!(self, Harvests, Message::Harvests, message)
            }
            Message::Key(_) => Task::none(),
            Message::Home(message) => {
                if let Stage::Open(workspace) = &mut self.stage
                    && let Screen::Home(home) = &mut workspace.screen
                {
                    home.update(message).map(Message::Home)
                } else {
                    Task::none()
                }
            }
            Message::Settings(message) => {
                let Stage::Open(workspace) = &mut self.stage else {
                    return Task::none();
                };
                let Screen::Settings(settings) = &mut workspace.screen else {
                    return Task::none();
                };
                let (task, action) = settings.update(message);
                match action {
                    settings::Action::None => {}
                    settings::Action::IdentityChanged(identity) => workspace.identity = identity,
                    settings::Action::Restored { identity, demo } => {
                        workspace.identity = identity;
                        workspace.demo = demo;
                    }
                    settings::Action::OpenImport(kind) => {
                        return open_import(workspace, kind, self.today);
                    }
                }
                task.map(Message::Settings)
            }
            Message::QuitDemo => self.quit_demo(),
            Message::ToggleSidebar => {
                if let Stage::Open(workspace) = &mut self.stage {
                    workspace.sidebar_hidden = !workspace.sidebar_hidden;
                }
                Task::none()
            }
            Message::ToggleHelp => {
                if let Stage::Open(workspace) = &mut self.stage {
                    workspace.help_open = !workspace.help_open;
                }
                Task::none()
            }
            Message::DismissNotice => {
                if let Stage::Open(workspace) = &mut self.stage {
                    workspace.notice = None;
                }
                Task::none()
            }
        }
    }

    /// The window's content.
    pub fn view(&self) -> Element<'_, Message> {
        match &self.stage {
            Stage::Welcome(welcome) => welcome.view().map(Message::Welcome),
            Stage::Opening(path) => {
                container(widgets::muted(format!("Ouverture de {}…", path.display())))
                    .center(Length::Fill)
                    .into()
            }
            Stage::Failed(message) => container(
                column![
                    text("Binette ne peut pas ouvrir cette base")
                        .size(24)
                        .font(BOLD),
                    widgets::banner(Tone::Error, message.clone()),
                ]
                .spacing(16)
                .max_width(640),
            )
            .center(Length::Fill)
            .padding(24)
            .into(),
            Stage::Refused(page) => page.view().map(Message::Refusal),
            Stage::Open(workspace) => workspace.view(),
        }
    }

    /// Keyboard events no widget used (for Tab navigation).
    pub fn subscription(&self) -> Subscription<Message> {
        keyboard::listen().map(Message::Key)
    }

    /// The application theme.
    pub fn theme(&self) -> Theme {
        theme::theme()
    }
}
