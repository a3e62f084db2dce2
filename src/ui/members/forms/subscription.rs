//! The subscription form (with the household it is shared with) and its Paniers
//! Solidaires terms.

use chrono::NaiveDate;
use iced::widget::combo_box;

use super::{Choice, euros_typed, optional_date, required_date, show};
use crate::domain::baskets::{Frequency, FundingShare, ShareKind, Solidarity, Subscription};
use crate::domain::calendar::{IsoWeek, format_date};
use crate::domain::money::parse_euros;

/// The subscription form; `changing` holds the subscription being changed from a date on.
#[derive(Debug, Clone, Default)]
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
    /// When changing a fortnightly subscription: its anchor, kept so that its A / B weeks
    /// do not flip (the store keeps it too).
    pub kept_anchor: Option<NaiveDate>,
    /// The other household sharing the basket; id 0 ("personne") or `None` when not shared.
    pub shared_with: Option<Choice>,
    /// The households offered in "Partagé avec", searchable as you type.
    pub households: combo_box::State<Choice>,
}

/// The first choice of "Partagé avec": not shared.
pub fn not_shared() -> Choice {
    Choice {
        id: 0,
        label: "Personne (panier non partagé)".into(),
    }
}

impl SubscriptionForm {
    /// An empty form starting `today`, on the first size and depot offered; `households`
    /// are the other households it may be shared with.
    pub fn new(
        today: NaiveDate,
        sizes: &[Choice],
        depots: &[Choice],
        households: Vec<Choice>,
    ) -> Self {
        SubscriptionForm {
            changing: None,
            size: sizes.first().cloned(),
            depot: depots.first().cloned(),
            quantity: "1".into(),
            start: format_date(today),
            end: String::new(),
            frequency: Some(Frequency::Weekly),
            second_week: false,
            kept_anchor: None,
            shared_with: None,
            households: partners(households),
        }
    }

    /// The form to change `sub` from `today` on.
    pub fn change(
        sub: &Subscription,
        today: NaiveDate,
        sizes: &[Choice],
        depots: &[Choice],
        households: Vec<Choice>,
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
            kept_anchor: (sub.frequency == Frequency::Fortnightly).then_some(sub.anchor_monday),
            shared_with: sub
                .shared_with
                .and_then(|id| households.iter().find(|c| c.id == id).cloned()),
            households: partners(households),
        }
    }

    /// The anchor Monday of a fortnightly subscription starting on `start` (the kept one
    /// when a fortnightly subscription is changed).
    pub fn anchor(&self, start: NaiveDate) -> NaiveDate {
        if let Some(kept) = self.kept_anchor {
            return kept;
        }
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
        let shared_with = self.shared_with.as_ref().map(|c| c.id).filter(|id| *id > 0);
        if shared_with == Some(member_id) {
            return Err("Partagé avec : choisissez un autre foyer que celui-ci.".into());
        }
        Ok(Subscription {
            id: 0,
            member_id,
            shared_with,
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

/// The Paniers Solidaires form of one subscription.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SolidarityForm {
    pub subscription_id: i64,
    /// Day the terms start ("À partir du"): a change starts a new period that day.
    pub start: String,
    /// Start of the terms being changed, if any (typing it corrects them in place).
    pub current_start: Option<NaiveDate>,
    pub kind: Option<ShareKind>,
    pub value: String,
    pub social_worker: String,
    pub referring_body: String,
    pub review_on: String,
    /// Funding lines: funder and percent of the remainder.
    pub funding: Vec<(Option<Choice>, String)>,
}

impl SolidarityForm {
    /// The form for subscription `id`, filled with `terms` when it has some; the new
    /// period starts `today` unless the user chooses another day.
    pub fn of(id: i64, terms: Option<&Solidarity>, funders: &[Choice], today: NaiveDate) -> Self {
        let start = show(Some(today));
        match terms {
            None => SolidarityForm {
                subscription_id: id,
                start,
                kind: Some(ShareKind::Percent),
                value: "30".into(),
                funding: vec![(funders.first().cloned(), "100".into())],
                ..SolidarityForm::default()
            },
            Some(t) => SolidarityForm {
                subscription_id: id,
                start,
                current_start: Some(t.start),
                kind: Some(t.share_kind),
                value: match t.share_kind {
                    ShareKind::Amount => euros_typed(t.share_value),
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

    /// How the household share is expressed and its value (cents or percent), or what to
    /// correct.
    pub fn household_share(&self) -> Result<(ShareKind, i64), String> {
        let kind = self.kind.unwrap_or(ShareKind::Percent);
        let value = match kind {
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
        Ok((kind, value))
    }

    /// Percent of the remainder the funders typed leave unpaid, when the lines can be read
    /// and total under 100 % ("reste non financé").
    pub fn unfunded_percent(&self) -> Option<i64> {
        let mut total = 0;
        for (_, percent) in &self.funding {
            total += percent
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse::<i64>()
                .ok()?;
        }
        (total < 100).then_some(100 - total)
    }

    /// The terms typed, or what to correct.
    pub fn to_solidarity(&self) -> Result<Solidarity, String> {
        let (kind, share_value) = self.household_share()?;
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
            id: 0,
            subscription_id: self.subscription_id,
            start: required_date(&self.start, "À partir du")?,
            end: None,
            share_kind: kind,
            share_value,
            social_worker: self.social_worker.trim().to_owned(),
            referring_body: self.referring_body.trim().to_owned(),
            review_on: optional_date(&self.review_on, "Date de révision")?,
            funding,
        })
    }
}

/// The combo box state of "Partagé avec": "personne" first, then the households.
fn partners(households: Vec<Choice>) -> combo_box::State<Choice> {
    combo_box::State::new(std::iter::once(not_shared()).chain(households).collect())
}
