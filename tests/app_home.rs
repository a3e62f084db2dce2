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

/// A Wednesday depot, Petit at 12,50 €; from Monday 28 September 2026 Anne (1) and Bruno (2)
/// each get one basket a week: Wednesdays 30/09 and 07/10 before Thursday 8 October, 25,00 €
/// each. Anne paid 20,00 € (owes 5,00 €), Bruno nothing (owes 25,00 €), Chloé (3) has no
/// subscription (no line, no balance). `threshold`: the `debt_alert_cents` setting, if set.
fn owing(threshold: Option<&str>) -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2026-01-01', 1250);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno'), (3, 'Colin', 'Chloé');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-28', '2026-09-28'),
                    (2, 2, 1, 1, '2026-09-28', '2026-09-28');
         INSERT INTO payment (member_id, received_on, amount_cents, mode)
             VALUES (1, '2026-10-01', 2000, 'virement');",
    )
    .unwrap();
    if let Some(value) = threshold {
        store::settings::set(&conn, home::DEBT_ALERT_KEY, value).unwrap();
    }
    Garden::new(conn, "x.sqlite3".into())
}

fn listed(garden: &Garden) -> (i64, Vec<(String, i64)>) {
    let debts = home::debts(garden, NaiveDate::from_ymd_opt(2026, 10, 8).unwrap()).unwrap();
    let households = debts
        .households
        .into_iter()
        .map(|d| (d.name, d.owed))
        .collect();
    (debts.threshold, households)
}

#[test]
fn accueil_lists_the_households_owing_more_than_the_setting() {
    // Not set: 50,00 €; nobody owes that much.
    assert_eq!(listed(&owing(None)), (5000, vec![]));
    // 20,00 €: Bruno (25,00 €) only.
    assert_eq!(
        listed(&owing(Some("2000"))),
        (2000, vec![("BERNARD Bruno".into(), 2500)])
    );
    // Exactly 25,00 €: "more than", so nobody.
    assert_eq!(listed(&owing(Some("2500"))).1, vec![]);
    // 4,00 €: Bruno then Anne (5,00 €), most owed first.
    assert_eq!(
        listed(&owing(Some("400"))).1,
        vec![("BERNARD Bruno".into(), 2500), ("MARTIN Anne".into(), 500)]
    );
    // A setting that is not a number: the default.
    assert_eq!(listed(&owing(Some("beaucoup"))).0, 5000);
}
