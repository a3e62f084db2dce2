//! The pickups tab: after distribution, tick each member collected / not collected / donated.

use iced::widget::{Column, button, column, row, scrollable, text};
use iced::{Element, Length};

use super::Message;
use crate::app::week::WeekData;
use crate::domain::baskets::{Pickup, PickupStatus};
use crate::store::sheets::{DepotSheet, SheetRow};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// The pickups to record when `row` is marked `status` in the week of `data`.
pub fn pickups_for(data: &WeekData, row: &SheetRow, status: PickupStatus) -> Vec<Pickup> {
    row.subscriptions
        .iter()
        .map(|&(subscription_id, baskets)| Pickup {
            monday: data.week.monday(),
            subscription_id,
            baskets,
            status,
        })
        .collect()
}

/// The status shown for a row: the one ticked for its first subscription.
pub fn row_status(data: &WeekData, row: &SheetRow) -> Option<PickupStatus> {
    row.subscriptions
        .first()
        .and_then(|(id, _)| data.pickup_status(*id))
}

/// Counts of a depot: (collected, not collected, donated, still to tick), in baskets.
pub fn counts(data: &WeekData, depot: &DepotSheet) -> (i64, i64, i64, i64) {
    let mut counts = (0, 0, 0, 0);
    for row in depot.rows.iter().filter(|r| r.baskets > 0) {
        match row_status(data, row) {
            Some(PickupStatus::Collected) => counts.0 += row.baskets,
            Some(PickupStatus::NotCollected) => counts.1 += row.baskets,
            Some(PickupStatus::Donated) => counts.2 += row.baskets,
            None => counts.3 += row.baskets,
        }
    }
    counts
}

/// The pickups tab for depot number `depot`, with `exports` (its export buttons) under
/// the counts.
pub fn view<'a>(
    data: &'a WeekData,
    depot: usize,
    exports: Element<'a, Message>,
) -> Element<'a, Message> {
    let Some(set) = &data.set else {
        return widgets::muted("Pas de livraison cette semaine.").into();
    };
    let mut tabs = row![].spacing(6);
    for (i, d) in set.depots.iter().enumerate() {
        let b = button(text(d.name.clone()).size(14)).padding([6, 10]);
        tabs = tabs.push(if i == depot {
            b.on_press(Message::PickDepot(i))
        } else {
            b.style(button::secondary).on_press(Message::PickDepot(i))
        });
    }
    let Some(sheet) = set.depots.get(depot) else {
        return tabs.into();
    };
    let (collected, missed, donated, left) = counts(data, sheet);
    let summary = text(format!(
        "Retirés : {collected} · Non retirés : {missed} · Donnés : {donated} · À cocher : {left}"
    ))
    .size(15)
    .font(BOLD);
    let mut list = Column::new().spacing(4).padding([0, 16]);
    for (i, r) in sheet.rows.iter().enumerate() {
        let name = text(crate::domain::text::list_name(&r.first_name, &r.last_name))
            .size(15)
            .width(Length::FillPortion(3));
        let what = text(format!("{} × {}", r.baskets, r.size))
            .size(14)
            .color(theme::MUTED)
            .width(Length::FillPortion(2));
        if r.baskets == 0 {
            list = list.push(row![name, widgets::muted("Absent : rien à cocher")].spacing(8));
            continue;
        }
        let current = row_status(data, r);
        let mut line = row![name, what].spacing(8);
        for status in PickupStatus::ALL {
            let b = button(text(status.label()).size(14)).padding([4, 10]);
            line = line.push(if current == Some(*status) {
                b.on_press(Message::Mark(i, *status))
            } else {
                b.style(button::secondary)
                    .on_press(Message::Mark(i, *status))
            });
        }
        list = list.push(line);
    }
    let body = column![
        tabs,
        row![
            summary,
            widgets::secondary(
                "Marquer tous les autres « Retiré »",
                (left > 0).then_some(Message::MarkAllCollected)
            ),
        ]
        .spacing(16)
        .align_y(iced::Alignment::Center),
        exports,
        scrollable(list).height(Length::Fixed(380.0)),
    ]
    .spacing(12);
    widgets::card("Après la distribution : qui a retiré son panier ?", body)
}
