//! Récoltes' use cases: what the screen reads (the catalogues and the lines of the seasons
//! it shows, never the whole history at once), recording a harvest line (with the weight of
//! a unit when asked, and the warnings to confirm first), deleting one, and the crop and
//! plot catalogues.

use chrono::NaiveDate;

use super::{Garden, Result};
use crate::domain::harvest_query::{HarvestLine, Seasons};
use crate::domain::harvests::{Crop, Destination, Harvest, Plot, Unit, harvest_warnings};
use crate::store::harvests as store;
use crate::store::{Connection, StoreError};

/// What the Récoltes screen reads at once: the catalogues and the lines of some seasons.
#[derive(Debug, Clone)]
pub struct HarvestData {
    /// The crop catalogue.
    pub crops: Vec<Crop>,
    /// The plots.
    pub plots: Vec<Plot>,
    /// The seasons whose lines were read.
    pub seasons: Seasons,
    /// Every harvest line dated in `seasons`, most recent first.
    pub lines: Vec<HarvestLine>,
}

fn read(conn: &Connection, seasons: Seasons) -> Result<HarvestData, StoreError> {
    let (from, to) = seasons.range();
    Ok(HarvestData {
        crops: store::list_crops(conn)?,
        plots: store::list_plots(conn)?,
        seasons,
        lines: store::harvest_lines(conn, from, to)?,
    })
}

/// Crops, plots and every line dated in `seasons`, read in one transaction.
pub fn load(garden: &Garden, seasons: Seasons) -> Result<HarvestData> {
    Ok(garden.read(|conn| read(conn, seasons))?)
}

/// What recording a line came to.
#[derive(Debug, Clone)]
pub enum Recorded {
    /// Saved, as the list shows it; with everything read again (the lines of the seasons
    /// asked) when the weight of a unit was stored too (other lines' kg change).
    Saved(HarvestLine, Option<HarvestData>),
    /// Not saved: warnings the user must see first (recording again with `force` saves).
    Warnings(Vec<String>),
}

/// Records `harvest` (a new line when its id is 0, else a correction), storing first the
/// weight of one unit of its crop when `conversion` is given. Unless `force`, a line that
/// deserves a warning (a date in the future or long past on `today`, a line like one of the
/// same day…) is not saved and the warnings come back. `seasons`: the lines read again
/// after a new weight of a unit.
pub fn record(
    garden: &Garden,
    harvest: &Harvest,
    conversion: Option<(Unit, f64)>,
    force: bool,
    today: NaiveDate,
    seasons: Seasons,
) -> Result<Recorded> {
    Ok(garden.change(|conn| {
        if !force {
            let same_day = store::harvests_between(conn, harvest.date, harvest.date)?;
            let warnings = harvest_warnings(harvest, today, &same_day);
            if !warnings.is_empty() {
                return Ok(Recorded::Warnings(warnings));
            }
        }
        let tx = conn.unchecked_transaction()?;
        if let Some((unit, kg)) = conversion {
            store::set_kg_per_unit(&tx, harvest.crop_id, unit, kg)?;
        }
        let id = if harvest.id == 0 {
            store::insert_harvest(&tx, harvest)?
        } else {
            store::update_harvest(&tx, harvest)?;
            harvest.id
        };
        tx.commit()?;
        let reload = conversion
            .is_some()
            .then(|| read(conn, seasons))
            .transpose()?;
        Ok(Recorded::Saved(store::harvest_line(conn, id)?, reload))
    })?)
}

/// Deletes the harvest line `id`; answers it.
pub fn delete_harvest(garden: &Garden, id: i64) -> Result<i64> {
    Ok(garden.change(|conn| store::delete_harvest(conn, id).map(|()| id))?)
}

/// Adds the crop `name` to the catalogue (in kg, for the baskets), as typed in the entry
/// line; answers the catalogue and the new crop.
pub fn create_crop(garden: &Garden, name: String) -> Result<(Vec<Crop>, Crop)> {
    let crop = Crop {
        id: 0,
        name,
        family: String::new(),
        default_destination: Destination::Baskets,
        units: Vec::new(),
    };
    Ok(garden.change(|conn| {
        let id = store::insert_crop(conn, &crop)?;
        Ok((store::list_crops(conn)?, store::get_crop(conn, id)?))
    })?)
}

/// Saves `crop` (new when its id is 0); answers everything read again (the lines of
/// `seasons`).
pub fn save_crop(garden: &Garden, crop: &Crop, seasons: Seasons) -> Result<HarvestData> {
    Ok(garden.change(|conn| {
        if crop.id == 0 {
            store::insert_crop(conn, crop)?;
        } else {
            store::update_crop(conn, crop)?;
        }
        read(conn, seasons)
    })?)
}

/// Deletes the crop `id` (refused when harvests use it); answers everything read again
/// (the lines of `seasons`).
pub fn delete_crop(garden: &Garden, id: i64, seasons: Seasons) -> Result<HarvestData> {
    Ok(garden.change(|conn| {
        store::delete_crop(conn, id)?;
        read(conn, seasons)
    })?)
}

/// Saves `plot` (new when its id is 0); answers everything read again (the lines of
/// `seasons`).
pub fn save_plot(garden: &Garden, plot: &Plot, seasons: Seasons) -> Result<HarvestData> {
    Ok(garden.change(|conn| {
        if plot.id == 0 {
            store::insert_plot(conn, plot)?;
        } else {
            store::update_plot(conn, plot)?;
        }
        read(conn, seasons)
    })?)
}
