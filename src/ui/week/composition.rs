//! The composition editor, a component of the Paniers screen: what goes into one basket
//! of each size, beside what the harvest made available and what the week's baskets need.
//! It has its own [`Message`] and tells the screen, through an [`Event`], when the
//! composition was saved or something must be said.

use std::fmt;

use iced::widget::{Column, button, column, pick_list, row, text, text_input};
use iced::{Element, Length, Task};

use crate::app::{self, week::WeekData};
use crate::domain::baskets::CompositionItem;
use crate::domain::harvests::{Unit, parse_quantity};
use crate::store::sheets::{Need, format_quantity};
use crate::ui::screen::Context;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// The fields of a composition line an error can name (their column titles).
pub mod fields {
    /// The crop of a line.
    pub const CROP: &str = "Légume";
    /// The quantity per basket of a line.
    pub const QUANTITY: &str = "Par panier";
}

/// Messages of the composition editor.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show the size at this index.
    SelectSize(usize),
    /// A crop was chosen on a line.
    CropPicked(usize, CropChoice),
    /// A quantity was typed on a line.
    QuantityChanged(usize, String),
    /// A unit was chosen on a line.
    UnitPicked(usize, Unit),
    /// Add a line.
    AddLine,
    /// Remove a line.
    RemoveLine(usize),
    /// Start from last week's composition.
    CopyPrevious,
    /// Last week's composition was loaded.
    PreviousLoaded(Result<Vec<CompositionItem>, app::Error>),
    /// Save every size.
    Save,
    /// The composition was saved.
    Saved(Result<(), app::Error>),
}

/// What the editor tells the Paniers screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The composition was saved: the week is to be read again.
    Saved,
    /// Something to say above the tabs.
    Notice(String),
}

/// A crop as offered in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct CropChoice {
    /// The crop.
    pub id: i64,
    /// Its name.
    pub name: String,
}

impl fmt::Display for CropChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// One line being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The crop chosen.
    pub crop: Option<CropChoice>,
    /// Quantity as typed.
    pub quantity: String,
    /// Unit.
    pub unit: Unit,
}

impl Line {
    fn empty() -> Self {
        Line {
            crop: None,
            quantity: String::new(),
            unit: Unit::Kg,
        }
    }

    fn is_blank(&self) -> bool {
        self.crop.is_none() && self.quantity.trim().is_empty()
    }
}

/// The editor: lines per size (aligned with the week's sizes), the size shown.
#[derive(Debug, Clone, Default)]
pub struct Editor {
    /// Lines of each size.
    pub lines: Vec<Vec<Line>>,
    /// Index of the size shown.
    pub size: usize,
    /// Changed since loaded or saved.
    pub dirty: bool,
    /// Why the last save was refused (the line and the field at fault).
    pub error: Option<app::Error>,
}

impl Editor {
    /// The editor filled with `items` for the week's sizes.
    pub fn from_items(data: &WeekData, items: &[CompositionItem]) -> Self {
        let lines =
            data.sizes
                .iter()
                .map(|size| {
                    items
                        .iter()
                        .filter(|i| i.size_id == size.id)
                        .map(|i| Line {
                            crop: data.crops.iter().find(|c| c.id == i.crop_id).map(|c| {
                                CropChoice {
                                    id: c.id,
                                    name: c.name.clone(),
                                }
                            }),
                            quantity: crate::domain::numbers::format_typed(i.quantity, 2),
                            unit: i.unit,
                        })
                        .collect()
                })
                .collect();
        Editor {
            lines,
            size: 0,
            dirty: false,
            error: None,
        }
    }

    /// Handles a message about the composition of `data`'s week.
    pub fn update(
        &mut self,
        message: Message,
        data: &WeekData,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let week = data.week;
        match message {
            Message::SelectSize(i) => self.size = i,
            Message::CropPicked(i, crop) => self.edit_line(i, |line| line.crop = Some(crop)),
            Message::QuantityChanged(i, q) => self.edit_line(i, |line| line.quantity = q),
            Message::UnitPicked(i, unit) => self.edit_line(i, |line| line.unit = unit),
            Message::AddLine => {
                self.add_line();
                self.dirty = true;
                let last = self.current().map_or(0, |l| l.len().saturating_sub(1));
                let focus = iced::widget::operation::focus(format!("week-qty-{last}"));
                return (focus, None);
            }
            Message::RemoveLine(i) => {
                if let Some(lines) = self.current()
                    && i < lines.len()
                {
                    lines.remove(i);
                    self.dirty = true;
                }
            }
            Message::CopyPrevious => {
                let monday = week.previous().monday();
                let task = context.perform(
                    move |g| app::week::composition(g, monday),
                    Message::PreviousLoaded,
                );
                return (task, None);
            }
            Message::PreviousLoaded(Ok(items)) => return (Task::none(), self.copied(data, &items)),
            Message::PreviousLoaded(Err(e)) | Message::Saved(Err(e)) => self.error = Some(e),
            Message::Save => match self.to_items(data) {
                Ok(sizes) => {
                    self.error = None;
                    let monday = week.monday();
                    let task = context.perform(
                        move |g| app::week::save_composition(g, monday, &sizes),
                        Message::Saved,
                    );
                    return (task, None);
                }
                Err(error) => self.error = Some(error),
            },
            Message::Saved(Ok(())) => return (Task::none(), Some(Event::Saved)),
        }
        (Task::none(), None)
    }

    /// Last week's `items` copied in, or a word that there were none.
    fn copied(&mut self, data: &WeekData, items: &[CompositionItem]) -> Option<Event> {
        if items.is_empty() {
            return Some(Event::Notice(
                "La semaine précédente n'a pas de composition.".into(),
            ));
        }
        let size = self.size;
        *self = Editor::from_items(data, items);
        self.size = size;
        self.dirty = true;
        Some(Event::Notice(
            "Composition de la semaine précédente copiée : ajustez-la puis enregistrez.".into(),
        ))
    }

    fn edit_line(&mut self, i: usize, edit: impl FnOnce(&mut Line)) {
        if let Some(line) = self.current().and_then(|l| l.get_mut(i)) {
            edit(line);
            self.dirty = true;
        }
    }

    /// The lines of the size shown.
    pub fn current(&mut self) -> Option<&mut Vec<Line>> {
        self.lines.get_mut(self.size)
    }

    /// Adds an empty line to the size shown.
    pub fn add_line(&mut self) {
        if let Some(lines) = self.current() {
            lines.push(Line::empty());
        }
    }

    /// The composition as saved: per size id, its items; an error names the first bad line.
    pub fn to_items(&self, data: &WeekData) -> app::Result<Vec<(i64, Vec<CompositionItem>)>> {
        let monday = data.week.monday();
        let mut out = Vec::new();
        for (size, lines) in data.sizes.iter().zip(&self.lines) {
            let mut items = Vec::new();
            for (n, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_blank()) {
                let place = format!("Panier {}, ligne {}", size.name, n + 1);
                let Some(crop) = &line.crop else {
                    let message = format!("{place} : choisissez un légume.");
                    return Err(app::Error::invalid(fields::CROP, message));
                };
                let quantity = parse_quantity(&line.quantity)
                    .map_err(|e| app::Error::invalid(fields::QUANTITY, format!("{place} : {e}")))?;
                items.push(CompositionItem {
                    id: 0,
                    monday,
                    size_id: size.id,
                    crop_id: crop.id,
                    quantity,
                    unit: line.unit,
                });
            }
            out.push((size.id, items));
        }
        Ok(out)
    }

    /// The valid lines only, for the needs shown while typing.
    pub fn valid_items(&self, data: &WeekData) -> Vec<CompositionItem> {
        let monday = data.week.monday();
        data.sizes
            .iter()
            .zip(&self.lines)
            .flat_map(|(size, lines)| {
                lines.iter().filter_map(move |line| {
                    Some(CompositionItem {
                        id: 0,
                        monday,
                        size_id: size.id,
                        crop_id: line.crop.as_ref()?.id,
                        quantity: parse_quantity(&line.quantity).ok()?,
                        unit: line.unit,
                    })
                })
            })
            .collect()
    }
}

/// The composition tab.
pub fn view<'a>(data: &'a WeekData, editor: &'a Editor) -> Element<'a, Message> {
    let adding = row![
        widgets::secondary("Ajouter un légume", Some(Message::AddLine)),
        widgets::secondary("Copier la semaine précédente", Some(Message::CopyPrevious)),
    ]
    .spacing(8);
    let mut actions = row![widgets::action(
        "Enregistrer la composition",
        editor.dirty.then_some(Message::Save)
    )]
    .spacing(12)
    .align_y(iced::Alignment::Center);
    if editor.dirty {
        actions = actions.push(widgets::muted("Modifications non enregistrées"));
    }
    let sizes = size_buttons(data, editor);
    let mut left = column![sizes, lines_view(data, editor), adding, actions].spacing(12);
    if let Some(error) = &editor.error {
        left = left.push(widgets::banner(Tone::Error, error.to_string()));
    }
    let needs = data.needs(&editor.valid_items(data));
    row![
        widgets::card("Composition d'un panier", left),
        container_fixed(widgets::card(
            "Besoins de la semaine et récolte",
            needs_view(needs)
        )),
    ]
    .spacing(16)
    .into()
}

/// One button per size, with its baskets this week.
fn size_buttons<'a>(data: &'a WeekData, editor: &'a Editor) -> Element<'a, Message> {
    let mut sizes = row![].spacing(6);
    for (i, size) in data.sizes.iter().enumerate() {
        let count = data.totals.get(i).copied().unwrap_or(0);
        let label = format!("{} ({count})", size.name);
        let b = button(text(label).size(15)).padding([6, 12]);
        sizes = sizes.push(if i == editor.size {
            b.on_press(Message::SelectSize(i))
        } else {
            b.style(button::secondary).on_press(Message::SelectSize(i))
        });
    }
    sizes.into()
}

/// The lines of the size shown: crop, quantity per basket, unit.
fn lines_view<'a>(data: &'a WeekData, editor: &'a Editor) -> Element<'a, Message> {
    let crops: Vec<CropChoice> = data
        .crops
        .iter()
        .map(|c| CropChoice {
            id: c.id,
            name: c.name.clone(),
        })
        .collect();
    let mut lines = Column::new().spacing(6);
    lines = lines.push(
        row![
            text("Légume")
                .size(14)
                .color(theme::MUTED)
                .width(Length::Fixed(190.0)),
            text("Par panier")
                .size(14)
                .color(theme::MUTED)
                .width(Length::Fixed(100.0)),
            text("Unité").size(14).color(theme::MUTED),
        ]
        .spacing(8),
    );
    let current = editor
        .lines
        .get(editor.size)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    if current.is_empty() {
        lines = lines.push(widgets::muted(
            "Rien dans ce panier : ajoutez un légume ou copiez la semaine précédente.",
        ));
    }
    for (i, line) in current.iter().enumerate() {
        lines = lines.push(
            row![
                pick_list(crops.clone(), line.crop.clone(), move |c| {
                    Message::CropPicked(i, c)
                })
                .placeholder("Choisir…")
                .width(Length::Fixed(190.0)),
                text_input("ex. 1,5", &line.quantity)
                    .id(format!("week-qty-{i}"))
                    .on_input(move |q| Message::QuantityChanged(i, q))
                    .on_submit(Message::AddLine)
                    .padding(6)
                    .width(Length::Fixed(100.0)),
                pick_list(Unit::ALL, Some(line.unit), move |u| Message::UnitPicked(
                    i, u
                ))
                .width(Length::Fixed(110.0)),
                button(text("Retirer").size(14))
                    .style(button::secondary)
                    .on_press(Message::RemoveLine(i)),
            ]
            .spacing(8),
        );
    }
    lines.into()
}

fn container_fixed<'a>(content: Element<'a, Message>) -> Element<'a, Message> {
    iced::widget::container(content)
        .width(Length::Fixed(440.0))
        .into()
}

fn needs_view<'a>(needs: Vec<Need>) -> Element<'a, Message> {
    let head = |label: &'static str, width: f32| {
        text(label)
            .size(14)
            .font(BOLD)
            .color(theme::MUTED)
            .width(Length::Fixed(width))
    };
    let mut table = column![row![
        head("Légume", 130.0),
        head("À prévoir", 100.0),
        head("Récolté", 100.0),
        head("Manque", 90.0),
    ]]
    .spacing(6);
    if needs.is_empty() {
        table = table.push(widgets::muted("La composition est vide."));
    }
    let mut short = Vec::new();
    for need in &needs {
        let shortage = need.shortage();
        if let Some(q) = shortage {
            short.push(format!(
                "{} ({})",
                need.crop_name,
                format_quantity(q, need.unit)
            ));
        }
        let color = if shortage.is_some() {
            theme::WARNING_TEXT
        } else {
            theme::MUTED
        };
        table = table.push(row![
            text(need.crop_name.clone())
                .size(14)
                .width(Length::Fixed(130.0)),
            text(format_quantity(need.needed, need.unit))
                .size(14)
                .width(Length::Fixed(100.0)),
            text(match need.available {
                Some(q) => format_quantity(q, need.unit),
                None => "autre unité".to_owned(),
            })
            .size(14)
            .width(Length::Fixed(100.0)),
            text(shortage.map_or("—".to_owned(), |q| format_quantity(q, need.unit)))
                .size(14)
                .color(color)
                .width(Length::Fixed(90.0)),
        ]);
    }
    if !short.is_empty() {
        table = table.push(widgets::banner(
            Tone::Warning,
            format!("Récolte insuffisante pour : {}.", short.join(", ")),
        ));
    }
    table.into()
}
