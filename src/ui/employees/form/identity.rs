//! The identity and entry tabs: the person as typed.

use super::{Errors, FileForm};
use crate::domain::employees::{Civility, Criterion, Employee, PrescriberKind};
use crate::ui::employees::fields::F;

impl FileForm {
    /// Ticks or unticks an eligibility criterion, and the box of the same meaning (RSA,
    /// ASS, AAH, RQTH, QPV, ZRR, court measure) with it.
    pub fn set_criterion(&mut self, criterion: Criterion, on: bool) {
        self.criteria.retain(|c| *c != criterion);
        if on {
            self.criteria.push(criterion);
            self.criteria.sort();
        }
        let flag = match criterion {
            Criterion::Rsa => &mut self.rsa,
            Criterion::Ass => &mut self.ass,
            Criterion::Aah => &mut self.aah,
            Criterion::DisabledWorker => &mut self.rqth,
            Criterion::Qpv => &mut self.qpv,
            Criterion::Zrr => &mut self.zrr,
            Criterion::Justice => &mut self.court_measure,
            _ => return,
        };
        *flag = on;
    }

    /// The person as typed, or the errors to show.
    pub fn employee(&self) -> Result<Employee, Errors> {
        let mut errors = Errors::new();
        let last = self.required(F::LastName, "Le nom est obligatoire.", &mut errors);
        let first = self.required(F::FirstName, "Le prénom est obligatoire.", &mut errors);
        let birth = self.optional_date(F::BirthDate, &mut errors);
        let entry = self.date(F::EntryDate, &mut errors);
        let months_text = self.get(F::UnemploymentMonths).trim();
        let months = if months_text.is_empty() {
            Some(None)
        } else {
            match months_text.parse::<i64>() {
                Ok(m) if (0..=600).contains(&m) => Some(Some(m)),
                _ => {
                    errors.insert(
                        F::UnemploymentMonths,
                        "Nombre de mois entier, entre 0 et 600.".into(),
                    );
                    None
                }
            }
        };
        if let (Some(Some(birth)), Some(entry)) = (birth, entry)
            && birth >= entry
        {
            errors.insert(F::BirthDate, "La naissance doit précéder l'entrée.".into());
        }
        let gender = self.gender;
        if gender.is_none() {
            errors.insert(
                F::Gender,
                "Choisissez le genre (femme, homme, non-binaire).".into(),
            );
        }
        let (Some(birth), Some(entry), Some(months), Some(gender), true) =
            (birth, entry, months, gender, errors.is_empty())
        else {
            return Err(errors);
        };
        let mut employee = match &self.file {
            Some(file) => file.employee.clone(),
            None => Employee::new(&first, &last, gender, entry),
        };
        employee.last_name = last;
        employee.first_name = first;
        employee.gender = gender;
        employee.entry_date = entry;
        employee.birth_date = birth;
        employee.civility = self.civility.unwrap_or(Civility::Unspecified);
        employee.address = self.get(F::Address).trim().to_owned();
        employee.postcode = self.get(F::Postcode).trim().to_owned();
        employee.city = self.get(F::City).trim().to_owned();
        employee.phone = self.get(F::Phone).trim().to_owned();
        employee.email = self.get(F::Email).trim().to_owned();
        employee.referent_id = self.referent;
        employee.prescriber_kind = self.prescriber_kind.unwrap_or(PrescriberKind::Other);
        employee.prescriber_org = self.get(F::PrescriberOrg).trim().to_owned();
        employee.prescriber_contact = self.get(F::PrescriberContact).trim().to_owned();
        employee.education_level = self.education;
        employee.unemployment_months = months;
        (employee.rsa, employee.ass, employee.aah) = (self.rsa, self.ass, self.aah);
        (employee.rqth, employee.qpv, employee.zrr) = (self.rqth, self.qpv, self.zrr);
        employee.court_measure = self.court_measure;
        employee.notes = self.get(F::Notes).to_owned();
        let mut criteria = self.criteria.clone();
        criteria.sort();
        criteria.dedup();
        employee.criteria = criteria;
        Ok(employee)
    }
}
