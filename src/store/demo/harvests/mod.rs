//! Crops with their units, plots (fields with beds, greenhouses, a tunnel) and two seasons of
//! harvests following the vegetables' seasons.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::rng::Rng;
use super::{Ctx, days, months};
use crate::store::Result;

mod crops;

use crops::{CROPS, FIELD_PLOTS, PLOTS, Place};

/// What the basket round needs to know about a crop.
#[derive(Debug, Clone)]
pub struct CropInfo {
    /// Row id.
    pub id: i64,
    /// Main unit code.
    pub unit: &'static str,
    /// Season, 'x' per month of harvest.
    season: &'static str,
    /// Quantity in a "Petit" basket, in the main unit.
    pub basket: f64,
}

impl CropInfo {
    /// Whether the crop is harvested in `date`'s month.
    pub fn in_season(&self, date: NaiveDate) -> bool {
        self.season.as_bytes().get(date.month0() as usize) == Some(&b'x')
    }
}

/// Writes crops, units, plots and harvests.
pub fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng) -> Result<Vec<CropInfo>> {
    let mut crop_stmt = conn.prepare(
        "INSERT INTO crop (name, family, default_destination) VALUES (:name, :family, 'paniers')",
    )?;
    let mut unit_stmt =
        conn.prepare("INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:c, :unit, :kg)")?;
    let mut crops = Vec::new();
    for &(name, family, unit, kg, season, basket, _) in CROPS {
        let id = crop_stmt.insert(named_params! {":name": name, ":family": family})?;
        unit_stmt.execute(named_params! {":c": id, ":unit": "kg", ":kg": 1.0})?;
        if unit != "kg" {
            unit_stmt.execute(named_params! {":c": id, ":unit": unit, ":kg": kg})?;
        }
        match name {
            "Pomme de terre" => {
                unit_stmt.execute(named_params! {":c": id, ":unit": "caisse", ":kg": 12.0})?
            }
            "Oignon" => {
                unit_stmt.execute(named_params! {":c": id, ":unit": "caisse", ":kg": 10.0})?
            }
            // The one conversion nobody has weighed yet.
            "Chou kale" => {
                unit_stmt.execute(named_params! {":c": id, ":unit": "botte", ":kg": None::<f64>})?
            }
            _ => 0,
        };
        crops.push(CropInfo {
            id,
            unit,
            season,
            basket,
        });
    }

    let mut plot_stmt = conn.prepare(
        "INSERT INTO plot (name, kind, area_m2, parent_id) VALUES (:name, :kind, :area, :parent)",
    )?;
    let mut plots: Vec<i64> = Vec::new();
    for &(name, kind, area, parent) in PLOTS {
        let parent_id = parent.and_then(|i| plots.get(i).copied());
        plots.push(plot_stmt.insert(
            named_params! {":name": name, ":kind": kind, ":area": area, ":parent": parent_id},
        )?);
    }

    let mut harvest_stmt = conn.prepare(
        "INSERT INTO harvest (date, crop_id, plot_id, quantity, unit, destination, notes)
         VALUES (:date, :crop, :plot, :quantity, :unit, :destination, :notes)",
    )?;
    let destinations = [
        "paniers",
        "vente",
        "don",
        "transformation",
        "perte",
        "autoconsommation",
    ];
    let weights = [76, 8, 4, 5, 4, 3];
    // Two seasons, and one more per season the garden has lived before them.
    let first = months(ctx.today, -20 - 12 * ctx.past_seasons() as i32);
    let mut date = first;
    while date <= ctx.today {
        // Harvest days: Monday and Wednesday, before the deliveries, and a few Fridays.
        let weekday = date.weekday().num_days_from_monday();
        let harvest_day = weekday == 0 || weekday == 2 || (weekday == 4 && rng.chance(0.3));
        if harvest_day {
            for _ in 0..ctx.scale {
                for (index, (def, crop)) in CROPS.iter().zip(&crops).enumerate() {
                    if !crop.in_season(date) || !rng.chance(0.55) {
                        continue;
                    }
                    let place = def.6;
                    let plot = match place {
                        Place::Greenhouse => plots[9 + (index % 2)],
                        Place::Tunnel => plots[11],
                        Place::Herbs => plots[12],
                        Place::Field if index % 5 == 4 => plots[8],
                        Place::Field => {
                            // Crop rotation: each year a crop moves to the next bed.
                            plots[FIELD_PLOTS[(index + date.year() as usize) % FIELD_PLOTS.len()]]
                        }
                    };
                    let plot = if rng.chance(0.02) { None } else { Some(plot) };
                    let destination = destinations[rng.weighted(&weights)];
                    let (mut unit, mut factor) = (crop.unit, 1.0);
                    if def.0 == "Pomme de terre" && rng.chance(0.2) {
                        (unit, factor) = ("caisse", 1.0 / 12.0);
                    } else if def.0 == "Chou kale" && rng.chance(0.25) {
                        (unit, factor) = ("botte", 3.0);
                    } else if unit == "piece" && rng.chance(0.1) {
                        (unit, factor) = ("kg", def.3);
                    }
                    let share = if destination == "paniers" { 1.0 } else { 0.15 };
                    let raw = crop.basket * factor * share * (45.0 + rng.unit() * 50.0);
                    let quantity = if unit == "kg" {
                        ((raw * 10.0).round() / 10.0).max(0.5)
                    } else {
                        raw.round().max(1.0)
                    };
                    let notes = match (destination, rng.below(4)) {
                        ("perte", 0) => "Attaque de limaces",
                        ("perte", 1) => "Grêle",
                        ("don", _) => "Épicerie solidaire",
                        ("vente", 0) => "Marché d'Ornans",
                        _ => "",
                    };
                    harvest_stmt.execute(named_params! {
                        ":date": date, ":crop": crop.id, ":plot": plot, ":quantity": quantity,
                        ":unit": unit, ":destination": destination, ":notes": notes,
                    })?;
                }
            }
        }
        date = days(date, 1);
    }
    Ok(crops)
}
