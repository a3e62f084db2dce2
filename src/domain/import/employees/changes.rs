//! What a row changes: a new file (person, PASS IAE, contract), or the differences with a
//! person Binette already has.
//!
//! The rule for an update is conservative: les emplois de l'inclusion is the authority on
//! the PASS IAE (its start and end are taken from the file), but what the staff typed in
//! Binette is never overwritten. Identity, contact and prescriber fields are only filled
//! when empty in Binette (a different value is shown, Binette's is kept); the names, the
//! entry date, the criteria and the notes are never touched; an empty cell changes nothing.
//! Hiring dates add a contract when none covers the hiring start, or push back the planned
//! end of the contract that starts that day (never shorten it, never touch an actual end).

use chrono::{NaiveDate, TimeDelta};

use super::rows::{EmployeeDraft, PassDraft};
use crate::domain::calendar::format_date;
use crate::domain::employees::{Approval, Civility, Contract, Employee, PrescriberKind};
use crate::domain::text::collation_key;

/// Weekly hours of a contract the import creates: les emplois does not export them, and
/// 26 h is the usual ACI contract. The preview says it is to be checked.
pub const DEFAULT_WEEKLY_HOURS: f64 = 26.0;

/// An employee already in Binette, with their PASS IAE and contracts.
#[derive(Debug, Clone, PartialEq)]
pub struct ExistingEmployee {
    /// The person.
    pub employee: Employee,
    /// Their PASS IAE, with suspensions and prolongations.
    pub approvals: Vec<Approval>,
    /// Their contracts.
    pub contracts: Vec<Contract>,
}

/// What a row writes; `None` leaves that part alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowWrites {
    /// The person to create (id 0), or the person with the fields the import may fill.
    pub employee: Option<Employee>,
    /// A PASS IAE to add (id 0; `employee_id` 0 for a new person) or whose dates change.
    pub approval: Option<Approval>,
    /// A contract to add (id 0) or whose planned end is pushed back.
    pub contract: Option<Contract>,
}

impl RowWrites {
    /// Whether the row writes nothing.
    pub fn is_empty(&self) -> bool {
        self.employee.is_none() && self.approval.is_none() && self.contract.is_none()
    }
}

/// A row's writes with the French lines the preview shows: the differences, and notes
/// (warnings, values kept).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// What is written.
    pub writes: RowWrites,
    /// "Fin du PASS : 01/03/2027 → 01/09/2027"…
    pub changes: Vec<String>,
    /// "Date de naissance dans le fichier : … (Binette garde …)"…
    pub notes: Vec<String>,
}

fn quoted(text: &str) -> String {
    if text.is_empty() {
        "(vide)".to_owned()
    } else {
        format!("« {text} »")
    }
}

/// A note about the platform's PASS status, when it asks for something.
fn status_note(pass: &PassDraft) -> Option<String> {
    let key = collation_key(&pass.status);
    if key.contains("suspendu") {
        Some(
            "PASS suspendu sur les emplois de l'inclusion : saisissez la suspension dans la \
             fiche si ce n'est pas fait."
                .to_owned(),
        )
    } else if key.contains("expire") {
        Some("PASS expiré sur les emplois de l'inclusion.".to_owned())
    } else {
        None
    }
}

fn pass_text(pass: &PassDraft) -> String {
    format!(
        "n° {} du {} au {}",
        pass.number,
        format_date(pass.start),
        format_date(pass.end)
    )
}

fn contract_text(start: NaiveDate, end: NaiveDate) -> String {
    format!(
        "du {} au {} ({} h par semaine, à vérifier)",
        format_date(start),
        format_date(end),
        DEFAULT_WEEKLY_HOURS
    )
}

fn new_contract(employee_id: i64, start: NaiveDate, end: NaiveDate) -> Contract {
    Contract {
        id: 0,
        employee_id,
        renewal_of: None,
        start_date: start,
        planned_end: end,
        actual_end: None,
        weekly_hours: DEFAULT_WEEKLY_HOURS,
        post: String::new(),
    }
}

/// A new file from a row: the person (entering on the hiring start, else the PASS start,
/// else `today`), their PASS IAE and their contract when both hiring dates are known.
/// Refused without a civility (the gender is required).
pub fn plan_creation(draft: &EmployeeDraft, today: NaiveDate) -> Result<Outcome, String> {
    let gender = draft.gender.ok_or(
        "Civilité manquante : elle donne le genre, obligatoire pour créer la fiche (M ou MME).",
    )?;
    let mut outcome = Outcome::default();
    let entry = match (draft.hiring_start, &draft.pass) {
        (Some(start), _) => start,
        (None, Some(pass)) => pass.start,
        (None, None) => {
            outcome.notes.push(format!(
                "Date d'entrée inconnue : le {} (à corriger dans la fiche).",
                format_date(today)
            ));
            today
        }
    };
    let mut employee = Employee::new(&draft.first_name, &draft.last_name, gender, entry);
    employee.civility = draft.civility;
    employee.birth_date = draft.birth_date;
    employee.email.clone_from(&draft.email);
    employee.phone.clone_from(&draft.phone);
    employee.city.clone_from(&draft.city);
    employee.postcode.clone_from(&draft.postcode);
    employee.prescriber_org.clone_from(&draft.prescriber_org);
    employee
        .prescriber_contact
        .clone_from(&draft.prescriber_contact);
    employee.prescriber_kind = draft.prescriber_kind;
    outcome
        .changes
        .push(format!("Nouvelle fiche, entrée le {}", format_date(entry)));
    if let Some(pass) = &draft.pass {
        outcome
            .changes
            .push(format!("PASS IAE {}", pass_text(pass)));
        if !pass.end_given {
            outcome
                .notes
                .push("Fin du PASS absente : deux ans après son début.".to_owned());
        }
        outcome.notes.extend(status_note(pass));
        outcome.writes.approval = Some(Approval {
            id: 0,
            employee_id: 0,
            number: pass.number.clone(),
            start_date: pass.start,
            end_date: pass.end,
            changes: Vec::new(),
        });
    }
    match (draft.hiring_start, draft.hiring_end) {
        (Some(start), Some(end)) => {
            outcome
                .changes
                .push(format!("Contrat {}", contract_text(start, end)));
            outcome.writes.contract = Some(new_contract(0, start, end));
        }
        (Some(start), None) => outcome.notes.push(format!(
            "Embauche du {} sans date de fin : contrat à saisir dans la fiche.",
            format_date(start)
        )),
        _ => {}
    }
    if !draft.prescriber_org.is_empty() {
        outcome.changes.push(format!(
            "Organisation prescriptrice : « {} » ({})",
            draft.prescriber_org,
            draft.prescriber_kind.label()
        ));
    }
    outcome.writes.employee = Some(employee);
    Ok(outcome)
}

/// The differences between a person Binette has and a row about them, and what to write
/// (see the module's rule).
pub fn plan_update(existing: &ExistingEmployee, draft: &EmployeeDraft) -> Outcome {
    let mut outcome = Outcome::default();
    let mut employee = existing.employee.clone();
    let changed = merge_identity(&mut employee, draft, &mut outcome);
    if changed {
        outcome.writes.employee = Some(employee);
    }
    if let Some(pass) = &draft.pass {
        plan_pass(existing, pass, &mut outcome);
        outcome.notes.extend(status_note(pass));
    }
    if let Some(start) = draft.hiring_start {
        plan_contract(existing, start, draft.hiring_end, &mut outcome);
    }
    outcome
}

/// Fills the empty identity, contact and prescriber fields; returns whether any changed.
fn merge_identity(employee: &mut Employee, draft: &EmployeeDraft, outcome: &mut Outcome) -> bool {
    let mut changed = false;
    let file_name = crate::domain::text::list_name(&draft.first_name, &draft.last_name);
    let binette_name = crate::domain::text::list_name(&employee.first_name, &employee.last_name);
    if collation_key(&file_name) != collation_key(&binette_name) {
        outcome.notes.push(format!(
            "Nom dans le fichier : « {file_name} » (Binette garde « {binette_name} »)."
        ));
    }
    if employee.civility == Civility::Unspecified && draft.civility != Civility::Unspecified {
        employee.civility = draft.civility;
        outcome
            .changes
            .push(format!("Civilité : (vide) → {}", draft.civility.label()));
        changed = true;
    }
    match (employee.birth_date, draft.birth_date) {
        (None, Some(date)) => {
            employee.birth_date = Some(date);
            outcome.changes.push(format!(
                "Date de naissance : (vide) → {}",
                format_date(date)
            ));
            changed = true;
        }
        (Some(kept), Some(date)) if kept != date => outcome.notes.push(format!(
            "Date de naissance dans le fichier : {} (Binette garde {}).",
            format_date(date),
            format_date(kept)
        )),
        _ => {}
    }
    let blanks: [(&str, &mut String, &str); 5] = [
        ("E-mail", &mut employee.email, &draft.email),
        ("Téléphone", &mut employee.phone, &draft.phone),
        ("Ville", &mut employee.city, &draft.city),
        ("Code postal", &mut employee.postcode, &draft.postcode),
        (
            "Contact chez le prescripteur",
            &mut employee.prescriber_contact,
            &draft.prescriber_contact,
        ),
    ];
    for (label, slot, new) in blanks {
        if slot.trim().is_empty() && !new.is_empty() {
            outcome
                .changes
                .push(format!("{label} : (vide) → {}", quoted(new)));
            *slot = new.to_owned();
            changed = true;
        }
    }
    let org = &draft.prescriber_org;
    if employee.prescriber_org.trim().is_empty() && !org.is_empty() {
        outcome.changes.push(format!(
            "Organisation prescriptrice : (vide) → {}",
            quoted(org)
        ));
        employee.prescriber_org.clone_from(org);
        changed = true;
        if employee.prescriber_kind == PrescriberKind::Other
            && draft.prescriber_kind != PrescriberKind::Other
        {
            outcome.changes.push(format!(
                "Type de prescripteur : {} → {}",
                PrescriberKind::Other.label(),
                draft.prescriber_kind.label()
            ));
            employee.prescriber_kind = draft.prescriber_kind;
        }
    } else if !org.is_empty() && collation_key(org) != collation_key(&employee.prescriber_org) {
        outcome.notes.push(format!(
            "Organisation prescriptrice dans le fichier : {} (Binette garde {}).",
            quoted(org),
            quoted(&employee.prescriber_org)
        ));
    }
    changed
}

/// A PASS number without its spaces, in capitals, to compare two numbers.
pub fn pass_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The PASS of the row: its dates taken from the file when Binette holds that number, else
/// added. The file's end is the platform's, suspensions and prolongations included, so it is
/// compared with Binette's effective end, and the granted end written is the file's end less
/// the days of the suspensions and prolongations recorded in Binette.
fn plan_pass(existing: &ExistingEmployee, pass: &PassDraft, outcome: &mut Outcome) {
    let key = pass_key(&pass.number);
    let Some(current) = existing
        .approvals
        .iter()
        .find(|a| pass_key(&a.number) == key)
    else {
        let others: Vec<&str> = existing
            .approvals
            .iter()
            .map(|a| a.number.as_str())
            .collect();
        outcome.changes.push(if others.is_empty() {
            format!("PASS IAE : (aucun) → {}", pass_text(pass))
        } else {
            format!(
                "Nouveau PASS IAE : {} (n° {} reste dans la fiche)",
                pass_text(pass),
                others.join(", ")
            )
        });
        outcome.writes.approval = Some(Approval {
            id: 0,
            employee_id: existing.employee.id,
            number: pass.number.clone(),
            start_date: pass.start,
            end_date: pass.end,
            changes: Vec::new(),
        });
        return;
    };
    let mut approval = current.clone();
    let mut changed = false;
    if approval.start_date != pass.start {
        outcome.changes.push(format!(
            "Début du PASS : {} → {}",
            format_date(approval.start_date),
            format_date(pass.start)
        ));
        approval.start_date = pass.start;
        changed = true;
    }
    let effective = current.effective_end();
    if pass.end_given && effective != pass.end {
        let extra: i64 = current.changes.iter().map(|c| c.days()).sum();
        let granted = pass
            .end
            .checked_sub_signed(TimeDelta::days(extra))
            .filter(|end| *end >= approval.start_date);
        match granted {
            Some(end) => {
                let with_changes = if extra > 0 {
                    " (suspensions et prolongations de Binette comprises)"
                } else {
                    ""
                };
                outcome.changes.push(format!(
                    "Fin du PASS : {} → {}{with_changes}",
                    format_date(effective),
                    format_date(pass.end)
                ));
                approval.end_date = end;
                changed = true;
            }
            None => outcome.notes.push(format!(
                "Fin du PASS dans le fichier : {}, incompatible avec les suspensions et \
                 prolongations saisies dans Binette (fin gardée : {}) : à vérifier.",
                format_date(pass.end),
                format_date(effective)
            )),
        }
    }
    if changed {
        outcome.writes.approval = Some(approval);
    }
}

/// The contract of the hiring that starts on `start`.
fn plan_contract(
    existing: &ExistingEmployee,
    start: NaiveDate,
    end: Option<NaiveDate>,
    outcome: &mut Outcome,
) {
    if let Some(same) = existing.contracts.iter().find(|c| c.start_date == start) {
        match end {
            Some(end) if end > same.planned_end && same.actual_end.is_none() => {
                outcome.changes.push(format!(
                    "Fin du contrat du {} : {} → {}",
                    format_date(start),
                    format_date(same.planned_end),
                    format_date(end)
                ));
                let mut contract = same.clone();
                contract.planned_end = end;
                outcome.writes.contract = Some(contract);
            }
            Some(end) if end != same.planned_end => outcome.notes.push(format!(
                "Fin d'embauche dans le fichier : {} (Binette garde le contrat du {} au {}).",
                format_date(end),
                format_date(start),
                format_date(same.end())
            )),
            _ => {}
        }
        return;
    }
    if let Some(covering) = existing
        .contracts
        .iter()
        .find(|c| c.start_date <= start && start <= c.end())
    {
        outcome.notes.push(format!(
            "Embauche du {} : le contrat du {} au {} de Binette la couvre déjà (rien n'est changé).",
            format_date(start),
            format_date(covering.start_date),
            format_date(covering.end())
        ));
        return;
    }
    let Some(end) = end else {
        outcome.notes.push(format!(
            "Embauche du {} sans date de fin : contrat à saisir dans la fiche.",
            format_date(start)
        ));
        return;
    };
    let mut contract = new_contract(existing.employee.id, start, end);
    let previous = existing
        .contracts
        .iter()
        .find(|c| c.end().succ_opt() == Some(start));
    contract.renewal_of = previous.map(|c| c.id);
    let what = if previous.is_some() {
        "Renouvellement"
    } else {
        "Contrat"
    };
    outcome
        .changes
        .push(format!("{what} : (aucun) → {}", contract_text(start, end)));
    outcome.writes.contract = Some(contract);
}
