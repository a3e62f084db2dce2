//! Crops with their units, plots (fields with beds, greenhouses, a tunnel) and two seasons of
//! harvests following the vegetables' seasons.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::rng::Rng;
use super::{Ctx, days, months};
use crate::store::Result;

/// Where a crop grows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Field,
    Greenhouse,
    Tunnel,
    Herbs,
}

/// A crop of the demo: name, family, main unit, kg per main unit (1 for kg), season
/// ('x' for each month of harvest, January first), quantity in a "Petit" basket, place.
type CropDef = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    &'static str,
    f64,
    Place,
);

const CROPS: &[CropDef] = &[
    (
        "Carotte",
        "Apiacées",
        "kg",
        1.0,
        "xxx...xxxxxx",
        1.0,
        Place::Field,
    ),
    (
        "Carotte nouvelle",
        "Apiacées",
        "botte",
        0.6,
        "....xxx.....",
        1.0,
        Place::Tunnel,
    ),
    (
        "Poireau",
        "Amaryllidacées",
        "kg",
        1.0,
        "xxx.....xxxx",
        0.8,
        Place::Field,
    ),
    (
        "Courge butternut",
        "Cucurbitacées",
        "piece",
        1.3,
        "x.......xxxx",
        1.0,
        Place::Field,
    ),
    (
        "Potimarron",
        "Cucurbitacées",
        "piece",
        1.2,
        "x.......xxxx",
        1.0,
        Place::Field,
    ),
    (
        "Radis",
        "Brassicacées",
        "botte",
        0.3,
        "...xxx..xx..",
        1.0,
        Place::Tunnel,
    ),
    (
        "Salade batavia",
        "Astéracées",
        "piece",
        0.4,
        "...xxxxxxx..",
        1.0,
        Place::Field,
    ),
    (
        "Salade feuille de chêne",
        "Astéracées",
        "piece",
        0.3,
        "...xxxxxxx..",
        1.0,
        Place::Tunnel,
    ),
    (
        "Mâche",
        "Valérianacées",
        "kg",
        1.0,
        "xxx.......xx",
        0.15,
        Place::Tunnel,
    ),
    (
        "Épinard",
        "Amaranthacées",
        "kg",
        1.0,
        "..xxx....xx.",
        0.4,
        Place::Tunnel,
    ),
    (
        "Blette",
        "Amaranthacées",
        "botte",
        1.0,
        ".....xxxxxx.",
        1.0,
        Place::Field,
    ),
    (
        "Chou kale",
        "Brassicacées",
        "kg",
        1.0,
        "xx.......xxx",
        0.3,
        Place::Field,
    ),
    (
        "Tomate cœur de bœuf",
        "Solanacées",
        "kg",
        1.0,
        "......xxx...",
        1.0,
        Place::Greenhouse,
    ),
    (
        "Tomate cerise",
        "Solanacées",
        "kg",
        1.0,
        "......xxxx..",
        0.25,
        Place::Greenhouse,
    ),
    (
        "Courgette",
        "Cucurbitacées",
        "kg",
        1.0,
        ".....xxxx...",
        1.0,
        Place::Field,
    ),
    (
        "Aubergine",
        "Solanacées",
        "kg",
        1.0,
        "......xxx...",
        0.5,
        Place::Greenhouse,
    ),
    (
        "Poivron",
        "Solanacées",
        "kg",
        1.0,
        ".......xx...",
        0.4,
        Place::Greenhouse,
    ),
    (
        "Haricot vert",
        "Fabacées",
        "kg",
        1.0,
        "......xxx...",
        0.4,
        Place::Field,
    ),
    (
        "Petit pois",
        "Fabacées",
        "kg",
        1.0,
        ".....xx.....",
        0.4,
        Place::Field,
    ),
    (
        "Betterave",
        "Amaranthacées",
        "kg",
        1.0,
        "x....xxxxxxx",
        0.8,
        Place::Field,
    ),
    (
        "Céleri-rave",
        "Apiacées",
        "piece",
        0.9,
        "xx.......xxx",
        1.0,
        Place::Field,
    ),
    (
        "Panais",
        "Apiacées",
        "kg",
        1.0,
        "xxx.......xx",
        0.6,
        Place::Field,
    ),
    (
        "Navet",
        "Brassicacées",
        "kg",
        1.0,
        "....xx...xxx",
        0.6,
        Place::Field,
    ),
    (
        "Oignon",
        "Amaryllidacées",
        "kg",
        1.0,
        "xxxx...xxxxx",
        0.5,
        Place::Field,
    ),
    (
        "Échalote",
        "Amaryllidacées",
        "kg",
        1.0,
        "......xxxxxx",
        0.25,
        Place::Field,
    ),
    (
        "Ail",
        "Amaryllidacées",
        "kg",
        1.0,
        "......xxxxx.",
        0.15,
        Place::Field,
    ),
    (
        "Persil",
        "Apiacées",
        "botte",
        0.1,
        "....xxxxxxx.",
        1.0,
        Place::Herbs,
    ),
    (
        "Basilic",
        "Lamiacées",
        "botte",
        0.08,
        ".....xxxx...",
        1.0,
        Place::Greenhouse,
    ),
    (
        "Ciboulette",
        "Amaryllidacées",
        "botte",
        0.05,
        "...xxxxxxx..",
        1.0,
        Place::Herbs,
    ),
    (
        "Fenouil",
        "Apiacées",
        "piece",
        0.35,
        ".....xxxxx..",
        1.0,
        Place::Field,
    ),
    (
        "Concombre",
        "Cucurbitacées",
        "piece",
        0.4,
        ".....xxxx...",
        1.0,
        Place::Greenhouse,
    ),
    (
        "Melon",
        "Cucurbitacées",
        "piece",
        1.0,
        "......xxx...",
        1.0,
        Place::Greenhouse,
    ),
    (
        "Pomme de terre",
        "Solanacées",
        "kg",
        1.0,
        "xxxx..xxxxxx",
        1.5,
        Place::Field,
    ),
    (
        "Patate douce",
        "Convolvulacées",
        "kg",
        1.0,
        ".........xx.",
        0.6,
        Place::Tunnel,
    ),
    (
        "Topinambour",
        "Astéracées",
        "kg",
        1.0,
        "xxx.......xx",
        0.6,
        Place::Field,
    ),
    (
        "Chou-fleur",
        "Brassicacées",
        "piece",
        1.0,
        "........xxx.",
        1.0,
        Place::Field,
    ),
    (
        "Brocoli",
        "Brassicacées",
        "piece",
        0.4,
        ".....xx.xx..",
        1.0,
        Place::Field,
    ),
    (
        "Chou rouge",
        "Brassicacées",
        "piece",
        1.2,
        "x.......xxxx",
        1.0,
        Place::Field,
    ),
    (
        "Chou de Milan",
        "Brassicacées",
        "piece",
        1.3,
        "xxx......xxx",
        1.0,
        Place::Field,
    ),
    (
        "Poire de terre",
        "Astéracées",
        "kg",
        1.0,
        "..........xx",
        0.4,
        Place::Field,
    ),
];

/// Plots: name, kind, area, index of the parent in this list.
const PLOTS: &[(&str, &str, f64, Option<usize>)] = &[
    ("Champ du Moulin", "plein_champ", 3600.0, None),
    ("Moulin – planche 1", "plein_champ", 1200.0, Some(0)),
    ("Moulin – planche 2", "plein_champ", 1200.0, Some(0)),
    ("Moulin – planche 3", "plein_champ", 1200.0, Some(0)),
    ("Champ de la Loue", "plein_champ", 6000.0, None),
    ("Loue – planche A", "plein_champ", 2000.0, Some(4)),
    ("Loue – planche B", "plein_champ", 2000.0, Some(4)),
    ("Loue – planche C", "plein_champ", 2000.0, Some(4)),
    ("Pré Bas", "plein_champ", 2500.0, None),
    ("Serre 1", "serre", 400.0, None),
    ("Serre 2", "serre", 360.0, None),
    ("Tunnel nord", "tunnel", 240.0, None),
    ("Jardin aromatique", "plein_champ", 150.0, None),
];
const FIELD_PLOTS: &[usize] = &[1, 2, 3, 5, 6, 7, 8];

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
    let first = months(ctx.today, -20);
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
