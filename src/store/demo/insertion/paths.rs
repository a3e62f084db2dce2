//! The demo's fixed tables: the insertion paths, and the exits, prescribers, trainings,
//! posts and follow-up notes they draw from.

use crate::domain::employees::ExitOutcome;

/// Where an employee stands today.
#[derive(Clone, Copy)]
pub(super) enum Path {
    /// Hired a few weeks ago.
    New,
    /// One contract, running.
    Ongoing,
    /// Two or more contracts (renewals), running.
    Renewed,
    /// About to reach 24 months in total.
    NearCap,
    /// PASS IAE (granted at a previous SIAE) ends within 60 days.
    PassEnding,
    /// Contract ends within 30 days.
    EndingSoon,
    /// Left `months_ago` months ago in `category`.
    Exited { category: i64, months_ago: i32 },
}

pub(super) const PATHS: &[Path] = &[
    Path::New,
    Path::New,
    Path::New,
    Path::Ongoing,
    Path::Ongoing,
    Path::Ongoing,
    Path::Ongoing,
    Path::Ongoing,
    Path::Renewed,
    Path::Renewed,
    Path::Renewed,
    Path::Renewed,
    Path::NearCap,
    Path::PassEnding,
    Path::EndingSoon,
    Path::Exited {
        category: 1,
        months_ago: 3,
    },
    Path::Exited {
        category: 1,
        months_ago: 10,
    },
    Path::Exited {
        category: 2,
        months_ago: 2,
    },
    Path::Exited {
        category: 2,
        months_ago: 9,
    },
    Path::Exited {
        category: 3,
        months_ago: 5,
    },
    Path::Exited {
        category: 3,
        months_ago: 12,
    },
    Path::Exited {
        category: 4,
        months_ago: 1,
    },
    Path::Exited {
        category: 4,
        months_ago: 8,
    },
    Path::Exited {
        category: 5,
        months_ago: 7,
    },
    Path::Exited {
        category: 5,
        months_ago: 14,
    },
];

/// The exits by category (1 to 5), two each: the job found, its length in months, details.
pub(super) const EXIT_DETAILS: [[(ExitOutcome, Option<u32>, &str); 2]; 5] = [
    [
        (
            ExitOutcome::Cdi,
            None,
            "Ouvrier maraîcher, EARL des Prés de Loue",
        ),
        (
            ExitOutcome::Cdd,
            Some(8),
            "Agent d'entretien, mairie d'Ornans",
        ),
    ],
    [
        (ExitOutcome::Cdd, Some(3), "Préparation de commandes"),
        (ExitOutcome::Interim, Some(2), "Agroalimentaire"),
    ],
    [
        (
            ExitOutcome::QualifyingTraining,
            None,
            "Titre pro Agent de propreté et d'hygiène (AFPA)",
        ),
        (ExitOutcome::OtherSiae, None, "Entreprise d'insertion"),
    ],
    [
        (ExitOutcome::JobSeeking, None, ""),
        (ExitOutcome::NoNews, None, "Depuis la fin du contrat"),
    ],
    [
        (ExitOutcome::MovedAway, None, "Hors du département"),
        (ExitOutcome::Illness, None, ""),
    ],
];

pub(super) const PRESCRIBERS: &[(&str, &str)] = &[
    ("france_travail", "France Travail Ornans"),
    ("france_travail", "France Travail Besançon Palente"),
    ("mission_locale", "Mission locale Espace Jeunes Besançon"),
    ("spip", "SPIP du Doubs"),
    ("ccas", "CCAS d'Ornans"),
    ("departement", "Département du Doubs – service insertion"),
    ("cap_emploi", "Cap emploi 25"),
];

pub(super) const TRAININGS: &[(&str, &str, f64, bool)] = &[
    (
        "Sauveteur secouriste du travail (SST)",
        "Croix-Rouge française",
        14.0,
        false,
    ),
    ("CACES R489 catégorie 1", "AFPA Besançon", 35.0, true),
    (
        "CléA – socle de connaissances et de compétences",
        "Greta Doubs",
        84.0,
        true,
    ),
    ("Français langue étrangère", "Greta Doubs", 60.0, false),
    (
        "Titre pro Ouvrier du paysage (modules 1-2)",
        "CFPPA de Besançon",
        140.0,
        true,
    ),
    (
        "Hygiène alimentaire (HACCP)",
        "CFPPA de Besançon",
        14.0,
        false,
    ),
    (
        "Code de la route",
        "Auto-école solidaire d'Ornans",
        20.0,
        false,
    ),
    (
        "Initiation au numérique",
        "Médiathèque d'Ornans",
        12.0,
        false,
    ),
];

pub(super) const POSTS: &[&str] = &[
    "Ouvrier·ère maraîcher·ère",
    "Préparation des paniers",
    "Maraîchage et livraison",
];

pub(super) const FOLLOW_UP_NOTES: &[&str] = &[
    "Point sur le projet professionnel.",
    "Dossier de logement déposé, en attente de réponse.",
    "Recherche d'un moyen de transport pour venir au jardin.",
    "Préparation d'une candidature.",
    "Aide aux démarches en ligne (CAF, impôts).",
    "Bilan de mi-parcours avec l'encadrant.",
    "",
];
