//! The members list: search as you type, filters (« Soldes débiteurs » among them), one line
//! per household with its balance, its export.

use iced::widget::{
    button, checkbox, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Element, Length, Task};

use super::ids;
use super::kit::labelled;
use crate::app::members::{Base, Choice};
use crate::domain::baskets::MemberStatus;
use crate::domain::money::{Cents, format_euros};
use crate::domain::text::{Query, SearchKeys};
use crate::store::members::{MemberFilter, member_passes_choices, member_search_text};
use crate::ui::export::{self, Exporter};
use crate::ui::rows::{self, Scrolled, cell};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Height of a household's line (the list draws only the lines in view).
pub const ROW_HEIGHT: f32 = 34.0;

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
    /// The search text of each of `base.rows`, folded once when they were read.
    keys: SearchKeys,
    /// Where the lines are scrolled.
    scrolled: Scrolled,
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
    /// The lines were scrolled (or their room changed).
    Scrolled(Scrolled),
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
    /// The households of `base` were read (again): their search texts are folded, once.
    pub fn loaded(&mut self, base: &Base) {
        self.keys = SearchKeys::new(base.rows.iter().map(member_search_text));
        self.refilter(base);
    }

    /// Recomputes which households of `base` pass the filter.
    pub fn refilter(&mut self, base: &Base) {
        if self.keys.len() != base.rows.len() {
            self.keys = SearchKeys::new(base.rows.iter().map(member_search_text));
        }
        let (filter, keys) = (&self.filter, &self.keys);
        let query = Query::new(&filter.search);
        let owes = |id: i64| base.balances.get(&id).is_some_and(|b| *b < 0);
        let debtors_only = self.debtors_only;
        self.shown = (base.rows.iter().enumerate())
            .filter(|&(i, r)| member_passes_choices(r, filter) && keys.matches(i, &query))
            .filter(|(_, r)| !debtors_only || owes(r.member.id))
            .map(|(i, _)| i)
            .collect();
    }

    /// The households shown, as positions in the rows read (search and filters applied).
    pub fn shown(&self) -> &[usize] {
        &self.shown
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
            Message::Scrolled(scrolled) => {
                self.scrolled = scrolled;
                return (Task::none(), None);
            }
        }
        self.refilter(base);
        (self.scrolled.to_top(ids::LIST), None)
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
        page.push(header()).push(self.lines(base, loading)).into()
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

    /// Every household shown, only those in view built.
    fn lines<'a>(&'a self, base: &'a Base, loading: bool) -> Element<'a, Message> {
        if self.shown.is_empty() {
            let said = if loading {
                ""
            } else {
                "Aucun foyer ne correspond."
            };
            return widgets::muted(said).into();
        }
        let solidarity_only = self.filter.solidarity_only;
        let lines = rows::rows(&self.scrolled, self.shown.len(), ROW_HEIGHT, |n| {
            let r = &base.rows[self.shown[n]];
            let balance = base.balances.get(&r.member.id).copied();
            line(r, balance, solidarity_only)
        });
        scrollable(lines.padding(super::kit::SCROLL_GAP))
            .id(ids::LIST)
            .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
            .height(Length::Fill)
            .into()
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
    let status_colour = if paid {
        theme::MUTED
    } else {
        theme::WARNING_TEXT
    };
    let line = row![
        cell(text(name).size(15).font(BOLD), Length::FillPortion(4)),
        cell(text(m.status.label()).size(14), Length::FillPortion(2)),
        cell(text(r.depots.join(", ")).size(14), Length::FillPortion(3)),
        cell(text(r.sizes.join(", ")).size(14), Length::FillPortion(2)),
        cell(text(m.phone.as_str()).size(14), Length::FillPortion(2)),
        cell(
            text(if paid { "payée" } else { "à payer" })
                .size(14)
                .color(status_colour),
            Length::FillPortion(2)
        ),
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
