//! The entry line as shown: its fields, the type-ahead hints and suggestions, the errors
//! under each field, and the question about a unit's weight.

use iced::widget::{Column, column, row, text, text_input};
use iced::{Element, Length};

use super::Message;
use super::entry::{
    Entry, Errors, Field, crop_candidates, crop_units, find_crop, find_destination, ids,
    plot_candidates,
};
use crate::domain::harvests::{Crop, Plot, Unit};
use crate::ui::theme;

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
    let hints = Hints {
        crop: crop_hint,
        plot: plot_hint,
        unit: unit_hint,
        destination: destination_hint,
    };
    let mut content = column![grid(entry, errors, crop_input, plot_input, hints)].spacing(8);
    if let Some((crop_name, unit)) = entry.needs_conversion(crops) {
        content = content.push(conversion(entry, errors, &crop_name, unit));
    }
    content.into()
}

/// The hints shown under the fields.
struct Hints {
    crop: Option<String>,
    plot: Option<String>,
    unit: Option<String>,
    destination: Option<String>,
}

/// The fields of the line, side by side.
fn grid<'a>(
    entry: &'a Entry,
    errors: &'a Errors,
    crop_input: Element<'a, Message>,
    plot_input: Element<'a, Message>,
    hints: Hints,
) -> Element<'a, Message> {
    row![
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
            hints.crop,
            errors.crop.as_ref(),
            Length::FillPortion(3),
        ),
        labelled(
            "Parcelle",
            plot_input,
            hints.plot,
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
            hints.unit,
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
            hints.destination,
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
    .spacing(8)
    .into()
}

/// The question asked when the crop has no weight for the unit typed.
fn conversion<'a>(
    entry: &'a Entry,
    errors: &'a Errors,
    crop_name: &str,
    unit: Unit,
) -> Element<'a, Message> {
    {
        let question = format!(
            "Combien pèse une {} de {crop_name} ? Tapez le poids en kg puis Entrée ; laissé vide, la ligne est enregistrée sans poids et ne compte pas dans les totaux en kg.",
            unit.label()
        );
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
        .align_y(iced::Alignment::Center)
        .into()
    }
}
