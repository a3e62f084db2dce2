//! Employee import (les emplois de l'inclusion export), the I/O half: reading the people
//! Binette has, and carrying out a previewed plan in one transaction. The pure half
//! (columns, validation, differences) is `domain::import::employees`.
//!
//! People and PASS IAE are written with `store::employees`' `_in` functions
//! (`insert_employee_in`, `update_employee_in`, `insert_approval_in`, `update_approval_in`),
//! inside this import's transaction.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::domain::employees::{Approval, Employee};
use crate::domain::import::employees::{
    ExistingEmployee, ImportContext, Plan, RowAction, RowWrites, pass_key, plan_update,
};
use crate::domain::text::sentence_name;
use crate::store::employees::{
    get_employee, insert_approval_in, insert_contract, insert_employee_in,
    list_approvals_of_employee, list_contracts_of_employee, list_employees, update_approval_in,
    update_contract, update_employee_in,
};
use crate::store::{Result, StoreError};

/// What Binette already has, to build the preview: every employee with their PASS IAE
/// (suspensions and prolongations included) and contracts.
pub fn load_context(conn: &Connection) -> Result<ImportContext> {
    let employees = list_employees(conn)?
        .into_iter()
        .map(|employee| existing_with(conn, employee))
        .collect::<Result<Vec<_>>>()?;
    Ok(ImportContext { employees })
}

fn existing_with(conn: &Connection, employee: Employee) -> Result<ExistingEmployee> {
    Ok(ExistingEmployee {
        approvals: list_approvals_of_employee(conn, employee.id)?,
        contracts: list_contracts_of_employee(conn, employee.id)?,
        employee,
    })
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// People created.
    pub created: usize,
    /// People updated.
    pub updated: usize,
    /// People already up to date or left as they were.
    pub unchanged: usize,
    /// Applications that were not hires.
    pub ignored: usize,
    /// Rows refused: (line in the file, reason).
    pub rejected: Vec<(usize, String)>,
    /// PASS IAE added.
    pub approvals_added: usize,
    /// PASS IAE whose dates changed.
    pub approvals_updated: usize,
    /// Contracts added.
    pub contracts_added: usize,
    /// Contracts whose planned end was pushed back.
    pub contracts_extended: usize,
}

impl ImportReport {
    /// One French sentence for the screen and the command line.
    pub fn summary(&self) -> String {
        format!(
            "{} salarié(s) créé(s), {} mis à jour, {} inchangé(s), {} candidature(s) ignorée(s), \
             {} ligne(s) refusée(s). PASS IAE : {} ajouté(s), {} modifié(s). Contrats : {} \
             ajouté(s), {} prolongé(s).",
            self.created,
            self.updated,
            self.unchanged,
            self.ignored,
            self.rejected.len(),
            self.approvals_added,
            self.approvals_updated,
            self.contracts_added,
            self.contracts_extended
        )
    }
}

/// Carries out a previewed plan in ONE transaction: creates the new people with their PASS
/// IAE and contract; for each update, reads the person again and writes the differences
/// computed from what is stored now (so nothing typed since the preview is overwritten).
/// Refused, ignored and unchanged rows are only counted. Any failure rolls everything back.
pub fn apply(conn: &Connection, plan: &Plan) -> Result<ImportReport> {
    let tx = conn.unchecked_transaction()?;
    let mut report = ImportReport::default();
    let mut holders = PassHolders::load(&tx)?;
    for row in &plan.rows {
        match (&row.action, &row.draft) {
            (RowAction::Rejected(reason), _) => report.rejected.push((row.line, reason.clone())),
            (RowAction::Ignored(_), _) => report.ignored += 1,
            (RowAction::Unchanged(_), _) | (_, None) => report.unchanged += 1,
            (RowAction::Create, Some(_)) => {
                let Some(employee) = &row.outcome.writes.employee else {
                    continue;
                };
                let id = insert_employee_in(&tx, employee)?;
                let path = PathWriter {
                    employee_id: id,
                    line: row.line,
                };
                path.write(&tx, &row.outcome.writes, &mut holders, &mut report)?;
                report.created += 1;
            }
            (RowAction::Update(id), Some(draft)) => {
                let existing = existing_with(&tx, get_employee(&tx, *id)?)?;
                let writes = plan_update(&existing, draft).writes;
                if writes.is_empty() {
                    report.unchanged += 1;
                    continue;
                }
                // Read again above in this transaction: only the fields the import fills
                // differ from what is stored.
                if let Some(employee) = &writes.employee {
                    update_employee_in(&tx, employee)?;
                }
                let path = PathWriter {
                    employee_id: *id,
                    line: row.line,
                };
                path.write(&tx, &writes, &mut holders, &mut report)?;
                report.updated += 1;
            }
        }
    }
    tx.commit()?;
    Ok(report)
}

/// Who holds each PASS number (`pass_key` → employee id, "Prénom Nom" for the message), read once so that
/// checking thousands of new PASS stays quick.
struct PassHolders(HashMap<String, (i64, String)>);

impl PassHolders {
    fn load(conn: &Connection) -> Result<Self> {
        let mut statement = conn.prepare(
            "SELECT a.number, a.employee_id, e.first_name, e.last_name
             FROM approval a JOIN employee e ON e.id = a.employee_id",
        )?;
        let rows = statement.query_map([], |row| {
            let name = sentence_name(
                &row.get::<_, String>("first_name")?,
                &row.get::<_, String>("last_name")?,
            );
            Ok((
                pass_key(&row.get::<_, String>("number")?),
                (row.get::<_, i64>("employee_id")?, name),
            ))
        })?;
        Ok(PassHolders(rows.collect::<rusqlite::Result<_>>()?))
    }
}

/// The person a row's PASS IAE and contract are written for, and the row's line.
struct PathWriter {
    employee_id: i64,
    line: usize,
}

impl PathWriter {
    /// Writes the PASS IAE and the contract of the row.
    fn write(
        &self,
        conn: &Connection,
        writes: &RowWrites,
        holders: &mut PassHolders,
        report: &mut ImportReport,
    ) -> Result<()> {
        if let Some(approval) = &writes.approval {
            if approval.id == 0 {
                self.insert_approval(conn, approval, holders)?;
                report.approvals_added += 1;
            } else {
                // The stored PASS with the file's dates: its suspensions and prolongations
                // are written back as they are.
                update_approval_in(conn, approval)?;
                report.approvals_updated += 1;
            }
        }
        if let Some(contract) = &writes.contract {
            let mut contract = contract.clone();
            contract.employee_id = self.employee_id;
            if contract.id == 0 {
                insert_contract(conn, &contract)?;
                report.contracts_added += 1;
            } else {
                update_contract(conn, &contract)?;
                report.contracts_extended += 1;
            }
        }
        Ok(())
    }

    /// Adds a PASS IAE, unless someone else already holds its number (then nothing at all
    /// is imported).
    fn insert_approval(
        &self,
        conn: &Connection,
        approval: &Approval,
        holders: &mut PassHolders,
    ) -> Result<()> {
        let key = pass_key(&approval.number);
        if let Some((holder, name)) = holders.0.get(&key)
            && *holder != self.employee_id
        {
            return Err(StoreError::Invalid(format!(
                "Ligne {} : le PASS IAE {} est déjà celui de {name}. Rien n'a été importé.",
                self.line, approval.number
            )));
        }
        insert_approval_in(
            conn,
            &Approval {
                employee_id: self.employee_id,
                ..approval.clone()
            },
        )?;
        holders.0.insert(key, (self.employee_id, String::new()));
        Ok(())
    }
}
