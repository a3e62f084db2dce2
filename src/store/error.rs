//! The store's error type: every message is French, names the file when there is one, and
//! says what to do.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::ErrorCode;

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
    /// The file is empty (0 byte): never turned into a garden, it may be a truncated one.
    #[error(
        "Le fichier « {} » est vide (0 octet) : ce n'est pas un jardin Binette. Il n'a pas été \
         modifié. S'il devait contenir votre jardin, il a été vidé : restaurez une sauvegarde.",
        .0.display()
    )]
    Empty(PathBuf),
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
    /// SQLite's integrity check found damage, or the file is truncated.
    #[error(
        "La base de données est endommagée ({0}). Elle n'a pas été modifiée : restaurez la \
         dernière sauvegarde."
    )]
    Damaged(String),
    /// The file (or its folder) cannot be written: opened read-only, or refused for writing.
    #[error(
        "La base « {} » est ouverte en lecture seule (support protégé, dossier où l'on ne \
         peut pas écrire, ou jardin déjà ouvert dans une autre fenêtre) : vous pouvez \
         consulter, imprimer et exporter, mais pas modifier. Pour modifier, fermez l'autre \
         fenêtre, ou copiez la base dans un dossier où l'on peut écrire.",
        .0.display()
    )]
    ReadOnly(PathBuf),
    /// A backup of another garden was offered for restoring.
    #[error(
        "Cette sauvegarde est celle d'un autre jardin (« {backup} »), pas de « {current} » : \
         elle n'a pas été restaurée."
    )]
    OtherGarden {
        /// Name of the garden the backup belongs to.
        backup: String,
        /// Name of the open garden.
        current: String,
    },
    /// A row that was asked for does not exist.
    #[error("{0} introuvable : il a peut-être été supprimé entre-temps.")]
    NotFound(&'static str),
    /// A value refused by a rule that must hold (a warning is not an error).
    #[error("{0}")]
    Invalid(String),
    /// An unexpected SQLite failure.
    #[error("{}", sqlite_message(.0))]
    Sqlite(Arc<rusqlite::Error>),
    /// A file could not be read or written (no file name known).
    #[error("Erreur de fichier : {}.", io_reason(.0))]
    Io(Arc<std::io::Error>),
    /// A named file could not be read or written.
    #[error("Le fichier « {} » n'a pas pu être {action} : {}.", .path.display(), io_reason(.source))]
    File {
        /// The file.
        path: PathBuf,
        /// What was tried, as a past participle: "lu", "écrit", "créé"…
        action: &'static str,
        /// The system's error.
        source: Arc<std::io::Error>,
    },
}

impl StoreError {
    /// An I/O error on `path` while it was being `action` ("lu", "écrit"…).
    pub fn file(path: &Path, action: &'static str, error: std::io::Error) -> Self {
        StoreError::File {
            path: path.to_path_buf(),
            action,
            source: Arc::new(error),
        }
    }

    /// True when SQLite answered that the database cannot be written.
    pub fn is_read_only(&self) -> bool {
        match self {
            StoreError::ReadOnly(_) => true,
            StoreError::Sqlite(error) => error.sqlite_error_code() == Some(ErrorCode::ReadOnly),
            _ => false,
        }
    }
}

/// The system's I/O error in French, with what to do.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::NotFound => "fichier ou dossier introuvable (vérifiez le chemin)".into(),
        K::PermissionDenied => {
            "accès refusé (le fichier est peut-être ouvert dans un autre programme, ou le \
             dossier protégé)"
                .into()
        }
        K::AlreadyExists => "un fichier de ce nom existe déjà".into(),
        K::IsADirectory => "c'est un dossier, pas un fichier : indiquez un nom de fichier".into(),
        K::NotADirectory => "une partie du chemin n'est pas un dossier".into(),
        K::StorageFull | K::QuotaExceeded => {
            "le disque est plein : libérez de la place puis recommencez".into()
        }
        K::ReadOnlyFilesystem => {
            "le support est en lecture seule (clé protégée, CD, partage en lecture)".into()
        }
        K::DirectoryNotEmpty => "le dossier n'est pas vide".into(),
        K::InvalidFilename => "le nom du fichier n'est pas valable".into(),
        K::UnexpectedEof => "le fichier est tronqué".into(),
        _ => format!("erreur du système ({error})"),
    }
}

/// SQLite's error in French, with what to do.
fn sqlite_message(error: &rusqlite::Error) -> String {
    let reason = match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "la base est occupée par un autre programme (une autre fenêtre de Binette, une \
             importation) : réessayez dans un instant"
        }
        Some(ErrorCode::ReadOnly) => {
            "la base est en lecture seule : on ne peut pas la modifier ici (support protégé \
             ou dossier sans droit d'écriture)"
        }
        Some(ErrorCode::DiskFull) => "le disque est plein : libérez de la place puis recommencez",
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            "la base est endommagée : restaurez la dernière sauvegarde"
        }
        Some(ErrorCode::CannotOpen) => {
            "le fichier ne peut pas être ouvert (dossier introuvable ou accès refusé)"
        }
        Some(ErrorCode::SystemIoFailure) => {
            "le disque a refusé une lecture ou une écriture (clé retirée, disque plein ou \
             abîmé) : vérifiez le support puis recommencez"
        }
        Some(ErrorCode::PermissionDenied) => "accès refusé par le système",
        Some(ErrorCode::TooBig) => "une valeur est trop longue",
        Some(ErrorCode::ConstraintViolation) => {
            "une règle de la base a refusé l'enregistrement (doublon ou lien manquant)"
        }
        _ => return format!("Erreur de la base de données : {error}"),
    };
    format!("Erreur de la base de données : {reason}.")
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

/// Which rule of the schema a SQLite failure broke: the one place that reads SQLite's
/// constraint codes, so each store module only words the refusal in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// A value that must be unique already exists (UNIQUE or PRIMARY KEY).
    Unique,
    /// A row referred to does not exist, or is still referred to (FOREIGN KEY).
    ForeignKey,
    /// A CHECK rule refused the value.
    Check,
    /// A required value is missing (NOT NULL).
    NotNull,
}

impl Constraint {
    /// The constraint `error` broke, if it is a constraint failure.
    pub fn of(error: &rusqlite::Error) -> Option<Constraint> {
        use rusqlite::ffi;
        let rusqlite::Error::SqliteFailure(e, _) = error else {
            return None;
        };
        if e.code != ErrorCode::ConstraintViolation {
            return None;
        }
        match e.extended_code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                Some(Constraint::Unique)
            }
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY => Some(Constraint::ForeignKey),
            ffi::SQLITE_CONSTRAINT_CHECK => Some(Constraint::Check),
            ffi::SQLITE_CONSTRAINT_NOTNULL => Some(Constraint::NotNull),
            _ => None,
        }
    }

    /// A mapper for `map_err`: `error` breaking this constraint becomes `Invalid(message)`,
    /// any other error passes through.
    pub fn refused(self, message: &str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        move |error| {
            if Constraint::of(&error) == Some(self) {
                StoreError::Invalid(message.to_owned())
            } else {
                error.into()
            }
        }
    }
}
