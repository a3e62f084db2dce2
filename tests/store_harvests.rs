//! Store round-trips and totals for crops, plots and harvests.

#![allow(clippy::unwrap_used)] // Integration-test helpers are outside #[test] functions.

use binette::domain::calendar::IsoWeek;
use binette::domain::harvests::{Crop, CropUnit, Destination, Harvest, Plot, PlotKind, Unit};
use binette::store::harvests::{self, Unconverted};
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn crop(name: &str, units: Vec<CropUnit>) -> Crop {
    Crop {
        id: 0,
        name: name.to_owned(),
        family: String::new(),
        default_destination: Destination::Baskets,
        units,
    }
}

fn unit(unit: Unit, kg_per_unit: Option<f64>) -> CropUnit {
    CropUnit { unit, kg_per_unit }
}

fn harvest(day: NaiveDate, crop_id: i64, quantity: f64, unit: Unit, to: Destination) -> Harvest {
    Harvest {
        id: 0,
        date: day,
        crop_id,
        plot_id: None,
        quantity,
        unit,
        destination: to,
        notes: String::new(),
    }
}

fn invalid_message<T: std::fmt::Debug>(result: binette::store::Result<T>) -> String {
    match result {
        Err(StoreError::Invalid(message)) => message,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn crop_round_trip_with_units() {
    let conn = open_in_memory().unwrap();
    let mut radish = Crop {
        id: 0,
        name: "Radis".to_owned(),
        family: "Brassicacées".to_owned(),
        default_destination: Destination::Sale,
        units: vec![unit(Unit::Bunch, Some(0.25)), unit(Unit::Crate, None)],
    };
    radish.id = harvests::insert_crop(&conn, &radish).unwrap();
    assert_eq!(harvests::get_crop(&conn, radish.id).unwrap(), radish);

    radish.name = "Radis rose".to_owned();
    radish.family = String::new();
    radish.default_destination = Destination::Baskets;
    radish.units = vec![unit(Unit::Piece, Some(0.02)), unit(Unit::Crate, Some(6.0))];
    harvests::update_crop(&conn, &radish).unwrap();
    assert_eq!(harvests::get_crop(&conn, radish.id).unwrap(), radish);
    assert_eq!(harvests::list_crops(&conn).unwrap(), vec![radish.clone()]);

    harvests::delete_crop(&conn, radish.id).unwrap();
    assert!(matches!(
        harvests::get_crop(&conn, radish.id),
        Err(StoreError::NotFound(_))
    ));
    let units: i64 = conn
        .query_row("SELECT count(*) FROM crop_unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(units, 0);
    assert!(matches!(
        harvests::delete_crop(&conn, radish.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn crops_are_listed_by_name_with_units_in_unit_order() {
    let conn = open_in_memory().unwrap();
    harvests::insert_crop(&conn, &crop("tomate", vec![])).unwrap();
    let id = harvests::insert_crop(
        &conn,
        &crop(
            "Ail",
            vec![unit(Unit::Crate, None), unit(Unit::Bunch, Some(0.5))],
        ),
    )
    .unwrap();
    let names: Vec<_> = harvests::list_crops(&conn)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Ail", "tomate"]);
    let units = harvests::get_crop(&conn, id).unwrap().units;
    assert_eq!(
        units,
        vec![unit(Unit::Bunch, Some(0.5)), unit(Unit::Crate, None)]
    );
}

#[test]
fn crop_names_are_unique_regardless_of_case() {
    let conn = open_in_memory().unwrap();
    harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    let message = invalid_message(harvests::insert_crop(&conn, &crop("carotte", vec![])));
    assert_eq!(message, "Une culture nommée « carotte » existe déjà.");
    let mut other = crop("Poireau", vec![]);
    other.id = harvests::insert_crop(&conn, &other).unwrap();
    other.name = "CAROTTE".to_owned();
    invalid_message(harvests::update_crop(&conn, &other));
}

#[test]
fn failed_crop_update_leaves_units_untouched() {
    let conn = open_in_memory().unwrap();
    harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    let mut leek = crop("Poireau", vec![unit(Unit::Bunch, Some(1.0))]);
    leek.id = harvests::insert_crop(&conn, &leek).unwrap();
    let mut renamed = leek.clone();
    renamed.name = "Carotte".to_owned();
    renamed.units = vec![];
    invalid_message(harvests::update_crop(&conn, &renamed));
    assert_eq!(harvests::get_crop(&conn, leek.id).unwrap(), leek);
}

#[test]
fn invalid_crops_are_refused() {
    let conn = open_in_memory().unwrap();
    invalid_message(harvests::insert_crop(&conn, &crop(" ", vec![])));
    let twice = crop(
        "Ail",
        vec![unit(Unit::Bunch, None), unit(Unit::Bunch, Some(1.0))],
    );
    invalid_message(harvests::insert_crop(&conn, &twice));
    assert!(harvests::list_crops(&conn).unwrap().is_empty());
}

#[test]
fn crop_in_use_cannot_be_deleted() {
    let conn = open_in_memory().unwrap();
    let id = harvests::insert_crop(&conn, &crop("Courgette", vec![])).unwrap();
    let line = harvest(date(2025, 7, 1), id, 3.0, Unit::Kg, Destination::Baskets);
    let harvest_id = harvests::insert_harvest(&conn, &line).unwrap();
    let message = invalid_message(harvests::delete_crop(&conn, id));
    assert_eq!(
        message,
        "La culture « Courgette » ne peut pas être supprimée : elle est utilisée par 1 récolte. \
         Supprimez ou modifiez d'abord ces lignes."
    );
    assert_eq!(harvests::get_crop(&conn, id).unwrap().name, "Courgette");
    harvests::delete_harvest(&conn, harvest_id).unwrap();
    harvests::delete_crop(&conn, id).unwrap();
}

#[test]
fn plot_round_trip() {
    let conn = open_in_memory().unwrap();
    let field = Plot {
        id: 0,
        name: "Grand champ".to_owned(),
        kind: PlotKind::OpenField,
        area_m2: Some(5000.0),
        parent_id: None,
    };
    let field_id = harvests::insert_plot(&conn, &field).unwrap();
    let mut bed = Plot {
        id: 0,
        name: "Planche 3".to_owned(),
        kind: PlotKind::OpenField,
        area_m2: None,
        parent_id: Some(field_id),
    };
    bed.id = harvests::insert_plot(&conn, &bed).unwrap();
    assert_eq!(harvests::get_plot(&conn, bed.id).unwrap(), bed);

    bed.name = "Tunnel nord".to_owned();
    bed.kind = PlotKind::Tunnel;
    bed.area_m2 = Some(120.5);
    bed.parent_id = None;
    harvests::update_plot(&conn, &bed).unwrap();
    assert_eq!(harvests::get_plot(&conn, bed.id).unwrap(), bed);
    let names: Vec<_> = harvests::list_plots(&conn)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Grand champ", "Tunnel nord"]);

    harvests::delete_plot(&conn, bed.id).unwrap();
    assert!(matches!(
        harvests::get_plot(&conn, bed.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn plot_loops_and_duplicate_names_are_refused() {
    let conn = open_in_memory().unwrap();
    let plot = |name: &str, parent_id| Plot {
        id: 0,
        name: name.to_owned(),
        kind: PlotKind::Greenhouse,
        area_m2: None,
        parent_id,
    };
    let a = harvests::insert_plot(&conn, &plot("A", None)).unwrap();
    let b = harvests::insert_plot(&conn, &plot("B", Some(a))).unwrap();
    let mut a_under_b = plot("A", Some(b));
    a_under_b.id = a;
    invalid_message(harvests::update_plot(&conn, &a_under_b));
    invalid_message(harvests::insert_plot(&conn, &plot("a", None)));
    invalid_message(harvests::insert_plot(&conn, &plot("C", Some(999))));
}

#[test]
fn deleting_a_plot_keeps_its_harvests() {
    let conn = open_in_memory().unwrap();
    let crop_id = harvests::insert_crop(&conn, &crop("Fève", vec![])).unwrap();
    let plot = Plot {
        id: 0,
        name: "Serre".to_owned(),
        kind: PlotKind::Greenhouse,
        area_m2: None,
        parent_id: None,
    };
    let plot_id = harvests::insert_plot(&conn, &plot).unwrap();
    let mut line = harvest(
        date(2025, 5, 2),
        crop_id,
        2.0,
        Unit::Kg,
        Destination::Baskets,
    );
    line.plot_id = Some(plot_id);
    let id = harvests::insert_harvest(&conn, &line).unwrap();
    harvests::delete_plot(&conn, plot_id).unwrap();
    assert_eq!(harvests::get_harvest(&conn, id).unwrap().plot_id, None);
}

#[test]
fn harvest_round_trip() {
    let conn = open_in_memory().unwrap();
    let carrot = harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    let leek = harvests::insert_crop(&conn, &crop("Poireau", vec![])).unwrap();
    let plot = Plot {
        id: 0,
        name: "P1".to_owned(),
        kind: PlotKind::OpenField,
        area_m2: None,
        parent_id: None,
    };
    let plot_id = harvests::insert_plot(&conn, &plot).unwrap();
    let mut line = Harvest {
        id: 0,
        date: date(2025, 10, 14),
        crop_id: carrot,
        plot_id: Some(plot_id),
        quantity: 12.75,
        unit: Unit::Kg,
        destination: Destination::Baskets,
        notes: "fanes abîmées".to_owned(),
    };
    line.id = harvests::insert_harvest(&conn, &line).unwrap();
    assert_eq!(harvests::get_harvest(&conn, line.id).unwrap(), line);

    line.date = date(2025, 10, 15);
    line.crop_id = leek;
    line.plot_id = None;
    line.quantity = 6.0;
    line.unit = Unit::Bunch;
    line.destination = Destination::OwnUse;
    line.notes = String::new();
    harvests::update_harvest(&conn, &line).unwrap();
    assert_eq!(harvests::get_harvest(&conn, line.id).unwrap(), line);

    harvests::delete_harvest(&conn, line.id).unwrap();
    assert!(matches!(
        harvests::get_harvest(&conn, line.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        harvests::update_harvest(&conn, &line),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn invalid_harvests_are_refused_in_french() {
    let conn = open_in_memory().unwrap();
    let id = harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    let zero = harvest(date(2025, 1, 2), id, 0.0, Unit::Kg, Destination::Baskets);
    invalid_message(harvests::insert_harvest(&conn, &zero));
    let unknown_crop = harvest(
        date(2025, 1, 2),
        id + 1,
        1.0,
        Unit::Kg,
        Destination::Baskets,
    );
    let message = invalid_message(harvests::insert_harvest(&conn, &unknown_crop));
    assert!(message.contains("n'existe plus"), "{message}");
}

/// Radis: 1 bunch = 0.25 kg, crates without conversion. Carotte: kg only. Salade: no unit.
fn fixture(conn: &Connection) {
    let radish = crop(
        "Radis",
        vec![unit(Unit::Bunch, Some(0.25)), unit(Unit::Crate, None)],
    );
    let radish = harvests::insert_crop(conn, &radish).unwrap();
    let carrot = harvests::insert_crop(conn, &crop("Carotte", vec![])).unwrap();
    let lettuce = harvests::insert_crop(conn, &crop("Salade", vec![])).unwrap();
    use Destination::*;
    for line in [
        harvest(date(2025, 5, 31), radish, 4.0, Unit::Bunch, Baskets), // May: 1 kg
        harvest(date(2025, 6, 2), carrot, 10.0, Unit::Kg, Baskets),
        harvest(date(2025, 6, 3), radish, 8.0, Unit::Bunch, Baskets), // 2 kg
        harvest(date(2025, 6, 3), radish, 2.0, Unit::Crate, Sale),    // no conversion
        harvest(date(2025, 6, 10), lettuce, 12.0, Unit::Piece, Baskets), // no conversion
        harvest(date(2025, 6, 15), radish, 1.0, Unit::Crate, Loss),   // no conversion
        harvest(date(2025, 6, 30), carrot, 4.5, Unit::Kg, Gift),
        harvest(date(2025, 7, 1), carrot, 100.0, Unit::Kg, Baskets),
    ] {
        harvests::insert_harvest(conn, &line).unwrap();
    }
}

#[test]
fn harvests_between_includes_both_ends() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let june = harvests::harvests_between(&conn, date(2025, 6, 1), date(2025, 6, 30)).unwrap();
    let dates: Vec<_> = june
        .iter()
        .map(|h| h.date.format("%d").to_string())
        .collect();
    assert_eq!(dates, ["02", "03", "03", "10", "15", "30"]);
    assert_eq!(june[2].unit, Unit::Crate);
    let one_day = harvests::harvests_between(&conn, date(2025, 7, 1), date(2025, 7, 1)).unwrap();
    assert_eq!(one_day.len(), 1);
}

#[test]
fn kg_totals_leave_unconverted_lines_out() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let (from, to) = (date(2025, 6, 1), date(2025, 6, 30));
    assert_eq!(
        harvests::kg_by_crop(&conn, from, to).unwrap(),
        vec![("Carotte".to_owned(), 14.5), ("Radis".to_owned(), 2.0)]
    );
    assert_eq!(
        harvests::kg_by_destination(&conn, from, to).unwrap(),
        vec![(Destination::Baskets, 12.0), (Destination::Gift, 4.5)]
    );
    assert_eq!(
        harvests::unconverted_harvests(&conn, from, to).unwrap(),
        vec![
            Unconverted {
                crop_name: "Radis".into(),
                unit: Unit::Crate,
                quantity: 3.0,
                lines: 2
            },
            Unconverted {
                crop_name: "Salade".into(),
                unit: Unit::Piece,
                quantity: 12.0,
                lines: 1
            },
        ]
    );
    assert_eq!(
        harvests::kg_by_month(&conn, date(2025, 1, 1), date(2025, 12, 31)).unwrap(),
        vec![((2025, 5), 1.0), ((2025, 6), 16.5), ((2025, 7), 100.0)]
    );
}

#[test]
fn adding_a_conversion_brings_lines_into_the_totals() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let mut radish = harvests::list_crops(&conn)
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Radis")
        .unwrap();
    radish.units[1].kg_per_unit = Some(5.0);
    harvests::update_crop(&conn, &radish).unwrap();
    let (from, to) = (date(2025, 6, 1), date(2025, 6, 30));
    assert_eq!(
        harvests::kg_by_crop(&conn, from, to).unwrap(),
        vec![("Radis".to_owned(), 17.0), ("Carotte".to_owned(), 14.5)]
    );
    let unconverted = harvests::unconverted_harvests(&conn, from, to).unwrap();
    assert_eq!(unconverted.len(), 1);
    assert_eq!(unconverted[0].crop_name, "Salade");
}

// ------------------------------------------------------------------ available for a week

#[test]
fn harvest_window_setting_defaults_and_round_trips() {
    let conn = open_in_memory().unwrap();
    assert_eq!(harvests::harvest_window_days(&conn).unwrap(), 3);
    harvests::set_harvest_window_days(&conn, 7).unwrap();
    assert_eq!(harvests::harvest_window_days(&conn).unwrap(), 7);
    assert_eq!(
        binette::store::settings::get(&conn, "harvest_window_days").unwrap(),
        Some("7".to_owned())
    );
    let message = invalid_message(harvests::set_harvest_window_days(&conn, 29));
    assert!(message.contains("28 jours"), "{message}");
    assert_eq!(harvests::harvest_window_days(&conn).unwrap(), 7);
    // A hand-edited, unreadable value falls back to the default.
    binette::store::settings::set(&conn, "harvest_window_days", "sept").unwrap();
    assert_eq!(harvests::harvest_window_days(&conn).unwrap(), 3);
}

#[test]
fn harvest_window_crosses_the_year() {
    // Week 1 of 2026 runs from Monday 29 December 2025 to Sunday 4 January 2026.
    let week = IsoWeek::new(2026, 1).unwrap();
    assert_eq!(
        harvests::harvest_window(week, 3),
        (date(2025, 12, 26), date(2026, 1, 4))
    );
    assert_eq!(
        harvests::harvest_window(week, 0),
        (date(2025, 12, 29), date(2026, 1, 4))
    );
}

#[test]
fn available_for_week_counts_basket_harvests_in_the_window() {
    let conn = open_in_memory().unwrap();
    let carrot = harvests::insert_crop(&conn, &crop("Carotte", vec![])).unwrap();
    let radish = harvests::insert_crop(
        &conn,
        &crop(
            "radis",
            vec![unit(Unit::Bunch, Some(0.25)), unit(Unit::Crate, None)],
        ),
    )
    .unwrap();
    // Week 10 of 2026: Monday 2 to Sunday 8 March; window of 3 days from Friday 27 February.
    let week = IsoWeek::new(2026, 10).unwrap();
    let lines = [
        harvest(
            date(2026, 2, 26),
            carrot,
            100.0,
            Unit::Kg,
            Destination::Baskets,
        ), // too early
        harvest(
            date(2026, 2, 27),
            carrot,
            10.0,
            Unit::Kg,
            Destination::Baskets,
        ),
        harvest(
            date(2026, 3, 4),
            carrot,
            5.5,
            Unit::Kg,
            Destination::Baskets,
        ),
        harvest(date(2026, 3, 4), carrot, 7.0, Unit::Kg, Destination::Sale), // not baskets
        harvest(
            date(2026, 3, 8),
            radish,
            8.0,
            Unit::Bunch,
            Destination::Baskets,
        ),
        harvest(
            date(2026, 3, 5),
            radish,
            2.0,
            Unit::Crate,
            Destination::Baskets,
        ),
        harvest(
            date(2026, 3, 9),
            radish,
            50.0,
            Unit::Bunch,
            Destination::Baskets,
        ), // too late
    ];
    for line in &lines {
        harvests::insert_harvest(&conn, line).unwrap();
    }
    let available = harvests::available_for_week(&conn, week).unwrap();
    assert_eq!(
        available,
        vec![
            harvests::Available {
                crop_id: carrot,
                crop_name: "Carotte".to_owned(),
                unit: Unit::Kg,
                quantity: 15.5,
                kg: Some(15.5),
            },
            harvests::Available {
                crop_id: radish,
                crop_name: "radis".to_owned(),
                unit: Unit::Bunch,
                quantity: 8.0,
                kg: Some(2.0),
            },
            harvests::Available {
                crop_id: radish,
                crop_name: "radis".to_owned(),
                unit: Unit::Crate,
                quantity: 2.0,
                kg: None,
            },
        ]
    );
    // A wider window takes in the early line.
    harvests::set_harvest_window_days(&conn, 4).unwrap();
    let available = harvests::available_for_week(&conn, week).unwrap();
    assert_eq!(available[0].quantity, 115.5);
    // An empty week gives nothing.
    let empty = harvests::available_for_week(&conn, IsoWeek::new(2026, 20).unwrap()).unwrap();
    assert!(empty.is_empty());
}
