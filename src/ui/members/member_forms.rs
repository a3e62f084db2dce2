//! The forms of a member's page (household, membership, subscription, absence, Paniers
//! Solidaires), and the small pieces every form of the screen uses.

use chrono::Datelike;
use iced::widget::{Column, checkbox, column, combo_box, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::forms::{AbsenceForm, MemberForm, MembershipForm, SolidarityForm, SubscriptionForm};
use super::{Field, Message, Screen, ids, labelled};
use crate::domain::baskets::{AbsenceMode, Frequency, MemberStatus, PaymentMethod, ShareKind};
use crate::domain::calendar::fortnight_label;
use crate::domain::money::format_euros;
use crate::ui::theme;
use crate::ui::widgets::{self, Tone};

/// A text input of the open form, saving on Enter.
pub(super) fn input<'a>(label: &'a str, value: &'a str, field: Field) -> Element<'a, Message> {
    labelled(label, text_box(value, field))
}

/// A text input of the open form `width` pixels wide, saving on Enter.
pub(super) fn input_w<'a>(
    label: &'a str,
    value: &'a str,
    field: Field,
    width: u32,
) -> Element<'a, Message> {
    labelled(label, text_box(value, field).width(width as f32))
}

fn text_box(value: &str, field: Field) -> text_input::TextInput<'_, Message> {
    text_input("", value)
        .id(field_id(field))
        .on_input(move |v| Message::Edit(field, v))
        .on_submit(Message::Save)
        .padding(7)
        .size(15)
}

/// The widget id of a field, for focus moves and the tests.
pub(super) fn field_id(field: Field) -> String {
    match field {
        Field::LastName => ids::LAST_NAME.into(),
        Field::FirstName => ids::FIRST_NAME.into(),
        Field::SubStart => ids::SUB_START.into(),
        Field::AbsStart => ids::ABS_START.into(),
        Field::AbsEnd => ids::ABS_END.into(),
        other => format!("members-{other:?}"),
    }
}

/// "Enregistrer" and "Annuler", with the form's error above them.
pub(super) fn buttons<'a>(error: Option<&'a str>) -> Element<'a, Message> {
    confirm_buttons("Enregistrer", error)
}

/// `action` (Enter does the same in a text field) and "Annuler", with the form's error above.
pub(super) fn confirm_buttons<'a>(action: &'a str, error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = Column::new().spacing(8);
    if let Some(e) = error.filter(|e| !e.is_empty()) {
        c = c.push(widgets::banner(Tone::Error, e));
    }
    c.push(
        row![
            widgets::action(action, Some(Message::Save)),
            widgets::secondary("Annuler", Some(Message::Cancel)),
        ]
        .spacing(10),
    )
    .into()
}

/// The household form.
pub fn member_form<'a>(f: &'a MemberForm, error: Option<&'a str>) -> Element<'a, Message> {
    column![
        row![
            input("Nom", &f.last_name, Field::LastName),
            input("Prénom", &f.first_name, Field::FirstName),
            input("Co-adhérent(e)", &f.co_member, Field::CoMember),
            labelled(
                "Statut",
                pick_list(MemberStatus::ALL, f.status, Message::StatusPicked).width(170)
            ),
        ]
        .spacing(10),
        row![
            input("Adresse", &f.address, Field::Address),
            input_w("Code postal", &f.postcode, Field::Postcode, 110),
            input("Commune", &f.city, Field::City),
        ]
        .spacing(10),
        row![
            input("Téléphone", &f.phone, Field::Phone),
            input("Autre téléphone", &f.phone2, Field::Phone2),
            input("E-mail", &f.email, Field::Email),
            input_w("Adhérent depuis le", &f.joined_on, Field::JoinedOn, 150),
        ]
        .spacing(10),
        input("Notes privées (jamais imprimées)", &f.notes, Field::Notes),
        (f.status == Some(MemberStatus::Left) && f.id != 0).then(|| {
            row![
                input_w(
                    "Fin des abonnements le",
                    &f.subscriptions_end,
                    Field::SubscriptionsEnd,
                    180
                ),
                widgets::muted(
                    "Un foyer parti ne reçoit plus de panier. Videz la date pour garder ses \
                     abonnements tels quels."
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End)
        }),
        buttons(error),
    ]
    .spacing(10)
    .into()
}

/// The yearly membership form.
pub fn membership_form<'a>(f: &'a MembershipForm, error: Option<&'a str>) -> Element<'a, Message> {
    column![
        row![
            input_w("Année", &f.year, Field::MsYear, 90),
            input_w("Montant (€)", &f.amount, Field::MsAmount, 120),
            input_w("Payée le", &f.paid_on, Field::MsPaidOn, 140),
            labelled(
                "Mode de paiement",
                pick_list(PaymentMethod::ALL, f.method, Message::MethodPicked).width(160)
            ),
        ]
        .spacing(10),
        buttons(error),
    ]
    .spacing(10)
    .into()
}

/// The subscription form, with the household the basket is shared with.
pub fn subscription_form<'a>(
    screen: &'a Screen,
    f: &'a SubscriptionForm,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut c = column![
        row![
            labelled(
                "Format",
                pick_list(screen.size_choices(), f.size.clone(), Message::SizePicked).width(150)
            ),
            labelled(
                "Dépôt",
                pick_list(
                    screen.depot_choices(),
                    f.depot.clone(),
                    Message::DepotPicked
                )
                .width(Length::Fill)
            ),
            input_w("Paniers", &f.quantity, Field::SubQuantity, 70),
            input_w(
                if f.changing.is_some() {
                    "Changement à partir du"
                } else {
                    "Début"
                },
                &f.start,
                Field::SubStart,
                170
            ),
            input_w("Fin (facultatif)", &f.end, Field::SubEnd, 140),
        ]
        .spacing(10),
        row![
            labelled(
                "Fréquence",
                pick_list(Frequency::ALL, f.frequency, Message::FrequencyPicked).width(220)
            ),
            labelled(
                "Partagé avec (un autre foyer qui prend ce panier)",
                combo_box(
                    &f.households,
                    "Tapez un nom…",
                    f.shared_with.as_ref(),
                    Message::SharedWithPicked
                )
                .padding(7)
                .size(15)
                .width(Length::Fill)
            ),
        ]
        .spacing(10),
    ]
    .spacing(10);
    if f.frequency == Some(Frequency::Fortnightly) {
        let start = crate::domain::calendar::parse_date(&f.start).unwrap_or(screen.today);
        if f.kept_anchor.is_none() {
            c = c.push(
                checkbox(f.second_week)
                    .label("Premier panier la semaine suivant le début")
                    .on_toggle(Message::SecondWeek),
            );
        }
        c = c.push(widgets::muted(format!(
            "En {} : {}.{}",
            start.year(),
            fortnight_label(f.anchor(start), start.year()),
            if f.kept_anchor.is_some() {
                " Ses semaines restent les mêmes après le changement."
            } else {
                ""
            }
        )));
    }
    if f.changing.is_some() {
        c = c.push(widgets::muted(
            "L'abonnement actuel s'arrête la veille ; l'historique est gardé.",
        ));
    }
    c.push(buttons(error)).into()
}

/// The absence form.
pub fn absence_form<'a>(f: &'a AbsenceForm, error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = column![
        row![
            input_w("Absent du", &f.start, Field::AbsStart, 150),
            input_w("au (inclus)", &f.end, Field::AbsEnd, 150),
            labelled(
                "Paniers pendant l'absence",
                pick_list(AbsenceMode::ALL, f.mode, Message::ModePicked).width(200)
            ),
            input("Notes", &f.notes, Field::AbsNotes),
        ]
        .spacing(10)
    ]
    .spacing(10);
    if f.mode == Some(AbsenceMode::MadeUp) {
        c = c.push(input_w(
            "Rattrapage la semaine du (vide : première livraison après le retour)",
            &f.makeup_week,
            Field::AbsMakeUp,
            460,
        ));
    }
    c.push(buttons(error)).into()
}

/// The Paniers Solidaires form of one subscription, with what the household and the funders
/// pay for one basket at today's price.
pub fn solidarity_form<'a>(
    screen: &'a Screen,
    f: &'a SolidarityForm,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut lines = Column::new().spacing(6);
    for (i, (funder, percent)) in f.funding.iter().enumerate() {
        lines = lines.push(
            row![
                pick_list(screen.funder_choices(), funder.clone(), move |c| {
                    Message::FundingFunder(i, c)
                })
                .placeholder("Financeur")
                .width(260),
                text_input("%", percent)
                    .id(format!("members-funding-{i}"))
                    .on_input(move |v| Message::FundingPercent(i, v))
                    .on_submit(Message::Save)
                    .padding(7)
                    .width(70),
                text("% du reste à payer").size(14),
                widgets::secondary("Retirer", Some(Message::RemoveFunding(i))),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    let mut c = column![
        row![
            input_w("À partir du", &f.start, Field::SolStart, 130),
            labelled(
                "Participation du foyer",
                pick_list(ShareKind::ALL, f.kind, Message::ShareKindPicked).width(160)
            ),
            input_w(
                if f.kind == Some(ShareKind::Amount) {
                    "Montant par panier (€)"
                } else {
                    "Pourcentage du prix"
                },
                &f.value,
                Field::SolValue,
                170
            ),
            input_w("Révision le", &f.review_on, Field::SolReview, 140),
            input("Travailleur social", &f.social_worker, Field::SolWorker),
            input("Structure", &f.referring_body, Field::SolBody),
        ]
        .spacing(10),
    ]
    .spacing(10);
    if let (Some(price), Ok((share_kind, share_value))) = (
        screen.price_of_subscription(f.subscription_id),
        f.household_share(),
    ) {
        let terms = crate::domain::baskets::Solidarity {
            id: 0,
            subscription_id: f.subscription_id,
            start: screen.today,
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
        c = c.push(if terms.share_too_high(price) {
            widgets::banner(
                Tone::Warning,
                format!("{sentence} C'est plus de 30 % du prix du panier."),
            )
        } else {
            widgets::muted(sentence).into()
        });
    }
    c.push(
        text("Financeurs du reste à payer")
            .size(14)
            .color(theme::MUTED),
    )
    .push(lines)
    .push(widgets::secondary(
        "Ajouter un financeur",
        Some(Message::AddFunding),
    ))
    .push(f.unfunded_percent().map(|p| {
        widgets::banner(
            Tone::Warning,
            format!(
                "Reste non financé : {p} % du reste à payer. Il figurera comme tel sur les \
                 relevés et le bilan."
            ),
        )
    }))
    .push(widgets::muted(match f.current_start {
        Some(start) => format!(
            "Les paniers livrés avant la date « À partir du » gardent leurs conditions d'alors. \
             Pour corriger une erreur de saisie sans ouvrir de nouvelle période, indiquez le \
             début des conditions actuelles ({}).",
            crate::domain::calendar::format_date(start)
        ),
        None => {
            "Les paniers livrés avant la date « À partir du » gardent leurs conditions d'alors."
                .to_owned()
        }
    }))
    .push(buttons(error))
    .into()
}

/// The end of a household's Paniers Solidaires terms: the last day they apply.
pub fn end_solidarity_form<'a>(end: &'a str, error: Option<&'a str>) -> Element<'a, Message> {
    column![
        widgets::muted(
            "Les paniers livrés jusqu'à ce jour restent des Paniers Solidaires sur les relevés ; \
             les suivants sont au prix normal.",
        ),
        input_w("Dernier jour", end, Field::SolEnd, 130),
        confirm_buttons("Terminer les conditions", error),
    ]
    .spacing(10)
    .into()
}
