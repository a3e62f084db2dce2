//! Benchmark (not a test): filter-as-you-type on the big lists of the window. For each list
//! (Adhérents, Salariés, Récoltes, Paiements, Ateliers), opens its screen on a demo garden as
//! the window does, then types a word letter by letter and times what one keystroke costs:
//! the screen's `update` (filtering), its `view` (building the widget tree), and the layout
//! and drawing of that tree by iced's headless renderer (tiny-skia), as a frame would.
//!
//! `cargo run --release --example bench_lists -- --scale 100 [--word mar] [--runs 5]`, or
//! `-- --db FILE` for an existing garden (`binette demo --years 10 --db FILE`).
//!
//! The demo garden is made once per scale in the temporary folder and reused.

#[path = "bench/drive.rs"]
mod drive;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use binette::app::Garden;
use binette::ui::screen::{Context, Screen};
use binette::ui::{employees, harvests, members, payments, theme, workshops};
use chrono::{Local, NaiveDate};
use drive::{run, settle};
use iced::{Element, Size, Task, Theme};
use iced_runtime::user_interface::{Cache, UserInterface};

/// What one keystroke costs on one list (medians over every keystroke of every run).
#[derive(Debug, Clone)]
pub struct ListCost {
    /// The list's name, as the sidebar says it.
    pub list: &'static str,
    /// Rows the list holds before any search.
    pub rows: usize,
    /// The screen's `update` for the keystroke (the filtering).
    pub update: Duration,
    /// Building the screen's `view` (the widget tree).
    pub view: Duration,
    /// Laying the tree out in a 1366×768 window, with the previous frame's cache.
    pub layout: Duration,
    /// Drawing the laid-out tree (primitives recorded, not rasterised).
    pub draw: Duration,
    /// The median of the four together, per keystroke.
    pub total: Duration,
}

/// The demo garden at `scale`, made once in the temporary folder and reused afterwards.
pub fn demo_garden(scale: u32, today: NaiveDate) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join(format!("binette-bench-lists-x{scale}.sqlite3"));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let conn = binette::store::open(&partial)?;
        binette::store::demo::create_demo(&conn, scale, today)?;
        drop(conn);
        std::fs::rename(&partial, &path)?;
    }
    Ok(path)
}

/// Lays out and draws frames as the window would, keeping the cache between frames.
struct Frames {
    renderer: iced::Renderer,
    cache: Option<Cache>,
}

impl Frames {
    fn new() -> Self {
        use iced_test::core::renderer::Headless;
        let font_system = iced_test::renderer::graphics::text::font_system();
        if let Ok(mut fonts) = font_system.write() {
            fonts.load_font(theme::FONT_REGULAR.into());
            fonts.load_font(theme::FONT_BOLD.into());
        }
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            theme::FONT,
            iced::Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("a headless tiny-skia renderer");
        Frames {
            renderer,
            cache: None,
        }
    }

    /// Lays out and draws `element`: (layout, draw) durations.
    fn frame<M>(&mut self, element: Element<'_, M>) -> (Duration, Duration) {
        let start = Instant::now();
        let cache = self.cache.take().unwrap_or_default();
        let mut ui =
            UserInterface::build(element, Size::new(1366.0, 768.0), cache, &mut self.renderer);
        let layout = start.elapsed();
        let start = Instant::now();
        let style = iced_test::core::renderer::Style {
            text_color: iced::Color::BLACK,
        };
        ui.draw(
            &mut self.renderer,
            &Theme::Light,
            &style,
            iced::mouse::Cursor::Unavailable,
        );
        let draw = start.elapsed();
        self.cache = Some(ui.into_cache());
        (layout, draw)
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// Types `word` letter by letter into `screen` (each prefix sent by `search`), then erases it
/// the same way, `runs` times, timing each keystroke.
fn keystrokes<S: Screen>(
    list: &'static str,
    rows: usize,
    (screen, context): (&mut S, &Context),
    search: impl Fn(String) -> S::Message,
    word: &str,
    runs: usize,
) -> ListCost
where
    S::Message: Send + 'static,
{
    let mut frames = Frames::new();
    let _ = frames.frame(screen.view());
    let mut typed: Vec<String> = (1..=word.chars().count())
        .map(|n| word.chars().take(n).collect())
        .collect();
    let erased: Vec<String> = typed
        .iter()
        .rev()
        .skip(1)
        .cloned()
        .chain([String::new()])
        .collect();
    typed.extend(erased);
    let mut samples: [Vec<Duration>; 5] = Default::default();
    for _ in 0..runs {
        for text in &typed {
            let start = Instant::now();
            settle(screen, context, vec![search(text.clone())]);
            let update = start.elapsed();
            let start = Instant::now();
            let element = screen.view();
            let view = start.elapsed();
            let (layout, draw) = frames.frame(element);
            for (i, d) in [update, view, layout, draw, update + view + layout + draw]
                .into_iter()
                .enumerate()
            {
                samples[i].push(d);
            }
        }
    }
    let [update, view, layout, draw, total] = samples.map(median);
    ListCost {
        list,
        rows,
        update,
        view,
        layout,
        draw,
        total,
    }
}

/// Opens a screen with `new` and applies what its loading sends, plus `setup` (a tab, a
/// period) as a user would choose.
fn open<S: Screen>(
    context: &Context,
    new: impl FnOnce(&Context) -> (S, Task<S::Message>),
    setup: Vec<S::Message>,
) -> S
where
    S::Message: Send + 'static,
{
    let (mut screen, task) = new(context);
    for message in run(task).into_iter().chain(setup) {
        settle(&mut screen, context, vec![message]);
    }
    screen
}

/// Counts the rows of `table` in the garden at `db`.
fn count(db: &Path, table: &str) -> usize {
    let Ok(conn) = binette::store::open(db) else {
        return 0;
    };
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
        r.get::<_, i64>(0)
    })
    .map_or(0, |n| usize::try_from(n).unwrap_or(0))
}

/// Filter-as-you-type on each big list of the garden at `db` (opened on `today`): `word`
/// typed then erased letter by letter, `runs` times. The lists are opened as their screens
/// open them; Récoltes shows the whole season, Ateliers every session, Paiements its
/// « Paiements » tab.
pub fn measure_lists(
    db: &Path,
    today: NaiveDate,
    word: &str,
    runs: usize,
) -> Result<Vec<ListCost>, Box<dyn std::error::Error>> {
    let garden = Garden::new(binette::store::open(db)?, db.to_path_buf());
    let context = Context::new(garden, today);
    let mut costs = Vec::new();

    let mut screen = open(&context, members::Screen::new, vec![]);
    let search = |t| members::Message::List(members::list::Message::Search(t));
    let rows = count(db, "member");
    costs.push(keystrokes(
        "Adhérents",
        rows,
        (&mut screen, &context),
        search,
        word,
        runs,
    ));
    drop(screen);

    let all = employees::list::Message::Filter(binette::domain::employees::StatusFilter::All);
    let mut screen = open(
        &context,
        employees::Screen::new,
        vec![employees::Message::List(all)],
    );
    let search = |t| employees::Message::List(employees::list::Message::Search(t));
    let rows = count(db, "employee");
    costs.push(keystrokes(
        "Salariés",
        rows,
        (&mut screen, &context),
        search,
        word,
        runs,
    ));
    drop(screen);

    let season = harvests::Message::Period(binette::domain::harvest_query::Period::Season);
    let mut screen = open(&context, harvests::Screen::new, vec![season]);
    let search = |t| harvests::Message::Filter(harvests::list::FilterField::Search, t);
    let rows = count(db, "harvest");
    costs.push(keystrokes(
        "Récoltes",
        rows,
        (&mut screen, &context),
        search,
        word,
        runs,
    ));
    drop(screen);

    let tab = payments::Message::TabChosen(payments::Tab::Payments);
    let mut screen = open(&context, payments::Screen::new, vec![tab]);
    let rows = count(db, "payment");
    costs.push(keystrokes(
        "Paiements",
        rows,
        (&mut screen, &context),
        payments::Message::Search,
        word,
        runs,
    ));
    drop(screen);

    let every = workshops::Message::PeriodFilter(binette::domain::workshops::Period::All);
    let mut screen = open(&context, workshops::Screen::new, vec![every]);
    let rows = count(db, "workshop_session");
    costs.push(keystrokes(
        "Ateliers",
        rows,
        (&mut screen, &context),
        workshops::Message::Search,
        word,
        runs,
    ));
    Ok(costs)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let scale: u32 = value("--scale")
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10);
    let word = value("--word").unwrap_or_else(|| "mar".into());
    let runs: usize = value("--runs").map(|s| s.parse()).transpose()?.unwrap_or(5);
    let today = Local::now().date_naive();
    let start = Instant::now();
    let db = match value("--db") {
        Some(path) => PathBuf::from(path),
        None => demo_garden(scale, today)?,
    };
    println!("jardin : {} ({:?})", db.display(), start.elapsed());
    let costs = measure_lists(&db, today, &word, runs)?;
    println!("« {word} » typed then erased, {runs} times; medians per keystroke, ms");
    println!(
        "{:<10} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "liste", "lignes", "update", "view", "layout", "draw", "total"
    );
    for c in &costs {
        println!(
            "{:<10} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
            c.list,
            c.rows,
            ms(c.update),
            ms(c.view),
            ms(c.layout),
            ms(c.draw),
            ms(c.total)
        );
    }
    Ok(())
}
