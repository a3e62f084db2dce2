//! A person's data on request (RGPD right of access): everything Binette holds about one
//! employee or one member's household, gathered in one read (`store::privacy_access`), then
//! written as a readable PDF and a JSON file into a folder the user chose.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::{Garden, Result};
use crate::domain::text::{list_name, slug};
use crate::report::access::{AccessDocument, json, render};
use crate::store::privacy_access::{Cell, Person, PersonData, gather};
use crate::store::{output, settings};

/// The two files an access export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessFiles {
    /// The readable document.
    pub pdf: PathBuf,
    /// The same data for a program.
    pub json: PathBuf,
}

/// What was read for an export: the data, the person's name, the garden's identity.
#[derive(Debug, Clone)]
pub struct AccessData {
    /// Everything stored about the person.
    pub data: PersonData,
    /// Their name as lists show it ("BARBIER Isabelle").
    pub name: String,
    /// The garden's name.
    pub garden_name: String,
    /// The garden's logo, if any.
    pub logo_path: Option<PathBuf>,
}

impl AccessData {
    fn document(&self, today: NaiveDate) -> AccessDocument<'_> {
        AccessDocument {
            data: &self.data,
            name: self.name.clone(),
            garden_name: self.garden_name.clone(),
            logo_path: self.logo_path.clone(),
            printed_on: today,
        }
    }
}

fn text_of(data: &PersonData, column: &str) -> String {
    let Some(own) = data.tables.first() else {
        return String::new();
    };
    own.columns
        .iter()
        .position(|c| c == column)
        .and_then(|i| own.rows.first().and_then(|row| row.get(i)))
        .map(|cell| match cell {
            Cell::Text(t) => t.clone(),
            _ => String::new(),
        })
        .unwrap_or_default()
}

/// Everything stored about `person`, read in one transaction.
pub fn access_data(garden: &Garden, person: Person) -> Result<AccessData> {
    let (data, identity) =
        garden.with(|conn| Ok((gather(conn, person)?, settings::garden_identity(conn)?)))?;
    let name = list_name(&text_of(&data, "first_name"), &text_of(&data, "last_name"));
    Ok(AccessData {
        data,
        name,
        garden_name: identity.name,
        logo_path: (!identity.logo_path.is_empty()).then(|| identity.logo_path.into()),
    })
}

/// The access document of `person` as PDF bytes, made on `today`.
pub fn access_pdf(garden: &Garden, person: Person, today: NaiveDate) -> Result<Vec<u8>> {
    let read = access_data(garden, person)?;
    Ok(render(&read.document(today))?)
}

/// Writes the PDF and the JSON of `person` into `folder` (which must exist), named after
/// the person and the day: `donnees-barbier-isabelle-2026-12-05.pdf` and `.json`.
pub fn export(
    garden: &Garden,
    person: Person,
    folder: &Path,
    today: NaiveDate,
) -> Result<AccessFiles> {
    let read = access_data(garden, person)?;
    let document = read.document(today);
    let pdf = render(&document)?;
    let json = json(&document)?;
    let who = match slug(&read.name) {
        s if s.is_empty() => format!("fiche-{}", person.id()),
        s => s,
    };
    let stem = format!("donnees-{who}-{}", today.format("%Y-%m-%d"));
    let files = AccessFiles {
        pdf: folder.join(format!("{stem}.pdf")),
        json: folder.join(format!("{stem}.json")),
    };
    output::check_not_database(&files.pdf, garden.path())?;
    output::check_not_database(&files.json, garden.path())?;
    output::write_file(&files.pdf, &pdf)?;
    output::write_file(&files.json, &json)?;
    Ok(files)
}

/// [`export`] for employee `id`.
pub fn export_employee(
    garden: &Garden,
    id: i64,
    folder: &Path,
    today: NaiveDate,
) -> Result<AccessFiles> {
    export(garden, Person::Employee(id), folder, today)
}

/// [`export`] for member (household) `id`.
pub fn export_member(
    garden: &Garden,
    id: i64,
    folder: &Path,
    today: NaiveDate,
) -> Result<AccessFiles> {
    export(garden, Person::Member(id), folder, today)
}
