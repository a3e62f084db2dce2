//! Filling a person's file form from what was read, and recomputing its warnings.

use chrono::{Datelike, NaiveDate};

use super::{Derived, Errors, FileForm, fmt_opt_date, months_text};
use crate::domain::calendar::format_date;
use crate::domain::employees::{
    ApprovalChangeKind, approval_warnings, contract_pass_warning, contract_warnings,
    cumulative_months, immersion_warnings, is_eligible, planned_cumulative_months,
    suggest_exit_category,
};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::F;

impl FileForm {
    /// Fills every part from a freshly read file; `keep_sub_forms` keeps the contract,
    /// follow-up… being typed (used after saving another part).
    pub fn load(&mut self, file: EmployeeFile, today: NaiveDate) {
        // A file saved before eligibility had one source may have a box without its
        // criterion: shown aligned, saved aligned.
        let mut aligned = file.employee.clone();
        aligned.align_flags_and_criteria();
        let e = &aligned;
        self.civility = Some(e.civility);
        self.gender = Some(e.gender);
        self.referent = e.referent_id;
        self.prescriber_kind = Some(e.prescriber_kind);
        self.education = e.education_level;
        (self.rsa, self.ass, self.aah) = (e.rsa, e.ass, e.aah);
        (self.rqth, self.qpv, self.zrr) = (e.rqth, e.qpv, e.zrr);
        self.court_measure = e.court_measure;
        self.criteria = e.criteria.clone();
        self.change_kind = self.change_kind.or(Some(ApprovalChangeKind::Suspension));
        let texts = [
            (F::LastName, e.last_name.clone()),
            (F::FirstName, e.first_name.clone()),
            (F::BirthDate, fmt_opt_date(e.birth_date)),
            (F::Address, e.address.clone()),
            (F::Postcode, e.postcode.clone()),
            (F::City, e.city.clone()),
            (F::Phone, e.phone.clone()),
            (F::Email, e.email.clone()),
            (F::EntryDate, format_date(e.entry_date)),
            (F::PrescriberOrg, e.prescriber_org.clone()),
            (F::PrescriberContact, e.prescriber_contact.clone()),
            (
                F::UnemploymentMonths,
                e.unemployment_months
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ),
            (F::Notes, e.notes.clone()),
        ];
        for (field, value) in texts {
            self.set(field, value);
        }
        match file.approvals.last() {
            Some(a) => {
                self.pass_id = a.id;
                self.pass_changes = a.changes.clone();
                self.set(F::PassNumber, a.number.clone());
                self.set(F::PassStart, format_date(a.start_date));
                self.set(F::PassEnd, format_date(a.end_date));
            }
            None => {
                self.pass_id = 0;
                self.pass_changes.clear();
                self.clear(&[F::PassNumber, F::PassStart, F::PassEnd]);
            }
        }
        match &file.exit {
            Some(exit) => {
                self.exit_category = Some(exit.category);
                self.exit_outcome = exit.outcome;
                self.set(F::ExitDate, format_date(exit.date));
                self.set(
                    F::ExitMonths,
                    exit.outcome_months
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                );
                self.set(F::ExitDetail, exit.detail.clone());
            }
            None => {
                self.exit_category = None;
                self.exit_outcome = None;
                self.clear(&[F::ExitDate, F::ExitMonths, F::ExitDetail, F::NewPathDate]);
            }
        }
        self.file = Some(file);
        // The hours worked: the year shown stays, the current year the first time.
        let year = if self.hours_year == 0 {
            today.year()
        } else {
            self.hours_year
        };
        self.show_hours_year(year);
        self.refresh(today);
    }

    /// Recomputes eligibility, warnings and suggestions from what is typed.
    pub fn refresh(&mut self, today: NaiveDate) {
        let mut derived = Derived {
            eligible: is_eligible(&self.criteria),
            ..Derived::default()
        };
        let mut scratch = Errors::new();
        if let Some(approval) = self.approval_lenient(&mut scratch) {
            derived.pass_end = Some(approval.effective_end());
            derived.pass_warnings = approval_warnings(&approval, today);
        }
        let contracts = self
            .file
            .as_ref()
            .map(|f| f.contracts.clone())
            .unwrap_or_default();
        if !contracts.is_empty() {
            derived.cumulative = format!(
                "Durée cumulée des contrats : {} prévus, dont {} effectués à ce jour.",
                months_text(planned_cumulative_months(&contracts)),
                months_text(cumulative_months(&contracts, today)),
            );
        }
        if let (Ok(contract), Some(file)) = (self.contract(), &self.file) {
            let mut employee = file.employee.clone();
            employee.court_measure = self.court_measure;
            employee.rqth = self.rqth;
            derived.contract_warnings = contract_warnings(&contract, &contracts, &employee);
            derived
                .contract_warnings
                .extend(contract_pass_warning(&contract, &file.approvals));
        }
        if let Ok(immersion) = self.immersion() {
            derived.immersion_warnings = immersion_warnings(&immersion);
        }
        if let Some(outcome) = self.exit_outcome {
            let months = self
                .get(F::ExitMonths)
                .trim()
                .replace(',', ".")
                .parse()
                .ok();
            derived.exit_suggestion = suggest_exit_category(outcome, months);
        }
        self.derived = derived;
    }
}
