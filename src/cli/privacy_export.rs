//! `binette privacy export` and `binette privacy register`: a person's data on request and
//! the register entry.

use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, open_garden};
use crate::app::privacy::{access, register};
use crate::store::privacy_access::Person;

/// The person a `--employee ID` or `--member ID` names (clap makes exactly one present).
pub fn person(employee: Option<i64>, member: Option<i64>) -> Result<Person, CliError> {
    match (employee, member) {
        (Some(id), None) => Ok(Person::Employee(id)),
        (None, Some(id)) => Ok(Person::Member(id)),
        _ => Err(CliError::Message(
            "Indiquez soit --employee ID, soit --member ID.".into(),
        )),
    }
}

/// Writes the PDF and JSON of `person` from the database at `db` into `out` (created if
/// missing); returns the text to print: the two files.
pub fn export(db: &Path, person: Person, out: &Path, today: NaiveDate) -> Result<String, CliError> {
    let garden = open_garden(db)?;
    std::fs::create_dir_all(out).map_err(|e| {
        CliError::Message(format!(
            "Le dossier « {} » n'a pas pu être créé : {}.",
            out.display(),
            crate::store::io_reason(&e)
        ))
    })?;
    let files = access::export(&garden, person, out, today)?;
    Ok(format!(
        "Données de la fiche n° {} écrites dans :\n{}\n{}\n",
        person.id(),
        files.pdf.display(),
        files.json.display()
    ))
}

/// Writes the register entry of the database at `db` to `out`; returns the text to print.
pub fn write_register(db: &Path, out: &Path, today: NaiveDate) -> Result<String, CliError> {
    let garden = open_garden(db)?;
    register::write_register(&garden, out, today)?;
    Ok(format!(
        "Fiche du registre des traitements écrite dans {}\n",
        out.display()
    ))
}
