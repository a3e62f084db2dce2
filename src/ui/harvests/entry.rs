//! The fast-entry line: what is typed, the type-ahead, checking a line before it is saved.

use chrono::NaiveDate;
use iced::widget::{Column, column, row, text, text_input};
use iced::{Element, Length};

use super::Message;
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::harvest_query::{HarvestLine, format_number, suggest, suggestions};
use crate::domain::harvests::{Crop, Destination, Harvest, Plot, Unit, parse_quantity};
use crate::ui::theme;

/// Ids of the entry inputs, for focus and tests.
pub mod ids {
    /// Date.
    pub const DATE: &str = "recolte-date";
    /// Crop (type-ahead).
    pub const CROP: &str = "recolte-culture";
    /// Plot (type-ahead).
    pub const PLOT: &str = "recolte-parcelle";
    /// Quantity.
    pub const QUANTITY: &str = "recolte-quantite";
    /// Unit (type-ahead among the crop's units).
    pub const UNIT: &str = "recolte-unite";
    /// Destination (type-ahead).
    pub const DESTINATION: &str = "recolte-destination";
    /// Note.
    pub const NOTE: &str = "recolte-note";
    /// Weight of one unit, asked when the crop has none for the unit typed.
    pub const CONVERSION: &str = "recolte-conversion";
}

/// One entry field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Crop,
    Plot,
    Quantity,
    Unit,
    Destination,
    Note,
    Conversion,
}

/// What is typed in the entry line; every field keeps its text until the line is saved.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub date: String,
    pub crop: String,
    pub plot: String,
    pub quantity: String,
    pub unit: String,
    pub destination: String,
    pub note: String,
    /// Kg per unit typed when the crop had no conversion for the unit.
    pub conversion: String,
    /// The saved line being changed, if any.
    pub editing: Option<i64>,
    /// The field whose suggestions the arrows move through, and the one highlighted.
    pub choosing: Option<(Field, usize)>,
}

/// Errors of a line, per field (French).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Errors {
    pub date: Option<String>,
    pub crop: Option<String>,
    pub plot: Option<String>,
    pub quantity: Option<String>,
    pub unit: Option<String>,
    pub destination: Option<String>,
    pub conversion: Option<String>,
}

impl Errors {
    /// True when no field has an error.
    pub fn is_empty(&self) -> bool {
        *self == Errors::default()
    }
}

/// A line ready to save: the harvest, and a conversion to store first when one was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    pub harvest: Harvest,
    pub conversion: Option<(Unit, f64)>,
}

/// Units a crop may be typed in: kg always, then its own units.
pub fn crop_units(crop: &Crop) -> Vec<Unit> {
    let mut units = vec![Unit::Kg];
    units.extend(crop.units.iter().map(|u| u.unit).filter(|u| *u != Unit::Kg));
    units
}

/// The unit proposed for a crop: kg when it lists kg or nothing, else its first unit.
pub fn default_unit(crop: &Crop) -> Unit {
    if crop.units.is_empty() || crop.units.iter().any(|u| u.unit == Unit::Kg) {
        Unit::Kg
    } else {
        crop.units[0].unit
    }
}

/// How many suggestions a field lists under it.
pub const CANDIDATES_SHOWN: usize = 6;

/// The crop `typed` designates (type-ahead).
pub fn find_crop<'a>(crops: &'a [Crop], typed: &str) -> Option<&'a Crop> {
    let (index, _) = suggest(
        typed,
        crops.iter().enumerate().map(|(i, c)| (i, c.name.as_str())),
    )?;
    crops.get(index)
}

/// The plot `typed` designates (type-ahead).
pub fn find_plot<'a>(plots: &'a [Plot], typed: &str) -> Option<&'a Plot> {
    let (index, _) = suggest(
        typed,
        plots.iter().enumerate().map(|(i, p)| (i, p.name.as_str())),
    )?;
    plots.get(index)
}

/// The crops `typed` may mean, best first, at most [`CANDIDATES_SHOWN`].
pub fn crop_candidates<'a>(crops: &'a [Crop], typed: &str) -> Vec<&'a Crop> {
    suggestions(typed, crops.iter().map(|c| (c, c.name.as_str())))
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(c, _)| c)
        .collect()
}

/// The plots `typed` may mean, best first, at most [`CANDIDATES_SHOWN`].
pub fn plot_candidates<'a>(plots: &'a [Plot], typed: &str) -> Vec<&'a Plot> {
    suggestions(typed, plots.iter().map(|p| (p, p.name.as_str())))
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(p, _)| p)
        .collect()
}

/// The unit `typed` designates among `units` ("pi" → pièce, "b" → botte, "pièces" →
/// pièce).
pub fn find_unit(units: &[Unit], typed: &str) -> Option<Unit> {
    let find = |typed: &str| suggest(typed, units.iter().map(|u| (*u, u.label()))).map(|(u, _)| u);
    find(typed).or_else(|| typed.trim().strip_suffix(['s', 'S']).and_then(find))
}

/// The destination `typed` designates ("ven" → Vente).
pub fn find_destination(typed: &str) -> Option<Destination> {
    suggest(typed, Destination::ALL.iter().map(|d| (*d, d.label()))).map(|(d, _)| d)
}

impl Entry {
    /// An empty line dated `date`.
    pub fn new(date: NaiveDate) -> Self {
        Entry {
            date: format_date(date),
            ..Entry::default()
        }
    }

    /// A fresh line keeping the date typed.
    pub fn next_line(&self) -> Self {
        Entry {
            date: self.date.clone(),
            ..Entry::default()
        }
    }

    /// The line filled from a saved harvest, to change it.
    pub fn editing(line: &HarvestLine) -> Self {
        let h = &line.harvest;
        Entry {
            date: format_date(h.date),
            crop: line.crop_name.clone(),
            plot: line.plot_name.clone(),
            quantity: format_number(h.quantity, 3).replace('\u{202f}', ""),
            unit: h.unit.label().to_owned(),
            destination: h.destination.label().to_owned(),
            note: h.notes.clone(),
            conversion: String::new(),
            editing: Some(h.id),
            choosing: None,
        }
    }

    /// The index highlighted among `field`'s suggestions (0 when the arrows were not used).
    pub fn highlighted(&self, field: Field) -> usize {
        match self.choosing {
            Some((f, i)) if f == field => i,
            _ => 0,
        }
    }

    /// The crop Enter takes: the suggestion highlighted.
    pub fn chosen_crop<'a>(&self, crops: &'a [Crop]) -> Option<&'a Crop> {
        let candidates = crop_candidates(crops, &self.crop);
        let i = self
            .highlighted(Field::Crop)
            .min(candidates.len().saturating_sub(1));
        candidates.get(i).copied()
    }

    /// The plot Enter takes: the suggestion highlighted.
    pub fn chosen_plot<'a>(&self, plots: &'a [Plot]) -> Option<&'a Plot> {
        let candidates = plot_candidates(plots, &self.plot);
        let i = self
            .highlighted(Field::Plot)
            .min(candidates.len().saturating_sub(1));
        candidates.get(i).copied()
    }

    /// Puts the crop's full name, unit and destination in place once the crop is accepted.
    pub fn accept_crop(&mut self, crop: &Crop) {
        self.crop = crop.name.clone();
        let units = crop_units(crop);
        if find_unit(&units, &self.unit).is_none() || self.unit.trim().is_empty() {
            self.unit = default_unit(crop).label().to_owned();
        }
        self.destination = crop.default_destination.label().to_owned();
    }

    /// True when the crop typed has no kg conversion for the unit typed.
    pub fn needs_conversion(&self, crops: &[Crop]) -> Option<(String, Unit)> {
        let crop = find_crop(crops, &self.crop)?;
        let unit = find_unit(&crop_units(crop), &self.unit)?;
        (crop.kg(1.0, unit).is_none()).then(|| (crop.name.clone(), unit))
    }

    /// Checks the line; the harvest to save, or the errors to show at each field.
    pub fn check(&self, crops: &[Crop], plots: &[Plot]) -> Result<Ready, Box<Errors>> {
        let mut errors = Errors::default();
        let date = parse_date(&self.date);
        if date.is_none() {
            errors.date = Some(if self.date.trim().is_empty() {
                "Indiquez la date.".to_owned()
            } else {
                format!(
                    "« {} » n'est pas une date : tapez par exemple 28/11/2026.",
                    self.date.trim()
                )
            });
        }
        let crop = find_crop(crops, &self.crop);
        if crop.is_none() {
            errors.crop = Some(if self.crop.trim().is_empty() {
                "Indiquez la culture.".to_owned()
            } else {
                format!("« {} » n'est pas au catalogue.", self.crop.trim())
            });
        }
        let plot = if self.plot.trim().is_empty() {
            None
        } else {
            let found = find_plot(plots, &self.plot);
            if found.is_none() {
                errors.plot = Some(format!(
                    "Aucune parcelle ne ressemble à « {} » : tapez un mot de son nom, ou \
                     ajoutez-la dans l'onglet Parcelles.",
                    self.plot.trim()
                ));
            }
            found
        };
        let quantity = parse_quantity(&self.quantity)
            .map_err(|e| errors.quantity = Some(e))
            .ok();
        let units = crop.map(crop_units).unwrap_or_else(|| vec![Unit::Kg]);
        let unit = if self.unit.trim().is_empty() {
            crop.map(default_unit)
        } else {
            find_unit(&units, &self.unit)
        };
        if unit.is_none() && crop.is_some() {
            let names: Vec<&str> = units.iter().map(|u| u.label()).collect();
            errors.unit = Some(format!("Unité possible : {}.", names.join(", ")));
        }
        let destination = if self.destination.trim().is_empty() {
            crop.map(|c| c.default_destination)
        } else {
            find_destination(&self.destination)
        };
        if destination.is_none() && (crop.is_some() || !self.destination.trim().is_empty()) {
            errors.destination = Some(
                "Destination : paniers, vente, don, transformation, perte ou autoconsommation."
                    .to_owned(),
            );
        }
        let mut conversion = None;
        if let (Some(crop), Some(unit)) = (crop, unit)
            && crop.kg(1.0, unit).is_none()
            && !self.conversion.trim().is_empty()
        {
            match parse_quantity(&self.conversion) {
                Ok(kg) => conversion = Some((unit, kg)),
                Err(e) => errors.conversion = Some(e.replace("quantité", "poids")),
            }
        }
        match (date, crop, quantity, unit, destination) {
            (Some(date), Some(crop), Some(quantity), Some(unit), Some(destination))
                if errors.is_empty() =>
            {
                Ok(Ready {
                    harvest: Harvest {
                        id: self.editing.unwrap_or(0),
                        date,
                        crop_id: crop.id,
                        plot_id: plot.map(|p| p.id),
                        quantity,
                        unit,
                        destination,
                        notes: self.note.trim().to_owned(),
                    },
                    conversion,
                })
            }
            _ => Err(Box::new(errors)),
        }
    }
}

fn input<'a>(
    id: &'static str,
    placeholder: &'a str,
    value: &'a str,
    field: Field,
    submit: Message,
) -> iced::widget::TextInput<'a, Message> {
    text_input(placeholder, value)
        .id(id)
        .on_input(move |v| Message::Typed(field, v))
        .on_submit(submit)
        .padding(7)
        .size(15)
}

fn labelled<'a>(
    label: &'a str,
    widget: impl Into<Element<'a, Message>>,
    hint: Option<String>,
    error: Option<&'a String>,
    width: Length,
) -> Element<'a, Message> {
    let mut col = Column::new()
        .spacing(3)
        .width(width)
        .push(text(label).size(13).color(theme::MUTED))
        .push(widget);
    if let Some(error) = error {
        col = col.push(text(error.as_str()).size(13).color(theme::ERROR_TEXT));
    } else if let Some(hint) = hint {
        col = col.push(text(hint).size(13).color(theme::GREEN));
    }
    col.into()
}

/// An input with, under it, the names it may mean when there are several (the highlighted
/// one is taken by Enter; ↑ ↓ move, a click takes one).
fn with_candidates<'a>(
    input: iced::widget::TextInput<'a, Message>,
    field: Field,
    typed: &str,
    names: Vec<&'a str>,
    highlighted: usize,
) -> Element<'a, Message> {
    if names.len() < 2 || names.first().is_some_and(|n| *n == typed) {
        return input.into();
    }
    let highlighted = highlighted.min(names.len() - 1);
    let mut list = Column::new().spacing(1);
    for (i, name) in names.into_iter().enumerate() {
        let label = if i == highlighted {
            format!("↵ {name}")
        } else {
            name.to_owned()
        };
        let style = if i == highlighted {
            iced::widget::button::primary
        } else {
            iced::widget::button::text
        };
        list = list.push(
            iced::widget::button(text(label).size(13))
                .padding([1, 6])
                .width(Length::Fill)
                .style(style)
                .on_press(Message::Candidate(super::Candidate::Take(field, i))),
        );
    }
    column![
        input,
        list,
        text("↑ ↓ pour choisir").size(12).color(theme::MUTED)
    ]
    .spacing(3)
    .into()
}

/// The entry line, with the type-ahead hints and the errors under each field.
pub fn view<'a>(
    entry: &'a Entry,
    errors: &'a Errors,
    crops: &'a [Crop],
    plots: &'a [Plot],
) -> Element<'a, Message> {
    let crop = find_crop(crops, &entry.crop);
    let crop_names: Vec<&str> = crop_candidates(crops, &entry.crop)
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let crop_hint = match entry.chosen_crop(crops) {
        Some(c) if c.name != entry.crop && crop_names.len() == 1 => Some(format!("↵ {}", c.name)),
        None if !entry.crop.trim().is_empty() => Some("Inconnue : ↵ pour la créer".to_owned()),
        _ => None,
    };
    let plot_names: Vec<&str> = plot_candidates(plots, &entry.plot)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let plot_hint = entry
        .chosen_plot(plots)
        .filter(|p| p.name != entry.plot && plot_names.len() == 1)
        .map(|p| format!("↵ {}", p.name));
    let crop_input = with_candidates(
        input(
            ids::CROP,
            "car…",
            &entry.crop,
            Field::Crop,
            Message::AcceptCrop,
        ),
        Field::Crop,
        &entry.crop,
        crop_names,
        entry.highlighted(Field::Crop),
    );
    let plot_input = with_candidates(
        input(
            ids::PLOT,
            "facultatif",
            &entry.plot,
            Field::Plot,
            Message::AcceptPlot,
        ),
        Field::Plot,
        &entry.plot,
        plot_names,
        entry.highlighted(Field::Plot),
    );
    let units = crop.map(crop_units).unwrap_or_else(|| vec![Unit::Kg]);
    let unit_hint = Some(
        units
            .iter()
            .map(|u| u.label())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let destination_hint = find_destination(&entry.destination)
        .filter(|d| d.label() != entry.destination)
        .map(|d| format!("→ {}", d.label()));
    let grid = row![
        labelled(
            "Date",
            input(
                ids::DATE,
                "jj/mm/aaaa",
                &entry.date,
                Field::Date,
                Message::Save
            ),
            None,
            errors.date.as_ref(),
            Length::Fixed(120.0),
        ),
        labelled(
            "Culture",
            crop_input,
            crop_hint,
            errors.crop.as_ref(),
            Length::FillPortion(3),
        ),
        labelled(
            "Parcelle",
            plot_input,
            plot_hint,
            errors.plot.as_ref(),
            Length::FillPortion(3),
        ),
        labelled(
            "Quantité",
            input(
                ids::QUANTITY,
                "2,5",
                &entry.quantity,
                Field::Quantity,
                Message::Save
            ),
            None,
            errors.quantity.as_ref(),
            Length::FillPortion(2),
        ),
        labelled(
            "Unité",
            input(ids::UNIT, "kg", &entry.unit, Field::Unit, Message::Save),
            unit_hint,
            errors.unit.as_ref(),
            Length::FillPortion(2),
        ),
        labelled(
            "Destination",
            input(
                ids::DESTINATION,
                "paniers",
                &entry.destination,
                Field::Destination,
                Message::Save
            ),
            destination_hint,
            errors.destination.as_ref(),
            Length::FillPortion(3),
        ),
        labelled(
            "Note",
            input(ids::NOTE, "", &entry.note, Field::Note, Message::Save),
            None,
            None,
            Length::FillPortion(3),
        ),
    ]
    .spacing(8);
    let mut content = column![grid].spacing(8);
    if let Some((crop_name, unit)) = entry.needs_conversion(crops) {
        let question = format!(
            "Combien pèse une {} de {crop_name} ? Tapez le poids en kg puis Entrée ; laissé vide, la ligne est enregistrée sans poids et ne compte pas dans les totaux en kg.",
            unit.label()
        );
        content = content.push(
            row![
                text(question)
                    .size(14)
                    .color(theme::WARNING_TEXT)
                    .width(Length::Fill),
                labelled(
                    "kg par unité",
                    input(
                        ids::CONVERSION,
                        "0,5",
                        &entry.conversion,
                        Field::Conversion,
                        Message::SaveConversion
                    ),
                    None,
                    errors.conversion.as_ref(),
                    Length::Fixed(140.0),
                ),
            ]
            .spacing(12)
            .align_y(iced::Alignment::Center),
        );
    }
    content.into()
}
