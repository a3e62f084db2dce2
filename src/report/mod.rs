//! PDF documents (distribution sheets, attendance sheets, statements, activity reports).
//!
//! This module is the shared layout kit: a [`Document`] made of [`Section`]s, each starting on
//! a new page with its own header subtitle and "Page n / N" count; word-wrapped paragraphs;
//! [`Table`]s whose header row repeats on every page; simple vector drawing. Text is measured
//! with the bundled DejaVu fonts, which are embedded (subset) so accents render as in the UI.
//! Never imports iced, never reads the clock.

pub mod access;
pub mod account;
pub mod activity;
pub mod attendance_sheet;
mod document;
mod draw;
mod error;
pub mod export;
pub mod fonts;
pub mod funder_statement;
pub mod invoice;
pub mod path_sheet;
pub mod privacy_register;
pub mod remittance_slip;
mod style;
mod table;
pub mod weekly;

pub use document::{Area, Block, Document, DocumentSetup, Orientation, Section};
pub use error::ReportError;
pub use fonts::{text_width_mm, truncate, wrap_lines};
pub use style::{Align, Color, TextStyle, Weight};
pub use table::{ColWidth, Column, Row, RowStyle, Table};

/// Euros as a document prints them: "1 500,00 €" with plain spaces (the non-breaking ones
/// come out of PDF text extraction, and of some viewers' copy and paste, as odd characters).
pub fn pdf_euros(cents: crate::domain::money::Cents) -> String {
    crate::domain::money::format_euros(cents).replace(['\u{a0}', '\u{202f}'], " ")
}
