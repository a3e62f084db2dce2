//! Paramètres: the garden's identity, the backup folder, backing up now and restoring.
//!
//! Its sections are components with their own messages: « Feuilles d'émargement »
//! ([`sheets`]), « Feuilles de la semaine » ([`sheets_folder`]) and « Restaurer un autre
//! fichier… » ([`other_file`]), which tells the screen which backup to restore, and
//! « Comptabilité » ([`accounting`]).

use std::path::PathBuf;

use iced::{Element, Task};

use super::about;
use super::import::ImportKind;
use super::screen::{self, Action, Context, Request};
use super::widgets::Tone;
use crate::app::{self, settings::SettingsData, settings::SettingsForm};
use crate::store::backup::{BackupFile, Restored};
use crate::store::garden::GardenTag;

pub mod accounting;
pub mod other_file;
pub mod privacy;
mod sheets;
mod sheets_folder;
mod view;

/// The settings screen's state.
#[derive(Debug)]
pub struct Settings {
    /// The database file (shown under « À propos », its folder opened on demand).
    data_path: PathBuf,
    /// True when the garden is open read-only: nothing that writes is offered.
    read_only: bool,
    form: SettingsForm,
    backup_dir: PathBuf,
    backups: Vec<BackupFile>,
    confirm_restore: Option<BackupFile>,
    other_file: other_file::OtherFile,
    garden: GardenTag,
    message: Option<(Tone, String)>,
    /// A value of the form refused by « Enregistrer »: the field's label and why, shown
    /// under that field.
    invalid: Option<(&'static str, String)>,
    busy: bool,
    /// « Feuilles d'émargement »: phones on the sheets.
    sheets: sheets::Section,
    sheets_folder: sheets_folder::SheetsFolder,
    /// « Protection des données ».
    privacy: privacy::Section,
    /// « Comptabilité »: bank account, debt alert, accounts, the journal's export.
    accounting: accounting::Accounting,
}

/// A field of the identity form (and the folder and window saved with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// « Nom du jardin ».
    Name,
    /// « Adresse ».
    Address,
    /// « Code postal ».
    Postcode,
    /// « Commune ».
    City,
    /// « SIRET ».
    Siret,
    /// « Logo ».
    Logo,
    /// « Dossier des sauvegardes ».
    BackupDir,
    /// « Fenêtre de récolte (jours) ».
    HarvestWindow,
}

/// Messages of the settings screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored settings were read.
    Loaded(app::Result<SettingsData>),
    /// A field of the form was typed in.
    Edited(Field, String),
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
    /// The folder dialog answered (`None`: cancelled).
    BackupDirPicked(Option<PathBuf>),
    /// "Enregistrer".
    Save,
    /// The form was saved, or refused.
    Saved(app::Result<SettingsData>),
    /// "Sauvegarder maintenant".
    BackupNow,
    /// The backup was made.
    BackedUp(app::Result<(PathBuf, SettingsData)>),
    /// "Restaurer…" on a backup: asks for confirmation first.
    AskRestore(BackupFile),
    /// « Annuler » the restore.
    CancelRestore,
    /// « Oui, restaurer ».
    ConfirmRestore,
    /// The backup was restored.
    Restored(app::Result<(Restored, SettingsData)>),
    /// "Restaurer un autre fichier…" and its confirmation.
    OtherFile(other_file::Message),
    /// The « Feuilles d'émargement » section.
    Sheets(sheets::Message),
    /// The weekly sheets folder section.
    SheetsFolder(sheets_folder::Message),
    /// The « Protection des données » section.
    Privacy(privacy::Message),
    /// The « Comptabilité » section.
    Accounting(accounting::Message),
}

impl Settings {
    /// The screen, starting to read the stored settings.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let (sheets, sheets_task) = sheets::Section::new(context);
        let (privacy, privacy_task) = privacy::Section::new(context);
        let (accounting, accounting_task) = accounting::Accounting::new(context);
        let task = Task::batch([
            accounting_task.map(Message::Accounting),
            context.perform(app::settings::load, Message::Loaded),
            sheets_task.map(Message::Sheets),
            sheets_folder::SheetsFolder::load(context).map(Message::SheetsFolder),
            privacy_task.map(Message::Privacy),
        ]);
        let screen = Settings {
            data_path: context.garden.path().to_path_buf(),
            read_only: context.garden.read_only(),
            form: SettingsForm::default(),
            backup_dir: PathBuf::new(),
            backups: Vec::new(),
            confirm_restore: None,
            other_file: other_file::OtherFile::default(),
            garden: GardenTag::default(),
            message: None,
            invalid: None,
            busy: true,
            sheets,
            sheets_folder: sheets_folder::SheetsFolder::default(),
            privacy,
            accounting,
        };
        (screen, task)
    }

    fn apply(&mut self, loaded: SettingsData, keep_form: bool) {
        if !keep_form {
            self.form = SettingsForm {
                identity: loaded.identity,
                backup_dir: loaded.backup_dir_setting,
                harvest_window: loaded.harvest_window.to_string(),
            };
        }
        self.backup_dir = loaded.backup_dir;
        self.backups = loaded.backups;
        self.garden = loaded.garden;
        self.busy = false;
    }

    fn fail(&mut self, error: &app::Error) {
        match error {
            app::Error::Invalid { field, message } => {
                self.invalid = Some((field, message.clone()));
            }
            _ => self.message = Some((Tone::Error, error.to_string())),
        }
        self.busy = false;
    }

    fn edit(&mut self, field: Field, value: String) {
        self.invalid = None;
        let form = &mut self.form;
        let target = match field {
            Field::Name => &mut form.identity.name,
            Field::Address => &mut form.identity.address,
            Field::Postcode => &mut form.identity.postcode,
            Field::City => &mut form.identity.city,
            Field::Siret => &mut form.identity.siret,
            Field::Logo => &mut form.identity.logo_path,
            Field::BackupDir => &mut form.backup_dir,
            Field::HarvestWindow => &mut form.harvest_window,
        };
        *target = value;
    }

    fn open_data_folder(&mut self) {
        let folder = about::data_folder(&self.data_path);
        if let Err(error) = about::open_folder(folder) {
            self.message = Some((
                Tone::Error,
                format!("Le dossier des données n'a pas pu être ouvert : {error}."),
            ));
        }
    }

    fn save(&mut self, context: &Context) -> Action<Message> {
        self.busy = true;
        self.invalid = None;
        let form = self.form.clone();
        Action::Run(context.perform(
            move |garden| app::settings::save(garden, form),
            Message::Saved,
        ))
    }

    fn other_file(&mut self, message: other_file::Message, context: &Context) -> Action<Message> {
        match self.other_file.update(message, &self.garden) {
            other_file::Event::None => Action::None,
            other_file::Event::Run(task) => Action::Run(task.map(Message::OtherFile)),
            other_file::Event::Restore { path, other_garden } => {
                self.restore(path, other_garden, context)
            }
            other_file::Event::Failed(error) => {
                self.message = Some((Tone::Error, error));
                Action::None
            }
        }
    }

    /// Restores the backup at `source` (another garden's only when `other_garden`).
    fn restore(
        &mut self,
        source: PathBuf,
        other_garden: bool,
        context: &Context,
    ) -> Action<Message> {
        self.busy = true;
        Action::Run(context.perform(
            move |garden| app::settings::restore(garden, &source, other_garden),
            Message::Restored,
        ))
    }
}

/// A file dialog's answer, as a task.
fn pick(
    dialog: impl Future<Output = Option<rfd::FileHandle>> + Send + 'static,
    done: fn(Option<PathBuf>) -> Message,
) -> Action<Message> {
    Action::Run(Task::perform(
        async move { dialog.await.map(|f| f.path().to_path_buf()) },
        done,
    ))
}

impl screen::Screen for Settings {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(Ok(loaded)) => self.apply(loaded, false),
            Message::Loaded(Err(error))
            | Message::Saved(Err(error))
            | Message::BackedUp(Err(error))
            | Message::Restored(Err(error)) => self.fail(&error),
            Message::Edited(field, value) => self.edit(field, value),
            Message::OpenImport(kind) => return Request::OpenImport(kind).into(),
            Message::OpenDataFolder => self.open_data_folder(),
            Message::PickLogo => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir le logo du jardin")
                    .add_filter("Images", &["png", "jpg", "jpeg"]);
                return pick(dialog.pick_file(), Message::LogoPicked);
            }
            Message::PickBackupDir => {
                let dialog =
                    rfd::AsyncFileDialog::new().set_title("Choisir le dossier des sauvegardes");
                return pick(dialog.pick_folder(), Message::BackupDirPicked);
            }
            Message::LogoPicked(Some(path)) => self.edit(Field::Logo, path.display().to_string()),
            Message::BackupDirPicked(Some(path)) => {
                self.edit(Field::BackupDir, path.display().to_string());
            }
            Message::LogoPicked(None) | Message::BackupDirPicked(None) => {}
            Message::Save => return self.save(context),
            Message::Saved(Ok(loaded)) => {
                let identity = loaded.identity.clone();
                self.apply(loaded, true);
                self.message = Some((Tone::Success, "Paramètres enregistrés.".into()));
                return Request::IdentityChanged(identity).into();
            }
            Message::BackupNow => {
                self.busy = true;
                return Action::Run(context.perform(app::settings::backup_now, Message::BackedUp));
            }
            Message::BackedUp(Ok((file, loaded))) => {
                self.apply(loaded, true);
                self.message = Some((
                    Tone::Success,
                    format!("Sauvegarde enregistrée : {}", file.display()),
                ));
            }
            Message::AskRestore(file) => self.confirm_restore = Some(file),
            Message::CancelRestore => self.confirm_restore = None,
            Message::ConfirmRestore => {
                if let Some(file) = self.confirm_restore.take() {
                    return self.restore(file.path, false, context);
                }
            }
            Message::Restored(Ok((restored, loaded))) => {
                let identity = loaded.identity.clone();
                let demo = loaded.garden.demo;
                self.apply(loaded, false);
                self.message = Some((Tone::Success, restored_message(&restored)));
                return Request::Restored { identity, demo }.into();
            }
            Message::OtherFile(message) => return self.other_file(message, context),
            Message::Sheets(message) => {
                return self.sheets.update(message, context).map(Message::Sheets);
            }
            Message::SheetsFolder(message) => {
                return self
                    .sheets_folder
                    .update(message, context)
                    .map(Message::SheetsFolder);
            }
            Message::Privacy(message) => {
                return self.privacy.update(message, context).map(Message::Privacy);
            }
            Message::Accounting(message) => {
                return self
                    .accounting
                    .update(message, context)
                    .map(Message::Accounting);
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        Settings::view(self)
    }
}

/// "Sauvegarde du 21/11/2026 restaurée : 180 adhérents, 25 salariés, 0 récolte. L'état
/// précédent a été conservé dans …"
fn restored_message(restored: &Restored) -> String {
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
