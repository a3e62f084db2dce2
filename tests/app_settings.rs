//! Paramètres' use cases without the window: the form refused field by field, saved and read
//! back, the sheets' settings, a backup made then restored, the refusal page's backups, and
//! a garden open read-only refusing before anything is written.

#![allow(clippy::unwrap_used)]

use binette::app::settings::{self, SettingsForm, fields};
use binette::app::{Error, Garden};
use binette::store::settings::GardenIdentity;
use binette::store::{self, StoreError};

fn garden() -> Garden {
    Garden::new(store::open_in_memory().unwrap(), "x.sqlite3".into())
}

fn form(name: &str, siret: &str, window: &str) -> SettingsForm {
    SettingsForm {
        identity: GardenIdentity {
            name: name.into(),
            siret: siret.into(),
            city: "Besançon".into(),
            ..GardenIdentity::default()
        },
        backup_dir: String::new(),
        harvest_window: window.into(),
    }
}

fn refused_field(result: binette::app::Result<settings::SettingsData>) -> &'static str {
    match result {
        Err(error) => error.field().unwrap_or_else(|| panic!("no field: {error}")),
        Ok(_) => panic!("saved"),
    }
}

#[test]
fn the_form_is_refused_field_by_field_then_saved() {
    let garden = garden();
    let before = settings::load(&garden).unwrap();
    assert_eq!(
        refused_field(settings::save(&garden, form("  ", "", "3"))),
        fields::NAME
    );
    // 13 digits: one short of a SIRET (and 12345678901234 fails the Luhn key: digits
    // doubled from the right give a sum of 57, not a multiple of 10).
    assert_eq!(
        refused_field(settings::save(
            &garden,
            form("Les Lilas", "12345678901234", "3")
        )),
        fields::SIRET
    );
    assert_eq!(
        refused_field(settings::save(
            &garden,
            form("Les Lilas", "1234567890123", "3")
        )),
        fields::SIRET
    );
    // 29 days: one more than the 28 allowed.
    assert_eq!(
        refused_field(settings::save(&garden, form("Les Lilas", "", "29"))),
        fields::HARVEST_WINDOW
    );
    assert_eq!(
        refused_field(settings::save(&garden, form("Les Lilas", "", "trois"))),
        fields::HARVEST_WINDOW
    );
    let mut missing_logo = form("Les Lilas", "", "3");
    missing_logo.identity.logo_path = "/nulle/part/logo.png".into();
    assert_eq!(
        refused_field(settings::save(&garden, missing_logo)),
        fields::LOGO
    );
    // Nothing was written by the refusals.
    let unchanged = settings::load(&garden).unwrap();
    assert_eq!(unchanged.identity, before.identity);
    // 14 digits passing the Luhn key (…0123 then 7: sum 60) and a window of 5 days: saved
    // and read back.
    let saved = settings::save(&garden, form("Les Lilas", "12345678901237", "5")).unwrap();
    assert_eq!(saved.identity.name, "Les Lilas");
    assert_eq!(saved.harvest_window, 5);
    let read = settings::load(&garden).unwrap();
    assert_eq!(read.identity.siret, "12345678901237");
    assert_eq!(read.identity.city, "Besançon");
}

#[test]
fn the_sheets_settings_are_kept() {
    let garden = garden();
    // Off by default: the sheets lie on a shop counter.
    assert!(!settings::show_phones(&garden).unwrap());
    assert!(settings::set_show_phones(&garden, true).unwrap());
    assert!(settings::show_phones(&garden).unwrap());
    assert_eq!(settings::sheets_folder(&garden).unwrap(), "");
    assert_eq!(
        settings::set_sheets_folder(&garden, "  /srv/feuilles  ").unwrap(),
        "/srv/feuilles"
    );
    assert_eq!(settings::sheets_folder(&garden).unwrap(), "/srv/feuilles");
}

#[test]
fn a_backup_made_now_is_listed_then_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let garden = Garden::new(store::open(&path).unwrap(), path.clone());
    settings::save(&garden, form("Les Lilas", "", "3")).unwrap();
    let (file, data) = settings::backup_now(&garden).unwrap();
    assert!(file.is_file());
    assert_eq!(file.parent().unwrap(), dir.path().join("sauvegardes"));
    assert_eq!(data.backups.len(), 1);
    assert_eq!(data.backups[0].path, file);
    // Renamed, then the backup restored: the name comes back, the renamed state kept aside.
    settings::save(&garden, form("Les Glycines", "", "3")).unwrap();
    let (restored, data) = settings::restore(&garden, &file, false).unwrap();
    assert_eq!(data.identity.name, "Les Lilas");
    assert!(restored.safety.is_file());
    assert_eq!(
        settings::backup_garden(&file).unwrap().display_name(),
        "Les Lilas"
    );
    // The refusal page finds that backup beside the garden's file.
    let beside = settings::backups_beside(&path);
    assert!(beside.iter().any(|b| b.path == file), "{beside:?}");
}

#[test]
fn a_garden_open_read_only_refuses_to_save_before_writing_anything() {
    // The connection itself could write: only the garden's own check refuses.
    let garden = Garden::new_read_only(store::open_in_memory().unwrap(), "x.sqlite3".into());
    let refused = settings::save(&garden, form("Les Lilas", "", "3")).unwrap_err();
    assert!(
        matches!(refused, Error::Store(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    let refused = settings::set_show_phones(&garden, true).unwrap_err();
    assert!(matches!(refused, Error::Store(StoreError::ReadOnly(_))));
    assert_eq!(settings::load(&garden).unwrap().identity.name, "");
    assert!(!settings::show_phones(&garden).unwrap());
}
