//! The Paiements page: only displays the state.

use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::{DUE_LIST_ID, LIST_ID, Message, MoneyExport, Period, SEARCH_ID, Screen, Tab, UNTIL_ID};
use crate::app::payments::exports::PaymentRow;
use crate::app::payments::remittance::DueCheque;
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;
use crate::domain::wording::counted;
use crate::ui::files::{Stage, Viewer};
use crate::ui::rows::{self, Scrolled};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// The width of the day to cash column (its heading on one line).
const DATE_WIDTH: f32 = 115.0;

/// The width of the "Encaissé hors bordereau" column (its button on one line).
const ACTION_WIDTH: f32 = 210.0;

/// A cell of a table line, `portion` of the width.
fn cell<'a>(value: impl Into<String>, portion: u16) -> Element<'a, Message> {
    text(value.into())
        .size(14)
        .width(Length::FillPortion(portion))
        .into()
}

/// A header cell.
fn head<'a>(value: &'a str, portion: u16) -> Element<'a, Message> {
    text(value)
        .size(13)
        .font(BOLD)
        .color(theme::MUTED)
        .width(Length::FillPortion(portion))
        .into()
}

/// A small button in a table line.
fn small<'a>(label: &'a str, on_press: Option<Message>) -> Element<'a, Message> {
    button(text(label).size(13))
        .padding([4, 10])
        .style(button::secondary)
        .on_press_maybe(on_press)
        .into()
}

fn tabs(screen: &Screen) -> Element<'_, Message> {
    let mut tabs = row![].spacing(8);
    for tab in Tab::ALL {
        let chosen = tab == screen.tab;
        let label = text(tab.label()).size(15);
        let b = button(label)
            .padding([8, 16])
            .on_press(Message::TabChosen(tab));
        tabs = tabs.push(if chosen {
            b.style(button::primary)
        } else {
            b.style(button::secondary)
        });
    }
    tabs.into()
}

/// The page.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let mut page = column![
        widgets::page_title(
            "Paiements",
            Some("Chèques à remettre, bordereaux de remise et règlements des foyers".into()),
        ),
        tabs(screen),
    ]
    .spacing(16);
    if let Some((tone, said)) = &screen.notice {
        let mut line = row![widgets::banner(*tone, said.clone())]
            .spacing(8)
            .align_y(Alignment::Center);
        if let Some(id) = screen.undo {
            line = line.push(widgets::secondary(
                "Remettre dans la liste",
                Some(Message::Unmark(id)),
            ));
        }
        page = page.push(line);
    }
    page = page.push(match screen.tab {
        Tab::Due => due(screen),
        Tab::Slips => slips(screen),
        Tab::Payments => payments(screen),
    });
    let page = container(page).padding(24).width(Length::Fill);
    if screen.tab != Tab::Slips {
        // The due cheques and the payments scroll in their own lists, which draw only the
        // lines in view.
        return page.height(Length::Fill).into();
    }
    scrollable(page).height(Length::Fill).into()
}

/// The field error when it names `field`.
fn field_error<'a>(screen: &Screen, field: &str) -> Option<Element<'a, Message>> {
    let error = screen.error.as_ref()?;
    (error.field() == Some(field)).then(|| {
        text(error.to_string())
            .size(14)
            .color(theme::ERROR_TEXT)
            .into()
    })
}

fn due(screen: &Screen) -> Element<'_, Message> {
    let until = column![
        text("Jusqu'au").size(14).color(theme::MUTED),
        text_input("05/12/2026", &screen.until_text)
            .id(UNTIL_ID)
            .on_input(Message::UntilChanged)
            .on_submit(Message::Make)
            .padding(8)
            .size(15)
            .width(160),
    ]
    .spacing(4);
    let due = screen.lists.as_ref().map(|l| &l.due);
    let (count, total) = due.map_or((0, 0), |d| d.totals());
    let summary = match due {
        None => "Lecture…".to_owned(),
        Some(_) if count == 0 => "Aucun chèque à remettre à cette date.".to_owned(),
        Some(d) => format!(
            "{} à encaisser jusqu'au {} : {}",
            counted(count, "chèque", "chèques"),
            format_date(d.until),
            format_euros(total)
        ),
    };
    let can_make = count > 0 && !screen.pdf.is_busy();
    let mut top = column![
        row![
            until,
            column![
                text(summary).size(15).font(BOLD),
                widgets::action("Faire le bordereau", can_make.then_some(Message::Make)),
            ]
            .spacing(8),
        ]
        .spacing(24)
        .align_y(Alignment::End)
    ]
    .spacing(6);
    if let Some(error) = field_error(screen, "jusqu'au") {
        top = top.push(error);
    }
    let mut body = column![top, slip_outcome(screen)]
        .spacing(14)
        .height(Length::Fill);
    if let Some(due) = due.filter(|_| count > 0) {
        let header = row![
            text("À encaisser le")
                .size(13)
                .font(BOLD)
                .color(theme::MUTED)
                .width(DATE_WIDTH),
            head("Foyer", 3),
            head("Tireur", 3),
            head("Banque", 3),
            head("N°", 2),
            head("Montant", 2),
            text("").width(ACTION_WIDTH),
        ]
        .spacing(8)
        .padding(iced::Padding::ZERO.right(14));
        // Only the cheques in view are built (a busy month holds hundreds).
        let lines = rows::rows(
            &screen.due_scrolled,
            due.cheques.len(),
            DUE_ROW_HEIGHT,
            |n| due_line(&due.cheques[n]),
        );
        let list = scrollable(lines.padding(iced::Padding::ZERO.right(14)))
            .id(DUE_LIST_ID)
            .on_scroll(|viewport| Message::DueScrolled(Scrolled::of(viewport)))
            .height(Length::Fill);
        let table = column![header, list].spacing(6).height(Length::Fill);
        body = body.push(widgets::card("Chèques à remettre", table));
    }
    body.into()
}

/// Height of a due cheque's line (its button included).
pub const DUE_ROW_HEIGHT: f32 = 34.0;

/// One held cheque of the list.
fn due_line(c: &DueCheque) -> Element<'_, Message> {
    row![
        rows::cell(
            text(format_date(c.cash_on)).size(14),
            Length::Fixed(DATE_WIDTH)
        ),
        line_cell(c.household.clone(), 3),
        line_cell(c.drawer.clone(), 3),
        line_cell(c.bank.clone(), 3),
        line_cell(c.number.clone(), 2),
        line_cell(format_euros(c.amount), 2),
        container(small(
            "Encaissé hors bordereau",
            Some(Message::CashedOutside(c.payment_id))
        ))
        .width(ACTION_WIDTH),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// What the last slip written came to: where it is, or why it was not made.
fn slip_outcome(screen: &Screen) -> Element<'_, Message> {
    if screen.pdf.stage() == Stage::Writing {
        return widgets::muted("Bordereau en cours…").into();
    }
    match screen.pdf.result() {
        Some(Ok(w)) => {
            let said = format!(
                "Bordereau n° {} : {}, {} — enregistré dans {}",
                w.number,
                counted(w.count, "chèque", "chèques"),
                format_euros(w.total),
                w.path.display()
            );
            let mut out = column![
                row![
                    widgets::banner(Tone::Success, said),
                    widgets::secondary("Ouvrir", Some(Message::Open(w.path.clone()))),
                ]
                .spacing(8)
                .align_y(Alignment::Center)
            ]
            .spacing(6);
            if let Viewer::Failed(problem) = screen.pdf.viewer() {
                out = out.push(widgets::banner(Tone::Error, problem.clone()));
            }
            out.into()
        }
        Some(Err(error)) if error.field() != Some("jusqu'au") => {
            widgets::banner(Tone::Error, error.to_string())
        }
        _ => column![].into(),
    }
}

fn slips(screen: &Screen) -> Element<'_, Message> {
    let Some(slips) = screen.slips.as_deref() else {
        return widgets::muted("Lecture…").into();
    };
    if slips.is_empty() {
        return column![
            widgets::muted("Aucun bordereau de remise pour l'instant."),
            slip_outcome(screen)
        ]
        .spacing(12)
        .into();
    }
    let idle = !screen.pdf.is_busy();
    let mut lines = Column::new().spacing(6).push(
        row![
            head("N°", 1),
            head("Fait le", 2),
            head("Jusqu'au", 2),
            head("Chèques", 2),
            head("Total", 2),
            head("État", 3),
            head("", 4),
        ]
        .spacing(8),
    );
    for slip in slips {
        let (count, total) = (slip.count, slip.total);
        let state = slip
            .cancelled_on
            .map_or_else(String::new, |on| format!("Annulé le {}", format_date(on)));
        let live = slip.cancelled_on.is_none();
        lines = lines.push(
            row![
                cell(slip.number.to_string(), 1),
                cell(format_date(slip.made_on), 2),
                cell(format_date(slip.until), 2),
                cell(count.to_string(), 2),
                cell(format_euros(total), 2),
                cell(state, 3),
                row![
                    small("Réimprimer", idle.then_some(Message::Reprint(slip.id))),
                    small(
                        "Annuler",
                        (idle && live).then_some(Message::AskCancel(slip.id))
                    ),
                ]
                .spacing(6)
                .width(Length::FillPortion(4)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
        if screen.confirm == Some(slip.id) {
            lines = lines.push(confirm(slip.number, count));
        }
    }
    column![
        slip_outcome(screen),
        widgets::card("Bordereaux de remise", lines)
    ]
    .spacing(12)
    .into()
}

fn confirm<'a>(number: i64, count: usize) -> Element<'a, Message> {
    column![
        widgets::banner(
            Tone::Warning,
            format!(
                "Annuler le bordereau n° {number} ? Il restera dans la liste, marqué annulé, et ses {} redeviendront à remettre.",
                counted(count, "chèque", "chèques")
            ),
        ),
        row![
            widgets::action("Oui, annuler le bordereau", Some(Message::ConfirmCancel)),
            widgets::secondary("Non, le garder", Some(Message::KeepSlip)),
        ]
        .spacing(8),
    ]
    .spacing(6)
    .into()
}

fn exports(screen: &Screen) -> Element<'_, Message> {
    let line = |label: &'static str, target| {
        row![
            text(label).size(15).width(Length::Fill),
            screen.exporter.buttons(target).map(Message::Export),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
    };
    let mut body = column![
        line(
            "Exporter les soldes (chaque foyer, aujourd'hui)",
            MoneyExport::Balances
        ),
        line(
            "Exporter les paiements (la liste affichée)",
            MoneyExport::Payments
        ),
    ]
    .spacing(8);
    if let Some(notice) = screen.exporter.notice() {
        body = body.push(notice.map(Message::Export));
    }
    widgets::card("Exports pour le tableur", body)
}

/// Height of a payment's line (the list draws only the lines in view).
pub const ROW_HEIGHT: f32 = 26.0;

/// A cell of a payment's line: one line of text, cut at its edge.
fn line_cell<'a>(value: impl Into<String>, portion: u16) -> Element<'a, Message> {
    rows::cell(text(value.into()).size(14), Length::FillPortion(portion))
}

/// The period's list and the search box.
fn filters(screen: &Screen) -> Element<'_, Message> {
    let years = screen.payments.as_ref().and_then(|p| p.years);
    let periods = pick_list(
        Period::choices(years, screen.period),
        Some(screen.period),
        Message::PeriodChosen,
    )
    .padding(8)
    .text_size(15);
    let search = text_input(
        "Rechercher : foyer, mode, montant, date…",
        &screen.search.text,
    )
    .id(SEARCH_ID)
    .on_input(Message::Search)
    .padding(8)
    .size(15);
    row![
        text("Reçus en").size(15).color(theme::MUTED),
        periods,
        search
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

fn payments(screen: &Screen) -> Element<'_, Message> {
    let shown = screen.shown_payments();
    let header = row![
        head("Reçu le", 2),
        head("Foyer", 3),
        head("Mode", 2),
        head("Montant", 2),
        head("Chèque", 3),
        head("À encaisser le", 2),
        head("État", 3),
    ]
    .spacing(8)
    .padding(iced::Padding::ZERO.right(14));
    let lines = rows::rows(&screen.search.scrolled, shown.len(), ROW_HEIGHT, |n| {
        payment_line(shown[n])
    });
    let list = scrollable(lines.padding(iced::Padding::ZERO.right(14)))
        .id(LIST_ID)
        .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
        .height(Length::Fill);
    let total: i64 = shown
        .iter()
        .filter(|r| r.payment.counts())
        .map(|r| r.payment.amount)
        .sum();
    let heading = match &screen.payments {
        Some(list) if list.period == screen.period => format!(
            "{} — {} (hors annulés)",
            counted(shown.len(), "paiement", "paiements"),
            format_euros(total)
        ),
        _ => "Lecture…".to_owned(),
    };
    let table = column![header, list].spacing(6).height(Length::Fill);
    column![
        exports(screen),
        filters(screen),
        widgets::card(heading, table)
    ]
    .spacing(12)
    .height(Length::Fill)
    .into()
}

/// One payment of the list.
fn payment_line(r: &PaymentRow) -> Element<'_, Message> {
    let p = &r.payment;
    let cheque = if p.is_cheque() {
        format!("{} {}", p.cheque.bank, p.cheque.number)
            .trim()
            .to_owned()
    } else {
        String::new()
    };
    let cashable = if p.is_cheque() {
        format_date(p.cashable_on())
    } else {
        String::new()
    };
    let state = if p.counts() {
        line_cell(r.state(), 3)
    } else {
        rows::cell(
            text(r.state()).size(14).color(theme::ERROR_TEXT),
            Length::FillPortion(3),
        )
    };
    row![
        line_cell(format_date(p.received_on), 2),
        line_cell(r.household.clone(), 3),
        line_cell(r.mode.clone(), 2),
        line_cell(format_euros(p.amount), 2),
        line_cell(cheque, 3),
        line_cell(cashable, 2),
        state,
    ]
    .spacing(8)
    .into()
}
