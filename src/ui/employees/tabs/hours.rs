//! The Heures (paie) tab: hours actually worked per month, typed from the payslips or
//! imported from a payroll export.

use std::path::PathBuf;

use chrono::Datelike;
use iced::widget::{Row, column, row, text};
use iced::{Element, Task};

use super::{Event, Sheet};
use crate::app::employees::Change;
use crate::domain::numbers::format_number;
use crate::store::employees::{EmployeeFile, MAX_MONTH_HOURS};
use crate::ui::employees::fields::{Errors, F, Fields, input};
use crate::ui::theme::BOLD;
use crate::ui::widgets;

const MONTHS: [&str; 12] = [
    "Janvier",
    "Février",
    "Mars",
    "Avril",
    "Mai",
    "Juin",
    "Juillet",
    "Août",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
];

/// Messages of the Heures (paie) tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer les heures", or Enter in a month.
    Submit,
    /// The year shown.
    Year(i32),
    /// "Importer un export de paie…": asks for the file.
    Import,
    /// The payroll file chosen (`None`: the dialog was cancelled).
    FileChosen(Option<PathBuf>),
}

/// The hours worked of the year shown, as typed.
#[derive(Debug, Clone, Default)]
pub struct Hours {
    fields: Fields,
    /// The year shown (0 until a file is loaded).
    year: i32,
}

impl Hours {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Shows the year shown (the current year the first time) as the file records it.
    pub fn load(&mut self, file: &EmployeeFile, today: chrono::NaiveDate) {
        let year = if self.year == 0 {
            today.year()
        } else {
            self.year
        };
        self.show(file, year);
    }

    /// Handles a message; the task asks for the payroll export.
    pub fn update(
        &mut self,
        message: Message,
        sheet: &Sheet<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                None
            }
            Message::Submit => match self.months() {
                Ok(months) => Some(Event::save(
                    Change::WorkedHours {
                        year: self.year,
                        months,
                    },
                    "Heures travaillées enregistrées.",
                )),
                Err(errors) => super::refuse(&mut self.fields, errors),
            },
            Message::Year(year) => {
                self.show(sheet.file, year);
                None
            }
            Message::Import => return (pick_payroll_file(), None),
            Message::FileChosen(path) => path.map(Event::ImportPayroll),
        };
        (Task::none(), event)
    }

    /// Shows the hours worked of `year` as recorded (an empty box: not recorded).
    fn show(&mut self, file: &EmployeeFile, year: i32) {
        self.year = year;
        for month in 1..=12 {
            let recorded = file.worked_hours.get(&(year, month)).copied();
            let text = recorded.map(|h| format_number(h, 2)).unwrap_or_default();
            self.fields.set(F::Worked(month), text);
        }
    }

    /// The hours worked of the year shown, January first (an empty box: not recorded), or
    /// the errors to show.
    fn months(&self) -> Result<[Option<f64>; 12], Errors> {
        let mut errors = Errors::new();
        let mut months = [None; 12];
        for (index, month) in (1..=12).enumerate() {
            let field = F::Worked(month);
            if self.fields.get(field).trim().is_empty() {
                continue;
            }
            let message = "Heures du mois : un nombre, par exemple 151,67.";
            months[index] = self
                .fields
                .number(field, (0.0, MAX_MONTH_HOURS), message, &mut errors);
        }
        if errors.is_empty() {
            Ok(months)
        } else {
            Err(errors)
        }
    }

    /// The Heures (paie) tab.
    pub fn view(&self) -> Element<'_, Message> {
        let year = self.year;
        let head = row![
            widgets::secondary("◀", Some(Message::Year(year - 1))),
            text(year.to_string()).size(18).font(BOLD),
            widgets::secondary("▶", Some(Message::Year(year + 1))),
        ]
        .spacing(10)
        .align_y(iced::alignment::Vertical::Center);
        let mut grid = column![].spacing(8);
        for half in MONTHS.chunks(6).enumerate() {
            let (first, names) = half;
            let mut line = Row::new().spacing(8);
            for (i, name) in names.iter().enumerate() {
                let month = (first * 6 + i + 1) as u32;
                line = line.push(input(
                    &self.fields,
                    F::Worked(month),
                    (name, "h"),
                    Message::Edit,
                    Message::Submit,
                ));
            }
            grid = grid.push(line);
        }
        let body = column![
            head,
            widgets::muted(
                "Heures réellement travaillées du mois, d'après la paie (congés et absences non \
                 comptés). Un mois laissé vide est compté d'après le contrat. Pour un mois rempli, \
                 le bilan compte ETP = heures ÷ (1 607 ÷ 12)."
            ),
            grid,
            row![
                widgets::action("Enregistrer les heures", Some(Message::Submit)),
                widgets::secondary(
                    "Importer un export de paie (CSV, Excel)…",
                    Some(Message::Import)
                ),
            ]
            .spacing(8),
            widgets::muted(
                "L'export de paie donne une ligne par salarié et par mois, avec les colonnes « Nom », \
                 « Prénom », « Mois » (01/2026) et « Heures travaillées » ; il remplit les heures \
                 de tous les salariés qu'il nomme."
            ),
        ]
        .spacing(12);
        widgets::card("Heures travaillées (paie)", body)
    }
}

/// The file dialog of "Importer un export de paie…".
fn pick_payroll_file() -> Task<Message> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Choisir l'export de paie")
        .add_filter("Tableur ou CSV", &["csv", "txt", "xlsx", "xls", "ods"]);
    Task::perform(
        async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
        Message::FileChosen,
    )
}
