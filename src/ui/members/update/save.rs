//! Typing into the open form, and turning it into the write to run when it is saved.

use iced::Task;

use super::Write;
use crate::domain::baskets::{BasketPrice, Closure};
use crate::domain::calendar::IsoWeek;
use crate::domain::money::parse_euros;
use crate::store::{baskets, calendar, members};
use crate::ui::members::forms::{Deletion, required_date};
use crate::ui::members::{Field, Form, Message, Screen};

impl Screen {
    pub(super) fn edit(&mut self, field: Field, v: String) {
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
            (Form::Solidarity(f), F::SolStart) => f.start = v,
            (Form::EndSolidarity(_, end), F::SolEnd) => *end = v,
            (Form::MoveSubscribers(_, _, from), F::MoveFrom) => *from = v,
            (Form::Member(f), F::SubscriptionsEnd) => f.subscriptions_end = v,
            (Form::Depot(f), F::DepName) => f.name = v,
            (Form::Depot(f), F::DepAddress) => f.address = v,
            (Form::Depot(f), F::DepCity) => f.city = v,
            (Form::Depot(f), F::DepSlotStart) => f.slot_start = v,
            (Form::Depot(f), F::DepSlotEnd) => f.slot_end = v,
            (Form::Depot(f), F::DepContact) => f.contact_name = v,
            (Form::Depot(f), F::DepPhone) => f.contact_phone = v,
            (Form::Depot(f), F::DepCapacity) => f.capacity = v,
            (Form::Size(f), F::SizeName) => f.name = v,
            (Form::Size(f), F::SizePersons) => f.persons = v,
            (Form::Price(_, from, _), F::PriceFrom) => *from = v,
            (Form::Price(_, _, amount), F::PriceAmount) => *amount = v,
            (Form::Closure(day, _), F::ClosureWeek) => *day = v,
            (Form::Closure(_, reason), F::ClosureReason) => *reason = v,
            (Form::Funder(f), F::FunderName) => f.name = v,
            (_, F::StmtFrom) => self.statement_from = v,
            (_, F::StmtTo) => self.statement_to = v,
            _ => {}
        }
    }

    /// Checks the open form and saves it; a French message next to the form otherwise.
    pub(super) fn save(&mut self) -> Task<Message> {
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
                let ends = if m.status == crate::domain::baskets::MemberStatus::Left && m.id != 0 {
                    crate::ui::members::forms::optional_date(
                        &f.subscriptions_end,
                        "Fin des abonnements le",
                    )?
                } else {
                    None
                };
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
                        } else if let Some(end) = ends {
                            let tx = c.unchecked_transaction()?;
                            members::update_member(&tx, &m)?;
                            baskets::end_subscriptions_of(&tx, m.id, end)?;
                            tx.commit()?;
                            Ok((None, None))
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
                    Box::new(move |c| {
                        if ms.id == 0 {
                            members::insert_membership(c, &ms)?;
                        } else {
                            members::update_membership(c, &ms)?;
                        }
                        Ok((None, None))
                    }),
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
                let price = self.price_of_subscription(s.subscription_id);
                let warning = price.filter(|p| s.share_too_high(*p)).map(|p| {
                    format!(
                        "Le foyer paie {} pour un panier à {} : plus de 30 % du prix.",
                        crate::domain::money::format_euros(s.household_pays(p)),
                        crate::domain::money::format_euros(p)
                    )
                });
                (
                    "Conditions Paniers Solidaires enregistrées.",
                    Box::new(move |c| baskets::set_solidarity(c, &s).map(|_| (warning, None))),
                )
            }
            Form::EndSolidarity(id, end) => {
                let (id, end) = (*id, required_date(end, "Dernier jour")?);
                (
                    "Conditions Paniers Solidaires terminées (les paniers déjà livrés les gardent).",
                    Box::new(move |c| baskets::end_solidarity(c, id, end).map(|()| (None, None))),
                )
            }
            Form::MoveSubscribers(from_depot, to, from) => {
                let from_depot = *from_depot;
                let to = to
                    .as_ref()
                    .ok_or("Choisissez le dépôt où vont les abonnés.")?
                    .id;
                let monday =
                    IsoWeek::of(required_date(from, "À partir de la semaine du")?).monday();
                (
                    "Abonnés déplacés (leur historique est gardé).",
                    Box::new(move |c| {
                        baskets::move_subscribers(c, from_depot, to, monday).map(|_| (None, None))
                    }),
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
            Form::Size(f) => {
                let size = f.to_size()?;
                let today = self.today;
                (
                    "Format enregistré.",
                    Box::new(move |c| {
                        if size.id == 0 {
                            baskets::insert_basket_size(c, &size)?;
                            return Ok((
                                Some("Ajoutez-lui un prix avec « Nouveau prix… ».".into()),
                                None,
                            ));
                        }
                        baskets::update_basket_size(c, &size)?;
                        Ok((baskets::inactive_size_warning(c, &size, today)?, None))
                    }),
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
            Form::Funder(f) => {
                let funder = f.to_funder()?;
                (
                    "Financeur enregistré.",
                    Box::new(move |c| {
                        if funder.id == 0 {
                            baskets::insert_funder(c, &funder)?;
                        } else {
                            baskets::update_funder(c, &funder)?;
                        }
                        Ok((None, None))
                    }),
                )
            }
            Form::Delete(what) => {
                let what = *what;
                (
                    match what {
                        Deletion::Membership(_) => "Cotisation supprimée.",
                        Deletion::Price(_) => "Prix supprimé.",
                        Deletion::Funder(_) => "Financeur supprimé.",
                    },
                    Box::new(move |c| {
                        match what {
                            Deletion::Membership(id) => members::delete_membership(c, id)?,
                            Deletion::Price(id) => baskets::delete_basket_price(c, id)?,
                            Deletion::Funder(id) => baskets::delete_funder(c, id)?,
                        }
                        Ok((None, None))
                    }),
                )
            }
        })
    }
}
