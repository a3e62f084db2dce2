//! Errors of the report layer, with French messages for the office staff.

use std::sync::Arc;

/// Why a PDF could not be produced.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ReportError {
    /// A bundled font could not be read (a build problem, never the user's fault).
    #[error("La police intégrée « {0} » est illisible.")]
    Font(&'static str),
    /// The layout asked for something impossible (e.g. a row with too many cells).
    #[error("Mise en page impossible : {0}")]
    Layout(String),
    /// Writing the PDF bytes failed.
    #[error("Impossible d'écrire le PDF : {}.", crate::store::io_reason(.0))]
    Write(Arc<std::io::Error>),
    /// The destination was refused or could not be written (already worded in French).
    #[error("{0}")]
    Output(String),
}

impl From<crate::store::StoreError> for ReportError {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Output(e.to_string())
    }
}

impl From<std::io::Error> for ReportError {
    fn from(e: std::io::Error) -> Self {
        Self::Write(Arc::new(e))
    }
}
