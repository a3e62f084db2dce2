//! Accueil: this week at a glance, from real data.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use super::screen::{self, Action, Context};
use super::theme::{self, BOLD};
use super::week::print::{self, Printed};
use super::widgets::{self, Tone};
use crate::app::{self, Garden};
use crate::domain::calendar::{format_date, long_date, weekday_name};
use crate::domain::distribution::Delivery;
use crate::store::dashboard::{Dashboard, DepotGlance};
use crate::store::first_steps::FirstSteps;

/// The home screen's state.
#[derive(Debug, Default)]
pub struct Home {
    dashboard: Option<app::Result<Dashboard>>,
    printing: bool,
    printed: Option<Result<Printed, crate::app::Error>>,
    /// « Téléphones des adhérents » ticked for the next print (from the Paramètres setting).
    phones: bool,
    /// « Émargements à saisir ».
    pickups: super::home_pickups::Pickups,
    /// « Soldes à régulariser ».
    debts: super::home_debts::DebtsCard,
    privacy: super::home_privacy::PrivacyCard,
    steps: Option<FirstSteps>,
}

/// Messages of the home screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The figures were computed.
    Loaded(app::Result<Dashboard>),
    /// Print each depot's next delivery into the usual folder, without asking.
    PrintWeek,
    /// "Enregistrer ailleurs…": ask for a folder first.
    PrintElsewhere,
    /// The folder was chosen (`None`: cancelled, or no dialog could open).
    FolderChosen(Option<PathBuf>),
    /// The sheets were written.
    Printed(Result<Printed, crate::app::Error>),
    /// Open a file or a folder in the system viewer.
    Open(PathBuf),
    /// The « Émargements à saisir » card.
    Pickups(super::home_pickups::Message),
    /// The « Soldes à régulariser » card.
    Debts(super::home_debts::Message),
    Privacy(super::home_privacy::Message),
    /// The system viewer answered.
    Opened(PathBuf, Result<(), String>),
    /// The first steps of a new garden were read.
    StepsLoaded(app::Result<FirstSteps>),
    /// « Téléphones des adhérents » ticked or not (or the setting it starts from was read).
    PhonesToggled(bool),
}

/// Reads which first steps are done.
fn load_steps(context: &Context) -> Task<Message> {
    context.perform(app::home::first_steps, Message::StepsLoaded)
}

impl Home {
    /// A home screen that starts computing its figures for today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let today = context.today;
        let (pickups, pickups_task) = super::home_pickups::Pickups::new(context);
        let (debts, debts_task) = super::home_debts::DebtsCard::new(context);
        let (privacy, privacy_task) = super::home_privacy::PrivacyCard::new(context);
        let task = Task::batch([
            context.perform(
                move |garden| app::home::dashboard(garden, today),
                Message::Loaded,
            ),
            load_steps(context),
            print::phones_setting(&context.garden).map(Message::PhonesToggled),
            pickups_task.map(Message::Pickups),
            debts_task.map(Message::Debts),
            privacy_task.map(Message::Privacy),
        ]);
        let home = Home {
            pickups,
            debts,
            privacy,
            ..Home::default()
        };
        (home, task)
    }

    /// Writes the next deliveries' sheets: into the usual folder (`None`), into the folder
    /// chosen (`Some(Some(dir))`), or into the usual folder with a note when the dialog gave
    /// none (`Some(None)`).
    fn print(&mut self, chosen: Option<Option<PathBuf>>, context: &Context) -> Task<Message> {
        self.printing = true;
        self.printed = None;
        let today = context.today;
        let note = matches!(chosen, Some(None)).then(|| print::NO_FOLDER_CHOSEN.to_owned());
        let dir = chosen.flatten();
        let phones = self.phones;
        context.perform(
            move |garden| print_next(garden, today, dir, phones, note),
            Message::Printed,
        )
    }
}

/// The next deliveries' sheets, written by the week's use case (the one `binette sheets`
/// calls), with the note to show when the dialog chose no folder.
fn print_next(
    garden: &Garden,
    today: NaiveDate,
    dir: Option<PathBuf>,
    phones: bool,
    note: Option<String>,
) -> crate::app::Result<Printed> {
    let next = crate::app::week::Deliveries::Next(today);
    let set = crate::app::week::print_now(garden, next, dir.as_deref(), phones)?;
    let mut printed = Printed::from(set);
    printed.note = note;
    Ok(printed)
}

/// Asks for a folder, starting in the one remembered.
async fn choose_folder(garden: Garden) -> Option<PathBuf> {
    let start = garden
        .run(crate::app::week::remembered_folder)
        .await
        .ok()
        .flatten();
    print::choose_folder(start).await
}

impl screen::Screen for Home {
    type Message = Message;

    fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(result) => self.dashboard = Some(result),
            Message::PhonesToggled(on) => self.phones = on,
            Message::PrintWeek => return Action::Run(self.print(None, context)),
            Message::PrintElsewhere => {
                self.printing = true;
                self.printed = None;
                let garden = context.garden.clone();
                return Action::Run(Task::perform(choose_folder(garden), Message::FolderChosen));
            }
            Message::FolderChosen(dir) => return Action::Run(self.print(Some(dir), context)),
            Message::Printed(result) => {
                self.printing = false;
                let open = result.as_ref().ok().map(Printed::sheets);
                self.printed = Some(result);
                if let Some(path) = open {
                    return Action::Run(Task::batch([
                        Task::done(Message::Open(path)),
                        load_steps(context),
                    ]));
                }
            }
            // A failed read only hides the checklist; the dashboard shows database errors.
            Message::StepsLoaded(result) => self.steps = result.ok(),
            Message::Open(path) => {
                return Action::Run(Task::perform(
                    crate::ui::files::open_checked(path.clone()),
                    move |result| Message::Opened(path.clone(), result),
                ));
            }
            Message::Opened(path, result) => {
                if let Some(Ok(printed)) = &mut self.printed {
                    printed.opened(&path, result);
                }
            }
            Message::Pickups(message) => {
                return self.pickups.update(message, context).map(Message::Pickups);
            }
            Message::Debts(message) => return self.debts.update(message).map(Message::Debts),
            Message::Privacy(message) => {
                return self.privacy.update(message, context).map(Message::Privacy);
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        Home::view(self)
    }
}

impl Home {
    /// The « Soldes à régulariser » card.
    pub fn debts(&self) -> &super::home_debts::DebtsCard {
        &self.debts
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.dashboard {
            None => widgets::muted("Calcul des chiffres de la semaine…").into(),
            Some(Err(error)) => widgets::banner(Tone::Error, error.to_string()),
            Some(Ok(dashboard)) => view_dashboard(dashboard),
        };
        let subtitle = match &self.dashboard {
            Some(Ok(d)) => Some(capitalise(&long_date(d.today))),
            _ => None,
        };
        let can_print = !self.printing
            && matches!(&self.dashboard, Some(Ok(d)) if d.depots.iter().any(|g| g.next.is_some()));
        let title = row![
            widgets::page_title("Accueil", subtitle),
            iced::widget::space::horizontal(),
            print::phones_box(self.phones, Message::PhonesToggled),
            widgets::secondary(
                "Enregistrer ailleurs…",
                can_print.then_some(Message::PrintElsewhere)
            ),
            widgets::action(
                "Imprimer les prochaines feuilles",
                can_print.then_some(Message::PrintWeek)
            ),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        let mut page = column![title].spacing(18).padding(24);
        match &self.printed {
            Some(Ok(printed)) => {
                page = page.push(printed.view(Message::Open));
            }
            Some(Err(error)) => page = page.push(widgets::banner(Tone::Error, error.to_string())),
            None if self.printing => {
                page = page.push(widgets::muted("Préparation des feuilles…"));
            }
            None => {}
        }
        if let Some(steps) = self.steps.as_ref().and_then(super::first_steps::view) {
            page = page.push(steps);
        }
        // The week's deliveries first (the weekly job), then the pickups left to type in.
        page = page.push(body);
        if let Some(pickups) = self.pickups.view() {
            page = page.push(pickups.map(Message::Pickups));
        }
        if let Some(debts) = self.debts.view() {
            page = page.push(debts.map(Message::Debts));
        }
        if let Some(privacy) = self.privacy.view() {
            page = page.push(privacy.map(Message::Privacy));
        }
        scrollable(page).height(Length::Fill).into()
    }
}

fn view_dashboard(d: &Dashboard) -> Element<'_, Message> {
    let week = widgets::card(
        "Prochaines livraisons : paniers à préparer",
        deliveries_table(d),
    );
    let insertion = row![
        widgets::card(
            "Salariés à suivre",
            super::home_lists::alert_list(&d.employee_alerts)
        ),
        widgets::card(
            "Paniers Solidaires : orientations à réexaminer",
            super::home_lists::dated_list(
                d.solidarity_reviews
                    .iter()
                    .map(|(_, name, date)| (name.as_str(), "", *date)),
                "Aucune orientation à réexaminer dans les 30 jours.",
            )
        ),
    ]
    .spacing(18);
    let mut sessions = Column::new().spacing(6);
    if d.sessions.is_empty() {
        sessions = sessions.push(widgets::muted("Aucun atelier prévu."));
    }
    for s in &d.sessions {
        let places = match s.capacity {
            Some(capacity) => format!("{} inscrits / {capacity} places", s.registered),
            None => format!("{} inscrits", s.registered),
        };
        sessions = sessions.push(row![
            text(format!(
                "{} {}",
                format_date(s.date),
                s.start.format("%H:%M")
            ))
            .size(15)
            .width(Length::Fixed(150.0)),
            text(format!("{} ({})", s.workshop_title, s.type_name))
                .size(15)
                .width(Length::Fill),
            widgets::muted(places),
        ]);
    }
    if d.unfilled_sessions > 0 {
        let plural = if d.unfilled_sessions > 1 { "s" } else { "" };
        sessions = sessions.push(widgets::banner(
            Tone::Warning,
            format!(
                "{} séance{plural} passée{plural} sans présences saisies.",
                d.unfilled_sessions
            ),
        ));
    }
    if let Some(banner) = super::home_insertion::partly_filled_banner(d.partly_filled_sessions) {
        sessions = sessions.push(banner);
    }
    let figures = column![
        widgets::figure("Salariés en parcours", d.employees_in_path.to_string()),
        widgets::figure("Adhérents actifs", d.members.active_members.to_string()),
        widgets::figure(
            "Foyers Paniers Solidaires",
            d.members.solidarity_households.to_string()
        ),
    ]
    .spacing(6);
    let lower = row![
        container(widgets::card("Prochains ateliers", sessions)).width(Length::FillPortion(3)),
        container(widgets::card("En chiffres", figures)).width(Length::FillPortion(2)),
    ]
    .spacing(18);
    column![week, insertion, lower].spacing(18).into()
}

fn deliveries_table(d: &Dashboard) -> Element<'_, Message> {
    let header = |label: &str| {
        text(label.to_string())
            .size(14)
            .font(BOLD)
            .color(theme::MUTED)
    };
    let number_width = Length::Fixed(66.0);
    let mut head = row![
        header("Dépôt").width(Length::FillPortion(3)),
        header("Prochaine livraison").width(Length::FillPortion(3)),
    ]
    .spacing(8);
    for size in &d.sizes {
        head = head.push(header(size).width(number_width));
    }
    head = head
        .push(header("Total").width(number_width))
        .push(header("Absents").width(number_width));
    let mut table = Column::new().spacing(8).push(head);
    if d.depots.is_empty() {
        table = table.push(widgets::muted(
            "Aucun dépôt actif : ajoutez vos dépôts dans Adhérents.",
        ));
    }
    for depot in &d.depots {
        table = table.push(depot_row(depot, number_width));
    }
    let mut totals = row![
        text("Total")
            .size(15)
            .font(BOLD)
            .width(Length::FillPortion(3)),
        text("").width(Length::FillPortion(3)),
    ]
    .spacing(8);
    for count in &d.totals {
        totals = totals.push(
            text(count.to_string())
                .size(15)
                .font(BOLD)
                .width(number_width),
        );
    }
    let grand_total: i64 = d.totals.iter().sum();
    let absent: i64 = d.depots.iter().map(|depot| depot.absent).sum();
    totals = totals
        .push(
            text(grand_total.to_string())
                .size(15)
                .font(BOLD)
                .width(number_width),
        )
        .push(text(absent.to_string()).size(15).width(number_width));
    table.push(totals).into()
}

fn depot_row(depot: &DepotGlance, number_width: Length) -> Element<'_, Message> {
    let mut when = Column::new().spacing(2);
    match &depot.next {
        Some((week, delivery)) => {
            when = when.push(
                text(describe_delivery(delivery))
                    .size(15)
                    .color(theme::GREEN),
            );
            when = when.push(widgets::muted(week.label()));
            if let Delivery::Moved { name, holiday, .. } = delivery {
                when = when.push(widgets::muted(format!(
                    "déplacée ({name} le {})",
                    format_date(*holiday)
                )));
            }
        }
        None => {
            when = when.push(
                text("Aucune livraison prévue")
                    .size(15)
                    .color(theme::WARNING_TEXT),
            );
        }
    }
    if let Some((week, skipped)) = &depot.skipped {
        when = when.push(
            text(format!("{} : {}", week.label(), skipped_reason(skipped)))
                .size(13)
                .color(theme::WARNING_TEXT),
        );
    }
    let mut line = row![
        text(depot.name.clone())
            .size(15)
            .width(Length::FillPortion(3)),
        when.width(Length::FillPortion(3))
    ]
    .spacing(8);
    for count in &depot.baskets {
        line = line.push(text(count.to_string()).size(15).width(number_width));
    }
    line.push(
        text(depot.total.to_string())
            .size(15)
            .font(BOLD)
            .width(number_width),
    )
    .push(text(depot.absent.to_string()).size(15).width(number_width))
    .into()
}

/// The delivery day as shown: "Mardi 01/12/2026".
fn describe_delivery(delivery: &Delivery) -> String {
    match delivery.date() {
        Some(date) => format!(
            "{} {}",
            capitalise(weekday_name(date.weekday())),
            format_date(date)
        ),
        None => delivery.describe(),
    }
}

/// Why a usual delivery day is skipped, in a few words.
fn skipped_reason(delivery: &Delivery) -> String {
    match delivery {
        Delivery::Closed { reason } if !reason.trim().is_empty() => {
            format!("fermé ({})", reason.trim())
        }
        Delivery::Closed { .. } => "fermé".into(),
        Delivery::HolidayCancelled { name, holiday } => {
            format!("pas de livraison, {name} le {}", format_date(*holiday))
        }
        Delivery::On(_) | Delivery::Moved { .. } => delivery.describe(),
    }
}

/// "samedi 28 novembre" → "Samedi 28 novembre".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
