//! The import screens, reached from Paramètres: one per kind of file.

pub mod columns;
pub mod employees;
pub mod flow;
pub mod frame;
pub mod harvests;
pub mod members;
pub mod names;

/// Which import screen Paramètres opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// Adhérents (CSV, XLSX, ODS).
    Members,
    /// Salariés from the les emplois de l'inclusion export.
    Employees,
    /// Récoltes (CSV).
    Harvests,
}
