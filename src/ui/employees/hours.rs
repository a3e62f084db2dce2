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
        widgets::action("Enregistrer les heures", Some(Message::Submit(Part::Hours))),
    ]
    .spacing(12);
    widgets::card("Heures travaillées (paie)", body)
}
