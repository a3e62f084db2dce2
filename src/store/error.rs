//! The store's error type: every message is French and says what to do.

use std::path::PathBuf;
use std::sync::Arc;

/// Everything that can go wrong between Binette and its database file.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database, or is some other program's database.
    #[error(
        "Le fichier « {} » n'est pas une base de données Binette. Il n'a pas été modifié. \
         Choisissez un autre fichier.",
        .0.display()
    )]
    NotBinette(PathBuf),
    /// The database was written by a newer Binette.
    #[error(
        "Cette base de données vient d'une version plus récente de Binette (schéma {found}, \
         ce programme connaît le schéma {known}). Elle n'a pas été modifiée : installez la \
         dernière version de Binette pour l'ouvrir."
    )]
    TooNew {
        /// Schema version found in the file.
        found: i64,
        /// Newest schema version this program knows.
        known: i64,
    },
    /// SQLite's integrity check found damage.
    #[error(
        "La base de données est endommagée ({0}). Restaurez la dernière sauvegarde depuis \
         Paramètres."
    )]
    Damaged(String),
    /// A row that was asked for does not exist.
    #[error("{0} introuvable : il a peut-être été supprimé entre-temps.")]
    NotFound(&'static str),
    /// A value refused by a rule that must hold (a warning is not an error).
    #[error("{0}")]
    Invalid(String),
    /// An unexpected SQLite failure.
    #[error("Erreur de la base de données : {0}")]
    Sqlite(Arc<rusqlite::Error>),
    /// A file could not be read or written.
    #[error("Erreur de fichier : {0}")]
    Io(Arc<std::io::Error>),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        StoreError::Sqlite(Arc::new(error))
    }
}

impl From<std::io::Error> for StoreError {
    fn from(error: std::io::Error) -> Self {
        StoreError::Io(Arc::new(error))
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
