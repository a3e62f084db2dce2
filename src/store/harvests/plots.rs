//! Plots: beds, greenhouses and the areas that hold them.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{code, name_taken};
use crate::domain::harvests::{Plot, PlotId, PlotKind};
use crate::store::error::{Result, StoreError};

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
    let mut statement = conn
        .prepare("SELECT id, name, kind, area_m2, parent_id FROM plot ORDER BY name COLLATE FR")?;
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
