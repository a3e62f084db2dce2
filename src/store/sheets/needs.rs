//! The packing needs of a week, and the number and file-name text the sheets use.

use crate::domain::text::{compare, slug};

use super::Need;
use crate::domain::baskets::{CompositionItem, SizeId};
use crate::domain::harvests::{Crop, Unit};
use crate::store::harvests::Available;

/// What the composition `items` needs of each crop and unit for `totals` baskets of each size
/// (`totals` aligned with `sizes`), against what the harvests made `available`. By crop name.
pub fn compute_needs(
    sizes: &[SizeId],
    totals: &[i64],
    items: &[CompositionItem],
    crops: &[Crop],
    available: &[Available],
) -> Vec<Need> {
    let mut needs: Vec<Need> = Vec::new();
    for item in items {
        let Some(index) = sizes.iter().position(|s| *s == item.size_id) else {
            continue;
        };
        let baskets = totals.get(index).copied().unwrap_or(0) as f64;
        let position = needs
            .iter()
            .position(|n| n.crop_id == item.crop_id && n.unit == item.unit);
        let need = match position {
            Some(p) => &mut needs[p],
            None => {
                needs.push(Need {
                    crop_id: item.crop_id,
                    crop_name: crops
                        .iter()
                        .find(|c| c.id == item.crop_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    unit: item.unit,
                    per_basket: vec![0.0; sizes.len()],
                    needed: 0.0,
                    available: None,
                });
                let last = needs.len() - 1;
                &mut needs[last]
            }
        };
        need.per_basket[index] += item.quantity;
        need.needed += item.quantity * baskets;
    }
    fill_available(&mut needs, crops, available);
    needs.sort_by(|a, b| compare(&a.crop_name, &b.crop_name).then(a.unit.cmp(&b.unit)));
    needs
}

/// Sets what the harvests made `available` for each need, in the need's unit (`None` when
/// harvested in other units without a known conversion).
pub(super) fn fill_available(needs: &mut [Need], crops: &[Crop], available: &[Available]) {
    for need in needs {
        let crop = crops.iter().find(|c| c.id == need.crop_id);
        let rows: Vec<&Available> = available
            .iter()
            .filter(|a| a.crop_id == need.crop_id)
            .collect();
        need.available = if rows.is_empty() {
            Some(0.0)
        } else if rows.iter().all(|a| a.unit == need.unit) {
            Some(rows.iter().map(|a| a.quantity).sum())
        } else {
            // Several units: compare through kg when every conversion is known.
            let kg: Option<f64> = rows.iter().map(|a| a.kg).sum();
            let per_unit = crop.and_then(|c| c.kg(1.0, need.unit)).filter(|k| *k > 0.0);
            match (kg, per_unit) {
                (Some(kg), Some(per_unit)) => Some(kg / per_unit),
                _ => None,
            }
        };
    }
}

/// "1,5 kg", "2 pièces", "1 botte": at most two decimals, French comma, plural units.
pub fn format_quantity(quantity: f64, unit: Unit) -> String {
    let number = crate::domain::numbers::format_typed(quantity, 2);
    let label = unit.label();
    if unit != Unit::Kg && quantity >= 2.0 {
        format!("{number} {label}s")
    } else {
        format!("{number} {label}")
    }
}

/// A depot name made safe for a file name: no accents, lower case, spaces and anything else
/// turned into '-' ("Salle des fêtes" → "salle-des-fetes").
pub fn file_safe_name(name: &str) -> String {
    let slug = slug(name);
    if slug.is_empty() {
        "depot".to_owned()
    } else {
        slug
    }
}
