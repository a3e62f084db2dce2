//! The Récoltes screen: fast keyboard entry of harvest lines, the filtered list, totals and a
//! season chart, CSV and Excel exports, and the crop and plot catalogues.

mod catalogue;
pub mod entry;
pub mod list;
mod update;
mod view;

use crate::ui::screen::{self, Context};
use chrono::NaiveDate;
use iced::{Element, Task};

use super::export;
use super::widgets::Tone;
use crate::app::Garden;
use crate::domain::harvest_query::{HarvestLine, Period};
use crate::domain::harvests::{Crop, Plot};
use crate::store::harvests as store;
use crate::store::{Connection, StoreError};
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
    db: Garden,
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
    exporter: export::Exporter,
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
    /// Moving through the crop or plot suggestions (arrows), or clicking one.
    Candidate(Candidate),
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
    /// Exporting the list, the totals or the kg per crop and month, as shown.
    Export(export::Message<HarvestExport>),
    /// "Importer…": the app opens the harvest import.
    OpenImport,
    Catalogue(catalogue::Message),
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
        let (db, today) = (&context.garden, context.today);
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
            exporter: export::Exporter::default(),
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
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        match message {
            Message::OpenImport => {
                screen::Request::OpenImport(crate::ui::import::ImportKind::Harvests).into()
            }
            message => screen::Action::Run(self.handle(message)),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
