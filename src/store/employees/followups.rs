//! What happens along the path: follow-up meetings and their themes, trainings and
//! immersions (PMSMP). FSE+ snapshots are in [`super::fse`].

use rusqlite::{Connection, Row, named_params};

use super::{all, changed_one, code, constraint_message, one};
use crate::domain::employees::{FollowUp, Immersion, ImmersionObjective, Theme, Training};
use crate::store::error::{Result, StoreError};

// ------------------------------------------------------------------------------------ theme

/// Every follow-up theme: the built-in ones first, then those added, in creation order.
pub fn list_themes(conn: &Connection) -> Result<Vec<Theme>> {
    all(
        conn,
        "SELECT id, name, builtin FROM theme ORDER BY id",
        &[],
        |row| {
            Ok(Theme {
                id: row.get("id")?,
                name: row.get("name")?,
                builtin: row.get("builtin")?,
            })
        },
    )
}

/// The id of the theme called `name` (case ignored, spaces around trimmed), adding it as a
/// custom theme when there is none.
pub fn add_theme(conn: &Connection, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("Donnez un nom au thème.".to_owned()));
    }
    let wanted = name.to_lowercase();
    if let Some(theme) = list_themes(conn)?
        .into_iter()
        .find(|t| t.name.to_lowercase() == wanted)
    {
        return Ok(theme.id);
    }
    conn.execute(
        "INSERT INTO theme (name, builtin) VALUES (:name, 0)",
        named_params! {":name": name},
    )?;
    Ok(conn.last_insert_rowid())
}

/// Deletes a custom theme no follow-up uses; built-in or used themes are refused.
pub fn delete_theme(conn: &Connection, id: i64) -> Result<()> {
    let theme = one(
        conn,
        "SELECT id, name, builtin FROM theme WHERE id = :id",
        named_params! {":id": id},
        "Thème",
        |row| {
            Ok((
                row.get::<_, String>("name")?,
                row.get::<_, bool>("builtin")?,
            ))
        },
    )?;
    if theme.1 {
        return Err(StoreError::Invalid(format!(
            "Le thème « {} » est fourni avec Binette : il ne peut pas être supprimé.",
            theme.0
        )));
    }
    let uses: i64 = conn.query_row(
        "SELECT count(*) FROM follow_up_theme WHERE theme_id = :id",
        named_params! {":id": id},
        |row| row.get(0),
    )?;
    if uses > 0 {
        return Err(StoreError::Invalid(format!(
            "Le thème « {} » est noté dans {uses} entretien(s) : il ne peut pas être supprimé.",
            theme.0
        )));
    }
    let changed = conn.execute(
        "DELETE FROM theme WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Thème")
}

// -------------------------------------------------------------------------------- follow-up

const FOLLOW_UP_COLUMNS: &str = "id, employee_id, date, duration_minutes, staff_id, notes";

fn read_follow_up(row: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: row.get("id")?,
        employee_id: row.get("employee_id")?,
        date: row.get("date")?,
        duration_minutes: row.get("duration_minutes")?,
        staff_id: row.get("staff_id")?,
        notes: row.get("notes")?,
        themes: Vec::new(),
    })
}

fn themes_of(conn: &Connection, follow_up_id: i64) -> Result<Vec<String>> {
    all(
        conn,
        "SELECT t.name FROM follow_up_theme ft JOIN theme t ON t.id = ft.theme_id
         WHERE ft.follow_up_id = :id ORDER BY t.id",
        named_params! {":id": follow_up_id},
        |row| row.get("name"),
    )
}

/// Replaces a follow-up's themes; unknown names become custom themes, blank ones are skipped.
fn write_themes(conn: &Connection, follow_up: &FollowUp, follow_up_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM follow_up_theme WHERE follow_up_id = :id",
        named_params! {":id": follow_up_id},
    )?;
    for name in follow_up.themes.iter().filter(|n| !n.trim().is_empty()) {
        let theme_id = add_theme(conn, name)?;
        conn.execute(
            "INSERT OR IGNORE INTO follow_up_theme (follow_up_id, theme_id)
             VALUES (:follow_up, :theme)",
            named_params! {":follow_up": follow_up_id, ":theme": theme_id},
        )?;
    }
    Ok(())
}

/// Saves a new follow-up with its themes (by name) in one transaction; returns its id.
pub fn insert_follow_up(conn: &Connection, follow_up: &FollowUp) -> Result<i64> {
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "INSERT INTO follow_up (employee_id, date, duration_minutes, staff_id, notes)
         VALUES (:employee, :date, :minutes, :staff, :notes)",
        named_params! {
            ":employee": follow_up.employee_id, ":date": follow_up.date,
            ":minutes": follow_up.duration_minutes, ":staff": follow_up.staff_id,
            ":notes": follow_up.notes,
        },
    )
    .map_err(|e| constraint_message(e, "Cet entretien existe déjà."))?;
    let id = tx.last_insert_rowid();
    write_themes(&tx, follow_up, id)?;
    tx.commit()?;
    Ok(id)
}

/// Saves changes to a follow-up and replaces its themes, in one transaction.
pub fn update_follow_up(conn: &Connection, follow_up: &FollowUp) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let changed = tx
        .execute(
            "UPDATE follow_up SET employee_id = :employee, date = :date,
                 duration_minutes = :minutes, staff_id = :staff, notes = :notes
             WHERE id = :id",
            named_params! {
                ":id": follow_up.id, ":employee": follow_up.employee_id,
                ":date": follow_up.date, ":minutes": follow_up.duration_minutes,
                ":staff": follow_up.staff_id, ":notes": follow_up.notes,
            },
        )
        .map_err(|e| constraint_message(e, "Cet entretien existe déjà."))?;
    changed_one(changed, "Entretien")?;
    write_themes(&tx, follow_up, follow_up.id)?;
    tx.commit()?;
    Ok(())
}

/// Deletes a follow-up (its themes stay in the list).
pub fn delete_follow_up(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM follow_up WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Entretien")
}

/// One follow-up with its theme names (in the theme list's order).
pub fn get_follow_up(conn: &Connection, id: i64) -> Result<FollowUp> {
    let sql = format!("SELECT {FOLLOW_UP_COLUMNS} FROM follow_up WHERE id = :id");
    let mut follow_up = one(
        conn,
        &sql,
        named_params! {":id": id},
        "Entretien",
        read_follow_up,
    )?;
    follow_up.themes = themes_of(conn, id)?;
    Ok(follow_up)
}

/// An employee's follow-ups with their themes, oldest first.
pub fn list_follow_ups_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<FollowUp>> {
    let sql = format!(
        "SELECT {FOLLOW_UP_COLUMNS} FROM follow_up WHERE employee_id = :employee
         ORDER BY date, id"
    );
    let mut follow_ups = all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        read_follow_up,
    )?;
    for follow_up in &mut follow_ups {
        follow_up.themes = themes_of(conn, follow_up.id)?;
    }
    Ok(follow_ups)
}

// --------------------------------------------------------------------------------- training

const TRAINING_COLUMNS: &str =
    "id, employee_id, title, body, start_date, end_date, hours, qualifying";

fn read_training(row: &Row<'_>) -> rusqlite::Result<Training> {
    Ok(Training {
        id: row.get("id")?,
        employee_id: row.get("employee_id")?,
        title: row.get("title")?,
        body: row.get("body")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        hours: row.get("hours")?,
        qualifying: row.get("qualifying")?,
    })
}

/// Saves a new training; returns its id.
pub fn insert_training(conn: &Connection, training: &Training) -> Result<i64> {
    conn.execute(
        "INSERT INTO training (employee_id, title, body, start_date, end_date, hours, qualifying)
         VALUES (:employee, :title, :body, :start, :end, :hours, :qualifying)",
        named_params! {
            ":employee": training.employee_id, ":title": training.title.trim(),
            ":body": training.body, ":start": training.start_date, ":end": training.end_date,
            ":hours": training.hours, ":qualifying": training.qualifying,
        },
    )
    .map_err(|e| constraint_message(e, "Cette formation existe déjà."))?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a training.
pub fn update_training(conn: &Connection, training: &Training) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE training SET employee_id = :employee, title = :title, body = :body,
                 start_date = :start, end_date = :end, hours = :hours, qualifying = :qualifying
             WHERE id = :id",
            named_params! {
                ":id": training.id, ":employee": training.employee_id,
                ":title": training.title.trim(), ":body": training.body,
                ":start": training.start_date, ":end": training.end_date,
                ":hours": training.hours, ":qualifying": training.qualifying,
            },
        )
        .map_err(|e| constraint_message(e, "Cette formation existe déjà."))?;
    changed_one(changed, "Formation")
}

/// Deletes a training.
pub fn delete_training(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM training WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Formation")
}

/// One training.
pub fn get_training(conn: &Connection, id: i64) -> Result<Training> {
    let sql = format!("SELECT {TRAINING_COLUMNS} FROM training WHERE id = :id");
    one(
        conn,
        &sql,
        named_params! {":id": id},
        "Formation",
        read_training,
    )
}

/// An employee's trainings, oldest first.
pub fn list_trainings_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<Training>> {
    let sql = format!(
        "SELECT {TRAINING_COLUMNS} FROM training WHERE employee_id = :employee
         ORDER BY start_date, id"
    );
    all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        read_training,
    )
}

// -------------------------------------------------------------------------------- immersion

const IMMERSION_COLUMNS: &str =
    "id, employee_id, host_name, host_siret, tutor, start_date, end_date, objective, outcome";

fn read_immersion(row: &Row<'_>) -> rusqlite::Result<Immersion> {
    Ok(Immersion {
        id: row.get("id")?,
        employee_id: row.get("employee_id")?,
        host_name: row.get("host_name")?,
        host_siret: row.get("host_siret")?,
        tutor: row.get("tutor")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        objective: code(
            &row.get::<_, String>("objective")?,
            ImmersionObjective::from_code,
        )?,
        outcome: row.get("outcome")?,
    })
}

/// Saves a new immersion; returns its id.
pub fn insert_immersion(conn: &Connection, immersion: &Immersion) -> Result<i64> {
    conn.execute(
        "INSERT INTO immersion (employee_id, host_name, host_siret, tutor, start_date,
             end_date, objective, outcome)
         VALUES (:employee, :host, :siret, :tutor, :start, :end, :objective, :outcome)",
        named_params! {
            ":employee": immersion.employee_id, ":host": immersion.host_name.trim(),
            ":siret": immersion.host_siret.trim(), ":tutor": immersion.tutor,
            ":start": immersion.start_date, ":end": immersion.end_date,
            ":objective": immersion.objective.code(), ":outcome": immersion.outcome,
        },
    )
    .map_err(|e| constraint_message(e, "Cette immersion existe déjà."))?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to an immersion.
pub fn update_immersion(conn: &Connection, immersion: &Immersion) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE immersion SET employee_id = :employee, host_name = :host,
                 host_siret = :siret, tutor = :tutor, start_date = :start, end_date = :end,
                 objective = :objective, outcome = :outcome
             WHERE id = :id",
            named_params! {
                ":id": immersion.id, ":employee": immersion.employee_id,
                ":host": immersion.host_name.trim(), ":siret": immersion.host_siret.trim(),
                ":tutor": immersion.tutor, ":start": immersion.start_date,
                ":end": immersion.end_date, ":objective": immersion.objective.code(),
                ":outcome": immersion.outcome,
            },
        )
        .map_err(|e| constraint_message(e, "Cette immersion existe déjà."))?;
    changed_one(changed, "Immersion")
}

/// Deletes an immersion.
pub fn delete_immersion(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM immersion WHERE id = :id",
        named_params! {":id": id},
    )?;
    changed_one(changed, "Immersion")
}

/// One immersion.
pub fn get_immersion(conn: &Connection, id: i64) -> Result<Immersion> {
    let sql = format!("SELECT {IMMERSION_COLUMNS} FROM immersion WHERE id = :id");
    one(
        conn,
        &sql,
        named_params! {":id": id},
        "Immersion",
        read_immersion,
    )
}

/// An employee's immersions, oldest first.
pub fn list_immersions_of_employee(conn: &Connection, employee_id: i64) -> Result<Vec<Immersion>> {
    let sql = format!(
        "SELECT {IMMERSION_COLUMNS} FROM immersion WHERE employee_id = :employee
         ORDER BY start_date, id"
    );
    all(
        conn,
        &sql,
        named_params! {":employee": employee_id},
        read_immersion,
    )
}
