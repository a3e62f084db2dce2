//! The forms of the "Formats et dépôts" tab: a depot, moving its subscribers, a basket size,
//! a new price. Each has its own fields and messages.

use iced::Element;
use iced::widget::{checkbox, column, pick_list, row};

use super::super::ids;
use super::super::kit::{Fields, FormEvent};
use crate::app;
use crate::app::members::drafts::{
    DepotDraft, MoveDraft, PriceDraft, SizeDraft, WEEKDAYS, WeekdayChoice,
};
use crate::app::members::{Base, Choice};
use crate::ui::widgets;

/// The text fields of the depot form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepotField {
    Name,
    Address,
    City,
    SlotStart,
    SlotEnd,
    Contact,
    Phone,
    Capacity,
}

/// Messages of the depot form.
#[derive(Debug, Clone)]
pub enum DepotMessage {
    Edited(DepotField, String),
    WeekdayPicked(WeekdayChoice),
    /// "Dépôt actif".
    Active(bool),
    Submit,
    Cancel,
}

/// Applies `message` to the depot form.
pub fn update_depot(f: &mut DepotDraft, message: DepotMessage) -> Option<FormEvent> {
    match message {
        DepotMessage::Edited(field, v) => {
            let slot = match field {
                DepotField::Name => &mut f.name,
                DepotField::Address => &mut f.address,
                DepotField::City => &mut f.city,
                DepotField::SlotStart => &mut f.slot_start,
                DepotField::SlotEnd => &mut f.slot_end,
                DepotField::Contact => &mut f.contact_name,
                DepotField::Phone => &mut f.contact_phone,
                DepotField::Capacity => &mut f.capacity,
            };
            *slot = v;
        }
        DepotMessage::WeekdayPicked(w) => f.weekday = Some(w),
        DepotMessage::Active(on) => f.active = on,
        DepotMessage::Submit => return Some(FormEvent::Submit),
        DepotMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The depot form.
pub fn depot_form<'a>(
    f: &'a DepotDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, DepotMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: DepotField, value: &'a str, width: Option<f32>| {
        let id = format!("members-depot-{field:?}");
        let edit = move |v| DepotMessage::Edited(field, v);
        fields.input(label, id, value, edit, DepotMessage::Submit, width)
    };
    let weekdays = pick_list(WEEKDAYS, f.weekday, DepotMessage::WeekdayPicked)
        .placeholder("Choisir…")
        .width(150);
    column![
        row![
            input("Nom", DepotField::Name, &f.name, None),
            input("Adresse", DepotField::Address, &f.address, None),
            input("Commune", DepotField::City, &f.city, None),
        ]
        .spacing(10),
        row![
            fields.labelled("Jour de livraison", weekdays),
            input(
                "De (heure)",
                DepotField::SlotStart,
                &f.slot_start,
                Some(110.0)
            ),
            input("À (heure)", DepotField::SlotEnd, &f.slot_end, Some(110.0)),
            input(
                "Capacité (paniers)",
                DepotField::Capacity,
                &f.capacity,
                Some(150.0)
            ),
        ]
        .spacing(10),
        row![
            input("Contact", DepotField::Contact, &f.contact_name, None),
            input(
                "Téléphone du contact",
                DepotField::Phone,
                &f.contact_phone,
                None
            ),
        ]
        .spacing(10),
        checkbox(f.active)
            .label("Dépôt actif")
            .on_toggle(DepotMessage::Active),
        fields.buttons("Enregistrer", DepotMessage::Submit, DepotMessage::Cancel),
    ]
    .spacing(10)
    .into()
}

/// Messages of the form moving a depot's subscribers.
#[derive(Debug, Clone)]
pub enum MoveMessage {
    /// The depot they go to.
    DepotPicked(Choice),
    /// A day of the first week they go there.
    FromTyped(String),
    Submit,
    Cancel,
}

/// Applies `message` to the form moving a depot's subscribers.
pub fn update_move(f: &mut MoveDraft, message: MoveMessage) -> Option<FormEvent> {
    match message {
        MoveMessage::DepotPicked(c) => f.to = Some(c),
        MoveMessage::FromTyped(v) => f.from = v,
        MoveMessage::Submit => return Some(FormEvent::Submit),
        MoveMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// "Déplacer les abonnés vers…": every subscription of a depot goes to another one from a
/// chosen week, history kept (a depot is made inactive only once nobody is left in it).
pub fn move_form<'a>(
    f: &'a MoveDraft,
    base: &'a Base,
    error: Option<&'a app::Error>,
) -> Element<'a, MoveMessage> {
    let fields = Fields::new(error);
    let name = base.depot_name(f.from_depot);
    let targets: Vec<Choice> = (base.depot_choices().into_iter())
        .filter(|c| c.id != f.from_depot)
        .collect();
    let targets = pick_list(targets, f.to.clone(), MoveMessage::DepotPicked)
        .placeholder("Choisir…")
        .width(220);
    widgets::card(
        format!("Déplacer les abonnés de {name}"),
        column![
            widgets::muted(
                "Chaque abonnement en cours continue dans le dépôt choisi à partir de la \
                 semaine indiquée ; les semaines passées restent à l'ancien dépôt."
            ),
            row![
                fields.labelled("Vers le dépôt", targets),
                fields.input(
                    "À partir de la semaine du",
                    "members-move-from",
                    &f.from,
                    MoveMessage::FromTyped,
                    MoveMessage::Submit,
                    Some(200.0)
                ),
            ]
            .spacing(10),
            fields.buttons(
                "Déplacer les abonnés",
                MoveMessage::Submit,
                MoveMessage::Cancel
            ),
        ]
        .spacing(10),
    )
}

/// The text fields of the size form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeField {
    Name,
    Persons,
}

/// Messages of the size form.
#[derive(Debug, Clone)]
pub enum SizeMessage {
    Edited(SizeField, String),
    /// "Proposé aux nouveaux abonnements (actif)".
    Active(bool),
    Submit,
    Cancel,
}

/// Applies `message` to the size form.
pub fn update_size(f: &mut SizeDraft, message: SizeMessage) -> Option<FormEvent> {
    match message {
        SizeMessage::Edited(SizeField::Name, v) => f.name = v,
        SizeMessage::Edited(SizeField::Persons, v) => f.persons = v,
        SizeMessage::Active(on) => f.active = on,
        SizeMessage::Submit => return Some(FormEvent::Submit),
        SizeMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// The name, persons and "active" of a size.
pub fn size_form<'a>(f: &'a SizeDraft, error: Option<&'a app::Error>) -> Element<'a, SizeMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: SizeField, id: &str, value: &'a str| {
        let edit = move |v| SizeMessage::Edited(field, v);
        fields.input(label, id, value, edit, SizeMessage::Submit, Some(240.0))
    };
    let mut c = column![
        row![
            input("Nom du format", SizeField::Name, ids::SIZE_NAME, &f.name),
            input(
                "Pour (ex. 2 personnes)",
                SizeField::Persons,
                "members-size-persons",
                &f.persons
            ),
        ]
        .spacing(10),
    ]
    .spacing(8);
    if f.id != 0 {
        c = c.push(
            checkbox(f.active)
                .label("Proposé aux nouveaux abonnements (actif)")
                .on_toggle(SizeMessage::Active),
        );
        if !f.active {
            c = c.push(widgets::muted(
                "Inactif : il n'est plus proposé, mais les abonnements en cours qui l'utilisent \
                 restent livrés.",
            ));
        }
    }
    c.push(fields.buttons("Enregistrer", SizeMessage::Submit, SizeMessage::Cancel))
        .into()
}

/// The text fields of the price form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceField {
    From,
    Amount,
}

/// Messages of the price form.
#[derive(Debug, Clone)]
pub enum PriceMessage {
    Edited(PriceField, String),
    Submit,
    Cancel,
}

/// Applies `message` to the price form.
pub fn update_price(f: &mut PriceDraft, message: PriceMessage) -> Option<FormEvent> {
    match message {
        PriceMessage::Edited(PriceField::From, v) => f.from = v,
        PriceMessage::Edited(PriceField::Amount, v) => f.amount = v,
        PriceMessage::Submit => return Some(FormEvent::Submit),
        PriceMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

/// A new price of a size: from when, how much.
pub fn price_form<'a>(
    f: &'a PriceDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, PriceMessage> {
    let fields = Fields::new(error);
    let input = |label: &'a str, field: PriceField, id: &str, value: &'a str| {
        let edit = move |v| PriceMessage::Edited(field, v);
        fields.input(label, id, value, edit, PriceMessage::Submit, Some(150.0))
    };
    column![
        row![
            input("À partir du", PriceField::From, ids::PRICE_FROM, &f.from),
            input(
                "Prix d'un panier (€)",
                PriceField::Amount,
                ids::PRICE_AMOUNT,
                &f.amount
            ),
        ]
        .spacing(10),
        widgets::muted(
            "Les prix précédents sont gardés : chaque livraison prend le prix valable ce jour-là."
        ),
        fields.buttons("Enregistrer", PriceMessage::Submit, PriceMessage::Cancel),
    ]
    .spacing(8)
    .into()
}
