//! The week's use cases, shared by the Paniers screen, Accueil's print button and `binette
//! sheets`: what the week shows, its composition and pickups, and printing its sheets
//! (summary, émargement sheets, packing list).
//!
//! Printing reads the week's set in one transaction, renders the PDFs after the database
//! closure has returned (outside the lock: the window stays usable while four PDFs are
//! drawn), then writes them through `store::output`.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::{Error, Garden, Result};
use crate::domain::baskets::{CompositionItem, Pickup, PickupStatus};
use crate::domain::calendar::IsoWeek;
use crate::domain::harvests::Crop;
use crate::report::ReportError;
use crate::report::weekly::{PrintFile, render_print_set, render_print_set_each};
use crate::store::baskets::{list_basket_sizes, list_depots};
use crate::store::distribution::{
    composition_of_week, pickups_of_week, set_pickups, set_week_composition,
};
use crate::store::harvests::{Available, available_for_week, list_crops};
use crate::store::output::StagedSet;
use crate::store::sheets::{
    Need, PrintSet, SHEETS_DIR_KEY, SizeColumn, compute_needs, next_print_set, print_set_data,
    sheets_root, week_folder,
};
use crate::store::week::{next_delivery_week, week_plan};
use crate::store::{Connection, StoreError, settings};

/// The week as the Paniers screen shows it.
#[derive(Debug, Clone)]
pub struct WeekData {
    /// The week shown.
    pub week: IsoWeek,
    /// Depots, members and composition; `None` when no depot delivers.
    pub set: Option<PrintSet>,
    /// Without delivery: each active depot and why.
    pub closed: Vec<(String, String)>,
    /// Basket sizes (those of the set, or the active ones).
    pub sizes: Vec<SizeColumn>,
    /// Baskets to pack per size, aligned with `sizes`.
    pub totals: Vec<i64>,
    /// Every crop, for the composition.
    pub crops: Vec<Crop>,
    /// The saved composition of the week.
    pub items: Vec<CompositionItem>,
    /// What the harvests made available.
    pub available: Vec<Available>,
    /// Pickups already ticked.
    pub pickups: Vec<Pickup>,
    /// The folder the set was last printed to.
    pub folder: Option<PathBuf>,
}

impl WeekData {
    /// Needs of `items` (a composition being edited) against the harvest.
    pub fn needs(&self, items: &[CompositionItem]) -> Vec<Need> {
        let ids: Vec<i64> = self.sizes.iter().map(|s| s.id).collect();
        compute_needs(&ids, &self.totals, items, &self.crops, &self.available)
    }

    /// The status ticked for a subscription, if any.
    pub fn pickup_status(&self, subscription_id: i64) -> Option<PickupStatus> {
        self.pickups
            .iter()
            .find(|p| p.subscription_id == subscription_id)
            .map(|p| p.status)
    }
}

/// Everything the Paniers screen shows for `week`, read in one transaction.
pub fn week(garden: &Garden, week: IsoWeek) -> Result<Box<WeekData>> {
    Ok(garden.read(|conn| load(conn, week))?)
}

/// The week of the next delivery on or after `today` (today's included), with everything
/// the Paniers screen shows for it.
pub fn next_week(garden: &Garden, today: NaiveDate) -> Result<Box<WeekData>> {
    Ok(garden.read(|conn| {
        let week = next_delivery_week(conn, today)?;
        load(conn, week)
    })?)
}

fn load(conn: &Connection, week: IsoWeek) -> Result<Box<WeekData>, StoreError> {
    let set = print_set_data(conn, week)?;
    let mut closed = Vec::new();
    let (sizes, totals) = match &set {
        Some(set) => (set.sizes.clone(), set.totals.clone()),
        None => {
            let plan = week_plan(conn, week)?;
            let depots = list_depots(conn)?;
            for depot in &plan.depots {
                if let Some(d) = depots.iter().find(|d| d.id == depot.depot_id) {
                    closed.push((d.name.clone(), depot.delivery.describe()));
                }
            }
            let sizes: Vec<SizeColumn> = list_basket_sizes(conn)?
                .into_iter()
                .filter(|s| s.active)
                .map(|s| SizeColumn {
                    id: s.id,
                    name: s.name,
                    persons: s.persons,
                })
                .collect();
            let totals = vec![0; sizes.len()];
            (sizes, totals)
        }
    };
    Ok(Box::new(WeekData {
        week,
        closed,
        sizes,
        totals,
        crops: list_crops(conn)?,
        items: composition_of_week(conn, week.monday())?,
        available: available_for_week(conn, week)?,
        pickups: pickups_of_week(conn, week.monday())?,
        folder: folder_remembered(conn)?,
        set,
    }))
}

/// The composition saved for the week starting on `monday` (empty when none).
pub fn composition(garden: &Garden, monday: NaiveDate) -> Result<Vec<CompositionItem>> {
    Ok(garden.with(|conn| composition_of_week(conn, monday))?)
}

/// Saves the composition of every size, `(size id, items)`, for the week starting on
/// `monday`.
pub fn save_composition(
    garden: &Garden,
    monday: NaiveDate,
    sizes: &[(i64, Vec<CompositionItem>)],
) -> Result<()> {
    Ok(garden.change(|conn| set_week_composition(conn, monday, sizes))?)
}

/// Records `pickups` (collected, not collected, donated); answers them once saved.
pub fn save_pickups(garden: &Garden, pickups: Vec<Pickup>) -> Result<Vec<Pickup>> {
    garden.change(|conn| set_pickups(conn, &pickups))?;
    Ok(pickups)
}

/// Whether the Paramètres setting asks for members' phones on the sheets; an unreadable
/// setting answers no (no phones: the safe side for a sheet on a counter).
pub fn phones_setting(garden: &Garden) -> bool {
    garden
        .with(|conn| crate::store::sheets::show_phones(conn))
        .unwrap_or(false)
}

/// The folder the set was last written to by "Enregistrer ailleurs…", if it still exists.
pub fn remembered_folder(garden: &Garden) -> Result<Option<PathBuf>> {
    Ok(garden.with(|conn| folder_remembered(conn))?)
}

fn folder_remembered(conn: &Connection) -> Result<Option<PathBuf>, StoreError> {
    Ok(settings::get(conn, SHEETS_DIR_KEY)?
        .map(PathBuf::from)
        .filter(|dir| dir.is_dir()))
}

/// Which deliveries a print covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deliveries {
    /// Those of one week (the Paniers screen, `binette sheets --week`).
    Week(IsoWeek),
    /// Each depot's next delivery on or after this day, that day's included (Accueil,
    /// `binette sheets` without a week).
    Next(NaiveDate),
}

/// What the print set of `deliveries` holds (`None` when nothing is delivered), read in one
/// transaction: for a preview, or to check what a print would show.
pub fn print_set(garden: &Garden, deliveries: Deliveries) -> Result<Option<PrintSet>> {
    Ok(garden.read(|conn| read_set(conn, deliveries))?)
}

/// Where a print set was written.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedSet {
    /// The set's week (the one most deliveries fall in).
    pub week: IsoWeek,
    /// What was printed: "Semaine 50 — du 7 au 13 décembre 2026", or "Prochaines
    /// livraisons, du 05/12/2026 au 11/12/2026".
    pub what: String,
    /// The folder.
    pub dir: PathBuf,
    /// Every file written, summary first.
    pub files: Vec<PathBuf>,
}

/// The window's print: the set of `deliveries` into `dir` (the week's folder of the sheets
/// folder, Paramètres, when `None`), members' phones on the sheets when `phones` (the print
/// panel's tick box). A folder chosen is remembered for the next dialog, and the print is
/// recorded for the first steps, except in a garden open read-only (printing works there,
/// only the remembering is skipped). Refused in French when nothing is delivered.
pub fn print(
    garden: &Garden,
    deliveries: Deliveries,
    dir: Option<&Path>,
    now: NaiveDateTime,
    phones: bool,
) -> Result<PrintedSet> {
    let (set, root) = garden.read(|conn| {
        let set = read_set(conn, deliveries)?;
        Ok((set, sheets_root(conn)?))
    })?;
    let Some(mut set) = set else {
        return Err(nothing_to_print(deliveries));
    };
    set.printed_at = now;
    set.show_phones = phones;
    let chosen = dir.map(|dir| dir.to_string_lossy().into_owned());
    let dir = dir.map_or_else(|| week_folder(&root, set.week), Path::to_path_buf);
    let files = render_into(&set, &dir).map_err(|failure| match failure {
        Failure::Render(error) => Error::from(error),
        Failure::Write(error) => Error::invalid(
            "dossier des feuilles",
            format!(
                "Les feuilles n'ont pas pu être écrites dans « {} » : {error}. Choisissez un \
                 autre dossier des feuilles dans Paramètres, ou « Enregistrer ailleurs… ».",
                dir.display()
            ),
        ),
    })?;
    if !garden.read_only() {
        garden.change(|conn| {
            // A file the system lets Binette read only: printing worked, nothing to record.
            if conn.is_readonly(rusqlite::MAIN_DB)? {
                return Ok(());
            }
            let tx = conn.unchecked_transaction()?;
            if let Some(chosen) = &chosen {
                settings::set(&tx, SHEETS_DIR_KEY, chosen)?;
            }
            let stamp = now.format("%Y-%m-%d %H:%M").to_string();
            settings::set(&tx, crate::store::first_steps::SHEETS_PRINTED_KEY, &stamp)?;
            Ok(tx.commit()?)
        })?;
    }
    Ok(PrintedSet {
        week: set.week,
        what: set.period_label(),
        dir,
        files,
    })
}

/// [`print()`] stamped with the present time (the sheets' footer: « édité le … à … »).
pub fn print_now(
    garden: &Garden,
    deliveries: Deliveries,
    dir: Option<&Path>,
    phones: bool,
) -> Result<PrintedSet> {
    print(
        garden,
        deliveries,
        dir,
        chrono::Local::now().naive_local(),
        phones,
    )
}

/// The command line's print (`binette sheets`): the set of `deliveries` into `out`, members'
/// phones on the sheets when `phones` is set or the Paramètres setting asks for them.
/// Nothing is remembered. Refused, writing nothing, when nothing is delivered.
pub fn write_sheets(
    garden: &Garden,
    deliveries: Deliveries,
    out: &Path,
    now: NaiveDateTime,
    phones: bool,
) -> Result<Vec<PathBuf>> {
    let set = garden.read(|conn| read_set(conn, deliveries))?;
    let Some(mut set) = set else {
        let message = match deliveries {
            Deliveries::Week(week) => format!(
                "Pas de livraison la {} ({week}) : aucune feuille écrite.",
                week.long_label().to_lowercase()
            ),
            Deliveries::Next(_) => "Aucune livraison prévue : aucune feuille écrite.".into(),
        };
        return Err(Error::invalid("semaine", message));
    };
    set.printed_at = now;
    set.show_phones |= phones;
    render_into(&set, out).map_err(|failure| match failure {
        Failure::Render(error) => Error::from(error),
        Failure::Write(error) => Error::from(error),
    })
}

fn read_set(conn: &Connection, deliveries: Deliveries) -> Result<Option<PrintSet>, StoreError> {
    match deliveries {
        Deliveries::Week(week) => print_set_data(conn, week),
        Deliveries::Next(today) => next_print_set(conn, today),
    }
}

fn nothing_to_print(deliveries: Deliveries) -> Error {
    let message = match deliveries {
        Deliveries::Week(week) => format!(
            "Pas de livraison la {} : il n'y a rien à imprimer.",
            week.long_label().to_lowercase()
        ),
        Deliveries::Next(_) => "Aucune livraison prévue : ajoutez des dépôts et des \
             abonnements dans Adhérents, puis revenez imprimer."
            .into(),
    };
    Error::invalid("semaine", message)
}

/// Every PDF of the set (outside the database lock).
pub fn render(set: &PrintSet) -> Result<Vec<PrintFile>> {
    Ok(render_print_set(set)?)
}

/// Writes `files` into `dir` (created if missing), together: a refusal or a failure in the
/// middle writes nothing (see [`StagedSet`]). Answers the paths written, in order.
pub fn write_files(files: &[PrintFile], dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    crate::store::file_check::create_private_dir(dir)?;
    let mut staged = StagedSet::new(dir);
    for file in files {
        staged.stage(&file.name, &file.bytes)?;
    }
    staged.commit()
}

/// Why a print set was not written: its rendering, or the files.
enum Failure {
    Render(ReportError),
    Write(StoreError),
}

impl From<ReportError> for Failure {
    fn from(error: ReportError) -> Self {
        Self::Render(error)
    }
}

/// Renders the set into `dir` (created if missing), each file staged as soon as it is made
/// (the whole set is never held in memory), all put in place together at the end: a
/// failure in the middle writes nothing. Answers the paths written, in order.
fn render_into(set: &PrintSet, dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    crate::store::file_check::create_private_dir(dir).map_err(Failure::Write)?;
    let mut staged = StagedSet::new(dir);
    render_print_set_each(set, |file| {
        staged
            .stage(&file.name, &file.bytes)
            .map_err(Failure::Write)
    })?;
    staged.commit().map_err(Failure::Write)
}
