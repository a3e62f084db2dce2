//! The crop catalogue (units and their kg) and the plots, with a search box and a form.

use std::fmt;

use iced::Task;

use super::{Loaded, load};
use crate::app::Garden;
use crate::domain::harvest_query::format_number;
use crate::domain::harvests::{Crop, CropUnit, Destination, Plot, PlotKind, Unit, parse_quantity};
use crate::store::StoreError;
use crate::store::harvests as store;

/// Units other than kg, in the form's order.
const OTHER_UNITS: [Unit; 3] = [Unit::Piece, Unit::Bunch, Unit::Crate];

/// A parent plot choice ("Aucune" or a plot).
#[derive(Debug, Clone, PartialEq)]
pub struct Parent {
    id: Option<i64>,
    name: String,
}

impl fmt::Display for Parent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// The catalogue's state: search and the two forms.
#[derive(Debug, Clone)]
pub struct Catalogue {
    search: String,
    crop_id: i64,
    crop_name: String,
    crop_family: String,
    crop_destination: Destination,
    /// (used, kg per unit typed) for piece, botte, caisse.
    units: [(bool, String); 3],
    plot_id: i64,
    plot_name: String,
    plot_kind: PlotKind,
    plot_area: String,
    plot_parent: Option<i64>,
    parents: Vec<Parent>,
    error: Option<String>,
    notice: Option<String>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue {
            search: String::new(),
            crop_id: 0,
            crop_name: String::new(),
            crop_family: String::new(),
            crop_destination: Destination::Baskets,
            units: Default::default(),
            plot_id: 0,
            plot_name: String::new(),
            plot_kind: PlotKind::OpenField,
            plot_area: String::new(),
            plot_parent: None,
            parents: Vec::new(),
            error: None,
            notice: None,
        }
    }
}

/// Messages of the catalogue.
#[derive(Debug, Clone)]
pub enum Message {
    Search(String),
    NewCrop,
    EditCrop(i64),
    CropName(String),
    CropFamily(String),
    CropDestination(Destination),
    UnitUsed(usize, bool),
    UnitKg(usize, String),
    SaveCrop,
    NewPlot,
    EditPlot(i64),
    PlotName(String),
    PlotKindChosen(PlotKind),
    PlotArea(String),
    PlotParent(Parent),
    SavePlot,
    DeleteCrop(i64),
    Saved(Result<Loaded, StoreError>),
}

fn optional_number(text: &str, what: &str) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_quantity(text)
        .map(Some)
        .map_err(|e| format!("{what} : {}", e.replace("quantité", "valeur")))
}

impl Catalogue {
    /// Keeps the parent choices in step with the plots.
    pub fn sync(&mut self, _crops: &[Crop], plots: &[Plot]) {
        self.parents = std::iter::once(Parent {
            id: None,
            name: "Aucune".to_owned(),
        })
        .chain(plots.iter().map(|p| Parent {
            id: Some(p.id),
            name: p.name.clone(),
        }))
        .collect();
    }

    fn crop_from_form(&self) -> Result<Crop, String> {
        let mut units = Vec::new();
        for (unit, (used, kg)) in OTHER_UNITS.iter().zip(&self.units) {
            if *used {
                let kg_per_unit = optional_number(kg, &format!("Poids d'une {}", unit.label()))?;
                units.push(CropUnit {
                    unit: *unit,
                    kg_per_unit,
                });
            }
        }
        let crop = Crop {
            id: self.crop_id,
            name: self.crop_name.trim().to_owned(),
            family: self.crop_family.trim().to_owned(),
            default_destination: self.crop_destination,
            units,
        };
        crop.check()?;
        Ok(crop)
    }

    fn plot_from_form(&self) -> Result<Plot, String> {
        let plot = Plot {
            id: self.plot_id,
            name: self.plot_name.trim().to_owned(),
            kind: self.plot_kind,
            area_m2: optional_number(&self.plot_area, "Surface")?,
            parent_id: self.plot_parent,
        };
        plot.check()?;
        Ok(plot)
    }

    /// Handles a message; gives the task to run and, after a save, everything read again.
    pub fn update(
        &mut self,
        message: Message,
        db: &Garden,
        crops: &[Crop],
        plots: &[Plot],
    ) -> (Task<Message>, Option<Loaded>) {
        self.notice = None;
        match message {
            Message::Search(v) => self.search = v,
            Message::NewCrop => {
                let search = std::mem::take(&mut self.search);
                *self = Catalogue {
                    parents: std::mem::take(&mut self.parents),
                    search,
                    ..Catalogue::default()
                };
            }
            Message::EditCrop(id) => {
                if let Some(crop) = crops.iter().find(|c| c.id == id) {
                    self.crop_id = crop.id;
                    self.crop_name = crop.name.clone();
                    self.crop_family = crop.family.clone();
                    self.crop_destination = crop.default_destination;
                    for (i, unit) in OTHER_UNITS.iter().enumerate() {
                        let found = crop.units.iter().find(|u| u.unit == *unit);
                        self.units[i] = (
                            found.is_some(),
                            found
                                .and_then(|u| u.kg_per_unit)
                                .map(|kg| format_number(kg, 3))
                                .unwrap_or_default(),
                        );
                    }
                    self.error = None;
                }
            }
            Message::CropName(v) => self.crop_name = v,
            Message::CropFamily(v) => self.crop_family = v,
            Message::CropDestination(d) => self.crop_destination = d,
            Message::UnitUsed(i, used) => self.units[i].0 = used,
            Message::UnitKg(i, v) => {
                self.units[i].1 = v;
                self.units[i].0 = true;
            }
            Message::SaveCrop => match self.crop_from_form() {
                Err(error) => self.error = Some(error),
                Ok(crop) => {
                    self.error = None;
                    let task = db.write(move |conn| {
                        if crop.id == 0 {
                            store::insert_crop(conn, &crop)?;
                        } else {
                            store::update_crop(conn, &crop)?;
                        }
                        load(conn)
                    });
                    return (Task::perform(task, Message::Saved), None);
                }
            },
            Message::DeleteCrop(id) => {
                let task = db.write(move |conn| {
                    store::delete_crop(conn, id)?;
                    load(conn)
                });
                return (Task::perform(task, Message::Saved), None);
            }
            Message::NewPlot => {
                self.plot_id = 0;
                self.plot_name.clear();
                self.plot_kind = PlotKind::OpenField;
                self.plot_area.clear();
                self.plot_parent = None;
                self.error = None;
            }
            Message::EditPlot(id) => {
                if let Some(plot) = plots.iter().find(|p| p.id == id) {
                    self.plot_id = plot.id;
                    self.plot_name = plot.name.clone();
                    self.plot_kind = plot.kind;
                    self.plot_area = plot
                        .area_m2
                        .map(|a| format_number(a, 2))
                        .unwrap_or_default();
                    self.plot_parent = plot.parent_id;
                    self.error = None;
                }
            }
            Message::PlotName(v) => self.plot_name = v,
            Message::PlotKindChosen(k) => self.plot_kind = k,
            Message::PlotArea(v) => self.plot_area = v,
            Message::PlotParent(p) => self.plot_parent = p.id,
            Message::SavePlot => match self.plot_from_form() {
                Err(error) => self.error = Some(error),
                Ok(plot) => {
                    self.error = None;
                    let task = db.write(move |conn| {
                        if plot.id == 0 {
                            store::insert_plot(conn, &plot)?;
                        } else {
                            store::update_plot(conn, &plot)?;
                        }
                        load(conn)
                    });
                    return (Task::perform(task, Message::Saved), None);
                }
            },
            Message::Saved(Ok(loaded)) => {
                self.notice = Some("Enregistré.".to_owned());
                self.error = None;
                if self.crop_id == 0 {
                    self.crop_name.clear();
                    self.crop_family.clear();
                    self.units = Default::default();
                }
                if self.plot_id == 0 {
                    self.plot_name.clear();
                    self.plot_area.clear();
                }
                return (Task::none(), Some(loaded));
            }
            Message::Saved(Err(error)) => self.error = Some(error.to_string()),
        }
        (Task::none(), None)
    }
}

mod view;
