//! FSE+ snapshots: the answers of the European Social Fund questionnaire at entry, at exit
//! and six months after.

use rusqlite::{Connection, Row, named_params};

use super::paths::CURRENT_PATH;
use super::{all, changed_one, code, code_or_empty, constraint_message, one, optional_code};
use crate::domain::employees::{
    EducationLevel, ExitResult, FseSnapshot, FseStage, Gender, LabourStatus, SensitiveAnswer,
    SixMonthResult,
};
use crate::store::error::Result;

const FSE_COLUMNS: &str = "id, employee_id, stage, taken_on, gender, age, education_level,
    labour_status, disability, foreign_origin, minority, homeless, exit_result,
    six_month_result";

fn read_fse(row: &Row<'_>) -> rusqlite::Result<FseSnapshot> {
    let sensitive = |column: &str| -> rusqlite::Result<Option<SensitiveAnswer>> {
        optional_code(&row.get::<_, String>(column)?, SensitiveAnswer::from_code)
    };
    Ok(FseSnapshot {
        id: row.get("id")?,
        employee_id: row.get("employee_id")?,
        stage: code(&row.get::<_, String>("stage")?, FseStage::from_code)?,
        taken_on: row.get("taken_on")?,
        gender: code(&row.get::<_, String>("gender")?, Gender::from_code)?,
        age: row.get("age")?,
        education_level: optional_code(
            &row.get::<_, String>("education_level")?,
            EducationLevel::from_code,
        )?,
        labour_status: optional_code(
            &row.get::<_, String>("labour_status")?,
            LabourStatus::from_code,
        )?,
        disability: sensitive("disability")?,
        foreign_origin: sensitive("foreign_origin")?,
        minority: sensitive("minority")?,
        homeless: sensitive("homeless")?,
        exit_result: optional_code(&row.get::<_, String>("exit_result")?, ExitResult::from_code)?,
        six_month_result: optional_code(
            &row.get::<_, String>("six_month_result")?,
            SixMonthResult::from_code,
        )?,
    })
}

/// Runs an FSE+ INSERT or UPDATE: `sql` names every column as a parameter, and `:id` too
/// when `with_id`.
fn write_fse(conn: &Connection, sql: &str, s: &FseSnapshot, with_id: bool) -> Result<usize> {
    let (stage, gender) = (s.stage.code(), s.gender.code());
    let education_level = code_or_empty(s.education_level, EducationLevel::code);
    let labour_status = code_or_empty(s.labour_status, LabourStatus::code);
    let disability = code_or_empty(s.disability, SensitiveAnswer::code);
    let foreign_origin = code_or_empty(s.foreign_origin, SensitiveAnswer::code);
    let minority = code_or_empty(s.minority, SensitiveAnswer::code);
    let homeless = code_or_empty(s.homeless, SensitiveAnswer::code);
    let exit_result = code_or_empty(s.exit_result, ExitResult::code);
    let six_month_result = code_or_empty(s.six_month_result, SixMonthResult::code);
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":employee", &s.employee_id),
        (":stage", &stage),
        (":taken_on", &s.taken_on),
        (":gender", &gender),
        (":age", &s.age),
        (":education_level", &education_level),
        (":labour_status", &labour_status),
        (":disability", &disability),
        (":foreign_origin", &foreign_origin),
        (":minority", &minority),
        (":homeless", &homeless),
        (":exit_result", &exit_result),
        (":six_month_result", &six_month_result),
    ];
    if with_id {
        params.push((":id", &s.id));
    }
    let message = format!(
        "Ce parcours a déjà un relevé FSE+ « {} » : modifiez-le plutôt.",
        s.stage.label()
    );
    conn.execute(sql, params.as_slice())
        .map_err(|e| constraint_message(e, &message))
}

/// Saves a new FSE+ snapshot of the employee's current path (one per path and stage);
/// returns its id.
pub fn insert_fse_snapshot(conn: &Connection, snapshot: &FseSnapshot) -> Result<i64> {
    write_fse(
        conn,
        "INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, education_level,
             labour_status, disability, foreign_origin, minority, homeless, exit_result,
             six_month_result)
         VALUES (:employee, :stage, :taken_on, :gender, :age, :education_level,
             :labour_status, :disability, :foreign_origin, :minority, :homeless, :exit_result,
             :six_month_result)",
        snapshot,
        false,
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to an FSE+ snapshot.
pub fn update_fse_snapshot(conn: &Connection, snapshot: &FseSnapshot) -> Result<()> {
    let changed = write_fse(
        conn,
        "UPDATE fse_snapshot SET employee_id = :employee, stage = :stage,
             taken_on = :taken_on, gender = :gender, age = :age,
             education_level = :education_level, labour_status = :labour_status,
             disability = :disability, foreign_origin = :foreign_origin,
             minority = :minority, homeless = :homeless, exit_result = :exit_result,
             six_month_result = :six_month_result
         WHERE id = :id",
        snapshot,
        true,
    )?;
    changed_one(changed, "Relevé FSE+")
}

/// Deletes an FSE+ snapshot.
pub fn delete_fse_snapshot(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM fse_snapshot WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Relevé FSE+")
}

/// One FSE+ snapshot.
pub fn get_fse_snapshot(conn: &Connection, id: i64) -> Result<FseSnapshot> {
    let sql = format!("SELECT {FSE_COLUMNS} FROM fse_snapshot WHERE id = :id");
    one(
        conn,
        &sql,
        named_params! {":id": id},
        "Relevé FSE+",
        read_fse,
    )
}

/// The FSE+ snapshots of an employee's current path: entry, exit, six months.
pub fn list_fse_snapshots_of_employee(
    conn: &Connection,
    employee_id: i64,
) -> Result<Vec<FseSnapshot>> {
    let sql = format!(
        "SELECT {FSE_COLUMNS} FROM fse_snapshot WHERE path_id = {CURRENT_PATH}
         ORDER BY CASE stage WHEN 'entree' THEN 0 WHEN 'sortie' THEN 1 ELSE 2 END, id"
    );
    all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        read_fse,
    )
}
