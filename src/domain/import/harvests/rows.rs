//! Reading one spreadsheet row into a harvest draft: dates as offices write them (and as
//! Excel stores them), quantities with a decimal comma and maybe their unit, with French
//! reasons for refusals.

use chrono::NaiveDate;

use super::fields::{HarvestField, HarvestMapping};
use crate::domain::calendar::format_date;
use crate::domain::harvests::{Destination, Unit, parse_quantity};
use crate::domain::import::dates::parse_import_date;
use crate::domain::text::collation_key;

/// A valid row, names still as written in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct HarvestDraft {
    /// Day of the harvest.
    pub date: NaiveDate,
    /// Crop name as written.
    pub crop: String,
    /// Plot name as written ('' when the row names none).
    pub plot: String,
    /// Quantity, > 0.
    pub quantity: f64,
    /// Unit written in the row (unit column or quantity cell), or given by the quantity
    /// column's title; `None`: the crop's usual unit.
    pub unit: Option<Unit>,
    /// Destination written in the row; `None`: the crop's default one.
    pub destination: Option<Destination>,
    /// Notes.
    pub notes: String,
}

/// What reading a row needs besides its cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowReader<'a> {
    /// The column mapping.
    pub mapping: &'a HarvestMapping,
    /// The unit the quantity column's title gives ("Kg"), if any.
    pub title_unit: Option<Unit>,
    /// Day of the import: later dates are refused.
    pub today: NaiveDate,
}

/// Reads a unit as offices write it ("kg", "Kilos", "pièces", "pc", "bottes", "cagette"…).
pub fn parse_unit(text: &str) -> Option<Unit> {
    let key = collation_key(text);
    const KG: &[&str] = &[
        "kg",
        "kgs",
        "k",
        "kilo",
        "kilos",
        "kilogramme",
        "kilogrammes",
    ];
    const PIECE: &[&str] = &[
        "piece", "pieces", "pc", "pcs", "p", "u", "unite", "unites", "pce", "pces", "tete", "tetes",
    ];
    const BUNCH: &[&str] = &["botte", "bottes", "bte", "btes", "bouquet", "bouquets"];
    const CRATE: &[&str] = &[
        "caisse", "caisses", "cagette", "cagettes", "cageot", "cageots", "colis",
    ];
    if KG.contains(&key.as_str()) {
        Some(Unit::Kg)
    } else if PIECE.contains(&key.as_str()) {
        Some(Unit::Piece)
    } else if BUNCH.contains(&key.as_str()) {
        Some(Unit::Bunch)
    } else if CRATE.contains(&key.as_str()) {
        Some(Unit::Crate)
    } else {
        None
    }
}

/// Reads a destination ("Paniers", "vente", "transfo", "autoconso"…).
pub fn parse_destination(text: &str) -> Option<Destination> {
    let key = collation_key(text);
    let found = |words: &[&str]| words.contains(&key.as_str());
    if found(&["paniers", "panier", "amap", "adherents"]) {
        Some(Destination::Baskets)
    } else if found(&["vente", "ventes", "marche", "magasin", "boutique"]) {
        Some(Destination::Sale)
    } else if found(&["don", "dons", "donne", "banquealimentaire"]) {
        Some(Destination::Gift)
    } else if found(&["transformation", "transfo", "conserves", "conserverie"]) {
        Some(Destination::Processing)
    } else if found(&["perte", "pertes", "perdu", "compost", "dechet", "dechets"]) {
        Some(Destination::Loss)
    } else if found(&["autoconsommation", "autoconso", "equipe", "salaries"]) {
        Some(Destination::OwnUse)
    } else {
        None
    }
}

/// Reads a quantity cell: "12,5", "12.5", "1 200", and with its unit "12,5 kg", "3 bottes",
/// "2kg". Returns the quantity (> 0) and the unit written, if any.
pub fn parse_quantity_cell(text: &str) -> Result<(f64, Option<Unit>), String> {
    let text = text.trim();
    let split = text
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    let (number, unit_text) = text.split_at(split);
    if text.is_empty() {
        return Err("Quantité manquante.".into());
    }
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!(
            "Quantité illisible : « {text} » (attendu : un nombre, par exemple 12,5)."
        ));
    }
    let unit = if unit_text.trim().is_empty() {
        None
    } else {
        Some(parse_unit(unit_text).ok_or_else(|| {
            format!(
                "Quantité « {text} » : unité « {} » inconnue (kg, pièce, botte ou caisse).",
                unit_text.trim()
            )
        })?)
    };
    let quantity = parse_quantity(number).map_err(|reason| {
        if reason.contains("n'est pas une quantité") {
            format!("Quantité illisible : « {text} » (attendu : un nombre, par exemple 12,5).")
        } else {
            format!("Quantité « {text} » refusée : {reason}")
        }
    })?;
    Ok((quantity, unit))
}

fn cell<'a>(row: &'a [String], mapping: &HarvestMapping, field: HarvestField) -> &'a str {
    mapping
        .iter()
        .position(|m| *m == Some(field))
        .and_then(|i| row.get(i))
        .map_or("", |c| c.trim())
}

impl RowReader<'_> {
    /// Validates one row into a draft, or says in French why it cannot be imported.
    pub fn read(&self, row: &[String]) -> Result<HarvestDraft, String> {
        let get = |field| cell(row, self.mapping, field);
        let date_text = get(HarvestField::Date);
        if date_text.is_empty() {
            return Err("Date manquante.".into());
        }
        let date = parse_import_date(date_text).ok_or_else(|| {
            format!("Date illisible : « {date_text} » (attendu : 28/11/2026 ou 2026-11-28).")
        })?;
        if date > self.today {
            return Err(format!(
                "Date dans le futur : {} (nous sommes le {}).",
                format_date(date),
                format_date(self.today)
            ));
        }
        let crop = get(HarvestField::Crop);
        if crop.is_empty() {
            return Err("Culture manquante.".into());
        }
        let (quantity, cell_unit) = parse_quantity_cell(get(HarvestField::Quantity))?;
        let unit_text = get(HarvestField::Unit);
        let column_unit = if unit_text.is_empty() {
            None
        } else {
            Some(parse_unit(unit_text).ok_or_else(|| {
                format!("Unité inconnue : « {unit_text} » (kg, pièce, botte ou caisse).")
            })?)
        };
        let unit = match (cell_unit, column_unit) {
            (Some(a), Some(b)) if a != b => {
                return Err(format!(
                    "Deux unités différentes : « {} » dans la quantité et « {} » dans la colonne Unité.",
                    a.label(),
                    b.label()
                ));
            }
            (Some(u), _) | (None, Some(u)) => Some(u),
            (None, None) => self.title_unit,
        };
        let destination_text = get(HarvestField::Destination);
        let destination = if destination_text.is_empty() {
            None
        } else {
            Some(parse_destination(destination_text).ok_or_else(|| {
                format!(
                    "Destination inconnue : « {destination_text} » (paniers, vente, don, \
                     transformation, perte ou autoconsommation)."
                )
            })?)
        };
        Ok(HarvestDraft {
            date,
            crop: crop.to_owned(),
            plot: get(HarvestField::Plot).to_owned(),
            quantity,
            unit,
            destination,
            notes: get(HarvestField::Notes).to_owned(),
        })
    }
}
