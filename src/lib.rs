//! Binette: the office of an insertion market garden (Jardin de Cocagne).
//!
//! Four layers: `domain` (pure types and rules), `store` (SQLite), `report` (PDF) and `ui`
//! (iced). Only `ui` knows about iced.

pub mod cli;
pub mod console;
pub mod domain;
pub mod report;
pub mod store;
pub mod ui;
