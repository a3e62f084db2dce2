//! Binette: the office of an insertion market garden (Jardin de Cocagne).
//!
//! Five layers: `domain` (pure types and rules), `store` (SQLite), `report` (documents as
//! bytes), `app` (the use cases the window and the command line share) and `ui` (iced). Only
//! `ui` knows about iced; only `app`, `store` and `cli` see a database connection.

pub mod app;
pub mod cli;
pub mod console;
pub mod domain;
pub mod report;
pub mod store;
pub mod ui;
