//! Building the harvest import plan: each row's crop, plot, unit and destination resolved
//! against the garden and the user's choices, likely duplicates flagged.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fields::{HarvestField, HarvestMapping, title_unit};
use super::plan::*;
use super::rows::{HarvestDraft, RowReader};
use crate::domain::harvests::{Crop, Destination, PlotKind, Unit};
use crate::domain::import::names::first_spelling;
use crate::domain::import::source::Table;
use crate::domain::numbers::format_number;
use crate::domain::text::collation_key;

/// Everything `build_plan` reads.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    /// The file's table, its title line found (`locate_header`).
    pub file: &'a Table,
    /// Which column fills which field.
    pub mapping: &'a HarvestMapping,
    /// What the garden has.
    pub context: &'a ImportContext,
    /// The user's choices for unknown names.
    pub resolutions: &'a Resolutions,
    /// What to do with lines already saved.
    pub duplicates: DuplicatePolicy,
    /// Day of the import.
    pub today: NaiveDate,
}

impl PlanInput<'_> {
    fn reader(&self) -> RowReader<'_> {
        let title = self
            .mapping
            .iter()
            .position(|m| *m == Some(HarvestField::Quantity))
            .and_then(|i| self.file.headers.get(i))
            .and_then(|t| title_unit(t));
        RowReader {
            mapping: self.mapping,
            title_unit: title,
            today: self.today,
        }
    }
}

/// Crop and plot names of the valid rows that the garden does not know, each once, as first
/// written.
pub fn unknown_names(input: &PlanInput) -> (Vec<String>, Vec<String>) {
    let crops = known_keys(input.context.crops.iter().map(|c| c.name.as_str()));
    let plots = known_keys(input.context.plots.iter().map(|p| p.name.as_str()));
    let mut unknown_crops: Vec<String> = Vec::new();
    let mut unknown_plots: Vec<String> = Vec::new();
    let push = |list: &mut Vec<String>, name: &str| {
        let key = collation_key(name);
        if !list.iter().any(|n| collation_key(n) == key) {
            list.push(name.to_owned());
        }
    };
    let reader = input.reader();
    for row in &input.file.rows {
        if let Ok(draft) = reader.read(row) {
            if !crops.contains_key(&collation_key(&draft.crop)) {
                push(&mut unknown_crops, &draft.crop);
            }
            if !draft.plot.is_empty() && !plots.contains_key(&collation_key(&draft.plot)) {
                push(&mut unknown_plots, &draft.plot);
            }
        }
    }
    (unknown_crops, unknown_plots)
}

fn known_keys<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut keys = HashMap::new();
    for (index, name) in names.enumerate() {
        keys.entry(collation_key(name)).or_insert(index);
    }
    keys
}

/// A duplicate key: day, crop, plot, quantity (to the gram or thousandth) and unit.
type LineKey = (NaiveDate, Target, Option<Target>, i64, Unit);

fn line_key(h: &PlannedHarvest) -> LineKey {
    (
        h.date,
        h.crop.clone(),
        h.plot.clone(),
        (h.quantity * 1000.0).round() as i64,
        h.unit,
    )
}

/// The unit of a crop's lines when the row names none: kg when it lists kg or nothing,
/// else its first unit.
fn usual_unit(crop: &Crop) -> Unit {
    if crop.units.is_empty() || crop.units.iter().any(|u| u.unit == Unit::Kg) {
        Unit::Kg
    } else {
        crop.units[0].unit
    }
}

/// The plot kind a name suggests ("Serre 3", "Tunnel nord").
pub fn guess_plot_kind(name: &str) -> PlotKind {
    let key = collation_key(name);
    if key.contains("serre") {
        PlotKind::Greenhouse
    } else if key.contains("tunnel") {
        PlotKind::Tunnel
    } else {
        PlotKind::OpenField
    }
}

/// Resolves names against the garden and the user's choices.
struct Resolver<'a> {
    input: &'a PlanInput<'a>,
    crop_keys: HashMap<String, usize>,
    plot_keys: HashMap<String, usize>,
    new_crops: Vec<String>,
    new_plots: Vec<String>,
}

/// A row's line, with its one-line description and its warnings.
struct Planned {
    harvest: PlannedHarvest,
    summary: String,
    warnings: Vec<String>,
}

impl<'a> Resolver<'a> {
    fn crop(&mut self, name: &str) -> Result<(Target, Option<&'a Crop>), String> {
        let key = collation_key(name);
        let crops: &'a [Crop] = &self.input.context.crops;
        if let Some(&index) = self.crop_keys.get(&key) {
            return Ok((Target::Existing(crops[index].id), crops.get(index)));
        }
        match self.input.resolutions.crops.get(&key).copied() {
            Some(NameChoice::Use(id)) => match crops.iter().find(|c| c.id == id) {
                Some(crop) => Ok((Target::Existing(id), Some(crop))),
                None => Err(format!(
                    "La culture choisie pour « {name} » n'existe plus : choisissez-en une autre."
                )),
            },
            Some(NameChoice::Reject) => Err(format!("Culture « {name} » inconnue.")),
            Some(NameChoice::Create) | None => {
                Ok((Target::New(first_spelling(&mut self.new_crops, name)), None))
            }
        }
    }

    fn plot(&mut self, name: &str) -> Result<Option<Target>, String> {
        if name.is_empty() {
            return Ok(None);
        }
        let key = collation_key(name);
        let plots: &'a [Named] = &self.input.context.plots;
        if let Some(&index) = self.plot_keys.get(&key) {
            return Ok(Some(Target::Existing(plots[index].id)));
        }
        match self.input.resolutions.plots.get(&key).copied() {
            Some(NameChoice::Use(id)) if plots.iter().any(|p| p.id == id) => {
                Ok(Some(Target::Existing(id)))
            }
            Some(NameChoice::Use(_)) => Err(format!(
                "La parcelle choisie pour « {name} » n'existe plus : choisissez-en une autre."
            )),
            Some(NameChoice::Reject) => Err(format!("Parcelle « {name} » inconnue.")),
            Some(NameChoice::Create) | None => {
                Ok(Some(Target::New(first_spelling(&mut self.new_plots, name))))
            }
        }
    }

    /// The row's line: crop, plot, unit (checked against the crop's units) and destination.
    fn plan(&mut self, draft: HarvestDraft) -> Result<Planned, String> {
        let mut warnings = Vec::new();
        let (crop, existing) = self.crop(&draft.crop)?;
        let (unit, destination, crop_name) = match existing {
            Some(existing) => {
                let unit = draft.unit.unwrap_or_else(|| usual_unit(existing));
                let listed = existing.units.iter().find(|u| u.unit == unit);
                if unit != Unit::Kg && listed.is_none() {
                    let mut units = vec![Unit::Kg.label()];
                    units.extend(
                        existing
                            .units
                            .iter()
                            .filter(|u| u.unit != Unit::Kg)
                            .map(|u| u.unit.label()),
                    );
                    return Err(format!(
                        "L'unité « {} » n'est pas prévue pour {} (unités : {}) : ajoutez-la à la \
                         culture dans Récoltes › Cultures, ou indiquez la quantité en kg.",
                        unit.label(),
                        existing.name,
                        units.join(", ")
                    ));
                }
                if unit != Unit::Kg && listed.and_then(|u| u.kg_per_unit).is_none() {
                    warnings.push(unknown_weight(unit, &existing.name));
                }
                let destination = draft.destination.unwrap_or(existing.default_destination);
                (unit, destination, existing.name.clone())
            }
            None => {
                let key = collation_key(&draft.crop);
                let usual = self.input.resolutions.crop_units.get(&key).copied();
                let unit = draft.unit.or(usual).unwrap_or(Unit::Kg);
                let name = match &crop {
                    Target::New(name) => name.clone(),
                    Target::Existing(_) => draft.crop.clone(),
                };
                if unit != Unit::Kg {
                    warnings.push(unknown_weight(unit, &name));
                }
                let destination = draft.destination.unwrap_or(Destination::Baskets);
                (unit, destination, format!("{name} (nouvelle)"))
            }
        };
        let plot = self.plot(&draft.plot)?;
        let plot_name = match &plot {
            None => "sans parcelle".to_owned(),
            Some(Target::New(name)) => format!("{name} (nouvelle)"),
            Some(Target::Existing(id)) => self
                .input
                .context
                .plots
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| format!("parcelle n° {id}"), |p| p.name.clone()),
        };
        let summary = format!(
            "{crop_name} · {plot_name} · {} · {}",
            quantity_text(draft.quantity, unit),
            destination.label()
        );
        Ok(Planned {
            harvest: PlannedHarvest {
                date: draft.date,
                crop,
                plot,
                quantity: draft.quantity,
                unit,
                destination,
                notes: draft.notes,
            },
            summary,
            warnings,
        })
    }
}

/// "12,5 kg", "3 bottes", "1,5 botte": the unit in the plural from 2 on, as in French.
pub fn quantity_text(quantity: f64, unit: Unit) -> String {
    let plural = if unit != Unit::Kg && quantity >= 2.0 {
        "s"
    } else {
        ""
    };
    format!("{} {}{plural}", format_number(quantity, 3), unit.label())
}

fn unknown_weight(unit: Unit, crop: &str) -> String {
    format!(
        "Poids d'une {} de {crop} inconnu : à renseigner pour les totaux en kg.",
        unit.label()
    )
}

/// The preview: each row validated, its names resolved, likely duplicates flagged (a line
/// already saved is left out or imported with a warning, per `duplicates`; a line twice in
/// the file is imported twice, with a warning). Pure: the database is only read
/// beforehand (`ImportContext`).
pub fn build_plan(input: &PlanInput) -> Plan {
    let reader = input.reader();
    let mut resolver = Resolver {
        input,
        crop_keys: known_keys(input.context.crops.iter().map(|c| c.name.as_str())),
        plot_keys: known_keys(input.context.plots.iter().map(|p| p.name.as_str())),
        new_crops: Vec::new(),
        new_plots: Vec::new(),
    };
    let mut saved: HashMap<LineKey, usize> = HashMap::new();
    for line in &input.context.lines {
        let key = (
            line.date,
            Target::Existing(line.crop_id),
            line.plot_id.map(Target::Existing),
            (line.quantity * 1000.0).round() as i64,
            line.unit,
        );
        *saved.entry(key).or_default() += 1;
    }
    let mut seen: HashMap<LineKey, usize> = HashMap::new();
    let mut rows = Vec::new();
    for (index, cells) in input.file.rows.iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = input.file.line_of(index);
        let mut row = PlanRow {
            line,
            cells: cells.clone(),
            action: RowAction::Create,
            harvest: None,
            summary: String::new(),
            warnings: Vec::new(),
        };
        match reader.read(cells).and_then(|draft| resolver.plan(draft)) {
            Err(reason) => row.action = RowAction::Rejected(reason),
            Ok(Planned {
                harvest,
                summary,
                warnings,
            }) => {
                row.summary = summary;
                row.warnings = warnings;
                let key = line_key(&harvest);
                let already_saved = saved.get_mut(&key).filter(|n| **n > 0);
                if let Some(remaining) = already_saved {
                    // Each saved line answers for one row of the file.
                    *remaining -= 1;
                    match input.duplicates {
                        DuplicatePolicy::Skip => {
                            row.action = RowAction::Skip;
                            row.warnings = vec![
                                "Déjà enregistrée (même date, culture, parcelle et quantité) : laissée de côté."
                                    .into(),
                            ];
                        }
                        DuplicatePolicy::Import => row.warnings.insert(
                            0,
                            "Une ligne identique est déjà enregistrée : est-ce un doublon ?".into(),
                        ),
                    }
                } else if let Some(first_line) = seen.get(&key) {
                    row.warnings.insert(
                        0,
                        format!(
                            "Identique à la ligne {first_line} du fichier : vérifiez que ce n'est pas un doublon."
                        ),
                    );
                }
                seen.entry(key).or_insert(line);
                row.harvest = Some(harvest);
            }
        }
        rows.push(row);
    }
    let new_crops = new_crops(&rows, resolver.new_crops, input.resolutions);
    let used_plot = |name: &String| {
        rows.iter().any(|r| {
            r.action == RowAction::Create
                && r.harvest
                    .as_ref()
                    .is_some_and(|h| h.plot == Some(Target::New(name.clone())))
        })
    };
    let new_plots = resolver
        .new_plots
        .iter()
        .filter(|n| used_plot(n))
        .map(|name| NewPlot {
            name: name.clone(),
            kind: guess_plot_kind(name),
        })
        .collect();
    Plan {
        headers: input.file.headers.clone(),
        rows,
        new_crops,
        new_plots,
    }
}

/// The crops created: those the created lines use, with the units those lines are in and
/// the usual unit chosen.
fn new_crops(rows: &[PlanRow], names: Vec<String>, resolutions: &Resolutions) -> Vec<NewCrop> {
    names
        .into_iter()
        .filter_map(|name| {
            let target = Target::New(name.clone());
            let lines: Vec<&PlannedHarvest> = rows
                .iter()
                .filter(|r| r.action == RowAction::Create)
                .filter_map(|r| r.harvest.as_ref())
                .filter(|h| h.crop == target)
                .collect();
            if lines.is_empty() {
                return None;
            }
            let usual = resolutions
                .crop_units
                .get(&collation_key(&name))
                .copied()
                .unwrap_or(Unit::Kg);
            // The usual unit first; kg is listed only beside other units, so that a crop
            // listing one unit alone is counted in it.
            let mut units: Vec<Unit> = vec![usual];
            for line in &lines {
                if !units.contains(&line.unit) {
                    units.push(line.unit);
                }
            }
            if units == [Unit::Kg] {
                units.clear();
            }
            Some(NewCrop { name, units })
        })
        .collect()
}
