//! Benchmark (not a test): what each screen reads when it first displays, and what opening
//! the garden costs before the first frame, timed on the use cases the window calls.
//!
//! `cargo run --release --example bench_loads -- --db FILE` (an existing garden; it is
//! opened for writing, as the window does, but nothing is changed when its schema is
//! current) or `-- --scale N` (a `binette demo --scale N` garden made in a temporary folder).
//! `--runs R` sets how many times each load runs (median shown, 7 by default), `--only
//! WORD` keeps the loads whose screen or description holds WORD (`--only Récoltes`),
//! `--no-startup` skips the opening.
//!
//! [`screen_loads`] and [`startup`] hold the measurement, reusable by another benchmark.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use binette::app::{self, Garden};
use binette::domain::activity::SectionChoice;
use binette::domain::harvest_query::{Period, Seasons};
use binette::store;
use chrono::{Datelike, Local, NaiveDate};
use rusqlite::OptionalExtension;

type Job = Box<dyn Fn(&Garden) -> app::Result<()>>;

/// One load a screen runs when it first displays: the screen, what it reads, the work.
pub struct Load {
    /// The screen ("Accueil", "Adhérents"…).
    pub screen: &'static str,
    /// What is read ("tableau de bord", "compte d'un foyer"…).
    pub what: &'static str,
    job: Job,
}

/// A load's timing: its median over the runs, and the slowest run.
pub struct Timing {
    /// The screen.
    pub screen: &'static str,
    /// What was read.
    pub what: &'static str,
    /// Median of the runs.
    pub median: Duration,
    /// Slowest run (the first one is often colder).
    pub max: Duration,
}

fn load(
    screen: &'static str,
    what: &'static str,
    job: impl Fn(&Garden) -> app::Result<()> + 'static,
) -> Load {
    Load {
        screen,
        what,
        job: Box::new(job),
    }
}

/// The people and periods the loads of one item need: the busiest household (most basket
/// lines), the employee with the most paths, the funder funding the most subscriptions.
#[derive(Debug, Clone, Copy)]
pub struct Subjects {
    /// Today, as the window sees it.
    pub today: NaiveDate,
    /// A household.
    pub member: Option<i64>,
    /// An employee.
    pub employee: Option<i64>,
    /// A funder.
    pub funder: Option<i64>,
}

impl Subjects {
    /// Reads the subjects from the garden at `path` (a read-only look).
    pub fn find(path: &Path, today: NaiveDate) -> Result<Subjects, Box<dyn std::error::Error>> {
        let conn = store::open_read_only(path)?;
        let one = |sql: &str| -> rusqlite::Result<Option<i64>> {
            conn.query_row(sql, [], |r| r.get(0)).optional()
        };
        Ok(Subjects {
            today,
            member: one(
                "SELECT s.member_id FROM pickup p JOIN subscription s ON s.id = p.subscription_id
                 GROUP BY s.member_id ORDER BY count(*) DESC LIMIT 1",
            )?
            .or(one("SELECT id FROM member ORDER BY id LIMIT 1")?),
            employee: one(
                "SELECT e.id FROM employee e LEFT JOIN path p ON p.employee_id = e.id
                 GROUP BY e.id ORDER BY count(p.id) DESC, e.id LIMIT 1",
            )
            .or_else(|_| one("SELECT id FROM employee ORDER BY id LIMIT 1"))?,
            funder: one(
                "SELECT f.id FROM funder f LEFT JOIN solidarity_terms_funding t ON t.funder_id = f.id
                 GROUP BY f.id ORDER BY count(t.terms_id) DESC, f.id LIMIT 1",
            )
            .or_else(|_| one("SELECT id FROM funder ORDER BY id LIMIT 1"))?,
        })
    }
}

/// Accueil's loads: the dashboard, the first steps, the phones setting, the unticked weeks,
/// the debts and the privacy reminder (all started together when Accueil opens).
fn home_loads(s: Subjects) -> Vec<Load> {
    let today = s.today;
    vec![
        load("Accueil", "tableau de bord", move |g| {
            app::home::dashboard(g, today).map(drop)
        }),
        load("Accueil", "premiers pas", |g| {
            app::home::first_steps(g).map(drop)
        }),
        load("Accueil", "téléphones (réglage)", |g| {
            app::week::phones_setting(g);
            Ok(())
        }),
        load("Accueil", "émargements à saisir", move |g| {
            app::home::unticked_weeks(g, today).map(drop)
        }),
        load("Accueil", "impayés", move |g| {
            app::home::debts(g, today).map(drop)
        }),
        load("Accueil", "rappel conservation", move |g| {
            app::privacy::retention::reminder(g, today).map(drop)
        }),
    ]
}

/// Salariés, Récoltes and Ateliers.
fn staff_loads(s: Subjects) -> Vec<Load> {
    let today = s.today;
    let mut loads = vec![
        load("Salariés", "liste", move |g| {
            app::employees::rows(g, today).map(drop)
        }),
        load("Salariés", "choix (encadrants, thèmes)", |g| {
            app::employees::choices(g).map(drop)
        }),
    ];
    if let Some(id) = s.employee {
        loads.push(load("Salariés", "dossier d'un salarié", move |g| {
            app::employees::file(g, id).map(drop)
        }));
    }
    loads.push(load(
        "Récoltes",
        "récoltes de la saison affichée",
        move |g| {
            // The screen opens on the week of today and reads its season(s).
            let (from, to) = Period::Week.range(today);
            app::harvests::load(g, Seasons::covering(from, to)).map(drop)
        },
    ));
    loads.push(load("Ateliers", "séances et listes", move |g| {
        app::workshops::lists(g, today).map(drop)
    }));
    loads
}

/// Adhérents (the lists, a household's page and account, the calendar, the funders'
/// invoices) and Paniers.
fn member_loads(s: Subjects) -> Vec<Load> {
    let today = s.today;
    let mut loads = vec![load("Adhérents", "liste et soldes", move |g| {
        app::members::load_base(g, today).map(drop)
    })];
    if let Some(id) = s.member {
        loads.push(load("Adhérents", "fiche d'un foyer", move |g| {
            app::members::load_page(g, id, today).map(drop)
        }));
        loads.push(load("Adhérents", "compte d'un foyer", move |g| {
            app::payments::household::account(g, id, today).map(drop)
        }));
    }
    loads.push(load("Adhérents", "calendrier de la saison", move |g| {
        app::members::load_calendar(g, today.year()).map(drop)
    }));
    loads.push(load("Adhérents", "factures des financeurs", move |g| {
        app::payments::invoices::overview(g, today).map(drop)
    }));
    loads.push(load("Paniers", "semaine suivante", move |g| {
        app::week::next_week(g, today).map(drop)
    }));
    loads.push(load("Paniers", "semaines à venir", move |g| {
        app::exports::coming_weeks(g, today).map(drop)
    }));
    loads
}

/// Paiements, Rapports, Paramètres and a funder's statement.
fn office_loads(s: Subjects) -> Vec<Load> {
    let today = s.today;
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let mut loads = vec![
        load("Paiements", "chèques à remettre", move |g| {
            app::payments::remittance::due_cheques(g, today).map(drop)
        }),
        load("Paiements", "bordereaux (nombres et totaux)", |g| {
            app::payments::remittance::slip_lines(g).map(drop)
        }),
        load("Paiements", "paiements de l'année", move |g| {
            app::payments::exports::payment_rows_in(g, Some(today.year())).map(drop)
        }),
        load("Paiements", "paiements, toutes les années", |g| {
            app::payments::exports::payment_rows(g).map(drop)
        }),
        load("Rapports", "bilan de l'année (données)", move |g| {
            let now = Local::now().naive_local();
            app::reports::document(g, year_start, today, SectionChoice::ALL, now).map(drop)
        }),
        load("Paramètres", "identité et sauvegardes", |g| {
            app::settings::load(g).map(drop)
        }),
        load("Paramètres", "conservation (échus)", move |g| {
            app::privacy::retention::load(g, today).map(drop)
        }),
        load("Paramètres", "comptabilité", |g| {
            app::payments::accounting::load_accounting(g).map(drop)
        }),
        load("Paramètres", "feuilles (téléphones, dossier)", |g| {
            app::settings::show_phones(g)?;
            app::settings::sheets_folder(g).map(drop)
        }),
    ];
    if let Some(funder) = s.funder {
        loads.push(load(
            "Financeurs",
            "relevé de l'année (données)",
            move |g| {
                let now = Local::now().naive_local();
                app::reports::funder_statement(g, funder, year_start, today, now).map(drop)
            },
        ));
    }
    loads
}

/// Every screen's first loads, in the sidebar's order.
pub fn all_loads(subjects: Subjects) -> Vec<Load> {
    let mut loads = home_loads(subjects);
    loads.extend(staff_loads(subjects));
    loads.extend(member_loads(subjects));
    loads.extend(office_loads(subjects));
    loads
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs every load (those whose screen or `what` holds `only`, when given) `runs` times on `garden`
/// and answers their timings; a load that fails
/// stops the measurement with its error.
pub fn screen_loads(
    garden: &Garden,
    subjects: Subjects,
    runs: usize,
    only: Option<&str>,
) -> app::Result<Vec<Timing>> {
    let mut timings = Vec::new();
    let chosen = |load: &Load| {
        only.is_none_or(|word| load.screen.contains(word) || load.what.contains(word))
    };
    for load in all_loads(subjects).into_iter().filter(chosen) {
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            (load.job)(garden)?;
            samples.push(start.elapsed());
        }
        let max = samples.iter().copied().max().unwrap_or_default();
        timings.push(Timing {
            screen: load.screen,
            what: load.what,
            median: median(samples),
            max,
        });
    }
    Ok(timings)
}

/// What opening the garden costs before the window can show it, step by step (each step
/// timed alone on a fresh process' file cache state, the first run excluded by the median).
pub fn startup(
    path: &Path,
    runs: usize,
) -> Result<Vec<(String, Duration)>, Box<dyn std::error::Error>> {
    let mut steps: Vec<(String, Vec<Duration>)> = Vec::new();
    let mut record = |name: &str, took: Duration| match steps.iter_mut().find(|(n, _)| n == name) {
        Some((_, samples)) => samples.push(took),
        None => steps.push((name.to_owned(), vec![took])),
    };
    let today = Local::now().date_naive();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        store::inspect(path)?;
        record("inspect (en-tête, quick_check)", start.elapsed());
        let start = Instant::now();
        let conn = store::open(path)?;
        record("store::open (contrôles, migrations)", start.elapsed());
        let start = Instant::now();
        store::integrity_check(&conn)?;
        record("integrity_check complet (pour mémoire)", start.elapsed());
        drop(conn);
        let start = Instant::now();
        let opened = app::opening::open_garden(
            path.to_path_buf(),
            app::opening::Preparation::Nothing,
            today,
        )?;
        record(
            "open_garden (tout, sauvegarde du jour faite)",
            start.elapsed(),
        );
        if let Some(problem) = &opened.backup_problem {
            eprintln!("sauvegarde : {problem}");
        }
        drop(opened);
    }
    Ok(steps
        .into_iter()
        .map(|(name, samples)| (name, median(samples)))
        .collect())
}

/// Prints the timings as a table; loads over `limit` are marked.
pub fn print_table(timings: &[Timing], limit: Duration) {
    println!(
        "{:<12} {:<34} {:>10} {:>10}",
        "écran", "lecture", "médiane", "max"
    );
    for t in timings {
        let flag = if t.median > limit { "  > limite" } else { "" };
        println!(
            "{:<12} {:<34} {:>8.1}ms {:>8.1}ms{flag}",
            t.screen,
            t.what,
            t.median.as_secs_f64() * 1000.0,
            t.max.as_secs_f64() * 1000.0,
        );
    }
}

struct Options {
    db: Option<PathBuf>,
    scale: u32,
    runs: usize,
    only: Option<String>,
    no_startup: bool,
}

fn options() -> Result<Options, Box<dyn std::error::Error>> {
    let mut options = Options {
        db: None,
        scale: 10,
        runs: 7,
        only: None,
        no_startup: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} attend une valeur"));
        match arg.as_str() {
            "--db" => options.db = Some(PathBuf::from(value()?)),
            "--scale" => options.scale = value()?.parse()?,
            "--runs" => options.runs = value()?.parse()?,
            "--only" => options.only = Some(value()?),
            "--no-startup" => options.no_startup = true,
            other => return Err(format!("option inconnue : {other}").into()),
        }
    }
    Ok(options)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = options()?;
    let today = Local::now().date_naive();
    let temp = std::env::temp_dir().join(format!("binette-bench-loads-{}", std::process::id()));
    let path = match &options.db {
        Some(path) => path.clone(),
        None => {
            std::fs::create_dir_all(&temp)?;
            let path = temp.join("demo.sqlite3");
            let start = Instant::now();
            store::demo::create_demo(&store::open(&path)?, options.scale, today)?;
            println!("démo ×{} créée en {:?}", options.scale, start.elapsed());
            path
        }
    };
    let size = std::fs::metadata(&path)?.len();
    println!("{} ({} Mio)", path.display(), size / (1024 * 1024));
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "{cpus} cœurs ; {} exécutions par mesure (médiane)\n",
        options.runs
    );

    if !options.no_startup {
        println!("Ouverture, avant la première image :");
        for (step, took) in startup(&path, options.runs.min(5))? {
            println!("  {step:<48} {:>8.1}ms", took.as_secs_f64() * 1000.0);
        }
        println!();
    }

    let subjects = Subjects::find(&path, today)?;
    let garden = Garden::new(store::open(&path)?, path.clone());
    let timings = screen_loads(&garden, subjects, options.runs, options.only.as_deref())?;
    print_table(&timings, Duration::from_millis(100));
    if options.db.is_none() {
        drop(garden);
        std::fs::remove_dir_all(&temp)?;
    }
    Ok(())
}
