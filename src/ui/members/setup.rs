//! The "Formats et dépôts" tab: basket sizes with their price history, and depots.

use iced::widget::{Column, checkbox, column, pick_list, row, text};
use iced::{Element, Length};

use super::forms::{Deletion, SizeForm};
use super::member::link;
use super::member_forms::{buttons, confirm_buttons, input, input_w};
use super::{Field, Form, Message, Screen, labelled, scroll};
use crate::domain::baskets::{BasketPrice, BasketSize, price_on};
use crate::domain::calendar::{format_date, weekday_name};
use crate::domain::money::format_euros;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Room for the scroll bar on the right of a scrolled page.
pub(super) const SCROLL_GAP: iced::Padding = iced::Padding {
    top: 0.0,
    right: 16.0,
    bottom: 0.0,
    left: 0.0,
};

/// Sizes with their prices, and depots.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let error = screen.form_error.as_deref();
    let mut sizes = Column::new().spacing(14);
    for s in &screen.base.sizes {
        sizes = sizes.push(size_block(screen, s, error));
    }
    if let Form::Size(f) = &screen.form
        && f.id == 0
    {
        sizes = sizes.push(widgets::card("Nouveau format", size_form(f, error)));
    } else {
        sizes = sizes.push(widgets::secondary("Nouveau format", Some(Message::NewSize)));
    }

    let mut depots = Column::new().spacing(6);
    if let Form::Depot(f) = &screen.form {
        depots = depots.push(widgets::card(
            if f.id == 0 {
                "Nouveau dépôt"
            } else {
                "Modifier le dépôt"
            },
            column![
                row![
                    input("Nom", &f.name, Field::DepName),
                    input("Adresse", &f.address, Field::DepAddress),
                    input("Commune", &f.city, Field::DepCity),
                ]
                .spacing(10),
                row![
                    labelled(
                        "Jour de livraison",
                        pick_list(super::forms::WEEKDAYS, f.weekday, Message::WeekdayPicked)
                            .placeholder("Choisir…")
                            .width(150)
                    ),
                    input_w("De (heure)", &f.slot_start, Field::DepSlotStart, 110),
                    input_w("À (heure)", &f.slot_end, Field::DepSlotEnd, 110),
                    input_w("Capacité (paniers)", &f.capacity, Field::DepCapacity, 150),
                ]
                .spacing(10),
                row![
                    input("Contact", &f.contact_name, Field::DepContact),
                    input("Téléphone du contact", &f.contact_phone, Field::DepPhone),
                ]
                .spacing(10),
                checkbox(f.active)
                    .label("Dépôt actif")
                    .on_toggle(Message::DepotActive),
                buttons(error),
            ]
            .spacing(10),
        ));
    }
    for d in &screen.base.depots {
        let slot = if d.slot_start.is_empty() {
            String::new()
        } else {
            format!(" {}–{}", d.slot_start, d.slot_end)
        };
        depots = depots.push(
            row![
                text(d.name.clone()).size(15).font(BOLD).width(240),
                text(format!("{}{slot}", weekday_name(d.weekday)))
                    .size(14)
                    .width(160),
                text(format!("{} {}", d.address, d.city).trim().to_owned())
                    .size(14)
                    .width(Length::Fill),
                column![
                    text(d.contact_name.clone()).size(14),
                    widgets::muted(d.contact_phone.clone()),
                ]
                .width(190),
                text(d.capacity.map_or("—".into(), |c| format!("{c} places")))
                    .size(14)
                    .width(90),
                text(if d.active { "actif" } else { "inactif" })
                    .size(14)
                    .color(theme::MUTED)
                    .width(60),
                link("Modifier", Message::EditDepot(d.id)),
                link("Déplacer les abonnés…", Message::MoveSubscribers(d.id)),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        );
    }
    if let Form::MoveSubscribers(from_depot, to, from) = &screen.form {
        depots = depots.push(move_form(screen, *from_depot, to.as_ref(), from, error));
    }
    depots = depots.push(widgets::secondary("Nouveau dépôt", Some(Message::NewDepot)));
    scroll(
        column![
            widgets::card("Formats de panier et prix", sizes),
            widgets::card("Dépôts", depots)
        ]
        .spacing(14)
        .padding(SCROLL_GAP),
    )
}

/// "Déplacer les abonnés vers…": every subscription of a depot goes to another one from a
/// chosen week, history kept (a depot is made inactive only once nobody is left in it).
fn move_form<'a>(
    screen: &'a Screen,
    from_depot: i64,
    to: Option<&'a super::forms::Choice>,
    from: &'a str,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let name = screen
        .base
        .depots
        .iter()
        .find(|d| d.id == from_depot)
        .map_or("", |d| d.name.as_str());
    let targets: Vec<super::forms::Choice> = screen
        .depot_choices()
        .into_iter()
        .filter(|c| c.id != from_depot)
        .collect();
    widgets::card(
        format!("Déplacer les abonnés de {name}"),
        column![
            widgets::muted(
                "Chaque abonnement en cours continue dans le dépôt choisi à partir de la \
                 semaine indiquée ; les semaines passées restent à l'ancien dépôt."
            ),
            row![
                labelled(
                    "Vers le dépôt",
                    pick_list(targets, to.cloned(), Message::DepotPicked)
                        .placeholder("Choisir…")
                        .width(220)
                ),
                input_w("À partir de la semaine du", from, Field::MoveFrom, 200),
            ]
            .spacing(10),
            confirm_buttons("Déplacer les abonnés", error),
        ]
        .spacing(10),
    )
}

/// One size: its name, then its prices newest first ("12,00 € depuis le 01/01/2026"), with
/// the forms to edit it, add a price, or confirm a price's deletion.
fn size_block<'a>(
    screen: &'a Screen,
    s: &'a BasketSize,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut block = Column::new().spacing(4);
    match &screen.form {
        Form::Size(f) if f.id == s.id => {
            block = block.push(widgets::card(
                format!("Modifier le format {}", s.name),
                size_form(f, error),
            ));
        }
        _ => {
            let mut name = text(if s.persons.is_empty() {
                s.name.clone()
            } else {
                format!("{} ({})", s.name, s.persons)
            })
            .size(16)
            .font(BOLD);
            if !s.active {
                name = name.color(theme::MUTED);
            }
            let mut head = row![name].spacing(10).align_y(iced::Alignment::Center);
            if !s.active {
                head = head.push(widgets::muted("inactif : plus proposé"));
            }
            block = block.push(
                head.push(iced::widget::Space::new().width(Length::Fill))
                    .push(widgets::secondary(
                        "Modifier le format…",
                        Some(Message::EditSize(s.id)),
                    ))
                    .push(widgets::secondary(
                        "Nouveau prix…",
                        Some(Message::NewPrice(s.id)),
                    )),
            );
        }
    }
    if let Form::Price(id, from, amount) = &screen.form
        && *id == s.id
    {
        block = block.push(widgets::card(
            format!("Nouveau prix du format {}", s.name),
            column![
                row![
                    input_w("À partir du", from, Field::PriceFrom, 150),
                    input_w("Prix d'un panier (€)", amount, Field::PriceAmount, 150),
                ]
                .spacing(10),
                widgets::muted(
                    "Les prix précédents sont gardés : chaque livraison prend le prix valable ce jour-là."
                ),
                buttons(error)
            ]
            .spacing(8),
        ));
    }
    let mut prices: Vec<&BasketPrice> = screen
        .base
        .prices
        .iter()
        .filter(|p| p.size_id == s.id)
        .collect();
    prices.sort_by_key(|p| std::cmp::Reverse(p.valid_from));
    let history: Vec<BasketPrice> = prices.iter().map(|p| (*p).clone()).collect();
    let current = history
        .iter()
        .filter(|p| p.valid_from <= screen.today)
        .map(|p| p.valid_from)
        .max();
    if prices.is_empty() {
        block = block.push(
            text("Pas encore de prix : ajoutez-en un avec « Nouveau prix… ».")
                .size(14)
                .color(theme::WARNING_TEXT),
        );
    }
    for p in prices {
        let line = format!(
            "{} depuis le {}",
            format_euros(p.price),
            format_date(p.valid_from)
        );
        if matches!(screen.form, Form::Delete(Deletion::Price(id)) if id == p.id) {
            block = block.push(
                column![
                    text(format!("Supprimer le prix {line} ?"))
                        .size(15)
                        .font(BOLD),
                    widgets::muted("Les livraisons de cette période prendront le prix précédent."),
                    confirm_buttons("Supprimer", error),
                ]
                .spacing(6)
                .padding([4, 20]),
            );
            continue;
        }
        let (tag, strong) = if p.valid_from > screen.today {
            ("à venir", true)
        } else if Some(p.valid_from) == current {
            ("prix actuel", true)
        } else {
            ("", false)
        };
        let mut t = text(line).size(15).width(260);
        if strong {
            t = t.font(BOLD);
        } else {
            t = t.color(theme::MUTED);
        }
        block = block.push(
            row![
                t,
                widgets::muted(tag).width(110),
                link("Supprimer", Message::DeletePrice(p.id)),
            ]
            .spacing(10)
            .padding([0, 20])
            .align_y(iced::Alignment::Center),
        );
    }
    if price_on(&history, screen.today).is_none() && !history.is_empty() {
        block = block.push(widgets::muted(
            "Aucun prix n'est encore valable aujourd'hui.",
        ));
    }
    block.into()
}

/// The name, persons and "active" of a size.
fn size_form<'a>(f: &'a SizeForm, error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = column![
        row![
            input_w("Nom du format", &f.name, Field::SizeName, 240),
            input_w(
                "Pour (ex. 2 personnes)",
                &f.persons,
                Field::SizePersons,
                240
            ),
        ]
        .spacing(10),
    ]
    .spacing(8);
    if f.id != 0 {
        c = c.push(
            checkbox(f.active)
                .label("Proposé aux nouveaux abonnements (actif)")
                .on_toggle(Message::SizeActive),
        );
        if !f.active {
            c = c.push(widgets::muted(
                "Inactif : il n'est plus proposé, mais les abonnements en cours qui l'utilisent restent livrés.",
            ));
        }
    }
    c.push(buttons(error)).into()
}
