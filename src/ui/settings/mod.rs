//! Paramètres: the garden's identity, the backup folder, backing up now and restoring.

use crate::ui::screen::{self, Context};
use std::path::PathBuf;

use chrono::Local;
use iced::{Element, Task};

use super::about;
use super::import::ImportKind;
use super::widgets::Tone;
use crate::app::Garden;
use crate::store::backup::{self, BackupFile};
use crate::store::garden::GardenTag;
use crate::store::settings::{self, GardenIdentity, keys};
use crate::store::{StoreError, harvests};

/// Everything the screen shows, read in one go.
#[derive(Debug, Clone)]
pub struct Loaded {
    identity: GardenIdentity,
    harvest_window: u32,
    backup_dir_setting: String,
    backup_dir: PathBuf,
    backups: Vec<BackupFile>,
    garden: GardenTag,
}

/// The settings screen's state.
#[derive(Debug)]
pub struct Settings {
    db: Garden,
    form: GardenIdentity,
    harvest_window: String,
    backup_dir_setting: String,
    backup_dir: PathBuf,
    backups: Vec<BackupFile>,
    confirm_restore: Option<BackupFile>,
    other_file: other_file::OtherFile,
    garden: GardenTag,
    message: Option<(Tone, String)>,
    busy: bool,
    /// « Feuilles d'émargement »: phones on the sheets.
    sheets: sheets::Section,
    sheets_folder: sheets_folder::SheetsFolder,
}

/// Messages of the settings screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored settings were read.
    Loaded(Result<Loaded, StoreError>),
    NameChanged(String),
    AddressChanged(String),
    PostcodeChanged(String),
    CityChanged(String),
    SiretChanged(String),
    LogoChanged(String),
    BackupDirChanged(String),
    HarvestWindowChanged(String),
    /// "Importer des adhérents…", "… des salariés…", "… des récoltes…".
    OpenImport(ImportKind),
    /// "Ouvrir le dossier des données".
    OpenDataFolder,
    /// "Choisir une image…"
    PickLogo,
    /// "Choisir un dossier…"
    PickBackupDir,
    /// A file dialog answered (`None`: cancelled).
    LogoPicked(Option<PathBuf>),
    BackupDirPicked(Option<PathBuf>),
    /// "Enregistrer".
    Save,
    Saved(Result<Loaded, StoreError>),
    /// "Sauvegarder maintenant".
    BackupNow,
    BackedUp(Result<(PathBuf, Loaded), StoreError>),
    /// "Restaurer…" on a backup: asks for confirmation first.
    AskRestore(BackupFile),
    CancelRestore,
    ConfirmRestore,
    Restored(Result<(backup::Restored, Loaded), StoreError>),
    /// "Restaurer un autre fichier…" and its confirmation.
    OtherFile(other_file::Message),
    /// The « Feuilles d'émargement » section.
    Sheets(sheets::Message),
    /// The weekly sheets folder section.
    SheetsFolder(sheets_folder::Message),
}

/// What the application must do after a settings message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// The garden's identity changed (window title, documents).
    IdentityChanged(GardenIdentity),
    /// A backup replaced the garden: its identity, and whether it is now the demonstration
    /// (a demonstration's backup restored knowingly over a real garden says so in the title).
    Restored {
        /// The restored garden's identity.
        identity: GardenIdentity,
        /// True when the restored garden is the demonstration.
        demo: bool,
    },
    /// Open this import screen.
    OpenImport(ImportKind),
}

fn load(conn: &crate::store::Connection, db_path: &std::path::Path) -> Result<Loaded, StoreError> {
    let backup_dir = backup::backup_dir(conn, db_path)?;
    let garden = crate::store::garden::tag(conn)?;
    Ok(Loaded {
        identity: settings::garden_identity(conn)?,
        harvest_window: harvests::harvest_window_days(conn)?,
        backup_dir_setting: settings::get(conn, keys::BACKUP_DIR)?.unwrap_or_default(),
        backups: backup::list_backups(&backup_dir, &garden)?,
        garden,
        backup_dir,
    })
}

impl Settings {
    /// The screen, starting to read the stored settings.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let db = &context.garden;
        let path = db.path().to_path_buf();
        let (sheets, sheets_task) = sheets::Section::new(db);
        let task = Task::batch([
            Task::perform(db.call(move |conn| load(conn, &path)), Message::Loaded),
            sheets_task.map(Message::Sheets),
            sheets_folder::SheetsFolder::load(db).map(Message::SheetsFolder),
        ]);
        let screen = Settings {
            db: db.clone(),
            form: GardenIdentity::default(),
            harvest_window: String::new(),
            backup_dir_setting: String::new(),
            backup_dir: PathBuf::new(),
            backups: Vec::new(),
            confirm_restore: None,
            other_file: other_file::OtherFile::default(),
            garden: GardenTag::default(),
            message: None,
            busy: true,
            sheets,
            sheets_folder: sheets_folder::SheetsFolder::default(),
        };
        (screen, task)
    }

    fn apply(&mut self, loaded: Loaded, keep_form: bool) {
        if !keep_form {
            self.form = loaded.identity;
            self.backup_dir_setting = loaded.backup_dir_setting;
            self.harvest_window = loaded.harvest_window.to_string();
        }
        self.backup_dir = loaded.backup_dir;
        self.backups = loaded.backups;
        self.garden = loaded.garden;
        self.busy = false;
    }

    fn fail(&mut self, error: &StoreError) {
        self.message = Some((Tone::Error, error.to_string()));
        self.busy = false;
    }

    /// Handles a message; the returned task is to be run by the application.
    pub fn handle(&mut self, message: Message) -> (Task<Message>, Action) {
        let none = (Task::none(), Action::None);
        match message {
            Message::Loaded(Ok(loaded)) => self.apply(loaded, false),
            Message::Loaded(Err(error)) => self.fail(&error),
            Message::NameChanged(v) => self.form.name = v,
            Message::AddressChanged(v) => self.form.address = v,
            Message::PostcodeChanged(v) => self.form.postcode = v,
            Message::CityChanged(v) => self.form.city = v,
            Message::SiretChanged(v) => self.form.siret = v,
            Message::LogoChanged(v) => self.form.logo_path = v,
            Message::BackupDirChanged(v) => self.backup_dir_setting = v,
            Message::HarvestWindowChanged(v) => self.harvest_window = v,
            Message::OpenImport(kind) => return (Task::none(), Action::OpenImport(kind)),
            Message::OpenDataFolder => {
                let folder = about::data_folder(self.db.path());
                if let Err(error) = about::open_folder(folder) {
                    self.message = Some((
                        Tone::Error,
                        format!("Le dossier des données n'a pas pu être ouvert : {error}."),
                    ));
                }
            }
            Message::PickLogo => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir le logo du jardin")
                    .add_filter("Images", &["png", "jpg", "jpeg"]);
                return (
                    Task::perform(
                        async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
                        Message::LogoPicked,
                    ),
                    Action::None,
                );
            }
            Message::PickBackupDir => {
                let dialog =
                    rfd::AsyncFileDialog::new().set_title("Choisir le dossier des sauvegardes");
                return (
                    Task::perform(
                        async move { dialog.pick_folder().await.map(|f| f.path().to_path_buf()) },
                        Message::BackupDirPicked,
                    ),
                    Action::None,
                );
            }
            Message::LogoPicked(Some(path)) => self.form.logo_path = path.display().to_string(),
            Message::BackupDirPicked(Some(path)) => {
                self.backup_dir_setting = path.display().to_string();
            }
            Message::LogoPicked(None) | Message::BackupDirPicked(None) => {}
            Message::Save => return self.save(),
            Message::Saved(Ok(loaded)) => {
                let identity = loaded.identity.clone();
                self.apply(loaded, true);
                self.message = Some((Tone::Success, "Paramètres enregistrés.".into()));
                return (Task::none(), Action::IdentityChanged(identity));
            }
            Message::Saved(Err(error)) => self.fail(&error),
            Message::BackupNow => {
                self.busy = true;
                let path = self.db.path().to_path_buf();
                let task = self.db.call(move |conn| {
                    let dir = backup::backup_dir(conn, &path)?;
                    let file = backup::backup_now(conn, &dir, Local::now().naive_local())?;
                    Ok((file, load(conn, &path)?))
                });
                return (Task::perform(task, Message::BackedUp), Action::None);
            }
            Message::BackedUp(Ok((file, loaded))) => {
                self.apply(loaded, true);
                self.message = Some((
                    Tone::Success,
                    format!("Sauvegarde enregistrée : {}", file.display()),
                ));
            }
            Message::BackedUp(Err(error)) => self.fail(&error),
            Message::AskRestore(file) => self.confirm_restore = Some(file),
            Message::CancelRestore => self.confirm_restore = None,
            Message::ConfirmRestore => {
                let Some(file) = self.confirm_restore.take() else {
                    return none;
                };
                return self.restore(file.path, false);
            }
            Message::OtherFile(message) => {
                let (task, event) = self.other_file.update(message, &self.garden);
                match event {
                    other_file::Event::None => {}
                    other_file::Event::Restore { path, other_garden } => {
                        return self.restore(path, other_garden);
                    }
                    other_file::Event::Failed(error) => self.message = Some((Tone::Error, error)),
                }
                return (task.map(Message::OtherFile), Action::None);
            }
            Message::Restored(Ok((restored, loaded))) => {
                let identity = loaded.identity.clone();
                let demo = loaded.garden.demo;
                self.apply(loaded, false);
                self.message = Some((Tone::Success, restored_message(&restored)));
                return (Task::none(), Action::Restored { identity, demo });
            }
            Message::Restored(Err(error)) => self.fail(&error),
            Message::Sheets(m) => {
                let task = self.sheets.update(m, &self.db).map(Message::Sheets);
                return (task, Action::None);
            }
            Message::SheetsFolder(message) => {
                let task = self.sheets_folder.update(message, &self.db);
                return (task.map(Message::SheetsFolder), Action::None);
            }
        }
        none
    }

    /// Restores the backup at `source` (another garden's only when `other_garden`).
    fn restore(&mut self, source: PathBuf, other_garden: bool) -> (Task<Message>, Action) {
        self.busy = true;
        let path = self.db.path().to_path_buf();
        let task = self.db.write(move |conn| {
            let dir = backup::backup_dir(conn, &path)?;
            let now = Local::now().naive_local();
            let restored = backup::restore(conn, &path, &source, &dir, now, other_garden)?;
            Ok((restored, load(conn, &path)?))
        });
        (Task::perform(task, Message::Restored), Action::None)
    }

    fn save(&mut self) -> (Task<Message>, Action) {
        if self.form.name.trim().is_empty() {
            self.message = Some((
                Tone::Error,
                "Le nom du jardin est obligatoire : il figure sur chaque document.".into(),
            ));
            return (Task::none(), Action::None);
        }
        if !settings::siret_valid(&self.form.siret) {
            self.message = Some((
                Tone::Error,
                "Le SIRET doit compter 14 chiffres (vérifiez-le sur un avis de situation INSEE)."
                    .into(),
            ));
            return (Task::none(), Action::None);
        }
        let logo = self.form.logo_path.trim();
        if !logo.is_empty() && !std::path::Path::new(logo).is_file() {
            self.message = Some((
                Tone::Error,
                format!("Le logo « {logo} » est introuvable : choisissez une image existante."),
            ));
            return (Task::none(), Action::None);
        }
        self.busy = true;
        let identity = self.form.clone();
        let Some(window) = self
            .harvest_window
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|days| *days <= harvests::MAX_HARVEST_WINDOW_DAYS)
        else {
            self.message = Some((
                Tone::Error,
                format!(
                    "La fenêtre de récolte est un nombre de jours entre 0 et {}.",
                    harvests::MAX_HARVEST_WINDOW_DAYS
                ),
            ));
            return (Task::none(), Action::None);
        };
        let backup_dir = self.backup_dir_setting.trim().to_string();
        let path = self.db.path().to_path_buf();
        let task = self.db.write(move |conn| {
            let tx = conn.transaction()?;
            settings::save_garden_identity(&tx, &identity)?;
            settings::set(&tx, keys::BACKUP_DIR, &backup_dir)?;
            harvests::set_harvest_window_days(&tx, window)?;
            tx.commit()?;
            load(conn, &path)
        });
        (Task::perform(task, Message::Saved), Action::None)
    }
}

/// "Sauvegarde du 21/11/2026 restaurée : 180 adhérents, 25 salariés, 0 récolte. L'état
/// précédent a été conservé dans …"
fn restored_message(restored: &backup::Restored) -> String {
    let when = restored
        .taken_at
        .map(|at| format!("du {} ", crate::domain::calendar::format_date(at.date())))
        .unwrap_or_default();
    format!(
        "Sauvegarde {when}restaurée : {}. L'état précédent a été conservé dans {}.",
        restored.counts.sentence(),
        restored.safety.display()
    )
}

pub mod other_file;
mod sheets;
mod sheets_folder;
mod view;

impl screen::Screen for Settings {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        let (task, action) = self.handle(message);
        match action {
            Action::None => screen::Action::Run(task),
            Action::IdentityChanged(identity) => screen::Request::IdentityChanged(identity).into(),
            Action::Restored { identity, demo } => {
                screen::Request::Restored { identity, demo }.into()
            }
            Action::OpenImport(kind) => screen::Request::OpenImport(kind).into(),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        Settings::view(self)
    }
}
