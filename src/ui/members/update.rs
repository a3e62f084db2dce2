//! What the Adhérents screen does with its messages.

use chrono::Datelike;
use iced::Task;
use iced::widget::operation;

use super::forms::{
    AbsenceForm, DepotForm, MemberForm, MembershipForm, SolidarityForm, SubscriptionForm,
    optional_date, required_date,
};
use super::load::{self, Page};
use super::{Field, Form, Message, Screen, Tab, ids};
use crate::domain::baskets::{
    BasketPrice, BasketSize, Closure, Funder, FunderKind, HolidayAction, HolidayRule, MemberStatus,
};
use crate::domain::calendar::{IsoWeek, format_date, parse_date};
use crate::domain::money::parse_euros;
use crate::store::{Connection, StoreError, baskets, calendar, members, week};
use crate::ui::widgets::Tone;

/// A write to run, with the notice to show when it succeeds; it may return a warning.
type Write =
    Box<dyn FnOnce(&Connection) -> Result<(Option<String>, Option<i64>), StoreError> + Send>;

impl Screen {
    /// Handles a message; the returned task is run by the application.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::TabSelected(tab) => {
                self.tab = tab;
                self.form = Form::None;
                self.form_error = None;
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
                if r.page.is_some() {
                    self.page = r.page;
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
                // The form stays open with what was typed.
                self.busy = false;
                self.form_error = Some(e.to_string());
            }
            Message::Search(text) => {
                self.filter.search = text;
                self.refilter();
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
            Message::NewMembership => self.open(Form::Membership(MembershipForm::new(self.today))),
            Message::NewSubscription => {
                let form =
                    SubscriptionForm::new(self.today, &self.size_choices(), &self.depot_choices());
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
                    let form = SolidarityForm::of(id, terms.as_ref(), &self.funder_choices());
                    self.open(Form::Solidarity(form));
                }
            }
            Message::RemoveSolidarity(id) => {
                return self.write(
                    "Ce panier n'est plus un Panier Solidaire.",
                    Box::new(move |c| baskets::remove_solidarity(c, id).map(|()| (None, None))),
                );
            }
            Message::NewDepot => self.open(Form::Depot(DepotForm::new())),
            Message::EditDepot(id) => {
                if let Some(d) = self.base.depots.iter().find(|d| d.id == id) {
                    let form = DepotForm::of(d);
                    self.open(Form::Depot(form));
                }
            }
            Message::NewSize => self.open(Form::Size(String::new(), String::new())),
            Message::NewPrice(size) => self.open(Form::Price(
                size,
                format!("01/01/{}", self.today.year() + 1),
                String::new(),
            )),
            Message::NewClosure => self.open(Form::Closure(String::new(), String::new())),
            Message::DeleteClosure(monday) => {
                return self.write(
                    "La semaine est de nouveau ouverte.",
                    Box::new(move |c| calendar::delete_closure(c, monday).map(|()| (None, None))),
                );
            }
            Message::NewFunder => self.open(Form::Funder(String::new(), Some(FunderKind::Caf))),
            Message::Edit(field, value) => self.edit(field, value),
            Message::StatusPicked(s) => {
                if let Form::Member(f) = &mut self.form {
                    f.status = Some(s);
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
            Message::DepotPicked(c) => {
                if let Form::Subscription(f) = &mut self.form {
                    f.depot = Some(c);
                }
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
                if let Form::Funder(_, kind) = &mut self.form {
                    *kind = Some(k);
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
            Message::HolidayCancel(date) => {
                let rule = holiday(date, HolidayAction::Cancelled, None);
                return self.write(
                    "Livraison annulée pour ce jour férié.",
                    Box::new(move |c| calendar::set_holiday_rule(c, &rule).map(|_| (None, None))),
                );
            }
            Message::HolidayMove(date) => {
                let typed = self.holiday_moves.get(&date).cloned().unwrap_or_default();
                let Some(to) = parse_date(&typed) else {
                    self.message = Some((
                        Tone::Error,
                        format!(
                            "Férié du {} : tapez le jour de remplacement (28/11/2026) avant « Déplacer ».",
                            format_date(date)
                        ),
                    ));
                    return Task::none();
                };
                let rule = holiday(date, HolidayAction::Moved, Some(to));
                return self.write(
                    "Livraison déplacée.",
                    Box::new(move |c| calendar::set_holiday_rule(c, &rule).map(|_| (None, None))),
                );
            }
            Message::HolidayDefault(date) => {
                return self.write(
                    "Règle retirée : la livraison est annulée par défaut ce jour férié.",
                    Box::new(move |c| {
                        calendar::clear_holiday_rule(c, date, None).map(|()| (None, None))
                    }),
                );
            }
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
        }
        Task::none()
    }

    fn open(&mut self, form: Form) {
        self.form = form;
        self.form_error = None;
        self.message = None;
        self.warning = None;
    }

    fn sub_of_page(
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

    fn open_member(&mut self, id: i64) -> Task<Message> {
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

    fn load_calendar(&mut self) -> Task<Message> {
        self.busy = true;
        let year = self.calendar_year;
        Task::perform(
            self.db.call(move |conn| week::season_calendar(conn, year)),
            Message::CalendarLoaded,
        )
    }

    /// Runs `work` then reads everything back; on failure the form stays as typed.
    fn write(&mut self, notice: &str, work: Write) -> Task<Message> {
        self.busy = true;
        let today = self.today;
        let member = self.page.as_ref().map(|p: &Page| p.member.id);
        let year = (self.tab == Tab::Calendar).then_some(self.calendar_year);
        let notice = notice.to_owned();
        Task::perform(
            self.db.call(move |conn| {
                // Each store write runs its own transaction.
                let (warning, opened) = work(conn)?;
                load::refreshed(conn, today, opened.or(member), year, notice, warning)
            }),
            Message::Refreshed,
        )
    }

    fn edit(&mut self, field: Field, v: String) {
        use Field as F;
        match (&mut self.form, field) {
            (Form::Member(f), F::LastName) => f.last_name = v,
            (Form::Member(f), F::FirstName) => f.first_name = v,
            (Form::Member(f), F::CoMember) => f.co_member = v,
            (Form::Member(f), F::Address) => f.address = v,
            (Form::Member(f), F::Postcode) => f.postcode = v,
            (Form::Member(f), F::City) => f.city = v,
            (Form::Member(f), F::Phone) => f.phone = v,
            (Form::Member(f), F::Phone2) => f.phone2 = v,
            (Form::Member(f), F::Email) => f.email = v,
            (Form::Member(f), F::Notes) => f.notes = v,
            (Form::Member(f), F::JoinedOn) => f.joined_on = v,
            (Form::Membership(f), F::MsYear) => f.year = v,
            (Form::Membership(f), F::MsAmount) => f.amount = v,
            (Form::Membership(f), F::MsPaidOn) => f.paid_on = v,
            (Form::Subscription(f), F::SubQuantity) => f.quantity = v,
            (Form::Subscription(f), F::SubStart) => f.start = v,
            (Form::Subscription(f), F::SubEnd) => f.end = v,
            (Form::Absence(f), F::AbsStart) => f.start = v,
            (Form::Absence(f), F::AbsEnd) => f.end = v,
            (Form::Absence(f), F::AbsMakeUp) => f.makeup_week = v,
            (Form::Absence(f), F::AbsNotes) => f.notes = v,
            (Form::Solidarity(f), F::SolValue) => f.value = v,
            (Form::Solidarity(f), F::SolWorker) => f.social_worker = v,
            (Form::Solidarity(f), F::SolBody) => f.referring_body = v,
            (Form::Solidarity(f), F::SolReview) => f.review_on = v,
            (Form::Depot(f), F::DepName) => f.name = v,
            (Form::Depot(f), F::DepAddress) => f.address = v,
            (Form::Depot(f), F::DepCity) => f.city = v,
            (Form::Depot(f), F::DepSlotStart) => f.slot_start = v,
            (Form::Depot(f), F::DepSlotEnd) => f.slot_end = v,
            (Form::Depot(f), F::DepContact) => f.contact_name = v,
            (Form::Depot(f), F::DepPhone) => f.contact_phone = v,
            (Form::Depot(f), F::DepCapacity) => f.capacity = v,
            (Form::Size(name, _), F::SizeName) => *name = v,
            (Form::Size(_, persons), F::SizePersons) => *persons = v,
            (Form::Price(_, from, _), F::PriceFrom) => *from = v,
            (Form::Price(_, _, amount), F::PriceAmount) => *amount = v,
            (Form::Closure(day, _), F::ClosureWeek) => *day = v,
            (Form::Closure(_, reason), F::ClosureReason) => *reason = v,
            (Form::Funder(name, _), F::FunderName) => *name = v,
            (_, F::StmtFrom) => self.statement_from = v,
            (_, F::StmtTo) => self.statement_to = v,
            _ => {}
        }
    }

    /// Checks the open form and saves it; a French message next to the form otherwise.
    fn save(&mut self) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        match self.checked_write() {
            Ok((notice, work)) => self.write(notice, work),
            Err(message) => {
                self.form_error = Some(message);
                Task::none()
            }
        }
    }

    fn checked_write(&self) -> Result<(&'static str, Write), String> {
        let member_id = self.page.as_ref().map_or(0, |p| p.member.id);
        Ok(match &self.form {
            Form::None => return Err(String::new()),
            Form::Member(f) => {
                let m = f.to_member()?;
                let notice = if m.id == 0 {
                    "Adhérent enregistré."
                } else {
                    "Fiche enregistrée."
                };
                (
                    notice,
                    Box::new(move |c| {
                        if m.id == 0 {
                            let id = members::insert_member(c, &m)?;
                            Ok((None, Some(id)))
                        } else {
                            members::update_member(c, &m).map(|()| (None, None))
                        }
                    }),
                )
            }
            Form::Membership(f) => {
                let ms = f.to_membership(member_id)?;
                (
                    "Cotisation enregistrée.",
                    Box::new(move |c| members::insert_membership(c, &ms).map(|_| (None, None))),
                )
            }
            Form::Subscription(f) => {
                let sub = f.to_subscription(member_id)?;
                let changing = f.changing;
                (
                    if changing.is_some() {
                        "Changement enregistré : l'ancien abonnement s'arrête la veille."
                    } else {
                        "Abonnement enregistré."
                    },
                    Box::new(move |c| {
                        let except = changing.unwrap_or(0);
                        let warning = baskets::capacity_warning(
                            c,
                            sub.depot_id,
                            sub.start,
                            except,
                            sub.quantity,
                        )?;
                        match changing {
                            Some(old) => baskets::change_subscription(c, old, sub.start, &sub)?,
                            None => baskets::insert_subscription(c, &sub)?,
                        };
                        Ok((warning, None))
                    }),
                )
            }
            Form::Absence(f) => {
                let a = f.to_absence(member_id)?;
                (
                    "Absence enregistrée.",
                    Box::new(move |c| {
                        if a.id == 0 {
                            calendar::insert_absence(c, &a)?;
                        } else {
                            calendar::update_absence(c, &a)?;
                        }
                        Ok((None, None))
                    }),
                )
            }
            Form::Solidarity(f) => {
                let s = f.to_solidarity()?;
                let price = self.sub_of_page(s.subscription_id).and_then(|(sub, _)| {
                    let prices: Vec<_> = self
                        .base
                        .prices
                        .iter()
                        .filter(|p| p.size_id == sub.size_id)
                        .cloned()
                        .collect();
                    crate::domain::baskets::price_on(&prices, self.today.max(sub.start))
                });
                let warning = price.filter(|p| s.share_too_high(*p)).map(|p| {
                    format!(
                        "Le foyer paie {} pour un panier à {} : plus de 30 % du prix.",
                        crate::domain::money::format_euros(s.household_pays(p)),
                        crate::domain::money::format_euros(p)
                    )
                });
                (
                    "Conditions Paniers Solidaires enregistrées.",
                    Box::new(move |c| baskets::set_solidarity(c, &s).map(|()| (warning, None))),
                )
            }
            Form::Depot(f) => {
                let d = f.to_depot()?;
                (
                    "Dépôt enregistré.",
                    Box::new(move |c| {
                        if d.id == 0 {
                            baskets::insert_depot(c, &d)?;
                        } else {
                            baskets::update_depot(c, &d)?;
                        }
                        Ok((None, None))
                    }),
                )
            }
            Form::Size(name, persons) => {
                if name.trim().is_empty() {
                    return Err("Le nom du format est obligatoire (petit, grand…).".into());
                }
                let size = BasketSize {
                    id: 0,
                    name: name.trim().to_owned(),
                    persons: persons.trim().to_owned(),
                    position: i64::try_from(self.base.sizes.len()).unwrap_or(0) + 1,
                    active: true,
                };
                (
                    "Format enregistré : ajoutez-lui un prix.",
                    Box::new(move |c| baskets::insert_basket_size(c, &size).map(|_| (None, None))),
                )
            }
            Form::Price(size_id, from, amount) => {
                let valid_from = required_date(from, "Prix à partir du")?;
                let price =
                    parse_euros(amount).ok_or("Prix : tapez un montant comme 12 ou 12,50.")?;
                if price <= 0 {
                    return Err("Le prix d'un panier doit être supérieur à 0 €.".into());
                }
                let p = BasketPrice {
                    id: 0,
                    size_id: *size_id,
                    valid_from,
                    price,
                };
                (
                    "Prix enregistré.",
                    Box::new(move |c| baskets::insert_basket_price(c, &p).map(|_| (None, None))),
                )
            }
            Form::Closure(day, reason) => {
                let day = required_date(day, "Semaine fermée (un jour de la semaine)")?;
                let closure = Closure {
                    monday: IsoWeek::of(day).monday(),
                    reason: reason.trim().to_owned(),
                };
                (
                    "Semaine de fermeture enregistrée.",
                    Box::new(move |c| calendar::insert_closure(c, &closure).map(|()| (None, None))),
                )
            }
            Form::Funder(name, kind) => {
                if name.trim().is_empty() {
                    return Err("Le nom du financeur est obligatoire.".into());
                }
                let funder = Funder {
                    id: 0,
                    name: name.trim().to_owned(),
                    kind: kind.unwrap_or(FunderKind::Other),
                    active: true,
                };
                (
                    "Financeur enregistré.",
                    Box::new(move |c| baskets::insert_funder(c, &funder).map(|_| (None, None))),
                )
            }
        })
    }

    fn make_statement(&mut self) -> Task<Message> {
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
            super::setup::save_statement(db, funder, from, to),
            Message::StatementSaved,
        )
    }
}

fn holiday(
    date: chrono::NaiveDate,
    action: HolidayAction,
    moved_to: Option<chrono::NaiveDate>,
) -> HolidayRule {
    HolidayRule {
        id: 0,
        date,
        depot_id: None,
        action,
        moved_to,
    }
}
