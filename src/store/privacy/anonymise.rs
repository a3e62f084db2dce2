//! Anonymisation that keeps the statistics: what identifies a person is erased, what the
//! reports count stays.
//!
//! Erased: names, civility, address, phones, e-mail, notes, the situation at entry that no
//! report counts (benefits, RQTH, court measure, QPV/ZRR, eligibility criteria, months of
//! unemployment), the PASS IAE number, the prescriber's contact, follow-up and exit texts, the reasons of PASS changes, immersion
//! tutors, a household's co-member, cheque drawers and the social worker of its Paniers
//! Solidaires terms, the day of birth (see [`kept_birth_date`]). Kept: gender, the age
//! band on every day of the paths, every date, category, hour and theme, the FSE+ answers,
//! baskets, memberships and payments' amounts.
//!
//! Old text must not survive in the file: the connection runs with `secure_delete` on
//! during the work (freed space is zeroed), the file is rebuilt afterwards (`VACUUM`: text
//! of rows edited long ago can lie in free space) and the write-ahead log emptied.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, named_params};

use crate::domain::privacy::{
    EMPLOYEE_LABEL, MEMBER_LABEL, PARTICIPANT_LABEL, Person, kept_birth_date,
};
use crate::store::{Result, StoreError};

/// How many people were anonymised, per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anonymised {
    /// Employees.
    pub employees: usize,
    /// Households.
    pub members: usize,
    /// Outside workshop participants.
    pub participants: usize,
}

impl Anonymised {
    /// Everyone anonymised.
    pub fn total(&self) -> usize {
        self.employees + self.members + self.participants
    }
}

/// Anonymises `people` on `today`, all or none, in one transaction; then rebuilds the file
/// (`VACUUM`) and empties the write-ahead log, so that no old text stays in either. Someone already anonymised is skipped.
pub fn anonymise(conn: &mut Connection, people: &[Person], today: NaiveDate) -> Result<Anonymised> {
    conn.pragma_update(None, "secure_delete", true)?;
    let done = anonymise_in_transaction(conn, people, today);
    let reset = conn.pragma_update(None, "secure_delete", false);
    let done = done?;
    reset?;
    // Text of earlier versions of the rows (before an edit, say) can lie in the free space
    // of pages: rebuilding the file leaves none; then the log is emptied into it. In memory
    // there is no log: the pragma answers without checkpointing.
    conn.execute_batch("VACUUM")?;
    let _: (i64, i64, i64) = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(done)
}

fn anonymise_in_transaction(
    conn: &mut Connection,
    people: &[Person],
    today: NaiveDate,
) -> Result<Anonymised> {
    let tx = conn.transaction()?;
    let mut done = Anonymised::default();
    for person in people {
        match person {
            Person::Employee(id) => done.employees += usize::from(employee(&tx, *id, today)?),
            Person::Member(id) => done.members += usize::from(member(&tx, *id, today)?),
            Person::Participant(key) => {
                done.participants += usize::from(participant(&tx, key)?);
            }
        }
    }
    tx.commit()?;
    Ok(done)
}

/// Anonymises one employee; false when already anonymised. Refused for an unknown id.
fn employee(conn: &Connection, id: i64, today: NaiveDate) -> Result<bool> {
    let found: Option<(Option<NaiveDate>, Option<String>)> = conn
        .query_row(
            "SELECT birth_date, anonymised_on FROM employee WHERE id = :id",
            named_params! {":id": id},
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((birth, anonymised)) = found else {
        return Err(StoreError::Invalid(format!(
            "Aucun salarié n° {id} dans ce jardin."
        )));
    };
    if anonymised.is_some() {
        return Ok(false);
    }
    let kept_birth = match birth {
        Some(birth) => {
            let (from, to) = path_window(conn, id)?;
            Some(kept_birth_date(birth, from.unwrap_or(birth), to))
        }
        None => None,
    };
    conn.execute(
        "UPDATE employee SET civility = '', last_name = :label, first_name = '',
                birth_date = :birth, address = '', postcode = '', city = '', phone = '',
                email = '', prescriber_contact = '', notes = '', rsa = 0, ass = 0, aah = 0,
                unemployment_months = NULL, rqth = 0, qpv = 0, zrr = 0, court_measure = 0,
                anonymised_on = :today
         WHERE id = :id",
        named_params! {
            ":label": format!("{EMPLOYEE_LABEL}{id}"), ":birth": kept_birth,
            ":today": today, ":id": id,
        },
    )?;
    for sql in [
        "DELETE FROM employee_criterion WHERE employee_id = :id",
        "UPDATE follow_up SET notes = '' WHERE employee_id = :id AND notes <> ''",
        "UPDATE exit SET detail = '' WHERE employee_id = :id AND detail <> ''",
        "UPDATE approval SET number = '' WHERE employee_id = :id AND number <> ''",
        "UPDATE approval_change SET reason = '' WHERE reason <> ''
             AND approval_id IN (SELECT id FROM approval WHERE employee_id = :id)",
        "UPDATE immersion SET tutor = '' WHERE employee_id = :id AND tutor <> ''",
    ] {
        conn.execute(sql, named_params! {":id": id})?;
    }
    Ok(true)
}

/// The days the activity report may measure an employee's age on: from their first entry
/// to their last exit (with a path still open, to the end of time).
fn path_window(conn: &Connection, id: i64) -> Result<(Option<NaiveDate>, NaiveDate)> {
    Ok(conn.query_row(
        "SELECT (SELECT min(entry_date) FROM path WHERE employee_id = :id),
                CASE WHEN EXISTS (SELECT 1 FROM path p WHERE p.employee_id = :id
                                  AND NOT EXISTS (SELECT 1 FROM exit x WHERE x.path_id = p.id))
                     THEN NULL
                     ELSE (SELECT max(date) FROM exit WHERE employee_id = :id) END",
        named_params! {":id": id},
        |r| {
            let to: Option<NaiveDate> = r.get(1)?;
            Ok((r.get(0)?, to.unwrap_or(NaiveDate::MAX)))
        },
    )?)
}

/// Anonymises one household; false when already anonymised. Refused for an unknown id.
fn member(conn: &Connection, id: i64, today: NaiveDate) -> Result<bool> {
    let found: Option<Option<String>> = conn
        .query_row(
            "SELECT (SELECT anonymised_on FROM member_anonymised WHERE member_id = m.id)
             FROM member m WHERE m.id = :id",
            named_params! {":id": id},
            |r| r.get(0),
        )
        .optional()?;
    match found {
        None => {
            return Err(StoreError::Invalid(format!(
                "Aucun adhérent n° {id} dans ce jardin."
            )));
        }
        Some(Some(_)) => return Ok(false),
        Some(None) => {}
    }
    conn.execute(
        "UPDATE member SET last_name = :label, first_name = '', co_member = '', address = '',
                postcode = '', city = '', phone = '', phone2 = '', email = '', notes = ''
         WHERE id = :id",
        named_params! {":label": format!("{MEMBER_LABEL}{id}"), ":id": id},
    )?;
    conn.execute(
        "INSERT INTO member_anonymised (member_id, anonymised_on) VALUES (:id, :today)",
        named_params! {":id": id, ":today": today},
    )?;
    for sql in [
        "UPDATE payment SET drawer = '' WHERE member_id = :id AND drawer <> ''",
        "UPDATE absence SET notes = '' WHERE member_id = :id AND notes <> ''",
        "UPDATE solidarity_terms SET social_worker = '' WHERE social_worker <> ''
             AND subscription_id IN (SELECT id FROM subscription WHERE member_id = :id)",
    ] {
        conn.execute(sql, named_params! {":id": id})?;
    }
    Ok(true)
}

/// Anonymises an outside participant (every registration under `key`, their name as
/// `lower(trim(name))`): they take one label, numbered by their first registration, so the
/// workshop figures still count them once. False when no registration has that name.
fn participant(conn: &Connection, key: &str) -> Result<bool> {
    let first: Option<i64> = conn.query_row(
        "SELECT min(id) FROM attendance
         WHERE member_id IS NULL AND employee_id IS NULL AND lower(trim(outside_name)) = :key",
        named_params! {":key": key},
        |r| r.get(0),
    )?;
    let Some(first) = first else {
        return Ok(false);
    };
    conn.execute(
        "UPDATE attendance SET outside_name = :label
         WHERE member_id IS NULL AND employee_id IS NULL AND lower(trim(outside_name)) = :key",
        named_params! {":label": format!("{PARTICIPANT_LABEL}{first}"), ":key": key},
    )?;
    Ok(true)
}
