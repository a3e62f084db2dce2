//! The insertion area's enums, stored as the codes the schema checks.

use crate::code_enum;

code_enum! {
    /// Gender, as asked by the FSE+ reporting.
    pub enum Gender {
        Female = ("f", "Femme"),
        Male = ("m", "Homme"),
        NonBinary = ("x", "Non-binaire"),
    }
}

code_enum! {
    /// Civility used in letters; `Unspecified` is stored as the empty code.
    pub enum Civility {
        Unspecified = ("", "Non précisée"),
        Madam = ("mme", "Madame"),
        Sir = ("m", "Monsieur"),
    }
}

impl Civility {
    /// The abbreviation written before a name ("Mme", "M."), empty when unspecified.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Civility::Unspecified => "",
            Civility::Madam => "Mme",
            Civility::Sir => "M.",
        }
    }
}

code_enum! {
    /// What a permanent staff member does.
    pub enum StaffRole {
        Supervisor = ("encadrant", "Encadrant(e) technique"),
        Counsellor = ("cip", "Accompagnateur(trice) socioprofessionnel(le) (CIP)"),
        Management = ("direction", "Direction"),
        Other = ("autre", "Autre"),
    }
}

code_enum! {
    /// Who sent the person: the prescribers the State lists for the IAE.
    pub enum PrescriberKind {
        FranceTravail = ("france_travail", "France Travail"),
        MissionLocale = ("mission_locale", "Mission locale"),
        CapEmploi = ("cap_emploi", "Cap emploi"),
        Departement = ("departement", "Conseil départemental (service social, RSA)"),
        Spip = ("spip", "SPIP (service pénitentiaire d'insertion et de probation)"),
        Pjj = ("pjj", "PJJ (protection judiciaire de la jeunesse)"),
        Ccas = ("ccas", "CCAS / CIAS"),
        Chrs = ("chrs", "CHRS / structure d'hébergement"),
        CadaHuda = ("cada_huda", "CADA / HUDA (demandeurs d'asile)"),
        Cph = ("cph", "CPH (centre provisoire d'hébergement)"),
        Ase = ("ase", "ASE (aide sociale à l'enfance)"),
        Plie = ("plie", "PLIE"),
        Csapa = ("csapa", "CSAPA (addictologie)"),
        Prevention = ("prevention", "Service ou club de prévention spécialisée"),
        Association = ("association", "Association agréée"),
        Spontaneous = ("candidature", "Candidature spontanée"),
        Other = ("autre", "Autre"),
    }
}

/// How strong an eligibility criterion is: one level-1 or three level-2 make a person eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CriterionLevel {
    /// Enough on its own.
    One,
    /// Three are needed.
    Two,
}

code_enum! {
    /// Eligibility criteria for an ACI (level 1 first, then level 2).
    pub enum Criterion {
        Rsa = ("rsa", "Bénéficiaire du RSA"),
        Ass = ("ass", "Allocataire de l'ASS"),
        Aah = ("aah", "Bénéficiaire de l'AAH"),
        VeryLongUnemployed = ("detld", "Chômage de 24 mois ou plus"),
        LowEducation = ("niveau_cap", "Niveau CAP/BEP ou inférieur"),
        Senior = ("senior", "50 ans et plus"),
        Youth = ("jeune", "Moins de 26 ans"),
        LeavingChildWelfare = ("sortie_ase", "Sortie de l'ASE"),
        LongUnemployed = ("deld", "Chômage de 12 à 24 mois"),
        DisabledWorker = ("th", "Travailleur handicapé"),
        SingleParent = ("parent_isole", "Parent isolé"),
        Homeless = ("sans_hebergement", "Sans hébergement"),
        Refugee = ("refugie", "Réfugié / protection internationale"),
        Zrr = ("zrr", "Résidant en ZRR"),
        Qpv = ("qpv", "Résidant en QPV"),
        Justice = ("justice", "Sortie de détention / sous main de justice"),
        LowFrench = ("fle", "Niveau de français inférieur à A1"),
        Mobility = ("mobilite", "Problème de mobilité"),
    }
}

impl Criterion {
    /// The criterion's level.
    pub fn level(self) -> CriterionLevel {
        match self {
            Criterion::Rsa | Criterion::Ass | Criterion::Aah | Criterion::VeryLongUnemployed => {
                CriterionLevel::One
            }
            _ => CriterionLevel::Two,
        }
    }
}

/// Whether ticked criteria make a person eligible: one level-1, or three distinct level-2.
pub fn is_eligible(criteria: &[Criterion]) -> bool {
    if criteria.iter().any(|c| c.level() == CriterionLevel::One) {
        return true;
    }
    let mut level_two: Vec<Criterion> = criteria
        .iter()
        .copied()
        .filter(|c| c.level() == CriterionLevel::Two)
        .collect();
    level_two.sort();
    level_two.dedup();
    level_two.len() >= 3
}

code_enum! {
    /// Education level, with the ASP codes and labels (ref_niveau_formation_v3).
    pub enum EducationLevel {
        NonCertifying = ("00", "Personne avec qualifications non-certifiantes"),
        NeverSchooled = ("01", "Jamais scolarisé"),
        ThirdCycle = ("10", "Troisième cycle ou école d'ingénieur"),
        Licence = ("20", "Formation de niveau licence"),
        BtsDut = ("30", "Formation de niveau BTS ou DUT"),
        Bac = ("40", "Formation de niveau BAC"),
        BtBacPro = ("41", "Brevet de technicien ou baccalauréat professionnel"),
        BepCapLevel = ("50", "Formation de niveau BEP ou CAP"),
        BepCapDiploma = ("51", "Diplôme obtenu CAP ou BEP"),
        ShortTraining = ("60", "Formation courte d'une durée d'un an"),
        Compulsory = ("70", "Pas de formation au-delà de la scolarité obligatoire"),
    }
}

/// The ISCED bands the FSE+ reporting asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IscedBand {
    /// CITE 0 to 2: up to lower secondary (no CAP/BEP diploma).
    Isced0to2,
    /// CITE 3 to 4: CAP/BEP diploma, baccalauréat.
    Isced3to4,
    /// CITE 5 to 8: higher education.
    Isced5to8,
}

impl IscedBand {
    /// The French label used in FSE+ tables.
    pub fn label(self) -> &'static str {
        match self {
            IscedBand::Isced0to2 => "CITE 0 à 2",
            IscedBand::Isced3to4 => "CITE 3 à 4",
            IscedBand::Isced5to8 => "CITE 5 à 8",
        }
    }
}

impl EducationLevel {
    /// The ISCED band: a CAP/BEP reached without the diploma stays in 0–2.
    pub fn isced_band(self) -> IscedBand {
        use EducationLevel::*;
        match self {
            NonCertifying | NeverSchooled | BepCapLevel | ShortTraining | Compulsory => {
                IscedBand::Isced0to2
            }
            Bac | BtBacPro | BepCapDiploma => IscedBand::Isced3to4,
            ThirdCycle | Licence | BtsDut => IscedBand::Isced5to8,
        }
    }
}

code_enum! {
    /// A change to a PASS IAE; both push its end back.
    pub enum ApprovalChangeKind {
        Suspension = ("suspension", "Suspension"),
        Prolongation = ("prolongation", "Prolongation"),
    }
}

code_enum! {
    /// The one objective of a PMSMP.
    pub enum ImmersionObjective {
        Discover = ("decouvrir", "Découvrir un métier ou un secteur d'activité"),
        Confirm = ("confirmer", "Confirmer un projet professionnel"),
        Recruit = ("recruter", "Initier une démarche de recrutement"),
    }
}

/// Exit category (stored as its number 1 to 5); the first three are "sorties dynamiques".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExitCategory {
    /// 1: CDI, CDD or temp work of 6 months or more, civil-service post, business creation.
    LastingJob,
    /// 2: CDD or temp work under 6 months, subsidised contract with a mainstream employer.
    TransitionJob,
    /// 3: qualifying or pre-qualifying training, hired by another SIAE.
    Positive,
    /// 4: job seeking, inactive, no news…
    Other,
    /// 5: left out of the rates (moved away, long illness, death…).
    NotCounted,
}

impl ExitCategory {
    /// Every category, in number order.
    pub const ALL: &'static [ExitCategory] = &[
        ExitCategory::LastingJob,
        ExitCategory::TransitionJob,
        ExitCategory::Positive,
        ExitCategory::Other,
        ExitCategory::NotCounted,
    ];

    /// The number stored in the database (1 to 5).
    pub fn number(self) -> i64 {
        match self {
            ExitCategory::LastingJob => 1,
            ExitCategory::TransitionJob => 2,
            ExitCategory::Positive => 3,
            ExitCategory::Other => 4,
            ExitCategory::NotCounted => 5,
        }
    }

    /// The category stored as `number`, if any.
    pub fn from_number(number: i64) -> Option<Self> {
        ExitCategory::ALL
            .iter()
            .copied()
            .find(|c| c.number() == number)
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            ExitCategory::LastingJob => "Emploi durable",
            ExitCategory::TransitionJob => "Emploi de transition",
            ExitCategory::Positive => "Sortie positive",
            ExitCategory::Other => "Autre sortie",
            ExitCategory::NotCounted => "Sortie non comptabilisée",
        }
    }

    /// A short French explanation of what goes in the category.
    pub fn description(self) -> &'static str {
        match self {
            ExitCategory::LastingJob => {
                "CDI, CDD ou intérim de 6 mois ou plus, titularisation dans la fonction \
                 publique, création d'entreprise"
            }
            ExitCategory::TransitionJob => {
                "CDD ou intérim de moins de 6 mois, contrat aidé chez un employeur classique"
            }
            ExitCategory::Positive => {
                "Formation qualifiante ou pré-qualifiante, embauche dans une autre SIAE"
            }
            ExitCategory::Other => "Recherche d'emploi, inactivité, sans nouvelles…",
            ExitCategory::NotCounted => {
                "Déménagement, longue maladie, décès… (hors calcul des taux)"
            }
        }
    }

    /// Whether the State counts it as a "sortie dynamique" (categories 1 to 3).
    pub fn is_dynamic(self) -> bool {
        self.number() <= 3
    }

    /// Whether it counts in the exit rates (all but category 5).
    pub fn counts_in_rate(self) -> bool {
        self != ExitCategory::NotCounted
    }
}

impl std::fmt::Display for ExitCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Dynamic exit rate = (1 + 2 + 3) / (all exits − 5), as a fraction between 0 and 1;
/// `None` when no exit counts.
pub fn dynamic_exit_rate(categories: &[ExitCategory]) -> Option<f64> {
    let counted = categories.iter().filter(|c| c.counts_in_rate()).count();
    if counted == 0 {
        return None;
    }
    let dynamic = categories.iter().filter(|c| c.is_dynamic()).count();
    Some(dynamic as f64 / counted as f64)
}

code_enum! {
    /// When an FSE+ snapshot was taken.
    pub enum FseStage {
        Entry = ("entree", "À l'entrée"),
        Exit = ("sortie", "À la sortie"),
        SixMonths = ("six_mois", "Six mois après la sortie"),
    }
}

code_enum! {
    /// Labour-market status at entry (FSE+). The report counts the FSE+ common indicators
    /// from it: unemployed including long-term unemployed (both first answers), long-term
    /// unemployed, inactive, employed.
    pub enum LabourStatus {
        Unemployed = ("chomeur", "Chômeur (moins de 12 mois)"),
        LongTermUnemployed = ("chomeur_longue_duree", "Chômeur de longue durée (12 mois ou plus)"),
        Inactive = ("inactif", "Inactif"),
        Employed = ("en_emploi", "En emploi, y compris indépendant"),
    }
}

code_enum! {
    /// Answer to a sensitive FSE+ question: the person may decline.
    pub enum SensitiveAnswer {
        Yes = ("oui", "Oui"),
        No = ("non", "Non"),
        Declined = ("refus", "Ne souhaite pas répondre"),
    }
}

code_enum! {
    /// Situation at exit (FSE+).
    pub enum ExitResult {
        JobSeeking = ("recherche", "En recherche d'emploi"),
        Training = ("formation", "En formation"),
        Qualification = ("qualification", "Qualification obtenue"),
        Employed = ("emploi", "En emploi"),
    }
}

code_enum! {
    /// Situation six months after exit (FSE+).
    pub enum SixMonthResult {
        Employed = ("emploi", "En emploi"),
        Improved = ("situation_amelioree", "Situation améliorée"),
        Unchanged = ("aucun", "Aucune amélioration"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eligibility_needs_one_level_one_or_three_level_two() {
        assert!(!is_eligible(&[]));
        assert!(is_eligible(&[Criterion::Rsa]));
        assert!(is_eligible(&[Criterion::VeryLongUnemployed]));
        assert!(!is_eligible(&[Criterion::Youth, Criterion::Qpv]));
        assert!(!is_eligible(&[
            Criterion::Youth,
            Criterion::Qpv,
            Criterion::Youth
        ]));
        assert!(is_eligible(&[
            Criterion::Youth,
            Criterion::Qpv,
            Criterion::Mobility
        ]));
    }

    #[test]
    fn criteria_levels() {
        let level_one: Vec<_> = Criterion::ALL
            .iter()
            .filter(|c| c.level() == CriterionLevel::One)
            .collect();
        assert_eq!(level_one.len(), 4);
        assert_eq!(Criterion::ALL.len(), 18);
        assert_eq!(Criterion::LongUnemployed.level(), CriterionLevel::Two);
    }

    #[test]
    fn education_levels_map_to_isced() {
        assert_eq!(EducationLevel::ALL.len(), 11);
        assert_eq!(
            EducationLevel::from_code("51").map(|l| l.isced_band()),
            Some(IscedBand::Isced3to4)
        );
        assert_eq!(
            EducationLevel::BepCapLevel.isced_band(),
            IscedBand::Isced0to2
        );
        assert_eq!(
            EducationLevel::Compulsory.isced_band(),
            IscedBand::Isced0to2
        );
        assert_eq!(EducationLevel::BtsDut.isced_band(), IscedBand::Isced5to8);
        assert_eq!(EducationLevel::from_code("99"), None);
    }

    #[test]
    fn exit_categories_round_trip_and_rate() {
        for category in ExitCategory::ALL {
            assert_eq!(
                ExitCategory::from_number(category.number()),
                Some(*category)
            );
        }
        assert_eq!(ExitCategory::from_number(0), None);
        assert_eq!(ExitCategory::from_number(6), None);
        assert!(ExitCategory::Positive.is_dynamic());
        assert!(!ExitCategory::Other.is_dynamic());
        assert!(!ExitCategory::NotCounted.counts_in_rate());
        assert_eq!(dynamic_exit_rate(&[]), None);
        assert_eq!(dynamic_exit_rate(&[ExitCategory::NotCounted]), None);
        use ExitCategory::*;
        let rate = dynamic_exit_rate(&[LastingJob, TransitionJob, Other, Other, NotCounted]);
        assert_eq!(rate, Some(0.5));
    }

    #[test]
    fn sensitive_answer_can_be_declined() {
        assert_eq!(
            SensitiveAnswer::from_code("refus"),
            Some(SensitiveAnswer::Declined)
        );
        assert_eq!(
            SensitiveAnswer::Declined.label(),
            "Ne souhaite pas répondre"
        );
        assert_eq!(Civility::from_code(""), Some(Civility::Unspecified));
    }
}
