//! The command line: `binette` opens the window; subcommands do headless work.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::{Parser, Subcommand};

use crate::app::{self, Garden, week::Deliveries};
use crate::domain::calendar::IsoWeek;
use crate::store::{self, StoreError, backup, paths};

pub mod args;
pub mod export;
mod import_common;
mod import_employees;
mod import_harvests;
mod import_members;
pub mod journal;
pub mod privacy;
pub mod privacy_export;
pub mod remittance;
mod safety;

pub use safety::{restore_file, write_backup};

/// What `binette import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    /// Adhérents (avec leur abonnement) depuis un CSV, XLSX ou ODS.
    Members,
    /// Salariés depuis l'export XLSX des emplois de l'inclusion (par numéro de PASS IAE).
    Employees,
    /// Récoltes depuis un CSV (date, culture, parcelle, quantité, unité).
    Harvests,
}

/// What `binette export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    /// La liste des adhérents.
    Members,
    /// La liste des salariés.
    Employees,
    /// Les récoltes.
    Harvests,
    /// Les paniers par dépôt et par taille, semaine par semaine.
    Baskets,
    /// Le solde de chaque foyer aujourd'hui.
    Balances,
    /// Tous les paiements (les annulés marqués).
    Payments,
    /// Le journal comptable de la période (--from et --to : JJ/MM/AAAA), pour le comptable.
    Journal,
}

/// Binette : le bureau d'un jardin d'insertion.
#[derive(Debug, Parser)]
#[command(
    name = "binette",
    version,
    about = "Binette : le bureau d'un jardin d'insertion",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Affiche l'aide.
    #[arg(short = 'h', long, action = clap::ArgAction::Help, global = true)]
    pub help: Option<bool>,
    /// Affiche la version.
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    pub version: Option<bool>,
    /// Fichier de base de données à utiliser (par défaut : celui du dossier de données).
    #[arg(long, global = true, value_name = "FICHIER")]
    pub db: Option<PathBuf>,
    /// Ouvre le jardin de démonstration (créé s'il n'existe pas encore).
    #[arg(long)]
    pub demo: bool,
    /// Ce qu'il faut faire ; sans commande, Binette ouvre sa fenêtre.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Crée un jardin de démonstration dans une base vide.
    Demo {
        /// Taille : 1 = un jardin réaliste, 10 = dix fois plus grand (mesures).
        #[arg(long, value_name = "TAILLE", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
        scale: u32,
        /// Saisons vécues, de 1 à 20 : 10 = un jardin qui a dix ans d'historique (mesures).
        #[arg(long, value_name = "ANNÉES", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=20))]
        years: u32,
    },
    /// Vérifie une base sans la modifier : version du schéma, intégrité, lignes par table.
    Check,
    /// Copie la base dans un autre fichier (sauvegarde cohérente).
    Backup {
        /// Fichier de destination.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
    /// Remplace le contenu de la base par une sauvegarde (l'état actuel est d'abord copié
    /// à part dans le dossier des sauvegardes).
    Restore {
        /// La sauvegarde à restaurer.
        #[arg(long, value_name = "SAUVEGARDE")]
        from: PathBuf,
        /// Accepte une sauvegarde d'un autre jardin (refusée sinon).
        #[arg(long)]
        other_garden: bool,
    },
    /// Écrit les feuilles de la semaine (synthèse, émargements, préparation) en PDF.
    Sheets {
        /// Semaine de livraison, par exemple 2026-W48 (par défaut : la prochaine livraison de
        /// chaque dépôt, celle du jour comprise).
        #[arg(long, value_name = "SEMAINE")]
        week: Option<String>,
        /// Dossier où écrire les PDF (créé s'il n'existe pas).
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
        /// Imprime les téléphones des adhérents sur les feuilles d'émargement (par défaut :
        /// le réglage de Paramètres, sans téléphone si rien n'est réglé).
        #[arg(long)]
        phones: bool,
    },
    /// Écrit le bilan d'activité d'une période en PDF (et en CSV avec --csv).
    Report {
        /// Premier jour de la période, par exemple 2026-01-01.
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Dernier jour de la période, par exemple 2026-12-31.
        #[arg(long, value_name = "DATE")]
        to: String,
        /// Fichier PDF à écrire.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// Dossier où écrire aussi les chiffres en CSV (un fichier par partie).
        #[arg(long, value_name = "DOSSIER")]
        csv: Option<PathBuf>,
    },
    /// Importe un fichier (adhérents, salariés ou récoltes) en une seule fois.
    Import {
        /// Ce que contient le fichier.
        #[arg(value_enum, value_name = "TYPE")]
        kind: ImportKind,
        /// Le fichier à importer (CSV, XLSX ou ODS).
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Affiche ce qui serait créé, mis à jour et refusé, sans rien enregistrer.
        #[arg(long)]
        dry_run: bool,
        /// Laisse tels quels les adhérents ou salariés déjà présents (par défaut : mis à jour).
        #[arg(long)]
        skip_existing: bool,
        /// Adhérents : crée un nouveau foyer pour chaque homonyme à vérifier (même nom
        /// qu'un foyer existant, rien d'autre en commun). Par défaut, ces lignes ne sont
        /// pas importées.
        #[arg(long)]
        create_homonyms: bool,
    },
    /// Écrit une liste en CSV (point-virgule, UTF-8 avec BOM) ou XLSX, selon l'extension.
    Export {
        /// Ce qu'il faut exporter.
        #[arg(value_enum, value_name = "TYPE")]
        kind: ExportKind,
        /// Fichier à écrire : .csv ou .xlsx.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// Paniers : première semaine (2026-W48, S48 2026, 48/2026) ; par défaut la
        /// prochaine livraison. Journal : premier jour (JJ/MM/AAAA), obligatoire.
        #[arg(long, value_name = "SEMAINE")]
        from: Option<String>,
        /// Paniers : dernière semaine ; par défaut la 8e semaine livrée. Journal : dernier
        /// jour (JJ/MM/AAAA), obligatoire.
        #[arg(long, value_name = "SEMAINE")]
        to: Option<String>,
    },
    /// Fait le bordereau de remise des chèques à encaisser jusqu'à une date, en PDF.
    Remittance {
        /// Dernier jour d'encaissement pris, par exemple 2026-12-05 (au plus tard aujourd'hui).
        #[arg(long, value_name = "DATE")]
        until: String,
        /// Fichier PDF à écrire.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
    /// Protection des données (RGPD) : personnes à anonymiser, anonymisation.
    Privacy {
        /// Ce qu'il faut faire.
        #[command(subcommand)]
        action: privacy::PrivacyCommand,
    },
}

/// How `binette import` runs: on a copy of the plan only, or for real.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// Print the plan, write nothing.
    pub dry_run: bool,
    /// Leave people already present as they are.
    pub skip_existing: bool,
    /// Members: create a new household for each namesake row (else not imported).
    pub create_homonyms: bool,
}

/// A command-line failure: a French message for stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// From a use case shared with the window.
    #[error(transparent)]
    App(#[from] app::Error),
    /// Anything else, already worded for the user.
    #[error("{0}")]
    Message(String),
}

/// The database a command works on: `--db`, else the default (demo) file.
pub fn database_path(cli: &Cli, demo: bool) -> Result<PathBuf, CliError> {
    if let Some(path) = &cli.db {
        return Ok(path.clone());
    }
    let default = if demo {
        paths::default_demo_database()
    } else {
        paths::default_database()
    };
    default.ok_or_else(|| {
        CliError::Message(
            "Impossible de trouver le dossier de données de l'utilisateur : indiquez un fichier avec --db."
                .into(),
        )
    })
}

/// Runs a headless command, printing its result on stdout.
pub fn run_command(cli: &Cli, command: &Command) -> Result<(), CliError> {
    match command {
        Command::Demo { scale, years } => {
            let path = database_path(cli, true)?;
            let summary = create_demo_file(&path, *scale, *years)?;
            println!("Jardin de démonstration créé dans {}", path.display());
            for (table, count) in summary {
                println!("  {table:<22} {count:>8}");
            }
            Ok(())
        }
        Command::Check => {
            let path = database_path(cli, false)?;
            print!("{}", check_report(&path)?);
            Ok(())
        }
        Command::Backup { out } => {
            let path = database_path(cli, false)?;
            write_backup(&path, out)?;
            println!("Sauvegarde écrite dans {}", out.display());
            Ok(())
        }
        Command::Restore { from, other_garden } => {
            let path = database_path(cli, false)?;
            print!("{}", restore_file(&path, from, *other_garden)?);
            Ok(())
        }
        Command::Sheets { week, out, phones } => {
            let path = database_path(cli, false)?;
            for written in write_sheets(&path, week.as_deref(), out, *phones)? {
                println!("{}", written.display());
            }
            Ok(())
        }
        Command::Report { from, to, out, csv } => {
            let path = database_path(cli, false)?;
            let now = Local::now().naive_local();
            for written in write_report(&path, from, to, out, csv.as_deref(), now)? {
                println!("{}", written.display());
            }
            Ok(())
        }
        Command::Import {
            kind,
            file,
            dry_run,
            skip_existing,
            create_homonyms,
        } => {
            let path = database_path(cli, false)?;
            let options = ImportOptions {
                dry_run: *dry_run,
                skip_existing: *skip_existing,
                create_homonyms: *create_homonyms,
            };
            print!("{}", import_file(&path, *kind, file, options)?);
            Ok(())
        }
        Command::Export {
            kind,
            out,
            from,
            to,
        } => {
            let path = database_path(cli, false)?;
            let weeks = export::WeekChoice {
                from: from.clone(),
                to: to.clone(),
            };
            print!("{}", export_file(&path, *kind, out, &weeks)?);
            Ok(())
        }
        Command::Remittance { until, out } => {
            let garden = open_garden(&database_path(cli, false)?)?;
            let now = Local::now().naive_local();
            print!("{}", remittance::run(&garden, until, out, now)?);
            Ok(())
        }
        Command::Privacy { action } => {
            let path = database_path(cli, false)?;
            print!("{}", privacy::run(&path, action)?);
            Ok(())
        }
    }
}

/// Opens the existing garden at `path` (a missing file is refused, not created) for the
/// use cases the window shares; a read-only file is opened read-only (reading commands
/// work, writes are refused in French).
fn open_garden(path: &Path) -> Result<Garden, CliError> {
    safety::require_file(path)?;
    Ok(match store::open_for_reading(path)? {
        (conn, false) => Garden::new(conn, path.to_path_buf()),
        (conn, true) => Garden::new_read_only(conn, path.to_path_buf()),
    })
}

/// Imports `file` into the database at `path` (or only previews it with `dry_run`); returns
/// the text to print: what was (or would be) created, updated and refused, row by row.
pub fn import_file(
    path: &Path,
    kind: ImportKind,
    file: &Path,
    options: ImportOptions,
) -> Result<String, CliError> {
    safety::require_file(path)?;
    let garden = Garden::new(store::open(path)?, path.to_path_buf());
    let now = Local::now().naive_local();
    match kind {
        ImportKind::Members => import_members::run(&garden, file, options, now),
        ImportKind::Employees => import_employees::run(&garden, file, options, now),
        ImportKind::Harvests => import_harvests::run(&garden, file, options, now),
    }
}

/// Writes the list `kind` of the database at `path` into `out` (CSV or XLSX by extension;
/// `weeks` bounds the baskets table); returns the text to print.
pub fn export_file(
    path: &Path,
    kind: ExportKind,
    out: &Path,
    weeks: &export::WeekChoice,
) -> Result<String, CliError> {
    let garden = open_garden(path)?;
    if kind == ExportKind::Journal {
        return journal::run(&garden, weeks.from.as_deref(), weeks.to.as_deref(), out);
    }
    let today = Local::now().date_naive();
    export::run(&garden, kind, out, today, weeks)
}

/// Writes the print set of `week` ("2026-W48") from the database at `path` into `out`;
/// without a week, the set of each depot's next delivery (today's included, never one
/// already past). Refuses, writing nothing, a week without delivery. Members' phones are
/// printed when `phones` is set or the Paramètres setting asks for them.
pub fn write_sheets(
    path: &Path,
    week: Option<&str>,
    out: &Path,
    phones: bool,
) -> Result<Vec<PathBuf>, CliError> {
    let garden = open_garden(path)?;
    let now = Local::now().naive_local();
    let deliveries = match week {
        Some(text) => Deliveries::Week(IsoWeek::parse(text).ok_or_else(|| {
            CliError::Message(format!(
                "Semaine « {text} » illisible : écrivez-la comme 2026-W48."
            ))
        })?),
        None => Deliveries::Next(now.date()),
    };
    Ok(app::week::write_sheets(
        &garden, deliveries, out, now, phones,
    )?)
}

/// Creates the demo garden of `scale` and `years` seasons in `path`, refusing a file that
/// already holds data.
pub fn create_demo_file(
    path: &Path,
    scale: u32,
    years: u32,
) -> Result<Vec<(&'static str, i64)>, CliError> {
    // The store refuses an empty or foreign file; a Binette file with data is refused by
    // create_demo itself, inside its transaction.
    let conn = store::open(path)?;
    let today = Local::now().date_naive();
    let summary = store::demo::create_demo_years(&conn, scale, years, today)?;
    Ok(summary.counts)
}

/// The text `binette check` prints; reads the file without changing it.
pub fn check_report(path: &Path) -> Result<String, CliError> {
    safety::require_file(path)?;
    let conn = store::open_read_only(path)?;
    let version = store::user_version(&conn)?;
    let integrity = store::integrity_check(&conn)?;
    let mut out = format!("Base : {}\n", path.display());
    out.push_str(&format!(
        "Version du schéma : {version} (ce programme : {})\n",
        store::SCHEMA_VERSION
    ));
    out.push_str(&format!("Intégrité : {integrity}\n"));
    out.push_str("Lignes par table :\n");
    for (table, count) in backup::table_counts(&conn)? {
        out.push_str(&format!("  {table:<22} {count:>8}\n"));
    }
    if integrity != "ok" {
        return Err(CliError::Message(format!("{out}La base est endommagée.")));
    }
    Ok(out)
}

/// A date typed on the command line: 2026-01-01 or 01/01/2026.
fn parse_cli_date(text: &str) -> Result<chrono::NaiveDate, CliError> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .or_else(|| crate::domain::calendar::parse_date(text))
        .ok_or_else(|| {
            CliError::Message(format!(
                "Date « {text} » illisible : écrivez-la comme 2026-01-01."
            ))
        })
}

/// Writes the activity report of `from`..=`to` from the database at `path` into the PDF
/// `out` (and one CSV per section into `csv` when given); returns the files written. A
/// reversed period or one starting after `now` is refused, writing nothing.
pub fn write_report(
    path: &Path,
    from: &str,
    to: &str,
    out: &Path,
    csv: Option<&Path>,
    now: chrono::NaiveDateTime,
) -> Result<Vec<PathBuf>, CliError> {
    let (from, to) = (parse_cli_date(from)?, parse_cli_date(to)?);
    if let Some(message) = crate::domain::activity::period_error(from, to, now.date()) {
        return Err(CliError::Message(message));
    }
    let garden = open_garden(path)?;
    let sections = crate::domain::activity::SectionChoice::ALL;
    let written = app::reports::write_pdf(&garden, from, to, sections, out, now)?;
    let mut files = vec![written.path];
    if let Some(dir) = csv {
        files.extend(app::reports::write_csv_files(&written.figures, dir)?);
    }
    Ok(files)
}
