//! The figures of one activity report, section by section.

use chrono::NaiveDate;

use super::{FseLine, GroupLine};
use crate::domain::employees::ExitCategory;
use crate::domain::money::Cents;

/// Which parts of the report to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionChoice {
    /// Insertion (employees).
    pub insertion: bool,
    /// Production (harvests).
    pub production: bool,
    /// Baskets.
    pub baskets: bool,
    /// Workshops.
    pub workshops: bool,
}

impl SectionChoice {
    /// Every section.
    pub const ALL: SectionChoice = SectionChoice {
        insertion: true,
        production: true,
        baskets: true,
        workshops: true,
    };

    /// True when no section is chosen.
    pub fn is_empty(self) -> bool {
        !(self.insertion || self.production || self.baskets || self.workshops)
    }
}

/// Insertion figures of the period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InsertionFigures {
    /// People whose path overlaps the period.
    pub people_followed: i64,
    /// Entries (entry date in the period).
    pub entries: i64,
    /// Exits in the period per category, every category listed.
    pub exits: Vec<(ExitCategory, i64)>,
    /// (1 + 2 + 3) / (all − 5), `None` without a counted exit.
    pub dynamic_exit_rate: Option<f64>,
    /// Exits in the period per job found (label), in the list's order, situations without
    /// an exit left out, « Non renseignée » last.
    pub exit_outcomes: Vec<(String, i64)>,
    /// Hours under contract in the period, up to today (recorded).
    pub hours: f64,
    /// FTE over the recorded days of the period.
    pub fte: f64,
    /// When the period runs past today: today, the last recorded day.
    pub recorded_until: Option<NaiveDate>,
    /// When the period runs past today: hours under contract planned after today.
    pub planned_hours: Option<f64>,
    /// When the period runs past today: FTE over the whole period, planned days included.
    pub planned_fte: Option<f64>,
    /// Hours worked from payroll, when some months of the period have them.
    pub worked_hours: Option<f64>,
    /// Person-months whose FTE came from payroll hours (the others from the contracts).
    pub payroll_months: i64,
    /// Per gender.
    pub by_gender: Vec<GroupLine>,
    /// Per age band.
    pub by_age: Vec<GroupLine>,
    /// Trainings started in the period.
    pub trainings: i64,
    /// Of which qualifying.
    pub qualifying_trainings: i64,
    /// Their hours.
    pub training_hours: f64,
    /// People who started a training.
    pub trained_people: i64,
    /// Immersions (PMSMP) started in the period, per objective (every objective listed).
    pub immersions: Vec<(String, i64)>,
    /// Follow-up meetings in the period.
    pub follow_ups: i64,
    /// Their total length in hours.
    pub follow_up_hours: f64,
    /// Meetings per theme (built-in and added themes), themes never used left out, by count.
    pub themes: Vec<(String, i64)>,
    /// FSE+ indicators from the snapshots taken in the period.
    pub fse: Vec<FseLine>,
    /// Snapshots taken in the period.
    pub fse_snapshots: i64,
}

impl InsertionFigures {
    /// Nothing to report: nobody followed, no snapshot.
    pub fn is_empty(&self) -> bool {
        self.people_followed == 0 && self.fse_snapshots == 0
    }

    /// Exits in the period, all categories.
    pub fn exit_total(&self) -> i64 {
        self.exits.iter().map(|(_, n)| n).sum()
    }
}

/// Harvest figures of the period (kg).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductionFigures {
    /// Kg per crop, heaviest first.
    pub by_crop: Vec<(String, f64)>,
    /// Kg per month, every month of the period listed (0 when nothing was harvested).
    pub by_month: Vec<((i32, u32), f64)>,
    /// Kg per destination (label), destinations without harvest left out.
    pub by_destination: Vec<(String, f64)>,
    /// Harvest lines left out of the kg totals for lack of a conversion.
    pub unconverted_lines: i64,
}

impl ProductionFigures {
    /// Total kg.
    pub fn total_kg(&self) -> f64 {
        self.by_crop.iter().map(|(_, kg)| kg).sum()
    }

    /// Nothing harvested (or nothing weighable).
    pub fn is_empty(&self) -> bool {
        self.by_crop.is_empty() && self.unconverted_lines == 0
    }
}

/// What one funder paid for solidarity baskets in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderLine {
    /// Funder name.
    pub funder: String,
    /// Households funded.
    pub households: i64,
    /// Baskets delivered to them.
    pub baskets: i64,
    /// Their value.
    pub value: Cents,
    /// What this funder owes.
    pub owed: Cents,
}

/// Basket figures of the period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BasketFigures {
    /// Baskets delivered per size (every size with a delivery).
    pub by_size: Vec<(String, i64)>,
    /// Baskets delivered per depot (every depot with a delivery).
    pub by_depot: Vec<(String, i64)>,
    /// Households (subscribers and sharing households) with at least one basket delivered.
    pub households: i64,
    /// Yearly memberships (adhésions) paid for the calendar years the period touches.
    pub memberships: i64,
    /// Of which Paniers Solidaires households.
    pub solidarity_households: i64,
    /// Solidarity baskets delivered.
    pub solidarity_baskets: i64,
    /// Their value at the price of each delivery day.
    pub solidarity_value: Cents,
    /// What the solidarity households paid.
    pub households_paid: Cents,
    /// What each funder paid (funders with a basket in the period).
    pub funders: Vec<FunderLine>,
    /// What nobody pays: the part of the solidarity baskets' remainder not covered by funders
    /// whose shares total less than 100 %.
    pub unfunded: Cents,
    /// Baskets planned for households in the period but never ticked at pickup: not
    /// counted in the figures above.
    pub unticked_baskets: i64,
    /// Revenue: the baskets prepared in the period as charged to the households (their
    /// price, or their share for Paniers Solidaires), in cents.
    pub basket_revenue: Cents,
    /// Revenue: memberships paid in the period.
    pub membership_revenue: Cents,
    /// Revenue: manual charges less credit notes on the households' accounts.
    pub adjustments: Cents,
}

impl BasketFigures {
    /// Baskets delivered, all sizes.
    pub fn total(&self) -> i64 {
        self.by_size.iter().map(|(_, n)| n).sum()
    }

    /// Revenue from the funders: their shares of the solidarity baskets delivered.
    pub fn funders_revenue(&self) -> Cents {
        self.funders.iter().map(|l| l.owed).sum()
    }

    /// The basket round's revenue: households' baskets, memberships, adjustments and funders.
    pub fn total_revenue(&self) -> Cents {
        self.basket_revenue + self.membership_revenue + self.adjustments + self.funders_revenue()
    }

    /// No basket delivered.
    pub fn is_empty(&self) -> bool {
        self.total() == 0 && self.unticked_baskets == 0
    }
}

/// Workshop figures of one type, or of all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkshopLine {
    /// Type name, or « Total ».
    pub label: String,
    /// Sessions held.
    pub sessions: i64,
    /// Distinct people present.
    pub participants: i64,
    /// « Présent » attendances.
    pub attendances: i64,
    /// Participant-hours.
    pub hours: f64,
}

/// Workshop figures of the period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkshopFigures {
    /// Per type.
    pub by_type: Vec<WorkshopLine>,
    /// All types (a person in two types counts once here).
    pub total: WorkshopLine,
    /// When the period runs past today: the sessions planned after today (prévisionnel),
    /// left out of the lines above.
    pub planned_sessions: Option<i64>,
}

impl WorkshopFigures {
    /// No session in the period.
    pub fn is_empty(&self) -> bool {
        self.total.sessions == 0
    }
}

/// Every figure of an activity report; a section not chosen is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityFigures {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The day the figures were read: later days are planned, not recorded.
    pub today: NaiveDate,
    /// Insertion.
    pub insertion: Option<InsertionFigures>,
    /// Production.
    pub production: Option<ProductionFigures>,
    /// Baskets.
    pub baskets: Option<BasketFigures>,
    /// Workshops.
    pub workshops: Option<WorkshopFigures>,
}

impl ActivityFigures {
    /// No chosen section has anything to report.
    pub fn is_empty(&self) -> bool {
        self.insertion
            .as_ref()
            .is_none_or(InsertionFigures::is_empty)
            && self
                .production
                .as_ref()
                .is_none_or(ProductionFigures::is_empty)
            && self.baskets.as_ref().is_none_or(BasketFigures::is_empty)
            && self
                .workshops
                .as_ref()
                .is_none_or(WorkshopFigures::is_empty)
    }
}
