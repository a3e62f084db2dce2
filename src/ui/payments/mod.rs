//! The Paiements screen: the cheques to take to the bank (a slip made of those due by a day,
//! written as PDF), the slips made (reprinted or cancelled), the payments of a year (or of
//! every year) with a search, and the balances and payments exports. The first display
//! reads only the due cheques (and the next slip's number); the slips, with their counts
//! and totals, and the payments are read when their tab is first shown.

mod load;
mod period;
mod search;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::{Element, Task};

use crate::app::payments::exports::{self, PaymentRow};
use crate::app::payments::remittance::{self, SlipWritten};
use crate::app::{self, Error};
use crate::domain::calendar::{format_date, parse_date};
use crate::store::payments::remittance::SlipLine;
use crate::ui::export::{self, Exporter};
use crate::ui::files::{self, Dialog, Document, PdfFlow};
use crate::ui::screen::{self, Action, Context};
use crate::ui::widgets::Tone;

pub use load::{Lists, PaymentList, Read};
pub use period::Period;
pub use search::matches;

/// Id of the "jusqu'au" field.
pub const UNTIL_ID: &str = "payments-until";
/// Id of the payments' search box.
pub const SEARCH_ID: &str = "payments-search";
/// Id of the payments' scrolled list.
pub const LIST_ID: &str = "payments-list";
/// Id of the due cheques' scrolled list.
pub const DUE_LIST_ID: &str = "payments-due-list";

impl Document for SlipWritten {
    fn to_open(&self) -> PathBuf {
        self.path.clone()
    }
}

/// The parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The held cheques due by a day.
    Due,
    /// The slips made.
    Slips,
    /// Every payment.
    Payments,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 3] = [Tab::Due, Tab::Slips, Tab::Payments];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Due => "Chèques à remettre",
            Tab::Slips => "Bordereaux",
            Tab::Payments => "Paiements",
        }
    }
}

/// What the screen exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyExport {
    /// Every household's balance today.
    Balances,
    /// The payments listed (the search applied).
    Payments,
}

impl export::Target for MoneyExport {
    fn file_stem(self) -> &'static str {
        match self {
            MoneyExport::Balances => "soldes",
            MoneyExport::Payments => "paiements",
        }
    }
}

/// What the save dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    /// A new slip of the cheques due by this day.
    Make(NaiveDate),
    /// Slip `id` again.
    Reprint(i64),
}

/// The Paiements screen's state.
#[derive(Debug)]
pub struct Screen {
    tab: Tab,
    until_text: String,
    lists: Option<Lists>,
    /// The slips with their counts and totals, once their tab was shown.
    slips: Option<Vec<SlipLine>>,
    /// Where the due cheques' list is scrolled.
    due_scrolled: crate::ui::rows::Scrolled,
    /// The period chosen for the payments.
    period: Period,
    /// The payments, once the tab was shown (of `period`, or of the one before while the
    /// next is read).
    payments: Option<PaymentList>,
    search: search::Search,
    /// The slip whose cancelling waits for a confirmation.
    confirm: Option<i64>,
    job: Option<Job>,
    pdf: PdfFlow<SlipWritten>,
    exporter: Exporter,
    /// The last refusal, naming its field when it has one.
    error: Option<Error>,
    notice: Option<(Tone, String)>,
    /// The cheque just marked cashed outside, offered to undo beside the notice.
    undo: Option<i64>,
}

/// Messages of the Paiements screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// A list was read (or why not).
    Loaded(Box<Read>),
    /// A tab clicked.
    TabChosen(Tab),
    /// The payments' period chosen.
    PeriodChosen(Period),
    /// The "jusqu'au" field typed.
    UntilChanged(String),
    /// « Faire le bordereau »: ask where to save it.
    Make,
    /// Make the slip into this file (no dialog).
    MakeTo(PathBuf),
    /// « Réimprimer » on a slip: ask where to save it.
    Reprint(i64),
    /// Write slip `id` into this file (no dialog).
    ReprintTo(i64, PathBuf),
    /// The slip's PDF: the dialog's answer, the file written, the viewer's answer.
    Pdf(files::Message<SlipWritten>),
    /// Open a file in the system viewer.
    Open(PathBuf),
    /// « Annuler » on a slip: ask for a confirmation.
    AskCancel(i64),
    /// « Oui, annuler le bordereau ».
    ConfirmCancel,
    /// « Non, le garder ».
    KeepSlip,
    /// The slip was cancelled, or why not.
    SlipCancelled(app::Result<()>),
    /// « Encaissé hors bordereau » on a cheque.
    CashedOutside(i64),
    /// The cheque was marked, or why not.
    Marked(app::Result<()>),
    /// « Annuler » beside "marqué encaissé hors bordereau": the cheque is held again.
    Unmark(i64),
    /// The cheque is held again, or why not.
    Unmarked(app::Result<()>),
    /// The payments' search box.
    Search(String),
    /// The payments' list was scrolled (or its room changed).
    Scrolled(crate::ui::rows::Scrolled),
    /// The due cheques' list was scrolled (or its room changed).
    DueScrolled(crate::ui::rows::Scrolled),
    /// Exporting the balances or the payments.
    Export(export::Message<MoneyExport>),
}

impl Screen {
    /// Opens the screen on the cheques due today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let screen = Screen {
            tab: Tab::Due,
            until_text: format_date(context.today),
            lists: None,
            slips: None,
            due_scrolled: crate::ui::rows::Scrolled::default(),
            period: Period::of(context.today),
            payments: None,
            search: search::Search::default(),
            confirm: None,
            job: None,
            pdf: PdfFlow::default(),
            exporter: Exporter::default(),
            error: None,
            notice: None,
            undo: None,
        };
        (screen, load::due(context, context.today))
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// What was read, once loaded.
    pub fn lists(&self) -> Option<&Lists> {
        self.lists.as_ref()
    }

    /// The last refusal shown, if any.
    pub fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    /// The last slip written, or why not.
    pub fn written(&self) -> Option<&app::Result<SlipWritten>> {
        self.pdf.result()
    }

    /// The period chosen for the payments.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The payments read, once the tab was shown.
    pub fn payments(&self) -> Option<&PaymentList> {
        self.payments.as_ref()
    }

    /// The slips with their counts and totals, once their tab was shown.
    pub fn slips(&self) -> Option<&[SlipLine]> {
        self.slips.as_deref()
    }

    /// A list was read, or why not (the payments of a period left meanwhile are dropped).
    fn loaded(&mut self, read: Read) {
        let failed = match read {
            Read::Due(Ok(lists)) => {
                self.lists = Some(lists);
                None
            }
            Read::Slips(Ok(slips)) => {
                self.slips = Some(slips);
                None
            }
            Read::Payments(Ok(list)) if list.period != self.period => None,
            Read::Payments(Ok(mut list)) => {
                self.search.loaded(list.take_keys());
                self.payments = Some(list);
                None
            }
            Read::Due(Err(e)) | Read::Slips(Err(e)) | Read::Payments(Err(e)) => Some(e),
        };
        if let Some(error) = failed {
            self.error = Some(error);
        }
    }

    /// The payments the search keeps, oldest first.
    pub fn shown_payments(&self) -> Vec<&PaymentRow> {
        // Another period's payments, while the one chosen is read: none.
        let Some(list) = self.payments.as_ref().filter(|l| l.period == self.period) else {
            return Vec::new();
        };
        (self.search.shown.iter())
            .filter_map(|&i| list.rows.get(i))
            .collect()
    }

    /// The day typed in "jusqu'au", or the refusal naming the field.
    fn until(&self) -> app::Result<NaiveDate> {
        parse_date(&self.until_text).ok_or_else(|| {
            Error::invalid(
                "jusqu'au",
                format!(
                    "Date « {} » illisible : écrivez-la comme 05/12/2026.",
                    self.until_text.trim()
                ),
            )
        })
    }

    /// The number the next slip will take (a cancelled slip keeps its own).
    fn next_number(&self) -> i64 {
        self.lists.as_ref().map_or(1, |l| l.next_number)
    }

    /// « Faire le bordereau »: the day checked, then the save dialog.
    fn make(&mut self) -> Task<Message> {
        let until = match self.until() {
            Ok(until) => until,
            Err(error) => {
                self.error = Some(error);
                return Task::none();
            }
        };
        self.job = Some(Job::Make(until));
        self.ask(remittance::slip_file_name(self.next_number()))
    }

    fn ask(&mut self, file_name: String) -> Task<Message> {
        self.error = None;
        self.notice = None;
        self.undo = None;
        self.pdf
            .ask(Dialog::File {
                title: "Enregistrer le bordereau de remise",
                file_name,
                filter: ("PDF", &["pdf"]),
            })
            .map(Message::Pdf)
    }

    /// The PDF flow's messages, and what it asks the screen to do.
    fn pdf_message(
        &mut self,
        message: files::Message<SlipWritten>,
        context: &Context,
    ) -> Task<Message> {
        let written = matches!(message, files::Message::Written(_));
        let (task, event) = self.pdf.update(message);
        let then = match (event, self.job) {
            (Some(files::Event::Chosen(path)), Some(job)) => {
                // No file chosen (or no dialog on this computer): the usual exports folder.
                let path = path.unwrap_or_else(|| {
                    remittance::usual_path(&match job {
                        Job::Make(_) => remittance::slip_file_name(self.next_number()),
                        Job::Reprint(id) => self.file_name_of(id),
                    })
                });
                Task::done(match job {
                    Job::Make(_) => Message::MakeTo(path),
                    Job::Reprint(id) => Message::ReprintTo(id, path),
                })
            }
            (Some(files::Event::Written(path)), _) => Task::done(Message::Open(path)),
            _ => Task::none(),
        };
        if written {
            if let Some(Err(error)) = self.pdf.result() {
                self.error = Some(error.clone());
            }
            // A slip made: the cheques it took leave the list.
            let reload = self.reload(context);
            return Task::batch([task.map(Message::Pdf), then, reload]);
        }
        Task::batch([task.map(Message::Pdf), then])
    }

    fn file_name_of(&self, slip_id: i64) -> String {
        let number = (self.slips.iter().flatten())
            .find(|s| s.id == slip_id)
            .map_or(0, |s| s.number);
        remittance::slip_file_name(number)
    }

    /// Reads the lists again, the due cheques up to the day typed (today if unreadable),
    /// and the slips and the payments when they were read (a change touches them all).
    fn reload(&self, context: &Context) -> Task<Message> {
        let mut tasks = vec![load::due(context, self.until().unwrap_or(context.today))];
        if self.slips.is_some() {
            tasks.push(load::slips(context));
        }
        if self.payments.is_some() {
            tasks.push(load::payments(context, self.period));
        }
        Task::batch(tasks)
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        view::view(self)
    }
}

impl Screen {
    /// Shows `tab`; the slips and the payments are read the first time their tab is shown.
    fn show_tab(&mut self, tab: Tab, context: &Context) -> Task<Message> {
        self.tab = tab;
        self.confirm = None;
        match tab {
            Tab::Slips if self.slips.is_none() => load::slips(context),
            Tab::Payments if self.payments.is_none() => load::payments(context, self.period),
            _ => Task::none(),
        }
    }

    /// The day typed for the cheques due: read again when it is a date.
    fn until_changed(&mut self, text: String, context: &Context) -> Task<Message> {
        self.until_text = text;
        self.error = None;
        match self.until() {
            Ok(until) => Task::batch([
                load::due(context, until),
                self.due_scrolled.to_top(DUE_LIST_ID),
            ]),
            Err(_) => Task::none(),
        }
    }

    /// A cheque marked cashed outside a slip: it can be undone once it is done.
    fn marked(&mut self, result: app::Result<()>, context: &Context) -> Task<Message> {
        let undo = self.undo.take().filter(|_| result.is_ok());
        let task = self.done(result, "Chèque marqué encaissé hors bordereau.", context);
        self.undo = undo;
        task
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        let task = match message {
            Message::Loaded(read) => {
                self.loaded(*read);
                Task::none()
            }
            Message::TabChosen(tab) => self.show_tab(tab, context),
            Message::PeriodChosen(period) => {
                self.period = period;
                Task::batch([
                    load::payments(context, period),
                    self.search.scrolled.to_top(LIST_ID),
                ])
            }
            Message::UntilChanged(text) => self.until_changed(text, context),
            Message::Make => self.make(),
            Message::MakeTo(path) => self.make_to(path, context),
            Message::Reprint(id) => {
                self.job = Some(Job::Reprint(id));
                self.ask(self.file_name_of(id))
            }
            Message::ReprintTo(id, path) => self
                .pdf
                .write(context, move |g| remittance::reprint_now(g, id, &path))
                .map(Message::Pdf),
            Message::Pdf(message) => self.pdf_message(message, context),
            Message::Open(path) => self.pdf.open(path).map(Message::Pdf),
            Message::AskCancel(id) => {
                self.confirm = Some(id);
                Task::none()
            }
            Message::KeepSlip => {
                self.confirm = None;
                Task::none()
            }
            Message::ConfirmCancel => self.cancel(context),
            Message::SlipCancelled(result) => self.done(
                result,
                "Bordereau annulé : ses chèques sont de nouveau à remettre.",
                context,
            ),
            Message::CashedOutside(id) => {
                self.undo = Some(id);
                context.perform(
                    move |g| remittance::set_cashed_outside(g, id, true),
                    Message::Marked,
                )
            }
            Message::Marked(result) => self.marked(result, context),
            Message::Unmark(id) => context.perform(
                move |g| remittance::set_cashed_outside(g, id, false),
                Message::Unmarked,
            ),
            Message::Unmarked(result) => {
                self.done(result, "Le chèque est de nouveau à remettre.", context)
            }
            Message::Search(text) => {
                self.search.typed(text);
                self.search.scrolled.to_top(LIST_ID)
            }
            Message::Scrolled(scrolled) => {
                self.search.scrolled = scrolled;
                Task::none()
            }
            Message::DueScrolled(scrolled) => {
                self.due_scrolled = scrolled;
                Task::none()
            }
            Message::Export(message) => self.export(message, context),
        };
        Action::Run(task)
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}

impl Screen {
    /// Makes the slip of the cheques due by the day typed into `path`.
    fn make_to(&mut self, path: PathBuf, context: &Context) -> Task<Message> {
        match self.until() {
            Ok(until) => {
                let today = context.today;
                self.pdf
                    .write(context, move |g| {
                        remittance::make_slip_now(g, until, today, &path)
                    })
                    .map(Message::Pdf)
            }
            Err(error) => {
                self.error = Some(error);
                Task::none()
            }
        }
    }

    /// Cancels the slip confirmed, today.
    fn cancel(&mut self, context: &Context) -> Task<Message> {
        let Some(id) = self.confirm.take() else {
            return Task::none();
        };
        let today = context.today;
        context.perform(
            move |g| remittance::cancel_slip(g, id, today),
            Message::SlipCancelled,
        )
    }

    /// A change ended: say so (or why not) and read the lists again.
    fn done(&mut self, result: app::Result<()>, said: &str, context: &Context) -> Task<Message> {
        self.undo = None;
        match result {
            Ok(()) => {
                self.error = None;
                self.notice = Some((Tone::Success, said.to_owned()));
                self.reload(context)
            }
            Err(error) => {
                self.notice = Some((Tone::Error, error.to_string()));
                Task::none()
            }
        }
    }

    /// The exports: the balances read by a use case today, the payments as listed.
    fn export(
        &mut self,
        message: export::Message<MoneyExport>,
        context: &Context,
    ) -> Task<Message> {
        let garden = context.garden.clone();
        let today = context.today;
        let payments = exports::payments_table_of(&self.shown_payments());
        self.exporter
            .update(message, move |target| match target {
                MoneyExport::Balances => {
                    export::from_app(&garden, move |g| exports::balances_table(g, today))
                }
                MoneyExport::Payments => export::ready(payments),
            })
            .map(Message::Export)
    }
}
