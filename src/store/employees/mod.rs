//! The insertion area: staff, employees (with their eligibility criteria), PASS IAE,
//! contracts, follow-ups and themes, trainings, immersions, exits and FSE+ snapshots, plus
//! the dates the home screen watches.
//!
//! Writes return `NotFound` when the row is gone; writes touching several rows run in one
//! transaction.

mod followups;
mod fse;
mod insertion_paths;
mod overview;
mod path_sheet;
mod paths;
mod payroll;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, named_params};

use super::error::{Constraint, Result, StoreError};
use crate::domain::employees::{
    Civility, Criterion, EducationLevel, Employee, Gender, PrescriberKind, Staff, StaffRole,
};

pub use followups::*;
pub use fse::*;
pub use insertion_paths::*;
pub use overview::*;
pub use path_sheet::*;
pub use paths::*;
pub use payroll::*;

// ---------------------------------------------------------------------------------- helpers

/// The value stored as `text`, or a conversion error naming the unknown code.
fn code<T>(text: &str, from_code: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    from_code(text).ok_or_else(|| unknown_code(text))
}

/// Like [`code`], with the empty code meaning "not filled in".
fn optional_code<T>(text: &str, from_code: fn(&str) -> Option<T>) -> rusqlite::Result<Option<T>> {
    if text.is_empty() {
        Ok(None)
    } else {
        code(text, from_code).map(Some)
    }
}

fn unknown_code(text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("code inconnu : {text}").into(),
    )
}

/// The code of an optional value, empty when absent.
fn code_or_empty<T>(value: Option<T>, to_code: fn(T) -> &'static str) -> &'static str {
    value.map_or("", to_code)
}

/// Turns a violated uniqueness into `message`, a missing reference into a French message;
/// other errors pass through.
fn constraint_message(error: rusqlite::Error, unique: &str) -> StoreError {
    let broken = Constraint::of(&error);
    if broken == Some(Constraint::Unique) {
        StoreError::Invalid(unique.to_owned())
    } else if broken == Some(Constraint::ForeignKey) {
        StoreError::Invalid(
            "Le salarié, le contrat ou la personne choisie n'existe plus : rechargez la fiche."
                .to_owned(),
        )
    } else {
        error.into()
    }
}

/// `NotFound(what)` when a write changed no row.
fn changed_one(changed: usize, what: &'static str) -> Result<()> {
    if changed == 0 {
        Err(StoreError::NotFound(what))
    } else {
        Ok(())
    }
}

/// The single row `sql` selects with `params`, or `NotFound(what)`.
fn one<T>(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    what: &'static str,
    read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    match conn.query_row(sql, params, read) {
        Ok(value) => Ok(value),
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound(what)),
        Err(error) => Err(error.into()),
    }
}

/// Every row `sql` selects with `params`.
fn all<T>(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut statement = conn.prepare(sql)?;
    let rows = statement.query_map(params, read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
}

// ------------------------------------------------------------------------------------ staff

const STAFF_COLUMNS: &str = "id, last_name, first_name, role, phone, email, active";

fn read_staff(row: &Row<'_>) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: row.get("id")?,
        last_name: row.get("last_name")?,
        first_name: row.get("first_name")?,
        role: code(&row.get::<_, String>("role")?, StaffRole::from_code)?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        active: row.get("active")?,
    })
}

/// Saves a new staff member; returns the id (`staff.id` is ignored).
pub fn insert_staff(conn: &Connection, staff: &Staff) -> Result<i64> {
    conn.execute(
        "INSERT INTO staff (last_name, first_name, role, phone, email, active)
         VALUES (:last_name, :first_name, :role, :phone, :email, :active)",
        named_params! {
            ":last_name": staff.last_name.trim(), ":first_name": staff.first_name.trim(),
            ":role": staff.role.code(), ":phone": staff.phone, ":email": staff.email,
            ":active": staff.active,
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a staff member.
pub fn update_staff(conn: &Connection, staff: &Staff) -> Result<()> {
    let changed = conn.execute(
        "UPDATE staff SET last_name = :last_name, first_name = :first_name, role = :role,
             phone = :phone, email = :email, active = :active
         WHERE id = :id",
        named_params! {
            ":id": staff.id, ":last_name": staff.last_name.trim(),
            ":first_name": staff.first_name.trim(), ":role": staff.role.code(),
            ":phone": staff.phone, ":email": staff.email, ":active": staff.active,
        },
    )?;
    changed_one(changed, "Membre de l'équipe")
}

/// Deletes a staff member; the employees and follow-ups they had keep no referent.
pub fn delete_staff(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM staff WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Membre de l'équipe")
}

/// One staff member.
pub fn get_staff(conn: &Connection, id: i64) -> Result<Staff> {
    let sql = format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = :id");
    one(
        conn,
        &sql,
        named_params! {":id": id},
        "Membre de l'équipe",
        read_staff,
    )
}

/// Every staff member, active or not, by last name then first name.
pub fn list_staff(conn: &Connection) -> Result<Vec<Staff>> {
    let sql = format!(
        "SELECT {STAFF_COLUMNS} FROM staff
         ORDER BY last_name COLLATE FR, first_name COLLATE FR, id"
    );
    all(conn, &sql, &[], read_staff)
}

// --------------------------------------------------------------------------------- employee

const EMPLOYEE_COLUMNS: &str = "id, civility, last_name, first_name, birth_date, gender,
    address, postcode, city, phone, email, referent_id, entry_date, prescriber_kind,
    prescriber_org, prescriber_contact, education_level, rsa, ass, aah, unemployment_months,
    rqth, qpv, zrr, court_measure, notes, anonymised_on";

/// An employee row, without criteria (read them with [`criteria_of`]).
fn read_employee(row: &Row<'_>) -> rusqlite::Result<Employee> {
    Ok(Employee {
        id: row.get("id")?,
        civility: code(&row.get::<_, String>("civility")?, Civility::from_code)?,
        last_name: row.get("last_name")?,
        first_name: row.get("first_name")?,
        birth_date: row.get("birth_date")?,
        gender: code(&row.get::<_, String>("gender")?, Gender::from_code)?,
        address: row.get("address")?,
        postcode: row.get("postcode")?,
        city: row.get("city")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        referent_id: row.get("referent_id")?,
        entry_date: row.get("entry_date")?,
        // An unknown prescriber code (from a later version) reads as "Autre".
        prescriber_kind: PrescriberKind::from_code(&row.get::<_, String>("prescriber_kind")?)
            .unwrap_or(PrescriberKind::Other),
        prescriber_org: row.get("prescriber_org")?,
        prescriber_contact: row.get("prescriber_contact")?,
        education_level: optional_code(
            &row.get::<_, String>("education_level")?,
            EducationLevel::from_code,
        )?,
        rsa: row.get("rsa")?,
        ass: row.get("ass")?,
        aah: row.get("aah")?,
        unemployment_months: row.get("unemployment_months")?,
        rqth: row.get("rqth")?,
        qpv: row.get("qpv")?,
        zrr: row.get("zrr")?,
        court_measure: row.get("court_measure")?,
        notes: row.get("notes")?,
        anonymised_on: row.get("anonymised_on")?,
        criteria: Vec::new(),
    })
}

/// The criteria ticked for an employee, in `Criterion::ALL` order (unknown codes skipped).
fn criteria_of(conn: &Connection, employee_id: i64) -> Result<Vec<Criterion>> {
    let codes: Vec<String> = all(
        conn,
        "SELECT criterion FROM employee_criterion WHERE employee_id = :id",
        named_params! {":id": employee_id},
        |row| row.get("criterion"),
    )?;
    let mut criteria: Vec<Criterion> = codes
        .iter()
        .filter_map(|c| Criterion::from_code(c))
        .collect();
    criteria.sort();
    Ok(criteria)
}

fn write_criteria(conn: &Connection, employee: &Employee, employee_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM employee_criterion WHERE employee_id = :id",
        named_params! {":id": employee_id},
    )?;
    let mut insert = conn.prepare(
        "INSERT OR IGNORE INTO employee_criterion (employee_id, criterion) VALUES (:id, :code)",
    )?;
    for criterion in &employee.criteria {
        insert.execute(named_params! {":id": employee_id, ":code": criterion.code()})?;
    }
    Ok(())
}

/// Runs an employee INSERT or UPDATE: `sql` names every column as a parameter, and `:id`
/// too when `with_id`.
fn write_employee(conn: &Connection, sql: &str, e: &Employee, with_id: bool) -> Result<usize> {
    let education_level = code_or_empty(e.education_level, EducationLevel::code);
    let (civility, gender) = (e.civility.code(), e.gender.code());
    let prescriber_kind = e.prescriber_kind.code();
    let (last_name, first_name) = (e.last_name.trim(), e.first_name.trim());
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":civility", &civility),
        (":last_name", &last_name),
        (":first_name", &first_name),
        (":birth_date", &e.birth_date),
        (":gender", &gender),
        (":address", &e.address),
        (":postcode", &e.postcode),
        (":city", &e.city),
        (":phone", &e.phone),
        (":email", &e.email),
        (":referent_id", &e.referent_id),
        (":entry_date", &e.entry_date),
        (":prescriber_kind", &prescriber_kind),
        (":prescriber_org", &e.prescriber_org),
        (":prescriber_contact", &e.prescriber_contact),
        (":education_level", &education_level),
        (":rsa", &e.rsa),
        (":ass", &e.ass),
        (":aah", &e.aah),
        (":unemployment_months", &e.unemployment_months),
        (":rqth", &e.rqth),
        (":qpv", &e.qpv),
        (":zrr", &e.zrr),
        (":court_measure", &e.court_measure),
        (":notes", &e.notes),
        (":anonymised_on", &e.anonymised_on),
    ];
    if with_id {
        params.push((":id", &e.id));
    }
    conn.execute(sql, params.as_slice())
        .map_err(|error| constraint_message(error, "Ce salarié existe déjà."))
}

/// Saves a new employee and their criteria in one transaction; returns the id. The RSA, ASS,
/// AAH, RQTH, QPV, ZRR and court-measure boxes and the criteria of the same meaning are
/// saved aligned (see [`Employee::align_flags_and_criteria`]).
pub fn insert_employee(conn: &Connection, employee: &Employee) -> Result<i64> {
    let tx = conn.unchecked_transaction()?;
    let id = insert_employee_in(&tx, employee)?;
    tx.commit()?;
    Ok(id)
}

/// [`insert_employee`] inside the caller's transaction (an import's).
pub fn insert_employee_in(conn: &Connection, employee: &Employee) -> Result<i64> {
    let mut employee = employee.clone();
    employee.align_flags_and_criteria();
    let employee = &employee;
    write_employee(
        conn,
        "INSERT INTO employee (civility, last_name, first_name, birth_date, gender, address,
             postcode, city, phone, email, referent_id, entry_date, prescriber_kind,
             prescriber_org, prescriber_contact, education_level, rsa, ass, aah,
             unemployment_months, rqth, qpv, zrr, court_measure, notes, anonymised_on)
         VALUES (:civility, :last_name, :first_name, :birth_date, :gender, :address,
             :postcode, :city, :phone, :email, :referent_id, :entry_date, :prescriber_kind,
             :prescriber_org, :prescriber_contact, :education_level, :rsa, :ass, :aah,
             :unemployment_months, :rqth, :qpv, :zrr, :court_measure, :notes, :anonymised_on)",
        employee,
        false,
    )?;
    let id = conn.last_insert_rowid();
    write_criteria(conn, employee, id)?;
    Ok(id)
}

/// Saves changes to an employee and replaces their criteria, in one transaction.
pub fn update_employee(conn: &Connection, employee: &Employee) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    update_employee_in(&tx, employee)?;
    tx.commit()?;
    Ok(())
}

/// [`update_employee`] inside the caller's transaction (an import's).
pub fn update_employee_in(conn: &Connection, employee: &Employee) -> Result<()> {
    let mut employee = employee.clone();
    employee.align_flags_and_criteria();
    let employee = &employee;
    let changed = write_employee(
        conn,
        "UPDATE employee SET civility = :civility, last_name = :last_name,
             first_name = :first_name, birth_date = :birth_date, gender = :gender,
             address = :address, postcode = :postcode, city = :city, phone = :phone,
             email = :email, referent_id = :referent_id, entry_date = :entry_date,
             prescriber_kind = :prescriber_kind, prescriber_org = :prescriber_org,
             prescriber_contact = :prescriber_contact, education_level = :education_level,
             rsa = :rsa, ass = :ass, aah = :aah, unemployment_months = :unemployment_months,
             rqth = :rqth, qpv = :qpv, zrr = :zrr, court_measure = :court_measure,
             notes = :notes, anonymised_on = :anonymised_on
         WHERE id = :id",
        employee,
        true,
    )?;
    changed_one(changed, "Salarié")?;
    write_criteria(conn, employee, employee.id)
}

/// Deletes an employee and everything about them (contracts, PASS, follow-ups…).
pub fn delete_employee(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM employee WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Salarié")
}

/// One employee with their criteria.
pub fn get_employee(conn: &Connection, id: i64) -> Result<Employee> {
    let sql = format!("SELECT {EMPLOYEE_COLUMNS} FROM employee WHERE id = :id");
    let mut employee = one(
        conn,
        &sql,
        named_params! {":id": id},
        "Salarié",
        read_employee,
    )?;
    employee.criteria = criteria_of(conn, id)?;
    Ok(employee)
}

/// Every employee with their criteria, by last name then first name.
pub fn list_employees(conn: &Connection) -> Result<Vec<Employee>> {
    let sql = format!(
        "SELECT {EMPLOYEE_COLUMNS} FROM employee
         ORDER BY last_name COLLATE FR, first_name COLLATE FR, id"
    );
    let mut employees = all(conn, &sql, &[], read_employee)?;
    for employee in &mut employees {
        employee.criteria = criteria_of(conn, employee.id)?;
    }
    Ok(employees)
}

// ------------------------------------------------------------------------------ home screen

/// How many people were on a path on `on`: a path entered on or before it, and not exited
/// before it (someone leaving that very day still counts).
pub fn employees_in_path(conn: &Connection, on: NaiveDate) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT p.employee_id) FROM path p
         WHERE p.entry_date <= :on
           AND NOT EXISTS (SELECT 1 FROM exit x WHERE x.path_id = p.id AND x.date < :on)",
        named_params! {":on": on},
        |row| row.get(0),
    )?)
}
