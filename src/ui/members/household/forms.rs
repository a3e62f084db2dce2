//! The forms of a household's page that are plain text: the household, a yearly
//! membership, an absence. Each has its own fields and messages, and tells the page when it
//! is submitted or cancelled.

use chrono::NaiveDate;
use iced::Element;
use iced::widget::{Column, column, pick_list, row};

use super::super::ids;
use super::super::kit::{Fields, FormEvent};
use crate::app;
use crate::app::members::drafts::{AbsenceDraft, MAKE_UP_WEEK, MemberDraft, MembershipDraft};
use crate::domain::baskets::{AbsenceMode, MemberStatus, PaymentMethod};
use crate::ui::widgets;

/// The text fields of the household form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberField {
    LastName,
    FirstName,
    CoMember,
    Address,
    Postcode,
    City,
    Phone,
    Phone2,
    Email,
    Notes,
    JoinedOn,
    /// "Fin des abonnements le", offered when a household leaves.
    SubscriptionsEnd,
}

/// Messages of the household form.
#[derive(Debug, Clone)]
pub enum MemberMessage {
    Edited(MemberField, String),
    StatusPicked(MemberStatus),
    Submit,
    Cancel,
}

/// Applies `message` to the household form (as of `today`).
pub fn update_member(
    f: &mut MemberDraft,
    message: MemberMessage,
    today: NaiveDate,
) -> Option<FormEvent> {
    use MemberField as F;
    match message {
        MemberMessage::Edited(field, v) => {
            let slot = match field {
                F::LastName => &mut f.last_name,
                F::FirstName => &mut f.first_name,
                F::CoMember => &mut f.co_member,
                F::Address => &mut f.address,
                F::Postcode => &mut f.postcode,
                F::City => &mut f.city,
                F::Phone => &mut f.phone,
                F::Phone2 => &mut f.phone2,
                F::Email => &mut f.email,
                F::Notes => &mut f.notes,
                F::JoinedOn => &mut f.joined_on,
                F::SubscriptionsEnd => &mut f.subscriptions_end,
            };
            *slot = v;
        }
        MemberMessage::StatusPicked(status) => f.set_status(status, today),
        MemberMessage::Submit => return Some(FormEvent::Submit),
        MemberMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The household form, with the error of its last save.
pub fn member_form<'a>(
    f: &'a MemberDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, MemberMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: MemberField, value: &'a str, width: Option<f32>| {
        let id = match field {
            MemberField::LastName => ids::LAST_NAME.to_owned(),
            MemberField::FirstName => ids::FIRST_NAME.to_owned(),
            other => format!("member-{other:?}"),
        };
        let edit = move |v| MemberMessage::Edited(field, v);
        fields.input(label, id, value, edit, MemberMessage::Submit, width)
    };
    use MemberField as F;
    column![
        row![
            input("Nom", F::LastName, &f.last_name, None),
            input("Prénom", F::FirstName, &f.first_name, None),
            input("Co-adhérent(e)", F::CoMember, &f.co_member, None),
            fields.labelled(
                "Statut",
                pick_list(MemberStatus::ALL, f.status, MemberMessage::StatusPicked).width(170)
            ),
        ]
        .spacing(10),
        row![
            input("Adresse", F::Address, &f.address, None),
            input("Code postal", F::Postcode, &f.postcode, Some(110.0)),
            input("Commune", F::City, &f.city, None),
        ]
        .spacing(10),
        row![
            input("Téléphone", F::Phone, &f.phone, None),
            input("Autre téléphone", F::Phone2, &f.phone2, None),
            input("E-mail", F::Email, &f.email, None),
            input("Adhérent depuis le", F::JoinedOn, &f.joined_on, Some(150.0)),
        ]
        .spacing(10),
        input("Notes privées (jamais imprimées)", F::Notes, &f.notes, None),
        f.offers_end().then(|| {
            row![
                input(
                    "Fin des abonnements le",
                    F::SubscriptionsEnd,
                    &f.subscriptions_end,
                    Some(180.0)
                ),
                widgets::muted(
                    "Un foyer parti ne reçoit plus de panier. Videz la date pour garder ses \
                     abonnements tels quels."
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End)
        }),
        fields.buttons("Enregistrer", MemberMessage::Submit, MemberMessage::Cancel),
    ]
    .spacing(10)
    .into()
}

/// The text fields of the membership form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipField {
    Year,
    Amount,
    PaidOn,
}

/// Messages of the membership form.
#[derive(Debug, Clone)]
pub enum MembershipMessage {
    Edited(MembershipField, String),
    MethodPicked(PaymentMethod),
    Submit,
    Cancel,
}

/// Applies `message` to the membership form.
pub fn update_membership(f: &mut MembershipDraft, message: MembershipMessage) -> Option<FormEvent> {
    match message {
        MembershipMessage::Edited(MembershipField::Year, v) => f.year = v,
        MembershipMessage::Edited(MembershipField::Amount, v) => f.amount = v,
        MembershipMessage::Edited(MembershipField::PaidOn, v) => f.paid_on = v,
        MembershipMessage::MethodPicked(method) => f.method = Some(method),
        MembershipMessage::Submit => return Some(FormEvent::Submit),
        MembershipMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The yearly membership form.
pub fn membership_form<'a>(
    f: &'a MembershipDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, MembershipMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: MembershipField, id: &str, value: &'a str, width| {
        let edit = move |v| MembershipMessage::Edited(field, v);
        fields.input(
            label,
            id,
            value,
            edit,
            MembershipMessage::Submit,
            Some(width),
        )
    };
    column![
        row![
            input(
                "Année",
                MembershipField::Year,
                "members-ms-year",
                &f.year,
                90.0
            ),
            input(
                "Montant (€)",
                MembershipField::Amount,
                ids::MS_AMOUNT,
                &f.amount,
                120.0
            ),
            input(
                "Payée le",
                MembershipField::PaidOn,
                "members-ms-paid-on",
                &f.paid_on,
                140.0
            ),
            fields.labelled(
                "Mode de paiement",
                pick_list(
                    PaymentMethod::ALL,
                    f.method,
                    MembershipMessage::MethodPicked
                )
                .width(160)
            ),
        ]
        .spacing(10),
        fields.buttons(
            "Enregistrer",
            MembershipMessage::Submit,
            MembershipMessage::Cancel
        ),
    ]
    .spacing(10)
    .into()
}

/// The text fields of the absence form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbsenceField {
    Start,
    End,
    MakeUpWeek,
    Notes,
}

/// Messages of the absence form.
#[derive(Debug, Clone)]
pub enum AbsenceMessage {
    Edited(AbsenceField, String),
    ModePicked(AbsenceMode),
    Submit,
    Cancel,
}

/// Applies `message` to the absence form.
pub fn update_absence(f: &mut AbsenceDraft, message: AbsenceMessage) -> Option<FormEvent> {
    match message {
        AbsenceMessage::Edited(AbsenceField::Start, v) => f.start = v,
        AbsenceMessage::Edited(AbsenceField::End, v) => f.end = v,
        AbsenceMessage::Edited(AbsenceField::MakeUpWeek, v) => f.makeup_week = v,
        AbsenceMessage::Edited(AbsenceField::Notes, v) => f.notes = v,
        AbsenceMessage::ModePicked(mode) => f.mode = Some(mode),
        AbsenceMessage::Submit => return Some(FormEvent::Submit),
        AbsenceMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The absence form.
pub fn absence_form<'a>(
    f: &'a AbsenceDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, AbsenceMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: AbsenceField, id: &str, value: &'a str, width| {
        let edit = move |v| AbsenceMessage::Edited(field, v);
        fields.input(label, id, value, edit, AbsenceMessage::Submit, width)
    };
    let mut c = Column::new().spacing(10).push(
        row![
            input(
                "Absent du",
                AbsenceField::Start,
                ids::ABS_START,
                &f.start,
                Some(150.0)
            ),
            input(
                "au (inclus)",
                AbsenceField::End,
                ids::ABS_END,
                &f.end,
                Some(150.0)
            ),
            fields.labelled(
                "Paniers pendant l'absence",
                pick_list(AbsenceMode::ALL, f.mode, AbsenceMessage::ModePicked).width(200)
            ),
            input(
                "Notes",
                AbsenceField::Notes,
                "absence-notes",
                &f.notes,
                None
            ),
        ]
        .spacing(10),
    );
    if f.mode == Some(AbsenceMode::MadeUp) {
        let week = AbsenceField::MakeUpWeek;
        c = c.push(input(
            MAKE_UP_WEEK,
            week,
            "absence-make-up",
            &f.makeup_week,
            Some(460.0),
        ));
    }
    c.push(fields.buttons(
        "Enregistrer",
        AbsenceMessage::Submit,
        AbsenceMessage::Cancel,
    ))
    .into()
}
