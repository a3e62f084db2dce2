//! The print set of each depot's next delivery ("this week's sheets"), which may span two
//! weeks: on a Saturday, the Saturday depot's sheet of today and the others of next week.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::PrintSet;
use super::data::{Shared, print_set_of};
use super::needs::fill_available;
use super::parts::combined_needs;
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{NextDelivery, main_week};
use crate::store::Result;
use crate::store::harvests::{available_between, harvest_window};
use crate::store::week::next_deliveries;

/// The print set of every active depot's next delivery on or after `today` (see
/// `domain::distribution::next_deliveries`), in one set: the week most of them fall in is
/// the set's week; a depot delivering in another week keeps that week's counts and
/// composition on its sheet, and its baskets count in the totals. The packing needs are
/// Σ over deliveries of that delivery week's composition × that delivery's baskets, against
/// the harvests of the days covering both weeks' windows, counted once.
/// `None` when no depot delivers.
pub fn next_print_set(conn: &Connection, today: NaiveDate) -> Result<Option<PrintSet>> {
    crate::store::snapshot(conn, |conn| read_next_print_set(conn, today))
}

fn read_next_print_set(conn: &Connection, today: NaiveDate) -> Result<Option<PrintSet>> {
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
    // Depots, members, sizes and crops read once for every week of the set.
    let mut shared = Shared::read(conn)?;
    let Some(mut set) = print_set_of(conn, &mut shared, main, in_week(main))? else {
        return Ok(None);
    };
    // Depots without any delivery ahead are listed as skipped once, from the main week.
    set.skipped.clear();
    let mut merged = false;
    for week in weeks.iter().copied().filter(|w| *w != main) {
        if let Some(other) = print_set_of(conn, &mut shared, week, in_week(week))? {
            merge(&mut set, other);
            merged = true;
        }
    }
    set.depots.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| crate::domain::text::compare(&a.name, &b.name))
    });
    if let (true, Some(first), Some(last)) = (merged, weeks.first(), weeks.last()) {
        let days = shared.window_days;
        set.harvested = (
            harvest_window(*first, days).0,
            harvest_window(*last, days).1,
        );
        let available = available_between(conn, set.harvested.0, set.harvested.1)?;
        set.needs = combined_needs(&set.week_parts());
        fill_available(&mut set.needs, &shared.crops, &available);
    }
    Ok(Some(set))
}

/// Adds the depots of `other` (another week) to `set`: sizes missing from `set` are added,
/// counts and compositions realigned on `set`'s sizes, totals summed. The needs are
/// recomputed by the caller from the week parts.
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
}
