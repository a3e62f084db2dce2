//! The Totaux tab: kg per crop, plot and destination, the season chart, and their exports.

use iced::widget::{Column, Row, column, container, row, scrollable, text};
use iced::{Alignment, Background, Border, Element, Length, Theme};

use super::list::{Computed, kg_label};
use super::{HarvestExport, Message};
use crate::domain::calendar::month_abbreviation;
use crate::domain::harvest_query::{Totals, format_number};
use crate::ui::export::Exporter;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

fn figures<'a>(rows: Vec<(String, f64)>) -> Element<'a, Message> {
    let mut col = Column::new().spacing(4);
    if rows.is_empty() {
        col = col.push(widgets::muted("Rien."));
    }
    for (label, kg) in rows {
        col = col.push(widgets::figure(
            label,
            format!("{} kg", format_number(kg, 1)),
        ));
    }
    scrollable(col.padding(iced::Padding::ZERO.right(14)))
        .height(Length::Fill)
        .into()
}

/// The line count and the total, then the lines not counted in kg, if any.
fn headline(t: &Totals) -> Element<'_, Message> {
    let mut page = Column::new().spacing(12).push(
        row![
            text(format!("{} lignes", t.lines))
                .size(15)
                .width(Length::Fill),
            text(format!("Total : {}", kg_label(Some(t.kg))))
                .size(18)
                .font(BOLD),
        ]
        .align_y(Alignment::Center),
    );
    if !t.unweighed.is_empty() {
        let list: Vec<String> = t
            .unweighed
            .iter()
            .map(|(crop, unit, q)| {
                format!("{crop} : {} {}", format_number(*q, 2), unit.label_for(*q))
            })
            .collect();
        page = page.push(widgets::banner(
            Tone::Warning,
            format!(
                "Non comptés en kg faute de poids par unité (à indiquer dans Cultures) : {}.",
                list.join(", ")
            ),
        ));
    }
    page.into()
}

/// The totals: per crop, per plot, per destination, the season chart, and their exports.
pub fn totals_view<'a>(computed: &'a Computed, exporter: &Exporter) -> Element<'a, Message> {
    if computed.reading {
        return widgets::muted(super::list::READING).into();
    }
    let t = &computed.totals;
    let by_plot = t
        .by_plot
        .iter()
        .map(|(plot, kg)| {
            let name = if plot.is_empty() {
                "Sans parcelle".to_owned()
            } else {
                plot.clone()
            };
            (name, *kg)
        })
        .collect();
    let by_destination = t
        .by_destination
        .iter()
        .map(|(d, kg)| (d.label().to_owned(), *kg))
        .collect();
    let mut page = Column::new().spacing(12);
    page = page.push(headline(t));
    page = page.push(
        row![
            widgets::card("Par culture", figures(t.by_crop.clone())),
            widgets::card("Par parcelle", figures(by_plot)),
            widgets::card("Par destination", figures(by_destination)),
        ]
        .spacing(12)
        .height(Length::Fixed(230.0)),
    );
    page = page.push(
        exporter
            .buttons_labelled(
                HarvestExport::Totals,
                "Exporter les totaux (CSV)",
                "Exporter les totaux (Excel)",
            )
            .map(Message::Export),
    );
    page = page.push(widgets::card(
        format!("Kg récoltés par mois, saison {}", computed.season),
        column![
            chart(&computed.months),
            exporter
                .buttons_labelled(
                    HarvestExport::CropMonths,
                    "Kg par culture et par mois (CSV)",
                    "Kg par culture et par mois (Excel)",
                )
                .map(Message::Export),
        ]
        .spacing(10),
    ));
    // Room for the scrollbar, so that it never covers the total or the right-hand card.
    scrollable(page.padding(iced::Padding::ZERO.right(16)))
        .height(Length::Fill)
        .into()
}

/// Twelve bars made of containers, the kg written above each.
fn chart<'a>(months: &[f64; 12]) -> Element<'a, Message> {
    const HEIGHT: f32 = 150.0;
    let max = months.iter().copied().fold(0.0_f64, f64::max);
    let mut bars = Row::new().spacing(8).align_y(Alignment::End);
    for (i, kg) in months.iter().enumerate() {
        #[allow(clippy::cast_possible_truncation)]
        let height = if max > 0.0 {
            (kg / max) as f32 * HEIGHT
        } else {
            0.0
        };
        let bar = container(text(""))
            .width(Length::Fill)
            .height(Length::Fixed(height.max(1.0)))
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(theme::GREEN)),
                border: Border {
                    radius: 2.0.into(),
                    ..Border::default()
                },
                ..container::Style::default()
            });
        let short = month_abbreviation(u32::try_from(i + 1).unwrap_or(1));
        bars = bars.push(
            column![
                text(if *kg > 0.0 {
                    format_number(*kg, 0)
                } else {
                    String::new()
                })
                .size(12),
                bar,
                text(short).size(12).color(theme::MUTED),
            ]
            .spacing(3)
            .align_x(Alignment::Center)
            .width(Length::Fill),
        );
    }
    bars.height(Length::Fixed(HEIGHT + 40.0)).into()
}
