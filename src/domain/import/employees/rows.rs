//! Reading one row of the les emplois export into an employee draft, with French reasons
//! naming the column for refusals.

use chrono::{Datelike, Months, NaiveDate};

use super::fields::{EmployeeField, EmployeeMapping};
use crate::domain::employees::{Approval, Civility, Gender, PrescriberKind, pass_number_valid};
use crate::domain::import::dates::parse_import_date;
use crate::domain::import::members::normalize_phone;
use crate::domain::text::{collation_key, fold};

/// The PASS IAE part of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct PassDraft {
    /// The number, spaces removed, in capitals.
    pub number: String,
    /// First day of validity.
    pub start: NaiveDate,
    /// Last day of validity as the platform shows it (suspensions and prolongations
    /// included); two years from the start when the file has no end.
    pub end: NaiveDate,
    /// Whether the end was in the file (`false`: computed).
    pub end_given: bool,
    /// The platform's status ("Valide", "Expiré", "Valide (suspendu)"…), as written.
    pub status: String,
}

/// A valid row: one person hired, as the file describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeDraft {
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Civility, `Unspecified` when the file has none.
    pub civility: Civility,
    /// Gender read from the civility (needed to create a file).
    pub gender: Option<Gender>,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// E-mail address.
    pub email: String,
    /// Phone number.
    pub phone: String,
    /// City.
    pub city: String,
    /// Post code.
    pub postcode: String,
    /// The PASS IAE, when the row has a number.
    pub pass: Option<PassDraft>,
    /// First day of the hiring (contract).
    pub hiring_start: Option<NaiveDate>,
    /// Last day of the hiring, when known.
    pub hiring_end: Option<NaiveDate>,
    /// Prescribing organisation.
    pub prescriber_org: String,
    /// The person who sent them.
    pub prescriber_contact: String,
    /// Kind of prescriber, guessed from the organisation's name and the source.
    pub prescriber_kind: PrescriberKind,
}

impl EmployeeDraft {
    /// "NOM Prénom", for the preview.
    pub fn name(&self) -> String {
        crate::domain::text::list_name(&self.first_name, &self.last_name)
    }
}

/// What a row says.
#[derive(Debug, Clone, PartialEq)]
pub enum RowRead {
    /// A person hired.
    Hire(Box<EmployeeDraft>),
    /// An application that is not a hire (its status as written): nothing to import.
    NotHired(String),
}

/// The cell of `field` in `row`, trimmed ("" when the field has no column).
pub(super) fn cell<'a>(
    row: &'a [String],
    mapping: &EmployeeMapping,
    field: EmployeeField,
) -> &'a str {
    mapping
        .iter()
        .position(|m| *m == Some(field))
        .and_then(|i| row.get(i))
        .map_or("", |c| c.trim())
}

/// The file's title of the column filling `field` (its Binette label when absent).
fn title(headers: &[String], mapping: &EmployeeMapping, field: EmployeeField) -> String {
    mapping
        .iter()
        .position(|m| *m == Some(field))
        .and_then(|i| headers.get(i))
        .filter(|t| !t.is_empty())
        .cloned()
        .unwrap_or_else(|| field.label().to_owned())
}

/// A date for the path (PASS, hiring): readable and between 1990 and 2100.
fn path_date(
    row: &[String],
    headers: &[String],
    mapping: &EmployeeMapping,
    field: EmployeeField,
) -> Result<Option<NaiveDate>, String> {
    let text = cell(row, mapping, field);
    if text.is_empty() {
        return Ok(None);
    }
    match parse_import_date(text) {
        Some(date) if (1990..=2100).contains(&date.year()) => Ok(Some(date)),
        Some(_) => Err(format!(
            "Colonne « {} » : date invraisemblable « {text} ».",
            title(headers, mapping, field)
        )),
        None => Err(format!(
            "Colonne « {} » : date illisible « {text} » (attendu : 28/11/2026).",
            title(headers, mapping, field)
        )),
    }
}

/// The birth date: readable, not in the future, not before 1900 (a two-digit year that
/// would be in the future is taken in the 1900s).
fn birth_date(
    row: &[String],
    headers: &[String],
    mapping: &EmployeeMapping,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, String> {
    let field = EmployeeField::BirthDate;
    let text = cell(row, mapping, field);
    if text.is_empty() {
        return Ok(None);
    }
    let column = title(headers, mapping, field);
    let mut date = parse_import_date(text).ok_or_else(|| {
        format!("Colonne « {column} » : date illisible « {text} » (attendu : 28/11/1985).")
    })?;
    if date > today {
        date = date
            .checked_sub_months(Months::new(1200))
            .unwrap_or(NaiveDate::MIN);
    }
    if date.year() < 1900 || date > today {
        return Err(format!(
            "Colonne « {column} » : date de naissance invraisemblable « {text} »."
        ));
    }
    Ok(Some(date))
}

/// Civility and gender from "M", "MME", "Madame", "F", "Homme"…
pub fn parse_civility(text: &str) -> Option<(Civility, Option<Gender>)> {
    match collation_key(text).as_str() {
        "" => Some((Civility::Unspecified, None)),
        "m" | "mr" | "monsieur" | "h" | "homme" | "masculin" => {
            Some((Civility::Sir, Some(Gender::Male)))
        }
        "mme" | "madame" | "mlle" | "mademoiselle" | "f" | "femme" | "feminin" => {
            Some((Civility::Madam, Some(Gender::Female)))
        }
        "x" | "nonbinaire" => Some((Civility::Unspecified, Some(Gender::NonBinary))),
        _ => None,
    }
}

/// Whether an application status means a hire ("Candidature acceptée"); empty counts as a
/// hire (a file of employees has no such column).
pub fn is_hired(status: &str) -> bool {
    matches!(
        collation_key(status).as_str(),
        "" | "candidatureacceptee" | "acceptee" | "accepte" | "embauche" | "embauchee"
    )
}

/// The kind of prescriber an organisation's name suggests ("Mission locale du Doubs",
/// "France Travail Besançon", "SPIP 25"…); "Candidature spontanée" as a source without an
/// organisation gives `Spontaneous`; `Other` otherwise.
pub fn guess_prescriber_kind(organisation: &str, source: &str) -> PrescriberKind {
    let folded = fold(organisation);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let key = collation_key(organisation);
    let word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let phrase = |list: &[&str]| list.iter().any(|p| key.contains(p));
    if phrase(&["francetravail", "poleemploi"]) {
        PrescriberKind::FranceTravail
    } else if phrase(&["missionlocale"]) {
        PrescriberKind::MissionLocale
    } else if phrase(&["capemploi"]) {
        PrescriberKind::CapEmploi
    } else if word(&["spip"]) || phrase(&["penitentiaire"]) {
        PrescriberKind::Spip
    } else if word(&["pjj"]) || phrase(&["protectionjudiciaire"]) {
        PrescriberKind::Pjj
    } else if word(&["ccas", "cias"]) || phrase(&["centrecommunaldaction"]) {
        PrescriberKind::Ccas
    } else if word(&["chrs"]) {
        PrescriberKind::Chrs
    } else if word(&["cada", "huda"]) {
        PrescriberKind::CadaHuda
    } else if word(&["cph"]) {
        PrescriberKind::Cph
    } else if word(&["ase"]) || phrase(&["aidesocialealenfance"]) {
        PrescriberKind::Ase
    } else if word(&["plie"]) {
        PrescriberKind::Plie
    } else if word(&["csapa"]) {
        PrescriberKind::Csapa
    } else if phrase(&["conseildepartemental", "departement"]) {
        PrescriberKind::Departement
    } else if phrase(&["preventionspecialisee", "clubdeprevention"]) {
        PrescriberKind::Prevention
    } else if key.is_empty() && collation_key(source) == "candidaturespontanee" {
        PrescriberKind::Spontaneous
    } else {
        PrescriberKind::Other
    }
}

/// The PASS number of the row, normalised (spaces removed, capitals), or why it cannot be.
fn pass_number(text: &str, column: &str) -> Result<String, String> {
    if text.contains("E+") || text.contains("e+") {
        return Err(format!(
            "Colonne « {column} » : « {text} » est un numéro arrondi par le tableur ; mettez \
             la colonne au format Texte et retapez le numéro."
        ));
    }
    let number: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    if pass_number_valid(&number) {
        Ok(number)
    } else {
        Err(format!(
            "Colonne « {column} » : numéro de PASS IAE invalide « {text} » (12 caractères \
             attendus, par exemple 999992312345)."
        ))
    }
}

/// A post code as typed, with the leading zero Excel drops put back; a department number
/// alone (2 or 3 characters) is not a post code and is left out.
fn postcode(text: &str) -> String {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    match text.len() {
        4 if digits => format!("0{text}"),
        0..=3 => String::new(),
        _ => text.to_owned(),
    }
}

/// Validates one row into what it says, or gives the French reason (naming the column)
/// why it cannot be imported. `today` bounds the birth date.
pub fn validate_row(
    row: &[String],
    headers: &[String],
    mapping: &EmployeeMapping,
    today: NaiveDate,
) -> Result<RowRead, String> {
    let get = |field| cell(row, mapping, field);
    let status = get(EmployeeField::ApplicationStatus);
    if !is_hired(status) {
        return Ok(RowRead::NotHired(status.to_owned()));
    }
    let (last_name, first_name) = (get(EmployeeField::LastName), get(EmployeeField::FirstName));
    if last_name.is_empty() {
        return Err("Nom manquant.".into());
    }
    if first_name.is_empty() {
        return Err("Prénom manquant.".into());
    }
    let civility_text = get(EmployeeField::Civility);
    let (civility, gender) = parse_civility(civility_text).ok_or_else(|| {
        format!(
            "Colonne « {} » : civilité inconnue « {civility_text} » (attendu : M ou MME).",
            title(headers, mapping, EmployeeField::Civility)
        )
    })?;
    let birth_date = birth_date(row, headers, mapping, today)?;
    let email = get(EmployeeField::Email);
    let looks_valid = email.contains('@') && email.contains('.');
    if !email.is_empty() && !looks_valid {
        return Err(format!(
            "Colonne « {} » : e-mail invalide « {email} ».",
            title(headers, mapping, EmployeeField::Email)
        ));
    }
    let pass = pass(row, headers, mapping)?;
    let hiring_start = path_date(row, headers, mapping, EmployeeField::HiringStart)?;
    let hiring_end = path_date(row, headers, mapping, EmployeeField::HiringEnd)?;
    if let (Some(start), Some(end)) = (hiring_start, hiring_end)
        && end < start
    {
        return Err(format!(
            "La fin d'embauche ({}) est avant son début ({}).",
            end.format("%d/%m/%Y"),
            start.format("%d/%m/%Y")
        ));
    }
    let prescriber_org = get(EmployeeField::PrescriberOrg);
    Ok(RowRead::Hire(Box::new(EmployeeDraft {
        last_name: last_name.to_owned(),
        first_name: first_name.to_owned(),
        civility,
        gender,
        birth_date,
        email: email.to_owned(),
        phone: normalize_phone(get(EmployeeField::Phone)),
        city: get(EmployeeField::City).to_owned(),
        postcode: postcode(get(EmployeeField::Postcode)),
        pass,
        hiring_start,
        hiring_end,
        prescriber_org: prescriber_org.to_owned(),
        prescriber_contact: get(EmployeeField::PrescriberContact).to_owned(),
        prescriber_kind: guess_prescriber_kind(prescriber_org, get(EmployeeField::Source)),
    })))
}

/// The row's PASS IAE: `None` without a number; refused when its number or dates are wrong.
fn pass(
    row: &[String],
    headers: &[String],
    mapping: &EmployeeMapping,
) -> Result<Option<PassDraft>, String> {
    let text = cell(row, mapping, EmployeeField::PassNumber);
    if text.is_empty() {
        return Ok(None);
    }
    let number = pass_number(text, &title(headers, mapping, EmployeeField::PassNumber))?;
    let start = path_date(row, headers, mapping, EmployeeField::PassStart)?.ok_or_else(|| {
        format!(
            "PASS IAE {number} sans date de début (colonne « {} »).",
            title(headers, mapping, EmployeeField::PassStart)
        )
    })?;
    let given_end = path_date(row, headers, mapping, EmployeeField::PassEnd)?;
    let end = given_end.unwrap_or_else(|| Approval::default_end(start));
    if end < start {
        return Err(format!(
            "La fin du PASS IAE ({}) est avant son début ({}).",
            end.format("%d/%m/%Y"),
            start.format("%d/%m/%Y")
        ));
    }
    Ok(Some(PassDraft {
        number,
        start,
        end,
        end_given: given_end.is_some(),
        status: cell(row, mapping, EmployeeField::PassStatus).to_owned(),
    }))
}
