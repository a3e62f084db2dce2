//! The data of the weekly print set: the summary, the émargement sheet of each depot and the
//! packing list.
//!
//! Only what a depot needs is read: names, co-member, basket size and count, phone. Never a
//! price, a note, or anything about Paniers Solidaires (dignity: a solidarity basket looks
//! exactly like any other on paper).

use crate::domain::text::{collation_key, slug};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::Result;
use super::baskets::{list_basket_sizes, list_depots};
use super::distribution::composition_of_week;
use super::harvests::{Available, available_for_week, list_crops};
use super::members::list_members;
use super::settings;
use super::week::week_plan;
use crate::domain::baskets::{AbsenceMode, CompositionItem, Depot, DepotId, MemberId, SizeId};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{Delivery, PlanLine};
use crate::domain::harvests::{Crop, Unit};

/// Setting: "1" to print members' phone numbers on the émargement sheets (the default), "0"
/// to leave the column out.
pub const SHOW_PHONES_KEY: &str = "sheets_show_phones";
/// Setting: the folder the print set was last saved to.
pub const SHEETS_DIR_KEY: &str = "sheets_dir";

/// A basket size as a column of the print set.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeColumn {
    /// The size.
    pub id: SizeId,
    /// Its name ("Petit").
    pub name: String,
    /// For how many people ("2 personnes"), may be empty.
    pub persons: String,
}

/// One crop in one basket of a size.
#[derive(Debug, Clone, PartialEq)]
pub struct CompositionLine {
    /// The crop.
    pub crop_id: i64,
    /// Its name.
    pub crop_name: String,
    /// Quantity per basket.
    pub quantity: f64,
    /// Unit of `quantity`.
    pub unit: Unit,
}

impl CompositionLine {
    /// "Poireaux 1,5 kg", "Salade 2 pièces".
    pub fn describe(&self) -> String {
        format!(
            "{} {}",
            self.crop_name,
            format_quantity(self.quantity, self.unit)
        )
    }
}

/// One member's line on a depot's émargement sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The member.
    pub member_id: MemberId,
    /// The subscriptions this line stands for (usually one), each with the baskets handed
    /// over for it this week: (subscription id, baskets).
    pub subscriptions: Vec<(i64, i64)>,
    /// Family name.
    pub last_name: String,
    /// Given name.
    pub first_name: String,
    /// Co-member, and the household sharing the subscription if any.
    pub co_member: String,
    /// Basket size(s), "Grand" or "Petit + Grand".
    pub size: String,
    /// Baskets to hand over (0 when absent).
    pub baskets: i64,
    /// Of which made up after an absence.
    pub make_up: i64,
    /// Phone number (printed only when [`PrintSet::show_phones`]).
    pub phone: String,
    /// Away this week: the line stays, greyed and marked ABSENT.
    pub absent: bool,
}

/// A depot delivering this week and its émargement sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct DepotSheet {
    /// The depot.
    pub depot_id: DepotId,
    /// Its name.
    pub name: String,
    /// Address on one line, may be empty.
    pub address: String,
    /// Pickup slot, "17:00 – 19:00", may be empty.
    pub slot: String,
    /// Contact person and phone, may be empty.
    pub contact: String,
    /// The delivery (usual day, or moved for a holiday).
    pub delivery: Delivery,
    /// The day baskets are handed out.
    pub date: NaiveDate,
    /// Baskets to pack per size, aligned with [`PrintSet::sizes`].
    pub counts: Vec<i64>,
    /// Baskets to pack, all sizes.
    pub total: i64,
    /// Members away this week.
    pub absent: usize,
    /// Baskets made up this week after an absence.
    pub make_up: i64,
    /// One line per member, in French alphabetical order.
    pub rows: Vec<SheetRow>,
}

/// A depot that does not deliver this week, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedDepot {
    /// The depot.
    pub name: String,
    /// The reason, one French sentence.
    pub reason: String,
}

/// What the composition needs of one crop in one unit, against what was harvested.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    /// The crop.
    pub crop_id: i64,
    /// Its name.
    pub crop_name: String,
    /// Unit of the composition.
    pub unit: Unit,
    /// Quantity per basket of each size (0 when absent from that size), aligned with sizes.
    pub per_basket: Vec<f64>,
    /// Total needed: quantity × baskets, over sizes.
    pub needed: f64,
    /// Harvested for the baskets, in `unit` (converted through kg when needed); `None`
    /// when it cannot be compared (harvested in another unit without a known conversion).
    pub available: Option<f64>,
}

impl Need {
    /// How much is missing, in `unit`, when the harvest does not cover the need.
    pub fn shortage(&self) -> Option<f64> {
        let available = self.available?;
        let missing = self.needed - available;
        (missing > 1e-6).then_some(missing)
    }
}

/// Everything the weekly print set shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintSet {
    /// The delivery week.
    pub week: IsoWeek,
    /// Garden name, at the top of every page.
    pub garden_name: String,
    /// Logo image, when one is set.
    pub logo_path: Option<PathBuf>,
    /// Print members' phone numbers on the sheets.
    pub show_phones: bool,
    /// When the set is printed (footer and PDF metadata); the caller sets it, the store never
    /// reads the clock. Defaults to the week's Monday at midnight.
    pub printed_at: NaiveDateTime,
    /// Basket sizes shown, in display order.
    pub sizes: Vec<SizeColumn>,
    /// Composition of one basket of each size, aligned with `sizes`.
    pub composition: Vec<Vec<CompositionLine>>,
    /// Depots delivering this week, by delivery day then name.
    pub depots: Vec<DepotSheet>,
    /// Active depots not delivering this week.
    pub skipped: Vec<SkippedDepot>,
    /// Baskets to pack per size, all depots, aligned with `sizes`.
    pub totals: Vec<i64>,
    /// Per crop and unit: needed against harvested.
    pub needs: Vec<Need>,
}

impl PrintSet {
    /// Baskets to pack, all depots and sizes.
    pub fn total_baskets(&self) -> i64 {
        self.totals.iter().sum()
    }

    /// The composition of size `index` on one line: "Poireaux 1 kg, Carottes 1,5 kg".
    pub fn composition_text(&self, index: usize) -> String {
        match self.composition.get(index) {
            Some(lines) if !lines.is_empty() => lines
                .iter()
                .map(CompositionLine::describe)
                .collect::<Vec<_>>()
                .join(", "),
            _ => "composition non saisie".to_owned(),
        }
    }
}

/// The print set of `week`; `None` when no active depot delivers that week.
pub fn print_set_data(conn: &Connection, week: IsoWeek) -> Result<Option<PrintSet>> {
    let plan = week_plan(conn, week)?;
    if !plan.has_delivery() {
        return Ok(None);
    }
    let identity = settings::garden_identity(conn)?;
    let show_phones = settings::get(conn, SHOW_PHONES_KEY)?.as_deref() != Some("0");
    let depots: HashMap<DepotId, Depot> =
        list_depots(conn)?.into_iter().map(|d| (d.id, d)).collect();
    let members: HashMap<MemberId, _> =
        list_members(conn)?.into_iter().map(|m| (m.id, m)).collect();
    let items = composition_of_week(conn, week.monday())?;
    let crops = list_crops(conn)?;
    let available = available_for_week(conn, week)?;
    let totals_by_size = plan.totals_by_size();

    // Sizes: the active ones, plus any packed or composed this week.
    let sizes: Vec<SizeColumn> = list_basket_sizes(conn)?
        .into_iter()
        .filter(|s| {
            s.active
                || totals_by_size.contains_key(&s.id)
                || items.iter().any(|i| i.size_id == s.id)
        })
        .map(|s| SizeColumn {
            id: s.id,
            name: s.name,
            persons: s.persons,
        })
        .collect();
    let size_index: HashMap<SizeId, usize> =
        sizes.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let size_name = |id: SizeId| {
        size_index
            .get(&id)
            .map(|&i| sizes[i].name.clone())
            .unwrap_or_default()
    };
    let crop_names: HashMap<i64, &str> = crops.iter().map(|c| (c.id, c.name.as_str())).collect();
    let mut composition = vec![Vec::new(); sizes.len()];
    for item in &items {
        if let Some(&i) = size_index.get(&item.size_id) {
            composition[i].push(CompositionLine {
                crop_id: item.crop_id,
                crop_name: crop_names
                    .get(&item.crop_id)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                quantity: item.quantity,
                unit: item.unit,
            });
        }
    }

    let mut sheets = Vec::new();
    let mut skipped = Vec::new();
    for depot_plan in &plan.depots {
        let Some(depot) = depots.get(&depot_plan.depot_id) else {
            continue;
        };
        let Some(date) = depot_plan.delivery.date() else {
            skipped.push(SkippedDepot {
                name: depot.name.clone(),
                reason: depot_plan.delivery.describe(),
            });
            continue;
        };
        // One row per member, even with several subscriptions at this depot.
        let mut by_member: BTreeMap<MemberId, Vec<&PlanLine>> = BTreeMap::new();
        for line in &depot_plan.lines {
            by_member.entry(line.member_id).or_default().push(line);
        }
        let mut rows: Vec<SheetRow> = by_member
            .into_iter()
            .map(|(member_id, lines)| {
                let member = members.get(&member_id);
                let text = |f: fn(&crate::domain::baskets::Member) -> &String| {
                    member.map(|m| f(m).trim().to_owned()).unwrap_or_default()
                };
                let mut co_member = text(|m| &m.co_member);
                for shared in lines.iter().filter_map(|l| l.shared_with) {
                    if let Some(other) = members.get(&shared) {
                        let with = format!(
                            "partagé avec {} {}",
                            other.first_name.trim(),
                            other.last_name.trim()
                        );
                        co_member = if co_member.is_empty() {
                            with
                        } else {
                            format!("{co_member} ({with})")
                        };
                    }
                }
                let mut size_names: Vec<String> = Vec::new();
                for line in &lines {
                    let name = size_name(line.size_id);
                    if !size_names.contains(&name) {
                        size_names.push(name);
                    }
                }
                let absent = lines.iter().all(|l| l.absent.is_some());
                let make_up: i64 = lines.iter().map(|l| l.make_up).sum();
                let handed = |l: &PlanLine| match l.absent {
                    // Donated baskets are packed but not handed to the member.
                    Some(AbsenceMode::Donated) => l.make_up,
                    _ => l.baskets_to_prepare(),
                };
                let baskets: i64 = lines.iter().map(|l| handed(l)).sum();
                SheetRow {
                    member_id,
                    subscriptions: lines
                        .iter()
                        .map(|l| (l.subscription_id, handed(l)))
                        .collect(),
                    last_name: text(|m| &m.last_name),
                    first_name: text(|m| &m.first_name),
                    co_member,
                    size: size_names.join(" + "),
                    baskets,
                    make_up,
                    phone: text(|m| &m.phone),
                    absent,
                }
            })
            .collect();
        rows.sort_by_cached_key(|r| {
            (
                collation_key(&r.last_name),
                collation_key(&r.first_name),
                r.last_name.clone(),
                r.first_name.clone(),
                r.member_id,
            )
        });
        let by_size = depot_plan.baskets_by_size();
        sheets.push(DepotSheet {
            depot_id: depot.id,
            name: depot.name.clone(),
            address: one_line_address(depot),
            slot: slot_text(&depot.slot_start, &depot.slot_end),
            contact: [depot.contact_name.trim(), depot.contact_phone.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            delivery: depot_plan.delivery.clone(),
            date,
            counts: sizes
                .iter()
                .map(|s| by_size.get(&s.id).copied().unwrap_or(0))
                .collect(),
            total: depot_plan.total_baskets(),
            absent: rows.iter().filter(|r| r.absent).count(),
            make_up: depot_plan.lines.iter().map(|l| l.make_up).sum(),
            rows,
        });
    }
    // In delivery order: the packing follows the days.
    sheets.sort_by_cached_key(|s| (s.date, collation_key(&s.name)));
    let totals: Vec<i64> = sizes
        .iter()
        .map(|s| totals_by_size.get(&s.id).copied().unwrap_or(0))
        .collect();
    let size_ids: Vec<SizeId> = sizes.iter().map(|s| s.id).collect();
    let needs = compute_needs(&size_ids, &totals, &items, &crops, &available);
    let logo = identity.logo_path.trim();
    Ok(Some(PrintSet {
        week,
        garden_name: identity.name,
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        show_phones,
        printed_at: week.monday().and_time(chrono::NaiveTime::MIN),
        sizes,
        composition,
        depots: sheets,
        skipped,
        totals,
        needs,
    }))
}

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
    for need in &mut needs {
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
    needs.sort_by_cached_key(|n| (collation_key(&n.crop_name), n.unit));
    needs
}

/// "1,5 kg", "2 pièces", "1 botte": at most two decimals, French comma, plural units.
pub fn format_quantity(quantity: f64, unit: Unit) -> String {
    let number = format_number(quantity);
    let label = unit.label();
    if unit != Unit::Kg && quantity >= 2.0 {
        format!("{number} {label}s")
    } else {
        format!("{number} {label}")
    }
}

/// "1,5", "12", "0,25": at most two decimals, French comma, no trailing zeros.
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
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

fn one_line_address(depot: &Depot) -> String {
    let town = [depot.postcode.trim(), depot.city.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [depot.address.trim(), town.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn slot_text(start: &str, end: &str) -> String {
    match (start.trim(), end.trim()) {
        ("", "") => String::new(),
        (start, "") => format!("à partir de {start}"),
        ("", end) => format!("jusqu'à {end}"),
        (start, end) => format!("{start} – {end}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_safe_name("Salle des fêtes"), "salle-des-fetes");
        assert_eq!(file_safe_name("Épicerie / Gare  Sud"), "epicerie-gare-sud");
        assert_eq!(file_safe_name("L'Œuf"), "l-oeuf");
        assert_eq!(file_safe_name("???"), "depot");
    }

    #[test]
    fn quantities_in_french() {
        assert_eq!(format_quantity(1.5, Unit::Kg), "1,5 kg");
        assert_eq!(format_quantity(2.0, Unit::Piece), "2 pièces");
        assert_eq!(format_quantity(1.0, Unit::Bunch), "1 botte");
        assert_eq!(format_number(0.25), "0,25");
        assert_eq!(format_number(12.0), "12");
    }

    fn crop(id: i64, name: &str, piece_kg: Option<f64>) -> Crop {
        Crop {
            id,
            name: name.into(),
            family: String::new(),
            default_destination: crate::domain::harvests::Destination::Baskets,
            units: vec![crate::domain::harvests::CropUnit {
                unit: Unit::Piece,
                kg_per_unit: piece_kg,
            }],
        }
    }

    fn item(size_id: SizeId, crop_id: i64, quantity: f64, unit: Unit) -> CompositionItem {
        CompositionItem {
            id: 0,
            monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            size_id,
            crop_id,
            quantity,
            unit,
        }
    }

    fn available(crop_id: i64, unit: Unit, quantity: f64, kg: Option<f64>) -> Available {
        Available {
            crop_id,
            crop_name: String::new(),
            unit,
            quantity,
            kg,
        }
    }

    #[test]
    fn needs_multiply_by_baskets_and_flag_shortages() {
        let crops = [crop(1, "Poireau", None), crop(2, "Chou", Some(1.5))];
        let items = [
            item(10, 1, 1.0, Unit::Kg),
            item(20, 1, 1.5, Unit::Kg),
            item(20, 2, 1.0, Unit::Piece),
        ];
        let sizes = [10, 20];
        let totals = [30, 10];
        let harvested = [
            available(1, Unit::Kg, 40.0, Some(40.0)),
            available(2, Unit::Kg, 9.0, Some(9.0)),
            available(2, Unit::Piece, 2.0, Some(3.0)),
        ];
        let needs = compute_needs(&sizes, &totals, &items, &crops, &harvested);
        assert_eq!(needs.len(), 2);
        let chou = &needs[0];
        assert_eq!(chou.crop_name, "Chou");
        assert_eq!(chou.per_basket, [0.0, 1.0]);
        assert_eq!(chou.needed, 10.0);
        // 12 kg harvested in two units, 1.5 kg a head: 8 heads.
        assert_eq!(chou.available, Some(8.0));
        assert_eq!(chou.shortage(), Some(2.0));
        let poireau = &needs[1];
        assert_eq!(poireau.needed, 45.0);
        assert_eq!(poireau.available, Some(40.0));
        assert_eq!(poireau.shortage(), Some(5.0));
        // Nothing harvested: all of it is missing.
        let none = compute_needs(&sizes, &totals, &items, &crops, &[]);
        assert_eq!(none[1].shortage(), Some(45.0));
        // Harvested in pieces without a conversion: cannot compare, no false alarm.
        let unknown = compute_needs(
            &sizes,
            &totals,
            &items[..2],
            &crops,
            &[
                available(1, Unit::Piece, 3.0, None),
                available(1, Unit::Kg, 1.0, Some(1.0)),
            ],
        );
        assert_eq!(unknown[0].available, None);
        assert_eq!(unknown[0].shortage(), None);
    }
}
