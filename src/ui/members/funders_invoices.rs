//! The invoices to the funders, part of the "Financeurs" tab: the funders' balances,
//! « Facturer la période » (the invoice issued from the funder's statement, written and
//! opened), the list of invoices and avoirs with their state, « Envoyée », « Payée » and
//! « Annuler par un avoir » on the day typed, « Imprimer » to print one again.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, column, pick_list, row, text};
use iced::{Element, Length, Task};

use super::kit::{Event, Fields, link};
use crate::app::members::{Base, Choice};
use crate::app::payments::invoices::{self, InvoicesOverview, Written};
use crate::app::{self, Garden};
use crate::domain::calendar::format_date;
use crate::domain::invoices::{InvoiceKind, InvoiceStatus};
use crate::domain::money::format_euros;
use crate::store::invoices::Invoice;
use crate::ui::screen::Context;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Labels of the fields (also the fields the use cases name in their refusals).
const FUNDER: &str = "Financeur";
const FROM: &str = "Du";
const TO: &str = "Au";
const DAY: &str = "Date";
/// Width of the actions of an invoice line.
const ACTIONS: f32 = 330.0;

/// The part's state.
#[derive(Debug)]
pub struct Invoices {
    overview: InvoicesOverview,
    funder: Option<Choice>,
    from: String,
    to: String,
    /// The day of « Envoyée », « Payée », « Annuler par un avoir ».
    day: String,
    /// The invoice whose cancellation waits for a confirmation.
    cancelling: Option<i64>,
    error: Option<app::Error>,
    busy: bool,
    /// Where documents are written.
    folder: PathBuf,
    /// Whether a document written is opened in the system's viewer.
    open: bool,
}

/// Messages of the part.
#[derive(Debug, Clone)]
pub enum Message {
    /// The invoices and balances were read.
    Loaded(app::Result<InvoicesOverview>),
    /// The funder to invoice.
    Funder(Choice),
    /// The first day, typed.
    From(String),
    /// The last day, typed.
    To(String),
    /// « Facturer la période ».
    Issue,
    /// The day of the state changes, typed.
    Day(String),
    /// « Envoyée » on an invoice.
    Send(i64),
    /// « Payée » on an invoice.
    Pay(i64),
    /// « Annuler par un avoir »: asks first.
    AskCancel(i64),
    /// « Oui, annuler par un avoir ».
    ConfirmCancel,
    /// « Non » under the question.
    KeepInvoice,
    /// « Imprimer » on an invoice or avoir.
    Print(i64),
    /// A state changed (no document).
    Changed(app::Result<()>),
    /// A document was written (issued, avoir, printed again): it is opened.
    Written(app::Result<Written>),
    /// The system's viewer answered.
    Opened(Result<(), String>),
}

/// The last day of the month before `today`'s.
fn end_of_last_month(today: NaiveDate) -> NaiveDate {
    today
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(today)
}

impl Invoices {
    /// The part on `today`: the state changes dated today, a period to the end of last month.
    pub fn new(today: NaiveDate) -> Self {
        Invoices {
            overview: InvoicesOverview::default(),
            funder: None,
            from: String::new(),
            to: format_date(end_of_last_month(today)),
            day: format_date(today),
            cancelling: None,
            error: None,
            busy: false,
            folder: invoices::invoices_folder(),
            open: true,
        }
    }

    /// The same part writing its documents into `folder`, opening them or not (tests).
    pub fn writing_to(self, folder: PathBuf, open: bool) -> Self {
        Invoices {
            folder,
            open,
            ..self
        }
    }

    /// Reads the invoices and balances.
    pub fn load(context: &Context) -> Task<Message> {
        let today = context.today;
        context.perform(move |g| invoices::overview(g, today), Message::Loaded)
    }

    /// The first day not invoiced yet for `funder_id`, from the invoices read.
    fn next_from(&self, funder_id: i64) -> Option<NaiveDate> {
        self.overview
            .invoices
            .iter()
            .filter(|i| i.funder_id == funder_id && i.kind == InvoiceKind::Invoice)
            .filter(|i| !matches!(i.status, InvoiceStatus::Cancelled(_)))
            .map(|i| i.to)
            .max()
            .and_then(|d| d.succ_opt())
    }

    /// Handles `message`.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        match message {
            Message::Loaded(Ok(overview)) => self.overview = overview,
            Message::Loaded(Err(e)) => return (Task::none(), Some(Event::Failed(e))),
            Message::Funder(choice) => {
                if let Some(day) = self.next_from(choice.id) {
                    self.from = format_date(day);
                }
                self.funder = Some(choice);
                self.error = None;
            }
            Message::From(v) => self.from = v,
            Message::To(v) => self.to = v,
            Message::Day(v) => self.day = v,
            Message::Issue => {
                let funder = self.funder.as_ref().map(|c| c.id);
                let (from, to, today) = (self.from.clone(), self.to.clone(), context.today);
                let folder = self.folder.clone();
                return self.run_written(context, move |g| {
                    invoices::issue_and_save(g, funder, (&from, &to), today, &folder)
                });
            }
            Message::Send(id) | Message::Pay(id) => {
                let day = self.day.clone();
                let pay = matches!(message, Message::Pay(_));
                if self.busy {
                    return none;
                }
                self.busy = true;
                self.error = None;
                let job = move |g: &Garden| match pay {
                    true => invoices::mark_paid(g, id, &day),
                    false => invoices::mark_sent(g, id, &day),
                };
                return (context.perform(job, Message::Changed), Some(Event::Cleared));
            }
            Message::AskCancel(id) => self.cancelling = Some(id),
            Message::KeepInvoice => self.cancelling = None,
            Message::ConfirmCancel => {
                let Some(id) = self.cancelling.take() else {
                    return none;
                };
                let (day, folder) = (self.day.clone(), self.folder.clone());
                return self.run_written(context, move |g| {
                    invoices::cancel_and_save(g, id, &day, &folder)
                });
            }
            Message::Print(id) => {
                let folder = self.folder.clone();
                return self
                    .run_written(context, move |g| invoices::print_and_save(g, id, &folder));
            }
            Message::Changed(result) => return self.done(result.map(|()| None), context),
            Message::Written(result) => return self.done(result.map(Some), context),
            Message::Opened(Ok(())) => {}
            Message::Opened(Err(problem)) => {
                let error = app::Error::invalid("PDF", problem);
                return (Task::none(), Some(Event::Failed(error)));
            }
        }
        none
    }

    /// Runs `job`, which writes a document, unless something runs already.
    fn run_written(
        &mut self,
        context: &Context,
        job: impl FnOnce(&Garden) -> app::Result<Written> + Send + 'static,
    ) -> (Task<Message>, Option<Event>) {
        if self.busy {
            return (Task::none(), None);
        }
        self.busy = true;
        self.error = None;
        (context.perform(job, Message::Written), Some(Event::Cleared))
    }

    /// A change came back: read the invoices again, open the document written, say it.
    fn done(
        &mut self,
        result: app::Result<Option<Written>>,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        self.busy = false;
        match result {
            Ok(written) => {
                let mut tasks = vec![Self::load(context)];
                let notice = match &written {
                    Some((title, path)) => {
                        if self.open {
                            tasks.push(Task::perform(
                                crate::ui::files::open_checked(path.clone()),
                                Message::Opened,
                            ));
                        }
                        format!("{title} — PDF enregistré : {}", path.display())
                    }
                    None => "Facture mise à jour.".to_owned(),
                };
                let event = Event::Saved {
                    notice,
                    warning: None,
                };
                (Task::batch(tasks), Some(event))
            }
            Err(e) if e.field().is_some() => {
                self.error = Some(e);
                (Task::none(), None)
            }
            Err(e) => (Task::none(), Some(Event::Failed(e))),
        }
    }
}

impl Invoices {
    /// The card's content: balances, the form, the list.
    pub fn view<'a>(&'a self, base: &'a Base) -> Element<'a, Message> {
        column![self.balances(base), self.form(base), self.list(),]
            .spacing(14)
            .into()
    }

    /// One line per funder: invoiced, paid, due, not invoiced yet.
    fn balances<'a>(&'a self, base: &'a Base) -> Element<'a, Message> {
        let head = |label: &'a str| text(label).size(13).color(theme::MUTED);
        let mut c = Column::new().spacing(3).push(
            row![
                head("Solde des financeurs").width(Length::Fill),
                head("Facturé").width(110),
                head("Payé").width(110),
                head("Reste dû").width(110),
                head("Pas encore facturé").width(140),
            ]
            .spacing(10),
        );
        for f in &base.funders {
            let Some(b) = self.overview.balances.get(&f.id) else {
                continue;
            };
            let cell = |c| text(format_euros(c)).size(14);
            c = c.push(
                row![
                    text(f.name.clone()).size(14).width(Length::Fill),
                    cell(b.invoiced).width(110),
                    cell(b.paid).width(110),
                    cell(b.due()).font(BOLD).width(110),
                    cell(b.not_invoiced).width(140),
                ]
                .spacing(10),
            );
        }
        c.push(widgets::muted(
            "Pas encore facturé : sa part des paniers émargés depuis la fin de sa dernière \
             facture (ou le début de ses Paniers Solidaires) jusqu'à aujourd'hui.",
        ))
        .into()
    }

    /// Who, which period, « Facturer la période »; the day of the state changes.
    fn form<'a>(&'a self, base: &'a Base) -> Element<'a, Message> {
        let every: Vec<Choice> = (base.funders.iter())
            .map(|f| Choice {
                id: f.id,
                label: f.name.clone(),
            })
            .collect();
        let fields = Fields::new(self.error.as_ref());
        let funder = pick_list(every, self.funder.clone(), Message::Funder)
            .placeholder("Choisir…")
            .width(260);
        let issue = (!self.busy).then_some(Message::Issue);
        column![
            row![
                fields.labelled(FUNDER, funder),
                fields.input(
                    FROM,
                    "invoice-from",
                    &self.from,
                    Message::From,
                    Message::Issue,
                    Some(130.0)
                ),
                fields.input(
                    TO,
                    "invoice-to",
                    &self.to,
                    Message::To,
                    Message::Issue,
                    Some(130.0)
                ),
                column![
                    text(" ").size(13),
                    widgets::action("Facturer la période", issue)
                ]
                .spacing(3),
            ]
            .spacing(10),
            widgets::muted(
                "La facture reprend le relevé du financeur (paniers émargés, au centime près), \
                 prend le numéro suivant de l'année (2026-0001, 2026-0002…) et s'ouvre en PDF. \
                 Une facture ne se supprime pas : une erreur s'annule par un avoir."
            ),
            row![
                fields.input(
                    DAY,
                    "invoice-day",
                    &self.day,
                    Message::Day,
                    Message::KeepInvoice,
                    Some(130.0)
                ),
                widgets::muted(
                    "Date utilisée par « Envoyée », « Payée » et « Annuler par un avoir »."
                )
                .width(Length::Fill),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
        ]
        .spacing(8)
        .into()
    }

    /// Every invoice and avoir, the newest first.
    fn list(&self) -> Element<'_, Message> {
        let head = |label: &'static str| text(label).size(13).color(theme::MUTED);
        let mut c = Column::new().spacing(4).push(
            row![
                head("N°").width(145),
                head("Financeur").width(Length::Fill),
                head("Période").width(175),
                head("Montant").width(95),
                head("État").width(210),
                iced::widget::Space::new().width(ACTIONS),
            ]
            .spacing(10),
        );
        if self.overview.invoices.is_empty() {
            c = c.push(widgets::muted("Aucune facture pour l'instant."));
        }
        for i in self.overview.invoices.iter().rev() {
            c = c.push(self.line(i));
            if self.cancelling == Some(i.id) {
                c = c.push(self.question(i));
            }
        }
        c.into()
    }

    fn line<'a>(&'a self, i: &'a Invoice) -> Element<'a, Message> {
        let state = match (i.kind, i.cancels) {
            (InvoiceKind::CreditNote, Some(n)) => format!("annule la facture n° {n}"),
            _ => i.status.label(),
        };
        let mut actions = row![link("Imprimer", Message::Print(i.id))].spacing(2);
        if i.kind == InvoiceKind::Invoice {
            if i.status == InvoiceStatus::Issued {
                actions = actions.push(link("Envoyée", Message::Send(i.id)));
            }
            if i.status.is_due() {
                actions = actions
                    .push(link("Payée", Message::Pay(i.id)))
                    .push(link("Annuler par un avoir", Message::AskCancel(i.id)));
            }
        }
        row![
            text(format!("{} {}", i.kind.label(), i.number))
                .size(14)
                .font(BOLD)
                .width(145),
            text(i.funder.clone()).size(14).width(Length::Fill),
            text(format!("{} – {}", format_date(i.from), format_date(i.to)))
                .size(14)
                .width(175),
            text(format_euros(i.amount)).size(14).width(95),
            text(state).size(14).width(210),
            actions.width(ACTIONS),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center)
        .into()
    }

    fn question<'a>(&'a self, i: &'a Invoice) -> Element<'a, Message> {
        column![
            text(format!(
                "Annuler la facture n° {} ({}) par un avoir daté du {} ? L'avoir prend le \
                 numéro suivant ; la facture reste, marquée annulée.",
                i.number,
                format_euros(i.amount),
                self.day
            ))
            .size(14),
            row![
                widgets::action(
                    "Oui, annuler par un avoir",
                    (!self.busy).then_some(Message::ConfirmCancel)
                ),
                widgets::secondary("Non", Some(Message::KeepInvoice)),
            ]
            .spacing(8),
        ]
        .spacing(6)
        .padding([6, 0])
        .into()
    }
}
