//! Hours actually worked per month, from payroll (optional): typed month by month on the
//! employee's file. Where a month has them, the activity report takes that month's FTE from
//! them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::all;
use crate::domain::activity::WorkedHours;
use crate::store::error::{Result, StoreError};

/// Most hours anyone can work in a month (31 days of 24 h): beyond, it is a typing error.
pub const MAX_MONTH_HOURS: f64 = 744.0;

fn month_key(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

fn parse_key(key: &str) -> Option<(i32, u32)> {
    let (year, month) = key.split_once('-')?;
    Some((year.parse().ok()?, month.parse().ok()?))
}

/// An employee's worked hours of `year`, January first (`None`: not recorded).
pub fn worked_hours_of_year(
    conn: &Connection,
    employee_id: i64,
    year: i32,
) -> Result<[Option<f64>; 12]> {
    let rows: Vec<(String, f64)> = all(
        conn,
        "SELECT month, hours FROM worked_hours
         WHERE employee_id = :employee AND month BETWEEN :first AND :last",
        named_params! {
            ":employee": employee_id, ":first": month_key(year, 1), ":last": month_key(year, 12),
        },
        |row| Ok((row.get("month")?, row.get("hours")?)),
    )?;
    let mut months = [None; 12];
    for (key, hours) in rows {
        if let Some((_, month)) =
            parse_key(&key).filter(|(y, m)| *y == year && (1..=12).contains(m))
        {
            months[month as usize - 1] = Some(hours);
        }
    }
    Ok(months)
}

/// Replaces an employee's worked hours of `year` with `months` (January first; `None`
/// removes the month), in one transaction. Negative or impossible hours are refused.
pub fn save_worked_hours_year(
    conn: &Connection,
    employee_id: i64,
    year: i32,
    months: &[Option<f64>; 12],
) -> Result<()> {
    if let Some(bad) = months
        .iter()
        .flatten()
        .find(|h| !(0.0..=MAX_MONTH_HOURS).contains(*h))
    {
        return Err(StoreError::Invalid(format!(
            "{bad} heures dans un mois : indiquez entre 0 et {MAX_MONTH_HOURS} heures."
        )));
    }
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM worked_hours
         WHERE employee_id = :employee AND month BETWEEN :first AND :last",
        named_params! {
            ":employee": employee_id, ":first": month_key(year, 1), ":last": month_key(year, 12),
        },
    )?;
    for (index, hours) in months.iter().enumerate() {
        if let Some(hours) = hours {
            tx.execute(
                "INSERT INTO worked_hours (employee_id, month, hours)
                 VALUES (:employee, :month, :hours)",
                named_params! {
                    ":employee": employee_id, ":month": month_key(year, index as u32 + 1),
                    ":hours": hours,
                },
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Every employee's worked hours of the months `from` to `to` touch.
pub fn worked_hours_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, WorkedHours>> {
    let rows: Vec<(i64, String, f64)> = all(
        conn,
        "SELECT employee_id, month, hours FROM worked_hours WHERE month BETWEEN :first AND :last",
        named_params! {
            ":first": month_key(from.year(), from.month()),
            ":last": month_key(to.year(), to.month()),
        },
        |row| {
            Ok((
                row.get("employee_id")?,
                row.get("month")?,
                row.get("hours")?,
            ))
        },
    )?;
    let mut worked: HashMap<i64, WorkedHours> = HashMap::new();
    for (employee, key, hours) in rows {
        if let Some(month) = parse_key(&key) {
            worked.entry(employee).or_default().insert(month, hours);
        }
    }
    Ok(worked)
}

/// Every month of worked hours recorded for an employee.
pub fn worked_hours_of_employee(conn: &Connection, employee_id: i64) -> Result<WorkedHours> {
    let rows: Vec<(String, f64)> = all(
        conn,
        "SELECT month, hours FROM worked_hours WHERE employee_id = :employee",
        named_params! {":employee": employee_id},
        |row| Ok((row.get("month")?, row.get("hours")?)),
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, hours)| parse_key(&key).map(|month| (month, hours)))
        .collect())
}

/// What a payroll import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayrollImport {
    /// Months of worked hours written (added or replaced).
    pub months: usize,
    /// Lines refused, with their reason (in French).
    pub refused: Vec<String>,
}

impl PayrollImport {
    /// « 12 mois d'heures importés ; 1 ligne refusée : Ligne 4 : … ».
    pub fn summary(&self) -> String {
        let mut text = format!("{} mois d'heures travaillées importés.", self.months);
        if !self.refused.is_empty() {
            text.push_str(&format!(
                " {} ligne(s) refusée(s) : {}",
                self.refused.len(),
                self.refused.join(" ")
            ));
        }
        text
    }
}

/// Writes the hours of a payroll export (see [`crate::domain::employees::payroll_lines`]),
/// in one transaction: each line goes to the employee of that first and last name
/// (accents and case ignored; anonymised files left out), replacing the month's hours; a
/// line naming nobody, or two people, is refused. `refused` holds the lines the file
/// reading already refused.
pub fn import_payroll(
    conn: &Connection,
    lines: &[crate::domain::employees::PayrollLine],
    mut refused: Vec<String>,
) -> Result<PayrollImport> {
    use crate::domain::text::fold;
    let people: Vec<(i64, String, String)> = all(
        conn,
        "SELECT id, last_name, first_name FROM employee WHERE anonymised_on IS NULL",
        &[],
        |row| {
            Ok((
                row.get("id")?,
                row.get("last_name")?,
                row.get("first_name")?,
            ))
        },
    )?;
    let tx = conn.unchecked_transaction()?;
    let mut months = 0;
    for line in lines {
        let (last, first) = (fold(line.last_name.trim()), fold(line.first_name.trim()));
        let matching: Vec<i64> = people
            .iter()
            .filter(|(_, l, f)| fold(l.trim()) == last && fold(f.trim()) == first)
            .map(|(id, _, _)| *id)
            .collect();
        let [employee] = matching.as_slice() else {
            refused.push(format!(
                "Ligne {} : {} {}.",
                line.line,
                crate::domain::text::sentence_name(&line.first_name, &line.last_name),
                if matching.is_empty() {
                    "n'est pas un salarié connu"
                } else {
                    "désigne plusieurs salariés"
                }
            ));
            continue;
        };
        if line.hours > MAX_MONTH_HOURS {
            refused.push(format!(
                "Ligne {} : {} heures dans un mois, c'est impossible.",
                line.line, line.hours
            ));
            continue;
        }
        tx.execute(
            "INSERT OR REPLACE INTO worked_hours (employee_id, month, hours)
             VALUES (:employee, :month, :hours)",
            named_params! {
                ":employee": employee, ":month": month_key(line.year, line.month),
                ":hours": line.hours,
            },
        )?;
        months += 1;
    }
    tx.commit()?;
    Ok(PayrollImport { months, refused })
}

/// Reads the payroll export at `path` (CSV, XLSX or ODS) and writes its hours (see
/// [`import_payroll`]).
pub fn import_payroll_file(conn: &Connection, path: &std::path::Path) -> Result<PayrollImport> {
    let (table, _format) = crate::store::import::read_table(path)?;
    let (lines, refused) =
        crate::domain::employees::payroll_lines(&table).map_err(StoreError::Invalid)?;
    import_payroll(conn, &lines, refused)
}
