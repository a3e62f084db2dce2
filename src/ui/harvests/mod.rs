//! The Récoltes screen: fast keyboard entry of harvest lines, the filtered list, totals and a
//! season chart, CSV export, and the crop and plot catalogues.

mod catalogue;
pub mod entry;
pub mod list;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::operation::focus;
use iced::widget::{Row, button, column, row, text};
use iced::{Element, Length, Task};

use super::db::Db;
use super::widgets::{self, Tone};
use crate::domain::calendar::format_date;
use crate::domain::csv::to_csv;
use crate::domain::harvest_query::{HarvestLine, Period, format_number};
use crate::domain::harvests::{Crop, Destination, Plot, harvest_warnings};
use crate::store::harvests as store;
use crate::store::{Connection, StoreError};
use entry::{Entry, Errors, Field, ids};
use list::{Computed, FilterField, Filters};

/// The screen's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Entry and list.
    Entry,
    /// Totals and chart.
    Totals,
    /// Crop catalogue.
    Crops,
    /// Plots.
    Plots,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Entry, Tab::Totals, Tab::Crops, Tab::Plots];

    fn label(self) -> &'static str {
        match self {
            Tab::Entry => "Saisie",
            Tab::Totals => "Totaux",
            Tab::Crops => "Cultures",
            Tab::Plots => "Parcelles",
        }
    }
}

/// Everything the screen reads at once.
#[derive(Debug, Clone)]
pub struct Loaded {
    crops: Vec<Crop>,
    plots: Vec<Plot>,
    lines: Vec<HarvestLine>,
}

fn load(conn: &Connection) -> Result<Loaded, StoreError> {
    Ok(Loaded {
        crops: store::list_crops(conn)?,
        plots: store::list_plots(conn)?,
        lines: store::all_harvest_lines(conn)?,
    })
}

/// What saving a line gave.
#[derive(Debug, Clone)]
pub enum SaveOutcome {
    /// Saved; everything is read again when a conversion was stored.
    Saved(HarvestLine, Option<Loaded>),
    /// Not saved: warnings to confirm first.
    Warnings(Vec<String>),
}

/// The Récoltes screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Db,
    today: NaiveDate,
    tab: Tab,
    crops: Vec<Crop>,
    plots: Vec<Plot>,
    lines: Vec<HarvestLine>,
    entry: Box<Entry>,
    errors: Errors,
    /// Warnings shown for the line as typed; Enter again saves anyway.
    warnings: Vec<String>,
    /// The unknown crop name the user was offered to create.
    offer_create: Option<String>,
    confirm_delete: Option<i64>,
    filters: Box<Filters>,
    computed: Box<Computed>,
    message: Option<(Tone, String)>,
    saving: bool,
    catalogue: Box<catalogue::Catalogue>,
}

/// Messages of the Récoltes screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Crops, plots and lines were read.
    Loaded(Result<Loaded, StoreError>),
    Tab(Tab),
    /// Text typed in an entry field.
    Typed(Field, String),
    /// Enter in the crop field: take the suggestion (or create the crop) and move on.
    AcceptCrop,
    /// Enter in the plot field: take the suggestion and move on.
    AcceptPlot,
    /// Enter elsewhere in the line: save it.
    Save,
    /// Enter in the unit weight question: save, without weight when left empty.
    SaveConversion,
    Saved(Result<SaveOutcome, StoreError>),
    CreateCrop,
    CropCreated(Result<(Vec<Crop>, Crop), StoreError>),
    Edit(i64),
    CancelEdit,
    AskDelete(i64),
    CancelDelete,
    ConfirmDelete,
    Deleted(Result<i64, StoreError>),
    Period(Period),
    Step(i32),
    Filter(FilterField, String),
    Export,
    Exported(Result<Option<PathBuf>, String>),
    Catalogue(catalogue::Message),
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(db: &Db, today: NaiveDate) -> (Self, Task<Message>) {
        let screen = Screen {
            db: db.clone(),
            today,
            tab: Tab::Entry,
            crops: Vec::new(),
            plots: Vec::new(),
            lines: Vec::new(),
            entry: Box::new(Entry::new(today)),
            errors: Errors::default(),
            warnings: Vec::new(),
            offer_create: None,
            confirm_delete: None,
            filters: Box::new(Filters::new(today)),
            computed: Box::default(),
            message: None,
            saving: false,
            catalogue: Box::default(),
        };
        let task = Task::perform(db.call(|conn| load(conn)), Message::Loaded);
        (screen, task)
    }

    fn refresh(&mut self) {
        *self.computed = self.filters.compute(&self.lines, &self.crops, &self.plots);
    }

    fn apply_loaded(&mut self, loaded: Loaded) {
        self.crops = loaded.crops;
        self.plots = loaded.plots;
        self.lines = loaded.lines;
        self.catalogue.sync(&self.crops, &self.plots);
        self.refresh();
    }

    fn fail(&mut self, error: &StoreError) {
        self.saving = false;
        self.message = Some((Tone::Error, error.to_string()));
    }

    /// Puts `line` in the list (replacing the line with its id), most recent first.
    fn put_line(&mut self, line: HarvestLine) {
        self.lines.retain(|l| l.harvest.id != line.harvest.id);
        let key = |l: &HarvestLine| {
            (
                std::cmp::Reverse(l.harvest.date),
                std::cmp::Reverse(l.harvest.id),
            )
        };
        let at = self.lines.partition_point(|l| key(l) < key(&line));
        self.lines.insert(at, line);
    }

    /// Handles a message; the returned task is run by the application.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loaded(Ok(loaded)) => {
                self.apply_loaded(loaded);
                return focus(ids::CROP);
            }
            Message::Loaded(Err(error)) => self.fail(&error),
            Message::Tab(tab) => self.tab = tab,
            Message::Typed(field, value) => {
                let e = &mut self.entry;
                match field {
                    Field::Date => e.date = value,
                    Field::Crop => e.crop = value,
                    Field::Plot => e.plot = value,
                    Field::Quantity => e.quantity = value,
                    Field::Unit => e.unit = value,
                    Field::Destination => e.destination = value,
                    Field::Note => e.note = value,
                    Field::Conversion => e.conversion = value,
                }
                self.warnings.clear();
            }
            Message::AcceptCrop => return self.accept_crop(),
            Message::AcceptPlot => {
                if let Some(plot) = entry::find_plot(&self.plots, &self.entry.plot) {
                    self.entry.plot = plot.name.clone();
                    self.errors.plot = None;
                }
                return focus(ids::QUANTITY);
            }
            Message::Save => return self.save(false),
            Message::SaveConversion => return self.save(true),
            Message::Saved(Ok(SaveOutcome::Warnings(warnings))) => {
                self.saving = false;
                self.warnings = warnings;
            }
            Message::Saved(Ok(SaveOutcome::Saved(line, reload))) => {
                self.saving = false;
                self.message = Some((
                    Tone::Success,
                    format!(
                        "Enregistré : {} du {}, {} {}.",
                        line.crop_name,
                        format_date(line.harvest.date),
                        format_number(line.harvest.quantity, 3),
                        line.harvest.unit.label()
                    ),
                ));
                match reload {
                    Some(loaded) => self.apply_loaded(loaded),
                    None => {
                        self.put_line(line);
                        self.refresh();
                    }
                }
                *self.entry = self.entry.next_line();
                self.errors = Errors::default();
                self.warnings.clear();
                return focus(ids::CROP);
            }
            Message::Saved(Err(error)) => self.fail(&error),
            Message::CreateCrop => return self.create_crop(),
            Message::CropCreated(Ok((crops, crop))) => {
                self.crops = crops;
                self.catalogue.sync(&self.crops, &self.plots);
                self.offer_create = None;
                self.errors.crop = None;
                self.entry.accept_crop(&crop);
                self.message = Some((
                    Tone::Success,
                    format!("Culture « {} » ajoutée au catalogue (en kg).", crop.name),
                ));
                return focus(ids::PLOT);
            }
            Message::CropCreated(Err(error)) => self.fail(&error),
            Message::Edit(id) => {
                if let Some(line) = self.lines.iter().find(|l| l.harvest.id == id) {
                    *self.entry = Entry::editing(line);
                    self.errors = Errors::default();
                    self.warnings.clear();
                    self.tab = Tab::Entry;
                    return focus(ids::QUANTITY);
                }
            }
            Message::CancelEdit => {
                *self.entry = self.entry.next_line();
                self.errors = Errors::default();
                self.warnings.clear();
            }
            Message::AskDelete(id) => self.confirm_delete = Some(id),
            Message::CancelDelete => self.confirm_delete = None,
            Message::ConfirmDelete => {
                if let Some(id) = self.confirm_delete.take() {
                    let task = self
                        .db
                        .call(move |conn| store::delete_harvest(conn, id).map(|()| id));
                    return Task::perform(task, Message::Deleted);
                }
            }
            Message::Deleted(Ok(id)) => {
                self.lines.retain(|l| l.harvest.id != id);
                if self.entry.editing == Some(id) {
                    *self.entry = self.entry.next_line();
                }
                self.message = Some((Tone::Success, "Ligne supprimée.".to_owned()));
                self.refresh();
            }
            Message::Deleted(Err(error)) => self.fail(&error),
            Message::Period(period) => {
                self.filters.set_period(period);
                self.refresh();
            }
            Message::Step(steps) => {
                self.filters.step(steps);
                self.refresh();
            }
            Message::Filter(field, value) => {
                let f = &mut self.filters;
                match field {
                    FilterField::From => f.from = value,
                    FilterField::To => f.to = value,
                    FilterField::Crop => f.crop = value,
                    FilterField::Plot => f.plot = value,
                    FilterField::Search => f.search = value,
                }
                self.refresh();
            }
            Message::Export => return self.export(),
            Message::Exported(Ok(Some(path))) => {
                self.message = Some((
                    Tone::Success,
                    format!("Fichier enregistré : {}", path.display()),
                ));
            }
            Message::Exported(Ok(None)) => {}
            Message::Exported(Err(error)) => self.message = Some((Tone::Error, error)),
            Message::Catalogue(message) => {
                let (task, reload) =
                    self.catalogue
                        .update(message, &self.db, &self.crops, &self.plots);
                if let Some(loaded) = reload {
                    self.apply_loaded(loaded);
                }
                return task.map(Message::Catalogue);
            }
        }
        Task::none()
    }

    fn accept_crop(&mut self) -> Task<Message> {
        let typed = self.entry.crop.trim().to_owned();
        if typed.is_empty() {
            return focus(ids::PLOT);
        }
        if let Some(crop) = entry::find_crop(&self.crops, &typed) {
            let crop = crop.clone();
            self.entry.accept_crop(&crop);
            self.errors.crop = None;
            self.offer_create = None;
            return focus(ids::PLOT);
        }
        if self.offer_create.as_deref() == Some(typed.as_str()) {
            return self.create_crop();
        }
        self.offer_create = Some(typed);
        Task::none()
    }

    fn create_crop(&mut self) -> Task<Message> {
        let Some(name) = self.offer_create.clone() else {
            return Task::none();
        };
        let crop = Crop {
            id: 0,
            name,
            family: String::new(),
            default_destination: Destination::Baskets,
            units: Vec::new(),
        };
        let task = self.db.call(move |conn| {
            let id = store::insert_crop(conn, &crop)?;
            Ok((store::list_crops(conn)?, store::get_crop(conn, id)?))
        });
        Task::perform(task, Message::CropCreated)
    }

    /// Saves the line; `weight_answered`: Enter came from the unit weight question.
    fn save(&mut self, weight_answered: bool) -> Task<Message> {
        if self.saving {
            return Task::none();
        }
        let ready = match self.entry.check(&self.crops, &self.plots) {
            Ok(ready) => ready,
            Err(errors) => {
                self.errors = *errors;
                return Task::none();
            }
        };
        if !weight_answered
            && ready.conversion.is_none()
            && let Some((crop, unit)) = self.entry.needs_conversion(&self.crops)
        {
            self.errors.conversion = Some(format!(
                "Indiquez le poids d'une {} de {crop} en kg.",
                unit.label()
            ));
            return focus(ids::CONVERSION);
        }
        self.errors = Errors::default();
        // Warnings already shown for this very line: Enter again saves anyway.
        let force = !self.warnings.is_empty();
        self.saving = true;
        let today = self.today;
        let task = self.db.call(move |conn| {
            let h = &ready.harvest;
            if !force {
                let same_day = store::harvests_between(conn, h.date, h.date)?;
                let warnings = harvest_warnings(h, today, &same_day);
                if !warnings.is_empty() {
                    return Ok(SaveOutcome::Warnings(warnings));
                }
            }
            let tx = conn.unchecked_transaction()?;
            if let Some((unit, kg)) = ready.conversion {
                store::set_kg_per_unit(&tx, h.crop_id, unit, kg)?;
            }
            let id = if h.id == 0 {
                store::insert_harvest(&tx, h)?
            } else {
                store::update_harvest(&tx, h)?;
                h.id
            };
            tx.commit()?;
            let reload = if ready.conversion.is_some() {
                Some(load(conn)?)
            } else {
                None
            };
            Ok(SaveOutcome::Saved(store::harvest_line(conn, id)?, reload))
        });
        Task::perform(task, Message::Saved)
    }

    fn export(&mut self) -> Task<Message> {
        let rows: Vec<Vec<String>> = self
            .computed
            .shown
            .iter()
            .map(|&i| export_row(&self.lines[i]))
            .collect();
        let bytes = to_csv(&EXPORT_HEADERS, &rows);
        let name = format!("recoltes-{}.csv", self.today.format("%Y-%m-%d"));
        Task::perform(
            async move {
                let Some(file) = rfd::AsyncFileDialog::new()
                    .set_title("Exporter les récoltes")
                    .set_file_name(name)
                    .add_filter("CSV (tableur)", &["csv"])
                    .save_file()
                    .await
                else {
                    return Ok(None);
                };
                let path = file.path().to_path_buf();
                std::fs::write(&path, bytes)
                    .map_err(|e| format!("Impossible d'écrire « {} » : {e}", path.display()))?;
                Ok(Some(path))
            },
            Message::Exported,
        )
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let mut tabs = Row::new().spacing(4);
        for tab in Tab::ALL {
            let style = if tab == self.tab {
                button::primary
            } else {
                button::secondary
            };
            tabs = tabs.push(
                button(text(tab.label()).size(15))
                    .padding([6, 14])
                    .style(style)
                    .on_press(Message::Tab(tab)),
            );
        }
        let mut page = column![
            row![
                widgets::page_title("Récoltes", None),
                iced::widget::Space::new().width(Length::Fill),
                tabs
            ]
            .align_y(iced::Alignment::Center)
        ]
        .spacing(12)
        .padding(20)
        .height(Length::Fill);
        if let Some((tone, message)) = &self.message {
            page = page.push(widgets::banner(*tone, message.clone()));
        }
        match self.tab {
            Tab::Entry => page = page.push(self.entry_tab()),
            Tab::Totals => {
                page = page
                    .push(list::filter_bar(
                        &self.filters,
                        self.computed.problem.as_ref(),
                    ))
                    .push(list::totals_view(&self.computed));
            }
            Tab::Crops | Tab::Plots => {
                page = page.push(
                    self.catalogue
                        .view(self.tab == Tab::Crops, &self.crops, &self.plots)
                        .map(Message::Catalogue),
                );
            }
        }
        page.into()
    }

    fn entry_tab(&self) -> Element<'_, Message> {
        let heading = if self.entry.editing.is_some() {
            "Modifier la ligne"
        } else {
            "Nouvelle ligne (Entrée enregistre, Tab passe au champ suivant)"
        };
        let mut form = column![entry::view(
            &self.entry,
            &self.errors,
            &self.crops,
            &self.plots
        )]
        .spacing(8);
        if let Some(name) = &self.offer_create {
            form = form.push(widgets::banner(
                Tone::Warning,
                format!("« {name} » n'est pas au catalogue. Appuyez encore sur Entrée pour créer cette culture (comptée en kg), ou corrigez le nom."),
            ));
            form = form.push(widgets::action(
                "Créer la culture",
                Some(Message::CreateCrop),
            ));
        }
        if !self.warnings.is_empty() {
            form = form.push(widgets::banner(
                Tone::Warning,
                format!(
                    "{} Appuyez encore sur Entrée pour enregistrer quand même.",
                    self.warnings.join(" ")
                ),
            ));
        }
        let mut buttons = row![widgets::action(
            if self.warnings.is_empty() {
                "Enregistrer"
            } else {
                "Enregistrer quand même"
            },
            (!self.saving).then_some(Message::Save)
        )]
        .spacing(10);
        if self.entry.editing.is_some() {
            buttons = buttons.push(widgets::secondary(
                "Annuler la modification",
                Some(Message::CancelEdit),
            ));
        }
        form = form.push(buttons);
        let mut content = column![widgets::card(heading, form)].spacing(10);
        if let Some(id) = self.confirm_delete
            && let Some(line) = self.lines.iter().find(|l| l.harvest.id == id)
        {
            content = content.push(widgets::banner(
                Tone::Warning,
                format!(
                    "Supprimer la ligne {} du {} ({}) ? Cette action est définitive.",
                    line.crop_name,
                    format_date(line.harvest.date),
                    list::quantity_label(line)
                ),
            ));
            content = content.push(
                row![
                    widgets::action("Oui, supprimer", Some(Message::ConfirmDelete)),
                    widgets::secondary("Annuler", Some(Message::CancelDelete)),
                ]
                .spacing(10),
            );
        }
        content
            .push(list::filter_bar(
                &self.filters,
                self.computed.problem.as_ref(),
            ))
            .push(list::list(&self.lines, &self.computed))
            .height(Length::Fill)
            .into()
    }
}

/// Columns of the CSV export.
pub const EXPORT_HEADERS: [&str; 9] = [
    "Date",
    "Culture",
    "Parcelle",
    "Quantité",
    "Unité",
    "Destination",
    "Poids (kg)",
    "Note",
    "N°",
];

/// One CSV row for a line (French numbers, dates as 28/11/2026).
pub fn export_row(line: &HarvestLine) -> Vec<String> {
    let h = &line.harvest;
    let plain = |value: f64| format_number(value, 3).replace('\u{202f}', "");
    vec![
        format_date(h.date),
        line.crop_name.clone(),
        line.plot_name.clone(),
        plain(h.quantity),
        h.unit.label().to_owned(),
        h.destination.label().to_owned(),
        line.kg.map(plain).unwrap_or_default(),
        h.notes.clone(),
        h.id.to_string(),
    ]
}
