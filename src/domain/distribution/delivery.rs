//! Which depot delivers on which day of a week, and which subscriptions are due.

use chrono::NaiveDate;

use crate::domain::baskets::{Closure, Depot, Frequency, HolidayAction, HolidayRule, Subscription};
use crate::domain::calendar::{IsoWeek, format_date, holiday_name, long_date};

/// What happens at a depot in a given week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivery on the depot's usual day.
    On(NaiveDate),
    /// The usual day is a public holiday and the delivery is moved to `to`.
    Moved {
        /// The usual (holiday) day.
        holiday: NaiveDate,
        /// French name of the holiday.
        name: &'static str,
        /// The replacement day.
        to: NaiveDate,
    },
    /// The garden is closed that week.
    Closed {
        /// Why, as typed by the users (may be empty).
        reason: String,
    },
    /// The usual day is a public holiday and the delivery is cancelled.
    HolidayCancelled {
        /// The usual (holiday) day.
        holiday: NaiveDate,
        /// French name of the holiday.
        name: &'static str,
    },
}

impl Delivery {
    /// The day baskets are handed out, if there is a delivery.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Delivery::On(date) | Delivery::Moved { to: date, .. } => Some(*date),
            Delivery::Closed { .. } | Delivery::HolidayCancelled { .. } => None,
        }
    }

    /// True when baskets are handed out this week.
    pub fn is_delivered(&self) -> bool {
        self.date().is_some()
    }

    /// One French sentence for the screen and the printouts.
    pub fn describe(&self) -> String {
        match self {
            Delivery::On(date) => format!("Livraison le {}", long_date(*date)),
            Delivery::Moved { holiday, name, to } => format!(
                "Livraison déplacée au {} (jour férié le {} : {name})",
                long_date(*to),
                format_date(*holiday)
            ),
            Delivery::Closed { reason } if reason.trim().is_empty() => {
                "Pas de livraison : semaine de fermeture".to_owned()
            }
            Delivery::Closed { reason } => {
                format!(
                    "Pas de livraison : semaine de fermeture ({})",
                    reason.trim()
                )
            }
            Delivery::HolidayCancelled { holiday, name } => format!(
                "Pas de livraison : jour férié le {} ({name})",
                format_date(*holiday)
            ),
        }
    }
}

/// The delivery of `depot` in `week`: on the depot's weekday, unless the week is closed
/// (`Closed`) or that day is a public holiday.
///
/// For a holiday, the rule for this depot wins over the rule for all depots (`depot_id`
/// None). **Without any rule, a delivery falling on a French public holiday is cancelled**:
/// the office then adds a rule to move it. A rule also applies on a date that is not a
/// national holiday (a local holiday the office entered itself). A `Moved` rule without a
/// replacement day counts as cancelled.
pub fn depot_delivery(
    depot: &Depot,
    week: IsoWeek,
    closures: &[Closure],
    rules: &[HolidayRule],
) -> Delivery {
    if let Some(closure) = closures.iter().find(|c| IsoWeek::of(c.monday) == week) {
        return Delivery::Closed {
            reason: closure.reason.clone(),
        };
    }
    let date = week.day(depot.weekday);
    let rule = super::holidays::holiday_rule_for(rules, depot.id, date);
    let national = holiday_name(date);
    let name = national.unwrap_or("jour férié");
    match rule {
        Some(HolidayRule {
            action: HolidayAction::Moved,
            moved_to: Some(to),
            ..
        }) => Delivery::Moved {
            holiday: date,
            name,
            to: *to,
        },
        Some(_) => Delivery::HolidayCancelled {
            holiday: date,
            name,
        },
        None if national.is_some() => Delivery::HolidayCancelled {
            holiday: date,
            name,
        },
        None => Delivery::On(date),
    }
}

/// True when `sub` gets baskets in `week`, whose delivery falls on `delivery_date`: the
/// subscription runs on that day and, if fortnightly, an even number of weeks have passed
/// since its anchor week (closed weeks count, so the A / B groups stay stable).
pub fn subscription_due(sub: &Subscription, week: IsoWeek, delivery_date: NaiveDate) -> bool {
    let running = sub.start <= delivery_date && sub.end.is_none_or(|end| delivery_date <= end);
    running
        && match sub.frequency {
            Frequency::Weekly => true,
            Frequency::Fortnightly => {
                week.weeks_since(IsoWeek::of(sub.anchor_monday))
                    .rem_euclid(2)
                    == 0
            }
        }
}
