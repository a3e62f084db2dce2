//! French names for the tables and columns a person's data is printed with. A table or
//! column missing here (added by a later migration) is shown under its schema name: the
//! export stays complete, only less polished.

/// Table names and their French headings.
const TABLES: &[(&str, &str)] = &[
    ("employee", "Fiche du salarié"),
    ("employee_criterion", "Critères d'éligibilité"),
    ("path", "Parcours"),
    ("approval", "PASS IAE"),
    (
        "approval_change",
        "Suspensions et prolongations du PASS IAE",
    ),
    ("contract", "Contrats (CDDI)"),
    ("follow_up", "Entretiens de suivi"),
    ("follow_up_theme", "Thèmes des entretiens"),
    ("training", "Formations"),
    ("immersion", "Immersions (PMSMP)"),
    ("exit", "Sorties"),
    ("fse_snapshot", "Questionnaires FSE+"),
    ("worked_hours", "Heures travaillées"),
    ("attendance", "Inscriptions aux ateliers"),
    ("member", "Fiche du foyer adhérent"),
    ("membership", "Adhésions"),
    ("subscription", "Abonnements aux paniers"),
    ("solidarity_terms", "Conditions Paniers Solidaires"),
    (
        "solidarity_terms_funding",
        "Financement des Paniers Solidaires",
    ),
    ("absence", "Absences"),
    ("pickup", "Paniers retirés ou non"),
    ("payment", "Paiements"),
    ("account_entry", "Écritures du compte (frais, avoirs)"),
    ("staff", "Équipe du jardin"),
    ("theme", "Thèmes de suivi"),
    ("basket_size", "Tailles de panier"),
    ("depot", "Dépôts"),
    ("funder", "Financeurs"),
    ("payment_mode", "Modes de paiement"),
    ("remittance", "Bordereaux de remise"),
    ("workshop_session", "Séances d'atelier"),
    ("workshop", "Ateliers"),
    ("workshop_type", "Types d'atelier"),
];

/// Column names and their French labels, whatever the table (see [`specific_label`]).
const COLUMNS: &[(&str, &str)] = &[
    ("id", "N°"),
    ("civility", "Civilité"),
    ("last_name", "Nom"),
    ("first_name", "Prénom"),
    ("co_member", "Co-adhérent"),
    ("birth_date", "Date de naissance"),
    ("gender", "Genre"),
    ("address", "Adresse"),
    ("postcode", "Code postal"),
    ("city", "Commune"),
    ("phone", "Téléphone"),
    ("phone2", "Second téléphone"),
    ("email", "Courriel"),
    ("notes", "Notes"),
    ("status", "Statut"),
    ("joined_on", "Adhérent depuis"),
    ("anonymised_on", "Anonymisé le"),
    ("referent_id", "Référent (n°)"),
    ("entry_date", "Date d'entrée"),
    ("prescriber_kind", "Prescripteur"),
    ("prescriber_org", "Organisme prescripteur"),
    ("prescriber_contact", "Contact du prescripteur"),
    ("education_level", "Niveau de formation"),
    ("rsa", "Bénéficiaire du RSA"),
    ("ass", "Bénéficiaire de l'ASS"),
    ("aah", "Bénéficiaire de l'AAH"),
    ("unemployment_months", "Mois de chômage"),
    ("rqth", "RQTH (travailleur handicapé)"),
    ("qpv", "Habite en QPV"),
    ("zrr", "Habite en ZRR"),
    ("court_measure", "Mesure de justice"),
    ("criterion", "Critère"),
    ("employee_id", "Salarié (n°)"),
    ("member_id", "Foyer (n°)"),
    ("path_id", "Parcours (n°)"),
    ("number", "Numéro"),
    ("start_date", "Début"),
    ("end_date", "Fin"),
    ("planned_end", "Fin prévue"),
    ("actual_end", "Fin réelle"),
    ("weekly_hours", "Heures par semaine"),
    ("post", "Poste"),
    ("renewal_of", "Renouvellement du contrat n°"),
    ("kind", "Nature"),
    ("reason", "Motif"),
    ("approval_id", "PASS IAE (n°)"),
    ("date", "Date"),
    ("duration_minutes", "Durée (minutes)"),
    ("staff_id", "Membre de l'équipe (n°)"),
    ("follow_up_id", "Entretien (n°)"),
    ("theme_id", "Thème (n°)"),
    ("title", "Intitulé"),
    ("body", "Organisme"),
    ("hours", "Heures"),
    ("qualifying", "Qualifiante"),
    ("host_name", "Structure d'accueil"),
    ("host_siret", "SIRET de la structure"),
    ("tutor", "Tuteur"),
    ("objective", "Objectif"),
    ("outcome", "Résultat"),
    ("category", "Catégorie"),
    ("detail", "Précision"),
    ("outcome_months", "Durée du résultat (mois)"),
    ("stage", "Étape"),
    ("taken_on", "Renseigné le"),
    ("age", "Âge"),
    ("labour_status", "Situation sur le marché du travail"),
    ("disability", "Situation de handicap"),
    ("foreign_origin", "Origine étrangère"),
    ("minority", "Minorité"),
    ("homeless", "Sans domicile ou exclusion du logement"),
    ("exit_result", "Résultat à la sortie"),
    ("six_month_result", "Situation six mois après"),
    ("month", "Mois"),
    ("session_id", "Séance (n°)"),
    ("outside_name", "Personne extérieure"),
    ("year", "Année"),
    ("amount_cents", "Montant"),
    ("paid_on", "Payé le"),
    ("method", "Mode"),
    ("shared_with", "Partagé avec le foyer n°"),
    ("size_id", "Taille (n°)"),
    ("depot_id", "Dépôt (n°)"),
    ("quantity", "Quantité"),
    ("frequency", "Fréquence"),
    ("anchor_monday", "Semaine de référence"),
    ("subscription_id", "Abonnement (n°)"),
    ("share_kind", "Part payée (nature)"),
    ("share_value", "Part payée"),
    ("social_worker", "Travailleur social"),
    ("referring_body", "Organisme orienteur"),
    ("review_on", "À revoir le"),
    ("terms_id", "Conditions (n°)"),
    ("funder_id", "Financeur (n°)"),
    ("share_percent", "Part (%)"),
    ("mode", "Mode"),
    ("makeup_monday", "Semaine de rattrapage"),
    ("monday", "Semaine du"),
    ("baskets", "Paniers"),
    ("received_on", "Reçu le"),
    ("label", "Libellé"),
    ("cheque_bank", "Banque du chèque"),
    ("cheque_number", "N° du chèque"),
    ("drawer", "Tireur"),
    ("cash_on", "À encaisser le"),
    ("remittance_id", "Bordereau (n°)"),
    ("cashed_outside", "Encaissé hors bordereau"),
    ("cancelled_on", "Annulé le"),
    ("cancel_reason", "Motif de l'annulation"),
    ("entry_on", "Date"),
    ("name", "Nom"),
    ("role", "Fonction"),
    ("active", "Actif"),
    ("workshop_id", "Atelier (n°)"),
    ("type_id", "Type (n°)"),
    ("start_time", "Heure de début"),
    ("end_time", "Heure de fin"),
    ("description", "Description"),
    ("place", "Lieu"),
    ("capacity", "Capacité"),
    ("audience", "Public"),
    ("persons", "Pour"),
    ("position", "Ordre"),
    ("weekday", "Jour (1 = lundi)"),
    ("slot_start", "Retrait à partir de"),
    ("slot_end", "Retrait jusqu'à"),
    ("contact_name", "Contact"),
    ("contact_phone", "Téléphone du contact"),
    ("valid_from", "Valable depuis"),
    ("price_cents", "Prix"),
    ("made_on", "Fait le"),
    ("until", "Jusqu'au"),
    ("code", "Code"),
    ("builtin", "Prévu d'origine"),
];

/// The French heading of `table`, or its schema name.
pub fn table_label(table: &str) -> String {
    TABLES
        .iter()
        .find(|(name, _)| *name == table)
        .map_or_else(|| table.to_owned(), |(_, label)| (*label).to_owned())
}

/// The French label of `column` of `table`, or the column's schema name.
pub fn column_label(table: &str, column: &str) -> String {
    if let Some(label) = specific_label(table, column) {
        return label.to_owned();
    }
    COLUMNS
        .iter()
        .find(|(name, _)| *name == column)
        .map_or_else(|| column.to_owned(), |(_, label)| (*label).to_owned())
}

fn specific_label(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        ("exit", "outcome") => "Situation après la sortie",
        ("immersion", "outcome") => "Suite donnée",
        ("training", "hours") => "Durée (heures)",
        ("pickup", "status") => "Retrait",
        ("attendance", "status") => "Présence",
        ("subscription", "end_date") => "Fin (incluse)",
        _ => return None,
    })
}

/// True for the columns the RGPD counts as sensitive or that reveal a person's social
/// situation: benefits, disability, court measure, housing and every FSE+ answer about them,
/// the social worker following a solidarity basket.
pub fn is_sensitive(table: &str, column: &str) -> bool {
    match table {
        "employee" => matches!(
            column,
            "rsa" | "ass" | "aah" | "rqth" | "court_measure" | "qpv" | "zrr"
        ),
        "employee_criterion" => column == "criterion",
        "fse_snapshot" => matches!(
            column,
            "labour_status" | "disability" | "foreign_origin" | "minority" | "homeless"
        ),
        "solidarity_terms" => matches!(column, "social_worker" | "referring_body"),
        _ => false,
    }
}
