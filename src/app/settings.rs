//! Paramètres' use cases: what the screen shows, saving the garden's identity, backing up
//! now, restoring a backup (from the list or from another file), the sheets' settings; and
//! the refusal page's (the backups beside a file that cannot be opened, putting one in its
//! place).

use std::path::{Path, PathBuf};

use chrono::Local;

use super::{Error, Garden, Result};
use crate::store::backup::{self, BackupFile, Restored};
use crate::store::file_check::parent_dir;
use crate::store::garden::{self, GardenTag};
use crate::store::harvests::{self, MAX_HARVEST_WINDOW_DAYS};
use crate::store::settings::{self, GardenIdentity, keys};
use crate::store::sheets::{SHEETS_FOLDER_KEY, SHOW_PHONES_KEY};
use crate::store::{Connection, StoreError};

/// Everything Paramètres shows, read in one go.
#[derive(Debug, Clone)]
pub struct SettingsData {
    /// Name, address, SIRET, logo.
    pub identity: GardenIdentity,
    /// Days before a delivery week's Monday from which harvests count for it.
    pub harvest_window: u32,
    /// The backup folder as typed (empty: the default one).
    pub backup_dir_setting: String,
    /// The backup folder in use.
    pub backup_dir: PathBuf,
    /// This garden's backups, newest first.
    pub backups: Vec<BackupFile>,
    /// Which garden this is.
    pub garden: GardenTag,
}

/// What the identity form holds when « Enregistrer » is pressed, as typed.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    /// The garden's identity.
    pub identity: GardenIdentity,
    /// The backup folder (empty: the default one).
    pub backup_dir: String,
    /// The harvest window, in days.
    pub harvest_window: String,
}

/// The field labels validation errors name.
pub mod fields {
    /// « Nom du jardin ».
    pub const NAME: &str = "Nom du jardin";
    /// « SIRET ».
    pub const SIRET: &str = "SIRET";
    /// « Logo ».
    pub const LOGO: &str = "Logo";
    /// « Fenêtre de récolte (jours) ».
    pub const HARVEST_WINDOW: &str = "Fenêtre de récolte (jours)";
}

fn read(conn: &Connection, db_path: &Path) -> Result<SettingsData, StoreError> {
    let backup_dir = backup::backup_dir(conn, db_path)?;
    let garden = garden::tag(conn)?;
    Ok(SettingsData {
        identity: settings::garden_identity(conn)?,
        harvest_window: harvests::harvest_window_days(conn)?,
        backup_dir_setting: settings::get(conn, keys::BACKUP_DIR)?.unwrap_or_default(),
        backups: backup::list_backups(&backup_dir, &garden)?,
        garden,
        backup_dir,
    })
}

/// What Paramètres shows.
pub fn load(garden: &Garden) -> Result<SettingsData> {
    let path = garden.path().to_path_buf();
    Ok(garden.with(|conn| read(conn, &path))?)
}

/// Checks `form`: the name is required, the SIRET has 14 digits, the logo exists, the
/// harvest window is a number of days within bounds; answers the window.
fn check(form: &SettingsForm) -> Result<u32> {
    if form.identity.name.trim().is_empty() {
        return Err(Error::invalid(
            fields::NAME,
            "Le nom du jardin est obligatoire : il figure sur chaque document.",
        ));
    }
    if !settings::siret_valid(&form.identity.siret) {
        return Err(Error::invalid(
            fields::SIRET,
            "Le SIRET doit compter 14 chiffres (vérifiez-le sur un avis de situation INSEE).",
        ));
    }
    let logo = form.identity.logo_path.trim();
    if !logo.is_empty() && !Path::new(logo).is_file() {
        return Err(Error::invalid(
            fields::LOGO,
            format!("Le logo « {logo} » est introuvable : choisissez une image existante."),
        ));
    }
    form.harvest_window
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|days| *days <= MAX_HARVEST_WINDOW_DAYS)
        .ok_or_else(|| {
            Error::invalid(
                fields::HARVEST_WINDOW,
                format!(
                    "La fenêtre de récolte est un nombre de jours entre 0 et \
                     {MAX_HARVEST_WINDOW_DAYS}."
                ),
            )
        })
}

/// Saves the identity, the backup folder and the harvest window in one transaction, after
/// checking them (a refusal names its field); answers what Paramètres shows afterwards.
pub fn save(garden: &Garden, form: SettingsForm) -> Result<SettingsData> {
    let window = check(&form)?;
    let path = garden.path().to_path_buf();
    let backup_dir = form.backup_dir.trim().to_owned();
    Ok(garden.change(|conn| {
        let tx = conn.transaction()?;
        settings::save_garden_identity(&tx, &form.identity)?;
        settings::set(&tx, keys::BACKUP_DIR, &backup_dir)?;
        harvests::set_harvest_window_days(&tx, window)?;
        tx.commit()?;
        read(conn, &path)
    })?)
}

/// Makes a backup now (also from a garden open read-only), named after the current time;
/// answers the file and what Paramètres shows afterwards.
pub fn backup_now(garden: &Garden) -> Result<(PathBuf, SettingsData)> {
    let path = garden.path().to_path_buf();
    Ok(garden.with(|conn| {
        let dir = backup::backup_dir(conn, &path)?;
        let file = backup::backup_now(conn, &dir, Local::now().naive_local())?;
        Ok((file, read(conn, &path)?))
    })?)
}

/// Restores the backup at `source` over the garden (another garden's only when
/// `other_garden`), the current state saved first; answers what was restored and what
/// Paramètres shows afterwards.
pub fn restore(
    garden: &Garden,
    source: &Path,
    other_garden: bool,
) -> Result<(Restored, SettingsData)> {
    let path = garden.path().to_path_buf();
    Ok(garden.change(|conn| {
        let dir = backup::backup_dir(conn, &path)?;
        let now = Local::now().naive_local();
        let restored = backup::restore(conn, &path, source, &dir, now, other_garden)?;
        Ok((restored, read(conn, &path)?))
    })?)
}

/// Which garden the backup at `path` belongs to (read without opening it for writing).
pub fn backup_garden(path: &Path) -> Result<GardenTag> {
    Ok(backup::read_tag(path)?)
}

/// Whether members' phones are printed on the émargement sheets.
pub fn show_phones(garden: &Garden) -> Result<bool> {
    Ok(garden.with(|conn| read_phones(conn))?)
}

fn read_phones(conn: &Connection) -> Result<bool, StoreError> {
    Ok(settings::get(conn, SHOW_PHONES_KEY)?.as_deref() == Some("1"))
}

/// Records whether members' phones are printed; answers the value stored.
pub fn set_show_phones(garden: &Garden, on: bool) -> Result<bool> {
    Ok(garden.change(|conn| {
        settings::set(conn, SHOW_PHONES_KEY, if on { "1" } else { "0" })?;
        read_phones(conn)
    })?)
}

/// The folder the weekly sheets go to, as typed (empty: the default one).
pub fn sheets_folder(garden: &Garden) -> Result<String> {
    Ok(garden.with(|conn| Ok(settings::get(conn, SHEETS_FOLDER_KEY)?.unwrap_or_default()))?)
}

/// Records the folder the weekly sheets go to; answers it, trimmed.
pub fn set_sheets_folder(garden: &Garden, folder: &str) -> Result<String> {
    let folder = folder.trim().to_owned();
    Ok(garden.change(|conn| {
        settings::set(conn, SHEETS_FOLDER_KEY, &folder)?;
        Ok(folder)
    })?)
}

/// The backups a file that cannot be opened may have beside it (its own garden's and the
/// demonstration's: a damaged file cannot tell which it was), newest first.
pub fn backups_beside(path: &Path) -> Vec<BackupFile> {
    let folder = parent_dir(path);
    let mut found: Vec<BackupFile> = ["sauvegardes", "sauvegardes-demonstration"]
        .iter()
        .flat_map(|name| backup::list_all(&folder.join(name)).unwrap_or_default())
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    found
}

/// Puts the backup `source` in place of the file at `path`, which cannot be opened (it is
/// renamed beside, never deleted); answers its new name.
pub fn replace_unopenable(path: &Path, source: &Path) -> Result<PathBuf> {
    Ok(backup::replace_unopenable(
        path,
        source,
        Local::now().naive_local(),
    )?)
}
