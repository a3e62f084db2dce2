//! Saving the "Calendrier" tab: closed weeks and public-holiday rules.

use chrono::NaiveDate;

use super::Saved;
use super::drafts::ClosureDraft;
use crate::app::{Error, Garden, Result};
use crate::domain::baskets::{HolidayAction, HolidayRule};
use crate::domain::calendar::{format_date, parse_date};
use crate::store::calendar;

/// Closes the week typed.
pub fn add_closure(garden: &Garden, draft: &ClosureDraft) -> Result<Saved> {
    let closure = draft.to_closure()?;
    garden.change(|conn| calendar::insert_closure(conn, &closure))?;
    Ok(Saved::plain())
}

/// Opens again the week of Monday `monday`.
pub fn reopen_week(garden: &Garden, monday: NaiveDate) -> Result<Saved> {
    garden.change(|conn| calendar::delete_closure(conn, monday))?;
    Ok(Saved::plain())
}

/// Sets the rule of holiday `date` for depot `depot_id` (`None`: all depots): the delivery
/// is cancelled, or moved to the day typed in `moved_to` when one is given. A day that is not
/// a date is refused, naming the holiday.
pub fn set_holiday_rule(
    garden: &Garden,
    date: NaiveDate,
    depot_id: Option<i64>,
    moved_to: Option<&str>,
) -> Result<Saved> {
    let moved_to = match moved_to {
        None => None,
        Some(typed) => Some(parse_date(typed).ok_or_else(|| {
            Error::invalid(
                "jour de remplacement",
                format!(
                    "Férié du {} : tapez le jour de remplacement (28/11/2026) avant « Déplacer ».",
                    format_date(date)
                ),
            )
        })?),
    };
    let rule = HolidayRule {
        id: 0,
        date,
        depot_id,
        action: if moved_to.is_some() {
            HolidayAction::Moved
        } else {
            HolidayAction::Cancelled
        },
        moved_to,
    };
    garden.change(|conn| calendar::set_holiday_rule(conn, &rule))?;
    Ok(Saved::plain())
}

/// Removes the rule of holiday `date` for depot `depot_id` (`None`: the all-depots rule).
pub fn clear_holiday_rule(
    garden: &Garden,
    date: NaiveDate,
    depot_id: Option<i64>,
) -> Result<Saved> {
    garden.change(|conn| calendar::clear_holiday_rule(conn, date, depot_id))?;
    Ok(Saved::plain())
}
