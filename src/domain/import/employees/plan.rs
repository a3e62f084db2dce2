//! The import plan: each row matched with the people Binette has — by PASS IAE number
//! first, then by name and birth date — and turned into a creation, an update with its
//! differences, "inchangé", an ignored application, or a refusal with its reason.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::changes::{ExistingEmployee, Outcome, pass_key, plan_creation, plan_update};
use super::fields::{EmployeeField, EmployeeMapping};
use super::rows::{EmployeeDraft, RowRead, cell, validate_row};
use crate::domain::calendar::format_date;
pub use crate::domain::import::members::ExistingPolicy;
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;

/// What Binette already has, to compare the file with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportContext {
    /// Every employee, with their PASS IAE and contracts.
    pub employees: Vec<ExistingEmployee>,
}

/// How a row was recognised as a person Binette has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// Binette holds the row's PASS IAE number.
    PassNumber,
    /// No PASS matched, but the name and the birth date did.
    NameAndBirthDate,
}

/// What the import will do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    /// A new person.
    Create,
    /// That person is updated (the differences are in the row's outcome).
    Update(i64),
    /// That person is already up to date, or left as is by choice.
    Unchanged(i64),
    /// Not a hire (an application still open, refused…): nothing to import.
    Ignored(String),
    /// The row is refused, for this reason.
    Rejected(String),
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// Line in the file (as a spreadsheet numbers it).
    pub line: usize,
    /// The row's cells as read.
    pub cells: Vec<String>,
    /// "NOM Prénom" as the file writes it.
    pub name: String,
    /// What will happen.
    pub action: RowAction,
    /// The validated row (`None` when ignored or refused).
    pub draft: Option<EmployeeDraft>,
    /// How the person was recognised (`None` for a creation).
    pub matched_by: Option<MatchKind>,
    /// What the row writes, with its differences and notes.
    pub outcome: Outcome,
}

impl PlanRow {
    /// The action in one or two French words.
    pub fn action_label(&self) -> &'static str {
        match self.action {
            RowAction::Create => "Création",
            RowAction::Update(_) => "Mise à jour",
            RowAction::Unchanged(_) => "Inchangé",
            RowAction::Ignored(_) => "Ignoré",
            RowAction::Rejected(_) => "Refusé",
        }
    }

    /// The preview's lines for this row: the reason of a refusal, or how the person was
    /// recognised, the differences, then the notes.
    pub fn details(&self) -> Vec<String> {
        match &self.action {
            RowAction::Rejected(reason) | RowAction::Ignored(reason) => vec![reason.clone()],
            _ => {
                let mut lines = Vec::new();
                if self.matched_by == Some(MatchKind::NameAndBirthDate) {
                    lines.push(
                        "Reconnu(e) par le nom et la date de naissance (aucune fiche n'a ce \
                         numéro de PASS)."
                            .to_owned(),
                    );
                }
                lines.extend(self.outcome.changes.iter().cloned());
                lines.extend(self.outcome.notes.iter().cloned());
                lines
            }
        }
    }
}

/// How many rows fall in each action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCounts {
    /// New people.
    pub create: usize,
    /// People updated.
    pub update: usize,
    /// People already up to date or left as they are.
    pub unchanged: usize,
    /// Applications that are not hires.
    pub ignored: usize,
    /// Rows refused.
    pub rejected: usize,
}

impl PlanCounts {
    /// "2 à créer, 1 à mettre à jour, 3 inchangé(s), 0 ignoré(s), 1 refusé(s)".
    pub fn describe(&self) -> String {
        format!(
            "{} à créer, {} à mettre à jour, {} inchangé(s), {} ignoré(s), {} refusé(s)",
            self.create, self.update, self.unchanged, self.ignored, self.rejected
        )
    }
}

/// The preview of a whole import, and what `store::import::employees::apply` carries out.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The file's column titles.
    pub headers: Vec<String>,
    /// One entry per non-empty data row.
    pub rows: Vec<PlanRow>,
    /// Day of the import.
    pub today: NaiveDate,
}

impl Plan {
    /// An empty plan (no file yet).
    pub fn empty(today: NaiveDate) -> Plan {
        Plan {
            headers: Vec::new(),
            rows: Vec::new(),
            today,
        }
    }

    /// How many rows fall in each action.
    pub fn counts(&self) -> PlanCounts {
        let mut counts = PlanCounts::default();
        for row in &self.rows {
            match row.action {
                RowAction::Create => counts.create += 1,
                RowAction::Update(_) => counts.update += 1,
                RowAction::Unchanged(_) => counts.unchanged += 1,
                RowAction::Ignored(_) => counts.ignored += 1,
                RowAction::Rejected(_) => counts.rejected += 1,
            }
        }
        counts
    }

    /// The refused rows as a CSV file (`;`, UTF-8 BOM): the file's columns plus the reason.
    pub fn rejected_csv(&self) -> Vec<u8> {
        let refused = self.rows.iter().filter_map(|row| match &row.action {
            RowAction::Rejected(reason) => Some((row.line, row.cells.as_slice(), reason.as_str())),
            _ => None,
        });
        crate::domain::import::plan::rejected_csv(&self.headers, refused)
    }
}

fn name_key(last_name: &str, first_name: &str) -> String {
    format!("{}|{}", collation_key(last_name), collation_key(first_name))
}

/// Indexes of the context, to match thousands of rows quickly.
struct Index<'a> {
    context: &'a ImportContext,
    by_pass: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(context: &'a ImportContext) -> Self {
        let mut by_pass = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, existing) in context.employees.iter().enumerate() {
            for approval in &existing.approvals {
                by_pass.entry(pass_key(&approval.number)).or_insert(i);
            }
            let e = &existing.employee;
            by_name
                .entry(name_key(&e.last_name, &e.first_name))
                .or_default()
                .push(i);
        }
        Index {
            context,
            by_pass,
            by_name,
        }
    }

    /// The person the row is about, how they were found, or why the row is refused.
    fn find(
        &self,
        draft: &EmployeeDraft,
        notes: &mut Vec<String>,
    ) -> Result<Option<(&'a ExistingEmployee, MatchKind)>, String> {
        let employees = &self.context.employees;
        if let Some(pass) = &draft.pass
            && let Some(&i) = self.by_pass.get(&pass_key(&pass.number))
        {
            let existing = &employees[i];
            if existing.employee.anonymised_on.is_some() {
                return Err(format!(
                    "Le PASS IAE {} est celui d'une fiche anonymisée : rien n'est importé.",
                    pass.number
                ));
            }
            return Ok(Some((existing, MatchKind::PassNumber)));
        }
        let namesakes: Vec<&ExistingEmployee> = self
            .by_name
            .get(&name_key(&draft.last_name, &draft.first_name))
            .map(|list| list.iter().map(|&i| &employees[i]).collect())
            .unwrap_or_default();
        if let Some(found) = namesakes
            .iter()
            .find(|e| draft.birth_date.is_some() && e.employee.birth_date == draft.birth_date)
        {
            return Ok(Some((found, MatchKind::NameAndBirthDate)));
        }
        if namesakes
            .iter()
            .any(|e| e.employee.birth_date.is_none() || draft.birth_date.is_none())
        {
            return Err(format!(
                "Une fiche « {} » existe déjà, sans ce PASS IAE ni date de naissance pour la \
                 reconnaître : complétez-la dans Binette (PASS ou date de naissance) puis \
                 relancez l'import.",
                draft.name()
            ));
        }
        for namesake in namesakes {
            if let Some(born) = namesake.employee.birth_date {
                notes.push(format!(
                    "Homonyme : une autre fiche « {} » existe (née le {}).",
                    draft.name(),
                    format_date(born)
                ));
            }
        }
        Ok(None)
    }
}

/// A row already planned, to refuse a second row about the same person.
struct Seen {
    line: usize,
    pass: Option<String>,
    identity: Option<String>,
    existing: Option<i64>,
}

/// The preview: each row validated, matched with the people Binette has (by PASS number,
/// else by name and birth date) and its differences computed. Pure: the database is only
/// read beforehand (`ImportContext`).
pub fn build_plan(
    table: &Table,
    mapping: &EmployeeMapping,
    context: &ImportContext,
    policy: ExistingPolicy,
    today: NaiveDate,
) -> Plan {
    let index = Index::new(context);
    let mut seen: Vec<Seen> = Vec::new();
    let mut rows = Vec::new();
    for (i, cells) in table.rows.iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = format!(
            "{} {}",
            cell(cells, mapping, EmployeeField::LastName).to_uppercase(),
            cell(cells, mapping, EmployeeField::FirstName)
        )
        .trim()
        .to_owned();
        let mut row = PlanRow {
            line: table.line_of(i),
            cells: cells.clone(),
            name,
            action: RowAction::Create,
            draft: None,
            matched_by: None,
            outcome: Outcome::default(),
        };
        match validate_row(cells, &table.headers, mapping, today) {
            Err(reason) => row.action = RowAction::Rejected(reason),
            Ok(RowRead::NotHired(status)) => {
                row.action =
                    RowAction::Ignored(format!("Candidature « {status} » : pas une embauche."));
            }
            Ok(RowRead::Hire(draft)) => {
                plan_hire(&mut row, *draft, &index, &mut seen, policy, today);
            }
        }
        rows.push(row);
    }
    Plan {
        headers: table.headers.clone(),
        rows,
        today,
    }
}

fn plan_hire(
    row: &mut PlanRow,
    draft: EmployeeDraft,
    index: &Index<'_>,
    seen: &mut Vec<Seen>,
    policy: ExistingPolicy,
    today: NaiveDate,
) {
    let mut current = Seen {
        line: row.line,
        pass: draft.pass.as_ref().map(|p| pass_key(&p.number)),
        identity: draft
            .birth_date
            .map(|b| format!("{}|{b}", name_key(&draft.last_name, &draft.first_name))),
        existing: None,
    };
    let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    let duplicate = |seen: &[Seen], current: &Seen| {
        seen.iter()
            .find(|s| {
                same(&s.pass, &current.pass)
                    || same(&s.identity, &current.identity)
                    || (s.existing.is_some() && s.existing == current.existing)
            })
            .map(|first| {
                RowAction::Rejected(format!(
                    "Même personne que la ligne {} du fichier.",
                    first.line
                ))
            })
    };
    if let Some(rejected) = duplicate(seen, &current) {
        row.action = rejected;
        return;
    }
    let mut notes = Vec::new();
    let found = match index.find(&draft, &mut notes) {
        Ok(found) => found,
        Err(reason) => {
            row.action = RowAction::Rejected(reason);
            return;
        }
    };
    current.existing = found.map(|(e, _)| e.employee.id);
    if let Some(rejected) = duplicate(seen, &current) {
        row.action = rejected;
        return;
    }
    seen.push(current);
    match found {
        None => match plan_creation(&draft, today) {
            Ok(mut outcome) => {
                outcome.notes.extend(notes);
                row.outcome = outcome;
            }
            Err(reason) => {
                row.action = RowAction::Rejected(reason);
                return;
            }
        },
        Some((existing, kind)) => {
            let id = existing.employee.id;
            row.matched_by = Some(kind);
            if policy == ExistingPolicy::Skip {
                row.action = RowAction::Unchanged(id);
                row.outcome
                    .notes
                    .push("Déjà dans Binette : laissé(e) tel(le) quel(le).".to_owned());
            } else {
                row.outcome = plan_update(existing, &draft);
                if row.outcome.writes.is_empty() {
                    row.action = RowAction::Unchanged(id);
                    row.outcome
                        .notes
                        .insert(0, "Déjà à jour dans Binette.".to_owned());
                } else {
                    row.action = RowAction::Update(id);
                }
            }
        }
    }
    row.draft = Some(draft);
}
