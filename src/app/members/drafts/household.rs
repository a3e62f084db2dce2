//! The drafts of a household's page: the household itself, a yearly membership, an absence.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{date_in, euros_typed, optional_date, required_date_in, show};
use crate::app::{Error, Result};
use crate::domain::baskets::{
    Absence, AbsenceMode, Member, MemberStatus, Membership, PaymentMethod,
};
use crate::domain::calendar::{IsoWeek, format_date};
use crate::domain::money::parse_euros;

/// The household form; `id` is 0 for a new household.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// "Nom".
    pub last_name: String,
    /// "Prénom".
    pub first_name: String,
    /// "Co-adhérent(e)".
    pub co_member: String,
    /// "Adresse".
    pub address: String,
    /// "Code postal".
    pub postcode: String,
    /// "Commune".
    pub city: String,
    /// "Téléphone".
    pub phone: String,
    /// "Autre téléphone".
    pub phone2: String,
    /// "E-mail".
    pub email: String,
    /// "Notes", never printed.
    pub notes: String,
    /// "Statut".
    pub status: Option<MemberStatus>,
    /// "Adhérent depuis le", as typed.
    pub joined_on: String,
    /// When the status becomes « Parti »: the last day of the household's subscriptions
    /// (empty: they are left as they are).
    pub subscriptions_end: String,
}

impl MemberDraft {
    /// A new, active household that joins `today`.
    pub fn new(today: NaiveDate) -> Self {
        MemberDraft {
            status: Some(MemberStatus::Active),
            joined_on: format_date(today),
            ..MemberDraft::default()
        }
    }

    /// The form filled with `m`.
    pub fn of(m: &Member) -> Self {
        MemberDraft {
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

    /// Changes the status; a household already saved that leaves is offered to end its
    /// subscriptions `today`.
    pub fn set_status(&mut self, status: MemberStatus, today: NaiveDate) {
        self.status = Some(status);
        if status == MemberStatus::Left && self.id != 0 && self.subscriptions_end.is_empty() {
            self.subscriptions_end = format_date(today);
        }
    }

    /// True when the form offers to end the subscriptions (a saved household leaving).
    pub fn offers_end(&self) -> bool {
        self.status == Some(MemberStatus::Left) && self.id != 0
    }

    /// The member typed, or what to correct.
    pub fn to_member(&self) -> Result<Member> {
        if self.last_name.trim().is_empty() {
            return Err(Error::invalid(
                "Nom",
                "Le nom de l'adhérent est obligatoire.",
            ));
        }
        let email = self.email.trim();
        if !email.is_empty() && !email.contains('@') {
            return Err(Error::invalid(
                "E-mail",
                "L'adresse e-mail doit contenir un @.",
            ));
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
            joined_on: date_in(&self.joined_on, "Adhérent depuis le", "Date d'adhésion")?,
        })
    }

    /// The last day of the subscriptions when a saved household leaves, if one is typed.
    pub fn subscriptions_end(&self) -> Result<Option<NaiveDate>> {
        if self.offers_end() {
            optional_date(&self.subscriptions_end, "Fin des abonnements le")
        } else {
            Ok(None)
        }
    }
}

/// The yearly membership form; `id` is 0 for a new membership.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MembershipDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// "Année", as typed.
    pub year: String,
    /// The amount, as typed ("12,50").
    pub amount: String,
    /// "Payée le", as typed.
    pub paid_on: String,
    /// "Mode de paiement".
    pub method: Option<PaymentMethod>,
}

impl MembershipDraft {
    /// An empty form for `today`'s year.
    pub fn new(today: NaiveDate) -> Self {
        MembershipDraft {
            id: 0,
            year: today.year().to_string(),
            amount: String::new(),
            paid_on: format_date(today),
            method: Some(PaymentMethod::Cheque),
        }
    }

    /// The form filled with `m`, to change it.
    pub fn of(m: &Membership) -> Self {
        MembershipDraft {
            id: m.id,
            year: m.year.to_string(),
            amount: euros_typed(m.amount),
            paid_on: format_date(m.paid_on),
            method: Some(m.method),
        }
    }

    /// The membership typed for `member_id`, or what to correct.
    pub fn to_membership(&self, member_id: i64) -> Result<Membership> {
        let year: i32 = self
            .year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(|| {
                Error::invalid("Année", "Année de cotisation : tapez une année comme 2026.")
            })?;
        let amount = parse_euros(&self.amount)
            .filter(|a| *a > 0)
            .ok_or_else(|| {
                Error::invalid(
                    "Montant (€)",
                    "Montant de la cotisation : tapez un montant comme 20 ou 15,50.",
                )
            })?;
        Ok(Membership {
            id: self.id,
            member_id,
            year,
            amount,
            paid_on: required_date_in(&self.paid_on, "Payée le", "Date de paiement")?,
            method: self.method.ok_or_else(|| {
                Error::invalid("Mode de paiement", "Choisissez le mode de paiement.")
            })?,
        })
    }
}

/// The absence form; `id` is 0 for a new absence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AbsenceDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// First day, as typed.
    pub start: String,
    /// Last day, as typed (empty: none).
    pub end: String,
    /// What becomes of the baskets meanwhile.
    pub mode: Option<AbsenceMode>,
    /// `MadeUp` only: a day of the chosen week, empty for the first delivery after return.
    pub makeup_week: String,
    /// "Notes", never printed.
    pub notes: String,
}

/// The label of the make-up week of an absence.
pub const MAKE_UP_WEEK: &str =
    "Rattrapage la semaine du (vide : première livraison après le retour)";

impl AbsenceDraft {
    /// An empty absence whose baskets are not prepared.
    pub fn new() -> Self {
        AbsenceDraft {
            mode: Some(AbsenceMode::Skipped),
            ..AbsenceDraft::default()
        }
    }

    /// The form filled with `a`.
    pub fn of(a: &Absence) -> Self {
        AbsenceDraft {
            id: a.id,
            start: format_date(a.start),
            end: format_date(a.end),
            mode: Some(a.mode),
            makeup_week: show(a.makeup_monday),
            notes: a.notes.clone(),
        }
    }

    /// The absence typed for `member_id`, or what to correct.
    pub fn to_absence(&self, member_id: i64) -> Result<Absence> {
        let start = required_date_in(&self.start, "Absent du", "Départ")?;
        let end = required_date_in(&self.end, "au (inclus)", "Retour")?;
        if end < start {
            return Err(Error::invalid(
                "au (inclus)",
                "Le dernier jour d'absence ne peut pas précéder le premier : vérifiez les dates.",
            ));
        }
        let mode = self.mode.unwrap_or(AbsenceMode::Skipped);
        let makeup_monday = if mode == AbsenceMode::MadeUp {
            date_in(&self.makeup_week, MAKE_UP_WEEK, "Semaine de rattrapage")?
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
