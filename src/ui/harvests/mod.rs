//! The Récoltes screen: fast keyboard entry of harvest lines, the filtered list, totals and a
//! season chart, CSV and Excel exports, and the crop and plot catalogues.
//!
//! It holds the lines of the seasons its period needs (`reads`), not the whole history:
//! another season is read when the period moves to it.

mod catalogue;
pub mod entry;
mod entry_view;
pub mod list;
mod reads;
mod totals;
mod update;
mod view;

use chrono::Datelike;
use iced::Task;

use super::export;
use super::screen::Context;
use super::widgets::Tone;
use crate::app::{self, harvests::HarvestData, harvests::Recorded};
use crate::domain::harvest_query::{HarvestLine, Period, Seasons, search_text};
use crate::domain::harvests::{Crop, Plot};
use crate::domain::text::SearchKeys;
use crate::ui::rows::Scrolled;
pub use entry::Field;
use entry::{Entry, Errors};
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

/// The Récoltes screen's state.
#[derive(Debug)]
pub struct Screen {
    tab: Tab,
    crops: Vec<Crop>,
    plots: Vec<Plot>,
    /// Every line of the seasons `reads` holds, most recent first.
    lines: Vec<HarvestLine>,
    /// The seasons `lines` hold and the read under way.
    reads: reads::Reads,
    /// The search text of each of `lines`, folded once, in the same order.
    keys: SearchKeys,
    /// Where the list is scrolled.
    scrolled: Scrolled,
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
    exporter: export::Exporter,
}

/// Messages of the Récoltes screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Crops, plots and the lines of some seasons were read, for the read with this number.
    Loaded(u64, app::Result<HarvestData>),
    /// A tab clicked.
    Tab(Tab),
    /// Text typed in an entry field.
    Typed(Field, String),
    /// Enter in the crop field: take the suggestion (or create the crop) and move on.
    AcceptCrop,
    /// Enter in the plot field: take the suggestion and move on.
    AcceptPlot,
    /// Moving through the crop or plot suggestions (arrows), or clicking one.
    Candidate(Candidate),
    /// Enter elsewhere in the line: save it.
    Save,
    /// Enter in the unit weight question: save, without weight when left empty.
    SaveConversion,
    /// The line was recorded, or warnings came back first.
    Saved(app::Result<Recorded>),
    /// « Créer la culture » offered for an unknown crop name.
    CreateCrop,
    /// The crop was created: the catalogue and the new crop.
    CropCreated(app::Result<(Vec<Crop>, Crop)>),
    /// « Modifier » on a line of the list.
    Edit(i64),
    /// « Annuler » the correction.
    CancelEdit,
    /// « Supprimer » on a line: asks first.
    AskDelete(i64),
    /// « Annuler » the deletion.
    CancelDelete,
    /// « Oui, supprimer ».
    ConfirmDelete,
    /// The line was deleted.
    Deleted(app::Result<i64>),
    /// The period of the list.
    Period(Period),
    /// The previous (-1) or next (1) period.
    Step(i32),
    /// A filter typed.
    Filter(FilterField, String),
    /// Exporting the list, the totals or the kg per crop and month, as shown.
    Export(export::Message<HarvestExport>),
    /// "Importer…": the window opens the harvest import.
    OpenImport,
    /// The crop and plot catalogues.
    Catalogue(catalogue::Message),
    /// The list was scrolled (or its room changed).
    Scrolled(Scrolled),
}

/// A move among the suggestions of the crop or plot field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// ↓ (1) or ↑ (-1): the next or previous suggestion of the field typed in last.
    Step(i32),
    /// A suggestion clicked: the field and its index; taken at once.
    Take(Field, usize),
}

/// What the Récoltes screen exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HarvestExport {
    /// The lines kept by the filters (all of them, not only those drawn).
    List,
    /// The totals per crop, plot and destination.
    Totals,
    /// Kg per crop and month of the season shown.
    CropMonths,
}

impl export::Target for HarvestExport {
    fn file_stem(self) -> &'static str {
        match self {
            HarvestExport::List => "recoltes",
            HarvestExport::Totals => "recoltes-totaux",
            HarvestExport::CropMonths => "recoltes-kg-par-culture-et-mois",
        }
    }
}

impl Screen {
    /// Opens the screen, starting to load what it shows.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let mut screen = Screen {
            tab: Tab::Entry,
            crops: Vec::new(),
            plots: Vec::new(),
            lines: Vec::new(),
            reads: reads::Reads::default(),
            keys: SearchKeys::default(),
            scrolled: Scrolled::default(),
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
            exporter: export::Exporter::default(),
        };
        let task = screen.read(screen.wanted(), context);
        (screen, task)
    }

    fn refresh(&mut self) {
        let lines = (&self.lines[..], &self.keys, self.reads.held());
        *self.computed = self.filters.compute(lines, &self.crops, &self.plots);
    }

    /// The seasons the filters need, else those held, else the season of the day shown:
    /// what to read, and to read again after a write.
    fn wanted(&self) -> Seasons {
        self.filters
            .need(&self.crops, &self.plots)
            .or(self.reads.held())
            .unwrap_or_else(|| Seasons::of_year(self.filters.day.year()))
    }

    /// Reads the crops, plots and lines of `seasons`; only the answer of the last read asked
    /// is taken.
    fn read(&mut self, seasons: Seasons, context: &Context) -> Task<Message> {
        let ticket = self.reads.ask(seasons);
        context.perform(
            move |garden| app::harvests::load(garden, seasons),
            move |loaded| Message::Loaded(ticket, loaded),
        )
    }

    /// Reads the seasons the filters need when the lines held do not cover them.
    fn read_needed(&mut self, context: &Context) -> Task<Message> {
        match self.filters.need(&self.crops, &self.plots) {
            Some(need) if self.reads.must_read(need) => self.read(need, context),
            _ => Task::none(),
        }
    }

    /// After a write: the read under way, which may have read before it, asked again (else
    /// the seasons the filters need, if the lines held miss them).
    fn read_again(&mut self, context: &Context) -> Task<Message> {
        match self.reads.after_write() {
            Some(seasons) => self.read(seasons, context),
            None => self.read_needed(context),
        }
    }

    fn apply_loaded(&mut self, loaded: HarvestData) {
        self.crops = loaded.crops;
        self.plots = loaded.plots;
        self.lines = loaded.lines;
        self.keys = SearchKeys::new(self.lines.iter().map(search_text));
        self.reads.took(loaded.seasons);
        self.catalogue.sync(&self.crops, &self.plots);
        self.refresh();
    }

    fn fail(&mut self, error: &app::Error) {
        self.saving = false;
        self.message = Some((Tone::Error, error.to_string()));
    }

    /// Puts `line` in the list (replacing the line with its id), most recent first, when
    /// its date is in the seasons held (a line moved to another season leaves the list).
    fn put_line(&mut self, line: HarvestLine) {
        self.remove_line(line.harvest.id);
        if !self
            .reads
            .held()
            .is_some_and(|held| held.holds(line.harvest.date))
        {
            return;
        }
        let key = |l: &HarvestLine| {
            (
                std::cmp::Reverse(l.harvest.date),
                std::cmp::Reverse(l.harvest.id),
            )
        };
        let at = self.lines.partition_point(|l| key(l) < key(&line));
        self.keys.insert(at, &search_text(&line));
        self.lines.insert(at, line);
    }

    /// Takes the line `id` out of the list, if it is there.
    fn remove_line(&mut self, id: i64) {
        if let Some(at) = self.lines.iter().position(|l| l.harvest.id == id) {
            self.lines.remove(at);
            self.keys.remove(at);
        }
    }
}
