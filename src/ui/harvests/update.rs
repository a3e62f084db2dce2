//! What the Récoltes screen does with its messages: saving lines, creating crops, exporting.

use iced::widget::operation::focus;
use iced::{Element, Task};

use super::entry::{self, Entry, Errors, Field, ids};
use super::list::{Computed, FilterField, Filters};
use super::{HarvestExport, Message, Screen, Tab, catalogue};
use crate::app::{self, harvests::HarvestData, harvests::Recorded};
use crate::domain::calendar::format_date;
use crate::domain::export::ExportTable;
use crate::domain::harvest_query::{
    HarvestFilter, HarvestLine, Period, filter_lines, format_number,
};
use crate::domain::harvests::{Crop, Plot};
use crate::report::export::{cross, lists};
use crate::ui::export;
use crate::ui::import::ImportKind;
use crate::ui::screen::{self, Action, Context, Request};
use crate::ui::widgets::Tone;

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(ticket, Ok(loaded)) => return self.loaded(ticket, loaded, context),
            Message::Loaded(ticket, Err(error)) => {
                if self.reads.answered(ticket) {
                    self.fail(&error);
                }
            }
            Message::Saved(Err(error))
            | Message::CropCreated(Err(error))
            | Message::Deleted(Err(error)) => self.fail(&error),
            Message::Tab(tab) => self.tab = tab,
            Message::Typed(field, value) => self.typed(field, value),
            Message::AcceptCrop => return self.accept_crop(context),
            Message::AcceptPlot => return self.accept_plot().into(),
            Message::Candidate(super::Candidate::Step(step)) => self.step_candidate(step),
            Message::Candidate(super::Candidate::Take(field, i)) => {
                self.entry.choosing = Some((field, i));
                return match field {
                    Field::Plot => self.accept_plot().into(),
                    _ => self.accept_crop(context),
                };
            }
            Message::Save => return self.save(false, context),
            Message::SaveConversion => return self.save(true, context),
            Message::Saved(Ok(Recorded::Warnings(warnings))) => {
                self.saving = false;
                self.warnings = warnings;
            }
            Message::Saved(Ok(Recorded::Saved(line, reload))) => {
                let shown = self.saved(line, reload);
                return Action::Run(Task::batch([shown, self.read_again(context)]));
            }
            Message::CreateCrop => return self.create_crop(context),
            Message::CropCreated(Ok((crops, crop))) => return self.crop_created(crops, &crop),
            Message::Edit(id) => return self.edit(id),
            Message::CancelEdit => {
                *self.entry = self.entry.next_line();
                self.errors = Errors::default();
                self.warnings.clear();
            }
            Message::AskDelete(id) => self.confirm_delete = Some(id),
            Message::CancelDelete => self.confirm_delete = None,
            Message::ConfirmDelete => {
                if let Some(id) = self.confirm_delete.take() {
                    return Action::Run(context.perform(
                        move |garden| app::harvests::delete_harvest(garden, id),
                        Message::Deleted,
                    ));
                }
            }
            Message::Deleted(Ok(id)) => {
                self.deleted(id);
                return Action::Run(self.read_again(context));
            }
            Message::Period(period) => {
                self.filters.set_period(period);
                return self.refiltered(context);
            }
            Message::Step(steps) => {
                self.filters.step(steps);
                return self.refiltered(context);
            }
            Message::Filter(field, value) => {
                self.filter(field, value);
                return self.refiltered(context);
            }
            Message::OpenImport => return Request::OpenImport(ImportKind::Harvests).into(),
            Message::Export(message) => return self.export(message),
            Message::Catalogue(message) => return self.catalogue(message, context),
            Message::Scrolled(scrolled) => self.scrolled = scrolled,
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}

impl Screen {
    /// The answer of a read: taken when it is the last read asked (the first one puts the
    /// cursor in the crop field), then the seasons the filters need now read if missing.
    fn loaded(&mut self, ticket: u64, loaded: HarvestData, context: &Context) -> Action<Message> {
        if !self.reads.answered(ticket) {
            return Action::None;
        }
        let first = self.reads.held().is_none();
        self.apply_loaded(loaded);
        let more = self.read_needed(context);
        Action::Run(if first {
            Task::batch([focus(ids::CROP), more])
        } else {
            more
        })
    }

    /// ↓ or ↑ among the suggestions of the field typed in last.
    fn step_candidate(&mut self, step: i32) {
        let Some((field, i)) = self.entry.choosing else {
            return;
        };
        let count = match field {
            Field::Crop => entry::crop_candidates(&self.crops, &self.entry.crop).len(),
            Field::Plot => entry::plot_candidates(&self.plots, &self.entry.plot).len(),
            Field::Date
            | Field::Quantity
            | Field::Unit
            | Field::Destination
            | Field::Note
            | Field::Conversion => 0,
        };
        let last = count.saturating_sub(1) as i64;
        let moved = (i as i64 + i64::from(step)).clamp(0, last);
        self.entry.choosing = Some((field, moved as usize));
    }

    /// The line was recorded: said, put in the list, and the entry ready for the next one.
    fn saved(&mut self, line: HarvestLine, reload: Option<HarvestData>) -> Task<Message> {
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
        focus(ids::CROP)
    }

    fn crop_created(&mut self, crops: Vec<Crop>, crop: &Crop) -> Action<Message> {
        self.crops = crops;
        self.catalogue.sync(&self.crops, &self.plots);
        self.offer_create = None;
        self.errors.crop = None;
        self.entry.accept_crop(crop);
        self.message = Some((
            Tone::Success,
            format!("Culture « {} » ajoutée au catalogue (en kg).", crop.name),
        ));
        Action::Run(focus(ids::PLOT))
    }

    fn edit(&mut self, id: i64) -> Action<Message> {
        let Some(line) = self.lines.iter().find(|l| l.harvest.id == id) else {
            return Action::None;
        };
        *self.entry = Entry::editing(line);
        self.errors = Errors::default();
        self.warnings.clear();
        self.tab = Tab::Entry;
        Action::Run(focus(ids::QUANTITY))
    }

    fn deleted(&mut self, id: i64) {
        self.remove_line(id);
        if self.entry.editing == Some(id) {
            *self.entry = self.entry.next_line();
        }
        self.message = Some((Tone::Success, "Ligne supprimée.".to_owned()));
        self.refresh();
    }

    fn filter(&mut self, field: FilterField, value: String) {
        let f = &mut self.filters;
        match field {
            FilterField::From => f.from = value,
            FilterField::To => f.to = value,
            FilterField::Crop => f.crop = value,
            FilterField::Plot => f.plot = value,
            FilterField::Search => f.search = value,
        }
    }

    /// The list filtered again, shown from its first line; the seasons it needs read when
    /// they are not held.
    fn refiltered(&mut self, context: &Context) -> Action<Message> {
        self.refresh();
        let top = self.scrolled.to_top(super::list::LIST_ID);
        Action::Run(Task::batch([top, self.read_needed(context)]))
    }

    fn export(&mut self, message: export::Message<HarvestExport>) -> Action<Message> {
        let screen = (&self.lines[..], &self.crops[..], &self.plots[..]);
        let (filters, computed) = (&*self.filters, &*self.computed);
        let task = self.exporter.update(message, |target| {
            if computed.reading {
                // Never a file made of a period half read.
                return Box::new(|| {
                    Err(app::Error::invalid(
                        "Période",
                        "Les récoltes de cette période sont en cours de lecture : exportez de nouveau dans un instant.",
                    ))
                });
            }
            export::ready(export_table(target, screen, filters, computed))
        });
        Action::Run(task.map(Message::Export))
    }

    fn catalogue(&mut self, message: catalogue::Message, context: &Context) -> Action<Message> {
        let seasons = self.wanted();
        match self
            .catalogue
            .update(message, context, (&self.crops, &self.plots), seasons)
        {
            catalogue::Event::None => {}
            catalogue::Event::Run(task) => return Action::Run(task.map(Message::Catalogue)),
            catalogue::Event::Reloaded(loaded) => {
                self.apply_loaded(loaded);
                return Action::Run(self.read_again(context));
            }
        }
        Action::None
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

    fn accept_crop(&mut self, context: &Context) -> Action<Message> {
        let typed = self.entry.crop.trim().to_owned();
        if typed.is_empty() {
            return Action::Run(focus(ids::PLOT));
        }
        if let Some(crop) = self.entry.chosen_crop(&self.crops) {
            self.entry.choosing = None;
            let crop = crop.clone();
            self.entry.accept_crop(&crop);
            self.errors.crop = None;
            self.offer_create = None;
            return Action::Run(focus(ids::PLOT));
        }
        if self.offer_create.as_deref() == Some(typed.as_str()) {
            return self.create_crop(context);
        }
        self.offer_create = Some(typed);
        Action::None
    }

    fn create_crop(&mut self, context: &Context) -> Action<Message> {
        let Some(name) = self.offer_create.clone() else {
            return Action::None;
        };
        Action::Run(context.perform(
            move |garden| app::harvests::create_crop(garden, name),
            Message::CropCreated,
        ))
    }

    /// Saves the line; `weight_answered`: Enter came from the unit weight question.
    fn save(&mut self, weight_answered: bool, context: &Context) -> Action<Message> {
        if self.saving {
            return Action::None;
        }
        let ready = match self.entry.check(&self.crops, &self.plots) {
            Ok(ready) => ready,
            Err(errors) => {
                self.errors = *errors;
                // The cursor goes to the first field to correct, so that what is typed
                // next lands there.
                return Action::Run(focus(first_faulty(&self.errors)));
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
            return Action::Run(focus(ids::CONVERSION));
        }
        self.errors = Errors::default();
        // Warnings already shown for this very line: Enter again saves anyway.
        let force = !self.warnings.is_empty();
        self.saving = true;
        let (today, seasons) = (context.today, self.wanted());
        Action::Run(context.perform(
            move |garden| {
                let (harvest, conversion) = (&ready.harvest, ready.conversion);
                app::harvests::record(garden, harvest, conversion, force, today, seasons)
            },
            Message::Saved,
        ))
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
