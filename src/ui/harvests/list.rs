//! Filters shared by the list and the totals, the list of saved lines, the totals and the
//! season chart (bars made of containers).

use chrono::{Datelike, NaiveDate};
use iced::widget::{Row, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::Message;
use super::entry::{find_crop, find_plot};
use crate::app::{self, Error};
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::harvest_query::{
    HarvestFilter, HarvestLine, Period, Seasons, Totals, filter_keyed, format_number, kg_by_month,
    totals,
};
use crate::domain::harvests::{Crop, Plot};
use crate::domain::text::{Query, SearchKeys};
use crate::ui::rows::{self, Scrolled};
use crate::ui::theme::{self, BOLD};

/// Height of a line of the list (the list draws only the lines in view).
pub const ROW_HEIGHT: f32 = 30.0;

/// Id of the list's search box.
pub const SEARCH_ID: &str = "recolte-recherche";
/// Said instead of the lines and totals while the period's lines are read.
pub const READING: &str = "Lecture des récoltes de la période…";

/// Id of the list's scrolled lines.
pub const LIST_ID: &str = "recolte-liste";

/// A filter field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    From,
    To,
    Crop,
    Plot,
    Search,
}

/// The filters as typed.
#[derive(Debug, Clone)]
pub struct Filters {
    pub period: Period,
    /// A day of the period shown.
    pub day: NaiveDate,
    pub from: String,
    pub to: String,
    pub crop: String,
    pub plot: String,
    pub search: String,
}

/// What the filters give: the lines kept and their totals.
#[derive(Debug, Clone, Default)]
pub struct Computed {
    /// Positions of the kept lines in the screen's lines.
    pub shown: Vec<usize>,
    pub totals: Totals,
    /// Kg per month of the season (crop, plot and search filters applied).
    pub months: [f64; 12],
    pub season: i32,
    /// Why the filters keep nothing, if they cannot be read.
    pub problem: Option<app::Error>,
    /// The lines of the period are being read: nothing is counted yet.
    pub reading: bool,
}

impl Filters {
    /// The season of `today`, shown week by week.
    pub fn new(today: NaiveDate) -> Self {
        let (from, to) = Period::Week.range(today);
        Filters {
            period: Period::Week,
            day: today,
            from: format_date(from),
            to: format_date(to),
            crop: String::new(),
            plot: String::new(),
            search: String::new(),
        }
    }

    /// Switches period, keeping the day shown.
    pub fn set_period(&mut self, period: Period) {
        self.period = period;
        if period != Period::Custom {
            self.sync_dates();
        }
    }

    /// Moves to the period before or after.
    pub fn step(&mut self, steps: i32) {
        self.day = self.period.step(self.day, steps);
        self.sync_dates();
    }

    fn sync_dates(&mut self) {
        let (from, to) = self.period.range(self.day);
        self.from = format_date(from);
        self.to = format_date(to);
    }

    /// The filter to apply, or why the filters cannot be read (naming the filter at fault).
    pub fn resolve(&self, crops: &[Crop], plots: &[Plot]) -> app::Result<HarvestFilter> {
        let (from, to) = if self.period == Period::Custom {
            let from = parse_date(&self.from).ok_or_else(|| {
                Error::invalid(
                    "Du",
                    "Date de début illisible : tapez par exemple 01/03/2026.",
                )
            })?;
            let to = parse_date(&self.to).ok_or_else(|| {
                Error::invalid(
                    "Au",
                    "Date de fin illisible : tapez par exemple 31/03/2026.",
                )
            })?;
            if to < from {
                return Err(Error::invalid(
                    "Au",
                    "La date de fin est avant la date de début.",
                ));
            }
            (from, to)
        } else {
            self.period.range(self.day)
        };
        let crop_id = if self.crop.trim().is_empty() {
            None
        } else {
            Some(
                find_crop(crops, &self.crop)
                    .ok_or_else(|| {
                        Error::invalid(
                            "Culture",
                            format!("Aucune culture « {} ».", self.crop.trim()),
                        )
                    })?
                    .id,
            )
        };
        let plot_id = if self.plot.trim().is_empty() {
            None
        } else {
            Some(
                find_plot(plots, &self.plot)
                    .ok_or_else(|| {
                        Error::invalid(
                            "Parcelle",
                            format!("Aucune parcelle « {} ».", self.plot.trim()),
                        )
                    })?
                    .id,
            )
        };
        Ok(HarvestFilter {
            from,
            to,
            crop_id,
            plot_id,
            search: self.search.clone(),
        })
    }

    /// The seasons the filters need read (their dates' and the chart's), when they can be
    /// read.
    pub fn need(&self, crops: &[Crop], plots: &[Plot]) -> Option<Seasons> {
        self.resolve(crops, plots)
            .ok()
            .map(|filter| Seasons::needed_by(&filter))
    }

    /// Applies the filters to `lines`, whose search texts folded are `keys`, which are
    /// exactly the lines of the seasons `held`: nothing is counted (`reading`) when the
    /// filters need other seasons.
    pub fn compute(
        &self,
        (lines, keys, held): (&[HarvestLine], &SearchKeys, Option<Seasons>),
        crops: &[Crop],
        plots: &[Plot],
    ) -> Computed {
        let filter = match self.resolve(crops, plots) {
            Ok(filter) => filter,
            Err(problem) => {
                return Computed {
                    problem: Some(problem),
                    season: self.day.year(),
                    ..Computed::default()
                };
            }
        };
        if !held.is_some_and(|held| held.include(Seasons::needed_by(&filter))) {
            return Computed {
                reading: true,
                season: filter.to.year(),
                ..Computed::default()
            };
        }
        let query = Query::new(&filter.search);
        let shown = filter_keyed(lines, keys, &query, &filter);
        let kept: Vec<&HarvestLine> = shown.iter().map(|&i| &lines[i]).collect();
        let season = filter.to.year();
        let (season_from, season_to) = Period::Season.range(filter.to);
        let season_filter = HarvestFilter {
            from: season_from,
            to: season_to,
            ..filter
        };
        // The season shown (the usual case on a long garden): its lines are those kept.
        let season_shown = if (season_from, season_to) == (filter.from, filter.to) {
            shown.clone()
        } else {
            filter_keyed(lines, keys, &query, &season_filter)
        };
        let season_lines: Vec<&HarvestLine> = season_shown.iter().map(|&i| &lines[i]).collect();
        Computed {
            totals: totals(&kept),
            months: kg_by_month(&season_lines, season),
            shown,
            season,
            problem: None,
            reading: false,
        }
    }
}

fn small_input<'a>(
    placeholder: &'a str,
    value: &'a str,
    field: FilterField,
    width: f32,
) -> iced::widget::TextInput<'a, Message> {
    text_input(placeholder, value)
        .on_input(move |v| Message::Filter(field, v))
        .padding(6)
        .size(14)
        .width(Length::Fixed(width))
}

/// The filter bar: period buttons, dates, crop, plot, search, and `export` (the export
/// buttons of the list) when given.
pub fn filter_bar<'a>(
    filters: &'a Filters,
    problem: Option<&'a app::Error>,
    export: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    let mut periods = Row::new().spacing(4);
    for period in Period::ALL {
        let style = if period == filters.period {
            button::primary
        } else {
            button::secondary
        };
        periods = periods.push(
            button(text(period.label()).size(14))
                .padding([5, 10])
                .style(style)
                .on_press(Message::Period(period)),
        );
    }
    let dates: Element<'a, Message> = if filters.period == Period::Custom {
        row![
            text("du").size(14),
            small_input("01/03/2026", &filters.from, FilterField::From, 105.0),
            text("au").size(14),
            small_input("31/03/2026", &filters.to, FilterField::To, 105.0),
        ]
        .spacing(6)
        .align_y(Alignment::Center)
        .into()
    } else {
        row![
            button(text("◀").size(14))
                .padding([5, 8])
                .style(button::secondary)
                .on_press(Message::Step(-1)),
            text(format!("du {} au {}", filters.from, filters.to)).size(14),
            button(text("▶").size(14))
                .padding([5, 8])
                .style(button::secondary)
                .on_press(Message::Step(1)),
        ]
        .spacing(6)
        .align_y(Alignment::Center)
        .into()
    };
    let second = row![
        small_input("Culture", &filters.crop, FilterField::Crop, 150.0),
        small_input("Parcelle", &filters.plot, FilterField::Plot, 150.0),
        text_input("Rechercher (culture, parcelle, note…)", &filters.search)
            .id(SEARCH_ID)
            .on_input(|v| Message::Filter(FilterField::Search, v))
            .padding(6)
            .size(14)
            .width(Length::Fill),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    // Periods, dates and exports flow onto a second line on a narrow window, so that the
    // search field below keeps its width.
    let mut first = row![periods, dates].spacing(16).align_y(Alignment::Center);
    if let Some(export) = export {
        first = first.push(export);
    }
    let mut bar = column![first.wrap().vertical_spacing(8), second].spacing(8);
    if let Some(problem) = problem {
        bar = bar.push(text(problem.to_string()).size(13).color(theme::ERROR_TEXT));
    }
    bar.into()
}

/// Quantity with its unit, "12,5 kg", "8 bottes".
pub fn quantity_label(line: &HarvestLine) -> String {
    format!(
        "{} {}",
        format_number(line.harvest.quantity, 3),
        line.harvest.unit.label_for(line.harvest.quantity)
    )
}

/// Kg as shown: "12,5 kg", or "—" when the line cannot be weighed.
pub fn kg_label(kg: Option<f64>) -> String {
    kg.map_or_else(
        || "—".to_owned(),
        |kg| format!("{} kg", format_number(kg, 2)),
    )
}

fn cell<'a>(content: String, width: u16) -> Element<'a, Message> {
    rows::cell(text(content).size(14), Length::FillPortion(width))
}

/// A date column wide enough for "28/11/2026" whatever the window's width.
fn date_cell<'a>(content: String) -> Element<'a, Message> {
    text(content).size(14).width(Length::Fixed(86.0)).into()
}

/// The list of saved lines kept by the filters, only those in view built.
pub fn list<'a>(
    lines: &'a [HarvestLine],
    computed: &'a Computed,
    scrolled: &Scrolled,
) -> Element<'a, Message> {
    let header = row![
        date_cell("Date".into()),
        cell("Culture".into(), 3),
        cell("Parcelle".into(), 3),
        cell("Quantité".into(), 2),
        cell("Destination".into(), 3),
        cell("Poids".into(), 2),
        cell("Note".into(), 3),
        text("").width(Length::Fixed(190.0)),
    ]
    .spacing(8)
    .padding(iced::Padding::ZERO.right(14));
    let body = rows::rows(scrolled, computed.shown.len(), ROW_HEIGHT, |n| {
        line_row(&lines[computed.shown[n]])
    });
    let count = computed.shown.len();
    let summary = if computed.reading {
        READING.to_owned()
    } else if count == 0 {
        "Aucune récolte pour ces filtres.".to_owned()
    } else {
        format!("{count} ligne{}", if count > 1 { "s" } else { "" })
    };
    column![
        row![
            text(summary)
                .size(14)
                .color(theme::MUTED)
                .width(Length::Fill),
            text(if computed.reading {
                String::new()
            } else {
                format!("Total : {}", kg_label(Some(computed.totals.kg)))
            })
            .size(15)
            .font(BOLD),
        ],
        container(header).padding([4, 0]),
        scrollable(body.padding(iced::Padding::ZERO.right(14)))
            .id(LIST_ID)
            .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
            .height(Length::Fill),
    ]
    .spacing(6)
    .height(Length::Fill)
    .into()
}

/// One saved line, with its « Modifier » and « Supprimer » buttons.
fn line_row(line: &HarvestLine) -> Element<'_, Message> {
    let h = &line.harvest;
    row![
        date_cell(format_date(h.date)),
        cell(line.crop_name.clone(), 3),
        cell(line.plot_name.clone(), 3),
        cell(quantity_label(line), 2),
        cell(h.destination.label().to_owned(), 3),
        cell(kg_label(line.kg), 2),
        cell(h.notes.clone(), 3),
        row![
            button(text("Modifier").size(13))
                .padding([3, 8])
                .style(button::secondary)
                .on_press(Message::Edit(h.id)),
            button(text("Supprimer").size(13))
                .padding([3, 8])
                .style(button::danger)
                .on_press(Message::AskDelete(h.id)),
        ]
        .spacing(6)
        .width(Length::Fixed(190.0)),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}
