//! Récoltes' use cases without the window: recording lines (with a unit's weight, with the
//! warnings to confirm first), the totals read back, the catalogue, and a garden open
//! read-only refusing before anything is written.

#![allow(clippy::unwrap_used)]

use binette::app::harvests::{self, Recorded};
use binette::app::{Error, Garden};
use binette::domain::harvest_query::{HarvestLine, Seasons, totals};
use binette::domain::harvests::{Crop, Destination, Harvest, Plot, PlotKind, Unit};
use binette::store::{self, StoreError};
use chrono::NaiveDate;

/// The season of every date here (November 2026).
const SEASON: Seasons = Seasons::of_year(2026);

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn garden() -> Garden {
    Garden::new(store::open_in_memory().unwrap(), "x.sqlite3".into())
}

/// A garden with « Carotte » (kg and bottes, no weight for a botte yet) and the plot
/// « Serre 1 »; answers their ids.
fn catalogue(garden: &Garden) -> (i64, i64) {
    let carrot = Crop {
        id: 0,
        name: "Carotte".into(),
        family: "Apiacées".into(),
        default_destination: Destination::Baskets,
        units: vec![binette::domain::harvests::CropUnit {
            unit: Unit::Bunch,
            kg_per_unit: None,
        }],
    };
    harvests::save_crop(garden, &carrot, SEASON).unwrap();
    let plot = Plot {
        id: 0,
        name: "Serre 1".into(),
        kind: PlotKind::Greenhouse,
        area_m2: Some(200.0),
        parent_id: None,
    };
    let data = harvests::save_plot(garden, &plot, SEASON).unwrap();
    (data.crops[0].id, data.plots[0].id)
}

fn line(crop_id: i64, plot_id: i64, quantity: f64, unit: Unit) -> Harvest {
    Harvest {
        id: 0,
        date: d(20),
        crop_id,
        plot_id: Some(plot_id),
        quantity,
        unit,
        destination: Destination::Baskets,
        notes: String::new(),
    }
}

fn saved(recorded: Recorded) -> (HarvestLine, bool) {
    match recorded {
        Recorded::Saved(line, reload) => (line, reload.is_some()),
        Recorded::Warnings(warnings) => panic!("not saved: {warnings:?}"),
    }
}

#[test]
fn recorded_lines_add_up_in_the_totals() {
    let garden = garden();
    let (carrot, serre) = catalogue(&garden);
    // 12,5 kg in kg: counted as is.
    let (first, reloaded) = saved(
        harvests::record(
            &garden,
            &line(carrot, serre, 12.5, Unit::Kg),
            None,
            false,
            d(21),
            SEASON,
        )
        .unwrap(),
    );
    assert_eq!(first.kg, Some(12.5));
    assert!(!reloaded, "no weight stored: nothing else to read again");
    // 4 bottes at 0,25 kg each, the weight typed with the line: 4 × 0,25 = 1 kg, and the
    // catalogue read again (the weight of a botte is now known for every line).
    let (second, reloaded) = saved(
        harvests::record(
            &garden,
            &line(carrot, serre, 4.0, Unit::Bunch),
            Some((Unit::Bunch, 0.25)),
            false,
            d(21),
            SEASON,
        )
        .unwrap(),
    );
    assert_eq!(second.kg, Some(1.0));
    assert!(reloaded);
    let data = harvests::load(&garden, SEASON).unwrap();
    assert_eq!(data.lines.len(), 2);
    let all: Vec<&HarvestLine> = data.lines.iter().collect();
    let t = totals(&all);
    // 12,5 + 1 = 13,5 kg, all carrots, all from Serre 1, all for the baskets.
    assert_eq!(t.lines, 2);
    assert!((t.kg - 13.5).abs() < 1e-9, "{}", t.kg);
    assert_eq!(t.by_crop, vec![("Carotte".to_owned(), 13.5)]);
    assert_eq!(t.by_plot, vec![("Serre 1".to_owned(), 13.5)]);
    assert!(t.unweighed.is_empty());
}

#[test]
fn an_identical_line_is_saved_only_once_confirmed() {
    let garden = garden();
    let (carrot, serre) = catalogue(&garden);
    let harvest = line(carrot, serre, 12.5, Unit::Kg);
    saved(harvests::record(&garden, &harvest, None, false, d(21), SEASON).unwrap());
    // The same day, crop, plot, quantity, unit and destination: a warning, nothing saved.
    let again = harvests::record(&garden, &harvest, None, false, d(21), SEASON).unwrap();
    assert!(
        matches!(&again, Recorded::Warnings(w) if !w.is_empty()),
        "{again:?}"
    );
    assert_eq!(harvests::load(&garden, SEASON).unwrap().lines.len(), 1);
    // Confirmed (Enter again): saved.
    saved(harvests::record(&garden, &harvest, None, true, d(21), SEASON).unwrap());
    assert_eq!(harvests::load(&garden, SEASON).unwrap().lines.len(), 2);
}

#[test]
fn a_crop_typed_in_the_line_is_created_in_kg_and_a_line_deleted() {
    let garden = garden();
    let (crops, crop) = harvests::create_crop(&garden, "Panais".into()).unwrap();
    assert_eq!(crop.name, "Panais");
    assert_eq!(crop.default_destination, Destination::Baskets);
    assert!(crop.units.is_empty(), "counted in kg");
    assert_eq!(crops.len(), 1);
    let (_, serre) = catalogue(&garden);
    let (recorded, _) = saved(
        harvests::record(
            &garden,
            &line(crop.id, serre, 3.0, Unit::Kg),
            None,
            false,
            d(21),
            SEASON,
        )
        .unwrap(),
    );
    let id = recorded.harvest.id;
    assert_eq!(harvests::delete_harvest(&garden, id).unwrap(), id);
    assert!(harvests::load(&garden, SEASON).unwrap().lines.is_empty());
}

#[test]
fn a_garden_open_read_only_refuses_a_line_before_writing_anything() {
    // The connection itself could write: only the garden's own check refuses.
    let garden = Garden::new_read_only(store::open_in_memory().unwrap(), "x.sqlite3".into());
    let harvest = line(1, 1, 12.5, Unit::Kg);
    let refused = harvests::record(&garden, &harvest, None, true, d(21), SEASON).unwrap_err();
    assert!(
        matches!(refused, Error::Store(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    let refused = harvests::create_crop(&garden, "Panais".into()).unwrap_err();
    assert!(matches!(refused, Error::Store(StoreError::ReadOnly(_))));
    let data = harvests::load(&garden, SEASON).unwrap();
    assert!(data.lines.is_empty() && data.crops.is_empty());
}
