//! The week's distribution plan loaded from a database filled with plain SQL.
#![allow(clippy::unwrap_used, clippy::too_many_arguments)]

use std::collections::BTreeMap;

use binette::domain::baskets::AbsenceMode;
use binette::domain::calendar::IsoWeek;
use binette::domain::distribution::{Delivery, PlanLine, WeekPlan};
use binette::store::week::{next_delivery_week, week_plan};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;
use rusqlite::named_params;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn week(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

const PETIT: i64 = 1;
const GRAND: i64 = 2;

/// Sizes petit (1) and grand (2), members 1 to 6, a Friday depot (1), a Monday depot (2)
/// and an inactive Wednesday depot (3).
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit'), (2, 'Grand');
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Luc'), (3, 'Petit', 'Zoé'),
             (4, 'Durand', 'Paul'), (5, 'Leroy', 'Inès'), (6, 'Moreau', 'Jean');
         INSERT INTO depot (id, name, weekday, active) VALUES
             (1, 'Mairie', 5, 1), (2, 'Épicerie', 1, 1), (3, 'Ancienne gare', 3, 0);",
    )
    .unwrap();
    conn
}

fn subscribe(
    conn: &Connection,
    id: i64,
    member: i64,
    size: i64,
    depot: i64,
    quantity: i64,
    frequency: &str,
    anchor: IsoWeek,
) {
    conn.execute(
        "INSERT INTO subscription (id, member_id, size_id, depot_id, quantity, start_date,
             frequency, anchor_monday)
         VALUES (:id, :member, :size, :depot, :quantity, '2026-01-01', :frequency, :anchor)",
        named_params! {":id": id, ":member": member, ":size": size, ":depot": depot,
        ":quantity": quantity, ":frequency": frequency, ":anchor": anchor.monday()},
    )
    .unwrap();
}

fn absent(conn: &Connection, member: i64, start: NaiveDate, end: NaiveDate, mode: &str) {
    conn.execute(
        "INSERT INTO absence (member_id, start_date, end_date, mode)
         VALUES (:member, :start, :end, :mode)",
        named_params! {":member": member, ":start": start, ":end": end, ":mode": mode},
    )
    .unwrap();
}

fn line(plan: &WeekPlan, subscription: i64) -> Option<&PlanLine> {
    plan.depots
        .iter()
        .flat_map(|d| &d.lines)
        .find(|l| l.subscription_id == subscription)
}

#[test]
fn plan_of_an_ordinary_week() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 2, 2, GRAND, 1, 2, "hebdo", week(2026, 1));
    subscribe(&conn, 3, 3, PETIT, 1, 1, "quinzaine", week(2026, 10));
    subscribe(&conn, 4, 4, PETIT, 1, 1, "quinzaine", week(2026, 11));
    subscribe(&conn, 5, 5, GRAND, 2, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 6, 6, GRAND, 3, 1, "hebdo", week(2026, 1));
    conn.execute(
        "UPDATE subscription SET shared_with = 6, end_date = '2026-12-31' WHERE id = 5",
        [],
    )
    .unwrap();
    absent(&conn, 1, date(2026, 3, 9), date(2026, 3, 15), "non_prepare");
    absent(&conn, 2, date(2026, 3, 9), date(2026, 3, 15), "donne");

    let plan = week_plan(&conn, week(2026, 12)).unwrap();
    assert_eq!(plan.week, week(2026, 12));
    // The inactive depot is left out.
    let mut ids: Vec<i64> = plan.depots.iter().map(|d| d.depot_id).collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2]);
    let delivery = |plan: &WeekPlan, depot: i64| {
        plan.depots
            .iter()
            .find(|d| d.depot_id == depot)
            .unwrap()
            .delivery
            .clone()
    };
    assert_eq!(delivery(&plan, 2), Delivery::On(date(2026, 3, 16)));
    assert_eq!(delivery(&plan, 1), Delivery::On(date(2026, 3, 20)));
    // Only the fortnightly subscription anchored two weeks before comes.
    assert!(line(&plan, 3).is_some());
    assert!(line(&plan, 4).is_none());
    assert_eq!(line(&plan, 5).unwrap().shared_with, Some(6));
    assert_eq!(
        plan.totals_by_size(),
        BTreeMap::from([(PETIT, 2), (GRAND, 3)])
    );

    let away = week_plan(&conn, week(2026, 11)).unwrap();
    assert_eq!(line(&away, 1).unwrap().absent, Some(AbsenceMode::Skipped));
    assert_eq!(line(&away, 2).unwrap().absent, Some(AbsenceMode::Donated));
    assert!(line(&away, 3).is_none());
    assert!(line(&away, 4).is_some());
    // Skipped: nothing; donated: both baskets still packed.
    let friday = away.depots.iter().find(|d| d.depot_id == 1).unwrap();
    assert_eq!(
        friday.baskets_by_size(),
        BTreeMap::from([(PETIT, 1), (GRAND, 2)])
    );
}

#[test]
fn closures_and_holiday_rules_from_the_database() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2027, 1));
    subscribe(&conn, 2, 2, GRAND, 2, 1, "hebdo", week(2027, 1));
    conn.execute(
        "INSERT INTO closure (monday, reason) VALUES ('2027-08-09', 'Congés')",
        [],
    )
    .unwrap();
    // Easter Monday 2027 (29 March) moved to Tuesday for the Monday depot.
    conn.execute(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES ('2027-03-29', 2, 'deplacee', '2027-03-30')",
        [],
    )
    .unwrap();

    let closed = week_plan(&conn, week(2027, 32)).unwrap();
    assert!(closed.depots.iter().all(|d| d.delivery
        == Delivery::Closed {
            reason: "Congés".into()
        }));
    assert_eq!(closed.total_baskets(), 0);

    let easter = week_plan(&conn, week(2027, 13)).unwrap();
    let monday_depot = easter.depots.iter().find(|d| d.depot_id == 2).unwrap();
    assert_eq!(monday_depot.delivery.date(), Some(date(2027, 3, 30)));
    assert_eq!(easter.total_baskets(), 2);

    // Whit Monday 2027 (17 May) has no rule: cancelled by default.
    let whit = week_plan(&conn, week(2027, 20)).unwrap();
    let monday_depot = whit.depots.iter().find(|d| d.depot_id == 2).unwrap();
    assert_eq!(
        monday_depot.delivery,
        Delivery::HolidayCancelled {
            holiday: date(2027, 5, 17),
            name: "Lundi de Pentecôte"
        }
    );
    assert!(monday_depot.lines.is_empty());
    assert_eq!(whit.total_baskets(), 1);
}

#[test]
fn made_up_baskets_are_found_weeks_after_the_absence() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 2, 2, GRAND, 1, 1, "hebdo", week(2026, 1));
    // Member 1: away three Fridays (6, 13, 20 March 2026), made up on return.
    absent(&conn, 1, date(2026, 3, 2), date(2026, 3, 22), "reporte");
    // Member 2: away two Fridays, made up on a chosen week two months later.
    absent(&conn, 2, date(2026, 3, 2), date(2026, 3, 15), "reporte");
    conn.execute(
        "UPDATE absence SET makeup_monday = '2026-05-18' WHERE member_id = 2",
        [],
    )
    .unwrap();

    let back = week_plan(&conn, week(2026, 13)).unwrap();
    assert_eq!(line(&back, 1).unwrap().make_up, 3);
    assert_eq!(line(&back, 1).unwrap().baskets_to_prepare(), 4);
    assert_eq!(line(&back, 2).unwrap().make_up, 0);

    let chosen = week_plan(&conn, week(2026, 21)).unwrap();
    assert_eq!(line(&chosen, 2).unwrap().make_up, 2);
    assert_eq!(line(&chosen, 1).unwrap().make_up, 0);
    assert_eq!(
        chosen.totals_by_size(),
        BTreeMap::from([(PETIT, 1), (GRAND, 3)])
    );
}

#[test]
fn next_delivery_week_skips_past_days_closures_and_holidays() {
    let conn = garden();
    // No depot delivers: the next week.
    conn.execute("UPDATE depot SET active = 0", []).unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 18)).unwrap(),
        week(2026, 13)
    );
    conn.execute("UPDATE depot SET active = 1 WHERE id = 1", [])
        .unwrap();

    // Friday depot: on Wednesday or on the Friday itself, this week; on Saturday, the next.
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 18)).unwrap(),
        week(2026, 12)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 20)).unwrap(),
        week(2026, 12)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 21)).unwrap(),
        week(2026, 13)
    );

    // The next week is closed: the one after.
    conn.execute("INSERT INTO closure (monday) VALUES ('2026-03-23')", [])
        .unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 21)).unwrap(),
        week(2026, 14)
    );

    // Christmas and New Year's Day 2026/2027 fall on Fridays: cancelled by default.
    assert_eq!(
        next_delivery_week(&conn, date(2026, 12, 19)).unwrap(),
        week(2027, 1)
    );
    // A moved delivery still ahead counts for this week.
    conn.execute(
        "INSERT INTO holiday_rule (date, action, moved_to)
         VALUES ('2027-01-01', 'deplacee', '2027-01-02')",
        [],
    )
    .unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2027, 1, 2)).unwrap(),
        week(2026, 53)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 12, 26)).unwrap(),
        week(2026, 53)
    );
}
