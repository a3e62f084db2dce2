//! The crop catalogue (units and their kg) and the plots, with a search box and a form.

use std::fmt;

use iced::Task;

use crate::app::{self, harvests::HarvestData};
use crate::domain::harvest_query::{Seasons, format_number};
use crate::domain::harvests::{Crop, CropUnit, Destination, Plot, PlotKind, Unit, parse_quantity};
use crate::ui::screen::Context;

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
    /// The search box.
    Search(String),
    /// « Nouvelle culture ».
    NewCrop,
    /// A crop clicked: its form.
    EditCrop(i64),
    /// The crop's name typed.
    CropName(String),
    /// The crop's family typed.
    CropFamily(String),
    /// The crop's usual destination.
    CropDestination(Destination),
    /// A unit ticked or not (piece, botte, caisse).
    UnitUsed(usize, bool),
    /// The kg of one unit typed.
    UnitKg(usize, String),
    /// « Enregistrer » the crop.
    SaveCrop,
    /// « Nouvelle parcelle ».
    NewPlot,
    /// A plot clicked: its form.
    EditPlot(i64),
    /// The plot's name typed.
    PlotName(String),
    /// The plot's kind.
    PlotKindChosen(PlotKind),
    /// The plot's area typed.
    PlotArea(String),
    /// The plot it is part of.
    PlotParent(Parent),
    /// « Enregistrer » the plot.
    SavePlot,
    /// « Supprimer » a crop.
    DeleteCrop(i64),
    /// Saved: everything read again, or why not.
    Saved(app::Result<HarvestData>),
}

/// What the catalogue tells the Récoltes screen.
pub enum Event {
    /// Nothing more.
    None,
    /// Run this task; its messages come back to the catalogue.
    Run(Task<Message>),
    /// A crop or plot was saved or deleted: everything, read again.
    Reloaded(HarvestData),
}

/// A number typed in `field` (labelled `what` in the message), or nothing when left empty.
fn optional_number(text: &str, field: &'static str, what: &str) -> app::Result<Option<f64>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_quantity(text).map(Some).map_err(|e| {
        app::Error::invalid(
            field,
            format!("{what} : {}", e.replace("quantité", "valeur")),
        )
    })
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

    fn crop_from_form(&self) -> app::Result<Crop> {
        let mut units = Vec::new();
        for (unit, (used, kg)) in OTHER_UNITS.iter().zip(&self.units) {
            if *used {
                let what = format!("Poids d'une {}", unit.label());
                let kg_per_unit = optional_number(kg, "kg par unité", &what)?;
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
        crop.check()
            .map_err(|message| app::Error::invalid("Culture", message))?;
        Ok(crop)
    }

    fn plot_from_form(&self) -> app::Result<Plot> {
        let plot = Plot {
            id: self.plot_id,
            name: self.plot_name.trim().to_owned(),
            kind: self.plot_kind,
            area_m2: optional_number(&self.plot_area, "Surface", "Surface")?,
            parent_id: self.plot_parent,
        };
        plot.check()
            .map_err(|message| app::Error::invalid("Parcelle", message))?;
        Ok(plot)
    }

    /// Handles a message (`crops` and `plots` are the screen's, to fill a form; after a
    /// save, everything is read again with the lines of `seasons`).
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
        (crops, plots): (&[Crop], &[Plot]),
        seasons: Seasons,
    ) -> Event {
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
            Message::EditCrop(id) => self.edit_crop(crops, id),
            Message::CropName(v) => self.crop_name = v,
            Message::CropFamily(v) => self.crop_family = v,
            Message::CropDestination(d) => self.crop_destination = d,
            Message::UnitUsed(i, used) => self.units[i].0 = used,
            Message::UnitKg(i, v) => {
                self.units[i].1 = v;
                self.units[i].0 = true;
            }
            Message::SaveCrop => match self.crop_from_form() {
                Err(error) => self.error = Some(error.to_string()),
                Ok(crop) => {
                    self.error = None;
                    return save(context, move |garden| {
                        app::harvests::save_crop(garden, &crop, seasons)
                    });
                }
            },
            Message::DeleteCrop(id) => {
                return save(context, move |garden| {
                    app::harvests::delete_crop(garden, id, seasons)
                });
            }
            Message::NewPlot => {
                self.plot_id = 0;
                self.plot_name.clear();
                self.plot_kind = PlotKind::OpenField;
                self.plot_area.clear();
                self.plot_parent = None;
                self.error = None;
            }
            Message::EditPlot(id) => self.edit_plot(plots, id),
            Message::PlotName(v) => self.plot_name = v,
            Message::PlotKindChosen(k) => self.plot_kind = k,
            Message::PlotArea(v) => self.plot_area = v,
            Message::PlotParent(p) => self.plot_parent = p.id,
            Message::SavePlot => match self.plot_from_form() {
                Err(error) => self.error = Some(error.to_string()),
                Ok(plot) => {
                    self.error = None;
                    return save(context, move |garden| {
                        app::harvests::save_plot(garden, &plot, seasons)
                    });
                }
            },
            Message::Saved(Ok(loaded)) => return self.saved(loaded),
            Message::Saved(Err(error)) => self.error = Some(error.to_string()),
        }
        Event::None
    }

    fn edit_crop(&mut self, crops: &[Crop], id: i64) {
        let Some(crop) = crops.iter().find(|c| c.id == id) else {
            return;
        };
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

    fn edit_plot(&mut self, plots: &[Plot], id: i64) {
        let Some(plot) = plots.iter().find(|p| p.id == id) else {
            return;
        };
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

    /// After a save: a new crop's or plot's form is emptied for the next one.
    fn saved(&mut self, loaded: HarvestData) -> Event {
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
        Event::Reloaded(loaded)
    }
}

/// Runs the use case `job`, which saves and reads everything again.
fn save(
    context: &Context,
    job: impl FnOnce(&app::Garden) -> app::Result<HarvestData> + Send + 'static,
) -> Event {
    Event::Run(context.perform(job, Message::Saved))
}

mod view;
