//! Accueil's use cases without the window: the week at a glance, the first steps, and the
//! pickups never ticked, ticked in one go (refused on a garden open read-only).

#![allow(clippy::unwrap_used)]

use binette::app::home;
use binette::app::{Error, Garden};
use binette::domain::calendar::IsoWeek;
use binette::store::{self, Connection, StoreError};
use chrono::NaiveDate;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

/// Thursday depot Mairie (1), Monday depot Moulin (2), one Petit basket each for Anne (at
/// the Mairie) and Luc (at the Moulin) from Monday 2 November 2026; nothing ticked.
fn connection() -> Connection {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 4), (2, 'Moulin', 1);
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne'), (2, 'Leroy', 'Luc');
         INSERT INTO subscription (id, member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, 1, '2026-11-02', '2026-11-02'), (2, 2, 1, 2, 1, '2026-11-02', '2026-11-02');",
    )
    .unwrap();
    conn
}

#[test]
fn the_week_at_a_glance_counts_the_next_deliveries() {
    let garden = Garden::new(connection(), "x.sqlite3".into());
    // Friday 20 November: next deliveries Monday 23 (Moulin) and Thursday 26 (Mairie), one
    // Petit each: 1 + 1 = 2 baskets of the one size.
    let dashboard = home::dashboard(&garden, d(11, 20)).unwrap();
    assert_eq!(dashboard.today, d(11, 20));
    assert_eq!(dashboard.sizes, ["Petit"]);
    assert_eq!(dashboard.totals, [2]);
    assert_eq!(dashboard.depots.len(), 2);
    assert_eq!(dashboard.members.active_members, 2);
}

#[test]
fn the_first_steps_tick_themselves() {
    let empty = Garden::new(store::open_in_memory().unwrap(), "x.sqlite3".into());
    let steps = home::first_steps(&empty).unwrap();
    assert!(!steps.named && !steps.depots && !steps.members && !steps.printed);
    let garden = Garden::new(connection(), "x.sqlite3".into());
    let steps = home::first_steps(&garden).unwrap();
    assert!(steps.depots && steps.members);
    // The Petit basket has no price yet: « formats de panier et leurs prix » is not done.
    assert!(!steps.sizes);
    assert!(!steps.printed);
}

#[test]
fn pickups_never_ticked_are_listed_then_ticked_in_one_go() {
    let garden = Garden::new(connection(), "x.sqlite3".into());
    // Friday 20 November: deliveries before it are Mondays 2, 9, 16 (Moulin) and Thursdays
    // 5, 12, 19 (Mairie), weeks 45 to 47, none ticked: each week lists both depots.
    let weeks = home::unticked_weeks(&garden, d(11, 20)).unwrap();
    let listed: Vec<(u32, usize)> = weeks
        .iter()
        .map(|w| (w.week.week(), w.depots.len()))
        .collect();
    assert_eq!(listed, [(45, 2), (46, 2), (47, 2)]);
    // The Mairie in week 47: Anne's one line; week 47 then lists the Moulin only.
    let w47 = IsoWeek::new(2026, 47).unwrap();
    let marked = home::mark_all_collected(&garden, w47, 1, d(11, 20)).unwrap();
    assert_eq!(marked.lines, 1);
    let listed: Vec<(u32, usize)> = marked
        .weeks
        .iter()
        .map(|w| (w.week.week(), w.depots.len()))
        .collect();
    assert_eq!(listed, [(45, 2), (46, 2), (47, 1)]);
}

#[test]
fn a_garden_open_read_only_ticks_nothing() {
    // The connection itself could write: only the garden's own check refuses.
    let garden = Garden::new_read_only(connection(), "x.sqlite3".into());
    let w47 = IsoWeek::new(2026, 47).unwrap();
    let refused = home::mark_all_collected(&garden, w47, 1, d(11, 20)).unwrap_err();
    assert!(
        matches!(refused, Error::Store(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    let weeks = home::unticked_weeks(&garden, d(11, 20)).unwrap();
    assert_eq!(weeks.last().unwrap().depots.len(), 2, "week 47 untouched");
}
