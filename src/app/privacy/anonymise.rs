//! Anonymising people: after a backup, in one transaction.

use chrono::{Local, NaiveDate};

use crate::app::{Garden, Result};
use crate::domain::privacy::Person;
use crate::store::privacy::anonymise as store;
pub use crate::store::privacy::anonymise::Anonymised;
use crate::store::{Connection, backup};

/// What anonymisation erases, for the confirmation.
pub const ERASED: &str = "Seront effacés : nom et prénom, civilité, date de naissance (seul \
    l'âge utile aux statistiques est gardé), adresse, téléphones, e-mail, situation à l'entrée \
    (minima sociaux, RQTH, mesure de justice, QPV/ZRR, critères d'éligibilité, durée de \
    chômage), numéro de PASS IAE, \
    contact du prescripteur, notes, textes des suivis et des sorties, tuteurs d'immersion, \
    co-adhérent, tireur des chèques, travailleur social.";

/// What anonymisation keeps, for the confirmation.
pub const KEPT: &str = "Sont gardés, sans nom, pour les bilans : sexe, tranche d'âge, dates \
    des parcours, contrats et sorties, catégories de sortie, heures, thèmes et durées des \
    suivis, réponses FSE+, paniers, adhésions et montants des paiements. La personne devient \
    « Personne anonymisée n° … » (un foyer : « Foyer anonymisé n° … »).";

/// What the confirmation says of the backup and of undoing.
pub const BACKUP: &str = "Une sauvegarde est faite juste avant ; l'anonymisation ne peut pas \
    être défaite autrement qu'en restaurant cette sauvegarde (Paramètres › Sauvegardes).";

/// Anonymises `people` on `today`, all or none, after a backup of the garden (refused at
/// once in a garden open read-only).
pub fn anonymise(garden: &Garden, people: &[Person], today: NaiveDate) -> Result<Anonymised> {
    let db_path = garden.path().to_path_buf();
    let now = Local::now().naive_local();
    Ok(garden.change(|conn| {
        if on_disk(conn) {
            let dir = backup::backup_dir(conn, &db_path)?;
            backup::make(conn, &dir, backup::BackupKind::Daily, now, &[])?;
        }
        store::anonymise(conn, people, today)
    })?)
}

/// A garden in memory (tests) has no file to back up.
fn on_disk(conn: &Connection) -> bool {
    conn.path().is_some_and(|p| !p.is_empty())
}

/// Anonymises one employee now, whatever their retention (the screen warns first).
pub fn anonymise_employee(garden: &Garden, id: i64, today: NaiveDate) -> Result<Anonymised> {
    anonymise(garden, &[Person::Employee(id)], today)
}

/// Anonymises one household now: its erasure (its baskets and payments stay, anonymous).
pub fn anonymise_member(garden: &Garden, id: i64, today: NaiveDate) -> Result<Anonymised> {
    anonymise(garden, &[Person::Member(id)], today)
}

/// Anonymises everyone past retention on `today`.
pub fn anonymise_due(garden: &Garden, today: NaiveDate) -> Result<Anonymised> {
    let due: Vec<Person> = super::due_list(garden, today)?
        .into_iter()
        .map(|d| d.person)
        .collect();
    if due.is_empty() {
        return Ok(Anonymised::default());
    }
    anonymise(garden, &due, today)
}
