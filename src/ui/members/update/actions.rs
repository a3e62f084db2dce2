//! Small steps of the Adhérents screen: opening a form or a member, loading the calendar,
//! running a write, making a funder statement.

use iced::Task;

use super::Write;
use crate::store::week;
use crate::ui::members::forms::{optional_date, required_date};
use crate::ui::members::load::{self, Page};
use crate::ui::members::{Form, Message, Screen, Tab};
use crate::ui::widgets::Tone;

impl Screen {
    pub(super) fn open(&mut self, form: Form) {
        self.form = form;
        self.form_error = None;
        self.message = None;
        self.warning = None;
    }

    pub(in crate::ui::members) fn sub_of_page(
        &self,
        id: i64,
    ) -> Option<(
        crate::domain::baskets::Subscription,
        Option<crate::domain::baskets::Solidarity>,
    )> {
        self.page
            .as_ref()?
            .subscriptions
            .iter()
            .find(|(s, _)| s.id == id)
            .cloned()
    }

    /// The price of one basket of subscription `id` (of the member shown) today, or on its
    /// first day when it starts later.
    pub(in crate::ui::members) fn price_of_subscription(
        &self,
        id: i64,
    ) -> Option<crate::domain::money::Cents> {
        let (sub, _) = self.sub_of_page(id)?;
        let prices: Vec<_> = self
            .base
            .prices
            .iter()
            .filter(|p| p.size_id == sub.size_id)
            .cloned()
            .collect();
        crate::domain::baskets::price_on(&prices, self.today.max(sub.start))
    }

    pub(super) fn open_member(&mut self, id: i64) -> Task<Message> {
        self.form = Form::None;
        self.message = None;
        self.warning = None;
        self.busy = true;
        let today = self.today;
        Task::perform(
            self.db.call(move |conn| load::page(conn, id, today)),
            Message::PageLoaded,
        )
    }

    pub(super) fn load_calendar(&mut self) -> Task<Message> {
        self.busy = true;
        let year = self.calendar_year;
        Task::perform(
            self.db.call(move |conn| week::season_calendar(conn, year)),
            Message::CalendarLoaded,
        )
    }

    /// Runs `work` then reads everything back; on failure the form stays as typed.
    pub(super) fn write(&mut self, notice: &str, work: Write) -> Task<Message> {
        self.busy = true;
        let today = self.today;
        let member = self.page.as_ref().map(|p: &Page| p.member.id);
        let year = (self.tab == Tab::Calendar).then_some(self.calendar_year);
        let notice = notice.to_owned();
        Task::perform(
            self.db.write(move |conn| {
                // Each store write runs its own transaction.
                let (warning, opened) = work(conn)?;
                load::refreshed(conn, today, opened.or(member), year, notice, warning)
            }),
            Message::Refreshed,
        )
    }

    pub(super) fn make_statement(&mut self) -> Task<Message> {
        let Some(funder) = self.statement_funder.clone() else {
            self.message = Some((Tone::Error, "Choisissez le financeur.".into()));
            return Task::none();
        };
        let period = required_date(&self.statement_from, "Du").and_then(|from| {
            let to = optional_date(&self.statement_to, "Au")?.unwrap_or(self.today);
            if to < from {
                Err("La fin de la période précède son début.".to_owned())
            } else {
                Ok((from, to))
            }
        });
        let (from, to) = match period {
            Ok(p) => p,
            Err(e) => {
                self.message = Some((Tone::Error, e));
                return Task::none();
            }
        };
        self.busy = true;
        let db = self.db.clone();
        Task::perform(
            crate::ui::members::funders::save_statement(db, funder, from, to),
            Message::StatementSaved,
        )
    }
}
