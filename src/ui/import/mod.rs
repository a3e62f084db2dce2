//! The import screens, reached from Paramètres: one per kind of file.

pub mod columns;
pub mod members;
pub mod names;
