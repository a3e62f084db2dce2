//! The demo garden: reproducible, coherent with the schema and the domain rules, and refused
//! on a database that already holds data.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use binette::domain::employees::{Criterion, is_eligible};
use binette::store::demo::{DEMO_TABLES, create_demo};
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::NaiveDate;
use rusqlite::types::ValueRef;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn demo(scale: u32, today: NaiveDate) -> Connection {
    let conn = open_in_memory().unwrap();
    create_demo(&conn, scale, today).unwrap();
    conn
}

/// Every row of every table, rendered to text, table by table.
fn dump(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let mut line = format!("{table}:");
            for i in 0..columns {
                let cell = match row.get_ref(i).unwrap() {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(n) => n.to_string(),
                    ValueRef::Real(x) => format!("{x:?}"),
                    ValueRef::Text(t) => format!("'{}'", String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => format!("{b:?}"),
                };
                line.push_str(&cell);
                line.push('|');
            }
            out.push(line);
        }
    }
    out
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn same_scale_and_date_give_identical_content_and_another_date_does_not() {
    let today = date(2025, 11, 14);
    let a = dump(&demo(1, today));
    let b = dump(&demo(1, today));
    assert!(a.len() > 1000, "only {} rows", a.len());
    assert_eq!(a, b);
    let c = dump(&demo(1, date(2025, 11, 15)));
    assert_ne!(a, c);
    let d = dump(&demo(2, today));
    assert_ne!(a, d);
}

#[test]
fn scale_one_counts_are_those_of_a_typical_garden() {
    let conn = open_in_memory().unwrap();
    let summary = create_demo(&conn, 1, date(2026, 3, 10)).unwrap();
    for &table in DEMO_TABLES {
        assert!(summary.count(table) > 0, "table {table} is empty");
        assert_eq!(
            summary.count(table),
            count(&conn, &format!("SELECT count(*) FROM {table}")),
            "{table}"
        );
    }
    let within = |table: &str, lo: i64, hi: i64| {
        let n = summary.count(table);
        assert!((lo..=hi).contains(&n), "{table}: {n} not in {lo}..={hi}");
    };
    within("staff", 3, 3);
    within("employee", 20, 30);
    within("member", 150, 220);
    within("crop", 35, 45);
    within("plot", 10, 14);
    within("basket_size", 3, 3);
    within("basket_price", 6, 6);
    within("depot", 5, 5);
    within("funder", 5, 5);
    within("workshop", 12, 18);
    within("harvest", 600, 5000);
    within("solidarity_terms", 25, 35);
    let categories: Vec<i64> = ints(
        &conn,
        "SELECT DISTINCT category FROM exit ORDER BY category",
    );
    assert_eq!(categories, vec![1, 2, 3, 4, 5]);
    let modes = strings(&conn, "SELECT DISTINCT mode FROM absence ORDER BY mode");
    assert_eq!(modes, ["donne", "non_prepare", "reporte"]);
    let statuses = strings(&conn, "SELECT DISTINCT status FROM member ORDER BY status");
    assert_eq!(statuses, ["actif", "attente", "parti", "pause"]);
    let destinations = strings(
        &conn,
        "SELECT DISTINCT destination FROM harvest ORDER BY destination",
    );
    assert_eq!(destinations.len(), 6);
    let stages = strings(
        &conn,
        "SELECT DISTINCT stage FROM fse_snapshot ORDER BY stage",
    );
    assert_eq!(stages, ["entree", "six_mois", "sortie"]);
    let methods = strings(
        &conn,
        "SELECT DISTINCT method FROM membership ORDER BY method",
    );
    assert_eq!(methods, ["cheque", "especes", "virement"]);
}

fn ints(conn: &Connection, sql: &str) -> Vec<i64> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_database_with_data_is_refused_and_left_unchanged() {
    let conn = open_in_memory().unwrap();
    conn.execute(
        "INSERT INTO member (last_name, first_name) VALUES ('Martin', 'Léa')",
        [],
    )
    .unwrap();
    let before = dump(&conn);
    let error = create_demo(&conn, 1, date(2025, 6, 1)).unwrap_err();
    assert!(
        matches!(error, StoreError::Invalid(ref m) if m.contains("base vide")),
        "{error}"
    );
    assert_eq!(dump(&conn), before);

    let conn = demo(1, date(2025, 6, 1));
    let before = dump(&conn);
    assert!(create_demo(&conn, 1, date(2025, 6, 1)).is_err());
    assert_eq!(dump(&conn), before);
}

#[test]
fn foreign_keys_and_integrity_hold_on_awkward_dates() {
    for today in [
        date(2025, 11, 14),
        date(2024, 2, 29),
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2027, 8, 10),
    ] {
        let conn = demo(1, today);
        let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
        let problems = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .count();
        assert_eq!(problems, 0, "foreign key problems on {today}");
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok");
        // Nothing dated in the future where only the past makes sense.
        let today_text = today.to_string();
        for sql in [
            "SELECT count(*) FROM harvest WHERE date > ?1",
            "SELECT count(*) FROM follow_up WHERE date > ?1",
            "SELECT count(*) FROM exit WHERE date > ?1",
            "SELECT count(*) FROM fse_snapshot WHERE taken_on > ?1",
            "SELECT count(*) FROM membership WHERE paid_on > ?1",
            "SELECT count(*) FROM employee WHERE entry_date > ?1",
            "SELECT count(*) FROM pickup WHERE monday > ?1",
        ] {
            let n: i64 = conn.query_row(sql, [&today_text], |r| r.get(0)).unwrap();
            assert_eq!(n, 0, "{sql} on {today}");
        }
    }
}

#[test]
fn insertion_data_follows_the_rules() {
    let today = date(2025, 11, 14);
    let conn = demo(1, today);
    // Every employee is eligible through the criteria stored, all known codes.
    for id in ints(&conn, "SELECT id FROM employee") {
        let codes = strings(
            &conn,
            &format!("SELECT criterion FROM employee_criterion WHERE employee_id = {id}"),
        );
        let criteria: Vec<Criterion> = codes
            .iter()
            .map(|c| Criterion::from_code(c).unwrap())
            .collect();
        assert!(is_eligible(&criteria), "employee {id}: {codes:?}");
    }
    // Renewals chain, hours and lengths in range.
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM contract WHERE renewal_of IS NOT NULL"
        ) >= 5
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM contract WHERE weekly_hours NOT BETWEEN 20 AND 35"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM contract WHERE julianday(planned_end) - julianday(start_date) NOT BETWEEN 119 AND 366"
        ),
        0
    );
    // Someone near 24 months, a PASS ending within 60 days, a contract ending within 30 days.
    let near_cap = count(
        &conn,
        "SELECT count(*) FROM (SELECT employee_id, julianday(max(planned_end)) - julianday(min(start_date)) AS span
           FROM contract GROUP BY employee_id) WHERE span BETWEEN 700 AND 731",
    );
    assert!(near_cap >= 1);
    let t = today.to_string();
    let pass_ending: i64 = conn
        .query_row(
            "SELECT count(*) FROM approval WHERE end_date BETWEEN ?1 AND date(?1, '+60 days')",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert!(pass_ending >= 1);
    let ending: i64 = conn
        .query_row(
            "SELECT count(*) FROM contract WHERE actual_end IS NULL AND planned_end BETWEEN ?1 AND date(?1, '+30 days')",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert!(ending >= 1);
    // Exited people: a closing snapshot each, six-month ones only when six months have passed.
    assert_eq!(
        count(&conn, "SELECT count(*) FROM exit"),
        count(
            &conn,
            "SELECT count(*) FROM fse_snapshot WHERE stage = 'sortie'"
        )
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fse_snapshot WHERE stage = 'entree'"
        ),
        count(&conn, "SELECT count(*) FROM employee")
    );
    let six: i64 = conn
        .query_row(
            "SELECT count(*) FROM exit WHERE date <= date(?1, '-6 months')",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        six,
        count(
            &conn,
            "SELECT count(*) FROM fse_snapshot WHERE stage = 'six_mois'"
        )
    );
    assert!(six >= 1);
    // Exited employees' last contract ends on the exit date.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM exit x WHERE NOT EXISTS (SELECT 1 FROM contract c WHERE c.employee_id = x.employee_id AND c.actual_end = x.date)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM immersion WHERE julianday(end_date) - julianday(start_date) > 31"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM approval WHERE length(number) <> 12"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM approval_change WHERE kind = 'suspension'"
        ),
        1
    );
}

#[test]
fn basket_data_is_coherent() {
    let today = date(2025, 11, 14);
    let conn = demo(1, today);
    let siret: String = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'garden_siret'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(binette::store::settings::siret_valid(&siret) && siret.len() == 14);
    // Exactly one unit conversion left unknown.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM crop_unit WHERE kg_per_unit IS NULL"
        ),
        1
    );
    // Prices change on 1 January of the current year.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM basket_price WHERE valid_from = '2025-01-01'"
        ),
        3
    );
    // Both fortnightly parities, a shared subscription, a depot change, a few doubles.
    let parities = ints(
        &conn,
        "SELECT DISTINCT CAST(strftime('%W', anchor_monday) AS INTEGER) % 2 FROM subscription WHERE frequency = 'quinzaine' ORDER BY 1",
    );
    assert_eq!(parities.len(), 2);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM subscription WHERE shared_with IS NOT NULL"
        ),
        1
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM subscription WHERE quantity = 2"
        ) >= 1
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM (SELECT member_id FROM subscription GROUP BY member_id HAVING count(DISTINCT depot_id) > 1)"
        ) >= 1
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM subscription WHERE date(anchor_monday, 'weekday 1') <> anchor_monday"
        ),
        0
    );
    // Solidarity funders sum to 100 % for every household, with 2 or 3 funders.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM (SELECT terms_id FROM solidarity_terms_funding GROUP BY terms_id HAVING sum(share_percent) <> 100 OR count(*) NOT IN (2, 3))"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM solidarity_terms s WHERE NOT EXISTS (SELECT 1 FROM solidarity_terms_funding f WHERE f.terms_id = s.id)"
        ),
        0
    );
    // Compositions: Familial > Grand > Petit for every crop and week; 5 to 8 crops.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM composition_item p JOIN composition_item g ON g.monday = p.monday AND g.crop_id = p.crop_id
               JOIN composition_item f ON f.monday = p.monday AND f.crop_id = p.crop_id
              WHERE p.size_id = 1 AND g.size_id = 2 AND f.size_id = 3 AND NOT (f.quantity > g.quantity AND g.quantity > p.quantity)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM (SELECT monday, size_id FROM composition_item GROUP BY 1, 2 HAVING count(*) NOT BETWEEN 5 AND 8)"
        ),
        0
    );
    // Nothing delivered or composed in a closed week; closures are Mondays.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM pickup WHERE monday IN (SELECT monday FROM closure)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM composition_item WHERE monday IN (SELECT monday FROM closure)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM closure WHERE date(monday, 'weekday 1') <> monday"
        ),
        0
    );
    let closures = strings(&conn, "SELECT monday FROM closure");
    for needed in [
        "2024-12-23",
        "2024-12-30",
        "2024-08-05",
        "2024-08-12",
        "2025-08-04",
        "2025-08-11",
    ] {
        assert!(
            closures.contains(&needed.to_string()),
            "{needed} not closed: {closures:?}"
        );
    }
    let actions = strings(
        &conn,
        "SELECT DISTINCT action FROM holiday_rule ORDER BY action",
    );
    assert_eq!(actions, ["annulee", "deplacee"]);
    // Composition of the coming week exists; an absence covers it.
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM composition_item WHERE monday = '2025-11-17'"
        ) >= 15
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM absence WHERE start_date <= '2025-11-17' AND end_date >= '2025-11-23'"
        ) >= 1
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM absence WHERE mode = 'reporte' AND makeup_monday IS NOT NULL"
        ) >= 1
    );
    // No pickup of a fortnightly subscription in its off week.
    assert_eq!(count(&conn, "SELECT count(*) FROM pickup p JOIN subscription s ON s.id = p.subscription_id
        WHERE s.frequency = 'quinzaine' AND CAST(julianday(p.monday) - julianday(s.anchor_monday) AS INTEGER) % 14 <> 0"), 0);
    let pickup_statuses = strings(&conn, "SELECT DISTINCT status FROM pickup ORDER BY status");
    assert_eq!(pickup_statuses, ["donne", "non_retire", "retire"]);
    // Names with apostrophes and accents are there.
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM member WHERE last_name LIKE '%''%'"
        ) >= 1
    );
    assert!(count(&conn, "SELECT count(*) FROM member WHERE co_member <> ''") >= 40);
}

#[test]
fn workshops_have_past_and_coming_sessions_and_one_left_unfilled() {
    let today = date(2025, 11, 14);
    let conn = demo(1, today);
    let t = today.to_string();
    let past: i64 = conn
        .query_row(
            "SELECT count(*) FROM workshop_session WHERE date < ?1",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    let coming: i64 = conn
        .query_row(
            "SELECT count(*) FROM workshop_session WHERE date >= ?1",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert!(past >= 10 && coming >= 2, "{past} past, {coming} coming");
    let unfilled: i64 = conn
        .query_row(
            "SELECT count(*) FROM workshop_session s WHERE s.date < ?1
               AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.status = 'attendu')",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unfilled, 1);
    let future_filled: i64 = conn
        .query_row(
            "SELECT count(*) FROM attendance a JOIN workshop_session s ON s.id = a.session_id
              WHERE s.date >= ?1 AND a.status <> 'attendu'",
            [&t],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(future_filled, 0);
    for who in [
        "member_id IS NOT NULL",
        "employee_id IS NOT NULL",
        "outside_name <> ''",
    ] {
        assert!(
            count(
                &conn,
                &format!("SELECT count(*) FROM attendance WHERE {who}")
            ) > 0,
            "{who}"
        );
    }
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT type_id) FROM workshop"),
        5
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM workshop_animator WHERE staff_id IS NOT NULL"
        ) > 0
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM workshop_animator WHERE staff_id IS NULL"
        ) > 0
    );
    let sessions_per_workshop = ints(
        &conn,
        "SELECT count(*) FROM workshop_session GROUP BY workshop_id",
    );
    assert!(sessions_per_workshop.iter().all(|n| (1..=4).contains(n)));
    let mut seen = BTreeSet::new();
    for n in sessions_per_workshop {
        seen.insert(n);
    }
    assert!(seen.len() >= 3);
}

#[test]
#[ignore = "stress size: run with --ignored"]
fn scale_ten_is_built_in_seconds() {
    let start = std::time::Instant::now();
    let conn = open_in_memory().unwrap();
    let summary = create_demo(&conn, 10, date(2025, 11, 14)).unwrap();
    println!(
        "scale 10: {} rows in {:?}",
        summary.total(),
        start.elapsed()
    );
    assert!(summary.count("member") >= 1500);
    assert!(summary.count("employee") >= 200);
}

#[test]
fn payments_show_cheques_held_slips_of_past_months_and_households_behind() {
    let today = date(2026, 12, 5);
    let conn = demo(1, today);
    // Cheques due on 5 December, the day itself, are waiting for the next slip.
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM payment WHERE mode = 'cheque' AND remittance_id IS NULL
         AND cancelled_on IS NULL AND cash_on <= '2026-12-05'"
        ) > 0
    );
    // Slips are numbered 1, 2, 3… without a gap, one per past month with cheques…
    let numbers = ints(&conn, "SELECT number FROM remittance ORDER BY number");
    assert!(!numbers.is_empty());
    assert_eq!(numbers, (1..=numbers.len() as i64).collect::<Vec<_>>());
    // …and none holds a cheque that could not be cashed yet on its day.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM payment p JOIN remittance r ON r.id = p.remittance_id
             WHERE p.cash_on > r.made_on OR p.mode <> 'cheque'"
        ),
        0
    );
    // Transfers, cash and a cancelled cheque are there too.
    for mode in ["virement", "especes"] {
        assert!(
            count(
                &conn,
                &format!("SELECT count(*) FROM payment WHERE mode = '{mode}'")
            ) > 0
        );
    }
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM payment WHERE cancelled_on IS NOT NULL"
        ),
        1
    );
    // Some households owe more than the Accueil's 50 € threshold, and most owe nothing.
    let balances = binette::store::payments::ledger::balances(&conn, today).unwrap();
    let behind = balances.values().filter(|&&b| b < -5000).count();
    let settled = balances.values().filter(|&&b| b >= -500).count();
    assert!(behind > 0, "nobody behind");
    assert!(
        settled > balances.len() / 2,
        "{settled} of {} settled",
        balances.len()
    );
}
