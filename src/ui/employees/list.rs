//! The list of people: search as you type, status filter, sortable columns, alerts.

use iced::widget::{button, column, container, row, scrollable, text, text_input};
use iced::{Background, Border, Element, Length, Theme};

use iced::Task;

use super::SEARCH_ID;
use crate::app;
use crate::domain::calendar::format_date;
use crate::domain::employees::{EmployeeRow, SortColumn, StatusFilter, filter_sorted, sorted_rows};
use crate::ui::export;
use crate::ui::rows::{self, Scrolled, cell};
use crate::ui::screen::Context;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Height of a person's line (the list draws only the lines in view).
pub const ROW_HEIGHT: f32 = 34.0;
/// Id of the scrolled lines.
pub const LIST_ID: &str = "employees-list";

const COLUMNS: [(SortColumn, &str, u16); 6] = [
    (SortColumn::LastName, "Nom", 8),
    (SortColumn::FirstName, "Prénom", 6),
    (SortColumn::Entry, "Entrée", 5),
    (SortColumn::PlannedEnd, "Fin prévue", 5),
    (SortColumn::Hours, "H/sem.", 3),
    (SortColumn::Referent, "Référent", 6),
];
const ALERT_PORTION: u16 = 8;

/// The width share of column `n` of [`COLUMNS`].
fn portion(n: usize) -> Length {
    Length::FillPortion(COLUMNS[n].2)
}

/// "12 en parcours, 3 à surveiller ce mois-ci".
pub fn subtitle(rows: &[EmployeeRow], today: chrono::NaiveDate) -> String {
    let in_path = rows
        .iter()
        .filter(|r| r.exit_date.is_none_or(|d| d > today))
        .count();
    let attention = rows.iter().filter(|r| !r.alerts.is_empty()).count();
    format!("{in_path} en parcours, {attention} à surveiller ce mois-ci")
}

fn filter_button(filter: StatusFilter, current: StatusFilter) -> Element<'static, Message> {
    let style = if filter == current {
        button::primary
    } else {
        button::secondary
    };
    button(text(filter.label()).size(15))
        .padding([8, 14])
        .style(style)
        .on_press(Message::Filter(filter))
        .into()
}

fn header(screen: &List) -> Element<'_, Message> {
    let mut cells = row![].spacing(8);
    for (column, label, portion) in COLUMNS {
        let arrow = match (screen.sort == column, screen.descending) {
            (true, false) => " ▲",
            (true, true) => " ▼",
            _ => "",
        };
        cells = cells.push(
            button(text(format!("{label}{arrow}")).size(14).font(BOLD))
                .padding(0)
                .style(button::text)
                .on_press(Message::Sort(column))
                .width(Length::FillPortion(portion)),
        );
    }
    cells = cells.push(
        text("À surveiller")
            .size(14)
            .font(BOLD)
            .width(Length::FillPortion(ALERT_PORTION)),
    );
    container(cells)
        .padding(iced::Padding {
            top: 6.0,
            bottom: 6.0,
            left: 10.0,
            right: 24.0,
        })
        .into()
}

fn line(row_data: &EmployeeRow, striped: bool) -> Element<'_, Message> {
    let hours = row_data
        .weekly_hours
        .map(|h| format!("{h}").replace('.', ","))
        .unwrap_or_default();
    let alerts = row_data
        .alerts
        .iter()
        .map(|a| format!("{} {}", a.kind.short_label(), format_date(a.date)))
        .collect::<Vec<_>>()
        .join(" · ");
    let exited = row_data
        .exit_date
        .map(|d| format!("Sorti(e) le {}", format_date(d)));
    let end = exited.unwrap_or_else(|| row_data.planned_end.map(format_date).unwrap_or_default());
    let cells = row![
        cell(
            text(row_data.last_name.to_uppercase()).size(15).font(BOLD),
            portion(0)
        ),
        cell(text(&row_data.first_name).size(15), portion(1)),
        cell(text(format_date(row_data.entry_date)).size(15), portion(2)),
        cell(text(end).size(15), portion(3)),
        cell(text(hours).size(15), portion(4)),
        cell(text(&row_data.referent).size(15), portion(5)),
        cell(
            text(alerts).size(14).color(theme::WARNING_TEXT),
            Length::FillPortion(ALERT_PORTION)
        ),
    ]
    .spacing(8);
    let background = if striped {
        theme::BACKGROUND
    } else {
        theme::CARD
    };
    button(cells)
        .padding([7, 10])
        .width(Length::Fill)
        .on_press(Message::Open(row_data.id))
        .style(move |t: &Theme, status| {
            let mut style = button::text(t, status);
            style.text_color = iced::Color::BLACK;
            style.background = Some(Background::Color(match status {
                button::Status::Hovered => theme::SIDEBAR,
                _ => background,
            }));
            style
        })
        .into()
}

/// What the Salariés list exports: its rows as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListExport;

impl export::Target for ListExport {
    fn file_stem(self) -> &'static str {
        "salaries"
    }
}

/// Messages of the list.
#[derive(Debug, Clone)]
pub enum Message {
    /// The rows were read.
    Loaded(app::Result<Vec<EmployeeRow>>),
    /// The search box changed.
    Search(String),
    /// "En parcours" / "Sortis" / "Tous".
    Filter(StatusFilter),
    /// A column header was clicked.
    Sort(SortColumn),
    /// A person clicked.
    Open(i64),
    /// "Nouveau salarié".
    NewPerson,
    /// Exporting the list as shown (search, filter, sort) to CSV or Excel.
    Export(export::Message<ListExport>),
    /// "Importer (les emplois)…".
    Import,
    /// The lines were scrolled (or their room changed).
    Scrolled(Scrolled),
}

/// What the list tells the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Open this person's file.
    Open(i64),
    /// Open an empty file.
    NewPerson,
    /// Open the les emplois import.
    Import,
}

/// The list of people: what was read, what is shown, how.
#[derive(Debug)]
pub struct List {
    rows: Vec<EmployeeRow>,
    /// Every row, in the order of the sort chosen: sorted again only when it changes.
    order: Vec<usize>,
    visible: Vec<usize>,
    scrolled: Scrolled,
    query: String,
    filter: StatusFilter,
    sort: SortColumn,
    descending: bool,
    loading: bool,
    subtitle: String,
    notice: Option<(Tone, String)>,
    exporter: export::Exporter,
}

impl Default for List {
    fn default() -> Self {
        List {
            rows: Vec::new(),
            order: Vec::new(),
            visible: Vec::new(),
            scrolled: Scrolled::default(),
            query: String::new(),
            filter: StatusFilter::InPath,
            sort: SortColumn::LastName,
            descending: false,
            loading: true,
            subtitle: subtitle(&[], chrono::NaiveDate::MIN),
            notice: None,
            exporter: export::Exporter::default(),
        }
    }
}

impl List {
    /// Reads the rows again.
    pub fn load(&self, context: &Context) -> Task<Message> {
        let today = context.today;
        context.perform(move |g| app::employees::rows(g, today), Message::Loaded)
    }

    /// Shows `notice` above the list (`None`: none).
    pub fn set_notice(&mut self, notice: Option<(Tone, String)>) {
        self.notice = notice;
    }

    /// Handles a message; the event, if any, is for the screen.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(rows)) => {
                self.rows = rows;
                self.loading = false;
                self.subtitle = subtitle(&self.rows, context.today);
                self.order = sorted_rows(&self.rows, self.sort, self.descending);
            }
            Message::Loaded(Err(error)) => {
                self.loading = false;
                self.notice = Some((Tone::Error, error.to_string()));
            }
            Message::Search(query) => self.query = query,
            Message::Filter(filter) => self.filter = filter,
            Message::Sort(column) => {
                if self.sort == column {
                    self.descending = !self.descending;
                } else {
                    self.sort = column;
                    self.descending = false;
                }
                self.order = sorted_rows(&self.rows, self.sort, self.descending);
            }
            Message::Open(id) => return (Task::none(), Some(Event::Open(id))),
            Message::NewPerson => return (Task::none(), Some(Event::NewPerson)),
            Message::Import => return (Task::none(), Some(Event::Import)),
            Message::Export(message) => return (self.export(message), None),
            Message::Scrolled(scrolled) => {
                self.scrolled = scrolled;
                return (Task::none(), None);
            }
        }
        self.visible = filter_sorted(
            &self.rows,
            &self.order,
            &self.query,
            self.filter,
            context.today,
        );
        (self.scrolled.to_top(LIST_ID), None)
    }

    /// The rows shown, as positions in the rows read (search, filter and sort applied).
    pub fn shown(&self) -> &[usize] {
        &self.visible
    }

    /// Exports the rows shown.
    fn export(&mut self, message: export::Message<ListExport>) -> Task<Message> {
        let (rows, visible) = (&self.rows, &self.visible);
        self.exporter
            .update(message, |_| {
                let shown: Vec<_> = visible.iter().filter_map(|&i| rows.get(i)).collect();
                export::ready(crate::report::export::lists::employees(&shown))
            })
            .map(Message::Export)
    }

    /// The list page.
    pub fn view(&self) -> Element<'_, Message> {
        let screen = self;
        let title = widgets::page_title(
            "Salariés en parcours d'insertion",
            Some(screen.subtitle.clone()),
        );
        let tools = row![
            text_input(
                "Rechercher un nom, un prénom, un n° de PASS…",
                &screen.query
            )
            .id(SEARCH_ID)
            .on_input(Message::Search)
            .padding(8)
            .size(15)
            .width(Length::Fill),
            filter_button(StatusFilter::InPath, screen.filter),
            filter_button(StatusFilter::Exited, screen.filter),
            filter_button(StatusFilter::All, screen.filter),
            widgets::action("Nouveau salarié", Some(Message::NewPerson)),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);

        let table = self.table();
        let count = format!("{} personne(s)", screen.visible.len());
        let mut page = column![title, tools].spacing(14).padding(24);
        if let Some((tone, message)) = &screen.notice {
            page = page.push(widgets::banner(*tone, message.clone()));
        }
        if let Some(notice) = screen.exporter.notice() {
            page = page.push(notice.map(Message::Export));
        }
        let count_line = row![
            widgets::muted(count).width(Length::Fill),
            widgets::secondary("Importer (les emplois)…", Some(Message::Import)),
            screen.exporter.buttons(ListExport).map(Message::Export),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        page.push(count_line).push(table).into()
    }

    /// The table of people: header and lines, or why there are none.
    fn table(&self) -> Element<'_, Message> {
        let screen = self;
        let lines = rows::rows(&self.scrolled, self.visible.len(), ROW_HEIGHT, |n| {
            line(&self.rows[self.visible[n]], n % 2 == 1)
        });
        let body: Element<'_, Message> = if screen.loading {
            widgets::muted("Chargement…").into()
        } else if screen.visible.is_empty() {
            widgets::muted(if screen.query.trim().is_empty() {
                "Personne dans cette liste."
            } else {
                "Personne ne correspond à cette recherche."
            })
            .into()
        } else {
            scrollable(lines.padding(iced::Padding::ZERO.right(14)))
                .id(LIST_ID)
                .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
                .height(Length::Fill)
                .into()
        };
        let table = container(column![header(screen), body].spacing(2))
            .padding(6)
            .height(Length::Fill)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(theme::CARD)),
                border: Border {
                    color: theme::BORDER,
                    width: 1.0,
                    radius: 6.0.into(),
                },
                ..container::Style::default()
            });
        table.into()
    }
}
