//! `binette privacy`: the people past retention, anonymising them, a person's data on
//! request and the register entry (RGPD).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{ArgGroup, Subcommand};

use super::{CliError, open_garden};
use crate::app::privacy;
use crate::domain::privacy::Person;

/// What `binette privacy` does.
#[derive(Debug, Clone, Subcommand)]
pub enum PrivacyCommand {
    /// Affiche les personnes dont la durée de conservation est passée : qui, pourquoi, depuis
    /// quand.
    Due,
    /// Anonymise un salarié, un adhérent, ou toutes les personnes dont la durée de
    /// conservation est passée (après une sauvegarde, en une seule fois).
    #[command(group(ArgGroup::new("qui").required(true).args(["employee", "member", "due"])))]
    Anonymise {
        /// Numéro du salarié à anonymiser.
        #[arg(long, value_name = "NUMÉRO")]
        employee: Option<i64>,
        /// Numéro de l'adhérent (foyer) à anonymiser.
        #[arg(long, value_name = "NUMÉRO")]
        member: Option<i64>,
        /// Toutes les personnes dont la durée de conservation est passée.
        #[arg(long)]
        due: bool,
    },
    /// Écrit toutes les données d'une personne (salarié ou foyer adhérent) en PDF et en JSON
    /// dans un dossier : son droit d'accès.
    Export {
        /// Numéro de la fiche du salarié.
        #[arg(
            long,
            value_name = "ID",
            conflicts_with = "member",
            required_unless_present = "member"
        )]
        employee: Option<i64>,
        /// Numéro de la fiche du foyer adhérent.
        #[arg(long, value_name = "ID")]
        member: Option<i64>,
        /// Dossier où écrire le PDF et le JSON (créé s'il n'existe pas).
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
    },
    /// Écrit la fiche du registre des traitements en PDF.
    Register {
        /// Fichier PDF à écrire.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
}

/// Runs `command` on the garden at `path`; returns the text to print.
pub fn run(path: &Path, command: &PrivacyCommand) -> Result<String, CliError> {
    let today = Local::now().date_naive();
    match command {
        PrivacyCommand::Due => due_text(path, today),
        PrivacyCommand::Export {
            employee,
            member,
            out,
        } => {
            let person = super::privacy_export::person(*employee, *member)?;
            super::privacy_export::export(path, person, out, today)
        }
        PrivacyCommand::Register { out } => super::privacy_export::write_register(path, out, today),
        PrivacyCommand::Anonymise {
            employee,
            member,
            due,
        } => {
            let garden = open_garden(path)?;
            let done = match (employee, member) {
                (Some(id), _) => privacy::anonymise_employee(&garden, *id, today)?,
                (_, Some(id)) => privacy::anonymise_member(&garden, *id, today)?,
                _ if *due => privacy::anonymise_due(&garden, today)?,
                _ => {
                    return Err(CliError::Message(
                        "Indiquez --employee, --member ou --due.".into(),
                    ));
                }
            };
            Ok(done_text(&done))
        }
    }
}

/// The due list on `today`, one person a line.
pub fn due_text(path: &Path, today: NaiveDate) -> Result<String, CliError> {
    let garden = open_garden(path)?;
    let data = privacy::load(&garden, today)?;
    let mut text = String::new();
    if data.due.is_empty() {
        text.push_str("Personne n'a dépassé sa durée de conservation.\n");
        return Ok(text);
    }
    let _ = writeln!(
        text,
        "{} personne(s) à anonymiser (durée de conservation passée) :",
        data.due.len()
    );
    for due in &data.due {
        let who = match &due.person {
            Person::Employee(id) => format!("salarié n° {id}"),
            Person::Member(id) => format!("adhérent n° {id}"),
            Person::Participant(_) => "participant extérieur".to_string(),
        };
        let _ = writeln!(
            text,
            "  {} ({who}) : depuis le {} — {}",
            due.name,
            due.since.format("%d/%m/%Y"),
            due.why(&data.retention)
        );
    }
    Ok(text)
}

fn done_text(done: &privacy::anonymise::Anonymised) -> String {
    if done.total() == 0 {
        return "Personne à anonymiser : rien n'a été changé.\n".into();
    }
    format!(
        "Anonymisé(s) : {} salarié(s), {} adhérent(s), {} participant(s) extérieur(s). \
         Une sauvegarde a été faite juste avant.\n",
        done.employees, done.members, done.participants
    )
}
