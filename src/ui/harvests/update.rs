//! What the Récoltes screen does with its messages: saving lines, creating crops, exporting.

use iced::Task;
use iced::widget::operation::focus;

use super::entry;
use super::entry::{Entry, Errors, Field, ids};
use super::list::{Computed, FilterField, Filters};
use super::{HarvestExport, Message, SaveOutcome, Screen, Tab, load};
use crate::domain::calendar::format_date;
use crate::domain::export::ExportTable;
use crate::domain::harvest_query::{
    HarvestFilter, HarvestLine, Period, filter_lines, format_number,
};
use crate::domain::harvests::{Crop, Destination, Plot, harvest_warnings};
use crate::report::export::{cross, lists};
use crate::store::harvests as store;
use crate::ui::export;
use crate::ui::widgets::Tone;

impl Screen {
    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loaded(Ok(loaded)) => {
                self.apply_loaded(loaded);
                return focus(ids::CROP);
            }
            Message::Loaded(Err(error)) => self.fail(&error),
            Message::Tab(tab) => self.tab = tab,
            Message::Typed(field, value) => self.typed(field, value),
            Message::AcceptCrop => return self.accept_crop(),
            Message::AcceptPlot => return self.accept_plot(),
            Message::Candidate(super::Candidate::Step(step)) => {
                if let Some((field, i)) = self.entry.choosing {
                    let count = match field {
                        Field::Crop => entry::crop_candidates(&self.crops, &self.entry.crop).len(),
                        Field::Plot => entry::plot_candidates(&self.plots, &self.entry.plot).len(),
                        _ => 0,
                    };
                    let last = count.saturating_sub(1) as i64;
                    let moved = (i as i64 + i64::from(step)).clamp(0, last);
                    self.entry.choosing = Some((field, moved as usize));
                }
            }
            Message::Candidate(super::Candidate::Take(field, i)) => {
                self.entry.choosing = Some((field, i));
                return match field {
                    Field::Plot => self.accept_plot(),
                    _ => self.accept_crop(),
                };
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
                        line.harvest.unit.label_for(line.harvest.quantity)
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
                        .write(move |conn| store::delete_harvest(conn, id).map(|()| id));
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
            // Handled by the application, which opens the import screen.
            Message::OpenImport => {}
            Message::Export(message) => {
                let screen = (&self.lines[..], &self.crops[..], &self.plots[..]);
                let (filters, computed) = (&*self.filters, &*self.computed);
                return self
                    .exporter
                    .update(message, |target| {
                        export::ready(export_table(target, screen, filters, computed))
                    })
                    .map(Message::Export);
            }
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

    /// Text typed in a field: kept, the field's error cleared, its suggestions restarted.
    fn typed(&mut self, field: Field, value: String) {
        let (e, errors) = (&mut self.entry, &mut self.errors);
        match field {
            Field::Date => (e.date, errors.date) = (value, None),
            Field::Crop => {
                (e.crop, errors.crop) = (value, None);
                // The unit and destination follow the crop.
                (errors.unit, errors.destination, errors.conversion) = (None, None, None);
            }
            Field::Plot => (e.plot, errors.plot) = (value, None),
            Field::Quantity => (e.quantity, errors.quantity) = (value, None),
            Field::Unit => (e.unit, errors.unit) = (value, None),
            Field::Destination => (e.destination, errors.destination) = (value, None),
            Field::Note => e.note = value,
            Field::Conversion => (e.conversion, errors.conversion) = (value, None),
        }
        e.choosing = matches!(field, Field::Crop | Field::Plot).then_some((field, 0));
        self.warnings.clear();
    }

    fn accept_plot(&mut self) -> Task<Message> {
        if let Some(plot) = self.entry.chosen_plot(&self.plots) {
            self.entry.plot = plot.name.clone();
            self.errors.plot = None;
        }
        self.entry.choosing = None;
        focus(ids::QUANTITY)
    }

    fn accept_crop(&mut self) -> Task<Message> {
        let typed = self.entry.crop.trim().to_owned();
        if typed.is_empty() {
            return focus(ids::PLOT);
        }
        if let Some(crop) = self.entry.chosen_crop(&self.crops) {
            self.entry.choosing = None;
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
        let task = self.db.write(move |conn| {
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
                // The cursor goes to the first field to correct, so that what is typed
                // next lands there.
                return focus(first_faulty(&self.errors));
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
        let task = self.db.write(move |conn| {
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
}

/// The id of the first field with an error, in the order of the line.
fn first_faulty(errors: &Errors) -> &'static str {
    [
        (errors.date.is_some(), ids::DATE),
        (errors.crop.is_some(), ids::CROP),
        (errors.plot.is_some(), ids::PLOT),
        (errors.quantity.is_some(), ids::QUANTITY),
        (errors.unit.is_some(), ids::UNIT),
        (errors.destination.is_some(), ids::DESTINATION),
        (errors.conversion.is_some(), ids::CONVERSION),
    ]
    .into_iter()
    .find_map(|(faulty, id)| faulty.then_some(id))
    .unwrap_or(ids::CROP)
}

/// The table of `target` from what the screen shows: the lines kept by the filters (all of
/// them), their totals, or kg per crop and month of the season shown.
fn export_table(
    target: HarvestExport,
    (lines, crops, plots): (&[HarvestLine], &[Crop], &[Plot]),
    filters: &Filters,
    computed: &Computed,
) -> ExportTable {
    match target {
        HarvestExport::List => {
            let shown: Vec<&HarvestLine> = computed
                .shown
                .iter()
                .filter_map(|&i| lines.get(i))
                .collect();
            lists::harvest_lines(&shown)
        }
        HarvestExport::Totals => lists::harvest_totals(&computed.totals),
        HarvestExport::CropMonths => {
            // The chart's lines: the whole season, crop, plot and search filters applied.
            let season: Vec<&HarvestLine> = match filters.resolve(crops, plots) {
                Ok(filter) => {
                    let (from, to) = Period::Season.range(filter.to);
                    let filter = HarvestFilter { from, to, ..filter };
                    filter_lines(lines, &filter)
                }
                Err(_) => Vec::new(),
            };
            cross::kg_by_crop_and_month(&season, computed.season)
        }
    }
}
