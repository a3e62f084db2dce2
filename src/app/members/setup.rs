//! Saving the "Formats et dépôts" tab: depots (and moving their subscribers), basket sizes
//! and their prices.

use chrono::NaiveDate;

use super::Saved;
use super::drafts::{DepotDraft, MoveDraft, PriceDraft, SizeDraft};
use crate::app::{Garden, Result};
use crate::store::baskets;

/// Saves the depot typed, new or changed (a depot with subscribers stays active until they
/// are moved: the store refuses).
pub fn save_depot(garden: &Garden, draft: &DepotDraft) -> Result<Saved> {
    let depot = draft.to_depot()?;
    garden.change(|conn| {
        if depot.id == 0 {
            baskets::insert_depot(conn, &depot).map(|_| ())
        } else {
            baskets::update_depot(conn, &depot)
        }
    })?;
    Ok(Saved::plain())
}

/// Moves every running subscription of the draft's depot to the depot chosen, from the
/// Monday of the week typed (history kept).
pub fn move_subscribers(garden: &Garden, draft: &MoveDraft) -> Result<Saved> {
    let (to, monday) = draft.checked()?;
    let from_depot = draft.from_depot;
    garden.change(|conn| baskets::move_subscribers(conn, from_depot, to, monday))?;
    Ok(Saved::plain())
}

/// Saves the basket size typed: a new size is reminded to get a price; a size made inactive
/// while subscriptions use it on `today` is saved with a warning saying how many.
pub fn save_size(garden: &Garden, draft: &SizeDraft, today: NaiveDate) -> Result<Saved> {
    let size = draft.to_size()?;
    let warning = garden.change(|conn| {
        if size.id == 0 {
            baskets::insert_basket_size(conn, &size)?;
            return Ok(Some(
                "Ajoutez-lui un prix avec « Nouveau prix… ».".to_owned(),
            ));
        }
        baskets::update_basket_size(conn, &size)?;
        baskets::inactive_size_warning(conn, &size, today)
    })?;
    Ok(Saved::warning(warning))
}

/// Adds the price typed to its size (earlier prices are kept).
pub fn add_price(garden: &Garden, draft: &PriceDraft) -> Result<Saved> {
    let price = draft.to_price()?;
    garden.change(|conn| baskets::insert_basket_price(conn, &price))?;
    Ok(Saved::plain())
}

/// Deletes price `id` (its deliveries take the price before it).
pub fn delete_price(garden: &Garden, id: i64) -> Result<Saved> {
    garden.change(|conn| baskets::delete_basket_price(conn, id))?;
    Ok(Saved::plain())
}
