//! The exit tab: how the person left, as typed.

use super::{Errors, FileForm};
use crate::domain::employees::Exit;
use crate::ui::employees::fields::F;

impl FileForm {
    /// The exit as typed, or the errors to show.
    pub fn exit(&self) -> Result<Exit, Errors> {
        let mut errors = Errors::new();
        let date = self.date(F::ExitDate, &mut errors);
        let entry = self.file.as_ref().map(|f| f.employee.entry_date);
        if let (Some(date), Some(entry)) = (date, entry)
            && date < entry
        {
            errors.insert(F::ExitDate, "La sortie est avant l'entrée.".into());
        }
        let months_text = self.get(F::ExitMonths).trim();
        let months = if months_text.is_empty() {
            None
        } else {
            match months_text.parse::<u32>() {
                Ok(m) if (1..=600).contains(&m) => Some(m),
                _ => {
                    errors.insert(
                        F::ExitMonths,
                        "Durée en mois entiers, entre 1 et 600.".into(),
                    );
                    None
                }
            }
        };
        let category = self.exit_category.or(self.derived.exit_suggestion);
        if category.is_none() {
            errors.insert(F::ExitDetail, "Choisissez la catégorie de sortie.".into());
        }
        match (date, category) {
            (Some(date), Some(category)) if errors.is_empty() => Ok(Exit {
                employee_id: self.employee_id(),
                date,
                category,
                outcome: self.exit_outcome,
                // The length only matters for a CDD or temp work.
                outcome_months: months
                    .filter(|_| self.exit_outcome.is_some_and(|o| o.needs_length())),
                detail: self.get(F::ExitDetail).trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// The entry date of a new path, as typed, or the errors to show.
    pub fn new_path_date(&self) -> Result<chrono::NaiveDate, Errors> {
        let mut errors = Errors::new();
        match self.date(F::NewPathDate, &mut errors) {
            Some(date) if errors.is_empty() => Ok(date),
            _ => Err(errors),
        }
    }
}
