//! The Rapports page: only displays the state (figures come from `summary_lines`).

use iced::widget::{Column, checkbox, column, pick_list, row, scrollable, text, text_input};
use iced::{Element, Length};

use super::form::{Month, Part, PeriodKind, Quarter};
use super::{Busy, FROM_ID, Message, Screen, TO_ID, YEAR_ID, summary_lines};
use crate::domain::numbers::format_fixed;
use crate::ui::files::Viewer;
use crate::ui::theme;
use crate::ui::widgets::{self, Tone};

fn labelled<'a>(label: &'a str, body: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    column![text(label).size(14).color(theme::MUTED), body.into()]
        .spacing(4)
        .width(Length::FillPortion(1))
        .into()
}

fn input<'a>(
    id: &'static str,
    placeholder: &'a str,
    value: &'a str,
    on_input: fn(String) -> Message,
) -> Element<'a, Message> {
    text_input(placeholder, value)
        .id(id)
        .on_input(on_input)
        .on_submit(Message::Generate)
        .padding(8)
        .size(15)
        .into()
}

fn period_card(screen: &Screen) -> Element<'_, Message> {
    let form = &screen.form;
    let kind = labelled(
        "Période",
        pick_list(PeriodKind::ALL, Some(form.kind), Message::KindChosen)
            .padding(7)
            .text_size(15)
            .width(Length::Fill),
    );
    let year = || {
        labelled(
            "Année",
            input(YEAR_ID, "2026", &form.year, Message::YearChanged),
        )
    };
    let mut fields = row![kind].spacing(12);
    fields = match form.kind {
        PeriodKind::Year => fields.push(year()),
        PeriodKind::Quarter => fields.push(year()).push(labelled(
            "Trimestre",
            pick_list(Quarter::ALL, Some(form.quarter), Message::QuarterChosen)
                .padding(7)
                .text_size(15)
                .width(Length::Fill),
        )),
        PeriodKind::Month => fields.push(year()).push(labelled(
            "Mois",
            pick_list(Month::all(), Some(form.month), Message::MonthChosen)
                .padding(7)
                .text_size(15)
                .width(Length::Fill),
        )),
        PeriodKind::Range => fields
            .push(labelled(
                "Du",
                input(FROM_ID, "01/01/2026", &form.from, Message::FromChanged),
            ))
            .push(labelled(
                "Au",
                input(TO_ID, "31/12/2026", &form.to, Message::ToChanged),
            )),
    };
    let mut body = column![fields].spacing(10);
    match (&screen.error, &screen.period) {
        (Some(error), _) => {
            body = body.push(text(error.to_string()).size(14).color(theme::ERROR_TEXT));
        }
        (None, Ok((from, to))) => {
            let (from, to) = (*from, *to);
            body = body.push(widgets::muted(format!(
                "Du {} au {} inclus.",
                crate::domain::calendar::format_date(from),
                crate::domain::calendar::format_date(to)
            )));
        }
        (None, Err(_)) => {}
    }
    widgets::card("Période du bilan", body)
}

fn parts_card(screen: &Screen) -> Element<'_, Message> {
    let boxes = Part::ALL
        .iter()
        .fold(Column::new().spacing(8), |col, part| {
            let part = *part;
            col.push(
                checkbox(part.is_in(screen.form.sections))
                    .label(part.label())
                    .on_toggle(move |on| Message::PartToggled(part, on))
                    .size(18)
                    .text_size(15),
            )
        });
    widgets::card("Parties à inclure", boxes)
}

fn result_view(screen: &Screen) -> Column<'_, Message> {
    let mut out = Column::new().spacing(12);
    match screen.busy() {
        Busy::Choosing => out = out.push(widgets::muted("Choisissez où enregistrer…")),
        Busy::Generating => {
            out = out.push(widgets::banner(
                Tone::Warning,
                "Calcul des chiffres et mise en page en cours… Patientez quelques secondes.",
            ));
        }
        Busy::Idle => {}
    }
    match screen.written() {
        Some(Ok(written)) => {
            out = out.push(widgets::banner(
                Tone::Success,
                format!(
                    "Bilan enregistré dans {} ({} Ko) : il s'ouvre dans votre lecteur de PDF.",
                    written.path.display(),
                    format_fixed(written.bytes as f64 / 1024.0, 0)
                ),
            ));
            if written.figures.is_empty() {
                out = out.push(widgets::banner(
                    Tone::Warning,
                    "Aucune donnée n'est enregistrée pour cette période : le bilan l'indique.",
                ));
            }
            let figures = summary_lines(&written.figures)
                .into_iter()
                .fold(Column::new().spacing(6), |col, (label, value)| {
                    col.push(widgets::figure(label, value))
                });
            out = out.push(widgets::card("Chiffres clés du bilan", figures));
            out = out.push(widgets::secondary(
                "Ouvrir le bilan",
                Some(Message::Open(written.path.clone())),
            ));
            if let Viewer::Failed(problem) = screen.viewer() {
                out = out.push(widgets::banner(Tone::Error, problem.clone()));
            }
        }
        Some(Err(error)) => out = out.push(widgets::banner(Tone::Error, error.to_string())),
        None => {}
    }
    match &screen.csv_written {
        Some(Ok(files)) => {
            let dir = files
                .first()
                .and_then(|f| f.parent())
                .map(|d| d.display().to_string())
                .unwrap_or_default();
            out = out.push(widgets::banner(
                Tone::Success,
                format!("{} fichier(s) CSV enregistré(s) dans {dir}.", files.len()),
            ));
        }
        Some(Err(error)) => out = out.push(widgets::banner(Tone::Error, error.to_string())),
        None => {}
    }
    out
}

/// The whole page.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let idle = *screen.busy() == Busy::Idle;
    let buttons = row![
        widgets::action("Générer le bilan (PDF)…", idle.then_some(Message::Generate)),
        widgets::secondary(
            "Exporter les chiffres en CSV…",
            idle.then_some(Message::ExportCsv)
        ),
    ]
    .spacing(10);
    let page = column![
        widgets::page_title(
            "Rapports",
            Some(
                "Bilan d'activité pour les financeurs (DREETS, département, FSE+, partenaires) : \
                 des effectifs et des totaux, jamais de noms."
                    .to_string()
            )
        ),
        period_card(screen),
        parts_card(screen),
        buttons,
        result_view(screen),
    ]
    .spacing(18)
    .padding(24)
    .max_width(1000);
    scrollable(page).height(Length::Fill).into()
}
