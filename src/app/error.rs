//! The one error type of the application layer: what a use case reports to the window or the
//! command line, always in French, `Clone` so that iced messages can carry it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::report::ReportError;
use crate::report::export::ExportError;
use crate::store::StoreError;

/// Why a use case could not be done. Every message is French and says what to do.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The database refused or failed (the store's own French message).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A PDF could not be produced.
    #[error(transparent)]
    Report(#[from] ReportError),
    /// A list export could not be produced or written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A file beside the database (a PDF, an export, an import) could not be read or written.
    #[error("Le fichier « {} » n'a pas pu être {action} : {}.", .path.display(), crate::store::io_reason(.source))]
    File {
        /// The file.
        path: PathBuf,
        /// "lu" or "écrit".
        action: &'static str,
        /// What the system said.
        source: Arc<std::io::Error>,
    },
    /// A value typed in a form was refused: which field, and why.
    #[error("{message}")]
    Invalid {
        /// The form field at fault (its label), so the screen can show the message beside it.
        field: &'static str,
        /// Why, in French.
        message: String,
    },
}

impl Error {
    /// A refusal of the value of `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    /// The form field this error is about, if it is about one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// What use cases return.
pub type Result<T, E = Error> = std::result::Result<T, E>;
