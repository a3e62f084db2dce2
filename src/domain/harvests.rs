//! Crops, plots and harvests.

use chrono::{Days, NaiveDate};

use crate::code_enum;

code_enum! {
    /// A unit a crop is counted in.
    pub enum Unit {
        Kg = ("kg", "kg"),
        Piece = ("piece", "pièce"),
        Bunch = ("botte", "botte"),
        Crate = ("caisse", "caisse"),
    }
}

impl Unit {
    /// The unit after a quantity, French plural from 2 on: "1,5 pièce", "6 pièces",
    /// "20 bottes", "3 kg".
    pub fn label_for(self, quantity: f64) -> String {
        if self != Unit::Kg && quantity.abs() >= 2.0 {
            format!("{}s", self.label())
        } else {
            self.label().to_owned()
        }
    }
}

code_enum! {
    /// Where a harvest goes.
    pub enum Destination {
        Baskets = ("paniers", "Paniers"),
        Sale = ("vente", "Vente"),
        Gift = ("don", "Don"),
        Processing = ("transformation", "Transformation"),
        Loss = ("perte", "Perte"),
        OwnUse = ("autoconsommation", "Autoconsommation"),
    }
}

code_enum! {
    /// What kind of ground a plot is.
    pub enum PlotKind {
        OpenField = ("plein_champ", "Plein champ"),
        Greenhouse = ("serre", "Serre"),
        Tunnel = ("tunnel", "Tunnel"),
    }
}

/// Row id of a crop.
pub type CropId = i64;
/// Row id of a plot.
pub type PlotId = i64;

/// A crop (carotte, tomate…) with the units it is counted in.
#[derive(Debug, Clone, PartialEq)]
pub struct Crop {
    /// Row id (0 before the first save).
    pub id: CropId,
    /// Name, unique regardless of case.
    pub name: String,
    /// Botanical family, free text ('' when not given).
    pub family: String,
    /// Destination proposed when a harvest of this crop is typed in.
    pub default_destination: Destination,
    /// Units other than kg (kg may be listed too; it always converts to itself).
    pub units: Vec<CropUnit>,
}

/// A unit a crop is counted in, with the weight of one unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CropUnit {
    /// The unit.
    pub unit: Unit,
    /// Weight of one unit in kg; `None` while the conversion is not known.
    pub kg_per_unit: Option<f64>,
}

impl Crop {
    /// `quantity` of `unit` in kg: kg is itself; another unit needs a known conversion.
    pub fn kg(&self, quantity: f64, unit: Unit) -> Option<f64> {
        if unit == Unit::Kg {
            return Some(quantity);
        }
        self.units
            .iter()
            .find(|u| u.unit == unit)
            .and_then(|u| u.kg_per_unit)
            .map(|per_unit| quantity * per_unit)
    }

    /// Checks what must hold before saving: a name, each unit once, positive conversions.
    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Indiquez le nom de la culture.".to_owned());
        }
        for (i, unit) in self.units.iter().enumerate() {
            if self.units[..i].iter().any(|u| u.unit == unit.unit) {
                return Err(format!(
                    "L'unité « {} » est indiquée deux fois pour {}.",
                    unit.unit, self.name
                ));
            }
            if let Some(per_unit) = unit.kg_per_unit
                && !(per_unit.is_finite() && per_unit > 0.0)
            {
                return Err(format!(
                    "Le poids d'une unité « {} » doit être supérieur à zéro.",
                    unit.unit
                ));
            }
        }
        Ok(())
    }
}

/// A plot (parcelle); a plot may belong to a larger one (`parent_id`).
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// Row id (0 before the first save).
    pub id: PlotId,
    /// Name, unique regardless of case.
    pub name: String,
    /// Open field, greenhouse or tunnel.
    pub kind: PlotKind,
    /// Area in square metres, when known.
    pub area_m2: Option<f64>,
    /// The plot this one is part of.
    pub parent_id: Option<PlotId>,
}

impl Plot {
    /// Checks what must hold before saving: a name, a positive area, not its own parent.
    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Indiquez le nom de la parcelle.".to_owned());
        }
        if let Some(area) = self.area_m2
            && !(area.is_finite() && area > 0.0)
        {
            return Err("La surface doit être supérieure à zéro.".to_owned());
        }
        if self.id != 0 && self.parent_id == Some(self.id) {
            return Err("Une parcelle ne peut pas faire partie d'elle-même.".to_owned());
        }
        Ok(())
    }
}

/// One harvest line, as typed in from the paper notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Harvest {
    /// Row id (0 before the first save).
    pub id: i64,
    /// Day of the harvest.
    pub date: NaiveDate,
    /// The crop harvested.
    pub crop_id: CropId,
    /// Where, when known.
    pub plot_id: Option<PlotId>,
    /// Quantity in `unit`, always > 0.
    pub quantity: f64,
    /// Unit of `quantity`.
    pub unit: Unit,
    /// Where it goes.
    pub destination: Destination,
    /// Free notes.
    pub notes: String,
}

impl Harvest {
    /// Checks what must hold before saving: a positive quantity.
    pub fn check(&self) -> Result<(), String> {
        if !(self.quantity.is_finite() && self.quantity > 0.0) {
            return Err("La quantité doit être supérieure à zéro.".to_owned());
        }
        Ok(())
    }

    /// Same day, crop, plot, quantity, unit and destination (id and notes ignored).
    fn same_line_as(&self, other: &Harvest) -> bool {
        self.date == other.date
            && self.crop_id == other.crop_id
            && self.plot_id == other.plot_id
            && self.quantity == other.quantity
            && self.unit == other.unit
            && self.destination == other.destination
    }
}

/// Reads a quantity typed by a user: "2,5" and "2.5" both mean 2.5; spaces are ignored.
///
/// Refuses (with a French message) an empty text, anything that is not a plain decimal
/// number, zero and negative numbers.
pub fn parse_quantity(text: &str) -> Result<f64, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err("Indiquez une quantité.".to_owned());
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let plain_number = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    let value = match digits.parse::<f64>() {
        Ok(value) if plain_number && value.is_finite() => value,
        _ => {
            return Err(format!(
                "« {} » n'est pas une quantité : tapez un nombre, par exemple 2,5.",
                text.trim()
            ));
        }
    };
    if value == 0.0 {
        return Err("La quantité doit être supérieure à zéro.".to_owned());
    }
    if negative {
        return Err("La quantité ne peut pas être négative.".to_owned());
    }
    Ok(value)
}

/// Warnings (not errors) about a harvest line about to be saved.
///
/// - its date is after tomorrow (a typo in the date is the usual cause);
/// - an identical line (same day, crop, plot, quantity, unit and destination) is already among
///   `same_day_lines`, the lines saved that day; the line itself (same non-zero id) is skipped.
pub fn harvest_warnings(
    harvest: &Harvest,
    today: NaiveDate,
    same_day_lines: &[Harvest],
) -> Vec<String> {
    let mut warnings = Vec::new();
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    if harvest.date > tomorrow {
        warnings.push(format!(
            "La date du {} est dans le futur : vérifiez-la.",
            harvest.date.format("%d/%m/%Y")
        ));
    }
    let duplicate = same_day_lines
        .iter()
        .filter(|line| harvest.id == 0 || line.id != harvest.id)
        .any(|line| line.same_line_as(harvest));
    if duplicate {
        warnings.push(format!(
            "Une ligne identique est déjà enregistrée le {} : est-ce un doublon ?",
            harvest.date.format("%d/%m/%Y")
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn radish() -> Crop {
        Crop {
            id: 1,
            name: "Radis".to_owned(),
            family: "Brassicacées".to_owned(),
            default_destination: Destination::Baskets,
            units: vec![
                CropUnit {
                    unit: Unit::Bunch,
                    kg_per_unit: Some(0.25),
                },
                CropUnit {
                    unit: Unit::Crate,
                    kg_per_unit: None,
                },
            ],
        }
    }

    fn line(id: i64, day: NaiveDate) -> Harvest {
        Harvest {
            id,
            date: day,
            crop_id: 1,
            plot_id: Some(2),
            quantity: 12.5,
            unit: Unit::Kg,
            destination: Destination::Baskets,
            notes: String::new(),
        }
    }

    #[test]
    fn kg_converts_known_units_only() {
        let crop = radish();
        assert_eq!(crop.kg(3.0, Unit::Kg), Some(3.0));
        assert_eq!(crop.kg(8.0, Unit::Bunch), Some(2.0));
        assert_eq!(crop.kg(2.0, Unit::Crate), None);
        assert_eq!(crop.kg(2.0, Unit::Piece), None);
    }

    #[test]
    fn crop_check_refuses_bad_units() {
        assert_eq!(radish().check(), Ok(()));
        let mut crop = radish();
        crop.name = "  ".to_owned();
        assert!(crop.check().is_err());
        let mut crop = radish();
        crop.units.push(CropUnit {
            unit: Unit::Bunch,
            kg_per_unit: None,
        });
        assert!(crop.check().unwrap_err().contains("deux fois"));
        let mut crop = radish();
        crop.units[0].kg_per_unit = Some(0.0);
        assert!(crop.check().is_err());
    }

    #[test]
    fn plot_check() {
        let mut plot = Plot {
            id: 4,
            name: "Serre 1".to_owned(),
            kind: PlotKind::Greenhouse,
            area_m2: Some(300.0),
            parent_id: None,
        };
        assert_eq!(plot.check(), Ok(()));
        plot.parent_id = Some(4);
        assert!(plot.check().is_err());
        plot.parent_id = None;
        plot.area_m2 = Some(-1.0);
        assert!(plot.check().is_err());
    }

    #[test]
    fn parse_quantity_accepts_comma_and_dot() {
        assert_eq!(parse_quantity("2,5"), Ok(2.5));
        assert_eq!(parse_quantity("2.5"), Ok(2.5));
        assert_eq!(parse_quantity(" 12 "), Ok(12.0));
        assert_eq!(parse_quantity("1 200,75"), Ok(1200.75));
        assert_eq!(parse_quantity(",5"), Ok(0.5));
    }

    #[test]
    fn parse_quantity_refuses_with_french_messages() {
        assert_eq!(
            parse_quantity("  "),
            Err("Indiquez une quantité.".to_owned())
        );
        for bad in ["abc", "2,5,1", "1.000,5", "inf", "NaN", "1e3", ",", "-"] {
            let message = parse_quantity(bad).unwrap_err();
            assert!(
                message.contains("n'est pas une quantité"),
                "{bad}: {message}"
            );
        }
        assert_eq!(
            parse_quantity("0,0"),
            Err("La quantité doit être supérieure à zéro.".to_owned())
        );
        assert_eq!(
            parse_quantity("-2"),
            Err("La quantité ne peut pas être négative.".to_owned())
        );
    }

    #[test]
    fn harvest_check() {
        let mut harvest = line(0, date(2025, 6, 3));
        assert_eq!(harvest.check(), Ok(()));
        harvest.quantity = 0.0;
        assert!(harvest.check().is_err());
        harvest.quantity = f64::NAN;
        assert!(harvest.check().is_err());
    }

    #[test]
    fn warns_about_dates_beyond_tomorrow() {
        let today = date(2025, 12, 31);
        assert!(harvest_warnings(&line(0, date(2026, 1, 1)), today, &[]).is_empty());
        let warnings = harvest_warnings(&line(0, date(2026, 1, 2)), today, &[]);
        assert_eq!(
            warnings,
            vec!["La date du 02/01/2026 est dans le futur : vérifiez-la."]
        );
    }

    #[test]
    fn warns_about_identical_lines_of_the_day() {
        let today = date(2025, 6, 3);
        let saved = vec![line(7, today)];
        let new = line(0, today);
        let warnings = harvest_warnings(&new, today, &saved);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("doublon"));
        // Editing the saved line itself is not a duplicate of itself.
        assert!(harvest_warnings(&saved[0], today, &saved).is_empty());
        // Another quantity is another line; notes do not matter.
        let mut other = line(0, today);
        other.quantity = 3.0;
        assert!(harvest_warnings(&other, today, &saved).is_empty());
        let mut noted = line(0, today);
        noted.notes = "abîmés".to_owned();
        assert_eq!(harvest_warnings(&noted, today, &saved).len(), 1);
    }
}
