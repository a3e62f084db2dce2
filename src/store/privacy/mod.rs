//! Protection of personal data: the retention settings, and the last day the garden worked
//! with each person not yet anonymised (the due list is [`crate::domain::privacy::due_list`]
//! over [`last_activities`]). Anonymising is [`anonymise`].

pub mod anonymise;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::{Result, settings};
use crate::domain::privacy::{
    EMPLOYEE_YEARS_KEY, LastActivity, MEMBER_YEARS_KEY, PARTICIPANT_LABEL, PARTICIPANT_YEARS_KEY,
    Person, Retention, parse_years,
};
use crate::domain::text::list_name;

/// The retention settings; a key never set, or unreadable, gives its default.
pub fn retention(conn: &Connection) -> Result<Retention> {
    let default = Retention::default();
    let read = |key: &str, fallback: u32| -> Result<u32> {
        Ok(settings::get(conn, key)?
            .and_then(|v| parse_years(&v))
            .unwrap_or(fallback))
    };
    Ok(Retention {
        employee_years: read(EMPLOYEE_YEARS_KEY, default.employee_years)?,
        member_years: read(MEMBER_YEARS_KEY, default.member_years)?,
        participant_years: read(PARTICIPANT_YEARS_KEY, default.participant_years)?,
    })
}

/// Saves the retention settings.
pub fn save_retention(conn: &Connection, retention: &Retention) -> Result<()> {
    settings::set(
        conn,
        EMPLOYEE_YEARS_KEY,
        &retention.employee_years.to_string(),
    )?;
    settings::set(conn, MEMBER_YEARS_KEY, &retention.member_years.to_string())?;
    settings::set(
        conn,
        PARTICIPANT_YEARS_KEY,
        &retention.participant_years.to_string(),
    )
}

/// Every person not yet anonymised, with the last day the garden worked with them and
/// whether something of theirs is current on `today`.
pub fn last_activities(conn: &Connection, today: NaiveDate) -> Result<Vec<LastActivity>> {
    let mut all = employees(conn, today)?;
    all.extend(members(conn, today)?);
    all.extend(participants(conn, today)?);
    Ok(all)
}

/// The last activity of one person (`None`: unknown, or already anonymised).
pub fn last_activity(
    conn: &Connection,
    person: &Person,
    today: NaiveDate,
) -> Result<Option<LastActivity>> {
    Ok(last_activities(conn, today)?
        .into_iter()
        .find(|a| &a.person == person))
}

/// Employees: their last day is the latest exit, contract end (actual, else planned) or
/// entry; a path without an exit is current.
fn employees(conn: &Connection, today: NaiveDate) -> Result<Vec<LastActivity>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.last_name, e.first_name,
                max(coalesce((SELECT max(x.date) FROM exit x WHERE x.employee_id = e.id), ''),
                    coalesce((SELECT max(coalesce(c.actual_end, c.planned_end)) FROM contract c
                              WHERE c.employee_id = e.id), ''),
                    coalesce((SELECT max(p.entry_date) FROM path p WHERE p.employee_id = e.id),
                             e.entry_date)) AS last,
                EXISTS (SELECT 1 FROM path p WHERE p.employee_id = e.id
                        AND NOT EXISTS (SELECT 1 FROM exit x WHERE x.path_id = p.id)) AS open,
                EXISTS (SELECT 1 FROM contract c WHERE c.employee_id = e.id
                        AND coalesce(c.actual_end, c.planned_end) >= :today) AS running
         FROM employee e WHERE e.anonymised_on IS NULL",
    )?;
    let rows = stmt.query_map(named_params! {":today": today}, |r| {
        Ok(LastActivity {
            person: Person::Employee(r.get("id")?),
            name: name(r)?,
            last: date(r.get::<_, String>("last")?),
            what: "Fin du dernier parcours ou contrat",
            current: r.get::<_, bool>("open")? || r.get::<_, bool>("running")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Households: their last day is the latest basket week, subscription start or end,
/// membership year (its 31 December), payment, account entry, workshop session or joining
/// day; a subscription without an end or ending on or after `today`, or the status « actif »
/// or « en attente », is current.
fn members(conn: &Connection, today: NaiveDate) -> Result<Vec<LastActivity>> {
    let baskets = basket_lasts(conn)?;
    // Latest days looked up per household through the (member_id, …) indexes, not grouped
    // over whole tables; the basket weeks come from `basket_lasts`.
    let mut stmt = conn.prepare(
        "WITH sessions (member_id, last) AS (
             SELECT a.member_id, max(ws.date) FROM attendance a
                 JOIN workshop_session ws ON ws.id = a.session_id
                 WHERE a.member_id IS NOT NULL GROUP BY a.member_id),
         running (member_id) AS (
             SELECT member_id FROM subscription WHERE end_date IS NULL OR end_date >= :today
             UNION SELECT shared_with FROM subscription
                 WHERE shared_with IS NOT NULL AND (end_date IS NULL OR end_date >= :today))
         SELECT m.id, m.last_name, m.first_name,
                max(coalesce((SELECT max(coalesce(s.end_date, s.start_date)) FROM subscription s
                              WHERE s.member_id = m.id), ''),
                    coalesce((SELECT printf('%04d-12-31', y.year) FROM membership y
                              WHERE y.member_id = m.id ORDER BY y.year DESC LIMIT 1), ''),
                    coalesce((SELECT max(received_on) FROM payment p WHERE p.member_id = m.id), ''),
                    coalesce((SELECT max(entry_on) FROM account_entry e WHERE e.member_id = m.id),
                             ''),
                    coalesce(w.last, ''), coalesce(m.joined_on, '')) AS last,
                m.status IN ('actif', 'attente')
                OR m.id IN (SELECT member_id FROM running) AS current
         FROM member m LEFT JOIN sessions w ON w.member_id = m.id
         WHERE NOT EXISTS (SELECT 1 FROM member_anonymised x WHERE x.member_id = m.id)
         ORDER BY m.id",
    )?;
    let rows = stmt.query_map(named_params! {":today": today}, |r| {
        let id: i64 = r.get("id")?;
        let last: String = r.get("last")?;
        let last = match baskets.get(&id) {
            Some(week) if *week > last => week.clone(),
            _ => last,
        };
        Ok(LastActivity {
            person: Person::Member(id),
            name: name(r)?,
            last: (!last.is_empty()).then_some(last).and_then(date),
            what: "Dernier panier, abonnement ou adhésion",
            current: r.get("current")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Each household's latest basket week (the Monday, as stored), its own subscriptions' and
/// those it shares: each subscription's latest pickup found through the index on the
/// pickups' subscription, not by reading the whole table.
fn basket_lasts(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare(
        "SELECT s.member_id, s.shared_with,
                (SELECT max(p.monday) FROM pickup p WHERE p.subscription_id = s.id)
         FROM subscription s",
    )?;
    let mut rows = stmt.query([])?;
    let mut lasts: HashMap<i64, String> = HashMap::new();
    while let Some(r) = rows.next()? {
        let Some(week) = r.get::<_, Option<String>>(2)? else {
            continue;
        };
        let member: i64 = r.get(0)?;
        for holder in std::iter::once(member).chain(r.get::<_, Option<i64>>(1)?) {
            let last = lasts.entry(holder).or_default();
            if week > *last {
                last.clone_from(&week);
            }
        }
    }
    Ok(lasts)
}

/// Outside participants, told apart as the workshop figures do (`lower(trim(name))`): their
/// last day is their latest session; a session on or after `today` is current.
fn participants(conn: &Connection, today: NaiveDate) -> Result<Vec<LastActivity>> {
    let mut stmt = conn.prepare(
        "SELECT lower(trim(a.outside_name)) AS person, max(trim(a.outside_name)) AS name,
                max(ws.date) AS last
         FROM attendance a JOIN workshop_session ws ON ws.id = a.session_id
         WHERE a.member_id IS NULL AND a.employee_id IS NULL
           AND substr(trim(a.outside_name), 1, length(:label)) <> :label
         GROUP BY lower(trim(a.outside_name))",
    )?;
    let rows = stmt.query_map(named_params! {":label": PARTICIPANT_LABEL}, |r| {
        let last = r.get::<_, Option<String>>("last")?.and_then(date);
        Ok(LastActivity {
            person: Person::Participant(r.get("person")?),
            name: r.get("name")?,
            last,
            what: "Dernière séance d'atelier",
            current: last.is_some_and(|l| l >= today),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// « NOM Prénom », as lists show people.
fn name(row: &rusqlite::Row) -> rusqlite::Result<String> {
    Ok(list_name(
        &row.get::<_, String>("first_name")?,
        &row.get::<_, String>("last_name")?,
    ))
}

/// A stored `YYYY-MM-DD` day (`None` for an empty or unreadable text).
fn date(text: String) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
}
