//! What the week screen shows, loaded in one store call.

use std::path::PathBuf;

use crate::domain::baskets::{CompositionItem, Pickup, PickupStatus};
use crate::domain::calendar::IsoWeek;
use crate::domain::harvests::Crop;
use crate::store::baskets::{list_basket_sizes, list_depots};
use crate::store::distribution::{composition_of_week, pickups_of_week};
use crate::store::harvests::{Available, available_for_week, list_crops};
use crate::store::sheets::{Need, PrintSet, SizeColumn, compute_needs, print_set_data};
use crate::store::week::week_plan;
use crate::store::{Connection, StoreError};

use super::print::remembered_folder;

/// The week as the screen shows it.
#[derive(Debug, Clone)]
pub struct WeekData {
    /// The week shown.
    pub week: IsoWeek,
    /// Depots, members and composition; `None` when no depot delivers.
    pub set: Option<PrintSet>,
    /// Without delivery: each active depot and why.
    pub closed: Vec<(String, String)>,
    /// Basket sizes (those of the set, or the active ones).
    pub sizes: Vec<SizeColumn>,
    /// Baskets to pack per size, aligned with `sizes`.
    pub totals: Vec<i64>,
    /// Every crop, for the composition.
    pub crops: Vec<Crop>,
    /// The saved composition of the week.
    pub items: Vec<CompositionItem>,
    /// What the harvests made available.
    pub available: Vec<Available>,
    /// Pickups already ticked.
    pub pickups: Vec<Pickup>,
    /// The folder the set was last printed to.
    pub folder: Option<PathBuf>,
}

impl WeekData {
    /// Needs of `items` (a composition being edited) against the harvest.
    pub fn needs(&self, items: &[CompositionItem]) -> Vec<Need> {
        let ids: Vec<i64> = self.sizes.iter().map(|s| s.id).collect();
        compute_needs(&ids, &self.totals, items, &self.crops, &self.available)
    }

    /// The status ticked for a subscription, if any.
    pub fn pickup_status(&self, subscription_id: i64) -> Option<PickupStatus> {
        self.pickups
            .iter()
            .find(|p| p.subscription_id == subscription_id)
            .map(|p| p.status)
    }
}

/// Loads everything the screen shows for `week`.
pub fn load(conn: &Connection, week: IsoWeek) -> Result<WeekData, StoreError> {
    let set = print_set_data(conn, week)?;
    let mut closed = Vec::new();
    let (sizes, totals) = match &set {
        Some(set) => (set.sizes.clone(), set.totals.clone()),
        None => {
            let plan = week_plan(conn, week)?;
            let depots = list_depots(conn)?;
            for depot in &plan.depots {
                if let Some(d) = depots.iter().find(|d| d.id == depot.depot_id) {
                    closed.push((d.name.clone(), depot.delivery.describe()));
                }
            }
            let sizes: Vec<SizeColumn> = list_basket_sizes(conn)?
                .into_iter()
                .filter(|s| s.active)
                .map(|s| SizeColumn {
                    id: s.id,
                    name: s.name,
                    persons: s.persons,
                })
                .collect();
            let totals = vec![0; sizes.len()];
            (sizes, totals)
        }
    };
    Ok(WeekData {
        week,
        closed,
        sizes,
        totals,
        crops: list_crops(conn)?,
        items: composition_of_week(conn, week.monday())?,
        available: available_for_week(conn, week)?,
        pickups: pickups_of_week(conn, week.monday())?,
        folder: remembered_folder(conn)?,
        set,
    })
}
