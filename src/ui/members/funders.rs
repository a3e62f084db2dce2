//! The "Financeurs" tab as a component: the funders of Paniers Solidaires (create, rename,
//! change, delete when they fund nothing), the statement PDF for one of them, and their
//! invoices and balances ([`super::funders_invoices`]).

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use iced::widget::operation;
use iced::widget::{Column, checkbox, column, pick_list, row, text};
use iced::{Element, Length, Task};

use super::funders_invoices::{self, Invoices};
use super::ids;
use super::kit::{self, Event, Fields, FormEvent, SCROLL_GAP, Written, labelled, link, scroll};
use crate::app::members::drafts::FunderDraft;
use crate::app::members::{self, Base, Choice, Statement};
use crate::app::{self, Garden};
use crate::domain::baskets::{Funder, FunderKind};
use crate::ui::screen::Context;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// The one form open on the tab.
#[derive(Debug, Clone, Default)]
enum Form {
    #[default]
    None,
    /// A funder, new or edited.
    Funder(FunderDraft),
    /// Deleting funder `0`, waiting for the user to confirm.
    Delete(i64),
}

/// The tab's state.
#[derive(Debug)]
pub struct Funders {
    form: Form,
    /// Why the last save of the open form failed.
    error: Option<app::Error>,
    statement_funder: Option<Choice>,
    statement_from: String,
    statement_to: String,
    busy: bool,
    /// The invoices to the funders and their balances.
    invoices: Invoices,
}

/// Messages of the funder form.
#[derive(Debug, Clone)]
pub enum FunderMessage {
    NameTyped(String),
    KindPicked(FunderKind),
    /// "Proposé sur les nouveaux Paniers Solidaires (actif)".
    Active(bool),
    Submit,
    Cancel,
}

/// Messages of the tab.
#[derive(Debug, Clone)]
pub enum Message {
    NewFunder,
    EditFunder(i64),
    /// Asks before deleting a funder (refused at once when it funds baskets).
    DeleteFunder(i64),
    Funder(FunderMessage),
    /// "Supprimer" under the question.
    Confirm,
    Cancel,
    Saved(app::Result<Written>),
    /// About the statement for a funder.
    Statement(StatementMessage),
    /// About the invoices to the funders.
    Invoices(funders_invoices::Message),
}

/// Messages of the statement for a funder.
#[derive(Debug, Clone)]
pub enum StatementMessage {
    /// The funder.
    Funder(Choice),
    /// The first day, typed.
    From(String),
    /// The last day, typed.
    To(String),
    /// "Enregistrer le relevé (PDF)…".
    Make,
    /// The statement was drawn: where to save it is asked next.
    Made(app::Result<Statement>),
    /// Where it was saved (`None`: no file chosen).
    Saved(app::Result<Option<PathBuf>>),
}

impl Funders {
    /// The tab, with a statement offered from 1 January to `today`.
    pub fn new(today: NaiveDate) -> Self {
        Funders {
            form: Form::None,
            error: None,
            statement_funder: None,
            statement_from: format!("01/01/{}", today.year()),
            statement_to: crate::domain::calendar::format_date(today),
            busy: false,
            invoices: Invoices::new(today),
        }
    }

    /// Reads what the tab shows beyond the lists: the invoices and balances.
    pub fn load(context: &Context) -> Task<Message> {
        Invoices::load(context).map(Message::Invoices)
    }

    /// Closes the form open, if any (another tab was chosen).
    pub fn close_form(&mut self) {
        self.form = Form::None;
        self.error = None;
    }

    fn open(&mut self, form: Form) -> (Task<Message>, Option<Event>) {
        self.form = form;
        self.error = None;
        (operation::focus(ids::FUNDER_NAME), Some(Event::Cleared))
    }

    /// Handles `message` with the lists of `base`.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
        base: &Base,
    ) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        match message {
            Message::NewFunder => self.open(Form::Funder(FunderDraft::new())),
            Message::EditFunder(id) => match base.funders.iter().find(|f| f.id == id) {
                Some(f) => self.open(Form::Funder(FunderDraft::of(f))),
                None => none,
            },
            Message::DeleteFunder(id) => self.ask_delete(id, base),
            Message::Funder(m) => {
                let Form::Funder(f) = &mut self.form else {
                    return none; // the form was closed meanwhile
                };
                match update_funder(f, m) {
                    Some(FormEvent::Submit) => (self.save(context), None),
                    Some(FormEvent::Cancel) => {
                        self.close_form();
                        none
                    }
                    None => none,
                }
            }
            Message::Confirm => (self.save(context), None),
            Message::Cancel => {
                self.close_form();
                none
            }
            Message::Saved(result) => {
                self.busy = false;
                let open = !matches!(self.form, Form::None);
                let event = kit::written(result, open, &mut self.error);
                if matches!(event, Some(Event::Saved { .. })) {
                    self.form = Form::None;
                }
                (Task::none(), event)
            }
            Message::Statement(m) => self.statement(m, context),
            Message::Invoices(m) => {
                let (task, event) = self.invoices.update(m, context);
                (task.map(Message::Invoices), event)
            }
        }
    }

    /// Asks before deleting funder `id`; one that still funds baskets is refused at once.
    fn ask_delete(&mut self, id: i64, base: &Base) -> (Task<Message>, Option<Event>) {
        let funded = base.funded.get(&id).copied().unwrap_or(0);
        if funded == 0 {
            return (Task::none(), self.open(Form::Delete(id)).1);
        }
        let message = format!(
            "{} finance {funded} Panier{s} Solidaire{s} : il ne peut pas être supprimé. \
             Modifiez-le et décochez « actif » pour ne plus le proposer.",
            base.funders
                .iter()
                .find(|f| f.id == id)
                .map_or("Ce financeur", |f| f.name.as_str()),
            s = if funded > 1 { "s" } else { "" }
        );
        self.close_form();
        let refusal = app::Error::invalid("Financeur", message);
        (Task::none(), Some(Event::Failed(refusal)))
    }

    fn save(&mut self, context: &Context) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        let task = match self.form.clone() {
            Form::None => return Task::none(),
            Form::Funder(f) => write(context, "Financeur enregistré.", move |g| {
                members::save_funder(g, &f)
            }),
            Form::Delete(id) => write(context, "Financeur supprimé.", move |g| {
                members::delete_funder(g, id)
            }),
        };
        self.busy = true;
        task
    }
}

fn write(
    context: &Context,
    notice: &str,
    job: impl FnOnce(&Garden) -> app::Result<members::Saved> + Send + 'static,
) -> Task<Message> {
    kit::write(context, notice, job, Message::Saved)
}

/// Applies `message` to the funder form.
fn update_funder(f: &mut FunderDraft, message: FunderMessage) -> Option<FormEvent> {
    match message {
        FunderMessage::NameTyped(v) => f.name = v,
        FunderMessage::KindPicked(kind) => f.kind = Some(kind),
        FunderMessage::Active(on) => f.active = on,
        FunderMessage::Submit => return Some(FormEvent::Submit),
        FunderMessage::Cancel => return Some(FormEvent::Cancel),
    }
    None
}

impl Funders {
    /// The statement's messages: who, which period, drawn, then saved where the user says.
    fn statement(
        &mut self,
        message: StatementMessage,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        let done = |m| Message::Statement(StatementMessage::Made(m));
        match message {
            StatementMessage::Funder(c) => self.statement_funder = Some(c),
            StatementMessage::From(v) => self.statement_from = v,
            StatementMessage::To(v) => self.statement_to = v,
            StatementMessage::Make => {
                let funder = self.statement_funder.as_ref().map(|c| c.id);
                let (from, to) = (self.statement_from.clone(), self.statement_to.clone());
                let today = context.today;
                let job = move |g: &Garden| members::statement_pdf(g, funder, &from, &to, today);
                self.busy = true;
                return (context.perform(job, done), None);
            }
            StatementMessage::Made(Ok(statement)) => {
                let saved = |m| Message::Statement(StatementMessage::Saved(m));
                return (Task::perform(save_statement(statement), saved), None);
            }
            StatementMessage::Saved(Ok(Some(path))) => {
                self.busy = false;
                let notice = format!("Relevé enregistré : {}", path.display());
                let event = Event::Saved {
                    notice,
                    warning: None,
                };
                return (Task::none(), Some(event));
            }
            StatementMessage::Saved(Ok(None)) => self.busy = false,
            StatementMessage::Made(Err(error)) | StatementMessage::Saved(Err(error)) => {
                self.busy = false;
                return (Task::none(), Some(Event::Failed(error)));
            }
        }
        none
    }
}

/// Asks where to save the statement, saves it and opens it.
async fn save_statement(statement: Statement) -> app::Result<Option<PathBuf>> {
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer le relevé")
        .set_file_name(statement.file_name)
        .add_filter("PDF", &["pdf"])
        .save_file()
        .await
    else {
        return Ok(None);
    };
    let path = file.path().to_path_buf();
    crate::store::output::write_file(&path, &statement.bytes)?;
    crate::ui::files::open_in_viewer(&path);
    Ok(Some(path))
}

impl Funders {
    /// The funders, and the statement form.
    pub fn view<'a>(&'a self, base: &'a Base) -> Element<'a, Message> {
        let mut list = Column::new().spacing(2);
        if let Form::Funder(f) = &self.form
            && f.id == 0
        {
            let form = funder_form(f, self.error.as_ref()).map(Message::Funder);
            list = list.push(widgets::card("Nouveau financeur", form));
        } else {
            list = list.push(
                row![
                    widgets::muted(
                        "Ils paient le reste des Paniers Solidaires, selon les parts fixées sur \
                         chaque abonnement."
                    )
                    .width(Length::Fill),
                    widgets::action("Nouveau financeur", Some(Message::NewFunder)),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center),
            );
        }
        list = list.push(funders_head());
        for f in &base.funders {
            list = list.push(self.funder_line(base, f));
        }
        if base.funders.is_empty() {
            list = list.push(widgets::muted("Aucun financeur pour l'instant."));
        }
        scroll(
            column![
                widgets::card("Financeurs des Paniers Solidaires", list),
                widgets::card("Relevé pour un financeur", self.statement_view(base)),
                widgets::card(
                    "Factures aux financeurs",
                    self.invoices.view(base).map(Message::Invoices)
                ),
            ]
            .spacing(14)
            .padding(SCROLL_GAP),
        )
    }

    /// Who, which period, and the button drawing the statement.
    fn statement_view<'a>(&'a self, base: &'a Base) -> Element<'a, Message> {
        // Every funder, active or not: a statement may cover a past period.
        let every: Vec<Choice> = (base.funders.iter())
            .map(|f| Choice {
                id: f.id,
                label: f.name.clone(),
            })
            .collect();
        let funder = pick_list(
            every,
            self.statement_funder.clone(),
            StatementMessage::Funder,
        )
        .placeholder("Choisir…")
        .width(300);
        let fields = Fields::new(None);
        let make = StatementMessage::Make;
        let column: Element<'a, StatementMessage> = column![
            widgets::muted(
                "Foyers, paniers livrés (retirés ou laissés au dépôt), leur valeur, ce que les \
                 foyers ont payé et ce que doit le financeur."
            ),
            row![
                labelled("Financeur", funder),
                fields.input(
                    "Du",
                    "members-statement-from",
                    &self.statement_from,
                    StatementMessage::From,
                    make.clone(),
                    Some(150.0)
                ),
                fields.input(
                    "Au",
                    "members-statement-to",
                    &self.statement_to,
                    StatementMessage::To,
                    make.clone(),
                    Some(150.0)
                ),
            ]
            .spacing(10),
            widgets::action("Enregistrer le relevé (PDF)…", (!self.busy).then_some(make)),
        ]
        .spacing(10)
        .into();
        column.map(Message::Statement)
    }

    /// One funder: its name, kind, baskets funded, state and actions; or its edit form, or
    /// the question before deleting it.
    fn funder_line<'a>(&'a self, base: &'a Base, f: &'a Funder) -> Element<'a, Message> {
        match &self.form {
            Form::Funder(form) if form.id == f.id => {
                let form = funder_form(form, self.error.as_ref()).map(Message::Funder);
                return widgets::card(format!("Modifier {}", f.name), form);
            }
            Form::Delete(id) if *id == f.id => {
                let fields = Fields::new(self.error.as_ref());
                return column![
                    text(format!("Supprimer le financeur {} ?", f.name))
                        .size(15)
                        .font(BOLD),
                    fields.buttons("Supprimer", Message::Confirm, Message::Cancel),
                ]
                .spacing(6)
                .padding([6, 0])
                .into();
            }
            Form::Funder(_) | Form::Delete(_) | Form::None => {}
        }
        let funded = base.funded.get(&f.id).copied().unwrap_or(0);
        row![
            text(f.name.clone()).size(15).font(BOLD).width(Length::Fill),
            text(f.kind.label()).size(14).width(160),
            text(match funded {
                0 => "aucun".to_owned(),
                n => n.to_string(),
            })
            .size(14)
            .width(150),
            text(if f.active { "actif" } else { "inactif" })
                .size(14)
                .color(theme::MUTED)
                .width(70),
            row![
                link("Modifier", Message::EditFunder(f.id)),
                link("Supprimer", Message::DeleteFunder(f.id)),
            ]
            .width(170),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center)
        .into()
    }
}

/// The heads of the funders' columns.
fn funders_head<'a>() -> Element<'a, Message> {
    let head = |label: &'a str| text(label).size(13).color(theme::MUTED);
    row![
        head("Nom").width(Length::Fill),
        head("Type").width(160),
        head("Abonnements financés").width(150),
        head("État").width(70),
        iced::widget::Space::new().width(170),
    ]
    .spacing(10)
    .into()
}

/// Name, kind and "active" of a funder.
fn funder_form<'a>(
    f: &'a FunderDraft,
    error: Option<&'a app::Error>,
) -> Element<'a, FunderMessage> {
    let fields = Fields::new(error);
    let kinds = pick_list(FunderKind::ALL, f.kind, FunderMessage::KindPicked).width(200);
    let mut c = column![
        row![
            fields.input(
                "Nom du financeur",
                ids::FUNDER_NAME,
                &f.name,
                FunderMessage::NameTyped,
                FunderMessage::Submit,
                Some(420.0)
            ),
            fields.labelled("Type", kinds),
        ]
        .spacing(10),
    ]
    .spacing(8);
    if f.id != 0 {
        c = c.push(
            checkbox(f.active)
                .label("Proposé sur les nouveaux Paniers Solidaires (actif)")
                .on_toggle(FunderMessage::Active),
        );
    }
    c.push(fields.buttons("Enregistrer", FunderMessage::Submit, FunderMessage::Cancel))
        .into()
}
