//! The Rapports screen: choose a period and the parts, then write the bilan d'activité as a
//! PDF (saved through the native dialog, then opened) or its figures as CSV files.

pub mod form;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use crate::app::{self, reports::Written};
use crate::domain::activity::{ActivityFigures, format_rate};
use crate::domain::numbers::format_fixed;
use crate::ui::files::{self, Dialog, Document, PdfFlow};
use crate::ui::screen::{self, Action, Context};
use form::{Month, Part, PeriodKind, Quarter, ReportForm, default_file_name};

/// Id of the year field.
pub const YEAR_ID: &str = "reports-year";
/// Id of the first-day field.
pub const FROM_ID: &str = "reports-from";
/// Id of the last-day field.
pub const TO_ID: &str = "reports-to";

impl Document for Box<Written> {
    fn to_open(&self) -> PathBuf {
        self.path.clone()
    }
}

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
    form: ReportForm,
    /// The period the form asks for on the day of the last message, or why it is wrong.
    period: app::Result<(NaiveDate, NaiveDate)>,
    /// Why the last button was refused, naming the field at fault; shown under the period.
    error: Option<app::Error>,
    /// The bilan's PDF: dialog, use case, viewer.
    pdf: PdfFlow<Box<Written>>,
    /// The CSV export is under way (its folder dialog, or the files being written).
    csv_busy: Busy,
    csv_written: Option<Result<Vec<PathBuf>, app::Error>>,
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
    /// Build the report and write it to this file (no dialog).
    GenerateTo(PathBuf),
    /// The bilan's PDF: the dialog's answer, the file written, the viewer's answer.
    Pdf(files::Message<Box<Written>>),
    /// « Exporter en CSV… »: check the form, then ask for a folder.
    ExportCsv,
    /// The folder dialog answered (`None`: cancelled).
    CsvFolderChosen(Option<PathBuf>),
    /// Write the CSV files into this folder (no dialog).
    ExportCsvTo(PathBuf),
    /// The CSV files were written.
    CsvWritten(Result<Vec<PathBuf>, app::Error>),
    /// Open a file in the system viewer.
    Open(PathBuf),
}

impl Screen {
    /// Opens the screen on the current year.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let form = ReportForm::new(context.today);
        let screen = Screen {
            period: form.period(context.today),
            form,
            error: None,
            pdf: PdfFlow::default(),
            csv_busy: Busy::Idle,
            csv_written: None,
        };
        (screen, Task::none())
    }

    /// What the screen is doing.
    pub fn busy(&self) -> &Busy {
        match self.pdf.stage() {
            files::Stage::Choosing => &Busy::Choosing,
            files::Stage::Writing => &Busy::Generating,
            files::Stage::Idle => &self.csv_busy,
        }
    }

    /// The last report written, if any.
    pub fn written(&self) -> Option<&Result<Box<Written>, app::Error>> {
        self.pdf.result()
    }

    /// Whether the last bilan opened in the system's viewer.
    pub fn viewer(&self) -> &files::Viewer {
        self.pdf.viewer()
    }

    /// The form's error, if any (its message, and the field at fault).
    pub fn error(&self) -> Option<&app::Error> {
        self.error.as_ref()
    }

    /// Applies a change to the form; nothing to run.
    fn edit(&mut self, change: impl FnOnce(&mut ReportForm), today: NaiveDate) -> Task<Message> {
        change(&mut self.form);
        self.period = self.form.period(today);
        self.error = None;
        Task::none()
    }

    /// The period, or `None` with the error shown.
    fn checked(&mut self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        self.period = self.form.period(today);
        match &self.period {
            Ok(period) => {
                self.error = None;
                Some(*period)
            }
            Err(message) => {
                self.error = Some(message.clone());
                None
            }
        }
    }

    /// « Générer le bilan (PDF)… »: the form checked, then the save dialog.
    fn generate(&mut self, today: NaiveDate) -> Task<Message> {
        let Some((from, to)) = self.checked(today) else {
            return Task::none();
        };
        self.pdf
            .ask(Dialog::File {
                title: "Enregistrer le bilan d'activité",
                file_name: default_file_name(from, to, "pdf"),
                filter: ("PDF", &["pdf"]),
            })
            .map(Message::Pdf)
    }

    /// Builds the bilan and writes it to `path` (the form checked again).
    fn generate_to(&mut self, path: PathBuf, context: &Context) -> Task<Message> {
        let Some((from, to)) = self.checked(context.today) else {
            return Task::none();
        };
        let sections = self.form.sections;
        self.pdf
            .write(context, move |g| {
                app::reports::write_pdf_now(g, from, to, sections, &path).map(Box::new)
            })
            .map(Message::Pdf)
    }

    /// The PDF flow's messages, and what it asks the screen to do.
    fn pdf_message(&mut self, message: files::Message<Box<Written>>) -> Task<Message> {
        let (task, event) = self.pdf.update(message);
        let then = match event {
            Some(files::Event::Chosen(Some(path))) => Task::done(Message::GenerateTo(path)),
            Some(files::Event::Written(path)) => Task::done(Message::Open(path)),
            Some(files::Event::Chosen(None)) | None => Task::none(),
        };
        Task::batch([task.map(Message::Pdf), then])
    }

    /// « Exporter en CSV… »: the form checked, then the folder dialog.
    fn export_csv(&mut self, today: NaiveDate) -> Task<Message> {
        if self.checked(today).is_none() {
            return Task::none();
        }
        self.csv_busy = Busy::Choosing;
        let dialog = Dialog::Folder {
            title: "Dossier où enregistrer les chiffres en CSV",
            start: None,
        };
        Task::perform(files::choose(dialog), Message::CsvFolderChosen)
    }

    /// Writes the CSV files into `dir` (the form checked again).
    fn export_csv_to(&mut self, dir: PathBuf, context: &Context) -> Task<Message> {
        let today = context.today;
        let Some((from, to)) = self.checked(today) else {
            self.csv_busy = Busy::Idle;
            return Task::none();
        };
        self.csv_busy = Busy::Generating;
        self.csv_written = None;
        let sections = self.form.sections;
        context.perform(
            move |g| app::reports::write_csv(g, from, to, sections, &dir, today),
            Message::CsvWritten,
        )
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        let today = context.today;
        let task = match message {
            Message::KindChosen(kind) => self.edit(|f| f.kind = kind, today),
            Message::YearChanged(text) => self.edit(|f| f.year = text, today),
            Message::QuarterChosen(q) => self.edit(|f| f.quarter = q, today),
            Message::MonthChosen(m) => self.edit(|f| f.month = m, today),
            Message::FromChanged(text) => self.edit(|f| f.from = text, today),
            Message::ToChanged(text) => self.edit(|f| f.to = text, today),
            Message::PartToggled(part, on) => {
                self.edit(|f| f.sections = part.set(f.sections, on), today)
            }
            Message::Generate => self.generate(today),
            Message::GenerateTo(path) => self.generate_to(path, context),
            Message::Pdf(message) => self.pdf_message(message),
            Message::Open(path) => self.pdf.open(path).map(Message::Pdf),
            Message::ExportCsv => self.export_csv(today),
            Message::CsvFolderChosen(Some(dir)) => Task::done(Message::ExportCsvTo(dir)),
            Message::CsvFolderChosen(None) => {
                self.csv_busy = Busy::Idle;
                Task::none()
            }
            Message::ExportCsvTo(dir) => self.export_csv_to(dir, context),
            Message::CsvWritten(result) => {
                self.csv_busy = Busy::Idle;
                self.csv_written = Some(result);
                Task::none()
            }
        };
        Action::Run(task)
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
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
