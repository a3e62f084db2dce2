//! The subscription form (with the household its basket is shared with) and the Paniers
//! Solidaires form of a subscription.

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, checkbox, column, combo_box, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::super::ids;
use super::super::kit::{Fields, FormEvent};
use crate::app;
use crate::app::members::drafts::{SHARED_WITH, SolidarityDraft, SubscriptionDraft, not_shared};
use crate::app::members::{Base, Choice};
use crate::domain::baskets::{Frequency, ShareKind, Solidarity};
use crate::domain::calendar::{format_date, fortnight_label};
use crate::domain::money::{Cents, format_euros};
use crate::ui::widgets::{self, Tone};

/// The subscription form: what is typed, and the households offered in "Partagé avec".
#[derive(Debug, Clone)]
pub struct SubscriptionForm {
    /// What is typed.
    pub draft: SubscriptionDraft,
    /// The households offered in "Partagé avec", searchable as you type.
    households: combo_box::State<Choice>,
}

impl SubscriptionForm {
    /// The form of `draft`, offering `households` to share with ("personne" first).
    pub fn new(draft: SubscriptionDraft, households: Vec<Choice>) -> Self {
        let offered = std::iter::once(not_shared()).chain(households).collect();
        SubscriptionForm {
            draft,
            households: combo_box::State::new(offered),
        }
    }
}

/// The text fields of the subscription form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriptionField {
    Quantity,
    Start,
    End,
}

/// Messages of the subscription form.
#[derive(Debug, Clone)]
pub enum SubscriptionMessage {
    Edited(SubscriptionField, String),
    SizePicked(Choice),
    DepotPicked(Choice),
    SharedWithPicked(Choice),
    FrequencyPicked(Frequency),
    SecondWeek(bool),
    Submit,
    Cancel,
}

impl SubscriptionForm {
    /// Applies `message`.
    pub fn update(&mut self, message: SubscriptionMessage) -> Option<FormEvent> {
        let f = &mut self.draft;
        match message {
            SubscriptionMessage::Edited(SubscriptionField::Quantity, v) => f.quantity = v,
            SubscriptionMessage::Edited(SubscriptionField::Start, v) => f.start = v,
            SubscriptionMessage::Edited(SubscriptionField::End, v) => f.end = v,
            SubscriptionMessage::SizePicked(c) => f.size = Some(c),
            SubscriptionMessage::DepotPicked(c) => f.depot = Some(c),
            SubscriptionMessage::SharedWithPicked(c) => f.shared_with = Some(c),
            SubscriptionMessage::FrequencyPicked(fr) => f.frequency = Some(fr),
            SubscriptionMessage::SecondWeek(on) => f.second_week = on,
            SubscriptionMessage::Submit => return Some(FormEvent::Submit),
            SubscriptionMessage::Cancel => return Some(FormEvent::Cancel),
        }
        None
    }

    /// The form, with the sizes and depots of `base`; `today` shows the A / B weeks.
    pub fn view<'a>(
        &'a self,
        base: &Base,
        today: NaiveDate,
        error: Option<&'a app::Error>,
    ) -> Element<'a, SubscriptionMessage> {
        let f = &self.draft;
        let fields = Fields::new(error);
        let partner = combo_box(
            &self.households,
            "Tapez un nom…",
            f.shared_with.as_ref(),
            SubscriptionMessage::SharedWithPicked,
        );
        let frequency = pick_list(
            Frequency::ALL,
            f.frequency,
            SubscriptionMessage::FrequencyPicked,
        );
        let mut c = column![
            self.what_and_when(base, &fields),
            row![
                fields.labelled("Fréquence", frequency.width(220)),
                fields.labelled(SHARED_WITH, partner.padding(7).size(15).width(Length::Fill)),
            ]
            .spacing(10),
        ]
        .spacing(10);
        if f.frequency == Some(Frequency::Fortnightly) {
            c = c.push(fortnight(f, today));
        }
        if f.changing.is_some() {
            c = c.push(widgets::muted(
                "L'abonnement actuel s'arrête la veille ; l'historique est gardé.",
            ));
        }
        let buttons = fields.buttons(
            "Enregistrer",
            SubscriptionMessage::Submit,
            SubscriptionMessage::Cancel,
        );
        c.push(buttons).into()
    }

    /// Size, depot, how many baskets, from and until when.
    fn what_and_when<'a>(
        &'a self,
        base: &Base,
        fields: &Fields<'a>,
    ) -> Element<'a, SubscriptionMessage> {
        let f = &self.draft;
        let input = |label: &'a str, field: SubscriptionField, id: &str, value: &'a str, w| {
            let edit = move |v| SubscriptionMessage::Edited(field, v);
            fields.input(label, id, value, edit, SubscriptionMessage::Submit, Some(w))
        };
        let start_label = if f.changing.is_some() {
            "Changement à partir du"
        } else {
            "Début"
        };
        let sizes = pick_list(
            base.size_choices(),
            f.size.clone(),
            SubscriptionMessage::SizePicked,
        );
        let depots = pick_list(
            base.depot_choices(),
            f.depot.clone(),
            SubscriptionMessage::DepotPicked,
        );
        let (quantity, end) = (SubscriptionField::Quantity, SubscriptionField::End);
        row![
            fields.labelled("Format", sizes.width(150)),
            fields.labelled("Dépôt", depots.width(Length::Fill)),
            input("Paniers", quantity, "sub-quantity", &f.quantity, 70.0),
            input(
                start_label,
                SubscriptionField::Start,
                ids::SUB_START,
                &f.start,
                170.0
            ),
            input("Fin (facultatif)", end, "sub-end", &f.end, 140.0),
        ]
        .spacing(10)
        .into()
    }
}

/// A fortnightly subscription's weeks, and the choice of its first week.
fn fortnight(f: &SubscriptionDraft, today: NaiveDate) -> Element<'_, SubscriptionMessage> {
    let start = crate::domain::calendar::parse_date(&f.start).unwrap_or(today);
    let mut c = Column::new().spacing(10);
    if f.kept_anchor.is_none() {
        c = c.push(
            checkbox(f.second_week)
                .label("Premier panier la semaine suivant le début")
                .on_toggle(SubscriptionMessage::SecondWeek),
        );
    }
    c.push(widgets::muted(format!(
        "En {} : {}.{}",
        start.year(),
        fortnight_label(f.anchor(start), start.year()),
        if f.kept_anchor.is_some() {
            " Ses semaines restent les mêmes après le changement."
        } else {
            ""
        }
    )))
    .into()
}

/// The text fields of the Paniers Solidaires form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolidarityField {
    Start,
    Value,
    ReviewOn,
    SocialWorker,
    ReferringBody,
}

/// Messages of the Paniers Solidaires form.
#[derive(Debug, Clone)]
pub enum SolidarityMessage {
    Edited(SolidarityField, String),
    KindPicked(ShareKind),
    /// The funder of funding line `0`.
    FunderPicked(usize, Choice),
    /// The percent typed on funding line `0`.
    PercentTyped(usize, String),
    AddFunder,
    RemoveFunder(usize),
    Submit,
    Cancel,
}

/// Applies `message` to the Paniers Solidaires form.
pub fn update_solidarity(f: &mut SolidarityDraft, message: SolidarityMessage) -> Option<FormEvent> {
    match message {
        SolidarityMessage::Edited(field, v) => {
            let slot = match field {
                SolidarityField::Start => &mut f.start,
                SolidarityField::Value => &mut f.value,
                SolidarityField::ReviewOn => &mut f.review_on,
                SolidarityField::SocialWorker => &mut f.social_worker,
                SolidarityField::ReferringBody => &mut f.referring_body,
            };
            *slot = v;
        }
        SolidarityMessage::KindPicked(kind) => f.kind = Some(kind),
        SolidarityMessage::FunderPicked(i, c) => {
            if let Some(line) = f.funding.get_mut(i) {
                line.0 = Some(c);
            }
        }
        SolidarityMessage::PercentTyped(i, p) => {
            if let Some(line) = f.funding.get_mut(i) {
                line.1 = p;
            }
        }
        SolidarityMessage::AddFunder => f.funding.push((None, String::new())),
        SolidarityMessage::RemoveFunder(i) => {
            if i < f.funding.len() {
                f.funding.remove(i);
            }
        }
        SolidarityMessage::Submit => return Some(FormEvent::Submit),
        SolidarityMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The Paniers Solidaires form of one subscription, with what the household and the funders
/// pay for one basket at `price` (today's price of the subscription, when it has one).
pub fn solidarity_form<'a>(
    f: &'a SolidarityDraft,
    base: &Base,
    price: Option<Cents>,
    today: NaiveDate,
    error: Option<&'a app::Error>,
) -> Element<'a, SolidarityMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: SolidarityField, value: &'a str, width| {
        let id = format!("members-solidarity-{field:?}");
        let edit = move |v| SolidarityMessage::Edited(field, v);
        fields.input(label, id, value, edit, SolidarityMessage::Submit, width)
    };
    let value_label = if f.kind == Some(ShareKind::Amount) {
        "Montant par panier (€)"
    } else {
        "Pourcentage du prix"
    };
    let kinds = pick_list(ShareKind::ALL, f.kind, SolidarityMessage::KindPicked).width(160);
    let mut c = Column::new().spacing(10).push(
        row![
            input("À partir du", SolidarityField::Start, &f.start, Some(130.0)),
            fields.labelled("Participation du foyer", kinds),
            input(value_label, SolidarityField::Value, &f.value, Some(170.0)),
            input(
                "Révision le",
                SolidarityField::ReviewOn,
                &f.review_on,
                Some(140.0)
            ),
            input(
                "Travailleur social",
                SolidarityField::SocialWorker,
                &f.social_worker,
                None
            ),
            input(
                "Structure",
                SolidarityField::ReferringBody,
                &f.referring_body,
                None
            ),
        ]
        .spacing(10),
    );
    if let Some(price) = price {
        c = c.push(shares(f, price, today));
    }
    let funding = column![
        funding_lines(f, base),
        widgets::secondary("Ajouter un financeur", Some(SolidarityMessage::AddFunder)),
    ]
    .spacing(6);
    c.push(fields.labelled("Financeurs du reste à payer", funding))
        .push(f.unfunded_percent().map(|p| {
            widgets::banner(
                Tone::Warning,
                format!(
                    "Reste non financé : {p} % du reste à payer. Il figurera comme tel sur les \
                     relevés et le bilan."
                ),
            )
        }))
        .push(widgets::muted(periods_hint(f)))
        .push(fields.buttons(
            "Enregistrer",
            SolidarityMessage::Submit,
            SolidarityMessage::Cancel,
        ))
        .into()
}

/// "Panier à 10,00 € : le foyer paie 3,00 €, les financeurs 7,00 €.", warned past 30 %.
fn shares<'a>(
    f: &SolidarityDraft,
    price: Cents,
    today: NaiveDate,
) -> Option<Element<'a, SolidarityMessage>> {
    let (share_kind, share_value) = f.household_share().ok()?;
    let terms = Solidarity {
        id: 0,
        subscription_id: f.subscription_id,
        start: today,
        end: None,
        share_kind,
        share_value,
        social_worker: String::new(),
        referring_body: String::new(),
        review_on: None,
        funding: Vec::new(),
    };
    let pays = terms.household_pays(price);
    let sentence = format!(
        "Panier à {} : le foyer paie {}, les financeurs {}.",
        format_euros(price),
        format_euros(pays),
        format_euros(price - pays)
    );
    Some(if terms.share_too_high(price) {
        widgets::banner(
            Tone::Warning,
            format!("{sentence} C'est plus de 30 % du prix du panier."),
        )
    } else {
        widgets::muted(sentence).into()
    })
}

/// One line per funder: who, and what percent of the remainder.
fn funding_lines<'a>(f: &'a SolidarityDraft, base: &Base) -> Column<'a, SolidarityMessage> {
    let mut lines = Column::new().spacing(6);
    for (i, (funder, percent)) in f.funding.iter().enumerate() {
        let pick = pick_list(base.funder_choices(), funder.clone(), move |c| {
            SolidarityMessage::FunderPicked(i, c)
        });
        lines = lines.push(
            row![
                pick.placeholder("Financeur").width(260),
                text_input("%", percent)
                    .id(format!("members-funding-{i}"))
                    .on_input(move |v| SolidarityMessage::PercentTyped(i, v))
                    .on_submit(SolidarityMessage::Submit)
                    .padding(7)
                    .width(70),
                text("% du reste à payer").size(14),
                widgets::secondary("Retirer", Some(SolidarityMessage::RemoveFunder(i))),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    lines
}

/// How a change of terms starts a new period.
fn periods_hint(f: &SolidarityDraft) -> String {
    match f.current_start {
        Some(start) => format!(
            "Les paniers livrés avant la date « À partir du » gardent leurs conditions d'alors. \
             Pour corriger une erreur de saisie sans ouvrir de nouvelle période, indiquez le \
             début des conditions actuelles ({}).",
            format_date(start)
        ),
        None => "Les paniers livrés avant la date « À partir du » gardent leurs conditions \
                 d'alors."
            .to_owned(),
    }
}
