//! Staff and employees on insertion paths, at every stage a CIP meets: just hired, renewed,
//! near the 24-month cap, PASS IAE about to end, contract about to end, and exits of the five
//! categories, with follow-ups, trainings, a PMSMP, a PASS suspension and FSE+ snapshots.

mod employee;
mod extras;
mod paths;

use rusqlite::{Connection, Statement, named_params};

use super::Ctx;
use super::rng::Rng;
use crate::store::Result;
use employee::{create_employee, create_return};
use extras::{add_immersion, add_suspension};
use paths::{PATHS, Path};

/// Level-1 eligibility criteria codes (`domain::employees::Criterion`).
pub const LEVEL1_CRITERIA: &[&str] = &["rsa", "ass", "aah", "detld"];

/// Ids the other areas need.
pub struct People {
    /// The encadrant technique, the CIP and the director.
    pub staff: [i64; 3],
    /// Employees: id and whether still on a path (no exit).
    pub employees: Vec<(i64, bool)>,
}

/// Statements reused for every employee.
struct Statements<'c> {
    employee: Statement<'c>,
    criterion: Statement<'c>,
    approval: Statement<'c>,
    contract: Statement<'c>,
    follow_up: Statement<'c>,
    follow_up_theme: Statement<'c>,
    training: Statement<'c>,
    exit: Statement<'c>,
    snapshot: Statement<'c>,
    /// A new path (the first one comes with the employee's row).
    path: Statement<'c>,
    /// The employee's entry date, that of their latest path.
    entry: Statement<'c>,
}

/// Writes the staff and the employees.
pub fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng) -> Result<People> {
    let staff = create_staff(conn)?;
    let themes = theme_ids(conn)?;
    let mut st = statements(conn)?;
    let mut employees = Vec::new();
    let mut serial = 0;
    for round in 0..ctx.scale {
        for (index, &path) in PATHS.iter().enumerate() {
            serial += 1;
            let id = create_employee(&mut st, ctx, rng, &staff, &themes, path, serial)?.id;
            // One PASS suspension and one PMSMP per round, on fixed paths.
            if index == 8 {
                add_suspension(conn, ctx, id)?;
            }
            if index == 4 || (index == 15 && round == 0) {
                add_immersion(conn, ctx, rng, id, index == 15)?;
            }
            employees.push((id, !matches!(path, Path::Exited { .. })));
        }
    }
    let mut cohorts = Cohorts {
        st,
        staff,
        themes,
        serial,
    };
    for back in 1..ctx.years {
        employees.extend(cohorts.create(&ctx.years_ago(back), rng, back)?);
    }
    Ok(People { staff, employees })
}

/// The cohorts of the seasons before the usual demo's.
struct Cohorts<'c> {
    st: Statements<'c>,
    staff: [i64; 3],
    themes: Vec<i64>,
    /// Employees written so far.
    serial: u32,
}

impl Cohorts<'_> {
    /// The cohort hired in the season `back` years ago: about twice today's, all of whom
    /// have left by now. From two seasons back, every third of them (the 3rd, 6th, … of the
    /// season) came back for a second path after their exit, and has left again.
    fn create(&mut self, past: &Ctx, rng: &mut Rng, back: u32) -> Result<Vec<(i64, bool)>> {
        let mut employees = Vec::new();
        let st = &mut self.st;
        for k in 0..2 * past.scale as usize * PATHS.len() {
            self.serial += 1;
            let index = k % PATHS.len();
            let path = Path::Exited {
                category: (index % 5) as i64 + 1,
                months_ago: (index % 12) as i32,
            };
            let (staff, themes) = (&self.staff, &self.themes);
            let hired = create_employee(st, past, rng, staff, themes, path, self.serial)?;
            if back >= 2 && k % 3 == 2 {
                // Back for a job, a training or still seeking: categories 1 to 4 in turn.
                let category = (k / 3 % 4) as i64 + 1;
                create_return(st, past, rng, staff, themes, &hired, category, self.serial)?;
            }
            employees.push((hired.id, false));
        }
        Ok(employees)
    }
}

/// Prepares the statements of every employee.
fn statements(conn: &Connection) -> Result<Statements<'_>> {
    Ok(Statements {
        employee: conn.prepare(
            "INSERT INTO employee (civility, last_name, first_name, birth_date, gender, address,
                 postcode, city, phone, email, referent_id, entry_date, prescriber_kind,
                 prescriber_org, prescriber_contact, education_level, rsa, ass, aah,
                 unemployment_months, rqth, qpv, zrr, court_measure, notes)
             VALUES (:civility, :last, :first, :birth, :gender, :address, :postcode, :city,
                 :phone, :email, :referent, :entry, :pkind, :porg, :pcontact, :education, :rsa,
                 :ass, :aah, :unemployment, :rqth, :qpv, :zrr, :court, :notes)",
        )?,
        criterion: conn
            .prepare("INSERT INTO employee_criterion (employee_id, criterion) VALUES (:e, :c)")?,
        approval: conn.prepare(
            "INSERT INTO approval (employee_id, number, start_date, end_date)
             VALUES (:e, :number, :start, :end)",
        )?,
        contract: conn.prepare(
            "INSERT INTO contract (employee_id, renewal_of, start_date, planned_end, actual_end,
                 weekly_hours, post)
             VALUES (:e, :renewal_of, :start, :planned, :actual, :hours, :post)",
        )?,
        follow_up: conn.prepare(
            "INSERT INTO follow_up (employee_id, date, duration_minutes, staff_id, notes)
             VALUES (:e, :date, :minutes, :staff, :notes)",
        )?,
        follow_up_theme: conn
            .prepare("INSERT INTO follow_up_theme (follow_up_id, theme_id) VALUES (:f, :t)")?,
        training: conn.prepare(
            "INSERT INTO training (employee_id, title, body, start_date, end_date, hours, qualifying)
             VALUES (:e, :title, :body, :start, :end, :hours, :qualifying)",
        )?,
        exit: conn.prepare(
            "INSERT INTO exit (employee_id, date, category, outcome, outcome_months, detail)
             VALUES (:e, :date, :cat, :outcome, :months, :detail)",
        )?,
        snapshot: conn.prepare(
            "INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, education_level,
                 labour_status, disability, foreign_origin, minority, homeless, exit_result,
                 six_month_result)
             VALUES (:e, :stage, :taken, :gender, :age, :education, :labour, :disability,
                 :foreign, :minority, :homeless, :exit_result, :six)",
        )?,
        path: conn.prepare("INSERT INTO path (employee_id, entry_date) VALUES (:e, :entry)")?,
        entry: conn.prepare("UPDATE employee SET entry_date = :entry WHERE id = :e")?,
    })
}

fn create_staff(conn: &Connection) -> Result<[i64; 3]> {
    let mut stmt = conn.prepare(
        "INSERT INTO staff (last_name, first_name, role, phone, email)
         VALUES (:last, :first, :role, :phone, :email)",
    )?;
    let mut ids = [0; 3];
    let rows = [
        (
            "Girard",
            "Thomas",
            "encadrant",
            "06 12 45 78 21",
            "encadrant@jardin-valdeloue.fr",
        ),
        (
            "Benali",
            "Samira",
            "cip",
            "06 33 18 92 40",
            "accompagnement@jardin-valdeloue.fr",
        ),
        (
            "Roussel",
            "Claire",
            "direction",
            "03 81 62 14 09",
            "direction@jardin-valdeloue.fr",
        ),
    ];
    for (slot, (last, first, role, phone, email)) in ids.iter_mut().zip(rows) {
        *slot = stmt.insert(named_params! {
            ":last": last, ":first": first, ":role": role, ":phone": phone, ":email": email,
        })?;
    }
    Ok(ids)
}

fn theme_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM theme WHERE builtin = 1 ORDER BY id")?;
    let ids = stmt
        .query_map([], |row| row.get("id"))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}
