//! The demo garden that has lived several seasons (`binette demo --years N`): reproducible,
//! its history consistent with the rules of every area, and its sizes those announced.
#![allow(clippy::unwrap_used)]

use binette::store::demo::{create_demo, create_demo_years};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn lived(years: u32, today: NaiveDate) -> Connection {
    let conn = open_in_memory().unwrap();
    create_demo_years(&conn, 1, years, today).unwrap();
    conn
}

/// A fingerprint of the garden's content: row counts and a few sums of every big table.
fn fingerprint(conn: &Connection) -> Vec<i64> {
    [
        "SELECT count(*) FROM employee",
        "SELECT sum(length(last_name) * id) FROM employee",
        "SELECT count(*) FROM harvest",
        "SELECT sum(CAST(quantity * 10 AS INTEGER)) FROM harvest",
        "SELECT count(*) FROM pickup",
        "SELECT sum(baskets * subscription_id) FROM pickup",
        "SELECT count(*) FROM member",
        "SELECT count(*) FROM workshop_session",
        "SELECT count(*) FROM attendance",
        "SELECT sum(amount_cents) FROM payment",
    ]
    .iter()
    .map(|sql| count(conn, sql))
    .collect()
}

#[test]
fn same_years_and_date_give_the_same_garden_and_another_length_does_not() {
    let today = date(2026, 12, 5);
    let first = fingerprint(&lived(2, today));
    assert_eq!(first, fingerprint(&lived(2, today)));
    assert_ne!(first, fingerprint(&lived(3, today)));
}

#[test]
fn each_past_season_adds_its_cohorts_households_and_workshops() {
    let today = date(2026, 12, 5);
    let usual = open_in_memory().unwrap();
    create_demo(&usual, 1, today).unwrap();
    let three = lived(3, today);
    let diff = |sql: &str| count(&three, sql) - count(&usual, sql);
    // Two past seasons × two cohorts × the 25 paths of the usual demo.
    assert_eq!(diff("SELECT count(*) FROM employee"), 2 * 2 * 25);
    // Growth after three seasons is 3 × 3 / 5 = 1 (no more households today), plus 130
    // departed households per past season.
    assert_eq!(diff("SELECT count(*) FROM member"), 2 * 130);
    // Every sixth departed household (index 3, 9, …, 129 of its season: 22) was a Paniers
    // Solidaires household, with its terms.
    assert_eq!(diff("SELECT count(*) FROM solidarity_terms"), 2 * 22);
    // Re-entries from two seasons back: of the 50 people of that cohort, positions 2, 5, …,
    // 47 (every third: 16) came back for a second path. The season one year back has none.
    assert_eq!(count(&usual, "SELECT count(*) FROM path"), 25);
    assert_eq!(
        count(&three, "SELECT count(*) FROM path") - count(&three, "SELECT count(*) FROM employee"),
        16
    );
    // Every workshop ran six times its demo sessions in each past season: the usual demo
    // plans 29 sessions (the last number of each WORKSHOPS entry), so 6 × 29 × 2.
    assert_eq!(count(&usual, "SELECT count(*) FROM workshop_session"), 29);
    assert_eq!(diff("SELECT count(*) FROM workshop_session"), 6 * 29 * 2);
    // Everyone hired in a past season has left: the people still on a path are the usual
    // demo's 15 (3 new, 5 running, 4 renewed, near the cap, PASS ending, contract ending).
    assert_eq!(
        count(
            &three,
            "SELECT count(*) FROM employee e WHERE NOT EXISTS
                 (SELECT 1 FROM exit x WHERE x.employee_id = e.id)"
        ),
        15
    );
    // Harvests go back two more seasons than the usual demo's twenty months: 44 months
    // before 5 December 2026 is 5 April 2023, and harvest days come twice a week.
    assert_eq!(
        count(
            &three,
            "SELECT min(date) BETWEEN '2023-04-05' AND '2023-04-12' FROM harvest"
        ),
        1
    );
}

#[test]
fn a_garden_that_lived_longer_records_harvests_in_rounds() {
    let today = date(2026, 12, 5);
    let most_lines_of_a_crop_a_day = |conn: &Connection| {
        count(
            conn,
            "SELECT max(n) FROM (SELECT count(*) AS n FROM harvest GROUP BY date, crop_id)",
        )
    };
    // The usual demo: one round, so a crop at most once a day.
    let usual = open_in_memory().unwrap();
    create_demo(&usual, 1, today).unwrap();
    assert_eq!(most_lines_of_a_crop_a_day(&usual), 1);
    // Three seasons: 1 + 2 × 9 / 10 = 2 rounds, each on other beds than the first.
    let three = lived(3, today);
    assert_eq!(most_lines_of_a_crop_a_day(&three), 2);
    assert_eq!(
        count(
            &three,
            "SELECT count(*) FROM (SELECT date, crop_id FROM harvest WHERE plot_id IS NOT NULL
                 GROUP BY date, crop_id HAVING count(DISTINCT plot_id) < count(*))"
        ),
        0
    );
}

#[test]
fn the_history_keeps_the_rules_of_every_area() {
    let today = date(2026, 12, 5);
    let conn = lived(4, today);
    let none = |what: &str, sql: &str| assert_eq!(count(&conn, sql), 0, "{what}");
    none(
        "nothing after today",
        "SELECT (SELECT count(*) FROM harvest WHERE date > '2026-12-05')
              + (SELECT count(*) FROM pickup WHERE monday > '2026-12-05')
              + (SELECT count(*) FROM exit WHERE date > '2026-12-05')
              + (SELECT count(*) FROM follow_up WHERE date > '2026-12-05')
              + (SELECT count(*) FROM member WHERE joined_on > '2026-12-05')",
    );
    none(
        "a pickup outside its subscription",
        "SELECT count(*) FROM pickup p JOIN subscription s ON s.id = p.subscription_id
         WHERE p.monday < date(s.start_date, '-6 days', 'weekday 1')
            OR (s.end_date IS NOT NULL AND p.monday > s.end_date)",
    );
    none(
        "a pickup with no price",
        "SELECT count(*) FROM pickup p JOIN subscription s ON s.id = p.subscription_id
         WHERE NOT EXISTS (SELECT 1 FROM basket_price b
                           WHERE b.size_id = s.size_id AND b.valid_from <= p.monday)",
    );
    none(
        "a pickup in a closed week",
        "SELECT count(*) FROM pickup p JOIN closure c ON c.monday = p.monday",
    );
    none(
        "a departed household still subscribed",
        "SELECT count(*) FROM member m JOIN subscription s ON s.member_id = m.id
         WHERE m.status = 'parti' AND (s.end_date IS NULL OR s.end_date > '2026-12-05')",
    );
    none(
        "a membership before joining",
        "SELECT count(*) FROM membership ms JOIN member m ON m.id = ms.member_id
         WHERE ms.paid_on < m.joined_on",
    );
    none(
        "a contract ending after its path's exit",
        "SELECT count(*) FROM contract c JOIN exit x ON x.path_id = c.path_id
         WHERE c.actual_end > x.date",
    );
    none(
        "a contract outside its path",
        "SELECT count(*) FROM contract c LEFT JOIN path p ON p.id = c.path_id
         WHERE p.id IS NULL OR p.employee_id <> c.employee_id OR c.start_date < p.entry_date",
    );
    none(
        "a path starting on or before the exit of an earlier path",
        "SELECT count(*) FROM path p JOIN path q ON q.employee_id = p.employee_id
             AND q.entry_date > p.entry_date
         LEFT JOIN exit x ON x.path_id = p.id
         WHERE x.date IS NULL OR q.entry_date <= x.date",
    );
    none(
        "an entry date other than the latest path's",
        "SELECT count(*) FROM employee e
         WHERE e.entry_date <> (SELECT max(entry_date) FROM path p WHERE p.employee_id = e.id)",
    );
    none(
        "a path without its entry questionnaire, or an exit without its own",
        "SELECT (SELECT count(*) FROM path p WHERE NOT EXISTS (SELECT 1 FROM fse_snapshot f
                     WHERE f.path_id = p.id AND f.stage = 'entree' AND f.taken_on = p.entry_date))
              + (SELECT count(*) FROM exit x WHERE NOT EXISTS (SELECT 1 FROM fse_snapshot f
                     WHERE f.path_id = x.path_id AND f.stage = 'sortie' AND f.taken_on = x.date))",
    );
    none(
        "two PASS IAE of one person at once",
        "SELECT count(*) FROM approval a JOIN approval b ON b.employee_id = a.employee_id
             AND b.id <> a.id AND b.start_date BETWEEN a.start_date AND a.end_date",
    );
    // Four seasons: re-entries from the cohorts two and three seasons back, 16 each.
    assert_eq!(
        count(&conn, "SELECT count(*) FROM path") - count(&conn, "SELECT count(*) FROM employee"),
        2 * 16
    );
    let closed_years = count(
        &conn,
        "SELECT count(DISTINCT substr(monday, 1, 4)) FROM closure",
    );
    // Christmas closures from 2021 (four seasons and the year before) to 2026.
    assert_eq!(closed_years, 6);
    let checked: String = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .unwrap_or_default();
    assert!(checked.is_empty(), "{checked}");
}

/// The plans of many weeks read at once (balances, reports) are those of each week read
/// alone (the sheets): each week only looks at the subscriptions and absences near it.
#[test]
fn plans_of_many_weeks_are_those_of_each_week() {
    use binette::domain::calendar::IsoWeek;
    use binette::store::week::{plan_weeks, week_plan};
    let today = date(2026, 11, 25);
    let conn = lived(2, today);
    let from = IsoWeek::of(date(2025, 1, 6));
    let plans = plan_weeks(&conn, from, 100).unwrap();
    assert_eq!(plans.len(), 100);
    let mut lines = 0;
    for (i, plan) in plans.iter().enumerate() {
        let alone = week_plan(&conn, from.plus_weeks(i as i64)).unwrap();
        assert_eq!(plan, &alone, "week {}", plan.week);
        lines += plan.depots.iter().map(|d| d.lines.len()).sum::<usize>();
    }
    // Two seasons of a garden delivering most weeks: thousands of lines compared.
    assert!(lines > 5_000, "{lines} lines");
}
