//! The harvest import plan: what the garden has, the user's choices, and for each row the
//! line to create (its crop, plot, unit and destination resolved), left out or refused.
//! Building it is in `build`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::calendar::format_date;
use crate::domain::harvests::{Crop, Destination, PlotKind, Unit};
pub use crate::domain::import::names::{NameChoice, Named, Target};

// ------------------------------------------------------------------ what the garden has

/// A harvest line already saved, as far as duplicates are concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExistingLine {
    /// Day.
    pub date: NaiveDate,
    /// Crop.
    pub crop_id: i64,
    /// Plot, if any.
    pub plot_id: Option<i64>,
    /// Quantity.
    pub quantity: f64,
    /// Unit.
    pub unit: Unit,
}

/// What the garden already has, to compare the file with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportContext {
    /// Every crop with its units.
    pub crops: Vec<Crop>,
    /// Every plot.
    pub plots: Vec<Named>,
    /// Every harvest line saved.
    pub lines: Vec<ExistingLine>,
}

/// What to do with a row identical (date, crop, plot, quantity and unit) to a saved line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Leave it out: the file was most likely imported (or typed in) already.
    Skip,
    /// Import it anyway, with a warning.
    Import,
}

/// The user's choices for unknown names, keyed by `collation_key(name)`; a name absent from
/// the map is created.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolutions {
    /// Unknown crops.
    pub crops: BTreeMap<String, NameChoice>,
    /// Unknown plots.
    pub plots: BTreeMap<String, NameChoice>,
    /// Usual unit of each crop the import creates (rows without a unit are in it); kg when
    /// absent.
    pub crop_units: BTreeMap<String, Unit>,
}

/// A crop the import creates.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCrop {
    /// Its name, as first written in the file.
    pub name: String,
    /// Its units, the usual one first (empty: kg only). Their weight in kg is to fill in
    /// afterwards.
    pub units: Vec<Unit>,
}

/// A plot the import creates.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlot {
    /// Its name, as first written in the file.
    pub name: String,
    /// Guessed from the name: "Serre 3" is a greenhouse, "Tunnel sud" a tunnel.
    pub kind: PlotKind,
}

/// A harvest line the import writes, its crop and plot resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedHarvest {
    /// Day.
    pub date: NaiveDate,
    /// Crop.
    pub crop: Target,
    /// Plot, if the row names one.
    pub plot: Option<Target>,
    /// Quantity in `unit`.
    pub quantity: f64,
    /// Unit.
    pub unit: Unit,
    /// Destination.
    pub destination: Destination,
    /// Notes.
    pub notes: String,
}

/// What the import does with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    /// A new harvest line.
    Create,
    /// Left out: the same line is already saved.
    Skip,
    /// Refused, for this reason.
    Rejected(String),
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// Line in the file.
    pub line: usize,
    /// The row's cells as read.
    pub cells: Vec<String>,
    /// What will happen.
    pub action: RowAction,
    /// The line to write (`None` when rejected).
    pub harvest: Option<PlannedHarvest>,
    /// "Carotte · Serre 1 · 12,5 kg · Paniers", for the preview.
    pub summary: String,
    /// Warnings and notes (likely duplicate, unknown kg conversion…).
    pub warnings: Vec<String>,
}

impl PlanRow {
    /// The date read ('' for a refused row).
    pub fn date_label(&self) -> String {
        self.harvest
            .as_ref()
            .map_or_else(String::new, |h| format_date(h.date))
    }

    /// What the row holds: its summary, or for a refused row its cells as written.
    pub fn label(&self) -> String {
        if self.summary.is_empty() {
            let cells: Vec<&str> = self
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            cells.join(" · ")
        } else {
            self.summary.clone()
        }
    }

    /// The action in one French word.
    pub fn action_label(&self) -> &'static str {
        match self.action {
            RowAction::Create if !self.warnings.is_empty() => "À vérifier",
            RowAction::Create => "Création",
            RowAction::Skip => "Ignorée",
            RowAction::Rejected(_) => "Refusée",
        }
    }

    /// The reason of a refusal, or the warnings joined.
    pub fn detail(&self) -> String {
        match &self.action {
            RowAction::Rejected(reason) => reason.clone(),
            _ => self.warnings.join(" ; "),
        }
    }
}

/// The preview of a whole import, and what `store::import::harvests::apply_harvest_import`
/// carries out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The file's column titles.
    pub headers: Vec<String>,
    /// One entry per non-empty data row.
    pub rows: Vec<PlanRow>,
    /// Crops the import creates.
    pub new_crops: Vec<NewCrop>,
    /// Plots the import creates.
    pub new_plots: Vec<NewPlot>,
}

/// How many rows fall in each action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCounts {
    /// Lines created.
    pub create: usize,
    /// Of those, lines with a warning.
    pub flagged: usize,
    /// Rows left out (already saved).
    pub skip: usize,
    /// Rows refused.
    pub rejected: usize,
}

impl Plan {
    /// How many rows fall in each action.
    pub fn counts(&self) -> PlanCounts {
        let mut counts = PlanCounts::default();
        for row in &self.rows {
            match row.action {
                RowAction::Create => {
                    counts.create += 1;
                    if !row.warnings.is_empty() {
                        counts.flagged += 1;
                    }
                }
                RowAction::Skip => counts.skip += 1,
                RowAction::Rejected(_) => counts.rejected += 1,
            }
        }
        counts
    }

    /// The refused rows as a CSV file (`;`, UTF-8 BOM): the file's columns plus the reason.
    pub fn rejected_csv(&self) -> Vec<u8> {
        let refused = self.rows.iter().filter_map(|row| match &row.action {
            RowAction::Rejected(reason) => Some((row.line, row.cells.as_slice(), reason.as_str())),
            _ => None,
        });
        crate::domain::import::plan::rejected_csv(&self.headers, refused)
    }
}
