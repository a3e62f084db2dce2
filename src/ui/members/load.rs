//! What the Adhérents screen reads from the store, in one go per call.

use chrono::NaiveDate;

use std::collections::HashMap;

use crate::domain::baskets::{
    Absence, BasketPrice, BasketSize, Depot, Funder, HolidayRule, Member, Membership, Solidarity,
    Subscription,
};
use crate::domain::calendar::IsoWeek;
use crate::store::baskets::{
    funding_counts, list_basket_sizes, list_depots, list_funders, prices_of_size,
    solidarity_history, subscriptions_of, subscriptions_shared_with,
};
use crate::store::calendar::{absences_of, list_holiday_rules};
use crate::store::members::{MemberRow, get_member, member_rows, memberships_of};
use crate::store::week::{CalendarWeek, ComingBasket, coming_baskets, season_calendar};
use crate::store::{Connection, StoreError};

/// How many weeks a member's page looks ahead.
pub const COMING_WEEKS: u32 = 10;

/// The lists every tab uses.
#[derive(Debug, Clone, Default)]
pub struct Base {
    pub sizes: Vec<BasketSize>,
    pub prices: Vec<BasketPrice>,
    pub depots: Vec<Depot>,
    pub funders: Vec<Funder>,
    /// Paniers Solidaires subscriptions funded, by funder id.
    pub funded: HashMap<i64, i64>,
    pub rows: Vec<MemberRow>,
    /// Every public-holiday rule (all depots or one).
    pub holiday_rules: Vec<HolidayRule>,
}

/// A member's page.
#[derive(Debug, Clone)]
pub struct Page {
    pub member: Member,
    pub memberships: Vec<Membership>,
    /// Each subscription with its latest Paniers Solidaires terms (running or ended).
    pub subscriptions: Vec<(Subscription, Option<Solidarity>)>,
    /// The earlier periods of terms, kept as history, oldest first.
    pub past_terms: Vec<Solidarity>,
    /// Subscriptions of other households shared with this one.
    pub shared: Vec<Subscription>,
    pub absences: Vec<Absence>,
    pub coming: Vec<ComingBasket>,
    /// Workshop sessions attended, newest first.
    pub workshops: Vec<crate::store::workshops::SessionSummary>,
}

/// Reads the lists.
pub fn base(conn: &Connection, today: NaiveDate) -> Result<Base, StoreError> {
    let sizes = list_basket_sizes(conn)?;
    let mut prices = Vec::new();
    for size in &sizes {
        prices.extend(prices_of_size(conn, size.id)?);
    }
    Ok(Base {
        sizes,
        prices,
        depots: list_depots(conn)?,
        funders: list_funders(conn)?,
        funded: funding_counts(conn)?.into_iter().collect(),
        rows: member_rows(conn, today)?,
        holiday_rules: list_holiday_rules(conn)?,
    })
}

/// Reads the page of member `id`.
pub fn page(conn: &Connection, id: i64, today: NaiveDate) -> Result<Page, StoreError> {
    let mut subscriptions = Vec::new();
    let mut past_terms = Vec::new();
    for sub in subscriptions_of(conn, id)? {
        let mut history = solidarity_history(conn, sub.id)?;
        let terms = history.pop();
        past_terms.extend(history);
        subscriptions.push((sub, terms));
    }
    Ok(Page {
        member: get_member(conn, id)?,
        memberships: memberships_of(conn, id)?,
        subscriptions,
        past_terms,
        shared: subscriptions_shared_with(conn, id)?,
        absences: absences_of(conn, id)?,
        // This week's deliveries already made are not "coming" any more.
        coming: coming_baskets(conn, id, IsoWeek::of(today), COMING_WEEKS)?
            .into_iter()
            .filter(|basket| basket.delivery.date().is_none_or(|day| day >= today))
            .collect(),
        workshops: crate::store::workshops::sessions_attended_by(
            conn,
            &crate::domain::workshops::Participant::Member(id),
        )?,
    })
}

/// Everything after a write: the lists, the page open (if any), the calendar of the year
/// shown (when its tab is), and what to tell the user.
#[derive(Debug, Clone)]
pub struct Refreshed {
    pub base: Base,
    /// Boxed: a page is large and most messages are small.
    pub page: Option<Box<Page>>,
    /// `None` when the calendar tab is not shown.
    pub calendar: Option<Vec<CalendarWeek>>,
    pub notice: String,
    pub warning: Option<String>,
}

/// Reads everything back after a write.
pub fn refreshed(
    conn: &Connection,
    today: NaiveDate,
    member: Option<i64>,
    year: Option<i32>,
    notice: String,
    warning: Option<String>,
) -> Result<Refreshed, StoreError> {
    Ok(Refreshed {
        base: base(conn, today)?,
        page: member
            .map(|id| page(conn, id, today).map(Box::new))
            .transpose()?,
        calendar: year.map(|y| season_calendar(conn, y)).transpose()?,
        notice,
        warning,
    })
}
