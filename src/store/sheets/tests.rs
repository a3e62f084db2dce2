//! Unit tests of the print set data.

use chrono::NaiveDate;

use crate::domain::baskets::{CompositionItem, SizeId};
use crate::domain::harvests::{Crop, Unit};
use crate::store::harvests::Available;

use super::*;

#[test]
fn file_names_are_safe() {
    assert_eq!(file_safe_name("Salle des fêtes"), "salle-des-fetes");
    assert_eq!(file_safe_name("Épicerie / Gare  Sud"), "epicerie-gare-sud");
    assert_eq!(file_safe_name("L'Œuf"), "l-oeuf");
    assert_eq!(file_safe_name("???"), "depot");
}

#[test]
fn quantities_in_french() {
    assert_eq!(format_quantity(1.5, Unit::Kg), "1,5 kg");
    assert_eq!(format_quantity(2.0, Unit::Piece), "2 pièces");
    assert_eq!(format_quantity(1.0, Unit::Bunch), "1 botte");
    assert_eq!(format_quantity(0.25, Unit::Kg), "0,25 kg");
    assert_eq!(format_quantity(12.0, Unit::Kg), "12 kg");
}

fn crop(id: i64, name: &str, piece_kg: Option<f64>) -> Crop {
    Crop {
        id,
        name: name.into(),
        family: String::new(),
        default_destination: crate::domain::harvests::Destination::Baskets,
        units: vec![crate::domain::harvests::CropUnit {
            unit: Unit::Piece,
            kg_per_unit: piece_kg,
        }],
    }
}

fn item(size_id: SizeId, crop_id: i64, quantity: f64, unit: Unit) -> CompositionItem {
    CompositionItem {
        id: 0,
        monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        size_id,
        crop_id,
        quantity,
        unit,
    }
}

fn available(crop_id: i64, unit: Unit, quantity: f64, kg: Option<f64>) -> Available {
    Available {
        crop_id,
        crop_name: String::new(),
        unit,
        quantity,
        kg,
    }
}

#[test]
fn needs_multiply_by_baskets_and_flag_shortages() {
    let crops = [crop(1, "Poireau", None), crop(2, "Chou", Some(1.5))];
    let items = [
        item(10, 1, 1.0, Unit::Kg),
        item(20, 1, 1.5, Unit::Kg),
        item(20, 2, 1.0, Unit::Piece),
    ];
    let sizes = [10, 20];
    let totals = [30, 10];
    let harvested = [
        available(1, Unit::Kg, 40.0, Some(40.0)),
        available(2, Unit::Kg, 9.0, Some(9.0)),
        available(2, Unit::Piece, 2.0, Some(3.0)),
    ];
    let needs = compute_needs(&sizes, &totals, &items, &crops, &harvested);
    assert_eq!(needs.len(), 2);
    let chou = &needs[0];
    assert_eq!(chou.crop_name, "Chou");
    assert_eq!(chou.per_basket, [0.0, 1.0]);
    assert_eq!(chou.needed, 10.0);
    // 12 kg harvested in two units, 1.5 kg a head: 8 heads.
    assert_eq!(chou.available, Some(8.0));
    assert_eq!(chou.shortage(), Some(2.0));
    let poireau = &needs[1];
    assert_eq!(poireau.needed, 45.0);
    assert_eq!(poireau.available, Some(40.0));
    assert_eq!(poireau.shortage(), Some(5.0));
    // Nothing harvested: all of it is missing.
    let none = compute_needs(&sizes, &totals, &items, &crops, &[]);
    assert_eq!(none[1].shortage(), Some(45.0));
    // Harvested in pieces without a conversion: cannot compare, no false alarm.
    let unknown = compute_needs(
        &sizes,
        &totals,
        &items[..2],
        &crops,
        &[
            available(1, Unit::Piece, 3.0, None),
            available(1, Unit::Kg, 1.0, Some(1.0)),
        ],
    );
    assert_eq!(unknown[0].available, None);
    assert_eq!(unknown[0].shortage(), None);
}
