//! Crops with their units, plots (fields with beds, greenhouses, a tunnel) and two seasons of
//! harvests following the vegetables' seasons.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::rng::Rng;
use super::{Ctx, days, months};
use crate::store::Result;

mod crops;

use crops::{CROPS, CropDef, FIELD_PLOTS, PLOTS, Place};

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
    let crops = create_crops(conn)?;
    let plots = create_plots(conn)?;
    create_harvests(conn, ctx, rng, &crops, &plots)?;
    Ok(crops)
}

/// The crops with their units (and the odd conversion).
fn create_crops(conn: &Connection) -> Result<Vec<CropInfo>> {
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
    Ok(crops)
}

/// The plots, in `PLOTS` order (a bed after its field).
fn create_plots(conn: &Connection) -> Result<Vec<i64>> {
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
    Ok(plots)
}

/// Harvest rounds per harvest day: one for the usual demo; a garden that has lived longer
/// records its harvests finer, each round a team on other beds (9 after ten seasons).
fn rounds(ctx: &Ctx) -> usize {
    1 + (ctx.past_seasons() * 9 / 10) as usize
}

/// Two seasons of harvests, and one more per season the garden has lived before them.
fn create_harvests(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    crops: &[CropInfo],
    plots: &[i64],
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO harvest (date, crop_id, plot_id, quantity, unit, destination, notes)
         VALUES (:date, :crop, :plot, :quantity, :unit, :destination, :notes)",
    )?;
    let first = months(ctx.today, -20 - 12 * ctx.past_seasons() as i32);
    let mut date = first;
    while date <= ctx.today {
        // Harvest days: Monday and Wednesday, before the deliveries, and a few Fridays.
        let weekday = date.weekday().num_days_from_monday();
        let harvest_day = weekday == 0 || weekday == 2 || (weekday == 4 && rng.chance(0.3));
        if harvest_day {
            for _ in 0..ctx.scale {
                for round in 0..rounds(ctx) {
                    for (index, (def, crop)) in CROPS.iter().zip(crops).enumerate() {
                        if !crop.in_season(date) || !rng.chance(0.55) {
                            continue;
                        }
                        let plot = plot_of(def.6, index, round, date, plots);
                        let line = harvest_line(rng, def, crop, plot);
                        stmt.execute(named_params! {
                            ":date": date, ":crop": crop.id, ":plot": line.plot,
                            ":quantity": line.quantity, ":unit": line.unit,
                            ":destination": line.destination, ":notes": line.notes,
                        })?;
                    }
                }
            }
        }
        date = days(date, 1);
    }
    Ok(())
}

/// Where the `round`-th team of the day harvests the crop `index` growing at `place`.
fn plot_of(place: Place, index: usize, round: usize, date: NaiveDate, plots: &[i64]) -> i64 {
    match place {
        Place::Greenhouse => plots[9 + (index + round) % 2],
        // Later rounds: the same early crops and herbs in the greenhouses.
        Place::Tunnel => plots[[11, 9, 10][round % 3]],
        Place::Herbs => plots[[12, 9, 10][round % 3]],
        // Pré Bas (the last of the beds), then the next beds round after round.
        Place::Field if index % 5 == 4 => {
            plots[FIELD_PLOTS[(FIELD_PLOTS.len() - 1 + round) % FIELD_PLOTS.len()]]
        }
        Place::Field => {
            // Crop rotation: each year a crop moves to the next bed (each round another one).
            let bed = index + date.year() as usize + round;
            plots[FIELD_PLOTS[bed % FIELD_PLOTS.len()]]
        }
    }
}

/// One harvest line, before its date and crop.
struct Line {
    plot: Option<i64>,
    quantity: f64,
    unit: &'static str,
    destination: &'static str,
    notes: &'static str,
}

/// Draws one line: the plot (a few left blank), destination, unit, quantity and notes.
fn harvest_line(rng: &mut Rng, def: &CropDef, crop: &CropInfo, plot: i64) -> Line {
    const DESTINATIONS: [&str; 6] = [
        "paniers",
        "vente",
        "don",
        "transformation",
        "perte",
        "autoconsommation",
    ];
    let plot = if rng.chance(0.02) { None } else { Some(plot) };
    let destination = DESTINATIONS[rng.weighted(&[76, 8, 4, 5, 4, 3])];
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
    Line {
        plot,
        quantity,
        unit,
        destination,
        notes,
    }
}
