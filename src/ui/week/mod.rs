//! The Paniers screen: the week's depots and baskets, the composition, printing the week's
//! sheets, and ticking pickups after distribution.

pub mod composition;
mod depots;
pub mod exports;
mod pickups;
pub mod print;

use std::path::PathBuf;

use iced::widget::{button, column, row, scrollable, text};
use iced::{Element, Length, Task};

use super::export::{self, Exporter};
use super::files::{self, PdfFlow};
use super::screen::{self, Action, Context};
use super::widgets::{self, Tone};
use crate::app::week::{Deliveries, PrintedSet, WeekData};
use crate::app::{self};
use crate::domain::baskets::{Pickup, PickupStatus};
use crate::domain::calendar::IsoWeek;

pub use composition::CropChoice;
pub use exports::{Range, WeekExport};

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
    week: Option<IsoWeek>,
    /// The week of today, as the window's clock last read it (the range fields' reference).
    this_week: IsoWeek,
    data: Option<Result<WeekData, app::Error>>,
    tab: Tab,
    editor: composition::Editor,
    depot: usize,
    /// Printing the week's sheets: the folder dialog, the use case, the viewer.
    printing: PdfFlow<PrintedSet>,
    /// Why the sheets are not where asked (no folder chosen).
    note: Option<String>,
    /// « Téléphones des adhérents » ticked for the next print (from the Paramètres setting).
    phones: bool,
    notice: Option<String>,
    range: Range,
    exporter: Exporter,
}

/// Messages of the Paniers screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The week's data was loaded.
    Loaded(Result<Box<WeekData>, app::Error>),
    /// Show the week before.
    PreviousWeek,
    /// Show the week after.
    NextWeek,
    /// Show the next delivery week.
    NextDelivery,
    /// Show another part of the screen.
    ShowTab(Tab),
    /// The composition editor.
    Composition(composition::Message),
    /// Pickups: show the depot at this index.
    PickDepot(usize),
    /// Pickups: mark a member's line.
    Mark(usize, PickupStatus),
    /// Pickups: mark every line not ticked yet as collected.
    MarkAllCollected,
    /// Pickups were saved.
    PickupsSaved(Result<Vec<Pickup>, app::Error>),
    /// Print the week's sheets into the usual folder, without asking.
    Print,
    /// "Enregistrer ailleurs…": ask for the folder first.
    PrintElsewhere,
    /// The folder was chosen (`None`: cancelled, or no dialog could open).
    FolderChosen(Option<PathBuf>),
    /// Printing: the dialog, the sheets written, the viewer's answer.
    Printing(files::Message<PrintedSet>),
    /// Open a file or a folder in the system viewer.
    Open(PathBuf),
    /// The default range of the baskets table (the next 8 delivery weeks) was computed.
    RangeDefault(Result<(IsoWeek, IsoWeek), app::Error>),
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
        let today = context.today;
        let task = Task::batch([
            context.perform(move |g| app::week::next_week(g, today), Message::Loaded),
            context.perform(
                move |g| app::exports::coming_weeks(g, today),
                Message::RangeDefault,
            ),
            print::phones_setting(&context.garden).map(Message::PhonesToggled),
        ]);
        let screen = Screen {
            week: None,
            this_week: IsoWeek::of(today),
            data: None,
            tab: Tab::Depots,
            editor: composition::Editor::default(),
            depot: 0,
            printing: PdfFlow::default(),
            note: None,
            phones: false,
            notice: None,
            range: Range::default(),
            exporter: Exporter::default(),
        };
        (screen, task)
    }

    /// The week shown, once loaded.
    pub fn week(&self) -> Option<IsoWeek> {
        self.week
    }

    fn load(&mut self, week: IsoWeek, context: &Context) -> Task<Message> {
        self.week = Some(week);
        context.perform(move |g| app::week::week(g, week), Message::Loaded)
    }

    fn loaded(&self) -> Option<&WeekData> {
        self.data.as_ref().and_then(|d| d.as_ref().ok())
    }

    fn loaded_week(&mut self, result: Result<Box<WeekData>, app::Error>) {
        if let Ok(data) = &result {
            self.week = Some(data.week);
            self.editor = composition::Editor::from_items(data, &data.items);
            let depots = data.set.as_ref().map_or(0, |s| s.depots.len());
            self.depot = self.depot.min(depots.saturating_sub(1));
        }
        self.data = Some(result.map(|data| *data));
    }

    /// "Enregistrer ailleurs…": the folder dialog, opening where the set last went.
    fn print_elsewhere(&mut self) -> Task<Message> {
        self.note = None;
        let start = self.loaded().and_then(|d| d.folder.clone());
        self.printing
            .ask(print::folder_dialog(start))
            .map(Message::Printing)
    }

    /// The print flow's messages, and what it asks the screen to do.
    fn printing(&mut self, message: files::Message<PrintedSet>) -> Task<Message> {
        let (task, event) = self.printing.update(message);
        let then = match event {
            Some(files::Event::Chosen(dir)) => Task::done(Message::FolderChosen(dir)),
            Some(files::Event::Written(path)) => Task::done(Message::Open(path)),
            None => Task::none(),
        };
        Task::batch([task.map(Message::Printing), then])
    }

    /// Writes the shown week's sheets: into the usual folder (`None`), into the folder
    /// chosen (`Some(Some(dir))`), or into the usual folder with a note when the dialog gave
    /// none (`Some(None)`).
    fn print(&mut self, chosen: Option<Option<PathBuf>>, context: &Context) -> Task<Message> {
        let Some(week) = self.week else {
            return Task::none();
        };
        self.note = matches!(chosen, Some(None)).then(|| print::NO_FOLDER_CHOSEN.to_owned());
        let dir = chosen.flatten();
        let phones = self.phones;
        self.printing
            .write(context, move |g| {
                app::week::print_now(g, Deliveries::Week(week), dir.as_deref(), phones)
            })
            .map(Message::Printing)
    }

    fn move_to(&mut self, step: fn(IsoWeek) -> IsoWeek, context: &Context) -> Task<Message> {
        self.notice = None;
        self.printing.clear();
        match self.week {
            Some(week) => self.load(step(week), context),
            None => Task::none(),
        }
    }

    /// The composition editor's messages and what it tells the screen.
    fn update_composition(
        &mut self,
        message: composition::Message,
        context: &Context,
    ) -> Task<Message> {
        let Some(data) = self.data.as_ref().and_then(|d| d.as_ref().ok()) else {
            return Task::none();
        };
        let week = data.week;
        let (task, event) = self.editor.update(message, data, context);
        let task = task.map(Message::Composition);
        match event {
            Some(composition::Event::Saved) => {
                self.notice = Some("Composition enregistrée.".into());
                Task::batch([task, self.load(week, context)])
            }
            Some(composition::Event::Notice(notice)) => {
                self.notice = Some(notice);
                task
            }
            None => task,
        }
    }

    /// The pickups of line `i` of the depot shown, marked `status`.
    fn mark(&self, i: usize, status: PickupStatus, context: &Context) -> Task<Message> {
        let Some(data) = self.loaded() else {
            return Task::none();
        };
        let depot = data.set.as_ref().and_then(|s| s.depots.get(self.depot));
        let pickups = depot
            .and_then(|d| d.rows.get(i))
            .map(|row| pickups::pickups_for(data, row, status))
            .unwrap_or_default();
        save_pickups(pickups, context)
    }

    /// Every line of the depot shown not ticked yet, marked collected.
    fn mark_all_collected(&self, context: &Context) -> Task<Message> {
        let Some(data) = self.loaded() else {
            return Task::none();
        };
        let depot = data.set.as_ref().and_then(|s| s.depots.get(self.depot));
        let pickups = depot
            .map(|d| {
                d.rows
                    .iter()
                    .filter(|r| r.baskets > 0 && pickups::row_status(data, r).is_none())
                    .flat_map(|r| pickups::pickups_for(data, r, PickupStatus::Collected))
                    .collect()
            })
            .unwrap_or_default();
        save_pickups(pickups, context)
    }

    /// The pickups saved replace those shown; an error is said above the tabs.
    fn pickups_saved(&mut self, result: Result<Vec<Pickup>, app::Error>) {
        match result {
            Ok(saved) => {
                if let Some(Ok(data)) = &mut self.data {
                    for pickup in saved {
                        data.pickups
                            .retain(|p| p.subscription_id != pickup.subscription_id);
                        data.pickups.push(pickup);
                    }
                }
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    /// The week's navigation and the print panel.
    fn nav(&self) -> Element<'_, Message> {
        let can_print = self.loaded().is_some_and(|d| d.set.is_some()) && !self.printing.is_busy();
        row![
            widgets::secondary("◀ Semaine précédente", Some(Message::PreviousWeek)),
            widgets::secondary("Prochaine livraison", Some(Message::NextDelivery)),
            widgets::secondary("Semaine suivante ▶", Some(Message::NextWeek)),
            print::phones_box(self.phones, Message::PhonesToggled),
            widgets::secondary(
                "Enregistrer ailleurs…",
                can_print.then_some(Message::PrintElsewhere)
            ),
            widgets::action(
                "Imprimer les feuilles de la semaine",
                can_print.then_some(Message::Print)
            ),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        // On a narrow window the print buttons go to a second line instead of shrinking.
        .wrap()
        .vertical_spacing(8)
        .into()
    }

    /// The three tabs' buttons.
    fn tabs(&self) -> Element<'_, Message> {
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
        tabs.into()
    }

    /// The tab shown.
    fn body(&self) -> Element<'_, Message> {
        match &self.data {
            None => widgets::muted("Chargement de la semaine…").into(),
            Some(Err(error)) => widgets::banner(Tone::Error, error.to_string()),
            Some(Ok(data)) => match self.tab {
                Tab::Depots => column![
                    depots::view(data),
                    self.export_buttons(WeekExport::Depots, data),
                    exports::range_card(&self.range, self.this_week, &self.exporter),
                ]
                .spacing(14)
                .into(),
                Tab::Composition => composition::view(data, &self.editor).map(Message::Composition),
                Tab::Pickups => pickups::view(
                    data,
                    self.depot,
                    self.export_buttons(WeekExport::Pickups, data),
                ),
            },
        }
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let subtitle = self.week.map(IsoWeek::long_label);
        let title = widgets::page_title("Paniers", subtitle);
        let mut page = column![title, self.nav(), self.tabs()].spacing(14);
        if self.printing.stage() == files::Stage::Writing {
            page = page.push(widgets::muted("Préparation des feuilles…"));
        }
        match self.printing.result() {
            Some(Ok(set)) => {
                let viewer = self.printing.viewer();
                let note = self.note.as_deref();
                page = page.push(print::view(set, note, viewer, Message::Open));
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
        scrollable(page.push(self.body()).padding(24))
            .height(Length::Fill)
            .into()
    }
}

/// Records `pickups` off the UI thread (nothing when there are none).
fn save_pickups(pickups: Vec<Pickup>, context: &Context) -> Task<Message> {
    if pickups.is_empty() {
        return Task::none();
    }
    context.perform(
        move |g| app::week::save_pickups(g, pickups),
        Message::PickupsSaved,
    )
}

impl screen::Screen for Screen {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        self.this_week = IsoWeek::of(context.today);
        let task = match message {
            Message::Loaded(result) => {
                self.loaded_week(result);
                Task::none()
            }
            Message::PreviousWeek => self.move_to(IsoWeek::previous, context),
            Message::NextWeek => self.move_to(IsoWeek::next, context),
            Message::NextDelivery => {
                self.notice = None;
                self.printing.clear();
                let today = context.today;
                context.perform(move |g| app::week::next_week(g, today), Message::Loaded)
            }
            Message::ShowTab(tab) => {
                self.tab = tab;
                Task::none()
            }
            Message::PickDepot(i) => {
                self.depot = i;
                Task::none()
            }
            Message::PhonesToggled(on) => {
                self.phones = on;
                Task::none()
            }
            Message::Composition(message) => self.update_composition(message, context),
            Message::Mark(i, status) => self.mark(i, status, context),
            Message::MarkAllCollected => self.mark_all_collected(context),
            Message::PickupsSaved(result) => {
                self.pickups_saved(result);
                Task::none()
            }
            Message::Print => self.print(None, context),
            Message::PrintElsewhere => self.print_elsewhere(),
            Message::FolderChosen(dir) => self.print(Some(dir), context),
            Message::Printing(message) => self.printing(message),
            Message::Open(path) => self.printing.open(path).map(Message::Printing),
            Message::RangeDefault(result) => {
                self.range_default(result, context.today);
                Task::none()
            }
            Message::RangeFrom(text) => {
                self.range.from = text;
                Task::none()
            }
            Message::RangeTo(text) => {
                self.range.to = text;
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
