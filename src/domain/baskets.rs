//! Members, basket sizes, depots, subscriptions, absences, closures, compositions, pickups
//! and Paniers Solidaires: the types of the weekly basket round.

use chrono::{NaiveDate, Weekday};

use super::harvests::Unit;
use super::money::Cents;
use crate::code_enum;

/// Row id of a member.
pub type MemberId = i64;
/// Row id of a basket size.
pub type SizeId = i64;
/// Row id of a depot.
pub type DepotId = i64;
/// Row id of a subscription.
pub type SubscriptionId = i64;
/// Row id of a funder.
pub type FunderId = i64;

code_enum! {
    /// Where a household stands.
    pub enum MemberStatus {
        Active = ("actif", "Actif"),
        Paused = ("pause", "En pause"),
        Left = ("parti", "Parti"),
        Waiting = ("attente", "Liste d'attente"),
    }
}

code_enum! {
    /// How the yearly membership was paid.
    pub enum PaymentMethod {
        Cheque = ("cheque", "Chèque"),
        Cash = ("especes", "Espèces"),
        Transfer = ("virement", "Virement"),
    }
}

code_enum! {
    /// How often a subscription delivers.
    pub enum Frequency {
        Weekly = ("hebdo", "Chaque semaine"),
        Fortnightly = ("quinzaine", "Une semaine sur deux"),
    }
}

code_enum! {
    /// What happens to the baskets of an absent member.
    pub enum AbsenceMode {
        /// The basket is not prepared.
        Skipped = ("non_prepare", "Non préparé"),
        /// The basket is prepared and given away.
        Donated = ("donne", "Donné"),
        /// The basket is made up later (one more basket after return, or a chosen week).
        MadeUp = ("reporte", "Reporté"),
    }
}

code_enum! {
    /// What happens to deliveries falling on a public holiday.
    pub enum HolidayAction {
        Cancelled = ("annulee", "Livraison annulée"),
        Moved = ("deplacee", "Livraison déplacée"),
    }
}

code_enum! {
    /// How the household share of a solidarity basket is expressed.
    pub enum ShareKind {
        Amount = ("montant", "Montant"),
        Percent = ("pourcentage", "Pourcentage"),
    }
}

code_enum! {
    /// Kind of funder.
    pub enum FunderKind {
        Caf = ("caf", "CAF"),
        Msa = ("msa", "MSA"),
        Ccas = ("ccas", "CCAS"),
        Departement = ("departement", "Département"),
        Reseau = ("reseau", "Réseau Cocagne"),
        Other = ("autre", "Autre"),
    }
}

code_enum! {
    /// What became of a basket after distribution.
    pub enum PickupStatus {
        Collected = ("retire", "Retiré"),
        NotCollected = ("non_retire", "Non retiré"),
        Donated = ("donne", "Donné"),
    }
}

/// A subscribing household.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Row id (0 before the first save).
    pub id: MemberId,
    /// Family name.
    pub last_name: String,
    /// Given name.
    pub first_name: String,
    /// Name of the co-member (second adult of the household), free text.
    pub co_member: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Main phone number.
    pub phone: String,
    /// Second phone number.
    pub phone2: String,
    /// E-mail address.
    pub email: String,
    /// Private notes: never printed.
    pub notes: String,
    /// Where the household stands.
    pub status: MemberStatus,
    /// Day the household joined, when known.
    pub joined_on: Option<NaiveDate>,
}

/// A yearly membership payment.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The member concerned.
    pub member_id: MemberId,
    /// Membership year.
    pub year: i32,
    /// Amount paid.
    pub amount: Cents,
    /// Day of payment.
    pub paid_on: NaiveDate,
    /// How it was paid.
    pub method: PaymentMethod,
}

/// A basket size (petit, grand, familial…).
#[derive(Debug, Clone, PartialEq)]
pub struct BasketSize {
    /// Row id (0 before the first save).
    pub id: SizeId,
    /// Name shown everywhere, unique (case ignored).
    pub name: String,
    /// For how many people, free text ("2 personnes").
    pub persons: String,
    /// Display order.
    pub position: i64,
    /// False once no longer offered; kept for history.
    pub active: bool,
}

/// A price of a size, valid from a date until the next price of that size.
#[derive(Debug, Clone, PartialEq)]
pub struct BasketPrice {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The basket size.
    pub size_id: SizeId,
    /// First day this price applies.
    pub valid_from: NaiveDate,
    /// Price of one basket.
    pub price: Cents,
}

/// The price valid on `date` among `prices` of one size: the latest that starts on or before it.
pub fn price_on(prices: &[BasketPrice], date: NaiveDate) -> Option<Cents> {
    prices
        .iter()
        .filter(|p| p.valid_from <= date)
        .max_by_key(|p| p.valid_from)
        .map(|p| p.price)
}

/// A pickup point.
#[derive(Debug, Clone, PartialEq)]
pub struct Depot {
    /// Row id (0 before the first save).
    pub id: DepotId,
    /// Name shown everywhere, unique (case ignored).
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Delivery weekday.
    pub weekday: Weekday,
    /// Opening of the pickup slot, "17:00"; empty when not set.
    pub slot_start: String,
    /// End of the pickup slot, "19:00"; empty when not set.
    pub slot_end: String,
    /// Person to call at the depot.
    pub contact_name: String,
    /// Phone of that person.
    pub contact_phone: String,
    /// Most baskets the depot can hold; `None` when unlimited.
    pub capacity: Option<i64>,
    /// False once no longer offered; kept for history.
    pub active: bool,
}

impl Depot {
    /// A new active depot known only by its name and delivery weekday (address, slot,
    /// contact and capacity to fill in later).
    pub fn new(name: impl Into<String>, weekday: Weekday) -> Depot {
        Depot {
            id: 0,
            name: name.into(),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            weekday,
            slot_start: String::new(),
            slot_end: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            capacity: None,
            active: true,
        }
    }
}

/// Member × size × depot × period × frequency.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    /// Row id (0 before the first save).
    pub id: SubscriptionId,
    /// The member concerned.
    pub member_id: MemberId,
    /// A second household sharing this subscription.
    pub shared_with: Option<MemberId>,
    /// The basket size.
    pub size_id: SizeId,
    /// The pickup point.
    pub depot_id: DepotId,
    /// Baskets per delivery.
    pub quantity: i64,
    /// First day included.
    pub start: NaiveDate,
    /// Last day included; `None` while it runs.
    pub end: Option<NaiveDate>,
    /// Every week or every other week.
    pub frequency: Frequency,
    /// Monday of the week the fortnightly count starts from (delivery weeks are those an
    /// even number of weeks after it).
    pub anchor_monday: NaiveDate,
}

/// Paniers Solidaires terms of a subscription for one period: a change of terms starts a new
/// period, the end of the programme ends the period at a date; past periods are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Solidarity {
    /// Row id of the period (0 before the first save).
    pub id: i64,
    /// The subscription concerned.
    pub subscription_id: SubscriptionId,
    /// First day these terms apply.
    pub start: NaiveDate,
    /// Last day these terms apply; `None` while they run.
    pub end: Option<NaiveDate>,
    /// Whether `share_value` is an amount or a percentage.
    pub share_kind: ShareKind,
    /// Cents when `share_kind` is `Amount`, percent when `Percent`.
    pub share_value: i64,
    /// Social worker following the household, free text.
    pub social_worker: String,
    /// Body that referred the household, free text.
    pub referring_body: String,
    /// Day the terms are to be reviewed.
    pub review_on: Option<NaiveDate>,
    /// Who pays the remainder, each as a percentage of it.
    pub funding: Vec<FundingShare>,
}

/// One funder's part of the remainder of a solidarity basket.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingShare {
    /// The funder.
    pub funder_id: FunderId,
    /// Part of the remainder paid by this funder, in percent.
    pub share_percent: i64,
}

/// Most a solidarity household should pay, as a percentage of the basket price.
pub const SOLIDARITY_MAX_SHARE_PERCENT: i64 = 30;

impl Solidarity {
    /// What the household pays for one basket at `price`.
    pub fn household_pays(&self, price: Cents) -> Cents {
        match self.share_kind {
            ShareKind::Amount => self.share_value.min(price),
            ShareKind::Percent => (price * self.share_value + 50) / 100,
        }
    }

    /// True when these terms apply on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }

    /// Percent of the remainder no funder pays (0 when the funders' shares total 100 %).
    pub fn unfunded_percent(&self) -> i64 {
        (100 - self.funding.iter().map(|f| f.share_percent).sum::<i64>()).max(0)
    }

    /// True when the household pays more than 30 % of `price` (a warning, not a block).
    pub fn share_too_high(&self, price: Cents) -> bool {
        self.household_pays(price) * 100 > price * SOLIDARITY_MAX_SHARE_PERCENT
    }
}

/// A funder of Paniers Solidaires.
#[derive(Debug, Clone, PartialEq)]
pub struct Funder {
    /// Row id (0 before the first save).
    pub id: FunderId,
    /// Name shown everywhere, unique (case ignored).
    pub name: String,
    /// Kind of funder.
    pub kind: FunderKind,
    /// False once no longer offered; kept for history.
    pub active: bool,
}

/// A member away from `start` to `end` (both included).
#[derive(Debug, Clone, PartialEq)]
pub struct Absence {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The member concerned.
    pub member_id: MemberId,
    /// First day included.
    pub start: NaiveDate,
    /// Last day included.
    pub end: NaiveDate,
    /// What happens to the baskets meanwhile.
    pub mode: AbsenceMode,
    /// For `MadeUp`: the Monday of the chosen week, or `None` for the first delivery after return.
    pub makeup_monday: Option<NaiveDate>,
    /// Free notes.
    pub notes: String,
}

/// A week with no delivery for the whole garden.
#[derive(Debug, Clone, PartialEq)]
pub struct Closure {
    /// Monday of the closed ISO week.
    pub monday: NaiveDate,
    /// Why the garden is closed, shown on the calendar.
    pub reason: String,
}

/// What happens to deliveries on a public holiday, for one depot or all (`depot_id` None).
#[derive(Debug, Clone, PartialEq)]
pub struct HolidayRule {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The public holiday.
    pub date: NaiveDate,
    /// The pickup point.
    pub depot_id: Option<DepotId>,
    /// Cancelled or moved.
    pub action: HolidayAction,
    /// The replacement day when `action` is `Moved`.
    pub moved_to: Option<NaiveDate>,
}

/// One crop in one basket size for one week.
#[derive(Debug, Clone, PartialEq)]
pub struct CompositionItem {
    /// Row id (0 before the first save).
    pub id: i64,
    /// Monday of the delivery week.
    pub monday: NaiveDate,
    /// The basket size.
    pub size_id: SizeId,
    /// The crop.
    pub crop_id: i64,
    /// Quantity in `unit`.
    pub quantity: f64,
    /// Unit of `quantity`.
    pub unit: Unit,
}

/// What became of a subscription's baskets in a week, ticked after distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Pickup {
    /// Monday of the delivery week.
    pub monday: NaiveDate,
    /// The subscription concerned.
    pub subscription_id: SubscriptionId,
    /// Baskets concerned.
    pub baskets: i64,
    /// What became of them.
    pub status: PickupStatus,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn price_on_takes_latest_price_started() {
        let prices = vec![
            BasketPrice {
                id: 1,
                size_id: 1,
                valid_from: date(2025, 1, 1),
                price: 1000,
            },
            BasketPrice {
                id: 2,
                size_id: 1,
                valid_from: date(2026, 1, 1),
                price: 1050,
            },
        ];
        assert_eq!(price_on(&prices, date(2024, 12, 31)), None);
        assert_eq!(price_on(&prices, date(2025, 12, 31)), Some(1000));
        assert_eq!(price_on(&prices, date(2026, 1, 1)), Some(1050));
    }

    #[test]
    fn solidarity_share_warns_above_thirty_percent() {
        let mut s = Solidarity {
            id: 0,
            subscription_id: 1,
            start: date(2025, 1, 1),
            end: None,
            share_kind: ShareKind::Amount,
            share_value: 300,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![],
        };
        assert_eq!(s.household_pays(1000), 300);
        assert!(!s.share_too_high(1000));
        s.share_value = 301;
        assert!(s.share_too_high(1000));
        s.share_kind = ShareKind::Percent;
        s.share_value = 30;
        assert_eq!(s.household_pays(1500), 450);
        assert!(!s.share_too_high(1500));
    }
}
