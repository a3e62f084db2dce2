//! Crops (with their units), plots and harvests, and the kg totals reports need.
//!
//! Totals are in kg: a kg line counts as is, a line in another unit counts through its crop's
//! `kg_per_unit`. A line whose unit has no known conversion is left out of every kg total and
//! reported by [`unconverted_harvests`], so a report can say what it could not weigh instead
//! of silently under-counting.

use chrono::{Days, NaiveDate, Weekday};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, named_params};

use super::error::{Result, StoreError};
use crate::domain::calendar::IsoWeek;
use crate::domain::harvest_query::HarvestLine;
use crate::domain::harvests::{
    Crop, CropId, CropUnit, Destination, Harvest, Plot, PlotId, PlotKind, Unit,
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

/// True when `error` is a SQLite constraint failure with this extended code.
fn is_constraint(error: &rusqlite::Error, extended: i32) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.code == ErrorCode::ConstraintViolation && e.extended_code == extended)
}

/// Turns a unique-name violation into a French message; other errors pass through.
fn name_taken(error: rusqlite::Error, message: impl FnOnce() -> String) -> StoreError {
    if is_constraint(&error, rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE) {
        StoreError::Invalid(message())
    } else {
        error.into()
    }
}

/// Turns a foreign-key violation on a harvest into a French message.
fn harvest_reference(error: rusqlite::Error) -> StoreError {
    if is_constraint(&error, rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY) {
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

// ------------------------------------------------------------------------------------ crops

fn write_units(conn: &Connection, crop: &Crop, crop_id: CropId) -> Result<()> {
    conn.execute(
        "DELETE FROM crop_unit WHERE crop_id = :id",
        named_params! {":id": crop_id},
    )?;
    let mut insert = conn
        .prepare("INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:crop, :unit, :kg)")?;
    for unit in &crop.units {
        insert.execute(named_params! {
            ":crop": crop_id, ":unit": unit.unit.code(), ":kg": unit.kg_per_unit,
        })?;
    }
    Ok(())
}

fn crop_exists_message(crop: &Crop) -> String {
    format!("Une culture nommée « {} » existe déjà.", crop.name.trim())
}

/// Saves a new crop and its units in one transaction; returns its id (`crop.id` is ignored).
pub fn insert_crop(conn: &Connection, crop: &Crop) -> Result<CropId> {
    crop.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "INSERT INTO crop (name, family, default_destination)
         VALUES (:name, :family, :destination)",
        named_params! {
            ":name": crop.name.trim(), ":family": crop.family,
            ":destination": crop.default_destination.code(),
        },
    )
    .map_err(|e| name_taken(e, || crop_exists_message(crop)))?;
    let id = tx.last_insert_rowid();
    write_units(&tx, crop, id)?;
    tx.commit()?;
    Ok(id)
}

/// Saves changes to a crop and replaces its units, in one transaction.
pub fn update_crop(conn: &Connection, crop: &Crop) -> Result<()> {
    crop.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    let changed = tx
        .execute(
            "UPDATE crop SET name = :name, family = :family, default_destination = :destination
             WHERE id = :id",
            named_params! {
                ":id": crop.id, ":name": crop.name.trim(), ":family": crop.family,
                ":destination": crop.default_destination.code(),
            },
        )
        .map_err(|e| name_taken(e, || crop_exists_message(crop)))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Culture"));
    }
    write_units(&tx, crop, crop.id)?;
    tx.commit()?;
    Ok(())
}

fn units_of(conn: &Connection, crop_id: CropId) -> Result<Vec<CropUnit>> {
    let mut statement =
        conn.prepare_cached("SELECT unit, kg_per_unit FROM crop_unit WHERE crop_id = :id")?;
    let mut units = statement
        .query_map(named_params! {":id": crop_id}, |row| {
            let unit: String = row.get("unit")?;
            Ok(CropUnit {
                unit: code(&unit, Unit::from_code)?,
                kg_per_unit: row.get("kg_per_unit")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    units.sort_by_key(|u| u.unit);
    Ok(units)
}

fn crop_from_row(row: &Row) -> rusqlite::Result<Crop> {
    let destination: String = row.get("default_destination")?;
    Ok(Crop {
        id: row.get("id")?,
        name: row.get("name")?,
        family: row.get("family")?,
        default_destination: code(&destination, Destination::from_code)?,
        units: Vec::new(),
    })
}

/// One crop with its units (in `Unit::ALL` order).
pub fn get_crop(conn: &Connection, id: CropId) -> Result<Crop> {
    let crop = conn
        .query_row(
            "SELECT id, name, family, default_destination FROM crop WHERE id = :id",
            named_params! {":id": id},
            crop_from_row,
        )
        .optional()?;
    let mut crop = crop.ok_or(StoreError::NotFound("Culture"))?;
    crop.units = units_of(conn, id)?;
    Ok(crop)
}

/// Every crop with its units, by name.
pub fn list_crops(conn: &Connection) -> Result<Vec<Crop>> {
    let mut statement = conn.prepare(
        "SELECT id, name, family, default_destination FROM crop ORDER BY name COLLATE NOCASE",
    )?;
    let mut crops = statement
        .query_map([], crop_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for crop in &mut crops {
        crop.units = units_of(conn, crop.id)?;
    }
    Ok(crops)
}

/// Deletes a crop and its units. Refused (`Invalid`) while harvests or basket compositions use it.
pub fn delete_crop(conn: &Connection, id: CropId) -> Result<()> {
    let params = named_params! {":id": id};
    let harvests: i64 = conn.query_row(
        "SELECT count(*) FROM harvest WHERE crop_id = :id",
        params,
        |r| r.get(0),
    )?;
    let compositions: i64 = conn.query_row(
        "SELECT count(*) FROM composition_item WHERE crop_id = :id",
        params,
        |r| r.get(0),
    )?;
    if harvests > 0 || compositions > 0 {
        let name: String = conn
            .query_row("SELECT name FROM crop WHERE id = :id", params, |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        let mut uses = Vec::new();
        if harvests > 0 {
            uses.push(format!(
                "{harvests} récolte{}",
                if harvests > 1 { "s" } else { "" }
            ));
        }
        if compositions > 0 {
            uses.push(format!(
                "{compositions} ligne{} de composition de paniers",
                if compositions > 1 { "s" } else { "" }
            ));
        }
        return Err(StoreError::Invalid(format!(
            "La culture « {name} » ne peut pas être supprimée : elle est utilisée par {}. \
             Supprimez ou modifiez d'abord ces lignes.",
            uses.join(" et ")
        )));
    }
    let deleted = conn.execute("DELETE FROM crop WHERE id = :id", params)?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Culture"));
    }
    Ok(())
}

// ------------------------------------------------------------------------------------ plots

fn plot_exists_message(plot: &Plot) -> String {
    format!("Une parcelle nommée « {} » existe déjà.", plot.name.trim())
}

/// Refuses a parent that does not exist or that lies inside `plot` (a loop).
fn check_parent(conn: &Connection, plot: &Plot) -> Result<()> {
    let mut next = plot.parent_id;
    let mut steps = 0;
    while let Some(parent) = next {
        if plot.id != 0 && parent == plot.id {
            return Err(StoreError::Invalid(
                "Une parcelle ne peut pas faire partie d'une de ses propres sous-parcelles."
                    .to_owned(),
            ));
        }
        steps += 1;
        if steps > 1000 {
            break;
        }
        next = conn
            .query_row(
                "SELECT parent_id FROM plot WHERE id = :id",
                named_params! {":id": parent},
                |r| r.get::<_, Option<PlotId>>(0),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::Invalid(
                    "La parcelle parente n'existe plus : choisissez-en une autre.".to_owned(),
                )
            })?;
    }
    Ok(())
}

/// Saves a new plot; returns its id (`plot.id` is ignored).
pub fn insert_plot(conn: &Connection, plot: &Plot) -> Result<PlotId> {
    let plot = Plot {
        id: 0,
        ..plot.clone()
    };
    plot.check().map_err(StoreError::Invalid)?;
    check_parent(conn, &plot)?;
    conn.execute(
        "INSERT INTO plot (name, kind, area_m2, parent_id) VALUES (:name, :kind, :area, :parent)",
        named_params! {
            ":name": plot.name.trim(), ":kind": plot.kind.code(),
            ":area": plot.area_m2, ":parent": plot.parent_id,
        },
    )
    .map_err(|e| name_taken(e, || plot_exists_message(&plot)))?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a plot.
pub fn update_plot(conn: &Connection, plot: &Plot) -> Result<()> {
    plot.check().map_err(StoreError::Invalid)?;
    check_parent(conn, plot)?;
    let changed = conn
        .execute(
            "UPDATE plot SET name = :name, kind = :kind, area_m2 = :area, parent_id = :parent
             WHERE id = :id",
            named_params! {
                ":id": plot.id, ":name": plot.name.trim(), ":kind": plot.kind.code(),
                ":area": plot.area_m2, ":parent": plot.parent_id,
            },
        )
        .map_err(|e| name_taken(e, || plot_exists_message(plot)))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Parcelle"));
    }
    Ok(())
}

fn plot_from_row(row: &Row) -> rusqlite::Result<Plot> {
    let kind: String = row.get("kind")?;
    Ok(Plot {
        id: row.get("id")?,
        name: row.get("name")?,
        kind: code(&kind, PlotKind::from_code)?,
        area_m2: row.get("area_m2")?,
        parent_id: row.get("parent_id")?,
    })
}

/// One plot.
pub fn get_plot(conn: &Connection, id: PlotId) -> Result<Plot> {
    conn.query_row(
        "SELECT id, name, kind, area_m2, parent_id FROM plot WHERE id = :id",
        named_params! {":id": id},
        plot_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Parcelle"))
}

/// Every plot, by name.
pub fn list_plots(conn: &Connection) -> Result<Vec<Plot>> {
    let mut statement = conn.prepare(
        "SELECT id, name, kind, area_m2, parent_id FROM plot ORDER BY name COLLATE NOCASE",
    )?;
    Ok(statement
        .query_map([], plot_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Deletes a plot. Its harvests keep their lines without a plot, its sub-plots lose their
/// parent (the schema's `ON DELETE SET NULL`).
pub fn delete_plot(conn: &Connection, id: PlotId) -> Result<()> {
    let deleted = conn.execute("DELETE FROM plot WHERE id = :id", named_params! {":id": id})?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Parcelle"));
    }
    Ok(())
}

// --------------------------------------------------------------------------------- harvests

/// Saves a new harvest line; returns its id (`harvest.id` is ignored).
pub fn insert_harvest(conn: &Connection, harvest: &Harvest) -> Result<i64> {
    harvest.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO harvest (date, crop_id, plot_id, quantity, unit, destination, notes)
         VALUES (:date, :crop, :plot, :quantity, :unit, :destination, :notes)",
        named_params! {
            ":date": harvest.date, ":crop": harvest.crop_id, ":plot": harvest.plot_id,
            ":quantity": harvest.quantity, ":unit": harvest.unit.code(),
            ":destination": harvest.destination.code(), ":notes": harvest.notes,
        },
    )
    .map_err(harvest_reference)?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a harvest line.
pub fn update_harvest(conn: &Connection, harvest: &Harvest) -> Result<()> {
    harvest.check().map_err(StoreError::Invalid)?;
    let changed = conn
        .execute(
            "UPDATE harvest SET date = :date, crop_id = :crop, plot_id = :plot,
                 quantity = :quantity, unit = :unit, destination = :destination, notes = :notes
             WHERE id = :id",
            named_params! {
                ":id": harvest.id, ":date": harvest.date, ":crop": harvest.crop_id,
                ":plot": harvest.plot_id, ":quantity": harvest.quantity,
                ":unit": harvest.unit.code(), ":destination": harvest.destination.code(),
                ":notes": harvest.notes,
            },
        )
        .map_err(harvest_reference)?;
    if changed == 0 {
        return Err(StoreError::NotFound("Récolte"));
    }
    Ok(())
}

fn harvest_from_row(row: &Row) -> rusqlite::Result<Harvest> {
    let unit: String = row.get("unit")?;
    let destination: String = row.get("destination")?;
    Ok(Harvest {
        id: row.get("id")?,
        date: row.get("date")?,
        crop_id: row.get("crop_id")?,
        plot_id: row.get("plot_id")?,
        quantity: row.get("quantity")?,
        unit: code(&unit, Unit::from_code)?,
        destination: code(&destination, Destination::from_code)?,
        notes: row.get("notes")?,
    })
}

const HARVEST_COLUMNS: &str =
    "SELECT id, date, crop_id, plot_id, quantity, unit, destination, notes FROM harvest";

/// One harvest line.
pub fn get_harvest(conn: &Connection, id: i64) -> Result<Harvest> {
    conn.query_row(
        &format!("{HARVEST_COLUMNS} WHERE id = :id"),
        named_params! {":id": id},
        harvest_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Récolte"))
}

/// Deletes a harvest line.
pub fn delete_harvest(conn: &Connection, id: i64) -> Result<()> {
    let deleted = conn.execute(
        "DELETE FROM harvest WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Récolte"));
    }
    Ok(())
}

/// Harvest lines dated `from` to `to` (both included), by date then in entry order.
pub fn harvests_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Harvest>> {
    let mut statement = conn.prepare(&format!(
        "{HARVEST_COLUMNS} WHERE date BETWEEN :from AND :to ORDER BY date, id"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, harvest_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

// ----------------------------------------------------------------------------------- totals

/// Kg harvested per crop from `from` to `to` (both included): (crop name, kg), heaviest
/// first, then by name. Lines without a kg conversion are left out (see
/// [`unconverted_harvests`]); a crop with only such lines is absent.
pub fn kg_by_crop(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.name AS name, sum({KG_OF_LINE}) AS kg {HARVEST_JOIN}
         GROUP BY c.id HAVING kg IS NOT NULL
         ORDER BY kg DESC, c.name COLLATE NOCASE"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            Ok((row.get("name")?, row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Kg harvested per destination from `from` to `to` (both included), in `Destination::ALL`
/// order, destinations without any weighed line left out. Lines without a kg conversion are
/// left out (see [`unconverted_harvests`]).
pub fn kg_by_destination(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Destination, f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT h.destination AS destination, sum({KG_OF_LINE}) AS kg {HARVEST_JOIN}
         GROUP BY h.destination HAVING kg IS NOT NULL"
    ))?;
    let mut totals = statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            let destination: String = row.get("destination")?;
            Ok((code(&destination, Destination::from_code)?, row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<(Destination, f64)>>>()?;
    totals.sort_by_key(|(destination, _)| *destination);
    Ok(totals)
}

/// Kg harvested per month from `from` to `to` (both included): ((year, month), kg), in
/// calendar order, months without any weighed line left out.
pub fn kg_by_month(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<((i32, u32), f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT CAST(substr(h.date, 1, 4) AS INTEGER) AS year,
                CAST(substr(h.date, 6, 2) AS INTEGER) AS month, sum({KG_OF_LINE}) AS kg
         {HARVEST_JOIN}
         GROUP BY year, month HAVING kg IS NOT NULL ORDER BY year, month"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            Ok(((row.get("year")?, row.get("month")?), row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Harvest lines that no kg total could count: a crop and unit without a known conversion.
#[derive(Debug, Clone, PartialEq)]
pub struct Unconverted {
    /// Crop name.
    pub crop_name: String,
    /// The unit without conversion.
    pub unit: Unit,
    /// Sum of the quantities, in `unit`.
    pub quantity: f64,
    /// How many harvest lines.
    pub lines: i64,
}

/// What the kg totals from `from` to `to` left out, per crop and unit (by crop name, then
/// unit): add a conversion to the crop to have them counted.
pub fn unconverted_harvests(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Unconverted>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.name AS name, h.unit AS unit, sum(h.quantity) AS quantity, count(*) AS lines
         {HARVEST_JOIN} AND ({KG_OF_LINE}) IS NULL
         GROUP BY c.id, h.unit"
    ))?;
    let mut rows = statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            let unit: String = row.get("unit")?;
            Ok(Unconverted {
                crop_name: row.get("name")?,
                unit: code(&unit, Unit::from_code)?,
                quantity: row.get("quantity")?,
                lines: row.get("lines")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by(|a, b| {
        a.crop_name
            .to_lowercase()
            .cmp(&b.crop_name.to_lowercase())
            .then(a.unit.cmp(&b.unit))
    });
    Ok(rows)
}

// ------------------------------------------------------------------ available for a week

/// Settings key of the harvest window (see [`harvest_window_days`]).
pub const HARVEST_WINDOW_KEY: &str = "harvest_window_days";

/// Harvest window used while none is set: the weekend and Friday before the week.
pub const DEFAULT_HARVEST_WINDOW_DAYS: u32 = 3;

/// Longest window accepted, in days.
pub const MAX_HARVEST_WINDOW_DAYS: u32 = 28;

/// How many days before a delivery week's Monday its harvests start counting (see
/// [`available_for_week`]). [`DEFAULT_HARVEST_WINDOW_DAYS`] when never set or unreadable.
pub fn harvest_window_days(conn: &Connection) -> Result<u32> {
    let stored = super::settings::get(conn, HARVEST_WINDOW_KEY)?;
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
    super::settings::set(conn, HARVEST_WINDOW_KEY, &days.to_string())
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
        a.crop_name
            .to_lowercase()
            .cmp(&b.crop_name.to_lowercase())
            .then(a.unit.cmp(&b.unit))
    });
    Ok(rows)
}

// ----------------------------------------------------------------------- lines for lists

const LINE_SELECT: &str = "SELECT h.id, h.date, h.crop_id, h.plot_id, h.quantity, h.unit,
        h.destination, h.notes, c.name AS crop_name, coalesce(p.name, '') AS plot_name,
        CASE WHEN h.unit = 'kg' THEN h.quantity ELSE h.quantity * cu.kg_per_unit END AS kg
     FROM harvest h
     JOIN crop c ON c.id = h.crop_id
     LEFT JOIN plot p ON p.id = h.plot_id
     LEFT JOIN crop_unit cu ON cu.crop_id = h.crop_id AND cu.unit = h.unit";

fn line_from_row(row: &Row) -> rusqlite::Result<HarvestLine> {
    Ok(HarvestLine {
        harvest: harvest_from_row(row)?,
        crop_name: row.get("crop_name")?,
        plot_name: row.get("plot_name")?,
        kg: row.get("kg")?,
    })
}

/// Harvest lines dated `from` to `to` (both included) with their crop and plot names and
/// weight, most recent first (then latest typed first).
pub fn harvest_lines(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<HarvestLine>> {
    let mut statement = conn.prepare(&format!(
        "{LINE_SELECT} WHERE h.date BETWEEN :from AND :to ORDER BY h.date DESC, h.id DESC"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, line_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every harvest line, most recent first (see [`harvest_lines`]).
pub fn all_harvest_lines(conn: &Connection) -> Result<Vec<HarvestLine>> {
    let mut statement = conn.prepare(&format!("{LINE_SELECT} ORDER BY h.date DESC, h.id DESC"))?;
    Ok(statement
        .query_map([], line_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One harvest line with its names and weight.
pub fn harvest_line(conn: &Connection, id: i64) -> Result<HarvestLine> {
    conn.query_row(
        &format!("{LINE_SELECT} WHERE h.id = :id"),
        named_params! {":id": id},
        line_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Récolte"))
}

/// Sets the weight of one `unit` of a crop (adding the unit to the crop when missing).
pub fn set_kg_per_unit(
    conn: &Connection,
    crop_id: CropId,
    unit: Unit,
    kg_per_unit: f64,
) -> Result<()> {
    if !(kg_per_unit.is_finite() && kg_per_unit > 0.0) {
        return Err(StoreError::Invalid(format!(
            "Le poids d'une unité « {unit} » doit être supérieur à zéro."
        )));
    }
    conn.execute(
        "INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:crop, :unit, :kg)
         ON CONFLICT (crop_id, unit) DO UPDATE SET kg_per_unit = excluded.kg_per_unit",
        named_params! {":crop": crop_id, ":unit": unit.code(), ":kg": kg_per_unit},
    )
    .map_err(harvest_reference)?;
    Ok(())
}
