//! The PASS IAE tab: the approval and its suspensions or prolongations.

use super::{Errors, FileForm};
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::employees::{Approval, ApprovalChange};
use crate::ui::employees::fields::F;

impl FileForm {
    /// The PASS as typed, without the number check (for the live end date).
    pub(super) fn approval_lenient(&self, errors: &mut Errors) -> Option<Approval> {
        let start = self.date(F::PassStart, errors)?;
        let end = self.end_after(Some(start), F::PassEnd, errors)?;
        Some(Approval {
            id: self.pass_id,
            employee_id: self.employee_id(),
            number: self.get(F::PassNumber).trim().to_owned(),
            start_date: start,
            end_date: end,
            changes: self.pass_changes.clone(),
        })
    }

    /// The PASS as typed, or the errors to show.
    pub fn approval(&self) -> Result<Approval, Errors> {
        let mut errors = Errors::new();
        if !crate::domain::employees::pass_number_valid(self.get(F::PassNumber)) {
            errors.insert(
                F::PassNumber,
                "Le numéro de PASS IAE compte 12 caractères, lettres ou chiffres.".into(),
            );
        }
        let approval = self.approval_lenient(&mut errors);
        match approval {
            Some(a) if errors.is_empty() => Ok(a),
            _ => Err(errors),
        }
    }

    /// Puts the default end (two years) of a PASS starting on the typed start date, as long
    /// as the user has not typed an end of their own.
    pub fn fill_pass_end(&mut self) {
        if !self.pass_end_auto && !self.get(F::PassEnd).trim().is_empty() {
            return;
        }
        match parse_date(self.get(F::PassStart)) {
            Some(start) => self.set(F::PassEnd, format_date(Approval::default_end(start))),
            None => self.set(F::PassEnd, ""),
        }
        self.pass_end_auto = true;
    }

    /// The suspension or prolongation being typed, or the errors to show.
    pub fn change(&self) -> Result<ApprovalChange, Errors> {
        let mut errors = Errors::new();
        let start = self.date(F::ChangeStart, &mut errors);
        let end = self.end_after(start, F::ChangeEnd, &mut errors);
        let Some(kind) = self.change_kind else {
            errors.insert(
                F::ChangeReason,
                "Choisissez suspension ou prolongation.".into(),
            );
            return Err(errors);
        };
        match (start, end) {
            (Some(start_date), Some(end_date)) if errors.is_empty() => Ok(ApprovalChange {
                id: 0,
                approval_id: self.pass_id,
                kind,
                start_date,
                end_date,
                reason: self.get(F::ChangeReason).trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// Forgets the suspension being typed.
    pub fn clear_change(&mut self) {
        self.clear(&[F::ChangeStart, F::ChangeEnd, F::ChangeReason]);
    }
}
