//! The forms of the Adhérents screen as typed text, and their checks: each turns into a
//! domain value or a French message, leaving what was typed untouched.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::baskets::{
    Absence, AbsenceMode, Depot, Frequency, FundingShare, Member, MemberStatus, Membership,
    PaymentMethod, ShareKind, Solidarity, Subscription,
};
use crate::domain::calendar::{IsoWeek, format_date, parse_date};
use crate::domain::money::{format_euros, parse_euros};

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

fn show(date: Option<NaiveDate>) -> String {
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

/// The yearly membership form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MembershipForm {
    pub year: String,
    pub amount: String,
    pub paid_on: String,
    pub method: Option<PaymentMethod>,
}

impl MembershipForm {
    /// An empty form for `today`'s year.
    pub fn new(today: NaiveDate) -> Self {
        MembershipForm {
            year: today.year().to_string(),
            amount: String::new(),
            paid_on: format_date(today),
            method: Some(PaymentMethod::Cheque),
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
            id: 0,
            member_id,
            year,
            amount,
            paid_on: required_date(&self.paid_on, "Date de paiement")?,
            method: self.method.ok_or("Choisissez le mode de paiement.")?,
        })
    }
}

/// The subscription form; `changing` holds the subscription being changed from a date on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubscriptionForm {
    pub changing: Option<i64>,
    pub size: Option<Choice>,
    pub depot: Option<Choice>,
    pub quantity: String,
    pub start: String,
    pub end: String,
    pub frequency: Option<Frequency>,
    /// Fortnightly: first basket the week after the start instead of the week of the start.
    pub second_week: bool,
}

impl SubscriptionForm {
    /// An empty form starting `today`, on the first size and depot offered.
    pub fn new(today: NaiveDate, sizes: &[Choice], depots: &[Choice]) -> Self {
        SubscriptionForm {
            changing: None,
            size: sizes.first().cloned(),
            depot: depots.first().cloned(),
            quantity: "1".into(),
            start: format_date(today),
            end: String::new(),
            frequency: Some(Frequency::Weekly),
            second_week: false,
        }
    }

    /// The form to change `sub` from `today` on.
    pub fn change(
        sub: &Subscription,
        today: NaiveDate,
        sizes: &[Choice],
        depots: &[Choice],
    ) -> Self {
        SubscriptionForm {
            changing: Some(sub.id),
            size: sizes.iter().find(|c| c.id == sub.size_id).cloned(),
            depot: depots.iter().find(|c| c.id == sub.depot_id).cloned(),
            quantity: sub.quantity.to_string(),
            start: format_date(today.max(sub.start.succ_opt().unwrap_or(sub.start))),
            end: show(sub.end),
            frequency: Some(sub.frequency),
            second_week: IsoWeek::of(sub.anchor_monday) != IsoWeek::of(sub.start),
        }
    }

    /// The anchor Monday of a fortnightly subscription starting on `start`.
    pub fn anchor(&self, start: NaiveDate) -> NaiveDate {
        let week = IsoWeek::of(start);
        if self.second_week {
            week.next().monday()
        } else {
            week.monday()
        }
    }

    /// The subscription typed for `member_id`, or what to correct.
    pub fn to_subscription(&self, member_id: i64) -> Result<Subscription, String> {
        let size = self
            .size
            .as_ref()
            .ok_or("Choisissez le format de panier.")?;
        let depot = self.depot.as_ref().ok_or("Choisissez le dépôt.")?;
        let quantity: i64 = self
            .quantity
            .trim()
            .parse()
            .ok()
            .filter(|q| *q >= 1)
            .ok_or("Nombre de paniers : tapez un nombre entier, au moins 1.")?;
        let start = required_date(&self.start, "Début")?;
        let end = optional_date(&self.end, "Fin")?;
        if end.is_some_and(|e| e < start) {
            return Err("La fin de l'abonnement ne peut pas précéder son début.".into());
        }
        Ok(Subscription {
            id: 0,
            member_id,
            shared_with: None,
            size_id: size.id,
            depot_id: depot.id,
            quantity,
            start,
            end,
            frequency: self.frequency.unwrap_or(Frequency::Weekly),
            anchor_monday: self.anchor(start),
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

/// The Paniers Solidaires form of one subscription.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SolidarityForm {
    pub subscription_id: i64,
    pub kind: Option<ShareKind>,
    pub value: String,
    pub social_worker: String,
    pub referring_body: String,
    pub review_on: String,
    /// Funding lines: funder and percent of the remainder.
    pub funding: Vec<(Option<Choice>, String)>,
}

impl SolidarityForm {
    /// The form for subscription `id`, filled with `terms` when it has some.
    pub fn of(id: i64, terms: Option<&Solidarity>, funders: &[Choice]) -> Self {
        match terms {
            None => SolidarityForm {
                subscription_id: id,
                kind: Some(ShareKind::Percent),
                value: "30".into(),
                funding: vec![(funders.first().cloned(), "100".into())],
                ..SolidarityForm::default()
            },
            Some(t) => SolidarityForm {
                subscription_id: id,
                kind: Some(t.share_kind),
                value: match t.share_kind {
                    ShareKind::Amount => format_euros(t.share_value)
                        .replace('\u{a0}', " ")
                        .trim_end_matches(" €")
                        .to_owned(),
                    ShareKind::Percent => t.share_value.to_string(),
                },
                social_worker: t.social_worker.clone(),
                referring_body: t.referring_body.clone(),
                review_on: show(t.review_on),
                funding: t
                    .funding
                    .iter()
                    .map(|f| {
                        (
                            funders.iter().find(|c| c.id == f.funder_id).cloned(),
                            f.share_percent.to_string(),
                        )
                    })
                    .collect(),
            },
        }
    }

    /// The terms typed, or what to correct.
    pub fn to_solidarity(&self) -> Result<Solidarity, String> {
        let kind = self.kind.unwrap_or(ShareKind::Percent);
        let share_value = match kind {
            ShareKind::Amount => parse_euros(&self.value)
                .filter(|v| *v >= 0)
                .ok_or("Participation du foyer : tapez un montant comme 3 ou 4,50.")?,
            ShareKind::Percent => {
                let p: i64 = self
                    .value
                    .trim()
                    .trim_end_matches('%')
                    .trim()
                    .parse()
                    .map_err(|_| "Participation du foyer : tapez un pourcentage comme 30.")?;
                if !(0..=100).contains(&p) {
                    return Err("La participation du foyer ne peut pas dépasser 100 %.".into());
                }
                p
            }
        };
        let mut funding = Vec::new();
        for (funder, percent) in &self.funding {
            let Some(funder) = funder else {
                return Err(
                    "Choisissez le financeur de chaque ligne (ou retirez la ligne).".into(),
                );
            };
            let p: i64 = percent
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse()
                .ok()
                .filter(|p| (0..=100).contains(p))
                .ok_or("Part d'un financeur : tapez un pourcentage entre 0 et 100.")?;
            funding.push(FundingShare {
                funder_id: funder.id,
                share_percent: p,
            });
        }
        if funding.iter().map(|f| f.share_percent).sum::<i64>() > 100 {
            return Err("Les parts des financeurs dépassent 100 % du reste à payer.".into());
        }
        Ok(Solidarity {
            subscription_id: self.subscription_id,
            share_kind: kind,
            share_value,
            social_worker: self.social_worker.trim().to_owned(),
            referring_body: self.referring_body.trim().to_owned(),
            review_on: optional_date(&self.review_on, "Date de révision")?,
            funding,
        })
    }
}

/// The depot form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepotForm {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub city: String,
    pub weekday: Option<WeekdayChoice>,
    pub slot_start: String,
    pub slot_end: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub capacity: String,
    pub active: bool,
}

/// A weekday in a pick list, shown in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayChoice(pub Weekday);

impl std::fmt::Display for WeekdayChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = crate::domain::calendar::weekday_name(self.0);
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            write!(f, "{}{}", first.to_uppercase(), chars.as_str())?;
        }
        Ok(())
    }
}

/// The seven weekdays, Monday first.
pub const WEEKDAYS: [WeekdayChoice; 7] = [
    WeekdayChoice(Weekday::Mon),
    WeekdayChoice(Weekday::Tue),
    WeekdayChoice(Weekday::Wed),
    WeekdayChoice(Weekday::Thu),
    WeekdayChoice(Weekday::Fri),
    WeekdayChoice(Weekday::Sat),
    WeekdayChoice(Weekday::Sun),
];

impl DepotForm {
    /// An empty, active depot.
    pub fn new() -> Self {
        DepotForm {
            active: true,
            ..DepotForm::default()
        }
    }

    /// The form filled with `d`.
    pub fn of(d: &Depot) -> Self {
        DepotForm {
            id: d.id,
            name: d.name.clone(),
            address: d.address.clone(),
            city: d.city.clone(),
            weekday: Some(WeekdayChoice(d.weekday)),
            slot_start: d.slot_start.clone(),
            slot_end: d.slot_end.clone(),
            contact_name: d.contact_name.clone(),
            contact_phone: d.contact_phone.clone(),
            capacity: d.capacity.map(|c| c.to_string()).unwrap_or_default(),
            active: d.active,
        }
    }

    /// The depot typed, or what to correct.
    pub fn to_depot(&self) -> Result<Depot, String> {
        if self.name.trim().is_empty() {
            return Err("Le nom du dépôt est obligatoire.".into());
        }
        let weekday = self
            .weekday
            .ok_or("Choisissez le jour de livraison du dépôt.")?;
        let capacity = if self.capacity.trim().is_empty() {
            None
        } else {
            Some(
                self.capacity
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|c| *c > 0)
                    .ok_or("Capacité : tapez un nombre de paniers, ou laissez vide.")?,
            )
        };
        Ok(Depot {
            id: self.id,
            name: self.name.trim().to_owned(),
            address: self.address.trim().to_owned(),
            postcode: String::new(),
            city: self.city.trim().to_owned(),
            weekday: weekday.0,
            slot_start: self.slot_start.trim().to_owned(),
            slot_end: self.slot_end.trim().to_owned(),
            contact_name: self.contact_name.trim().to_owned(),
            contact_phone: self.contact_phone.trim().to_owned(),
            capacity,
            active: self.active,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn bad_shares_and_depot_without_weekday() {
        let mut form = SolidarityForm::of(1, None, &[]);
        form.value = "120".into();
        assert!(form.to_solidarity().unwrap_err().contains("100 %"));
        form.value = "30".into();
        assert!(form.to_solidarity().unwrap_err().contains("financeur"));
        let mut depot = DepotForm::new();
        depot.name = "Mairie".into();
        assert!(depot.to_depot().unwrap_err().contains("jour de livraison"));
    }
}
