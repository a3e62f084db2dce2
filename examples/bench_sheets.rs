//! The whole weekly print set: time to assemble the data, to render every PDF and to write
//! the files, per 1,000 members, and the process's peak memory.
//!
//! - `cargo run --release --example bench_sheets`: a made-up garden of 1,000 members in 20
//!   depots, in memory; best of 5 runs.
//! - `cargo run --release --example bench_sheets -- --db demo.sqlite3 [--week 2026-W48]`:
//!   one run on a garden file (e.g. made by `binette demo --scale 100`), each depot's next
//!   delivery unless a week is given, and the peak memory (VmHWM) of that one print job.

use std::path::{Path, PathBuf};
use std::time::Instant;

use binette::domain::calendar::IsoWeek;
use binette::report::weekly::render_print_set_each;
use binette::store::Connection;
use binette::store::output::StagedSet;
use binette::store::sheets::{PrintSet, next_print_set, print_set_data};

const MEMBERS: usize = 1_000;
const DEPOTS: usize = 20;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let week = value("--week")
        .map(|w| IsoWeek::parse(&w).ok_or("semaine illisible (2026-W48)"))
        .transpose()?;
    let out = std::env::temp_dir().join(format!("binette-bench-sheets-{}", std::process::id()));
    let result = match value("--db") {
        Some(db) => bench_file(Path::new(&db), week, &out),
        None => bench_synthetic(&out),
    };
    let _ = std::fs::remove_dir_all(&out);
    result
}

/// Milliseconds of (data, render, write) for one print job.
#[derive(Clone, Copy)]
struct Times {
    data: f64,
    render: f64,
    write: f64,
}

impl Times {
    fn total(&self) -> f64 {
        self.data + self.render + self.write
    }

    fn best(self, other: Times) -> Times {
        Times {
            data: self.data.min(other.data),
            render: self.render.min(other.render),
            write: self.write.min(other.write),
        }
    }
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// What one print job did: its times, the files written with their sizes, and the set's
/// members, depots and period.
struct Job {
    times: Times,
    files: Vec<(PathBuf, u64)>,
    members: usize,
    depots: usize,
    period: String,
}

/// One print job: read the set, render it, write it into `out`.
fn print_job(read: impl FnOnce() -> Result<PrintSet, Error>, out: &Path) -> Result<Job, Error> {
    let start = Instant::now();
    let set = read()?;
    let data = ms(start);
    let (members, depots, period) = (members_of(&set), set.depots.len(), set.period_label());
    // The print job as the window and `binette sheets` run it: each file staged as soon as
    // it is rendered, all put in place at the end. Time spent staging counts as writing.
    let start = Instant::now();
    let mut staging = 0.0;
    std::fs::create_dir_all(out)?;
    let mut staged = StagedSet::new(out);
    render_print_set_each(&set, |file| {
        let start = Instant::now();
        let result = staged.stage(&file.name, &file.bytes);
        staging += ms(start);
        result.map_err(|e| Box::new(e) as Error)
    })?;
    let render = ms(start) - staging;
    let start = Instant::now();
    let written = staged.commit()?;
    let write = staging + ms(start);
    let sizes = written
        .into_iter()
        .map(|p| {
            let len = std::fs::metadata(&p).map_or(0, |m| m.len());
            (p, len)
        })
        .collect();
    Ok(Job {
        times: Times {
            data,
            render,
            write,
        },
        files: sizes,
        members,
        depots,
        period,
    })
}

fn members_of(set: &PrintSet) -> usize {
    set.depots.iter().map(|d| d.rows.len()).sum()
}

fn report(job: &Job, t: Times) {
    let (members, depots, files) = (job.members, job.depots, &job.files);
    let per = 1000.0 / members.max(1) as f64;
    println!(
        "{members} adhérents, {depots} dépôts, {} fichiers",
        files.len()
    );
    println!("              total     par 1 000 adhérents");
    for (label, v) in [
        ("données", t.data),
        ("rendu PDF", t.render),
        ("écriture", t.write),
        ("total", t.total()),
    ] {
        println!("  {label:<10} {v:>8.1} ms {:>10.1} ms", v * per);
    }
    println!("  (objectif : ≤ 27 ms par 1 000 adhérents)");
    let total: u64 = files.iter().map(|(_, n)| n).sum();
    for (path, len) in files.iter().take(3) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!("  {name:<45} {len:>9} octets");
    }
    println!("  … {total} octets en tout");
}

fn bench_file(db: &Path, week: Option<IsoWeek>, out: &Path) -> Result<(), Error> {
    let conn = binette::store::open_read_only(db)?;
    let before = peak_kb();
    let today = chrono::Local::now().date_naive();
    let read = || -> Result<PrintSet, Error> {
        let set = match week {
            Some(w) => print_set_data(&conn, w)?,
            None => next_print_set(&conn, today)?,
        };
        Ok(set.ok_or("pas de livraison")?)
    };
    let job = print_job(read, out)?;
    println!("{} : {}", db.display(), job.period);
    report(&job, job.times);
    println!(
        "  mémoire au pic (VmHWM) : {:.0} Mo (avant le travail : {:.0} Mo ; objectif < 150 Mo)",
        peak_kb() as f64 / 1024.0,
        before as f64 / 1024.0
    );
    Ok(())
}

/// The process's peak resident memory in KiB (Linux; 0 elsewhere).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn bench_synthetic(out: &Path) -> Result<(), Error> {
    let conn = synthetic_garden()?;
    let week = IsoWeek::new(2026, 48).ok_or("semaine")?;
    let read = || -> Result<PrintSet, Error> { Ok(print_set_data(&conn, week)?.ok_or("vide")?) };
    let mut job = print_job(read, out)?;
    let mut best = job.times;
    for _ in 0..4 {
        job = print_job(read, out)?;
        best = best.best(job.times);
    }
    println!("Semaine {week}, meilleur de 5 essais");
    report(&job, best);
    Ok(())
}

fn synthetic_garden() -> Result<Connection, Error> {
    let conn = binette::store::open_in_memory()?;
    let first = [
        "Élodie",
        "Zoé",
        "François",
        "Hélène",
        "Noël",
        "Jérôme",
        "Aïcha",
        "Luc",
    ];
    let last = [
        "Lefèvre", "N'Diaye", "Müller", "Étienne", "Dupont", "Garçon", "Œuvray",
    ];
    let mut sql = String::from(
        "BEGIN;
         INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin de Cocagne des Prés');
         INSERT INTO basket_size (id, name, persons, position) VALUES
             (1, 'Petit', '2 personnes', 1), (2, 'Grand', '4 personnes', 2),
             (3, 'Familial', '6 personnes', 3);
         INSERT INTO crop (id, name) VALUES (1, 'Poireau'), (2, 'Carotte'), (3, 'Mâche'),
             (4, 'Courge'), (5, 'Céleri-rave'), (6, 'Chou');",
    );
    for d in 0..DEPOTS {
        sql.push_str(&format!(
            "INSERT INTO depot (id, name, address, postcode, city, weekday, slot_start, slot_end)
             VALUES ({}, 'Dépôt n° {} – Salle des fêtes', '{} rue de l''Église', '25000', 'Besançon', {}, '17:00', '19:00');",
            d + 1,
            d + 1,
            d + 1,
            d % 5 + 1
        ));
    }
    for m in 0..MEMBERS {
        sql.push_str(&format!(
            "INSERT INTO member (id, last_name, first_name, phone) VALUES ({id}, '{} {m}', '{}', '06 12 34 56 78');
             INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES ({id}, {}, {}, {}, '2026-01-01', '2025-12-29');",
            last[m % last.len()].replace('\'', "''"),
            first[m % first.len()],
            m % 3 + 1,
            m % DEPOTS + 1,
            1 + (m % 17 == 0) as usize,
            id = m + 1,
        ));
        if m % 23 == 0 {
            sql.push_str(&format!(
                "INSERT INTO absence (member_id, start_date, end_date, mode)
                 VALUES ({}, '2026-11-20', '2026-11-30', 'non_prepare');",
                m + 1
            ));
        }
    }
    for size in 1..=3 {
        for crop in 1..=6 {
            sql.push_str(&format!(
                "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
                 VALUES ('2026-11-23', {size}, {crop}, {}, 'kg');",
                0.5 * size as f64
            ));
        }
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql)?;
    Ok(conn)
}
