//! Exit categories suggested from the job found, and that job written as one line.

use super::{Exit, ExitCategory};
use crate::code_enum;

code_enum! {
    /// What the person left for, as far as the exit category depends on it.
    pub enum ExitOutcome {
        Cdi = ("cdi", "CDI"),
        Cdd = ("cdd", "CDD"),
        Interim = ("interim", "Intérim"),
        SubsidisedContract = ("contrat_aide", "Contrat aidé chez un employeur classique"),
        CivilService = ("fonction_publique", "Titularisation dans la fonction publique"),
        BusinessCreation = ("creation", "Création d'entreprise"),
        QualifyingTraining = ("formation", "Formation qualifiante ou pré-qualifiante"),
        OtherSiae = ("autre_siae", "Embauche dans une autre SIAE"),
        JobSeeking = ("recherche", "Recherche d'emploi"),
        Inactive = ("inactif", "Inactivité"),
        NoNews = ("sans_nouvelles", "Sans nouvelles"),
        MovedAway = ("demenagement", "Déménagement"),
        Illness = ("maladie", "Longue maladie"),
        Death = ("deces", "Décès"),
    }
}

impl ExitOutcome {
    /// Whether its length in months matters for the category (CDD, temp work).
    pub fn needs_length(self) -> bool {
        matches!(self, ExitOutcome::Cdd | ExitOutcome::Interim)
    }
}

/// The exit category the State's rules give for `outcome`; a CDD or temp work needs its
/// length: 6 months or more is a lasting job, less a transition job (`None` while unknown).
pub fn suggest_exit_category(outcome: ExitOutcome, months: Option<f64>) -> Option<ExitCategory> {
    use ExitOutcome::*;
    Some(match outcome {
        Cdi | CivilService | BusinessCreation => ExitCategory::LastingJob,
        Cdd | Interim => {
            if months? >= 6.0 {
                ExitCategory::LastingJob
            } else {
                ExitCategory::TransitionJob
            }
        }
        SubsidisedContract => ExitCategory::TransitionJob,
        QualifyingTraining | OtherSiae => ExitCategory::Positive,
        JobSeeking | Inactive | NoNews => ExitCategory::Other,
        MovedAway | Illness | Death => ExitCategory::NotCounted,
    })
}

/// A warning when the exit `category` contradicts the job found: the State's rules give
/// another category for it (`None` when they agree or the job is not known well enough).
pub fn exit_category_warning(
    category: ExitCategory,
    outcome: Option<ExitOutcome>,
    months: Option<u32>,
) -> Option<String> {
    let outcome = outcome?;
    let suggested = suggest_exit_category(outcome, months.map(f64::from))?;
    (suggested != category).then(|| {
        format!(
            "La situation « {} » relève de la catégorie « {} », pas de « {} » : vérifiez la \
             catégorie de sortie.",
            outcome_text(Some(outcome), months).unwrap_or_default(),
            suggested.label(),
            category.label()
        )
    })
}

/// The job found as one line, "CDD, 4 mois" (the length only where it matters), or `None`
/// when the outcome is unknown.
pub fn outcome_text(outcome: Option<ExitOutcome>, months: Option<u32>) -> Option<String> {
    let outcome = outcome?;
    Some(match months.filter(|_| outcome.needs_length()) {
        Some(months) => format!("{}, {months} mois", outcome.label()),
        None => outcome.label().to_owned(),
    })
}

impl Exit {
    /// The job found as one line, "CDD, 4 mois", or `None` when it is unknown.
    pub fn outcome_text(&self) -> Option<String> {
        outcome_text(self.outcome, self.outcome_months)
    }

    /// The job found and the free details as one line: "CDD, 4 mois — Ferme Dupont".
    pub fn summary(&self) -> String {
        let free = self.detail.trim();
        match self.outcome_text() {
            Some(head) if free.is_empty() => head,
            Some(head) => format!("{head} — {free}"),
            None => free.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_follows_the_job_found() {
        use ExitOutcome::*;
        assert_eq!(
            suggest_exit_category(Cdd, Some(4.0)),
            Some(ExitCategory::TransitionJob)
        );
        assert_eq!(
            suggest_exit_category(Cdd, Some(6.0)),
            Some(ExitCategory::LastingJob)
        );
        assert_eq!(
            suggest_exit_category(Interim, Some(5.9)),
            Some(ExitCategory::TransitionJob)
        );
        assert_eq!(suggest_exit_category(Cdd, None), None);
        assert_eq!(
            suggest_exit_category(Cdi, None),
            Some(ExitCategory::LastingJob)
        );
        assert_eq!(
            suggest_exit_category(SubsidisedContract, None),
            Some(ExitCategory::TransitionJob)
        );
        assert_eq!(
            suggest_exit_category(OtherSiae, None),
            Some(ExitCategory::Positive)
        );
        assert_eq!(
            suggest_exit_category(NoNews, None),
            Some(ExitCategory::Other)
        );
        assert_eq!(
            suggest_exit_category(MovedAway, None),
            Some(ExitCategory::NotCounted)
        );
    }

    #[test]
    fn a_category_contradicting_the_job_found_is_flagged() {
        use ExitCategory::*;
        // A CDI is a lasting job (category 1): typed as « autre sortie », it is flagged.
        let w = exit_category_warning(Other, Some(ExitOutcome::Cdi), None).unwrap();
        assert!(w.contains("« CDI »") && w.contains("Emploi durable"), "{w}");
        assert_eq!(
            exit_category_warning(LastingJob, Some(ExitOutcome::Cdi), None),
            None
        );
        // A 4-month CDD is a transition job; typed as lasting, it is flagged.
        assert!(exit_category_warning(LastingJob, Some(ExitOutcome::Cdd), Some(4)).is_some());
        // Length unknown, or no job recorded: nothing to compare with.
        assert_eq!(
            exit_category_warning(LastingJob, Some(ExitOutcome::Cdd), None),
            None
        );
        assert_eq!(exit_category_warning(Other, None, None), None);
    }

    #[test]
    fn summary_puts_the_job_found_first() {
        let mut exit = Exit {
            employee_id: 1,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            category: ExitCategory::TransitionJob,
            outcome: Some(ExitOutcome::Cdd),
            outcome_months: Some(4),
            detail: " Ferme Dupont ".into(),
        };
        assert_eq!(exit.outcome_text().as_deref(), Some("CDD, 4 mois"));
        assert_eq!(exit.summary(), "CDD, 4 mois — Ferme Dupont");
        exit.outcome = Some(ExitOutcome::Cdi);
        assert_eq!(exit.summary(), "CDI — Ferme Dupont", "a CDI has no length");
        exit.detail.clear();
        assert_eq!(exit.summary(), "CDI");
        exit.outcome = None;
        exit.detail = "Parti dans le Nord".into();
        assert_eq!(exit.outcome_text(), None);
        assert_eq!(exit.summary(), "Parti dans le Nord");
    }
}
