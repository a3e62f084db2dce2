//! The Paniers screen's exports: the week's depots, one depot's pickups, and the baskets
//! per depot × size over a range of weeks (from / to, the next 8 delivery weeks by default).

use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Message;
use crate::app::Garden;
use crate::app::{self, week::WeekData};
use crate::domain::calendar::IsoWeek;
use crate::domain::export::parse_week_field;
use crate::report::export::{cross, lists};
use crate::ui::export::{self, Build, Exporter};
use crate::ui::screen::Context;
use crate::ui::theme;
use crate::ui::widgets;

/// Ids of the range fields.
pub mod ids {
    /// First week of the range.
    pub const FROM: &str = "week-range-from";
    /// Last week of the range.
    pub const TO: &str = "week-range-to";
}

/// The field named by an error about the range as a whole (reversed, too long).
pub const RANGE_FIELD: &str = "semaines";

/// What the Paniers screen exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekExport {
    /// The depots of the week shown, baskets per size.
    Depots,
    /// The pickups of the depot shown.
    Pickups,
    /// Baskets per depot and size over the range of weeks typed.
    Baskets,
}

impl export::Target for WeekExport {
    fn file_stem(self) -> &'static str {
        match self {
            WeekExport::Depots => "paniers-depots",
            WeekExport::Pickups => "retraits",
            WeekExport::Baskets => "paniers-par-depot-et-taille",
        }
    }
}

/// The range of weeks as typed.
#[derive(Debug, Clone, Default)]
pub struct Range {
    /// First week ("2026-W48", "48"…).
    pub from: String,
    /// Last week.
    pub to: String,
}

impl Range {
    /// The range as typed: the weeks, or a French reason naming the field at fault
    /// ([`ids::FROM`], [`ids::TO`], or both for a reversed or too long range).
    pub fn weeks(&self, reference: IsoWeek) -> app::Result<(IsoWeek, IsoWeek, u32)> {
        let from = parse_week_field(&self.from, reference).ok_or_else(|| {
            app::Error::invalid(
                ids::FROM,
                format!(
                    "Semaine de début « {} » illisible : tapez par exemple {reference} ou {}.",
                    self.from.trim(),
                    reference.week()
                ),
            )
        })?;
        let to = parse_week_field(&self.to, from).ok_or_else(|| {
            app::Error::invalid(
                ids::TO,
                format!(
                    "Semaine de fin « {} » illisible : tapez par exemple {} ou {}.",
                    self.to.trim(),
                    from.plus_weeks(7),
                    from.plus_weeks(7).week()
                ),
            )
        })?;
        let weeks = cross::week_range(from, to).map_err(|m| app::Error::invalid(RANGE_FIELD, m))?;
        Ok((from, to, weeks))
    }
}

/// The table of `target`, built off the UI thread.
pub fn build(
    target: WeekExport,
    garden: &Garden,
    data: Option<&WeekData>,
    depot: usize,
    range: &Range,
    reference: IsoWeek,
) -> Build {
    let no_delivery = || -> Build {
        Box::new(|| {
            Err(crate::app::Error::invalid(
                "semaine",
                "Pas de livraison cette semaine.",
            ))
        })
    };
    match target {
        WeekExport::Depots => match data.and_then(|d| d.set.as_ref()) {
            Some(set) => export::ready(lists::week_depots(set)),
            None => no_delivery(),
        },
        WeekExport::Pickups => {
            let sheet = data.and_then(|d| Some((d, d.set.as_ref()?)));
            match sheet.and_then(|(d, set)| Some((d, set, set.depots.get(depot)?))) {
                Some((data, set, sheet)) => export::ready(lists::pickups(set, sheet, |row| {
                    super::pickups::row_status(data, row)
                })),
                None => no_delivery(),
            }
        }
        WeekExport::Baskets => match range.weeks(reference) {
            Ok((from, to, _)) => export::from_app(garden, move |g| {
                crate::app::exports::baskets_table(g, from, to)
            }),
            Err(problem) => Box::new(move || Err(problem)),
        },
    }
}

/// The card of the range table: from / to fields, what they mean, the export buttons.
pub fn range_card<'a>(
    range: &'a Range,
    reference: IsoWeek,
    exporter: &Exporter,
) -> Element<'a, Message> {
    let field =
        |placeholder: &'a str, value: &'a str, id: &'static str, on: fn(String) -> Message| {
            text_input(placeholder, value)
                .id(id)
                .on_input(on)
                .padding(6)
                .size(15)
                .width(Length::Fixed(120.0))
        };
    let explained = match range.weeks(reference) {
        Ok((from, to, weeks)) => text(format!(
            "Du lundi {} au dimanche {} : {weeks} semaine{}, une ligne par dépôt et par livraison, \
             une colonne par taille, avec les totaux.",
            crate::domain::calendar::format_date(from.monday()),
            crate::domain::calendar::format_date(to.day(chrono::Weekday::Sun)),
            if weeks > 1 { "s" } else { "" }
        ))
        .size(14)
        .color(theme::MUTED),
        Err(problem) => text(problem.to_string()).size(14).color(theme::ERROR_TEXT),
    };
    widgets::card(
        "Paniers par dépôt et par taille sur plusieurs semaines",
        column![
            row![
                text("De la semaine").size(15),
                field("2026-W48", &range.from, ids::FROM, Message::RangeFrom),
                text("à la semaine").size(15),
                field("2027-W03", &range.to, ids::TO, Message::RangeTo),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            explained,
            exporter
                .buttons_labelled(
                    WeekExport::Baskets,
                    "Exporter le tableau (CSV)",
                    "Exporter le tableau (Excel)",
                )
                .map(Message::Export),
        ]
        .spacing(10),
    )
}

impl super::Screen {
    /// The default range was computed; a failed read shows on the week itself (same
    /// database), and the range then starts at `today`'s week.
    pub(super) fn range_default(
        &mut self,
        result: Result<(IsoWeek, IsoWeek), crate::app::Error>,
        today: chrono::NaiveDate,
    ) {
        let (from, to) = result.unwrap_or_else(|_| {
            let week = IsoWeek::of(today);
            (week, week.plus_weeks(7))
        });
        self.range = Range {
            from: from.to_string(),
            to: to.to_string(),
        };
    }

    /// The exports' messages: the table of a target is built when its file is written.
    pub(super) fn export(
        &mut self,
        message: export::Message<WeekExport>,
        context: &Context,
    ) -> Task<Message> {
        let data = self.data.as_ref().and_then(|d| d.as_ref().ok());
        let (garden, depot, range) = (&context.garden, self.depot, &self.range);
        let reference = IsoWeek::of(context.today);
        self.exporter
            .update(message, |target| {
                build(target, garden, data, depot, range, reference)
            })
            .map(Message::Export)
    }

    /// The export buttons of the depots or the pickups, shown only when the week has a
    /// delivery.
    pub(super) fn export_buttons<'a>(
        &self,
        target: WeekExport,
        data: &WeekData,
    ) -> Element<'a, Message> {
        if data.set.is_none() {
            return iced::widget::Space::new().into();
        }
        let (csv, xlsx) = match target {
            WeekExport::Pickups => ("Exporter ce dépôt (CSV)", "Exporter ce dépôt (Excel)"),
            _ => ("Exporter les dépôts (CSV)", "Exporter les dépôts (Excel)"),
        };
        self.exporter
            .buttons_labelled(target, csv, xlsx)
            .map(Message::Export)
    }
}
