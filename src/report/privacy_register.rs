//! The register entry (registre des activités de traitement, RGPD art. 30): one page saying
//! what Binette stores about whom, why, on what legal basis, for how long, where, who sees
//! it, and that nothing leaves the computer.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{
    Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table, TextStyle,
};
use crate::domain::calendar::format_date;
use crate::store::privacy_access::register::RegisterFacts;

fn years(n: u32) -> String {
    if n > 1 {
        format!("{n} ans")
    } else {
        format!("{n} an")
    }
}

fn files(n: i64) -> String {
    if n > 1 {
        format!("{n} fiches")
    } else {
        format!("{n} fiche")
    }
}

fn controller(facts: &RegisterFacts) -> String {
    let id = &facts.identity;
    let mut lines = vec![if id.name.trim().is_empty() {
        "(nom du jardin à renseigner dans Paramètres)".to_owned()
    } else {
        id.name.trim().to_owned()
    }];
    let place = format!(
        "{} {} {}",
        id.address.trim(),
        id.postcode.trim(),
        id.city.trim()
    );
    if !place.trim().is_empty() {
        lines.push(place.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if !id.siret.trim().is_empty() {
        lines.push(format!("SIRET {}", id.siret.trim()));
    }
    lines.join("\n")
}

/// The entry's lines: (heading, text).
fn entries(facts: &RegisterFacts) -> Vec<(&'static str, String)> {
    let mut entries = vec![("Responsable du traitement", controller(facts))];
    entries.extend(purposes());
    entries.extend(data(facts));
    entries.extend(keeping(facts));
    entries
}

/// What the processing is for, and on what legal basis.
fn purposes() -> Vec<(&'static str, String)> {
    vec![
        (
            "Traitement",
            "Gestion du jardin d'insertion avec le logiciel Binette : parcours des salariés en \
             insertion, adhérents et paniers, ateliers collectifs."
                .to_owned(),
        ),
        (
            "Finalités",
            "• Accompagner les salariés en insertion (contrats, PASS IAE, entretiens, \
             formations, immersions, sorties) et rendre compte aux financeurs (bilans, FSE+).\n\
             • Servir les adhérents : abonnements, distributions, absences, paiements, \
             Paniers Solidaires.\n• Organiser les ateliers : inscriptions et présences."
                .to_owned(),
        ),
        (
            "Base légale",
            "Salariés : le contrat de travail et les obligations de la structure d'insertion \
             (agrément, conventionnement, justificatifs du FSE+). Adhérents : le contrat \
             d'adhésion et d'abonnement. Ateliers : l'intérêt légitime du jardin à les organiser."
                .to_owned(),
        ),
    ]
}

/// Whom and what it holds, for how long.
fn data(facts: &RegisterFacts) -> Vec<(&'static str, String)> {
    vec![
        (
            "Personnes concernées",
            format!(
                "Salariés en parcours ({}), foyers adhérents ({}), participants extérieurs aux \
                 ateliers, équipe du jardin.",
                files(facts.employees),
                files(facts.members)
            ),
        ),
        (
            "Données",
            "Identité, coordonnées, dates d'entrée et de sortie, contrats et heures, \
             entretiens de suivi, formations ; abonnements, paniers retirés, absences, \
             paiements et compte ; présences aux ateliers."
                .to_owned(),
        ),
        (
            "Données sensibles",
            "Minima sociaux (RSA, ASS, AAH), reconnaissance de handicap (RQTH), mesure de \
             justice, lieu de vie (QPV, ZRR), réponses FSE+ (handicap, origine, logement), \
             travailleur social des Paniers Solidaires. Marquées à l'écran ; imprimées \
             seulement sur les documents qui en ont besoin."
                .to_owned(),
        ),
        (
            "Durées de conservation",
            format!(
                "Salariés : {} après la fin de leur dernier parcours. Adhérents : {} après \
                 leur dernier panier ou adhésion. Participants extérieurs : {} après leur \
                 dernière séance. Ensuite la fiche est anonymisée : les statistiques restent, \
                 sans nom.",
                years(facts.employee_years),
                years(facts.member_years),
                years(facts.participant_years)
            ),
        ),
    ]
}

/// Where it is kept, who sees it, what leaves the computer, the people's rights.
fn keeping(facts: &RegisterFacts) -> Vec<(&'static str, String)> {
    vec![
        (
            "Lieu de conservation",
            format!(
                "Sur cet ordinateur uniquement, dans le fichier {}. Sauvegardes automatiques \
                 une fois par jour dans {} : les {} plus récentes sont gardées ({} jours), \
                 plus {} copies de sécurité de chaque sorte (avant une restauration, un \
                 import, une mise à jour).",
                facts.database.display(),
                facts.backup_dir.display(),
                facts.backups_kept,
                facts.backups_kept,
                facts.safety_copies_kept
            ),
        ),
        (
            "Qui y a accès",
            "Les membres de l'équipe qui utilisent cet ordinateur avec leur session. Les \
             fichiers écrits par Binette ne sont lisibles que par cette session."
                .to_owned(),
        ),
        (
            "Transferts",
            "Aucun : Binette ne se connecte pas à Internet, rien ne quitte cet ordinateur. \
             Les documents imprimés ou exportés sont remis à la main par l'équipe."
                .to_owned(),
        ),
        (
            "Droits des personnes",
            "Accès : « Ses données (RGPD) » sur la fiche (PDF et JSON). \
             Rectification : sur la fiche. Effacement : anonymisation."
                .to_owned(),
        ),
    ]
}

/// The register entry as PDF bytes, dated `today`.
pub fn render(facts: &RegisterFacts, today: NaiveDate) -> Result<Vec<u8>, ReportError> {
    let mut doc = Document::new(DocumentSetup {
        title: "Registre des traitements".to_owned(),
        garden_name: facts.identity.name.clone(),
        logo_path: (!facts.identity.logo_path.is_empty())
            .then(|| facts.identity.logo_path.clone().into()),
        footer_left: Some(format!("Fiche établie le {}", format_date(today))),
        orientation: Orientation::Portrait,
        created: NaiveDateTime::new(today, NaiveTime::MIN),
    });
    doc.begin_section(Section::new("Fiche de traitement : logiciel Binette"));
    doc.paragraph(
        "À joindre au registre des activités de traitement du jardin (RGPD, article 30).",
        TextStyle::regular(9.5),
    );
    doc.spacer(3.0);
    let mut table = Table::new(vec![
        Column::fraction("Rubrique", 0.29),
        Column::fraction("Description", 0.71),
    ])
    .font_size(9.0)
    .zebra(true);
    for (heading, text) in entries(facts) {
        table.push(Row::new([heading.to_owned(), text]).bold_cell(0));
    }
    doc.table(&table);
    doc.to_bytes()
}
