//! What the "Formats et dépôts" tab shows: sizes with their prices newest first, and depots,
//! with the form open among them.

use chrono::NaiveDate;
use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::forms::{depot_form, move_form, price_form, size_form};
use super::{Form, Message, Setup};
use crate::app::members::Base;
use crate::domain::baskets::{BasketPrice, BasketSize, Depot, price_on};
use crate::domain::calendar::{format_date, weekday_name};
use crate::domain::money::format_euros;
use crate::ui::members::kit::{Fields, SCROLL_GAP, link, scroll};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

impl Setup {
    /// Sizes with their prices, and depots.
    pub fn view<'a>(&'a self, base: &'a Base, today: NaiveDate) -> Element<'a, Message> {
        let error = self.error.as_ref();
        let mut sizes = Column::new().spacing(14);
        for s in &base.sizes {
            sizes = sizes.push(self.size_block(base, s, today));
        }
        if let Form::Size(f) = &self.form
            && f.id == 0
        {
            let form = size_form(f, error).map(Message::Size);
            sizes = sizes.push(widgets::card("Nouveau format", form));
        } else {
            sizes = sizes.push(widgets::secondary("Nouveau format", Some(Message::NewSize)));
        }
        let mut depots = Column::new().spacing(6);
        if let Form::Depot(f) = &self.form {
            let heading = if f.id == 0 {
                "Nouveau dépôt"
            } else {
                "Modifier le dépôt"
            };
            depots = depots.push(widgets::card(
                heading,
                depot_form(f, error).map(Message::Depot),
            ));
        }
        for d in &base.depots {
            depots = depots.push(depot_line(d));
        }
        if let Form::Move(f) = &self.form {
            depots = depots.push(move_form(f, base, error).map(Message::Move));
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

    /// One size: its name, then its prices newest first ("12,00 € depuis le 01/01/2026"),
    /// with the forms to edit it, add a price, or confirm a price's deletion.
    fn size_block<'a>(
        &'a self,
        base: &'a Base,
        s: &'a BasketSize,
        today: NaiveDate,
    ) -> Element<'a, Message> {
        let error = self.error.as_ref();
        let mut block = Column::new().spacing(4);
        match &self.form {
            Form::Size(f) if f.id == s.id => {
                let form = size_form(f, error).map(Message::Size);
                block = block.push(widgets::card(
                    format!("Modifier le format {}", s.name),
                    form,
                ));
            }
            _ => block = block.push(size_head(s)),
        }
        if let Form::Price(f) = &self.form
            && f.size_id == s.id
        {
            let form = price_form(f, error).map(Message::Price);
            block = block.push(widgets::card(
                format!("Nouveau prix du format {}", s.name),
                form,
            ));
        }
        let mut prices: Vec<&BasketPrice> =
            base.prices.iter().filter(|p| p.size_id == s.id).collect();
        prices.sort_by_key(|p| std::cmp::Reverse(p.valid_from));
        let history: Vec<BasketPrice> = prices.iter().map(|p| (*p).clone()).collect();
        let current = (history.iter())
            .filter(|p| p.valid_from <= today)
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
            block = block.push(self.price_line(p, current, today));
        }
        if price_on(&history, today).is_none() && !history.is_empty() {
            block = block.push(widgets::muted(
                "Aucun prix n'est encore valable aujourd'hui.",
            ));
        }
        block.into()
    }

    /// A price, tagged "prix actuel" or "à venir", or the question before deleting it.
    fn price_line<'a>(
        &'a self,
        p: &BasketPrice,
        current: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Element<'a, Message> {
        let line = format!(
            "{} depuis le {}",
            format_euros(p.price),
            format_date(p.valid_from)
        );
        if matches!(self.form, Form::DeletePrice(id) if id == p.id) {
            let fields = Fields::new(self.error.as_ref());
            return column![
                text(format!("Supprimer le prix {line} ?"))
                    .size(15)
                    .font(BOLD),
                widgets::muted("Les livraisons de cette période prendront le prix précédent."),
                fields.buttons("Supprimer", Message::Confirm, Message::Cancel),
            ]
            .spacing(6)
            .padding([4, 20])
            .into();
        }
        let (tag, strong) = if p.valid_from > today {
            ("à venir", true)
        } else if Some(p.valid_from) == current {
            ("prix actuel", true)
        } else {
            ("", false)
        };
        let mut t = text(line).size(15).width(260);
        t = if strong {
            t.font(BOLD)
        } else {
            t.color(theme::MUTED)
        };
        row![
            t,
            widgets::muted(tag).width(110),
            link("Supprimer", Message::DeletePrice(p.id)),
        ]
        .spacing(10)
        .padding([0, 20])
        .align_y(iced::Alignment::Center)
        .into()
    }
}

/// A size's name (and for how many), with its buttons.
fn size_head(s: &BasketSize) -> Element<'_, Message> {
    let label = if s.persons.is_empty() {
        s.name.clone()
    } else {
        format!("{} ({})", s.name, s.persons)
    };
    let mut name = text(label).size(16).font(BOLD);
    if !s.active {
        name = name.color(theme::MUTED);
    }
    let mut head = row![name].spacing(10).align_y(iced::Alignment::Center);
    if !s.active {
        head = head.push(widgets::muted("inactif : plus proposé"));
    }
    head.push(iced::widget::Space::new().width(Length::Fill))
        .push(widgets::secondary(
            "Modifier le format…",
            Some(Message::EditSize(s.id)),
        ))
        .push(widgets::secondary(
            "Nouveau prix…",
            Some(Message::NewPrice(s.id)),
        ))
        .into()
}

/// A depot: name, day and hours, address, contact, capacity, state, and its buttons.
fn depot_line(d: &Depot) -> Element<'_, Message> {
    let slot = if d.slot_start.is_empty() {
        String::new()
    } else {
        format!(" {}–{}", d.slot_start, d.slot_end)
    };
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
    .align_y(iced::Alignment::Center)
    .into()
}
