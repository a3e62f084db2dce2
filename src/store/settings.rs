//! Garden-wide settings, kept as key / value rows.

use rusqlite::{Connection, OptionalExtension, named_params};

use super::Result;

/// Keys of the `setting` table.
pub mod keys {
    /// The garden's name, printed on every document.
    pub const GARDEN_NAME: &str = "garden_name";
    /// Street address.
    pub const GARDEN_ADDRESS: &str = "garden_address";
    /// Postcode.
    pub const GARDEN_POSTCODE: &str = "garden_postcode";
    /// Town.
    pub const GARDEN_CITY: &str = "garden_city";
    /// SIRET number (14 digits).
    pub const GARDEN_SIRET: &str = "garden_siret";
    /// Path of the logo image used on PDFs.
    pub const LOGO_PATH: &str = "logo_path";
    /// Folder where automatic backups go (empty: `sauvegardes/` beside the database).
    pub const BACKUP_DIR: &str = "backup_dir";
    /// "1" in the demonstration garden.
    pub const DEMO: &str = "demonstration";
    /// First day of the households' accounts (ISO date): baskets before it are not charged,
    /// for a garden whose subscriptions began before it kept its accounts in Binette. Absent:
    /// every basket since each subscription's start.
    pub const ACCOUNTS_START: &str = "accounts_start";
}

/// The garden's identity, as shown in the window title and on documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GardenIdentity {
    /// Name of the garden.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// SIRET number.
    pub siret: String,
    /// Logo image path, empty when none.
    pub logo_path: String,
}

/// Reads one setting; `None` when it was never set.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM setting WHERE key = :key",
            named_params! {":key": key},
            |row| row.get("value"),
        )
        .optional()?)
}

/// Writes one setting, replacing any previous value.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (:key, :value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        named_params! {":key": key, ":value": value},
    )?;
    Ok(())
}

/// Reads the garden's identity (empty strings for what was never set).
pub fn garden_identity(conn: &Connection) -> Result<GardenIdentity> {
    let read = |key| get(conn, key).map(Option::unwrap_or_default);
    Ok(GardenIdentity {
        name: read(keys::GARDEN_NAME)?,
        address: read(keys::GARDEN_ADDRESS)?,
        postcode: read(keys::GARDEN_POSTCODE)?,
        city: read(keys::GARDEN_CITY)?,
        siret: read(keys::GARDEN_SIRET)?,
        logo_path: read(keys::LOGO_PATH)?,
    })
}

/// Saves the garden's identity in one transaction (its own, or the caller's when one is
/// open: SQLite cannot begin a transaction inside another).
pub fn save_garden_identity(conn: &Connection, identity: &GardenIdentity) -> Result<()> {
    let own = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    set(conn, keys::GARDEN_NAME, identity.name.trim())?;
    set(conn, keys::GARDEN_ADDRESS, identity.address.trim())?;
    set(conn, keys::GARDEN_POSTCODE, identity.postcode.trim())?;
    set(conn, keys::GARDEN_CITY, identity.city.trim())?;
    set(conn, keys::GARDEN_SIRET, identity.siret.trim())?;
    set(conn, keys::LOGO_PATH, identity.logo_path.trim())?;
    if let Some(tx) = own {
        tx.commit()?;
    }
    Ok(())
}

/// True when this database holds the demonstration garden.
pub fn is_demo(conn: &Connection) -> Result<bool> {
    Ok(get(conn, keys::DEMO)?.as_deref() == Some("1"))
}

/// True when `siret` is empty or 14 digits passing the Luhn check (spaces ignored).
pub fn siret_valid(siret: &str) -> bool {
    let digits: Vec<u32> = siret
        .chars()
        .filter(|c| !c.is_whitespace())
        .filter_map(|c| c.to_digit(10))
        .collect();
    let typed = siret.chars().filter(|c| !c.is_whitespace()).count();
    if typed == 0 {
        return true;
    }
    if digits.len() != 14 || typed != 14 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_round_trip() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(garden_identity(&conn).unwrap(), GardenIdentity::default());
        let identity = GardenIdentity {
            name: "Jardin de Cocagne d'Ici".into(),
            address: "1 rue des Près".into(),
            postcode: "25000".into(),
            city: "Besançon".into(),
            siret: "73282932000074".into(),
            logo_path: "/tmp/logo.png".into(),
        };
        save_garden_identity(&conn, &identity).unwrap();
        assert_eq!(garden_identity(&conn).unwrap(), identity);
        set(&conn, keys::GARDEN_NAME, "Autre").unwrap();
        assert_eq!(
            get(&conn, keys::GARDEN_NAME).unwrap().as_deref(),
            Some("Autre")
        );
    }

    #[test]
    fn siret_checks_luhn() {
        assert!(siret_valid(""));
        assert!(siret_valid("732 829 320 00074"));
        assert!(!siret_valid("73282932000075"));
        assert!(!siret_valid("7328293200007"));
        assert!(!siret_valid("7328293200007a"));
    }
}
