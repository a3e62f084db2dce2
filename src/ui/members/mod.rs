//! The Adhérents screen: households, their subscriptions, absences and Paniers Solidaires;
//! basket sizes and depots; the season calendar; funders and their statements.

mod calendar;
mod forms;
mod funders;
mod list;
mod load;
mod member;
mod member_forms;
mod setup;
mod update;

use crate::ui::screen::{self, Context};
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use super::theme;
use super::widgets::{self, Tone};
use crate::app::Garden;
use crate::domain::baskets::{AbsenceMode, Frequency, MemberStatus, PaymentMethod, ShareKind};
use crate::store::StoreError;
use crate::store::members::MemberFilter;
use crate::store::week::CalendarWeek;

pub use forms::Choice;
use forms::{
    AbsenceForm, Deletion, DepotForm, FunderForm, MemberForm, MembershipForm, SizeForm,
    SolidarityForm, SubscriptionForm, WeekdayChoice,
};
use load::{Base, Page, Refreshed};

/// Ids of the text inputs the tests and the focus moves reach.
pub mod ids {
    /// Search box of the members list.
    pub const SEARCH: &str = "members-search";
    /// Last name in the household form.
    pub const LAST_NAME: &str = "member-last-name";
    /// First name in the household form.
    pub const FIRST_NAME: &str = "member-first-name";
    /// Start of a subscription.
    pub const SUB_START: &str = "sub-start";
    /// First day away.
    pub const ABS_START: &str = "absence-start";
    /// Last day away.
    pub const ABS_END: &str = "absence-end";
    /// Membership amount.
    pub const MS_AMOUNT: &str = "members-MsAmount";
    /// First day of a new price.
    pub const PRICE_FROM: &str = "members-PriceFrom";
    /// Amount of a new price.
    pub const PRICE_AMOUNT: &str = "members-PriceAmount";
    /// Name of a basket size.
    pub const SIZE_NAME: &str = "members-SizeName";
    /// Name of a funder.
    pub const FUNDER_NAME: &str = "members-FunderName";

    /// The replacement day typed for the holiday `date` in the calendar.
    pub fn holiday(date: chrono::NaiveDate) -> String {
        format!("holiday-{date}")
    }
}

/// The tabs of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Members,
    Setup,
    Calendar,
    Funders,
}

/// Every text field of the screen's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    LastName,
    FirstName,
    CoMember,
    Address,
    Postcode,
    City,
    Phone,
    Phone2,
    Email,
    Notes,
    JoinedOn,
    MsYear,
    MsAmount,
    MsPaidOn,
    SubQuantity,
    SubStart,
    SubEnd,
    AbsStart,
    AbsEnd,
    AbsMakeUp,
    AbsNotes,
    SolValue,
    SolWorker,
    SolBody,
    SolReview,
    SolStart,
    SolEnd,
    MoveFrom,
    SubscriptionsEnd,
    DepName,
    DepAddress,
    DepCity,
    DepSlotStart,
    DepSlotEnd,
    DepContact,
    DepPhone,
    DepCapacity,
    SizeName,
    SizePersons,
    PriceFrom,
    PriceAmount,
    ClosureWeek,
    ClosureReason,
    FunderName,
    StmtFrom,
    StmtTo,
}

/// The one form open at a time.
#[derive(Debug, Clone, Default)]
pub enum Form {
    #[default]
    None,
    Member(MemberForm),
    Membership(MembershipForm),
    Subscription(SubscriptionForm),
    Absence(AbsenceForm),
    Solidarity(SolidarityForm),
    /// The end of the Paniers Solidaires terms of subscription `0`: last day they apply.
    EndSolidarity(i64, String),
    Depot(DepotForm),
    /// Moving the subscribers of depot `0` to a depot, from a day (typed).
    MoveSubscribers(i64, Option<Choice>, String),
    /// A basket size, new or edited.
    Size(SizeForm),
    /// A new price of size `0`: from, amount.
    Price(i64, String, String),
    /// A closed week: a day of the week, reason.
    Closure(String, String),
    /// A funder, new or edited.
    Funder(FunderForm),
    /// A deletion waiting for the user to confirm it.
    Delete(Deletion),
}

/// The Adhérents screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Garden,
    today: NaiveDate,
    tab: Tab,
    base: Base,
    filter: MemberFilter,
    /// Indexes in `base.rows` passing the filter.
    shown: Vec<usize>,
    page: Option<Page>,
    form: Form,
    form_error: Option<String>,
    message: Option<(Tone, String)>,
    warning: Option<String>,
    calendar_year: i32,
    calendar: Vec<CalendarWeek>,
    /// Replacement days typed per holiday.
    holiday_moves: HashMap<NaiveDate, String>,
    /// Depot chosen per holiday for the next rule (`None`: all depots).
    holiday_scopes: HashMap<NaiveDate, Option<i64>>,
    statement_funder: Option<Choice>,
    statement_from: String,
    statement_to: String,
    busy: bool,
    exporter: super::export::Exporter,
}

/// Messages of the Adhérents screen.
#[derive(Debug, Clone)]
pub enum Message {
    TabSelected(Tab),
    Loaded(Result<Base, StoreError>),
    PageLoaded(Result<Page, StoreError>),
    CalendarLoaded(Result<Vec<CalendarWeek>, StoreError>),
    Refreshed(Result<Refreshed, StoreError>),
    Search(String),
    /// Enter in the search box: opens the household when the search finds only one.
    SearchSubmitted,
    FilterStatus(Choice),
    FilterDepot(Choice),
    FilterSize(Choice),
    UnpaidOnly(bool),
    SolidarityOnly(bool),
    OpenMember(i64),
    BackToList,
    /// "Nouvel adhérent".
    NewMember,
    EditMember,
    NewMembership,
    EditMembership(i64),
    DeleteMembership(i64),
    NewSubscription,
    ChangeSubscription(i64),
    NewAbsence,
    EditAbsence(i64),
    DeleteAbsence(i64),
    EditSolidarity(i64),
    RemoveSolidarity(i64),
    NewDepot,
    EditDepot(i64),
    /// "Déplacer les abonnés vers…" of a depot.
    MoveSubscribers(i64),
    NewSize,
    EditSize(i64),
    SizeActive(bool),
    NewPrice(i64),
    DeletePrice(i64),
    NewClosure,
    DeleteClosure(NaiveDate),
    NewFunder,
    EditFunder(i64),
    FunderActive(bool),
    DeleteFunder(i64),
    Edit(Field, String),
    StatusPicked(MemberStatus),
    MethodPicked(PaymentMethod),
    SizePicked(Choice),
    DepotPicked(Choice),
    SharedWithPicked(Choice),
    FrequencyPicked(Frequency),
    SecondWeek(bool),
    ModePicked(AbsenceMode),
    ShareKindPicked(ShareKind),
    FundingFunder(usize, Choice),
    FundingPercent(usize, String),
    AddFunding,
    RemoveFunding(usize),
    WeekdayPicked(WeekdayChoice),
    DepotActive(bool),
    FunderKindPicked(crate::domain::baskets::FunderKind),
    /// Enter or "Enregistrer" in the open form.
    Save,
    Cancel,
    CalendarYear(i32),
    HolidayMoveTyped(NaiveDate, String),
    HolidayCancel(NaiveDate),
    HolidayMove(NaiveDate),
    /// The depot (id 0: all depots) the next rule of a holiday is for.
    HolidayScope(NaiveDate, Choice),
    /// Removes the rule of a holiday for a depot (`None`: the all-depots rule).
    HolidayDefault(NaiveDate, Option<i64>),
    StatementFunder(Choice),
    MakeStatement,
    StatementSaved(Result<Option<std::path::PathBuf>, String>),
    /// Exporting the list as shown (search and filters) to CSV or Excel.
    Export(super::export::Message<ListExport>),
    /// "Importer…": the app opens the member import.
    OpenImport,
}

/// What the Adhérents screen exports: its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListExport;

impl super::export::Target for ListExport {
    fn file_stem(self) -> &'static str {
        "adherents"
    }
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let (db, today) = (&context.garden, context.today);
        let screen = Screen {
            db: db.clone(),
            today,
            tab: Tab::Members,
            base: Base::default(),
            filter: MemberFilter::default(),
            shown: Vec::new(),
            page: None,
            form: Form::None,
            form_error: None,
            message: None,
            warning: None,
            calendar_year: today.year(),
            calendar: Vec::new(),
            holiday_moves: HashMap::new(),
            holiday_scopes: HashMap::new(),
            statement_funder: None,
            statement_from: format!("01/01/{}", today.year()),
            statement_to: crate::domain::calendar::format_date(today),
            busy: true,
            exporter: super::export::Exporter::default(),
        };
        let task = Task::perform(
            db.call(move |conn| load::base(conn, today)),
            Message::Loaded,
        );
        (screen, task)
    }

    /// Recomputes which rows pass the filter.
    fn refilter(&mut self) {
        self.shown = self
            .base
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| crate::store::members::member_matches(r, &self.filter))
            .map(|(i, _)| i)
            .collect();
    }

    /// The sizes offered in pick lists (active ones).
    fn size_choices(&self) -> Vec<Choice> {
        self.base
            .sizes
            .iter()
            .filter(|s| s.active)
            .map(|s| Choice {
                id: s.id,
                label: s.name.clone(),
            })
            .collect()
    }

    /// The depots offered in pick lists (active ones).
    fn depot_choices(&self) -> Vec<Choice> {
        self.base
            .depots
            .iter()
            .filter(|d| d.active)
            .map(|d| Choice {
                id: d.id,
                label: d.name.clone(),
            })
            .collect()
    }

    /// The funders offered in pick lists (active ones).
    fn funder_choices(&self) -> Vec<Choice> {
        self.base
            .funders
            .iter()
            .filter(|f| f.active)
            .map(|f| Choice {
                id: f.id,
                label: f.name.clone(),
            })
            .collect()
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let tab = |label: &'static str, t: Tab| {
            let b = button(text(label).size(15)).padding([8, 14]);
            if self.tab == t {
                b.style(button::primary).on_press(Message::TabSelected(t))
            } else {
                b.style(button::secondary).on_press(Message::TabSelected(t))
            }
        };
        let tabs = row![
            tab("Adhérents", Tab::Members),
            tab("Formats et dépôts", Tab::Setup),
            tab("Calendrier", Tab::Calendar),
            tab("Financeurs", Tab::Funders),
        ]
        .spacing(8);
        let mut page = column![
            row![
                widgets::page_title("Adhérents", None),
                container(tabs)
                    .width(Length::Fill)
                    .align_right(Length::Fill)
            ]
            .align_y(iced::Alignment::Center)
            .padding(iced::Padding {
                bottom: 14.0,
                ..iced::Padding::ZERO
            })
        ];
        // Always one notices column, so the body keeps its place (and its scroll position)
        // when a message comes or goes.
        let mut notices = Column::new().spacing(8);
        if let Some((tone, message)) = &self.message {
            notices = notices.push(widgets::banner(*tone, message.clone()));
        }
        if let Some(warning) = &self.warning {
            notices = notices.push(widgets::banner(Tone::Warning, warning.clone()));
        }
        if self.message.is_some() || self.warning.is_some() {
            notices = notices.padding(iced::Padding {
                bottom: 14.0,
                ..iced::Padding::ZERO
            });
        }
        page = page.push(notices);
        let body: Element<'_, Message> = match self.tab {
            Tab::Members => match &self.page {
                Some(p) => member::view(self, p),
                None => list::view(self),
            },
            Tab::Setup => setup::view(self),
            Tab::Calendar => calendar::view(self),
            Tab::Funders => funders::view(self),
        };
        page = page.push(body);
        container(page.padding([16, 24]))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

/// A scrollable body filling the rest of the page.
fn scroll<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    scrollable(content).height(Length::Fill).into()
}

/// A small label above a widget.
fn labelled<'a>(label: &'a str, widget: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    column![text(label).size(13).color(theme::MUTED), widget.into()]
        .spacing(3)
        .into()
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        match message {
            Message::OpenImport => {
                screen::Request::OpenImport(crate::ui::import::ImportKind::Members).into()
            }
            message => screen::Action::Run(self.handle(message)),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
