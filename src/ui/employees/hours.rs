//! The Heures (paie) tab: hours actually worked per month, typed from the payslips.

use iced::Element;
use iced::widget::{Row, column, row, text};

use super::Message;
use super::fields::{F, Part, input_hint};
use super::form::FileForm;
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

/// The Heures (paie) tab.
pub fn view(form: &FileForm) -> Element<'_, Message> {
    let year = form.hours_year;
    let head = row![
        widgets::secondary("◀", Some(Message::HoursYear(year - 1))),
        text(year.to_string()).size(18).font(BOLD),
        widgets::secondary("▶", Some(Message::HoursYear(year + 1))),
    ]
    .spacing(10)
    .align_y(iced::alignment::Vertical::Center);
    let mut grid = column![].spacing(8);
    for half in MONTHS.chunks(6).enumerate() {
        let (first, names) = half;
        let mut line = Row::new().spacing(8);
        for (i, name) in names.iter().enumerate() {
            let month = (first * 6 + i + 1) as u32;
            line = line.push(input_hint(form, F::Worked(month), name, "h"));
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
            widgets::action("Enregistrer les heures", Some(Message::Submit(Part::Hours))),
            widgets::secondary(
                "Importer un export de paie (CSV, Excel)…",
                Some(Message::ImportPayroll)
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

/// The file dialog of "Importer un export de paie…".
pub fn pick_payroll_file() -> iced::Task<Message> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Choisir l'export de paie")
        .add_filter("Tableur ou CSV", &["csv", "txt", "xlsx", "xls", "ods"]);
    iced::Task::perform(
        async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
        Message::PayrollFileChosen,
    )
}
