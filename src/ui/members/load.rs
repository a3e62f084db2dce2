//! What the Adhérents screen reads from the store, in one go per call.

use chrono::NaiveDate;

use crate::domain::baskets::{
    Absence, BasketPrice, BasketSize, Depot, Funder, Member, Membership, Solidarity, Subscription,
};
use crate::domain::calendar::IsoWeek;
use crate::store::baskets::{
    get_solidarity, list_basket_sizes, list_depots, list_funders, prices_of_size, subscriptions_of,
};
use crate::store::calendar::absences_of;
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
    pub rows: Vec<MemberRow>,
}

/// A member's page.
#[derive(Debug, Clone)]
pub struct Page {
    pub member: Member,
    pub memberships: Vec<Membership>,
    pub subscriptions: Vec<(Subscription, Option<Solidarity>)>,
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
        rows: member_rows(conn, today)?,
    })
}

/// Reads the page of member `id`.
pub fn page(conn: &Connection, id: i64, today: NaiveDate) -> Result<Page, StoreError> {
    let mut subscriptions = Vec::new();
    for sub in subscriptions_of(conn, id)? {
        let terms = get_solidarity(conn, sub.id)?;
        subscriptions.push((sub, terms));
    }
    Ok(Page {
        member: get_member(conn, id)?,
        memberships: memberships_of(conn, id)?,
        subscriptions,
        absences: absences_of(conn, id)?,
        coming: coming_baskets(conn, id, IsoWeek::of(today), COMING_WEEKS)?,
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
    pub page: Option<Page>,
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
        page: member.map(|id| page(conn, id, today)).transpose()?,
        calendar: year.map(|y| season_calendar(conn, y)).transpose()?,
        notice,
        warning,
    })
}
