//! The FSE+ tab: the snapshot being typed.

use chrono::NaiveDate;

use super::{Errors, FileForm};
use crate::domain::calendar::format_date;
use crate::domain::employees::{FseSnapshot, FseStage};
use crate::ui::employees::fields::F;

impl FileForm {
    /// The FSE+ snapshot as typed, or the errors to show.
    pub fn fse(&self) -> Result<FseSnapshot, Errors> {
        let mut errors = Errors::new();
        let taken_on = self.date(F::FseDate, &mut errors);
        let Some(stage) = self.fse_stage else {
            errors.insert(
                F::FseDate,
                "Choisissez le moment : entrée, sortie ou six mois.".into(),
            );
            return Err(errors);
        };
        let (Some(taken_on), Some(file)) = (taken_on, &self.file) else {
            return Err(errors);
        };
        let e = &file.employee;
        let stored = file.fse.iter().find(|s| s.stage == stage);
        // A stored snapshot keeps the gender, age and education recorded when it was taken:
        // only its answers are edited here, never recopied from today's profile.
        let (id, gender, age, education_level) = match stored {
            Some(s) => (s.id, s.gender, s.age, s.education_level),
            None => (
                0,
                e.gender,
                e.age_on(taken_on).map(i64::from),
                e.education_level,
            ),
        };
        Ok(FseSnapshot {
            id,
            employee_id: e.id,
            stage,
            taken_on,
            gender,
            age,
            education_level,
            labour_status: self.labour,
            disability: self.disability,
            foreign_origin: self.foreign_origin,
            minority: self.minority,
            homeless: self.homeless,
            exit_result: self.exit_result,
            six_month_result: self.six_month,
        })
    }

    /// Shows the stored snapshot of `stage`, or an empty one dated `today`.
    pub fn edit_fse(&mut self, stage: FseStage, today: NaiveDate) {
        self.fse_stage = Some(stage);
        let stored = self
            .file
            .as_ref()
            .and_then(|f| f.fse.iter().find(|s| s.stage == stage).cloned());
        match stored {
            Some(s) => {
                self.set(F::FseDate, format_date(s.taken_on));
                self.labour = s.labour_status;
                self.disability = s.disability;
                self.foreign_origin = s.foreign_origin;
                self.minority = s.minority;
                self.homeless = s.homeless;
                self.exit_result = s.exit_result;
                self.six_month = s.six_month_result;
            }
            None => {
                self.set(F::FseDate, format_date(today));
                self.labour = None;
                self.disability = None;
                self.foreign_origin = None;
                self.minority = None;
                self.homeless = None;
                self.exit_result = None;
                self.six_month = None;
            }
        }
    }
}
