//! The depots tab: each depot's delivery day, baskets per size, absences and make-ups.

use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::Message;
use crate::app::week::WeekData;
use crate::domain::distribution::Delivery;
use crate::store::sheets::DepotSheet;
use crate::ui::home::capitalise;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

const NUMBER: f32 = 80.0;

/// The depots tab.
pub fn view(data: &WeekData) -> Element<'_, Message> {
    let Some(set) = &data.set else {
        let mut list = Column::new().spacing(6);
        list = list.push(widgets::banner(
            Tone::Warning,
            "Pas de livraison cette semaine : aucune feuille à imprimer.",
        ));
        for (name, reason) in &data.closed {
            list = list.push(widgets::figure(name.clone(), reason.clone()));
        }
        if data.closed.is_empty() {
            list = list.push(widgets::muted(
                "Aucun dépôt actif : ajoutez vos dépôts dans Adhérents.",
            ));
        }
        return widgets::card("Dépôts", list);
    };
    let head = |label: String, width: Length| {
        text(label)
            .size(14)
            .font(BOLD)
            .color(theme::MUTED)
            .width(width)
    };
    let mut header = row![
        head("Dépôt".into(), Length::FillPortion(3)),
        head("Livraison".into(), Length::FillPortion(3)),
    ]
    .spacing(8);
    for size in &set.sizes {
        header = header.push(head(size.name.clone(), Length::Fixed(NUMBER)));
    }
    header = header
        .push(head("Total".into(), Length::Fixed(NUMBER)))
        .push(head("Adhérents".into(), Length::Fixed(NUMBER)));
    let mut table = Column::new().spacing(10).push(header);
    for depot in &set.depots {
        table = table.push(depot_row(depot));
    }
    let mut total = row![
        text("Total")
            .size(15)
            .font(BOLD)
            .width(Length::FillPortion(3)),
        text("").width(Length::FillPortion(3)),
    ]
    .spacing(8);
    for count in &set.totals {
        total = total.push(
            text(count.to_string())
                .size(15)
                .font(BOLD)
                .width(Length::Fixed(NUMBER)),
        );
    }
    total = total.push(
        text(set.total_baskets().to_string())
            .size(15)
            .font(BOLD)
            .width(Length::Fixed(NUMBER)),
    );
    let members: usize = set.depots.iter().map(|d| d.rows.len()).sum();
    total = total.push(
        text(members.to_string())
            .size(15)
            .width(Length::Fixed(NUMBER)),
    );
    table = table.push(total);
    let mut body = column![table].spacing(10);
    for skipped in &set.skipped {
        body = body.push(
            text(format!("{} : {}", skipped.name, skipped.reason))
                .size(14)
                .color(theme::WARNING_TEXT),
        );
    }
    widgets::card("Dépôts et paniers à préparer", body)
}

fn depot_row(depot: &DepotSheet) -> Element<'_, Message> {
    let mut when = column![
        text(capitalise(&crate::domain::calendar::long_date(depot.date)))
            .size(15)
            .color(theme::GREEN)
    ]
    .spacing(2);
    if let Delivery::Moved { .. } = depot.delivery {
        when = when.push(
            text(depot.delivery.describe())
                .size(13)
                .color(theme::WARNING_TEXT),
        );
    }
    let mut name = column![text(depot.name.clone()).size(15)].spacing(2);
    let absents: Vec<String> = depot
        .rows
        .iter()
        .filter(|r| r.absent)
        .map(|r| crate::domain::text::list_name(&r.first_name, &r.last_name))
        .collect();
    if !absents.is_empty() {
        name = name.push(widgets::muted(format!("Absents : {}", absents.join(", "))));
    }
    let made_up: Vec<String> = depot
        .rows
        .iter()
        .filter(|r| r.make_up > 0 && !r.absent)
        .map(|r| {
            format!(
                "{} (+{})",
                crate::domain::text::list_name(&r.first_name, &r.last_name),
                r.make_up
            )
        })
        .collect();
    if !made_up.is_empty() {
        name = name.push(widgets::muted(format!("Reportés : {}", made_up.join(", "))));
    }
    let mut line = row![
        name.width(Length::FillPortion(3)),
        when.width(Length::FillPortion(3))
    ]
    .spacing(8);
    for count in &depot.counts {
        line = line.push(
            text(count.to_string())
                .size(15)
                .width(Length::Fixed(NUMBER)),
        );
    }
    line.push(
        text(depot.total.to_string())
            .size(15)
            .font(BOLD)
            .width(Length::Fixed(NUMBER)),
    )
    .push(
        text(depot.rows.len().to_string())
            .size(15)
            .width(Length::Fixed(NUMBER)),
    )
    .into()
}
