//! The Rapports screen: choose a period and the parts, then write the bilan d'activité as a
//! PDF (saved through the native dialog, then opened) or its figures as CSV files.

pub mod form;
pub mod job;
mod view;

use crate::ui::screen::{self, Context};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use iced::{Element, Task};

use crate::app::Garden;
use crate::domain::activity::{ActivityFigures, format_rate};
use crate::domain::numbers::format_fixed;
use crate::store::StoreError;
use form::{Month, Part, PeriodKind, Quarter, ReportForm, default_file_name};
use job::Written;

/// Id of the year field.
pub const YEAR_ID: &str = "reports-year";
/// Id of the first-day field.
pub const FROM_ID: &str = "reports-from";
/// Id of the last-day field.
pub const TO_ID: &str = "reports-to";

/// What the screen is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Busy {
    /// Waiting for the user.
    Idle,
    /// A file dialog is open.
    Choosing,
    /// The report is being built.
    Generating,
}

/// The Rapports screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Garden,
    today: NaiveDate,
    form: ReportForm,
    error: Option<String>,
    busy: Busy,
    written: Option<Result<Box<Written>, StoreError>>,
    csv_written: Option<Result<Vec<PathBuf>, StoreError>>,
}

/// Messages of the Rapports screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// How the period is chosen.
    KindChosen(PeriodKind),
    /// The year typed.
    YearChanged(String),
    /// The quarter picked.
    QuarterChosen(Quarter),
    /// The month picked.
    MonthChosen(Month),
    /// The first day typed.
    FromChanged(String),
    /// The last day typed.
    ToChanged(String),
    /// A part ticked or unticked.
    PartToggled(Part, bool),
    /// « Générer le bilan (PDF)… »: check the form, then ask where to save.
    Generate,
    /// The save dialog answered (`None`: cancelled).
    PdfChosen(Option<PathBuf>),
    /// Build the report and write it to this file (no dialog).
    GenerateTo(PathBuf),
    /// The report was written.
    Generated(Result<Box<Written>, StoreError>),
    /// « Exporter en CSV… »: check the form, then ask for a folder.
    ExportCsv,
    /// The folder dialog answered (`None`: cancelled).
    CsvFolderChosen(Option<PathBuf>),
    /// Write the CSV files into this folder (no dialog).
    ExportCsvTo(PathBuf),
    /// The CSV files were written.
    CsvWritten(Result<Vec<PathBuf>, StoreError>),
    /// Open a file in the system viewer.
    Open(PathBuf),
}

impl Screen {
    /// Opens the screen on the current year.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let (db, today) = (&context.garden, context.today);
        let screen = Screen {
            db: db.clone(),
            today,
            form: ReportForm::new(today),
            error: None,
            busy: Busy::Idle,
            written: None,
            csv_written: None,
        };
        (screen, Task::none())
    }

    /// What the screen is doing.
    pub fn busy(&self) -> &Busy {
        &self.busy
    }

    /// The last report written, if any.
    pub fn written(&self) -> Option<&Result<Box<Written>, StoreError>> {
        self.written.as_ref()
    }

    /// The form's error message, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::KindChosen(kind) => self.edit(|f| f.kind = kind),
            Message::YearChanged(text) => self.edit(|f| f.year = text),
            Message::QuarterChosen(q) => self.edit(|f| f.quarter = q),
            Message::MonthChosen(m) => self.edit(|f| f.month = m),
            Message::FromChanged(text) => self.edit(|f| f.from = text),
            Message::ToChanged(text) => self.edit(|f| f.to = text),
            Message::PartToggled(part, on) => self.edit(|f| f.sections = part.set(f.sections, on)),
            Message::Generate => {
                let Some((from, to)) = self.checked() else {
                    return Task::none();
                };
                self.busy = Busy::Choosing;
                return Task::perform(
                    job::choose_pdf(default_file_name(from, to, "pdf")),
                    Message::PdfChosen,
                );
            }
            Message::PdfChosen(None) | Message::CsvFolderChosen(None) => self.busy = Busy::Idle,
            Message::PdfChosen(Some(path)) => return Task::done(Message::GenerateTo(path)),
            Message::GenerateTo(path) => {
                let Some((from, to)) = self.checked() else {
                    self.busy = Busy::Idle;
                    return Task::none();
                };
                self.busy = Busy::Generating;
                self.written = None;
                let sections = self.form.sections;
                let now = Local::now().naive_local();
                return Task::perform(
                    self.db
                        .call(move |conn| job::write_pdf(conn, from, to, sections, &path, now)),
                    |result| Message::Generated(result.map(Box::new)),
                );
            }
            Message::Generated(result) => {
                self.busy = Busy::Idle;
                let open = result.as_ref().ok().map(|w| w.path.clone());
                self.written = Some(result);
                if let Some(path) = open {
                    return Task::done(Message::Open(path));
                }
            }
            Message::ExportCsv => {
                if self.checked().is_none() {
                    return Task::none();
                }
                self.busy = Busy::Choosing;
                return Task::perform(job::choose_folder(), Message::CsvFolderChosen);
            }
            Message::CsvFolderChosen(Some(dir)) => return Task::done(Message::ExportCsvTo(dir)),
            Message::ExportCsvTo(dir) => {
                let Some((from, to)) = self.checked() else {
                    self.busy = Busy::Idle;
                    return Task::none();
                };
                self.busy = Busy::Generating;
                self.csv_written = None;
                let (sections, today) = (self.form.sections, self.today);
                return Task::perform(
                    self.db
                        .call(move |conn| job::write_csv(conn, from, to, sections, &dir, today)),
                    Message::CsvWritten,
                );
            }
            Message::CsvWritten(result) => {
                self.busy = Busy::Idle;
                self.csv_written = Some(result);
            }
            Message::Open(path) => crate::ui::files::open_in_viewer(&path),
        }
        Task::none()
    }

    fn edit(&mut self, change: impl FnOnce(&mut ReportForm)) {
        change(&mut self.form);
        self.error = None;
    }

    /// The period, or `None` with the error shown.
    fn checked(&mut self) -> Option<(NaiveDate, NaiveDate)> {
        match self.form.period(self.today) {
            Ok(period) => {
                self.error = None;
                Some(period)
            }
            Err(message) => {
                self.error = Some(message);
                None
            }
        }
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }
}

/// The key figures shown on the screen once a report is written: (label, value).
pub fn summary_lines(f: &ActivityFigures) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    if let Some(i) = &f.insertion {
        lines.push((
            "Personnes suivies".into(),
            crate::domain::numbers::format_count(i.people_followed),
        ));
        lines.push((
            "Sorties".into(),
            crate::domain::numbers::format_count(i.exit_total()),
        ));
        lines.push((
            "Taux de sorties dynamiques".into(),
            format_rate(i.dynamic_exit_rate),
        ));
        lines.push(("Équivalents temps plein".into(), format_fixed(i.fte, 2)));
    }
    if let Some(p) = &f.production {
        lines.push(("Récoltes (kg)".into(), format_fixed(p.total_kg(), 0)));
    }
    if let Some(b) = &f.baskets {
        lines.push((
            "Paniers livrés".into(),
            crate::domain::numbers::format_count(b.total()),
        ));
        lines.push((
            "Foyers Paniers Solidaires".into(),
            crate::domain::numbers::format_count(b.solidarity_households),
        ));
    }
    if let Some(w) = &f.workshops {
        lines.push((
            "Séances d'ateliers".into(),
            crate::domain::numbers::format_count(w.total.sessions),
        ));
    }
    lines
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        screen::Action::Run(self.handle(message))
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
