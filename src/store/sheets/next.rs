//! The print set of each depot's next delivery ("this week's sheets"), which may span two
//! weeks: on a Saturday, the Saturday depot's sheet of today and the others of next week.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::data::print_set_of;
use super::{Need, PrintSet};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{NextDelivery, main_week};
use crate::store::Result;
use crate::store::week::next_deliveries;

/// The print set of every active depot's next delivery on or after `today` (see
/// `domain::distribution::next_deliveries`), in one set: the week most of them fall in is
/// the set's week; a depot delivering in another week keeps that week's counts and
/// composition on its sheet, and its baskets count in the totals and the packing needs.
/// `None` when no depot delivers.
pub fn next_print_set(conn: &Connection, today: NaiveDate) -> Result<Option<PrintSet>> {
    let next = next_deliveries(conn, today)?;
    let Some(main) = main_week(&next) else {
        return Ok(None);
    };
    let mut weeks: Vec<IsoWeek> = next.iter().map(|n| n.week).collect();
    weeks.sort_unstable();
    weeks.dedup();
    let in_week = |week: IsoWeek| {
        let ids: Vec<i64> = next
            .iter()
            .filter(|n| n.week == week)
            .map(|n: &NextDelivery| n.depot_id)
            .collect();
        move |id: i64| ids.contains(&id)
    };
    let Some(mut set) = print_set_of(conn, main, in_week(main))? else {
        return Ok(None);
    };
    // Depots without any delivery ahead are listed as skipped once, from the main week.
    set.skipped.clear();
    for week in weeks.into_iter().filter(|w| *w != main) {
        if let Some(other) = print_set_of(conn, week, in_week(week))? {
            merge(&mut set, other);
        }
    }
    set.depots
        .sort_by_cached_key(|s| (s.date, crate::domain::text::collation_key(&s.name)));
    Ok(Some(set))
}

/// Adds the depots of `other` (another week) to `set`: sizes missing from `set` are added,
/// counts and compositions realigned on `set`'s sizes, totals and needs summed.
fn merge(set: &mut PrintSet, other: PrintSet) {
    for size in &other.sizes {
        if !set.sizes.iter().any(|s| s.id == size.id) {
            set.sizes.push(size.clone());
            set.composition.push(Vec::new());
            set.totals.push(0);
            for depot in &mut set.depots {
                depot.counts.push(0);
                depot.composition.push(Vec::new());
            }
        }
    }
    let index_in_other = |id: i64| other.sizes.iter().position(|s| s.id == id);
    let positions: Vec<Option<usize>> = set.sizes.iter().map(|s| index_in_other(s.id)).collect();
    for (total, position) in set.totals.iter_mut().zip(&positions) {
        *total += position
            .and_then(|i| other.totals.get(i))
            .copied()
            .unwrap_or(0);
    }
    for mut depot in other.depots {
        depot.counts = positions
            .iter()
            .map(|p| p.and_then(|i| depot.counts.get(i)).copied().unwrap_or(0))
            .collect();
        depot.composition = positions
            .iter()
            .map(|p| {
                p.and_then(|i| depot.composition.get(i))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        set.depots.push(depot);
    }
    for need in other.needs {
        add_need(&mut set.needs, need, set.sizes.len(), &positions);
    }
}

/// Adds one crop's need of another week: summed with the same crop and unit, realigned on
/// the set's sizes (`positions[i]`: index in the other week of the set's size `i`).
fn add_need(needs: &mut Vec<Need>, mut need: Need, sizes: usize, positions: &[Option<usize>]) {
    let per_basket: Vec<f64> = (0..sizes)
        .map(|i| {
            positions
                .get(i)
                .copied()
                .flatten()
                .and_then(|p| need.per_basket.get(p))
                .copied()
                .unwrap_or(0.0)
        })
        .collect();
    for existing in needs.iter_mut() {
        existing.per_basket.resize(sizes, 0.0);
    }
    match needs
        .iter_mut()
        .find(|n| n.crop_id == need.crop_id && n.unit == need.unit)
    {
        Some(existing) => {
            existing.needed += need.needed;
            existing.available = match (existing.available, need.available) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
            // The quantity per basket differs between the weeks: show the larger one.
            for (mine, theirs) in existing.per_basket.iter_mut().zip(&per_basket) {
                *mine = mine.max(*theirs);
            }
        }
        None => {
            need.per_basket = per_basket;
            needs.push(need);
        }
    }
}
