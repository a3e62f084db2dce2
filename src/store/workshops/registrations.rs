//! People one may register, registrations with names, and the session page.

use rusqlite::{Connection, OptionalExtension, named_params};

use super::attendance::attendance_from_row;
use super::sessions::get_session;
use super::types::get_workshop_type;
use super::workshop::get_workshop;
use crate::domain::text::{list_name, sentence_name};
use crate::domain::workshops::{Attendance, Participant, Session, SessionId, Workshop};
use crate::store::error::Result;

/// Who a person is, for picking them in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    /// The member or employee.
    pub participant: Participant,
    /// "DUPONT Marie".
    pub name: String,
    /// "Adhérent·e" or "Salarié·e".
    pub kind: &'static str,
}

/// Members (those who left excluded) and employees one may register for a session, by name.
pub fn registrable_people(conn: &Connection) -> Result<Vec<PersonChoice>> {
    let mut people = Vec::new();
    let mut members = conn.prepare(
        "SELECT id, last_name, first_name FROM member WHERE status <> 'parti'
         ORDER BY last_name COLLATE FR, first_name COLLATE FR, id",
    )?;
    let rows = members.query_map([], |row| {
        Ok(PersonChoice {
            participant: Participant::Member(row.get("id")?),
            name: list_name(
                &row.get::<_, String>("first_name")?,
                &row.get::<_, String>("last_name")?,
            ),
            kind: "Adhérent·e",
        })
    })?;
    for row in rows {
        people.push(row?);
    }
    let mut employees = conn.prepare(
        "SELECT id, last_name, first_name FROM employee
         ORDER BY last_name COLLATE FR, first_name COLLATE FR, id",
    )?;
    let rows = employees.query_map([], |row| {
        Ok(PersonChoice {
            participant: Participant::Employee(row.get("id")?),
            name: list_name(
                &row.get::<_, String>("first_name")?,
                &row.get::<_, String>("last_name")?,
            ),
            kind: "Salarié·e",
        })
    })?;
    for row in rows {
        people.push(row?);
    }
    people.sort_by(|a, b| crate::domain::text::compare(&a.name, &b.name));
    Ok(people)
}

/// A registered person with their name, as the session page and the sheet show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The attendance row.
    pub attendance: Attendance,
    /// "DUPONT Marie", or the outside person's name as typed.
    pub name: String,
    /// "Adhérent·e", "Salarié·e" or "Extérieur·e".
    pub kind: &'static str,
}

/// Everyone registered for a session, with names, by name.
pub fn registrations_of(conn: &Connection, session_id: SessionId) -> Result<Vec<Registration>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.id, a.session_id, a.member_id, a.employee_id, a.outside_name, a.status,
                coalesce(m.last_name, e.last_name) AS last_name,
                coalesce(m.first_name, e.first_name) AS first_name
         FROM attendance a
         LEFT JOIN member m ON m.id = a.member_id
         LEFT JOIN employee e ON e.id = a.employee_id
         WHERE a.session_id = :id",
    )?;
    let mut registrations = statement
        .query_map(named_params! {":id": session_id}, |row| {
            let attendance = attendance_from_row(row)?;
            let (name, kind) = match &attendance.participant {
                Participant::Outside(name) => (name.clone(), "Extérieur·e"),
                other => {
                    let last: String = row.get("last_name")?;
                    let first: String = row.get("first_name")?;
                    let kind = if matches!(other, Participant::Member(_)) {
                        "Adhérent·e"
                    } else {
                        "Salarié·e"
                    };
                    (list_name(&first, &last), kind)
                }
            };
            Ok(Registration {
                attendance,
                name,
                kind,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    registrations.sort_by(|a, b| {
        crate::domain::text::compare(&a.name, &b.name).then(a.attendance.id.cmp(&b.attendance.id))
    });
    Ok(registrations)
}

/// Everything the session page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDetail {
    /// The session.
    pub session: Session,
    /// Its workshop, with animators.
    pub workshop: Workshop,
    /// Name of the workshop's type.
    pub type_name: String,
    /// Animators' names, staff looked up, as in a sentence ("Animation : Paul Martin").
    pub animator_names: Vec<String>,
    /// Who is registered, by name.
    pub registrations: Vec<Registration>,
}

/// The animators of a workshop by name, as read in "Animation : Paul Martin": staff members
/// looked up ("Prénom Nom"), typed names as typed.
pub fn animator_names(conn: &Connection, workshop: &Workshop) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for animator in &workshop.animators {
        let name = match animator.staff_id {
            Some(id) => conn
                .query_row(
                    "SELECT last_name, first_name FROM staff WHERE id = :id",
                    named_params! {":id": id},
                    |r| {
                        Ok(sentence_name(
                            &r.get::<_, String>(1)?,
                            &r.get::<_, String>(0)?,
                        ))
                    },
                )
                .optional()?
                .unwrap_or_else(|| animator.name.clone()),
            None => animator.name.trim().to_owned(),
        };
        names.push(name);
    }
    Ok(names)
}

/// The session page: session, workshop, type, animators and registrations.
pub fn session_detail(conn: &Connection, session_id: SessionId) -> Result<SessionDetail> {
    let session = get_session(conn, session_id)?;
    let workshop = get_workshop(conn, session.workshop_id)?;
    let type_name = get_workshop_type(conn, workshop.type_id)?.name;
    let animator_names = animator_names(conn, &workshop)?;
    Ok(SessionDetail {
        registrations: registrations_of(conn, session_id)?,
        session,
        workshop,
        type_name,
        animator_names,
    })
}
