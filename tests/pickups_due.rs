//! Pickups never ticked: listed per week and depot, and ticked in one go (absent excepted).
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::baskets::PickupStatus;
use binette::domain::calendar::IsoWeek;
use binette::store::distribution::{mark_all_collected, pickups_of_week, unticked_weeks};
use binette::store::{Connection, open_in_memory};
use binette::ui::home::{Home, Message};
use chrono::NaiveDate;
use common::run;

/// (depot name, households, baskets).
type DepotLine<'a> = (&'a str, usize, i64);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Thursday depot Mairie (1), Monday depot Moulin (2). At the Mairie: Anne (1 Petit), Zoé
/// (2 Petits, away 16–22 November with her baskets donated), Paul (away, not prepared); at
/// the Moulin: Luc. Everything runs from 2 November 2026; week 46 (Thursday 12 November) is
/// ticked at the Mairie, nothing else is.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 4), (2, 'Moulin', 1);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Zimmer', 'Zoé'), (3, 'Petit', 'Paul'), (4, 'Leroy', 'Luc');
         INSERT INTO subscription (id, member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, 1, '2026-11-02', '2026-11-02'), (2, 2, 1, 1, 2, '2026-11-02', '2026-11-02'),
                    (3, 3, 1, 1, 1, '2026-11-02', '2026-11-02'), (4, 4, 1, 2, 1, '2026-11-02', '2026-11-02');
         INSERT INTO absence (member_id, start_date, end_date, mode) VALUES
             (2, '2026-11-16', '2026-11-22', 'donne'), (3, '2026-11-16', '2026-11-22', 'non_prepare');
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-11-09', 1, 1, 'retire'), ('2026-11-09', 2, 2, 'retire'),
             ('2026-11-09', 3, 1, 'non_retire');",
    )
    .unwrap();
    conn
}

#[test]
fn weeks_never_ticked_are_listed_and_ticked_in_one_go() {
    let conn = garden();
    // Friday 20 November 2026: deliveries before it are Mondays 2, 9, 16 (Moulin) and
    // Thursdays 5, 12, 19 (Mairie); the Mairie's week 46 is ticked.
    let weeks = unticked_weeks(&conn, d(2026, 11, 20)).unwrap();
    let listed: Vec<(u32, Vec<DepotLine>)> = weeks
        .iter()
        .map(|w| {
            (
                w.week.week(),
                w.depots
                    .iter()
                    .map(|d| (d.name.as_str(), d.households, d.baskets))
                    .collect(),
            )
        })
        .collect();
    // W45: Mairie Anne 1 + Zoé 2 + Paul 1 = 4 baskets for 3 households; Moulin Luc 1.
    // W46: Moulin only. W47: Moulin (Monday 16), Mairie (Thursday 19): Anne only — Zoé's
    // baskets are donated, Paul's not prepared.
    assert_eq!(
        listed,
        [
            (45, vec![("Moulin", 1, 1), ("Mairie", 3, 4)]),
            (46, vec![("Moulin", 1, 1)]),
            (47, vec![("Moulin", 1, 1), ("Mairie", 1, 1)]),
        ]
    );

    let w47 = IsoWeek::new(2026, 47).unwrap();
    // Anne collected; Zoé's 2 baskets given away; nothing for Paul.
    assert_eq!(mark_all_collected(&conn, w47, 1).unwrap(), 2);
    let recorded: Vec<(i64, i64, PickupStatus)> = pickups_of_week(&conn, w47.monday())
        .unwrap()
        .iter()
        .map(|p| (p.subscription_id, p.baskets, p.status))
        .collect();
    assert_eq!(
        recorded,
        [
            (1, 1, PickupStatus::Collected),
            (2, 2, PickupStatus::Donated)
        ]
    );
    // Already ticked lines stay as they are: nothing more to record.
    assert_eq!(mark_all_collected(&conn, w47, 1).unwrap(), 0);
    let weeks = unticked_weeks(&conn, d(2026, 11, 20)).unwrap();
    assert_eq!(
        weeks.last().unwrap().depots.len(),
        1,
        "only the Moulin left in W47"
    );
}

#[test]
fn accueil_lists_the_weeks_and_ticks_a_depot() {
    let conn = garden();
    let db = Garden::new(conn, "memoire.sqlite3".into());
    let (mut home, task) = Held::open(&db, d(2026, 11, 20), Home::new);
    let mut queue: Vec<Message> = run(task);
    while let Some(m) = queue.pop() {
        queue.extend(run(home.update(m)));
    }
    let shows =
        |home: &Held<Home>, label: &str| iced_test::simulator(home.view()).find(label).is_ok();
    assert!(shows(&home, "Émargements à saisir"));
    assert!(shows(&home, "Semaine 45 — 2 dépôts"));
    assert!(shows(&home, "Semaine 47 — 2 dépôts"));
    let w47 = IsoWeek::new(2026, 47).unwrap();
    let mut queue = vec![Message::Pickups(
        binette::ui::home_pickups::Message::MarkCollected(w47, 1),
    )];
    while let Some(m) = queue.pop() {
        queue.extend(run(home.update(m)));
    }
    assert!(shows(
        &home,
        "Mairie : 2 émargement(s) enregistré(s), absents exceptés."
    ));
    assert!(shows(&home, "Semaine 47 — 1 dépôt"));
}
