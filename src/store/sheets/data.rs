//! Reading the print set of a week from the store.

use crate::domain::text::{collation_key, compare};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rusqlite::Connection;

use super::{
    CompositionLine, DepotSheet, PrintSet, SHOW_PHONES_KEY, SheetRow, SizeColumn, SkippedDepot,
    compute_needs,
};
use crate::domain::baskets::{AbsenceMode, BasketSize, Depot, DepotId, Member, MemberId, SizeId};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{DepotPlan, PlanLine};
use crate::domain::harvests::Crop;
use crate::store::Result;
use crate::store::baskets::{list_basket_sizes, list_depots};
use crate::store::distribution::composition_of_week;
use crate::store::harvests::{available_between, harvest_window, harvest_window_days, list_crops};
use crate::store::members::members_by_id;
use crate::store::settings;
use crate::store::week::week_plan;

/// Whether the Paramètres setting prints members' phones on the sheets: off unless asked
/// for (the sheets lie on a shop counter).
pub fn show_phones(conn: &Connection) -> Result<bool> {
    Ok(settings::get(conn, SHOW_PHONES_KEY)?.as_deref() == Some("1"))
}

/// The print set of `week`; `None` when no active depot delivers that week.
pub fn print_set_data(conn: &Connection, week: IsoWeek) -> Result<Option<PrintSet>> {
    crate::store::snapshot(conn, |conn| {
        print_set_of(conn, &mut Shared::read(conn)?, week, |_| true)
    })
}

/// What every week of a print set reads alike, read once for the whole set: the garden's
/// identity and settings, depots, sizes and crops, and the members on the sheets so far.
pub(super) struct Shared {
    identity: settings::GardenIdentity,
    show_phones: bool,
    depots: HashMap<DepotId, Depot>,
    members: HashMap<MemberId, Member>,
    sizes: Vec<BasketSize>,
    /// Every crop, by name.
    pub(super) crops: Vec<Crop>,
    /// The harvest window's length in days (Paramètres).
    pub(super) window_days: u32,
}

impl Shared {
    /// Reads what the print set of any week needs besides the week's own plan.
    pub(super) fn read(conn: &Connection) -> Result<Shared> {
        Ok(Shared {
            identity: settings::garden_identity(conn)?,
            show_phones: show_phones(conn)?,
            depots: list_depots(conn)?.into_iter().map(|d| (d.id, d)).collect(),
            members: HashMap::new(),
            sizes: list_basket_sizes(conn)?,
            crops: list_crops(conn)?,
            window_days: harvest_window_days(conn)?,
        })
    }
}

/// The print set of `week` for the depots `keep` accepts only (counts, totals and needs of
/// those depots); `None` when none of them delivers that week.
pub(super) fn print_set_of(
    conn: &Connection,
    shared: &mut Shared,
    week: IsoWeek,
    keep: impl Fn(DepotId) -> bool,
) -> Result<Option<PrintSet>> {
    let mut plan = week_plan(conn, week)?;
    plan.depots.retain(|d| keep(d.depot_id));
    if !plan.has_delivery() {
        return Ok(None);
    }
    // Only the members on the plan (and those they share with), not every household ever.
    let mut wanted: Vec<MemberId> = (plan.depots.iter().flat_map(|d| &d.lines))
        .flat_map(|l| std::iter::once(l.member_id).chain(l.shared_with))
        .filter(|id| !shared.members.contains_key(id))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    shared.members.extend(members_by_id(conn, &wanted)?);
    let (depots, members, crops) = (&shared.depots, &shared.members, &shared.crops);
    let items = composition_of_week(conn, week.monday())?;
    let harvested = harvest_window(week, shared.window_days);
    let available = available_between(conn, harvested.0, harvested.1)?;
    let totals_by_size = plan.totals_by_size();

    let sizes = week_sizes(&shared.sizes, &items, &totals_by_size);
    let size_index: HashMap<SizeId, usize> =
        sizes.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let composition = composition_lines(&sizes, &size_index, &items, crops);

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
        let rows = sheet_rows(depot_plan, members, &sizes, &size_index);
        let sheet = Sheet {
            depot,
            plan: depot_plan,
            week,
            date,
            sizes: &sizes,
            composition: &composition,
        };
        sheets.push(sheet.build(rows));
    }
    // In delivery order: the packing follows the days.
    sheets.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| compare(&a.name, &b.name)));
    let totals: Vec<i64> = sizes
        .iter()
        .map(|s| totals_by_size.get(&s.id).copied().unwrap_or(0))
        .collect();
    let size_ids: Vec<SizeId> = sizes.iter().map(|s| s.id).collect();
    let needs = compute_needs(&size_ids, &totals, &items, crops, &available);
    let logo = shared.identity.logo_path.trim();
    Ok(Some(PrintSet {
        week,
        garden_name: shared.identity.name.clone(),
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        show_phones: shared.show_phones,
        printed_at: week.monday().and_time(chrono::NaiveTime::MIN),
        sizes,
        composition,
        depots: sheets,
        skipped,
        totals,
        needs,
        harvested,
    }))
}

/// The sizes of the week: the active ones, plus any packed or composed this week.
fn week_sizes(
    all: &[BasketSize],
    items: &[crate::domain::baskets::CompositionItem],
    totals_by_size: &BTreeMap<SizeId, i64>,
) -> Vec<SizeColumn> {
    all.iter()
        .filter(|s| {
            s.active
                || totals_by_size.contains_key(&s.id)
                || items.iter().any(|i| i.size_id == s.id)
        })
        .map(|s| SizeColumn {
            id: s.id,
            name: s.name.clone(),
            persons: s.persons.clone(),
        })
        .collect()
}

/// What goes into one basket of each size (aligned with `sizes`).
fn composition_lines(
    sizes: &[SizeColumn],
    size_index: &HashMap<SizeId, usize>,
    items: &[crate::domain::baskets::CompositionItem],
    crops: &[crate::domain::harvests::Crop],
) -> Vec<Vec<CompositionLine>> {
    let crop_names: HashMap<i64, &str> = crops.iter().map(|c| (c.id, c.name.as_str())).collect();
    let mut composition = vec![Vec::new(); sizes.len()];
    for item in items {
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

    composition
}

/// One row per member of the depot, even with several subscriptions there, sorted as the
/// members' list sorts them (`COLLATE FR`, see `store::members`).
fn sheet_rows(
    depot_plan: &DepotPlan,
    members: &HashMap<MemberId, Member>,
    sizes: &[SizeColumn],
    size_index: &HashMap<SizeId, usize>,
) -> Vec<SheetRow> {
    let size_name = |id: SizeId| {
        size_index
            .get(&id)
            .map(|&i| sizes[i].name.clone())
            .unwrap_or_default()
    };
    let mut by_member: BTreeMap<MemberId, Vec<&PlanLine>> = BTreeMap::new();
    for line in &depot_plan.lines {
        by_member.entry(line.member_id).or_default().push(line);
    }
    let mut rows: Vec<SheetRow> = by_member
        .into_iter()
        .map(|(member_id, lines)| sheet_row(member_id, &lines, members, &size_name))
        .collect();
    // `compare` is the order of the collation keys: each name's key made once, not once
    // per comparison.
    rows.sort_by_cached_key(|r| {
        (
            collation_key(&r.last_name),
            collation_key(&r.first_name),
            r.member_id,
        )
    });
    rows
}

/// The row of one member: names, co-member (and with whom a basket is shared), sizes,
/// baskets handed over, made up, missed and donated.
fn sheet_row(
    member_id: MemberId,
    lines: &[&PlanLine],
    members: &HashMap<MemberId, Member>,
    size_name: &impl Fn(SizeId) -> String,
) -> SheetRow {
    let member = members.get(&member_id);
    let text = |f: fn(&crate::domain::baskets::Member) -> &String| {
        member.map(|m| f(m).trim().to_owned()).unwrap_or_default()
    };
    let mut co_member = text(|m| &m.co_member);
    for shared in lines.iter().filter_map(|l| l.shared_with) {
        if let Some(other) = members.get(&shared) {
            let with = format!(
                "partagé avec {}",
                crate::domain::text::sentence_name(&other.first_name, &other.last_name)
            );
            co_member = if co_member.is_empty() {
                with
            } else {
                format!("{co_member} ({with})")
            };
        }
    }
    let mut size_names: Vec<String> = Vec::new();
    for line in lines {
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
    let missed: i64 = lines
        .iter()
        .filter(|l| l.absent.is_some())
        .map(|l| l.quantity)
        .sum();
    let donated: i64 = lines
        .iter()
        .filter(|l| l.absent == Some(AbsenceMode::Donated))
        .map(|l| l.quantity)
        .sum();
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
        missed,
        donated,
    }
}

/// One depot's sheet being put together.
struct Sheet<'a> {
    depot: &'a Depot,
    plan: &'a DepotPlan,
    week: IsoWeek,
    date: chrono::NaiveDate,
    sizes: &'a [SizeColumn],
    composition: &'a [Vec<CompositionLine>],
}

impl Sheet<'_> {
    fn build(self, rows: Vec<SheetRow>) -> DepotSheet {
        let (depot, depot_plan, week, date, sizes) =
            (self.depot, self.plan, self.week, self.date, self.sizes);
        let composition = self.composition.to_vec();
        let by_size = depot_plan.baskets_by_size();
        DepotSheet {
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
            week,
            composition,
            date,
            counts: sizes
                .iter()
                .map(|s| by_size.get(&s.id).copied().unwrap_or(0))
                .collect(),
            total: depot_plan.total_baskets(),
            absent: rows.iter().filter(|r| r.absent).count(),
            donated: rows.iter().map(|r| r.donated).sum(),
            make_up: depot_plan.lines.iter().map(|l| l.make_up).sum(),
            rows,
        }
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
