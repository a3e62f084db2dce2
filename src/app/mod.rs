//! The application layer: the use cases the window and the command line share (load a
//! screen's data, save a household, print the week, write the report, import a file…).
//!
//! A use case is a plain function taking the open [`Garden`]: it opens its transaction,
//! calls `store`, builds what a document shows and, outside the database lock, asks `report`
//! for the bytes. It answers with the one [`Error`] type. The window never sees a database
//! connection: it runs use cases off the UI thread with [`Garden::run`].

pub mod employees;
mod error;
pub mod exports;
mod garden;
pub mod harvests;
pub mod home;
pub mod imports;
pub mod members;
pub mod opening;
pub mod payments;
pub mod reports;
pub mod settings;
pub mod week;
pub mod workshops;

pub use error::{Error, Result};
pub use garden::Garden;
