//! Benchmark (not a test): a year of weekly baskets for the ten-times demo garden
//! (~1,800 members), plus the members list, a member's coming baskets and the season calendar.
//!
//! `cargo run --release --example bench_members [-- SCALE]`

use std::time::{Duration, Instant};

use binette::domain::calendar::IsoWeek;
use binette::store::{self, demo, members, week};
use chrono::{Datelike, Local};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scale: u32 = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10);
    let conn = store::open_in_memory()?;
    let today = Local::now().date_naive();
    let start = Instant::now();
    demo::create_demo(&conn, scale, today)?;
    let rows = members::member_rows(&conn, today)?;
    let subs: i64 = conn.query_row("SELECT count(*) FROM subscription", [], |r| r.get(0))?;
    let absences: i64 = conn.query_row("SELECT count(*) FROM absence", [], |r| r.get(0))?;
    println!(
        "demo ×{scale}: {} members, {subs} subscriptions, {absences} absences ({:?})",
        rows.len(),
        start.elapsed()
    );

    let from = IsoWeek::new(today.year(), 1).ok_or("no week 1")?;
    let mut baskets = 0;
    let year = time(5, || {
        let plans = week::plan_weeks(&conn, from, 52).unwrap_or_default();
        baskets = plans.iter().map(|p| p.total_baskets()).sum::<i64>();
        plans
    });
    println!("a year of weekly baskets ({baskets} baskets): median {year:?} (target < 200 ms)");
    let one_by_one = time(3, || {
        (0..52)
            .map(|i| week::week_plan(&conn, from.plus_weeks(i)).map(|p| p.total_baskets()))
            .sum::<Result<i64, _>>()
    });
    println!("same, week by week with week_plan: median {one_by_one:?}");
    let list = time(9, || members::member_rows(&conn, today));
    println!("members list (all rows):          median {list:?}");
    let filter = members::MemberFilter {
        search: "mar".into(),
        ..members::MemberFilter::default()
    };
    let search = time(9, || members::filter_members(&rows, &filter).len());
    println!("search as you type (one key):     median {search:?}");
    let member = rows
        .iter()
        .find(|r| !r.depots.is_empty())
        .map_or(1, |r| r.member.id);
    let coming = time(9, || {
        week::coming_baskets(&conn, member, IsoWeek::of(today), 10)
    });
    println!("a member's coming 10 weeks:       median {coming:?}");
    let season = time(5, || week::season_calendar(&conn, today.year()));
    println!("season calendar of the year:      median {season:?}");
    Ok(())
}
