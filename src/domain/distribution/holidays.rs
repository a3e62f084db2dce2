//! What a public holiday does at each depot delivering that day, and which rule decides it:
//! the rule set for that depot, else the rule set for all depots, else the default
//! (cancelled on a French public holiday).

use chrono::{Datelike, NaiveDate};

use super::delivery::{Delivery, depot_delivery};
use crate::domain::baskets::{Depot, DepotId, HolidayRule};
use crate::domain::calendar::IsoWeek;

/// Where the rule deciding a depot's delivery on a holiday comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSource {
    /// A rule set for this depot only.
    ThisDepot,
    /// The rule set for all depots.
    AllDepots,
    /// No rule: the default applies.
    Default,
}

impl RuleSource {
    /// French words for the calendar: "règle de ce dépôt", "règle de tous les dépôts",
    /// "par défaut".
    pub fn label(self) -> &'static str {
        match self {
            RuleSource::ThisDepot => "règle de ce dépôt",
            RuleSource::AllDepots => "règle de tous les dépôts",
            RuleSource::Default => "par défaut",
        }
    }
}

/// What a holiday does at one depot whose delivery day it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayEffect {
    /// The depot.
    pub depot_id: DepotId,
    /// Its delivery that week, ignoring closures (moved, cancelled, or on its day).
    pub delivery: Delivery,
    /// Which rule decided it.
    pub source: RuleSource,
}

/// The rule deciding the delivery of depot `depot_id` on `date`: the rule for this depot
/// wins over the rule for all depots (`depot_id` None).
pub fn holiday_rule_for(
    rules: &[HolidayRule],
    depot_id: DepotId,
    date: NaiveDate,
) -> Option<&HolidayRule> {
    rules
        .iter()
        .find(|r| r.date == date && r.depot_id == Some(depot_id))
        .or_else(|| {
            rules
                .iter()
                .find(|r| r.date == date && r.depot_id.is_none())
        })
}

/// The active depots delivering on the weekday of `date`, in the order given, with what
/// the holiday does to each (the same answer as [`depot_delivery`], closures left aside).
pub fn holiday_effects(
    date: NaiveDate,
    depots: &[Depot],
    rules: &[HolidayRule],
) -> Vec<HolidayEffect> {
    let week = IsoWeek::of(date);
    depots
        .iter()
        .filter(|d| d.active && d.weekday == date.weekday())
        .map(|d| HolidayEffect {
            depot_id: d.id,
            delivery: depot_delivery(d, week, &[], rules),
            source: match holiday_rule_for(rules, d.id, date) {
                Some(rule) if rule.depot_id.is_some() => RuleSource::ThisDepot,
                Some(_) => RuleSource::AllDepots,
                None => RuleSource::Default,
            },
        })
        .collect()
}
