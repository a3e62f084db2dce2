//! The weekly distribution plan: which depot delivers on which day, and how many baskets of
//! each size each subscription gets, once closures, public holidays and absences are applied.
//!
//! Pure functions over the rows of `domain::baskets`; the store loads them (`store::week`).

mod delivery;
mod holidays;
mod next;
mod plan;

pub use delivery::{Delivery, depot_delivery, subscription_due};
pub use holidays::{HolidayEffect, RuleSource, holiday_effects, holiday_rule_for};
pub use next::{NextDelivery, main_week, next_deliveries};
pub use plan::{DepotPlan, PlanLine, WeekPlan, plan_week};

/// How far (in weeks) a made-up basket may land after the return from an absence or after
/// the chosen week; past that it is dropped. The store loads that much history.
pub const MAKE_UP_WINDOW_WEEKS: i64 = 26;

/// Longest absence (in weeks) whose missed deliveries are counted for a make-up.
pub const MAX_ABSENCE_WEEKS: i64 = 60;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
