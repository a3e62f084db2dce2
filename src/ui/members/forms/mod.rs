//! The forms of the Adhérents screen as typed text, and their checks: each turns into a
//! domain value or a French message, leaving what was typed untouched.

mod setup;
mod subscription;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::baskets::{
    Absence, AbsenceMode, Member, MemberStatus, Membership, PaymentMethod,
};
use crate::domain::calendar::{IsoWeek, format_date, parse_date};
use crate::domain::money::{format_euros, parse_euros};

pub use setup::{DepotForm, FunderForm, SizeForm, WEEKDAYS, WeekdayChoice};
pub use subscription::{SolidarityForm, SubscriptionForm};

/// An id and the label shown for it in a pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Row id.
    pub id: i64,
    /// What the user sees.
    pub label: String,
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// A date field: empty gives `None`, else it must be a real date.
pub fn optional_date(text: &str, what: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .ok_or_else(|| format!("{what} : date non reconnue, tapez-la comme 28/11/2026."))
}

/// A required date field.
pub fn required_date(text: &str, what: &str) -> Result<NaiveDate, String> {
    optional_date(text, what)?.ok_or_else(|| format!("{what} : indiquez une date (28/11/2026)."))
}

/// An amount as the user would type it again: "12,50" (no euro sign).
pub(super) fn euros_typed(cents: i64) -> String {
    format_euros(cents)
        .trim_end_matches('€')
        .trim_end_matches('\u{a0}')
        .replace(['\u{a0}', '\u{202f}'], "")
}

pub(super) fn show(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// The household form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberForm {
    pub id: i64,
    pub last_name: String,
    pub first_name: String,
    pub co_member: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub phone: String,
    pub phone2: String,
    pub email: String,
    pub notes: String,
    pub status: Option<MemberStatus>,
    pub joined_on: String,
    /// When the status becomes « Parti »: the last day of the household's subscriptions
    /// (empty: they are left as they are).
    pub subscriptions_end: String,
}

impl MemberForm {
    /// The form filled with `m`.
    pub fn of(m: &Member) -> Self {
        MemberForm {
            id: m.id,
            last_name: m.last_name.clone(),
            first_name: m.first_name.clone(),
            co_member: m.co_member.clone(),
            address: m.address.clone(),
            postcode: m.postcode.clone(),
            city: m.city.clone(),
            phone: m.phone.clone(),
            phone2: m.phone2.clone(),
            email: m.email.clone(),
            notes: m.notes.clone(),
            status: Some(m.status),
            joined_on: show(m.joined_on),
            subscriptions_end: String::new(),
        }
    }

    /// The member typed, or what to correct.
    pub fn to_member(&self) -> Result<Member, String> {
        if self.last_name.trim().is_empty() {
            return Err("Le nom de l'adhérent est obligatoire.".into());
        }
        let email = self.email.trim();
        if !email.is_empty() && !email.contains('@') {
            return Err("L'adresse e-mail doit contenir un @.".into());
        }
        Ok(Member {
            id: self.id,
            last_name: self.last_name.trim().to_owned(),
            first_name: self.first_name.trim().to_owned(),
            co_member: self.co_member.trim().to_owned(),
            address: self.address.trim().to_owned(),
            postcode: self.postcode.trim().to_owned(),
            city: self.city.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            phone2: self.phone2.trim().to_owned(),
            email: email.to_owned(),
            notes: self.notes.clone(),
            status: self.status.unwrap_or(MemberStatus::Active),
            joined_on: optional_date(&self.joined_on, "Date d'adhésion")?,
        })
    }
}

/// The yearly membership form; `id` is 0 for a new membership.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MembershipForm {
    pub id: i64,
    pub year: String,
    pub amount: String,
    pub paid_on: String,
    pub method: Option<PaymentMethod>,
}

impl MembershipForm {
    /// An empty form for `today`'s year.
    pub fn new(today: NaiveDate) -> Self {
        MembershipForm {
            id: 0,
            year: today.year().to_string(),
            amount: String::new(),
            paid_on: format_date(today),
            method: Some(PaymentMethod::Cheque),
        }
    }

    /// The form filled with `m`, to change it.
    pub fn of(m: &Membership) -> Self {
        MembershipForm {
            id: m.id,
            year: m.year.to_string(),
            amount: euros_typed(m.amount),
            paid_on: format_date(m.paid_on),
            method: Some(m.method),
        }
    }

    /// The membership typed for `member_id`, or what to correct.
    pub fn to_membership(&self, member_id: i64) -> Result<Membership, String> {
        let year: i32 = self
            .year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or("Année de cotisation : tapez une année comme 2026.")?;
        let amount = parse_euros(&self.amount)
            .filter(|a| *a > 0)
            .ok_or("Montant de la cotisation : tapez un montant comme 20 ou 15,50.")?;
        Ok(Membership {
            id: self.id,
            member_id,
            year,
            amount,
            paid_on: required_date(&self.paid_on, "Date de paiement")?,
            method: self.method.ok_or("Choisissez le mode de paiement.")?,
        })
    }
}

/// The absence form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AbsenceForm {
    pub id: i64,
    pub start: String,
    pub end: String,
    pub mode: Option<AbsenceMode>,
    /// `MadeUp` only: a day of the chosen week, empty for the first delivery after return.
    pub makeup_week: String,
    pub notes: String,
}

impl AbsenceForm {
    /// The form filled with `a`.
    pub fn of(a: &Absence) -> Self {
        AbsenceForm {
            id: a.id,
            start: format_date(a.start),
            end: format_date(a.end),
            mode: Some(a.mode),
            makeup_week: show(a.makeup_monday),
            notes: a.notes.clone(),
        }
    }

    /// The absence typed for `member_id`, or what to correct.
    pub fn to_absence(&self, member_id: i64) -> Result<Absence, String> {
        let start = required_date(&self.start, "Départ")?;
        let end = required_date(&self.end, "Retour")?;
        if end < start {
            return Err(
                "Le dernier jour d'absence ne peut pas précéder le premier : vérifiez les dates."
                    .into(),
            );
        }
        let mode = self.mode.unwrap_or(AbsenceMode::Skipped);
        let makeup_monday = if mode == AbsenceMode::MadeUp {
            optional_date(&self.makeup_week, "Semaine de rattrapage")?
                .map(|d| IsoWeek::of(d).day(Weekday::Mon))
        } else {
            None
        };
        Ok(Absence {
            id: self.id,
            member_id,
            start,
            end,
            mode,
            makeup_monday,
            notes: self.notes.clone(),
        })
    }
}

/// A deletion waiting for the user to confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    /// A yearly membership.
    Membership(i64),
    /// A price of a basket size.
    Price(i64),
    /// A funder that funds no basket.
    Funder(i64),
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::baskets::Frequency;

    #[test]
    fn subscription_ending_before_it_starts_is_refused() {
        let size = Choice {
            id: 1,
            label: "Petit".into(),
        };
        let mut form = SubscriptionForm::new(
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            std::slice::from_ref(&size),
            std::slice::from_ref(&size),
            vec![Choice {
                id: 7,
                label: "ROY Léa".into(),
            }],
        );
        form.end = "01/03/2026".into();
        assert!(form.to_subscription(1).unwrap_err().contains("précéder"));
        form.end.clear();
        form.frequency = Some(Frequency::Fortnightly);
        form.second_week = true;
        let sub = form.to_subscription(1).unwrap();
        assert_eq!(
            sub.anchor_monday,
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        );
        assert_eq!(sub.shared_with, None);
        // Shared with another household; "personne" means not shared; never itself.
        form.shared_with = form.households.options().get(1).cloned();
        assert_eq!(form.to_subscription(1).unwrap().shared_with, Some(7));
        form.shared_with = Some(subscription::not_shared());
        assert_eq!(form.to_subscription(1).unwrap().shared_with, None);
        form.shared_with = form.households.options().get(1).cloned();
        assert!(form.to_subscription(7).unwrap_err().contains("autre foyer"));
    }

    #[test]
    fn membership_form_round_trip_and_bad_amount() {
        let paid = Membership {
            id: 4,
            member_id: 2,
            year: 2026,
            amount: 1550,
            paid_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            method: PaymentMethod::Transfer,
        };
        let mut form = MembershipForm::of(&paid);
        assert_eq!(form.amount, "15,50");
        assert_eq!(form.to_membership(2).unwrap(), paid);
        form.amount = "0".into();
        assert!(form.to_membership(2).unwrap_err().contains("Montant"));
        assert_eq!(form.amount, "0", "what was typed stays");
        assert_eq!(euros_typed(123_456), "1234,56");
    }

    #[test]
    fn changing_a_fortnightly_subscription_keeps_its_weeks() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let choice = |id: i64, label: &str| Choice {
            id,
            label: label.into(),
        };
        // Anchored on Monday 14 December 2026 (week 51); changed from 4 January 2027.
        let sub = crate::domain::baskets::Subscription {
            id: 3,
            member_id: 1,
            shared_with: None,
            size_id: 1,
            depot_id: 1,
            quantity: 1,
            start: d(2026, 12, 14),
            end: None,
            frequency: Frequency::Fortnightly,
            anchor_monday: d(2026, 12, 14),
        };
        let sizes = [choice(1, "Petit")];
        let depots = [choice(1, "Mairie"), choice(2, "Gare")];
        let mut form = SubscriptionForm::change(&sub, d(2027, 1, 4), &sizes, &depots, vec![]);
        form.depot = Some(choice(2, "Gare"));
        let new = form.to_subscription(1).unwrap();
        assert_eq!(new.anchor_monday, d(2026, 12, 14), "same A / B weeks");
        // A weekly subscription made fortnightly gets its anchor from the form.
        let weekly = crate::domain::baskets::Subscription {
            frequency: Frequency::Weekly,
            ..sub
        };
        let mut form = SubscriptionForm::change(&weekly, d(2027, 1, 4), &sizes, &depots, vec![]);
        form.frequency = Some(Frequency::Fortnightly);
        assert_eq!(
            form.to_subscription(1).unwrap().anchor_monday,
            d(2027, 1, 4)
        );
    }

    #[test]
    fn bad_shares_and_depot_without_weekday() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut form = SolidarityForm::of(1, None, &[], today);
        assert_eq!(
            form.start, "28/11/2026",
            "a new period starts today by default"
        );
        assert_eq!(form.unfunded_percent(), None, "one line at 100 %");
        form.funding[0].1 = "60".into();
        assert_eq!(form.unfunded_percent(), Some(40), "100 − 60");
        form.funding.clear();
        assert_eq!(
            form.unfunded_percent(),
            Some(100),
            "no funder: all unfunded"
        );
        form.funding.push((None, "100".into()));
        form.value = "120".into();
        assert!(form.to_solidarity().unwrap_err().contains("100 %"));
        form.value = "30".into();
        assert!(form.to_solidarity().unwrap_err().contains("financeur"));
        let mut depot = DepotForm::new();
        depot.name = "Mairie".into();
        assert!(depot.to_depot().unwrap_err().contains("jour de livraison"));
    }
}
