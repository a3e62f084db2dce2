//! Each screen's first display (its loading tasks run, then one frame drawn) and a keystroke
//! in the search box of each big list (the message applied, then one frame drawn), driven
//! through the screen contract as the window drives it.

use std::time::{Duration, Instant};

use binette::app::Garden;
use binette::ui::screen::{Context, Screen};
use binette::ui::{
    employees, harvests, home, members, payments, reports, settings, week, workshops,
};
use chrono::NaiveDate;
use iced::Task;

use crate::drive::settle;
use crate::frame::Frames;

/// One measured figure: what, and how long.
pub type Figure = (String, Duration);

/// Opens a screen as the window does and draws its first frame with what it loaded.
fn open<S: Screen>(
    frames: &mut Frames,
    garden: &Garden,
    today: NaiveDate,
    new: fn(&Context) -> (S, Task<S::Message>),
) -> (Duration, S, Context) {
    let start = Instant::now();
    let context = Context::new(garden.clone(), today);
    let (mut screen, task) = new(&context);
    let loaded = crate::drive::run(task);
    settle(&mut screen, &context, loaded);
    let published = frames.draw(screen.view());
    let time = start.elapsed();
    // What the frame's widgets published (a list's viewport) reaches the screen before the
    // next frame, as in the window.
    settle(&mut screen, &context, published);
    (time, screen, context)
}

/// The median time of a keystroke in the input `id` of `screen`, typing `word` letter by
/// letter: the message applied, then a frame drawn (`None`, and said, when the screen shows
/// no such input).
fn keystroke<S: Screen>(
    frames: &mut Frames,
    screen: &mut S,
    context: &Context,
    id: &'static str,
    word: &str,
) -> Option<Duration> {
    let mut times = Vec::new();
    for letter in word.chars() {
        let messages: Vec<S::Message> = {
            let mut ui = iced_test::simulator(screen.view());
            if ui.click(iced::widget::Id::new(id)).is_err() {
                eprintln!("  pas de champ {id} à l'écran : frappe non mesurée");
                return None;
            }
            ui.typewrite(&letter.to_string());
            ui.into_messages().collect()
        };
        let start = Instant::now();
        settle(screen, context, messages);
        let published = frames.draw(screen.view());
        times.push(start.elapsed());
        settle(screen, context, published);
    }
    times.sort();
    times.get(times.len() / 2).copied()
}

/// A screen's first display, and a keystroke in its search box when it has one.
fn measure<S: Screen>(
    out: &mut Vec<Figure>,
    frames: &mut Frames,
    (garden, today): (&Garden, NaiveDate),
    name: &str,
    new: fn(&Context) -> (S, Task<S::Message>),
    search: Option<&'static str>,
) {
    let (time, mut screen, context) = open(frames, garden, today, new);
    out.push((format!("screen {name}"), time));
    if let Some(id) = search
        && let Some(time) = keystroke(frames, &mut screen, &context, id, "mar")
    {
        out.push((format!("keystroke {name}"), time));
    }
}

/// Paiements' first display, and a keystroke in its search box, which is on the tab of the
/// payments: that tab is shown first (its year of payments read) and the typing timed.
fn measure_payments(
    out: &mut Vec<Figure>,
    frames: &mut Frames,
    (garden, today): (&Garden, NaiveDate),
) {
    let (time, mut screen, context) = open(frames, garden, today, payments::Screen::new);
    out.push(("screen Paiements".to_string(), time));
    let shown = vec![payments::Message::TabChosen(payments::Tab::Payments)];
    settle(&mut screen, &context, shown);
    let published = frames.draw(screen.view());
    settle(&mut screen, &context, published);
    if let Some(time) = keystroke(frames, &mut screen, &context, payments::SEARCH_ID, "mar") {
        out.push(("keystroke Paiements".to_string(), time));
    }
}

/// Every screen of the sidebar, in its order, with the lists' keystrokes.
pub fn all(garden: &Garden, today: NaiveDate) -> Vec<Figure> {
    let mut frames = Frames::new();
    let mut out = Vec::new();
    let at = (garden, today);
    let f = &mut frames;
    // A first display of Accueil warms the renderer's caches (fonts), as the first frame
    // does in the window; it is not counted.
    open(f, garden, today, home::Home::new);
    measure(&mut out, f, at, "Accueil", home::Home::new, None);
    let search = Some(employees::SEARCH_ID);
    measure(&mut out, f, at, "Salariés", employees::Screen::new, search);
    let search = Some(harvests::list::SEARCH_ID);
    measure(&mut out, f, at, "Récoltes", harvests::Screen::new, search);
    let search = Some(members::ids::SEARCH);
    measure(&mut out, f, at, "Adhérents", members::Screen::new, search);
    measure(&mut out, f, at, "Paniers", week::Screen::new, None);
    measure_payments(&mut out, f, at);
    let search = Some(workshops::SEARCH_ID);
    measure(&mut out, f, at, "Ateliers", workshops::Screen::new, search);
    measure(&mut out, f, at, "Rapports", reports::Screen::new, None);
    measure(&mut out, f, at, "Paramètres", settings::Settings::new, None);
    out
}
