//! What the print set holds: size columns, sheet rows, depot sheets, needs.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::format_quantity;
use crate::domain::baskets::{DepotId, MemberId, SizeId};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::Delivery;
use crate::domain::harvests::Unit;

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
    /// Away this week: the line stays, marked ABSENT in bold, its quantity struck.
    pub absent: bool,
    /// Usual baskets not handed over because the member is away (struck on the sheet).
    pub missed: i64,
    /// Of which prepared and given away (absence « donné »).
    pub donated: i64,
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
    /// The delivery week (the set's, except in a set of each depot's next delivery).
    pub week: IsoWeek,
    /// Composition of one basket of each size that week, aligned with [`PrintSet::sizes`].
    pub composition: Vec<Vec<CompositionLine>>,
    /// The day baskets are handed out.
    pub date: NaiveDate,
    /// Baskets to pack per size, aligned with [`PrintSet::sizes`].
    pub counts: Vec<i64>,
    /// Baskets to pack, all sizes.
    pub total: i64,
    /// Members away this week.
    pub absent: usize,
    /// Baskets prepared for absent members and given away: counted in `counts` and
    /// `total` (they are packed), not handed to the member.
    pub donated: i64,
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
    /// In a set spanning two weeks whose quantities differ, 0: each week's own quantities
    /// are in [`PrintSet::week_parts`].
    pub per_basket: Vec<f64>,
    /// Total needed: Σ over deliveries of quantity per basket × baskets, over sizes.
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
    /// Per crop and unit: needed against harvested, over every delivery of the set.
    pub needs: Vec<Need>,
    /// The days whose harvests for the baskets count as available in `needs` (first, last).
    pub harvested: (NaiveDate, NaiveDate),
}

impl PrintSet {
    /// Baskets to pack, all depots and sizes.
    pub fn total_baskets(&self) -> i64 {
        self.totals.iter().sum()
    }

    /// The composition of size `index` on one line: "Poireaux 1 kg, Carottes 1,5 kg".
    pub fn composition_text(&self, index: usize) -> String {
        composition_text(&self.composition, index)
    }

    /// What the set covers: "Semaine 50 — du 7 au 13 décembre 2026", or, when its depots
    /// deliver in different weeks (each depot's next delivery), "Prochaines livraisons, du
    /// 05/12/2026 au 11/12/2026".
    pub fn period_label(&self) -> String {
        let first = self.depots.iter().map(|d| d.date).min();
        let last = self.depots.iter().map(|d| d.date).max();
        match (first, last) {
            (Some(first), Some(last)) if self.depots.iter().any(|d| d.week != self.week) => {
                format!(
                    "Prochaines livraisons, du {} au {}",
                    crate::domain::calendar::format_date(first),
                    crate::domain::calendar::format_date(last)
                )
            }
            _ => self.week.long_label(),
        }
    }
}

impl DepotSheet {
    /// The composition of size `index` that this depot's week, on one line.
    pub fn composition_text(&self, index: usize) -> String {
        composition_text(&self.composition, index)
    }
}

/// Size `index` of `composition` on one line, or "composition non saisie".
pub(super) fn composition_text(composition: &[Vec<CompositionLine>], index: usize) -> String {
    match composition.get(index) {
        Some(lines) if !lines.is_empty() => lines
            .iter()
            .map(CompositionLine::describe)
            .collect::<Vec<_>>()
            .join(", "),
        _ => "composition non saisie".to_owned(),
    }
}
