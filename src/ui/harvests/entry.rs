//! The fast-entry line: what is typed, the type-ahead, checking a line before it is saved.

use chrono::NaiveDate;

use crate::domain::calendar::{format_date, parse_date};
use crate::domain::harvest_query::{HarvestLine, suggest, suggestions};
use crate::domain::harvests::{Crop, Destination, Harvest, Plot, Unit, parse_quantity};

pub use super::entry_view::view;

/// Ids of the entry inputs, for focus and tests.
pub mod ids {
    /// Date.
    pub const DATE: &str = "recolte-date";
    /// Crop (type-ahead).
    pub const CROP: &str = "recolte-culture";
    /// Plot (type-ahead).
    pub const PLOT: &str = "recolte-parcelle";
    /// Quantity.
    pub const QUANTITY: &str = "recolte-quantite";
    /// Unit (type-ahead among the crop's units).
    pub const UNIT: &str = "recolte-unite";
    /// Destination (type-ahead).
    pub const DESTINATION: &str = "recolte-destination";
    /// Note.
    pub const NOTE: &str = "recolte-note";
    /// Weight of one unit, asked when the crop has none for the unit typed.
    pub const CONVERSION: &str = "recolte-conversion";
}

/// One entry field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Crop,
    Plot,
    Quantity,
    Unit,
    Destination,
    Note,
    Conversion,
}

/// What is typed in the entry line; every field keeps its text until the line is saved.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub date: String,
    pub crop: String,
    pub plot: String,
    pub quantity: String,
    pub unit: String,
    pub destination: String,
    pub note: String,
    /// Kg per unit typed when the crop had no conversion for the unit.
    pub conversion: String,
    /// The saved line being changed, if any.
    pub editing: Option<i64>,
    /// The field whose suggestions the arrows move through, and the one highlighted.
    pub choosing: Option<(Field, usize)>,
}

/// Errors of a line, per field (French).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Errors {
    pub date: Option<String>,
    pub crop: Option<String>,
    pub plot: Option<String>,
    pub quantity: Option<String>,
    pub unit: Option<String>,
    pub destination: Option<String>,
    pub conversion: Option<String>,
}

impl Errors {
    /// True when no field has an error.
    pub fn is_empty(&self) -> bool {
        *self == Errors::default()
    }
}

/// A line ready to save: the harvest, and a conversion to store first when one was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    pub harvest: Harvest,
    pub conversion: Option<(Unit, f64)>,
}

/// Units a crop may be typed in: kg always, then its own units.
pub fn crop_units(crop: &Crop) -> Vec<Unit> {
    let mut units = vec![Unit::Kg];
    units.extend(crop.units.iter().map(|u| u.unit).filter(|u| *u != Unit::Kg));
    units
}

/// The unit proposed for a crop: kg when it lists kg or nothing, else its first unit.
pub fn default_unit(crop: &Crop) -> Unit {
    if crop.units.is_empty() || crop.units.iter().any(|u| u.unit == Unit::Kg) {
        Unit::Kg
    } else {
        crop.units[0].unit
    }
}

/// How many suggestions a field lists under it.
pub const CANDIDATES_SHOWN: usize = 6;

/// The crop `typed` designates (type-ahead).
pub fn find_crop<'a>(crops: &'a [Crop], typed: &str) -> Option<&'a Crop> {
    let (index, _) = suggest(
        typed,
        crops.iter().enumerate().map(|(i, c)| (i, c.name.as_str())),
    )?;
    crops.get(index)
}

/// The plot `typed` designates (type-ahead).
pub fn find_plot<'a>(plots: &'a [Plot], typed: &str) -> Option<&'a Plot> {
    let (index, _) = suggest(
        typed,
        plots.iter().enumerate().map(|(i, p)| (i, p.name.as_str())),
    )?;
    plots.get(index)
}

/// The crops `typed` may mean, best first, at most [`CANDIDATES_SHOWN`].
pub fn crop_candidates<'a>(crops: &'a [Crop], typed: &str) -> Vec<&'a Crop> {
    suggestions(typed, crops.iter().map(|c| (c, c.name.as_str())))
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(c, _)| c)
        .collect()
}

/// The plots `typed` may mean, best first, at most [`CANDIDATES_SHOWN`].
pub fn plot_candidates<'a>(plots: &'a [Plot], typed: &str) -> Vec<&'a Plot> {
    suggestions(typed, plots.iter().map(|p| (p, p.name.as_str())))
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(p, _)| p)
        .collect()
}

/// The unit `typed` designates among `units` ("pi" → pièce, "b" → botte, "pièces" →
/// pièce).
pub fn find_unit(units: &[Unit], typed: &str) -> Option<Unit> {
    let find = |typed: &str| suggest(typed, units.iter().map(|u| (*u, u.label()))).map(|(u, _)| u);
    find(typed).or_else(|| typed.trim().strip_suffix(['s', 'S']).and_then(find))
}

/// The destination `typed` designates ("ven" → Vente).
pub fn find_destination(typed: &str) -> Option<Destination> {
    suggest(typed, Destination::ALL.iter().map(|d| (*d, d.label()))).map(|(d, _)| d)
}

impl Entry {
    /// An empty line dated `date`.
    pub fn new(date: NaiveDate) -> Self {
        Entry {
            date: format_date(date),
            ..Entry::default()
        }
    }

    /// A fresh line keeping the date typed.
    pub fn next_line(&self) -> Self {
        Entry {
            date: self.date.clone(),
            ..Entry::default()
        }
    }

    /// The line filled from a saved harvest, to change it.
    pub fn editing(line: &HarvestLine) -> Self {
        let h = &line.harvest;
        Entry {
            date: format_date(h.date),
            crop: line.crop_name.clone(),
            plot: line.plot_name.clone(),
            quantity: crate::domain::numbers::format_typed(h.quantity, 3),
            unit: h.unit.label().to_owned(),
            destination: h.destination.label().to_owned(),
            note: h.notes.clone(),
            conversion: String::new(),
            editing: Some(h.id),
            choosing: None,
        }
    }

    /// The index highlighted among `field`'s suggestions (0 when the arrows were not used).
    pub fn highlighted(&self, field: Field) -> usize {
        match self.choosing {
            Some((f, i)) if f == field => i,
            _ => 0,
        }
    }

    /// The crop Enter takes: the suggestion highlighted.
    pub fn chosen_crop<'a>(&self, crops: &'a [Crop]) -> Option<&'a Crop> {
        let candidates = crop_candidates(crops, &self.crop);
        let i = self
            .highlighted(Field::Crop)
            .min(candidates.len().saturating_sub(1));
        candidates.get(i).copied()
    }

    /// The plot Enter takes: the suggestion highlighted.
    pub fn chosen_plot<'a>(&self, plots: &'a [Plot]) -> Option<&'a Plot> {
        let candidates = plot_candidates(plots, &self.plot);
        let i = self
            .highlighted(Field::Plot)
            .min(candidates.len().saturating_sub(1));
        candidates.get(i).copied()
    }

    /// Puts the crop's full name, unit and destination in place once the crop is accepted.
    pub fn accept_crop(&mut self, crop: &Crop) {
        self.crop = crop.name.clone();
        let units = crop_units(crop);
        if find_unit(&units, &self.unit).is_none() || self.unit.trim().is_empty() {
            self.unit = default_unit(crop).label().to_owned();
        }
        self.destination = crop.default_destination.label().to_owned();
    }

    /// True when the crop typed has no kg conversion for the unit typed.
    pub fn needs_conversion(&self, crops: &[Crop]) -> Option<(String, Unit)> {
        let crop = find_crop(crops, &self.crop)?;
        let unit = find_unit(&crop_units(crop), &self.unit)?;
        (crop.kg(1.0, unit).is_none()).then(|| (crop.name.clone(), unit))
    }

    /// Checks the line; the harvest to save, or the errors to show at each field.
    pub fn check(&self, crops: &[Crop], plots: &[Plot]) -> Result<Ready, Box<Errors>> {
        let mut errors = Errors::default();
        let date = parse_date(&self.date);
        if date.is_none() {
            errors.date = Some(date_error(&self.date));
        }
        let crop = find_crop(crops, &self.crop);
        if crop.is_none() {
            errors.crop = Some(if self.crop.trim().is_empty() {
                "Indiquez la culture.".to_owned()
            } else {
                format!("« {} » n'est pas au catalogue.", self.crop.trim())
            });
        }
        let plot = if self.plot.trim().is_empty() {
            None
        } else {
            let found = find_plot(plots, &self.plot);
            if found.is_none() {
                errors.plot = Some(plot_error(&self.plot));
            }
            found
        };
        let quantity = parse_quantity(&self.quantity)
            .map_err(|e| errors.quantity = Some(e))
            .ok();
        let units = crop.map(crop_units).unwrap_or_else(|| vec![Unit::Kg]);
        let unit = if self.unit.trim().is_empty() {
            crop.map(default_unit)
        } else {
            find_unit(&units, &self.unit)
        };
        if unit.is_none() && crop.is_some() {
            let names: Vec<&str> = units.iter().map(|u| u.label()).collect();
            errors.unit = Some(format!("Unité possible : {}.", names.join(", ")));
        }
        let destination = if self.destination.trim().is_empty() {
            crop.map(|c| c.default_destination)
        } else {
            find_destination(&self.destination)
        };
        if destination.is_none() && (crop.is_some() || !self.destination.trim().is_empty()) {
            errors.destination = Some(
                "Destination : paniers, vente, don, transformation, perte ou autoconsommation."
                    .to_owned(),
            );
        }
        let mut conversion = None;
        if let (Some(crop), Some(unit)) = (crop, unit)
            && crop.kg(1.0, unit).is_none()
            && !self.conversion.trim().is_empty()
        {
            match parse_quantity(&self.conversion) {
                Ok(kg) => conversion = Some((unit, kg)),
                Err(e) => errors.conversion = Some(e.replace("quantité", "poids")),
            }
        }
        match (date, crop, quantity, unit, destination) {
            (Some(date), Some(crop), Some(quantity), Some(unit), Some(destination))
                if errors.is_empty() =>
            {
                Ok(Ready {
                    harvest: Harvest {
                        id: self.editing.unwrap_or(0),
                        date,
                        crop_id: crop.id,
                        plot_id: plot.map(|p| p.id),
                        quantity,
                        unit,
                        destination,
                        notes: self.note.trim().to_owned(),
                    },
                    conversion,
                })
            }
            _ => Err(Box::new(errors)),
        }
    }
}

/// Why the date typed is refused.
fn date_error(typed: &str) -> String {
    if typed.trim().is_empty() {
        "Indiquez la date.".to_owned()
    } else {
        format!(
            "« {} » n'est pas une date : tapez par exemple 28/11/2026.",
            typed.trim()
        )
    }
}

/// Why the plot typed is refused.
fn plot_error(typed: &str) -> String {
    format!(
        "Aucune parcelle ne ressemble à « {} » : tapez un mot de son nom, ou ajoutez-la dans \
         l'onglet Parcelles.",
        typed.trim()
    )
}
