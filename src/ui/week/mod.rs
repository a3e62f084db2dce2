//! The Paniers screen: the week's depots and baskets, the composition, printing the week's
//! sheets, and ticking pickups after distribution.

mod composition;
mod data;
mod depots;
pub mod exports;
mod pickups;
pub mod print;

use crate::ui::screen::{self, Context};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use iced::widget::{button, column, row, scrollable, text};
use iced::{Element, Length, Task};

use super::export::{self, Exporter};
use super::widgets::{self, Tone};
use crate::app::Garden;
use crate::domain::baskets::{CompositionItem, Pickup, PickupStatus};
use crate::domain::calendar::IsoWeek;
use crate::domain::harvests::Unit;
use crate::store::StoreError;
use crate::store::distribution::{composition_of_week, set_pickups, set_week_composition};
use crate::store::week::next_delivery_week;

pub use composition::CropChoice;
pub use data::WeekData;
pub use exports::{Range, WeekExport};
pub use print::Printed;

/// The parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Depots and baskets to prepare.
    Depots,
    /// What goes into each basket.
    Composition,
    /// Who collected their basket.
    Pickups,
}

/// The Paniers screen's state.
#[derive(Debug)]
pub struct Screen {
    db: Garden,
    week: Option<IsoWeek>,
    data: Option<Result<WeekData, StoreError>>,
    tab: Tab,
    editor: composition::Editor,
    depot: usize,
    printing: bool,
    printed: Option<Result<Printed, StoreError>>,
    /// « Téléphones des adhérents » ticked for the next print (from the Paramètres setting).
    phones: bool,
    notice: Option<String>,
    today: NaiveDate,
    range: Range,
    exporter: Exporter,
}

/// Messages of the Paniers screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The week's data was loaded.
    Loaded(Result<Box<WeekData>, StoreError>),
    /// Show the week before.
    PreviousWeek,
    /// Show the week after.
    NextWeek,
    /// Show the next delivery week.
    NextDelivery,
    /// Show another part of the screen.
    ShowTab(Tab),
    /// Composition: show the size at this index.
    SelectSize(usize),
    /// Composition: a crop was chosen on a line.
    CropPicked(usize, CropChoice),
    /// Composition: a quantity was typed on a line.
    QuantityChanged(usize, String),
    /// Composition: a unit was chosen on a line.
    UnitPicked(usize, Unit),
    /// Composition: add a line.
    AddLine,
    /// Composition: remove a line.
    RemoveLine(usize),
    /// Composition: start from last week's.
    CopyPrevious,
    /// Last week's composition was loaded.
    PreviousLoaded(Result<Vec<CompositionItem>, StoreError>),
    /// Composition: save every size.
    SaveComposition,
    /// The composition was saved.
    CompositionSaved(Result<(), StoreError>),
    /// Pickups: show the depot at this index.
    PickDepot(usize),
    /// Pickups: mark a member's line.
    Mark(usize, PickupStatus),
    /// Pickups: mark every line not ticked yet as collected.
    MarkAllCollected,
    /// Pickups were saved.
    PickupsSaved(Result<Vec<Pickup>, StoreError>),
    /// Print the week's sheets into the usual folder, without asking.
    Print,
    /// "Enregistrer ailleurs…": ask for the folder first.
    PrintElsewhere,
    /// The folder was chosen (`None`: cancelled, or no dialog could open).
    FolderChosen(Option<PathBuf>),
    /// The sheets were written.
    Printed(Result<Printed, StoreError>),
    /// Open a file or a folder in the system viewer.
    Open(PathBuf),
    /// The system viewer answered.
    Opened(PathBuf, Result<(), String>),
    /// The default range of the baskets table (the next 8 delivery weeks) was computed.
    RangeDefault(Result<(IsoWeek, IsoWeek), StoreError>),
    /// The first week of the range was typed.
    RangeFrom(String),
    /// The last week of the range was typed.
    RangeTo(String),
    /// « Téléphones des adhérents » ticked or not (or the setting it starts from was read).
    PhonesToggled(bool),
    /// Exporting the depots, the pickups or the range table to CSV or Excel.
    Export(export::Message<WeekExport>),
}

impl Screen {
    /// Opens the screen on the next delivery week.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let (db, today) = (&context.garden, context.today);
        let task = Task::batch([
            Task::perform(
                db.call(move |conn| {
                    let week = next_delivery_week(conn, today)?;
                    data::load(conn, week).map(Box::new)
                }),
                Message::Loaded,
            ),
            Task::perform(
                db.call(move |conn| {
                    crate::report::export::cross::coming_delivery_weeks(conn, today)
                }),
                Message::RangeDefault,
            ),
            print::phones_setting(db).map(Message::PhonesToggled),
        ]);
        let screen = Screen {
            db: db.clone(),
            week: None,
            data: None,
            tab: Tab::Depots,
            editor: composition::Editor::default(),
            depot: 0,
            printing: false,
            printed: None,
            phones: false,
            notice: None,
            today,
            range: Range::default(),
            exporter: Exporter::default(),
        };
        (screen, task)
    }

    /// The week shown, once loaded.
    pub fn week(&self) -> Option<IsoWeek> {
        self.week
    }

    fn load(&mut self, week: IsoWeek) -> Task<Message> {
        self.week = Some(week);
        Task::perform(
            self.db
                .call(move |conn| data::load(conn, week).map(Box::new)),
            Message::Loaded,
        )
    }

    fn loaded(&self) -> Option<&WeekData> {
        self.data.as_ref().and_then(|d| d.as_ref().ok())
    }

    /// Handles a message; the returned task is run by the application.
    pub fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loaded(result) => {
                if let Ok(data) = &result {
                    self.week = Some(data.week);
                    self.editor = composition::Editor::from_items(data, &data.items);
                    let depots = data.set.as_ref().map_or(0, |s| s.depots.len());
                    self.depot = self.depot.min(depots.saturating_sub(1));
                }
                self.data = Some(result.map(|data| *data));
                Task::none()
            }
            Message::PreviousWeek => self.move_to(IsoWeek::previous),
            Message::NextWeek => self.move_to(IsoWeek::next),
            Message::NextDelivery => {
                self.notice = None;
                self.printed = None;
                let today = self.today;
                Task::perform(
                    self.db.call(move |conn| {
                        let week = next_delivery_week(conn, today)?;
                        data::load(conn, week).map(Box::new)
                    }),
                    Message::Loaded,
                )
            }
            Message::ShowTab(tab) => {
                self.tab = tab;
                Task::none()
            }
            Message::PickDepot(i) => {
                self.depot = i;
                Task::none()
            }
            Message::Print => self.print(None),
            Message::PhonesToggled(on) => {
                self.phones = on;
                Task::none()
            }
            Message::PrintElsewhere => {
                self.printing = true;
                self.printed = None;
                let start = self.loaded().and_then(|d| d.folder.clone());
                Task::perform(print::choose_folder(start), Message::FolderChosen)
            }
            Message::FolderChosen(dir) => self.print(Some(dir)),
            Message::Printed(result) => {
                self.printing = false;
                let open = result.as_ref().ok().map(Printed::sheets);
                self.printed = Some(result);
                open.map_or_else(Task::none, |path| Task::done(Message::Open(path)))
            }
            Message::Open(path) => Task::perform(
                crate::ui::files::open_checked(path.clone()),
                move |result| Message::Opened(path.clone(), result),
            ),
            Message::Opened(path, result) => {
                if let Some(Ok(printed)) = &mut self.printed {
                    printed.opened(&path, result);
                }
                Task::none()
            }
            Message::RangeDefault(_)
            | Message::RangeFrom(_)
            | Message::RangeTo(_)
            | Message::Export(_) => self.update_exports(message),
            other => self.update_editing(other),
        }
    }

    /// Writes the shown week's sheets: into the usual folder (`None`), into the folder
    /// chosen (`Some(Some(dir))`), or into the usual folder with a note when the dialog gave
    /// none (`Some(None)`).
    fn print(&mut self, chosen: Option<Option<PathBuf>>) -> Task<Message> {
        let Some(week) = self.week else {
            return Task::none();
        };
        self.printing = true;
        self.printed = None;
        let now = Local::now().naive_local();
        let note = matches!(chosen, Some(None)).then(|| print::NO_FOLDER_CHOSEN.to_owned());
        let dir = chosen.flatten();
        let phones = self.phones;
        Task::perform(
            self.db.call(move |conn| {
                let mut printed = print::print_week(conn, week, dir.as_deref(), now, phones)?;
                printed.note = note;
                Ok(printed)
            }),
            Message::Printed,
        )
    }

    fn move_to(&mut self, step: fn(IsoWeek) -> IsoWeek) -> Task<Message> {
        self.notice = None;
        self.printed = None;
        match self.week {
            Some(week) => self.load(step(week)),
            None => Task::none(),
        }
    }

    /// Composition and pickups.
    fn update_editing(&mut self, message: Message) -> Task<Message> {
        let Some(data) = self.data.as_ref().and_then(|d| d.as_ref().ok()) else {
            return Task::none();
        };
        let week = data.week;
        match message {
            Message::SelectSize(i) => self.editor.size = i,
            Message::CropPicked(i, crop) => self.edit_line(i, |line| line.crop = Some(crop)),
            Message::QuantityChanged(i, q) => self.edit_line(i, |line| line.quantity = q),
            Message::UnitPicked(i, unit) => self.edit_line(i, |line| line.unit = unit),
            Message::AddLine => {
                self.editor.add_line();
                self.editor.dirty = true;
                let last = self
                    .editor
                    .current()
                    .map_or(0, |l| l.len().saturating_sub(1));
                return iced::widget::operation::focus(format!("week-qty-{last}"));
            }
            Message::RemoveLine(i) => {
                if let Some(lines) = self.editor.current()
                    && i < lines.len()
                {
                    lines.remove(i);
                    self.editor.dirty = true;
                }
            }
            Message::CopyPrevious => {
                let monday = week.previous().monday();
                return Task::perform(
                    self.db.call(move |conn| composition_of_week(conn, monday)),
                    Message::PreviousLoaded,
                );
            }
            Message::PreviousLoaded(Ok(items)) => {
                if items.is_empty() {
                    self.notice = Some("La semaine précédente n'a pas de composition.".into());
                } else {
                    let size = self.editor.size;
                    self.editor = composition::Editor::from_items(data, &items);
                    self.editor.size = size;
                    self.editor.dirty = true;
                    self.notice = Some(
                        "Composition de la semaine précédente copiée : ajustez-la puis enregistrez."
                            .into(),
                    );
                }
            }
            Message::PreviousLoaded(Err(e)) | Message::CompositionSaved(Err(e)) => {
                self.editor.error = Some(e.to_string());
            }
            Message::SaveComposition => match self.editor.to_items(data) {
                Ok(sizes) => {
                    self.editor.error = None;
                    let monday = week.monday();
                    return Task::perform(
                        self.db
                            .write(move |conn| set_week_composition(conn, monday, &sizes)),
                        Message::CompositionSaved,
                    );
                }
                Err(error) => self.editor.error = Some(error),
            },
            Message::CompositionSaved(Ok(())) => {
                self.notice = Some("Composition enregistrée.".into());
                return self.load(week);
            }
            Message::Mark(i, status) => {
                let pickups = data
                    .set
                    .as_ref()
                    .and_then(|s| s.depots.get(self.depot))
                    .and_then(|d| d.rows.get(i))
                    .map(|row| pickups::pickups_for(data, row, status))
                    .unwrap_or_default();
                return self.save_pickups(pickups);
            }
            Message::MarkAllCollected => {
                let pickups = data
                    .set
                    .as_ref()
                    .and_then(|s| s.depots.get(self.depot))
                    .map(|d| {
                        d.rows
                            .iter()
                            .filter(|r| r.baskets > 0 && pickups::row_status(data, r).is_none())
                            .flat_map(|r| pickups::pickups_for(data, r, PickupStatus::Collected))
                            .collect()
                    })
                    .unwrap_or_default();
                return self.save_pickups(pickups);
            }
            Message::PickupsSaved(Ok(saved)) => {
                if let Some(Ok(data)) = &mut self.data {
                    for pickup in saved {
                        data.pickups
                            .retain(|p| p.subscription_id != pickup.subscription_id);
                        data.pickups.push(pickup);
                    }
                }
            }
            Message::PickupsSaved(Err(e)) => self.notice = Some(e.to_string()),
            _ => {}
        }
        Task::none()
    }

    fn edit_line(&mut self, i: usize, edit: impl FnOnce(&mut composition::Line)) {
        if let Some(line) = self.editor.current().and_then(|l| l.get_mut(i)) {
            edit(line);
            self.editor.dirty = true;
        }
    }

    fn save_pickups(&self, pickups: Vec<Pickup>) -> Task<Message> {
        if pickups.is_empty() {
            return Task::none();
        }
        Task::perform(
            self.db.write(move |conn| {
                set_pickups(conn, &pickups)?;
                Ok(pickups)
            }),
            Message::PickupsSaved,
        )
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let subtitle = self.week.map(IsoWeek::long_label);
        let has_delivery = self.loaded().is_some_and(|d| d.set.is_some());
        let nav = row![
            widgets::secondary("◀ Semaine précédente", Some(Message::PreviousWeek)),
            widgets::secondary("Prochaine livraison", Some(Message::NextDelivery)),
            widgets::secondary("Semaine suivante ▶", Some(Message::NextWeek)),
            print::phones_box(self.phones, Message::PhonesToggled),
            widgets::secondary(
                "Enregistrer ailleurs…",
                (has_delivery && !self.printing).then_some(Message::PrintElsewhere)
            ),
            widgets::action(
                "Imprimer les feuilles de la semaine",
                (has_delivery && !self.printing).then_some(Message::Print)
            ),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        // On a narrow window the print buttons go to a second line instead of shrinking.
        .wrap()
        .vertical_spacing(8);
        let mut tabs = row![].spacing(6);
        for (tab, label) in [
            (Tab::Depots, "Dépôts"),
            (Tab::Composition, "Composition des paniers"),
            (Tab::Pickups, "Émargement après distribution"),
        ] {
            let b = button(text(label).size(15)).padding([6, 14]);
            tabs = tabs.push(if tab == self.tab {
                b.on_press(Message::ShowTab(tab))
            } else {
                b.style(button::secondary).on_press(Message::ShowTab(tab))
            });
        }
        let mut page = column![widgets::page_title("Paniers", subtitle), nav, tabs].spacing(14);
        if self.printing {
            page = page.push(widgets::muted("Préparation des feuilles…"));
        }
        match &self.printed {
            Some(Ok(printed)) => {
                page = page.push(printed.view(Message::Open));
            }
            Some(Err(error)) => page = page.push(widgets::banner(Tone::Error, error.to_string())),
            None => {}
        }
        if let Some(notice) = &self.notice {
            page = page.push(widgets::banner(Tone::Success, notice.clone()));
        }
        if let Some(notice) = self.exporter.notice() {
            page = page.push(notice.map(Message::Export));
        }
        let body: Element<'_, Message> = match &self.data {
            None => widgets::muted("Chargement de la semaine…").into(),
            Some(Err(error)) => widgets::banner(Tone::Error, error.to_string()),
            Some(Ok(data)) => match self.tab {
                Tab::Depots => column![
                    depots::view(data),
                    self.export_buttons(WeekExport::Depots, data),
                    exports::range_card(&self.range, IsoWeek::of(self.today), &self.exporter),
                ]
                .spacing(14)
                .into(),
                Tab::Composition => composition::view(data, &self.editor),
                Tab::Pickups => pickups::view(
                    data,
                    self.depot,
                    self.export_buttons(WeekExport::Pickups, data),
                ),
            },
        };
        scrollable(page.push(body).padding(24))
            .height(Length::Fill)
            .into()
    }
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, _context: &Context) -> screen::Action<Message> {
        screen::Action::Run(self.handle(message))
    }

    fn view(&self) -> Element<'_, Message> {
        Screen::view(self)
    }
}
