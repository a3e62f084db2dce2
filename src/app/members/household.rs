//! Saving what a household's page changes: the household, its memberships, subscriptions,
//! absences and Paniers Solidaires terms.

use chrono::NaiveDate;

use super::Saved;
use super::drafts::{
    AbsenceDraft, MemberDraft, MembershipDraft, SolidarityDraft, SubscriptionDraft, required_date,
};
use crate::app::{Garden, Result};
use crate::domain::money::format_euros;
use crate::store::{baskets, calendar, members};

/// Saves the household typed: a new one (its id in [`Saved::created`]), or the changes to
/// one; a household leaving has its subscriptions ended on the day typed, in the same
/// transaction.
pub fn save_household(garden: &Garden, draft: &MemberDraft) -> Result<Saved> {
    let member = draft.to_member()?;
    let ends = draft.subscriptions_end()?;
    Ok(garden.change(|conn| {
        if member.id == 0 {
            let id = members::insert_member(conn, &member)?;
            return Ok(Saved {
                warning: None,
                created: Some(id),
            });
        }
        let tx = conn.transaction()?;
        members::update_member(&tx, &member)?;
        if let Some(end) = ends {
            baskets::end_subscriptions_of(&tx, member.id, end)?;
        }
        tx.commit()?;
        Ok(Saved::plain())
    })?)
}

/// Saves the membership typed for household `member_id`, new or changed.
pub fn save_membership(garden: &Garden, member_id: i64, draft: &MembershipDraft) -> Result<Saved> {
    let membership = draft.to_membership(member_id)?;
    garden.change(|conn| {
        if membership.id == 0 {
            members::insert_membership(conn, &membership).map(|_| ())
        } else {
            members::update_membership(conn, &membership)
        }
    })?;
    Ok(Saved::plain())
}

/// Deletes membership `id`.
pub fn delete_membership(garden: &Garden, id: i64) -> Result<Saved> {
    garden.change(|conn| members::delete_membership(conn, id))?;
    Ok(Saved::plain())
}

/// Saves the subscription typed for household `member_id`: a new one, or the change of the
/// one it replaces from its start (the old one ends the day before). Warns when its depot is
/// over capacity then.
pub fn save_subscription(
    garden: &Garden,
    member_id: i64,
    draft: &SubscriptionDraft,
) -> Result<Saved> {
    let sub = draft.to_subscription(member_id)?;
    let changing = draft.changing;
    let warning = garden.change(|conn| {
        let except = changing.unwrap_or(0);
        let warning =
            baskets::capacity_warning(conn, sub.depot_id, sub.start, except, sub.quantity)?;
        match changing {
            Some(old) => baskets::change_subscription(conn, old, sub.start, &sub)?,
            None => baskets::insert_subscription(conn, &sub)?,
        };
        Ok(warning)
    })?;
    Ok(Saved::warning(warning))
}

/// Saves the absence typed for household `member_id`, new or changed.
pub fn save_absence(garden: &Garden, member_id: i64, draft: &AbsenceDraft) -> Result<Saved> {
    let absence = draft.to_absence(member_id)?;
    garden.change(|conn| {
        if absence.id == 0 {
            calendar::insert_absence(conn, &absence).map(|_| ())
        } else {
            calendar::update_absence(conn, &absence)
        }
    })?;
    Ok(Saved::plain())
}

/// Deletes absence `id`.
pub fn delete_absence(garden: &Garden, id: i64) -> Result<Saved> {
    garden.change(|conn| calendar::delete_absence(conn, id))?;
    Ok(Saved::plain())
}

/// Saves the Paniers Solidaires terms typed; warns when the household pays more than 30 %
/// of the basket's price on `today` (or on the subscription's first day when it starts
/// later).
pub fn save_solidarity(
    garden: &Garden,
    draft: &SolidarityDraft,
    today: NaiveDate,
) -> Result<Saved> {
    let terms = draft.to_solidarity()?;
    let warning = garden.change(|conn| {
        let sub = baskets::get_subscription(conn, terms.subscription_id)?;
        let price = baskets::price_on_date(conn, sub.size_id, today.max(sub.start))?;
        baskets::set_solidarity(conn, &terms)?;
        Ok(price.filter(|p| terms.share_too_high(*p)).map(|p| {
            format!(
                "Le foyer paie {} pour un panier à {} : plus de 30 % du prix.",
                format_euros(terms.household_pays(p)),
                format_euros(p)
            )
        }))
    })?;
    Ok(Saved::warning(warning))
}

/// Ends the Paniers Solidaires terms of subscription `id` on the day typed in `last_day`
/// (the baskets delivered until then keep them).
pub fn end_solidarity(garden: &Garden, id: i64, last_day: &str) -> Result<Saved> {
    let end = required_date(last_day, "Dernier jour")?;
    garden.change(|conn| baskets::end_solidarity(conn, id, end))?;
    Ok(Saved::plain())
}
