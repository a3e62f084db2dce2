//! Crops (with their units), plots and harvests, and the kg totals reports need.
//!
//! Totals are in kg: a kg line counts as is, a line in another unit counts through its crop's
//! `kg_per_unit`. A line whose unit has no known conversion is left out of every kg total and
//! reported by [`unconverted_harvests`], so a report can say what it could not weigh instead
//! of silently under-counting.

mod crops;
mod harvest;
mod lines;
mod plots;
mod totals;
mod week;

use super::error::{Constraint, StoreError};

pub use crops::{delete_crop, get_crop, insert_crop, list_crops, update_crop};
pub use harvest::{delete_harvest, get_harvest, harvests_between, insert_harvest, update_harvest};
pub use lines::{all_harvest_lines, harvest_line, harvest_lines, set_kg_per_unit};
pub use plots::{delete_plot, get_plot, insert_plot, list_plots, update_plot};
pub use totals::{Unconverted, kg_by_crop, kg_by_destination, kg_by_month, unconverted_harvests};
pub use week::{
    Available, DEFAULT_HARVEST_WINDOW_DAYS, HARVEST_WINDOW_KEY, MAX_HARVEST_WINDOW_DAYS,
    available_between, available_for_week, harvest_window, harvest_window_days,
    set_harvest_window_days,
};

/// SQL expression: the kg of harvest `h`, NULL when its unit has no conversion (needs the
/// `LEFT JOIN crop_unit cu ON cu.crop_id = h.crop_id AND cu.unit = h.unit`).
const KG_OF_LINE: &str =
    "CASE WHEN h.unit = 'kg' THEN h.quantity ELSE h.quantity * cu.kg_per_unit END";

/// `FROM` clause shared by the totals: harvests with their crop and unit conversion.
const HARVEST_JOIN: &str = "FROM harvest h
     JOIN crop c ON c.id = h.crop_id
     LEFT JOIN crop_unit cu ON cu.crop_id = h.crop_id AND cu.unit = h.unit
     WHERE h.date BETWEEN :from AND :to";

/// Turns a unique-name violation into a French message; other errors pass through.
fn name_taken(error: rusqlite::Error, message: impl FnOnce() -> String) -> StoreError {
    if Constraint::of(&error) == Some(Constraint::Unique) {
        StoreError::Invalid(message())
    } else {
        error.into()
    }
}

/// Turns a foreign-key violation on a harvest into a French message.
fn harvest_reference(error: rusqlite::Error) -> StoreError {
    if Constraint::of(&error) == Some(Constraint::ForeignKey) {
        StoreError::Invalid(
            "La culture ou la parcelle choisie n'existe plus : choisissez-en une autre.".to_owned(),
        )
    } else {
        error.into()
    }
}

fn code<T>(text: &str, from_code: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    from_code(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("code inconnu : {text}").into(),
        )
    })
}
