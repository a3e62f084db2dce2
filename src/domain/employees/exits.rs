//! Exit categories suggested from the job found, and that job written into the exit's detail.

use super::ExitCategory;
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

/// The exit detail with the outcome written first, so it is kept without a column of its
/// own: "CDD, 4 mois — Maraîcher chez Ferme Dupont".
pub fn compose_exit_detail(
    outcome: Option<ExitOutcome>,
    months: Option<u32>,
    free: &str,
) -> String {
    let free = free.trim();
    let Some(outcome) = outcome else {
        return free.to_owned();
    };
    let mut head = outcome.label().to_owned();
    if let Some(months) = months.filter(|_| outcome.needs_length()) {
        head.push_str(&format!(", {months} mois"));
    }
    if free.is_empty() {
        head
    } else {
        format!("{head} — {free}")
    }
}

/// Reads back what [`compose_exit_detail`] wrote: the outcome, its length, the free text.
pub fn split_exit_detail(detail: &str) -> (Option<ExitOutcome>, Option<u32>, String) {
    let (head, free) = match detail.split_once(" — ") {
        Some((head, free)) => (head, free.to_owned()),
        None => (detail, String::new()),
    };
    let (label, months) = match head.rsplit_once(", ") {
        Some((label, rest)) => match rest.strip_suffix(" mois").and_then(|n| n.parse().ok()) {
            Some(months) => (label, Some(months)),
            None => (head, None),
        },
        None => (head, None),
    };
    match ExitOutcome::ALL.iter().find(|o| o.label() == label) {
        Some(outcome) => (Some(*outcome), months, free),
        None => (None, None, detail.to_owned()),
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
    fn detail_round_trips() {
        let text = compose_exit_detail(Some(ExitOutcome::Cdd), Some(4), " Ferme Dupont ");
        assert_eq!(text, "CDD, 4 mois — Ferme Dupont");
        assert_eq!(
            split_exit_detail(&text),
            (Some(ExitOutcome::Cdd), Some(4), "Ferme Dupont".to_owned())
        );
        let cdi = compose_exit_detail(Some(ExitOutcome::Cdi), Some(4), "");
        assert_eq!(cdi, "CDI");
        assert_eq!(
            split_exit_detail(&cdi),
            (Some(ExitOutcome::Cdi), None, String::new())
        );
        assert_eq!(
            split_exit_detail("Parti dans le Nord"),
            (None, None, "Parti dans le Nord".to_owned())
        );
    }
}
