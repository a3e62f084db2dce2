//! Harvest import, the I/O half: reading the garden's crops, plots and saved lines, and
//! carrying out a previewed plan in one transaction. The pure half (columns, validation,
//! preview) is `domain::import::harvests`.

use rusqlite::{Connection, named_params};

use crate::domain::harvests::{Crop, CropUnit, Destination, Harvest, Plot, Unit};
use crate::domain::import::harvests::{
    ExistingLine, ImportContext, Named, Plan, RowAction, Target,
};
use crate::store::{Result, StoreError, harvests};

use super::target_id;

/// What the garden already has, to build the preview: every crop with its units, every
/// plot, and every saved harvest line (to spot a file imported twice).
pub fn load_harvest_context(conn: &Connection) -> Result<ImportContext> {
    let crops = harvests::list_crops(conn)?;
    let plots = harvests::list_plots(conn)?
        .into_iter()
        .map(|p| Named {
            id: p.id,
            name: p.name,
        })
        .collect();
    let mut statement =
        conn.prepare("SELECT date, crop_id, plot_id, quantity, unit FROM harvest")?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get("date")?,
                row.get("crop_id")?,
                row.get("plot_id")?,
                row.get("quantity")?,
                row.get::<_, String>("unit")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // A unit code this program does not know cannot equal a file's row: left out.
    let lines = rows
        .into_iter()
        .filter_map(|(date, crop_id, plot_id, quantity, unit)| {
            Some(ExistingLine {
                date,
                crop_id,
                plot_id,
                quantity,
                unit: Unit::from_code(&unit)?,
            })
        })
        .collect();
    Ok(ImportContext {
        crops,
        plots,
        lines,
    })
}

/// What a harvest import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HarvestImportReport {
    /// Harvest lines created.
    pub created: usize,
    /// Rows left out because the same line was already saved.
    pub skipped: usize,
    /// Rows refused: (line in the file, reason).
    pub rejected: Vec<(usize, String)>,
    /// Crops created.
    pub crops_created: Vec<String>,
    /// Plots created.
    pub plots_created: Vec<String>,
}

impl HarvestImportReport {
    /// One French paragraph for the screen.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} récolte(s) enregistrée(s), {} déjà présente(s) laissée(s) de côté, {} ligne(s) refusée(s).",
            self.created,
            self.skipped,
            self.rejected.len()
        );
        if !self.crops_created.is_empty() {
            text.push_str(&format!(
                " Cultures créées : {} (vérifiez leurs unités dans Récoltes › Cultures).",
                self.crops_created.join(", ")
            ));
        }
        if !self.plots_created.is_empty() {
            text.push_str(&format!(
                " Parcelles créées : {}.",
                self.plots_created.join(", ")
            ));
        }
        text
    }
}

/// Carries out a previewed plan in ONE transaction: creates the new crops (with their
/// units) and plots, then the harvest lines. Refused and skipped rows are only counted. Any
/// failure rolls everything back.
pub fn apply_harvest_import(conn: &Connection, plan: &Plan) -> Result<HarvestImportReport> {
    let tx = conn.unchecked_transaction()?;
    check_still_there(&tx, plan)?;
    let mut report = HarvestImportReport::default();
    let mut crop_ids = Vec::new();
    for new in &plan.new_crops {
        let crop = Crop {
            id: 0,
            name: new.name.trim().to_owned(),
            family: String::new(),
            default_destination: Destination::Baskets,
            units: new
                .units
                .iter()
                .map(|&unit| CropUnit {
                    unit,
                    kg_per_unit: (unit == Unit::Kg).then_some(1.0),
                })
                .collect(),
        };
        crop_ids.push((new.name.clone(), insert_crop(&tx, &crop)?));
        report.crops_created.push(crop.name);
    }
    let mut plot_ids = Vec::new();
    for new in &plan.new_plots {
        let plot = Plot {
            id: 0,
            name: new.name.trim().to_owned(),
            kind: new.kind,
            area_m2: None,
            parent_id: None,
        };
        plot_ids.push((new.name.clone(), harvests::insert_plot(&tx, &plot)?));
        report.plots_created.push(plot.name);
    }
    for row in &plan.rows {
        let planned = match (&row.action, &row.harvest) {
            (RowAction::Rejected(reason), _) => {
                report.rejected.push((row.line, reason.clone()));
                continue;
            }
            (RowAction::Skip, _) | (_, None) => {
                report.skipped += 1;
                continue;
            }
            (RowAction::Create, Some(planned)) => planned,
        };
        let harvest = Harvest {
            id: 0,
            date: planned.date,
            crop_id: target_id(&planned.crop, &crop_ids, |n| {
                format!("Culture « {n} » absente du plan d'import.")
            })?,
            plot_id: planned
                .plot
                .as_ref()
                .map(|p| {
                    target_id(p, &plot_ids, |n| {
                        format!("Parcelle « {n} » absente du plan d'import.")
                    })
                })
                .transpose()?,
            quantity: planned.quantity,
            unit: planned.unit,
            destination: planned.destination,
            notes: planned.notes.clone(),
        };
        harvests::insert_harvest(&tx, &harvest).map_err(|error| match error {
            StoreError::Invalid(message) => {
                StoreError::Invalid(format!("Ligne {} du fichier : {message}", row.line))
            }
            other => other,
        })?;
        report.created += 1;
    }
    tx.commit()?;
    Ok(report)
}

/// Refuses a plan whose existing crops or plots were deleted since the preview (before
/// anything is written: the id of a deleted crop could be given to a crop this import
/// creates).
fn check_still_there(conn: &Connection, plan: &Plan) -> Result<()> {
    let mut crop = conn.prepare("SELECT 1 FROM crop WHERE id = :id")?;
    let mut plot = conn.prepare("SELECT 1 FROM plot WHERE id = :id")?;
    for row in &plan.rows {
        let Some(planned) = row
            .harvest
            .as_ref()
            .filter(|_| row.action == RowAction::Create)
        else {
            continue;
        };
        if let Target::Existing(id) = planned.crop
            && !crop.exists(named_params! {":id": id})?
        {
            return Err(StoreError::Invalid(format!(
                "Ligne {} du fichier : sa culture a été supprimée depuis l'aperçu. Rien n'a été \
                 enregistré : rouvrez le fichier.",
                row.line
            )));
        }
        if let Some(Target::Existing(id)) = planned.plot
            && !plot.exists(named_params! {":id": id})?
        {
            return Err(StoreError::Invalid(format!(
                "Ligne {} du fichier : sa parcelle a été supprimée depuis l'aperçu. Rien n'a été \
                 enregistré : rouvrez le fichier.",
                row.line
            )));
        }
    }
    Ok(())
}

/// Saves a new crop and its units inside the caller's transaction (`harvests::insert_crop`
/// opens its own, which cannot nest).
fn insert_crop(conn: &Connection, crop: &Crop) -> Result<i64> {
    crop.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO crop (name, family, default_destination)
         VALUES (:name, :family, :destination)",
        named_params! {
            ":name": crop.name, ":family": crop.family,
            ":destination": crop.default_destination.code(),
        },
    )
    .map_err(|error| match error {
        rusqlite::Error::SqliteFailure(e, _)
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            StoreError::Invalid(format!(
                "Une culture nommée « {} » existe déjà : relancez l'import pour la retrouver.",
                crop.name
            ))
        }
        other => other.into(),
    })?;
    let id = conn.last_insert_rowid();
    let mut insert = conn
        .prepare("INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:crop, :unit, :kg)")?;
    for unit in &crop.units {
        insert.execute(named_params! {
            ":crop": id, ":unit": unit.unit.code(), ":kg": unit.kg_per_unit,
        })?;
    }
    Ok(id)
}
