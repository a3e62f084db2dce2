//! What was harvested in the days before a week's distribution.

use chrono::{Days, NaiveDate, Weekday};
use rusqlite::{Connection, named_params};

use super::{HARVEST_JOIN, KG_OF_LINE, code};
use crate::domain::calendar::IsoWeek;
use crate::domain::harvests::{CropId, Unit};
use crate::store::error::{Result, StoreError};

/// Settings key of the harvest window (see [`harvest_window_days`]).
pub const HARVEST_WINDOW_KEY: &str = "harvest_window_days";

/// Harvest window used while none is set: the weekend and Friday before the week.
pub const DEFAULT_HARVEST_WINDOW_DAYS: u32 = 3;

/// Longest window accepted, in days.
pub const MAX_HARVEST_WINDOW_DAYS: u32 = 28;

/// How many days before a delivery week's Monday its harvests start counting (see
/// [`available_for_week`]). [`DEFAULT_HARVEST_WINDOW_DAYS`] when never set or unreadable.
pub fn harvest_window_days(conn: &Connection) -> Result<u32> {
    let stored = crate::store::settings::get(conn, HARVEST_WINDOW_KEY)?;
    Ok(stored
        .and_then(|text| text.trim().parse::<u32>().ok())
        .filter(|days| *days <= MAX_HARVEST_WINDOW_DAYS)
        .unwrap_or(DEFAULT_HARVEST_WINDOW_DAYS))
}

/// Sets the harvest window; refused (`Invalid`, French message) above
/// [`MAX_HARVEST_WINDOW_DAYS`].
pub fn set_harvest_window_days(conn: &Connection, days: u32) -> Result<()> {
    if days > MAX_HARVEST_WINDOW_DAYS {
        return Err(StoreError::Invalid(format!(
            "La fenêtre de récolte ne peut pas dépasser {MAX_HARVEST_WINDOW_DAYS} jours."
        )));
    }
    crate::store::settings::set(conn, HARVEST_WINDOW_KEY, &days.to_string())
}

/// The days whose harvests count for delivery week `week`: from `window_days` days before
/// its Monday to its Sunday, both included.
pub fn harvest_window(week: IsoWeek, window_days: u32) -> (NaiveDate, NaiveDate) {
    let monday = week.monday();
    let from = monday
        .checked_sub_days(Days::new(u64::from(window_days)))
        .unwrap_or(monday);
    (from, week.day(Weekday::Sun))
}

/// What the harvests made available for the baskets of one delivery week, for one crop in
/// one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Available {
    /// The crop.
    pub crop_id: CropId,
    /// Its name.
    pub crop_name: String,
    /// The unit the harvests were counted in.
    pub unit: Unit,
    /// Total quantity harvested, in `unit`.
    pub quantity: f64,
    /// The same in kg; `None` when the crop has no kg conversion for `unit`.
    pub kg: Option<f64>,
}

/// What was harvested for the baskets of delivery week `week`: one row per crop and unit
/// (by crop name, then unit in `Unit::ALL` order).
///
/// - Only harvests whose destination is `paniers` count (sales, gifts, losses… do not).
/// - The window runs from [`harvest_window_days`] days before the week's Monday to its Sunday,
///   both included (see [`harvest_window`]): the week's own harvests plus those picked in the
///   days just before it (default 3: Friday to Sunday, for early-week deliveries). Windows of
///   consecutive weeks overlap by that many days, so this is what was *available*, not an
///   accounting total (use the `kg_by_*` totals for that).
/// - `kg` is the quantity through the crop's conversion for that unit, `None` when unknown.
pub fn available_for_week(conn: &Connection, week: IsoWeek) -> Result<Vec<Available>> {
    let (from, to) = harvest_window(week, harvest_window_days(conn)?);
    available_between(conn, from, to)
}

/// What was harvested for the baskets from `from` to `to`, both included, counted once: one
/// row per crop and unit, as [`available_for_week`] (which it serves, and the print sets
/// spanning two delivery weeks, whose windows overlap).
pub fn available_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Available>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.id AS crop_id, c.name AS name, h.unit AS unit,
                sum(h.quantity) AS quantity, sum({KG_OF_LINE}) AS kg,
                count(*) - count({KG_OF_LINE}) AS unweighed
         {HARVEST_JOIN} AND h.destination = 'paniers'
         GROUP BY c.id, h.unit"
    ))?;
    let mut rows = statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            let unit: String = row.get("unit")?;
            let unweighed: i64 = row.get("unweighed")?;
            let kg: Option<f64> = row.get("kg")?;
            Ok(Available {
                crop_id: row.get("crop_id")?,
                crop_name: row.get("name")?,
                unit: code(&unit, Unit::from_code)?,
                quantity: row.get("quantity")?,
                kg: if unweighed == 0 { kg } else { None },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by(|a, b| {
        crate::domain::text::compare(&a.crop_name, &b.crop_name).then(a.unit.cmp(&b.unit))
    });
    Ok(rows)
}
