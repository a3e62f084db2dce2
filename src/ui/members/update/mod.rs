//! What the Adhérents screen does with its messages.

mod actions;
mod edits;
mod holidays;
mod save;

use chrono::Datelike;
use iced::Task;
use iced::widget::operation;

use super::forms::{
    AbsenceForm, Deletion, DepotForm, FunderForm, MemberForm, MembershipForm, SizeForm,
    SolidarityForm, SubscriptionForm,
};
use super::{Form, Message, Screen, Tab, ids};
use crate::domain::baskets::MemberStatus;
use crate::domain::calendar::format_date;
use crate::store::{Connection, StoreError, calendar};
use crate::ui::widgets::Tone;

/// A write to run, with the notice to show when it succeeds; it may return a warning.
type Write =
    Box<dyn FnOnce(&Connection) -> Result<(Option<String>, Option<i64>), StoreError> + Send>;

impl Screen {
    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::TabSelected(tab) => {
                self.tab = tab;
                self.form = Form::None;
                self.form_error = None;
                self.message = None;
                self.warning = None;
                if tab == Tab::Calendar {
                    return self.load_calendar();
                }
            }
            Message::Loaded(Ok(base)) => {
                self.base = base;
                self.busy = false;
                self.refilter();
            }
            Message::PageLoaded(Ok(page)) => {
                self.page = Some(page);
                self.busy = false;
            }
            Message::CalendarLoaded(Ok(weeks)) => {
                self.calendar = weeks;
                self.busy = false;
                return super::calendar::show_current_week(&self.calendar, self.today);
            }
            Message::Loaded(Err(e))
            | Message::PageLoaded(Err(e))
            | Message::CalendarLoaded(Err(e)) => {
                self.busy = false;
                self.message = Some((Tone::Error, e.to_string()));
            }
            Message::Refreshed(Ok(r)) => {
                self.busy = false;
                self.base = r.base;
                self.refilter();
                if let Some(page) = r.page {
                    self.page = Some(*page);
                }
                if let Some(weeks) = r.calendar {
                    self.calendar = weeks;
                }
                self.form = Form::None;
                self.form_error = None;
                self.message = Some((Tone::Success, r.notice));
                self.warning = r.warning;
            }
            Message::Refreshed(Err(e)) => {
                // The form stays open with what was typed; without a form, a banner says why.
                self.busy = false;
                if matches!(self.form, Form::None) {
                    self.message = Some((Tone::Error, e.to_string()));
                } else {
                    self.form_error = Some(e.to_string());
                }
            }
            Message::Search(text) => {
                self.filter.search = text;
                self.refilter();
            }
            Message::SearchSubmitted => {
                if let [only] = self.shown[..]
                    && let Some(row) = self.base.rows.get(only)
                {
                    return self.open_member(row.member.id);
                }
            }
            Message::FilterStatus(c) => {
                self.filter.status = usize::try_from(c.id - 1)
                    .ok()
                    .and_then(|i| MemberStatus::ALL.get(i).copied());
                self.refilter();
            }
            Message::FilterDepot(c) => {
                self.filter.depot_id = (c.id > 0).then_some(c.id);
                self.refilter();
            }
            Message::FilterSize(c) => {
                self.filter.size_id = (c.id > 0).then_some(c.id);
                self.refilter();
            }
            Message::UnpaidOnly(on) => {
                self.filter.unpaid_only = on;
                self.refilter();
            }
            Message::SolidarityOnly(on) => {
                self.filter.solidarity_only = on;
                self.refilter();
            }
            Message::OpenMember(id) => return self.open_member(id),
            Message::BackToList => {
                self.page = None;
                self.form = Form::None;
                self.message = None;
                self.warning = None;
            }
            Message::NewMember => {
                self.page = None;
                self.open(Form::Member(MemberForm {
                    status: Some(MemberStatus::Active),
                    joined_on: format_date(self.today),
                    ..MemberForm::default()
                }));
                return operation::focus(ids::LAST_NAME);
            }
            Message::EditMember => {
                if let Some(p) = &self.page {
                    let form = MemberForm::of(&p.member);
                    self.open(Form::Member(form));
                }
            }
            Message::NewMembership => {
                self.open(Form::Membership(MembershipForm::new(self.today)));
                return operation::focus(ids::MS_AMOUNT);
            }
            Message::EditMembership(id) => {
                self.edit_membership(id);
                return operation::focus(ids::MS_AMOUNT);
            }
            Message::DeleteMembership(id) => self.ask_delete(Deletion::Membership(id)),
            Message::NewSubscription => {
                let form = SubscriptionForm::new(
                    self.today,
                    &self.size_choices(),
                    &self.depot_choices(),
                    self.household_choices(),
                );
                self.open(Form::Subscription(form));
                return operation::focus(ids::SUB_START);
            }
            Message::ChangeSubscription(id) => {
                if let Some((sub, _)) = self.sub_of_page(id) {
                    let form = SubscriptionForm::change(
                        &sub,
                        self.today,
                        &self.size_choices(),
                        &self.depot_choices(),
                        self.household_choices(),
                    );
                    self.open(Form::Subscription(form));
                }
            }
            Message::NewAbsence => {
                self.open(Form::Absence(AbsenceForm {
                    mode: Some(crate::domain::baskets::AbsenceMode::Skipped),
                    ..AbsenceForm::default()
                }));
                return operation::focus(ids::ABS_START);
            }
            Message::EditAbsence(id) => {
                let found = self
                    .page
                    .as_ref()
                    .and_then(|p| p.absences.iter().find(|a| a.id == id))
                    .map(AbsenceForm::of);
                if let Some(form) = found {
                    self.open(Form::Absence(form));
                }
            }
            Message::DeleteAbsence(id) => {
                return self.write(
                    "Absence supprimée.",
                    Box::new(move |c| calendar::delete_absence(c, id).map(|()| (None, None))),
                );
            }
            Message::EditSolidarity(id) => {
                if let Some((_, terms)) = self.sub_of_page(id) {
                    let form =
                        SolidarityForm::of(id, terms.as_ref(), &self.funder_choices(), self.today);
                    self.open(Form::Solidarity(form));
                }
            }
            Message::RemoveSolidarity(id) => {
                let today = crate::domain::calendar::format_date(self.today);
                self.open(Form::EndSolidarity(id, today));
            }
            Message::NewDepot => self.open(Form::Depot(DepotForm::new())),
            Message::EditDepot(id) => {
                if let Some(d) = self.base.depots.iter().find(|d| d.id == id) {
                    let form = DepotForm::of(d);
                    self.open(Form::Depot(form));
                }
            }
            Message::NewSize => {
                self.open(Form::Size(SizeForm::new(self.base.sizes.len())));
                return operation::focus(ids::SIZE_NAME);
            }
            Message::EditSize(id) => {
                self.edit_size(id);
                return operation::focus(ids::SIZE_NAME);
            }
            Message::SizeActive(on) => {
                if let Form::Size(f) = &mut self.form {
                    f.active = on;
                }
            }
            Message::DeletePrice(id) => self.ask_delete(Deletion::Price(id)),
            Message::NewPrice(size) => {
                self.open(Form::Price(
                    size,
                    format!("01/01/{}", self.today.year() + 1),
                    String::new(),
                ));
                return operation::focus(ids::PRICE_AMOUNT);
            }
            Message::NewClosure => self.open(Form::Closure(String::new(), String::new())),
            Message::DeleteClosure(monday) => {
                return self.write(
                    "La semaine est de nouveau ouverte.",
                    Box::new(move |c| calendar::delete_closure(c, monday).map(|()| (None, None))),
                );
            }
            Message::NewFunder => {
                self.open(Form::Funder(FunderForm::new()));
                return operation::focus(ids::FUNDER_NAME);
            }
            Message::EditFunder(id) => {
                self.edit_funder(id);
                return operation::focus(ids::FUNDER_NAME);
            }
            Message::FunderActive(on) => {
                if let Form::Funder(f) = &mut self.form {
                    f.active = on;
                }
            }
            Message::DeleteFunder(id) => self.ask_delete(Deletion::Funder(id)),
            Message::Edit(field, value) => self.edit(field, value),
            Message::StatusPicked(s) => {
                if let Form::Member(f) = &mut self.form {
                    f.status = Some(s);
                    // Leaving: offer to end the subscriptions today.
                    if s == MemberStatus::Left && f.id != 0 && f.subscriptions_end.is_empty() {
                        f.subscriptions_end = format_date(self.today);
                    }
                }
            }
            Message::MethodPicked(m) => {
                if let Form::Membership(f) = &mut self.form {
                    f.method = Some(m);
                }
            }
            Message::SizePicked(c) => {
                if let Form::Subscription(f) = &mut self.form {
                    f.size = Some(c);
                }
            }
            Message::SharedWithPicked(c) => self.shared_with_picked(c),
            Message::DepotPicked(c) => match &mut self.form {
                Form::Subscription(f) => f.depot = Some(c),
                Form::MoveSubscribers(_, to, _) => *to = Some(c),
                _ => {}
            },
            Message::MoveSubscribers(id) => {
                let next_monday = crate::domain::calendar::IsoWeek::of(self.today)
                    .next()
                    .monday();
                let from = crate::domain::calendar::format_date(next_monday);
                self.open(Form::MoveSubscribers(id, None, from));
            }
            Message::FrequencyPicked(fr) => {
                if let Form::Subscription(f) = &mut self.form {
                    f.frequency = Some(fr);
                }
            }
            Message::SecondWeek(on) => {
                if let Form::Subscription(f) = &mut self.form {
                    f.second_week = on;
                }
            }
            Message::ModePicked(m) => {
                if let Form::Absence(f) = &mut self.form {
                    f.mode = Some(m);
                }
            }
            Message::ShareKindPicked(k) => {
                if let Form::Solidarity(f) = &mut self.form {
                    f.kind = Some(k);
                }
            }
            Message::FundingFunder(i, c) => {
                if let Form::Solidarity(f) = &mut self.form
                    && let Some(line) = f.funding.get_mut(i)
                {
                    line.0 = Some(c);
                }
            }
            Message::FundingPercent(i, p) => {
                if let Form::Solidarity(f) = &mut self.form
                    && let Some(line) = f.funding.get_mut(i)
                {
                    line.1 = p;
                }
            }
            Message::AddFunding => {
                if let Form::Solidarity(f) = &mut self.form {
                    f.funding.push((None, String::new()));
                }
            }
            Message::RemoveFunding(i) => {
                if let Form::Solidarity(f) = &mut self.form
                    && i < f.funding.len()
                {
                    f.funding.remove(i);
                }
            }
            Message::WeekdayPicked(w) => {
                if let Form::Depot(f) = &mut self.form {
                    f.weekday = Some(w);
                }
            }
            Message::DepotActive(on) => {
                if let Form::Depot(f) = &mut self.form {
                    f.active = on;
                }
            }
            Message::FunderKindPicked(k) => {
                if let Form::Funder(f) = &mut self.form {
                    f.kind = Some(k);
                }
            }
            Message::Save => return self.save(),
            Message::Cancel => {
                self.form = Form::None;
                self.form_error = None;
            }
            Message::CalendarYear(year) => {
                self.calendar_year = year;
                return self.load_calendar();
            }
            Message::HolidayMoveTyped(date, text) => {
                self.holiday_moves.insert(date, text);
            }
            Message::HolidayScope(date, c) => self.holiday_scope_picked(date, c),
            Message::HolidayCancel(date) => return self.holiday_cancel(date),
            Message::HolidayMove(date) => return self.holiday_move(date),
            Message::HolidayDefault(date, depot) => return self.holiday_default(date, depot),
            Message::StatementFunder(c) => self.statement_funder = Some(c),
            Message::MakeStatement => return self.make_statement(),
            Message::StatementSaved(Ok(Some(path))) => {
                self.busy = false;
                self.message = Some((
                    Tone::Success,
                    format!("Relevé enregistré : {}", path.display()),
                ));
            }
            Message::StatementSaved(Ok(None)) => self.busy = false,
            Message::StatementSaved(Err(e)) => {
                self.busy = false;
                self.message = Some((Tone::Error, e));
            }
            // Handled by the application, which opens the import screen.
            Message::OpenImport => {}
            Message::Export(message) => {
                let (rows, shown, filter) = (&self.base.rows, &self.shown, &self.filter);
                let year = self.today.year();
                return self
                    .exporter
                    .update(message, |_| {
                        let kept: Vec<_> = shown.iter().filter_map(|&i| rows.get(i)).collect();
                        crate::ui::export::ready(crate::report::export::lists::members(
                            &kept,
                            year,
                            filter.solidarity_only,
                        ))
                    })
                    .map(Message::Export);
            }
        }
        Task::none()
    }
}
