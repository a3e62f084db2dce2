//! The application: which database is open, the sidebar, and the current screen.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use iced::keyboard::key::Named;
use iced::widget::operation;
use iced::widget::{column, container, text};
use iced::{Element, Length, Subscription, Task, Theme, keyboard};

mod clock;
mod layout;
mod screens;

pub use crate::app::opening::{OpenError, Opened};
use crate::app::opening::{Preparation, open_garden};
use screens::Screen;

use super::section::Section;
use super::theme::{self, BOLD};
use super::widgets::{self, Tone};
use super::{
    employees, harvests, home, import, members, payments, refusal, reports, settings, week,
    welcome, workshops,
};
use crate::store::lock::GardenLock;
use crate::store::paths;
use crate::store::settings::GardenIdentity;
use crate::ui::screen::{Action, Context, Request};

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
    /// The open garden and today's date, handed to every screen.
    context: Context,
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
    Payments(payments::Message),
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
    /// The clock's reading of today's date (every minute; acted on when the day changes).
    Clock(NaiveDate),
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

    /// Creates or opens the garden file `name` in the data folder, from the welcome page
    /// (which stays shown until it opens, to tell a failure).
    fn start(&mut self, name: &str, preparation: Preparation) -> Task<Message> {
        let Some(path) = self.default_file(name) else {
            return self.no_data_dir();
        };
        let today = self.today;
        Task::perform(
            async move { open_garden(path, preparation, today) },
            Message::Opened,
        )
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
                let read_only = if workspace.context.garden.read_only() {
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

    /// A welcome-page message: create a garden or open the demonstration.
    fn welcome(&mut self, message: welcome::Message) -> Task<Message> {
        let Stage::Welcome(welcome) = &mut self.stage else {
            return Task::none();
        };
        match welcome.update(message) {
            Action::Run(task) => task.map(Message::Welcome),
            Action::Request(Request::CreateGarden(name)) => {
                self.start(paths::DATABASE_FILE, Preparation::NameGarden(name))
            }
            Action::Request(Request::OpenDemo) => self.start(paths::DEMO_FILE, Preparation::Demo),
            Action::None | Action::Request(_) => Task::none(),
        }
    }

    /// A garden opened: the workspace, on Accueil.
    fn opened(&mut self, opened: Opened) -> Task<Message> {
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
        let context = Context::new(opened.db, self.today);
        let (home, task) = home::Home::new(&context);
        self.stage = Stage::Open(Box::new(Workspace {
            context,
            demo: opened.demo,
            identity: opened.identity,
            screen: Screen::Home(Box::new(home)),
            notice,
            _lock: opened.lock,
            sidebar_hidden: false,
            help_open: false,
        }));
        task.map(Message::Home)
    }

    /// A refusal-page message: open another file, or this one read-only.
    fn refusal(&mut self, message: refusal::Message) -> Task<Message> {
        let Stage::Refused(page) = &mut self.stage else {
            return Task::none();
        };
        match page.update(message) {
            Action::Run(task) => task.map(Message::Refusal),
            Action::Request(Request::Open(path)) => self.open(path, Preparation::Nothing),
            Action::Request(Request::OpenReadOnly(path)) => self.open(path, Preparation::ReadOnly),
            Action::None | Action::Request(_) => Task::none(),
        }
    }

    /// A key no widget used: Tab and Shift+Tab move the focus, the arrows move through the
    /// harvest entry's suggestions.
    fn key(&mut self, event: keyboard::Event) -> Task<Message> {
        match event {
            keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(keyboard::key::Named::Tab),
                modifiers,
                ..
            } => {
                if modifiers.shift() {
                    operation::focus_previous()
                } else {
                    operation::focus_next()
                }
            }
            keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(named @ (Named::ArrowUp | Named::ArrowDown)),
                ..
            } => {
                // Arrows move through the harvest entry's suggestions.
                let step = if named == Named::ArrowUp { -1 } else { 1 };
                let message = harvests::Message::Candidate(harvests::Candidate::Step(step));
                self.update(Message::Harvests(message))
            }
            _ => Task::none(),
        }
    }

    /// Changes the open workspace (a sidebar, help or notice toggle); nothing without one.
    fn with_workspace(&mut self, change: impl FnOnce(&mut Workspace)) -> Task<Message> {
        if let Stage::Open(workspace) = &mut self.stage {
            change(workspace);
        }
        Task::none()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Welcome(message) => self.welcome(message),
            Message::Opened(Ok(opened)) => self.opened(opened),
            Message::Opened(Err(error)) => self.refused(error),
            Message::Refusal(message) => self.refusal(message),
            Message::Navigate(section) => {
                let Stage::Open(workspace) = &mut self.stage else {
                    return Task::none();
                };
                workspace.navigate(section)
            }
            message @ (Message::Home(_)
            | Message::Employees(_)
            | Message::Harvests(_)
            | Message::Members(_)
            | Message::Week(_)
            | Message::Payments(_)
            | Message::Workshops(_)
            | Message::Reports(_)
            | Message::Settings(_)
            | Message::Import(_)
            | Message::ImportHarvests(_)
            | Message::ImportEmployees(_)) => {
                let Stage::Open(workspace) = &mut self.stage else {
                    return Task::none();
                };
                let action = workspace.screen.update(message, &workspace.context);
                workspace.act(action)
            }
            Message::Key(event) => self.key(event),
            Message::Clock(today) => {
                if today != self.today {
                    self.today = today;
                    if let Stage::Open(workspace) = &mut self.stage {
                        workspace.context.today = today;
                    }
                }
                Task::none()
            }
            Message::QuitDemo => self.quit_demo(),
            Message::ToggleSidebar => self.with_workspace(|w| w.sidebar_hidden = !w.sidebar_hidden),
            Message::ToggleHelp => self.with_workspace(|w| w.help_open = !w.help_open),
            Message::DismissNotice => self.with_workspace(|w| w.notice = None),
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

    /// Keyboard events no widget used (for Tab navigation), and the clock.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().map(Message::Key),
            clock::today().map(Message::Clock),
        ])
    }

    /// The application theme.
    pub fn theme(&self) -> Theme {
        theme::theme()
    }
}

impl Workspace {
    /// Opens the screen of `section` afresh.
    fn navigate(&mut self, section: Section) -> Task<Message> {
        let (screen, task) = Screen::open(section, &self.context);
        self.screen = screen;
        self.help_open = false;
        task
    }

    /// Does what the current screen asked.
    fn act(&mut self, action: Action<Message>) -> Task<Message> {
        match action {
            Action::None => Task::none(),
            Action::Run(task) => task,
            Action::Request(request) => self.serve(request),
        }
    }

    /// Serves a screen's request; the welcome and refusal requests never reach an open
    /// garden.
    fn serve(&mut self, request: Request) -> Task<Message> {
        match request {
            Request::Navigate(section) => return self.navigate(section),
            Request::OpenImport(kind) => return self.open_import(kind),
            Request::Notice(tone, message) => self.notice = Some((tone, message)),
            Request::IdentityChanged(identity) => self.identity = identity,
            Request::Restored { identity, demo } => {
                self.identity = identity;
                self.demo = demo;
            }
            Request::CreateGarden(_)
            | Request::OpenDemo
            | Request::Open(_)
            | Request::OpenReadOnly(_) => {}
        }
        Task::none()
    }

    /// Opens the import screen of `kind`, unless the garden is read-only.
    fn open_import(&mut self, kind: import::ImportKind) -> Task<Message> {
        if self.context.garden.read_only() {
            self.notice = Some((
                Tone::Warning,
                "Le jardin est ouvert en lecture seule : importer est impossible.".into(),
            ));
            return Task::none();
        }
        let (screen, task) = Screen::open_import(kind, &self.context);
        self.screen = screen;
        task
    }
}
