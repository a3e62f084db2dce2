//! The use cases of the Adhérents screen: what it reads (the lists every tab uses, a
//! household's page, the season calendar) and what it saves (households, memberships,
//! subscriptions, absences, Paniers Solidaires terms, sizes and prices, depots, closures and
//! holiday rules, funders), and a funder's statement as PDF bytes.
//!
//! Forms arrive as drafts (the text typed, [`drafts`]); each use case checks its draft, naming
//! the field at fault ([`Error::Invalid`](crate::app::Error::Invalid)), then writes in one
//! transaction, refused at once when the garden is open read-only.

mod calendar;
pub mod drafts;
pub(crate) mod funders;
mod household;
mod setup;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::app::{Garden, Result};
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
use crate::store::week::{CalendarWeek, ComingBasket, coming_baskets};
use crate::store::{Connection, StoreError};

pub use calendar::{add_closure, clear_holiday_rule, reopen_week, set_holiday_rule};
pub use drafts::Choice;
pub use funders::{Statement, delete_funder, save_funder, statement_pdf};
pub use household::{
    delete_absence, delete_membership, end_solidarity, save_absence, save_household,
    save_membership, save_solidarity, save_subscription,
};
pub use setup::{add_price, delete_price, move_subscribers, save_depot, save_size};

/// How many weeks a member's page looks ahead.
pub const COMING_WEEKS: u32 = 10;

/// The lists every tab uses.
#[derive(Debug, Clone, Default)]
pub struct Base {
    /// The day the lists were read for: the households' lines (membership paid this year…)
    /// and what the screen shows as today (the current price, the current week).
    pub as_of: NaiveDate,
    /// Basket sizes, in their order.
    pub sizes: Vec<BasketSize>,
    /// Every price of every size.
    pub prices: Vec<BasketPrice>,
    /// Depots, active or not.
    pub depots: Vec<Depot>,
    /// Funders of Paniers Solidaires, active or not.
    pub funders: Vec<Funder>,
    /// Paniers Solidaires subscriptions funded, by funder id.
    pub funded: HashMap<i64, i64>,
    /// One line per household.
    pub rows: Vec<MemberRow>,
    /// Every public-holiday rule (all depots or one).
    pub holiday_rules: Vec<HolidayRule>,
    /// Each household's balance on `as_of` (credits − debits, negative when it owes), read
    /// once for the whole list; a household with no line on its account is left out.
    pub balances: HashMap<i64, crate::domain::money::Cents>,
}

/// A household's page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The household.
    pub member: Member,
    /// Its yearly memberships.
    pub memberships: Vec<Membership>,
    /// Each subscription with its latest Paniers Solidaires terms (running or ended).
    pub subscriptions: Vec<(Subscription, Option<Solidarity>)>,
    /// The earlier periods of terms, kept as history, oldest first.
    pub past_terms: Vec<Solidarity>,
    /// Subscriptions of other households shared with this one.
    pub shared: Vec<Subscription>,
    /// Its absences.
    pub absences: Vec<Absence>,
    /// Its baskets of the coming weeks.
    pub coming: Vec<ComingBasket>,
    /// Workshop sessions attended, newest first.
    pub workshops: Vec<crate::store::workshops::SessionSummary>,
}

/// Reads the lists every tab uses, with each household's line as of `today`.
pub fn load_base(garden: &Garden, today: NaiveDate) -> Result<Base> {
    Ok(garden.with(|conn| base(conn, today))?)
}

/// Reads the page of household `id` as of `today`.
pub fn load_page(garden: &Garden, id: i64, today: NaiveDate) -> Result<Page> {
    Ok(garden.with(|conn| page(conn, id, today))?)
}

/// Reads every week of season `year` with its closure, holidays and deliveries per depot.
pub fn load_calendar(garden: &Garden, year: i32) -> Result<Vec<CalendarWeek>> {
    Ok(garden.with(|conn| crate::store::week::season_calendar(conn, year))?)
}

fn base(conn: &Connection, today: NaiveDate) -> std::result::Result<Base, StoreError> {
    let sizes = list_basket_sizes(conn)?;
    let mut prices = Vec::new();
    for size in &sizes {
        prices.extend(prices_of_size(conn, size.id)?);
    }
    Ok(Base {
        as_of: today,
        sizes,
        prices,
        depots: list_depots(conn)?,
        funders: list_funders(conn)?,
        funded: funding_counts(conn)?.into_iter().collect(),
        rows: member_rows(conn, today)?,
        holiday_rules: list_holiday_rules(conn)?,
        balances: crate::store::payments::ledger::balances(conn, today)?,
    })
}

fn page(conn: &Connection, id: i64, today: NaiveDate) -> std::result::Result<Page, StoreError> {
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

/// What a write did beyond its notice: a warning to show (a depot over capacity, a share
/// over 30 %…), and the household it created, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Shown under the notice, in the warning's colour.
    pub warning: Option<String>,
    /// The household created (its page opens).
    pub created: Option<i64>,
}

impl Saved {
    /// Nothing more to say.
    pub fn plain() -> Self {
        Saved::default()
    }

    /// With a warning, when there is one.
    pub fn warning(warning: Option<String>) -> Self {
        Saved {
            warning,
            created: None,
        }
    }
}

impl Base {
    /// The sizes offered in pick lists (active ones).
    pub fn size_choices(&self) -> Vec<Choice> {
        let active = self.sizes.iter().filter(|s| s.active);
        active.map(|s| choice(s.id, &s.name)).collect()
    }

    /// The depots offered in pick lists (active ones).
    pub fn depot_choices(&self) -> Vec<Choice> {
        let active = self.depots.iter().filter(|d| d.active);
        active.map(|d| choice(d.id, &d.name)).collect()
    }

    /// The funders offered in pick lists (active ones).
    pub fn funder_choices(&self) -> Vec<Choice> {
        let active = self.funders.iter().filter(|f| f.active);
        active.map(|f| choice(f.id, &f.name)).collect()
    }

    /// The households other than `me` a subscription may be shared with: "NOM Prénom
    /// (Commune)".
    pub fn household_choices(&self, me: i64) -> Vec<Choice> {
        self.rows
            .iter()
            .filter(|r| r.member.id != me)
            .map(|r| choice(r.member.id, &household_label(&r.member)))
            .collect()
    }

    /// "NOM Prénom (Commune)" of household `id`, or "foyer supprimé".
    pub fn household_name(&self, id: i64) -> String {
        self.rows
            .iter()
            .find(|r| r.member.id == id)
            .map_or_else(|| "foyer supprimé".into(), |r| household_label(&r.member))
    }

    /// The name of size `id` (empty when unknown).
    pub fn size_name(&self, id: i64) -> &str {
        self.sizes
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.name.as_str())
    }

    /// The name of depot `id` (empty when unknown).
    pub fn depot_name(&self, id: i64) -> &str {
        self.depots
            .iter()
            .find(|d| d.id == id)
            .map_or("", |d| d.name.as_str())
    }

    /// The name of funder `id` ("?" when unknown).
    pub fn funder_name(&self, id: i64) -> &str {
        self.funders
            .iter()
            .find(|f| f.id == id)
            .map_or("?", |f| f.name.as_str())
    }
}

fn choice(id: i64, label: &str) -> Choice {
    Choice {
        id,
        label: label.to_owned(),
    }
}

/// "NOM Prénom (Commune)".
fn household_label(m: &Member) -> String {
    let name = crate::domain::text::list_name(&m.first_name, &m.last_name);
    let label = if m.city.is_empty() {
        name
    } else {
        format!("{name} ({})", m.city)
    };
    label.trim().to_owned()
}
