//! The members list: search as you type, filters (« Soldes débiteurs » among them), one line
//! per household with its balance, its export.

use iced::widget::{Column, button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Element, Length, Task};

use super::ids;
use super::kit::{labelled, scroll};
use crate::app::members::{Base, Choice};
use crate::domain::baskets::MemberStatus;
use crate::domain::money::{Cents, format_euros};
use crate::store::members::{MemberFilter, member_matches};
use crate::ui::export::{self, Exporter};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// How many households the list shows at most.
const SHOWN_AT_MOST: usize = 300;

/// What the list exports: the households as shown (search and filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListExport;

impl export::Target for ListExport {
    fn file_stem(self) -> &'static str {
        "adherents"
    }
}

/// The list's state: the filter and the households passing it.
#[derive(Debug, Default)]
pub struct List {
    filter: MemberFilter,
    /// « Soldes débiteurs »: only the households owing money.
    debtors_only: bool,
    /// Indexes in `base.rows` passing the filter.
    shown: Vec<usize>,
    exporter: Exporter,
}

/// Messages of the list.
#[derive(Debug, Clone)]
pub enum Message {
    Search(String),
    /// Enter in the search box: opens the household when the search finds only one.
    SearchSubmitted,
    FilterStatus(Choice),
    FilterDepot(Choice),
    FilterSize(Choice),
    UnpaidOnly(bool),
    SolidarityOnly(bool),
    /// « Soldes débiteurs » ticked or not.
    DebtorsOnly(bool),
    OpenMember(i64),
    /// "Nouvel adhérent".
    NewMember,
    /// "Importer…".
    OpenImport,
    /// Exporting the list as shown to CSV or Excel.
    Export(export::Message<ListExport>),
}

/// What the list asks of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Open the page of this household.
    OpenMember(i64),
    /// Open the form of a new household.
    NewMember,
    /// Open the member import.
    OpenImport,
}

impl List {
    /// Recomputes which households of `base` pass the filter.
    pub fn refilter(&mut self, base: &Base) {
        let filter = &self.filter;
        let owes = |id: i64| base.balances.get(&id).is_some_and(|b| *b < 0);
        let debtors_only = self.debtors_only;
        self.shown = (base.rows.iter().enumerate())
            .filter(|(_, r)| member_matches(r, filter))
            .filter(|(_, r)| !debtors_only || owes(r.member.id))
            .map(|(i, _)| i)
            .collect();
    }

    /// Handles `message` on the households of `base`; `year` is the current one (exports).
    pub fn update(
        &mut self,
        message: Message,
        base: &Base,
        year: i32,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Search(text) => self.filter.search = text,
            Message::SearchSubmitted => {
                let only = match self.shown[..] {
                    [only] => base.rows.get(only).map(|r| Event::OpenMember(r.member.id)),
                    _ => None,
                };
                return (Task::none(), only);
            }
            Message::FilterStatus(c) => {
                self.filter.status = usize::try_from(c.id - 1)
                    .ok()
                    .and_then(|i| MemberStatus::ALL.get(i).copied());
            }
            Message::FilterDepot(c) => self.filter.depot_id = (c.id > 0).then_some(c.id),
            Message::FilterSize(c) => self.filter.size_id = (c.id > 0).then_some(c.id),
            Message::UnpaidOnly(on) => self.filter.unpaid_only = on,
            Message::SolidarityOnly(on) => self.filter.solidarity_only = on,
            Message::DebtorsOnly(on) => self.debtors_only = on,
            Message::OpenMember(id) => return (Task::none(), Some(Event::OpenMember(id))),
            Message::NewMember => return (Task::none(), Some(Event::NewMember)),
            Message::OpenImport => return (Task::none(), Some(Event::OpenImport)),
            Message::Export(message) => {
                let (shown, solidarity) = (&self.shown, self.filter.solidarity_only);
                let task = self.exporter.update(message, |_| {
                    let kept: Vec<_> = shown.iter().filter_map(|&i| base.rows.get(i)).collect();
                    export::ready(crate::report::export::lists::members(
                        &kept, year, solidarity,
                    ))
                });
                return (task.map(Message::Export), None);
            }
        }
        self.refilter(base);
        (Task::none(), None)
    }

    /// The search, filters and households of `base`; `loading` while the lists are read.
    pub fn view<'a>(&'a self, base: &'a Base, loading: bool) -> Element<'a, Message> {
        let mut page = column![
            labelled("Rechercher et filtrer", self.filters(base)),
            self.toggles(),
            self.count(base),
        ]
        .spacing(10);
        if let Some(notice) = self.exporter.notice() {
            page = page.push(notice.map(Message::Export));
        }
        page.push(header())
            .push(scroll(self.lines(base, loading)))
            .into()
    }

    fn filters<'a>(&'a self, base: &Base) -> Element<'a, Message> {
        let f = &self.filter;
        let statuses = status_choices();
        let status = f
            .status
            .and_then(|s| statuses.iter().find(|c| c.label == s.label()).cloned())
            .or_else(|| statuses.first().cloned());
        let depots = with_all("Tous les dépôts", base.depot_choices());
        let depot = picked(&depots, f.depot_id);
        let sizes = with_all("Tous les formats", base.size_choices());
        let size = picked(&sizes, f.size_id);
        row![
            text_input("Rechercher (nom, commune, téléphone…)", &f.search)
                .id(ids::SEARCH)
                .on_input(Message::Search)
                .on_submit(Message::SearchSubmitted)
                .padding(8)
                .size(15)
                .width(Length::FillPortion(3)),
            pick_list(statuses, status, Message::FilterStatus).width(Length::FillPortion(2)),
            pick_list(depots, depot, Message::FilterDepot).width(Length::FillPortion(2)),
            pick_list(sizes, size, Message::FilterSize).width(Length::FillPortion(2)),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center)
        .into()
    }

    fn toggles(&self) -> Element<'_, Message> {
        row![
            checkbox(self.filter.unpaid_only)
                .label("Cotisation de l'année non payée")
                .on_toggle(Message::UnpaidOnly),
            checkbox(self.filter.solidarity_only)
                .label("Paniers Solidaires")
                .on_toggle(Message::SolidarityOnly),
            checkbox(self.debtors_only)
                .label("Soldes débiteurs")
                .on_toggle(Message::DebtorsOnly),
            container(text("")).width(Length::Fill),
            widgets::action("Nouvel adhérent", Some(Message::NewMember)),
        ]
        .spacing(18)
        .align_y(iced::Alignment::Center)
        .into()
    }

    fn count(&self, base: &Base) -> Element<'_, Message> {
        let count = format!("{} foyer(s) sur {}", self.shown.len(), base.rows.len());
        row![
            container(widgets::muted(count)).width(Length::Fill),
            widgets::secondary("Importer…", Some(Message::OpenImport)),
            self.exporter.buttons(ListExport).map(Message::Export),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into()
    }

    fn lines<'a>(&'a self, base: &'a Base, loading: bool) -> Column<'a, Message> {
        let mut lines = Column::new().spacing(2).padding(super::kit::SCROLL_GAP);
        for &i in self.shown.iter().take(SHOWN_AT_MOST) {
            let r = &base.rows[i];
            let balance = base.balances.get(&r.member.id).copied();
            lines = lines.push(line(r, balance, self.filter.solidarity_only));
        }
        if self.shown.len() > SHOWN_AT_MOST {
            lines = lines.push(widgets::muted(
                "… affinez la recherche pour voir les autres foyers.",
            ));
        }
        if self.shown.is_empty() && !loading {
            lines = lines.push(widgets::muted("Aucun foyer ne correspond."));
        }
        lines
    }
}

/// A household's balance in the list: what it owes in the warning colour, "—" when its
/// account has no line.
fn balance_cell<'a>(balance: Option<Cents>) -> Element<'a, Message> {
    let (label, colour) = match balance {
        None => ("—".to_owned(), theme::MUTED),
        Some(b) if b < 0 => (format_euros(b), theme::WARNING_TEXT),
        Some(b) => (format_euros(b), iced::Color::BLACK),
    };
    text(label)
        .size(14)
        .color(colour)
        .width(Length::FillPortion(2))
        .align_x(iced::alignment::Horizontal::Right)
        .into()
}

/// One household of the list (with its balance, if its account has a line), a button
/// opening its page.
fn line(
    r: &crate::store::members::MemberRow,
    balance: Option<Cents>,
    solidarity_only: bool,
) -> Element<'_, Message> {
    let m = &r.member;
    let mut name = crate::domain::text::list_name(&m.first_name, &m.last_name);
    if !m.co_member.is_empty() {
        name.push_str(&format!(" et {}", m.co_member));
    }
    if solidarity_only && r.solidarity {
        name.push_str(" · solidaire");
    }
    let paid = r.paid_this_year;
    let line = row![
        text(name).size(15).font(BOLD).width(Length::FillPortion(4)),
        text(m.status.label())
            .size(14)
            .width(Length::FillPortion(2)),
        text(r.depots.join(", "))
            .size(14)
            .width(Length::FillPortion(3)),
        text(r.sizes.join(", "))
            .size(14)
            .width(Length::FillPortion(2)),
        text(m.phone.clone()).size(14).width(Length::FillPortion(2)),
        text(if paid { "payée" } else { "à payer" })
            .size(14)
            .color(if paid {
                theme::MUTED
            } else {
                theme::WARNING_TEXT
            })
            .width(Length::FillPortion(2)),
        balance_cell(balance),
    ]
    .spacing(8);
    button(line)
        .style(button::text)
        .width(Length::Fill)
        .padding([6, 10])
        .on_press(Message::OpenMember(m.id))
        .into()
}

/// The heads of the list's columns.
fn header<'a>() -> Element<'a, Message> {
    let head = |label: &'a str, portion: u16| {
        text(label)
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(portion))
    };
    row![
        head("Nom", 4),
        head("Statut", 2),
        head("Dépôt", 3),
        head("Format", 2),
        head("Téléphone", 2),
        head("Cotisation", 2),
        text("Solde")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(2))
            .align_x(iced::alignment::Horizontal::Right),
    ]
    .spacing(8)
    .padding(iced::Padding {
        left: 10.0,
        right: 10.0 + super::kit::SCROLL_GAP.right,
        ..iced::Padding::ZERO
    })
    .into()
}

/// Status choices of the filter: id 0 for all, then 1 + index in `MemberStatus::ALL`.
fn status_choices() -> Vec<Choice> {
    let all = Choice {
        id: 0,
        label: "Tous les statuts".into(),
    };
    let each = MemberStatus::ALL.iter().zip(1..).map(|(s, id)| Choice {
        id,
        label: s.label().into(),
    });
    std::iter::once(all).chain(each).collect()
}

/// `choices` after a first choice `all` (id 0).
fn with_all(all: &str, mut choices: Vec<Choice>) -> Vec<Choice> {
    let first = Choice {
        id: 0,
        label: all.into(),
    };
    choices.insert(0, first);
    choices
}

/// The choice of id `id`, or the first ("all").
fn picked(choices: &[Choice], id: Option<i64>) -> Option<Choice> {
    let found = choices.iter().find(|c| Some(c.id) == id);
    found.or_else(|| choices.first()).cloned()
}
