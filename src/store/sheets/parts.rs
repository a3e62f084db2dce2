//! The deliveries of a print set grouped by ISO week: a set of each depot's next delivery
//! may span two weeks (on a Saturday, today's depot and next week's others), each with its
//! own composition.

use chrono::NaiveDate;

use super::{CompositionLine, Need, PrintSet};
use crate::domain::calendar::IsoWeek;
use crate::domain::text::collation_key;

/// The deliveries of a print set that fall in one ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekPart {
    /// The delivery week.
    pub week: IsoWeek,
    /// Its depots' names, in delivery order.
    pub depots: Vec<String>,
    /// Its first and last delivery days.
    pub first: NaiveDate,
    /// See `first`.
    pub last: NaiveDate,
    /// Composition of one basket of each size that week, aligned with [`PrintSet::sizes`].
    pub composition: Vec<Vec<CompositionLine>>,
    /// Baskets to pack per size that week, aligned with [`PrintSet::sizes`].
    pub counts: Vec<i64>,
}

impl WeekPart {
    /// Baskets to pack that week, all sizes.
    pub fn total(&self) -> i64 {
        self.counts.iter().sum()
    }

    /// The composition of size `index` that week, on one line.
    pub fn composition_text(&self, index: usize) -> String {
        super::types::composition_text(&self.composition, index)
    }

    /// What that week's deliveries need of each crop and unit: quantity per basket of each
    /// size and Σ quantity × that week's baskets of the size (`available` left `None`), by
    /// crop name.
    pub fn needs(&self) -> Vec<Need> {
        let sizes = self.counts.len();
        let mut needs: Vec<Need> = Vec::new();
        for (index, lines) in self.composition.iter().enumerate().take(sizes) {
            let baskets = self.counts.get(index).copied().unwrap_or(0) as f64;
            for line in lines {
                let position = needs
                    .iter()
                    .position(|n| n.crop_id == line.crop_id && n.unit == line.unit);
                let need = match position {
                    Some(p) => &mut needs[p],
                    None => {
                        needs.push(Need {
                            crop_id: line.crop_id,
                            crop_name: line.crop_name.clone(),
                            unit: line.unit,
                            per_basket: vec![0.0; sizes],
                            needed: 0.0,
                            available: None,
                        });
                        let last = needs.len() - 1;
                        &mut needs[last]
                    }
                };
                need.per_basket[index] += line.quantity;
                need.needed += line.quantity * baskets;
            }
        }
        needs.sort_by_cached_key(|n| (collation_key(&n.crop_name), n.unit));
        needs
    }
}

impl PrintSet {
    /// The set's deliveries by week, earliest week first: one part for a plain week's set,
    /// two when the set of each depot's next delivery spans two weeks.
    pub fn week_parts(&self) -> Vec<WeekPart> {
        let mut parts: Vec<WeekPart> = Vec::new();
        for depot in &self.depots {
            let position = parts.iter().position(|p| p.week == depot.week);
            let part = match position {
                Some(p) => &mut parts[p],
                None => {
                    parts.push(WeekPart {
                        week: depot.week,
                        depots: Vec::new(),
                        first: depot.date,
                        last: depot.date,
                        composition: depot.composition.clone(),
                        counts: vec![0; self.sizes.len()],
                    });
                    let last = parts.len() - 1;
                    &mut parts[last]
                }
            };
            part.depots.push(depot.name.clone());
            part.first = part.first.min(depot.date);
            part.last = part.last.max(depot.date);
            for (count, n) in part.counts.iter_mut().zip(&depot.counts) {
                *count += n;
            }
        }
        parts.sort_by_key(|p| p.week);
        parts
    }
}

/// The needs of a set spanning several weeks: per crop and unit, Σ over the weeks of each
/// week's need (its composition × its baskets); the quantity per basket kept only where
/// every week that delivers the size puts the same in it, else 0 (`available` left `None`).
pub(super) fn combined_needs(parts: &[WeekPart]) -> Vec<Need> {
    let mut needs: Vec<Need> = Vec::new();
    for part in parts {
        for need in part.needs() {
            match needs
                .iter_mut()
                .find(|n| n.crop_id == need.crop_id && n.unit == need.unit)
            {
                Some(existing) => {
                    existing.needed += need.needed;
                    for (mine, theirs) in existing.per_basket.iter_mut().zip(&need.per_basket) {
                        if (*mine - theirs).abs() > 1e-9 {
                            *mine = 0.0;
                        }
                    }
                }
                None => needs.push(need),
            }
        }
    }
    needs.sort_by_cached_key(|n| (collation_key(&n.crop_name), n.unit));
    needs
}
