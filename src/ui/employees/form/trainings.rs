//! The trainings tab: the training and the immersion being typed.

use super::{Errors, FileForm, fmt_hours};
use crate::domain::calendar::format_date;
use crate::domain::employees::{Immersion, Training};
use crate::ui::employees::fields::F;

impl FileForm {
    /// The training as typed, or the errors to show.
    pub fn training(&self) -> Result<Training, Errors> {
        let mut errors = Errors::new();
        let title = self.required(F::TrainingTitle, "L'intitulé est obligatoire.", &mut errors);
        let start = self.date(F::TrainingStart, &mut errors);
        let end = self.end_after(start, F::TrainingEnd, &mut errors);
        let hours = self.number(
            F::TrainingHours,
            0.5,
            2000.0,
            "Nombre d'heures, entre 0,5 et 2 000.",
            &mut errors,
        );
        match (start, end, hours) {
            (Some(start_date), Some(end_date), Some(hours)) if errors.is_empty() => Ok(Training {
                id: self.training_id,
                employee_id: self.employee_id(),
                title,
                body: self.get(F::TrainingBody).trim().to_owned(),
                start_date,
                end_date,
                hours,
                qualifying: self.qualifying,
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored training in the form, or an empty one.
    pub fn edit_training(&mut self, training: Option<&Training>) {
        let fields = [
            F::TrainingTitle,
            F::TrainingBody,
            F::TrainingStart,
            F::TrainingEnd,
            F::TrainingHours,
        ];
        self.clear(&fields);
        self.training_id = training.map_or(0, |t| t.id);
        self.qualifying = training.is_some_and(|t| t.qualifying);
        if let Some(t) = training {
            self.set(F::TrainingTitle, t.title.clone());
            self.set(F::TrainingBody, t.body.clone());
            self.set(F::TrainingStart, format_date(t.start_date));
            self.set(F::TrainingEnd, format_date(t.end_date));
            self.set(F::TrainingHours, fmt_hours(t.hours));
        }
    }

    /// The immersion as typed, or the errors to show.
    pub fn immersion(&self) -> Result<Immersion, Errors> {
        let mut errors = Errors::new();
        let host = self.required(
            F::ImmersionHost,
            "L'entreprise d'accueil est obligatoire.",
            &mut errors,
        );
        let siret: String = self
            .get(F::ImmersionSiret)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !siret.is_empty() && (siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit())) {
            errors.insert(F::ImmersionSiret, "Le SIRET compte 14 chiffres.".into());
        }
        let start = self.date(F::ImmersionStart, &mut errors);
        let end = self.end_after(start, F::ImmersionEnd, &mut errors);
        let Some(objective) = self.objective else {
            errors.insert(
                F::ImmersionOutcome,
                "Choisissez l'objectif de l'immersion.".into(),
            );
            return Err(errors);
        };
        match (start, end) {
            (Some(start_date), Some(end_date)) if errors.is_empty() => Ok(Immersion {
                id: self.immersion_id,
                employee_id: self.employee_id(),
                host_name: host,
                host_siret: siret,
                tutor: self.get(F::ImmersionTutor).trim().to_owned(),
                start_date,
                end_date,
                objective,
                outcome: self.get(F::ImmersionOutcome).trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored immersion in the form, or an empty one.
    pub fn edit_immersion(&mut self, immersion: Option<&Immersion>) {
        let fields = [
            F::ImmersionHost,
            F::ImmersionSiret,
            F::ImmersionTutor,
            F::ImmersionStart,
            F::ImmersionEnd,
            F::ImmersionOutcome,
        ];
        self.clear(&fields);
        self.immersion_id = immersion.map_or(0, |i| i.id);
        self.objective = immersion.map(|i| i.objective);
        if let Some(i) = immersion {
            self.set(F::ImmersionHost, i.host_name.clone());
            self.set(F::ImmersionSiret, i.host_siret.clone());
            self.set(F::ImmersionTutor, i.tutor.clone());
            self.set(F::ImmersionStart, format_date(i.start_date));
            self.set(F::ImmersionEnd, format_date(i.end_date));
            self.set(F::ImmersionOutcome, i.outcome.clone());
        }
    }
}
