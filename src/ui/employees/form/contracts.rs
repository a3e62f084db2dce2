//! The contracts tab: the contract being typed.

use super::{Errors, FileForm, fmt_hours, fmt_opt_date};
use crate::domain::calendar::format_date;
use crate::domain::employees::Contract;
use crate::ui::employees::fields::F;

impl FileForm {
    /// The contract as typed, or the errors to show.
    pub fn contract(&self) -> Result<Contract, Errors> {
        let mut errors = Errors::new();
        let start = self.date(F::ContractStart, &mut errors);
        let planned = self.end_after(start, F::ContractEnd, &mut errors);
        let actual = if self.get(F::ContractActualEnd).trim().is_empty() {
            Some(None)
        } else {
            self.end_after(start, F::ContractActualEnd, &mut errors)
                .map(Some)
        };
        let hours = self.number(
            F::ContractHours,
            1.0,
            48.0,
            "Heures par semaine : un nombre entre 1 et 48.",
            &mut errors,
        );
        match (start, planned, actual, hours) {
            (Some(start_date), Some(planned_end), Some(actual_end), Some(weekly_hours))
                if errors.is_empty() =>
            {
                Ok(Contract {
                    id: self.contract_id,
                    employee_id: self.employee_id(),
                    renewal_of: self.renewal_of,
                    start_date,
                    planned_end,
                    actual_end,
                    weekly_hours,
                    post: self.get(F::ContractPost).trim().to_owned(),
                })
            }
            _ => Err(errors),
        }
    }

    /// Puts a stored contract in the form, or an empty one (`None`), or a renewal of one.
    pub fn edit_contract(&mut self, contract: Option<&Contract>, renewal: bool) {
        self.clear(&[
            F::ContractStart,
            F::ContractEnd,
            F::ContractActualEnd,
            F::ContractHours,
            F::ContractPost,
        ]);
        self.contract_id = 0;
        self.renewal_of = None;
        let Some(c) = contract else { return };
        self.set(F::ContractHours, fmt_hours(c.weekly_hours));
        self.set(F::ContractPost, c.post.clone());
        if renewal {
            self.renewal_of = Some(c.id);
            if let Some(next) = c.end().succ_opt() {
                self.set(F::ContractStart, format_date(next));
            }
        } else {
            self.contract_id = c.id;
            self.renewal_of = c.renewal_of;
            self.set(F::ContractStart, format_date(c.start_date));
            self.set(F::ContractEnd, format_date(c.planned_end));
            self.set(F::ContractActualEnd, fmt_opt_date(c.actual_end));
        }
    }
}
