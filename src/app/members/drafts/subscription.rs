//! The drafts of a subscription (with the household it is shared with) and of its Paniers
//! Solidaires terms.

use chrono::NaiveDate;

use super::{Choice, euros_typed, required_date, show};
use crate::app::{Error, Result};
use crate::domain::baskets::{Frequency, FundingShare, ShareKind, Solidarity, Subscription};
use crate::domain::calendar::{IsoWeek, format_date};
use crate::domain::money::parse_euros;

/// The label of "Partagé avec".
pub const SHARED_WITH: &str = "Partagé avec (un autre foyer qui prend ce panier)";

/// The subscription form; `changing` holds the subscription being changed from a date on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubscriptionDraft {
    /// The subscription being changed from the start typed, if any.
    pub changing: Option<i64>,
    /// "Format".
    pub size: Option<Choice>,
    /// "Dépôt".
    pub depot: Option<Choice>,
    /// "Paniers", as typed.
    pub quantity: String,
    /// First day, as typed.
    pub start: String,
    /// Last day, as typed (empty: none).
    pub end: String,
    /// "Fréquence".
    pub frequency: Option<Frequency>,
    /// Fortnightly: first basket the week after the start instead of the week of the start.
    pub second_week: bool,
    /// When changing a fortnightly subscription: its anchor, kept so that its A / B weeks
    /// do not flip (the store keeps it too).
    pub kept_anchor: Option<NaiveDate>,
    /// The other household sharing the basket; id 0 ("personne") or `None` when not shared.
    pub shared_with: Option<Choice>,
}

/// The first choice of "Partagé avec": not shared.
pub fn not_shared() -> Choice {
    Choice {
        id: 0,
        label: "Personne (panier non partagé)".into(),
    }
}

impl SubscriptionDraft {
    /// An empty form starting `today`, on the first size and depot offered.
    pub fn new(today: NaiveDate, sizes: &[Choice], depots: &[Choice]) -> Self {
        SubscriptionDraft {
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
        }
    }

    /// The form to change `sub` from `today` on; `households` are those it may be shared with.
    pub fn change(
        sub: &Subscription,
        today: NaiveDate,
        sizes: &[Choice],
        depots: &[Choice],
        households: &[Choice],
    ) -> Self {
        SubscriptionDraft {
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
    pub fn to_subscription(&self, member_id: i64) -> Result<Subscription> {
        let size = self
            .size
            .as_ref()
            .ok_or_else(|| Error::invalid("Format", "Choisissez le format de panier."))?;
        let depot = self
            .depot
            .as_ref()
            .ok_or_else(|| Error::invalid("Dépôt", "Choisissez le dépôt."))?;
        let quantity: i64 = self
            .quantity
            .trim()
            .parse()
            .ok()
            .filter(|q| *q >= 1)
            .ok_or_else(|| {
                Error::invalid(
                    "Paniers",
                    "Nombre de paniers : tapez un nombre entier, au moins 1.",
                )
            })?;
        let start = required_date(&self.start, "Début")?;
        let end = super::date_in(&self.end, "Fin (facultatif)", "Fin")?;
        if end.is_some_and(|e| e < start) {
            return Err(Error::invalid(
                "Fin (facultatif)",
                "La fin de l'abonnement ne peut pas précéder son début.",
            ));
        }
        let shared_with = self.shared_with.as_ref().map(|c| c.id).filter(|id| *id > 0);
        if shared_with == Some(member_id) {
            return Err(Error::invalid(
                SHARED_WITH,
                "Partagé avec : choisissez un autre foyer que celui-ci.",
            ));
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

/// A funding line of Paniers Solidaires terms: the funder and the percent of the remainder.
pub type FundingLine = (Option<Choice>, String);

/// The Paniers Solidaires form of one subscription.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SolidarityDraft {
    /// The subscription the terms are for.
    pub subscription_id: i64,
    /// Day the terms start ("À partir du"): a change starts a new period that day.
    pub start: String,
    /// Start of the terms being changed, if any (typing it corrects them in place).
    pub current_start: Option<NaiveDate>,
    /// How the household share is expressed, or the funder's kind.
    pub kind: Option<ShareKind>,
    /// The household share, as typed.
    pub value: String,
    /// "Travailleur social".
    pub social_worker: String,
    /// "Structure".
    pub referring_body: String,
    /// "Révision le", as typed.
    pub review_on: String,
    /// Funding lines: funder and percent of the remainder.
    pub funding: Vec<FundingLine>,
}

/// A percent typed as "30", "30 %" or "30%".
fn percent(text: &str) -> Option<i64> {
    text.trim().trim_end_matches('%').trim().parse().ok()
}

impl SolidarityDraft {
    /// The form for subscription `id`, filled with `terms` when it has some; the new
    /// period starts `today` unless the user chooses another day.
    pub fn of(id: i64, terms: Option<&Solidarity>, funders: &[Choice], today: NaiveDate) -> Self {
        let start = show(Some(today));
        let Some(t) = terms else {
            return SolidarityDraft {
                subscription_id: id,
                start,
                kind: Some(ShareKind::Percent),
                value: "30".into(),
                funding: vec![(funders.first().cloned(), "100".into())],
                ..SolidarityDraft::default()
            };
        };
        SolidarityDraft {
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
        }
    }

    /// How the household share is expressed and its value (cents or percent), or what to
    /// correct.
    pub fn household_share(&self) -> Result<(ShareKind, i64)> {
        let field = "Participation du foyer";
        let kind = self.kind.unwrap_or(ShareKind::Percent);
        let value = match kind {
            ShareKind::Amount => parse_euros(&self.value)
                .filter(|v| *v >= 0)
                .ok_or_else(|| {
                    Error::invalid(
                        field,
                        "Participation du foyer : tapez un montant comme 3 ou 4,50.",
                    )
                })?,
            ShareKind::Percent => {
                let p = percent(&self.value).ok_or_else(|| {
                    Error::invalid(
                        field,
                        "Participation du foyer : tapez un pourcentage comme 30.",
                    )
                })?;
                if !(0..=100).contains(&p) {
                    return Err(Error::invalid(
                        field,
                        "La participation du foyer ne peut pas dépasser 100 %.",
                    ));
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
        for (_, typed) in &self.funding {
            total += percent(typed)?;
        }
        (total < 100).then_some(100 - total)
    }

    /// The funding lines typed, or what to correct.
    fn funding(&self) -> Result<Vec<FundingShare>> {
        let field = "Financeurs du reste à payer";
        let mut funding = Vec::new();
        for (funder, typed) in &self.funding {
            let Some(funder) = funder else {
                return Err(Error::invalid(
                    field,
                    "Choisissez le financeur de chaque ligne (ou retirez la ligne).",
                ));
            };
            let p = percent(typed)
                .filter(|p| (0..=100).contains(p))
                .ok_or_else(|| {
                    Error::invalid(
                        field,
                        "Part d'un financeur : tapez un pourcentage entre 0 et 100.",
                    )
                })?;
            funding.push(FundingShare {
                funder_id: funder.id,
                share_percent: p,
            });
        }
        if funding.iter().map(|f| f.share_percent).sum::<i64>() > 100 {
            return Err(Error::invalid(
                field,
                "Les parts des financeurs dépassent 100 % du reste à payer.",
            ));
        }
        Ok(funding)
    }

    /// The terms typed, or what to correct.
    pub fn to_solidarity(&self) -> Result<Solidarity> {
        let (kind, share_value) = self.household_share()?;
        let funding = self.funding()?;
        Ok(Solidarity {
            id: 0,
            subscription_id: self.subscription_id,
            start: required_date(&self.start, "À partir du")?,
            end: None,
            share_kind: kind,
            share_value,
            social_worker: self.social_worker.trim().to_owned(),
            referring_body: self.referring_body.trim().to_owned(),
            review_on: super::date_in(&self.review_on, "Révision le", "Date de révision")?,
            funding,
        })
    }
}
