//! The import plan: each row matched against the garden (create, update, skip, refuse).

use super::matching::{merge, name_key, same_member, same_member_without_contact};
use super::namesakes::{Namesake, NamesakeChoice, plan_namesake};
use super::rows::*;
use crate::domain::baskets::{Member, Subscription};
use crate::domain::calendar::format_date;
use crate::domain::import::columns::ColumnMapping;
use crate::domain::import::names::first_spelling;
pub use crate::domain::import::names::{NameChoice, Named, Target};
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;
use chrono::{Datelike, Days, NaiveDate};
use std::collections::{BTreeMap, HashMap};

// ------------------------------------------------------------------ what the garden has

/// A member already in the database, with its running subscription.
#[derive(Debug, Clone, PartialEq)]
pub struct ExistingMember {
    /// The member.
    pub member: Member,
    /// Its subscription running on the day of the import, if any.
    pub subscription: Option<Subscription>,
}

/// What the garden already has, to compare the file with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportContext {
    /// Every member.
    pub members: Vec<ExistingMember>,
    /// Every depot.
    pub depots: Vec<Named>,
    /// Every basket size.
    pub sizes: Vec<Named>,
}

/// What to do with a member already present (same name, and same phone or e-mail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExistingPolicy {
    /// Update it with the file's non-empty values.
    Update,
    /// Leave it as it is.
    Skip,
}

/// The user's choices for unknown names, keyed by `collation_key(name)` (a name absent from
/// the map is created), and for rows with a namesake.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolutions {
    /// Unknown depots.
    pub depots: BTreeMap<String, NameChoice>,
    /// Unknown basket sizes.
    pub sizes: BTreeMap<String, NameChoice>,
    /// Rows whose name is that of another household, by line in the file; a line absent
    /// from the map is « À vérifier » and not imported.
    pub namesakes: BTreeMap<usize, NamesakeChoice>,
    /// A namesake row with no choice is created as a new household (`--create-homonyms`).
    pub create_namesakes: bool,
}

/// What the import will do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    /// A new member.
    Create,
    /// That existing member is updated.
    Update(i64),
    /// That existing member is left as it is.
    Skip(i64),
    /// Same name as a household of the garden, nothing else in common: not imported until
    /// the user chooses (see `PlanRow::namesakes`).
    Check,
    /// The row is refused, for this reason.
    Rejected(String),
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// Line in the file (the header is line 1).
    pub line: usize,
    /// The row's cells as read.
    pub cells: Vec<String>,
    /// What will happen.
    pub action: RowAction,
    /// The validated row (`None` when rejected).
    pub draft: Option<MemberDraft>,
    /// Its depot and size, resolved.
    pub targets: Option<(Target, Target)>,
    /// Whether the row's subscription is to be saved (a new member's, or a changed one).
    pub subscribe: bool,
    /// The running subscription replaced by the row's (update only).
    pub replaces_subscription: Option<i64>,
    /// What changes, for an update ("Téléphone : … → …"); notes and warnings otherwise.
    pub notes: Vec<String>,
    /// Households of the garden with the row's name and nothing else in common, offered
    /// for "Mettre à jour" (empty for most rows).
    pub namesakes: Vec<Namesake>,
}

impl PlanRow {
    /// "NOM Prénom" of the row, for the preview.
    pub fn name(&self) -> String {
        match &self.draft {
            Some(d) => crate::domain::text::list_name(&d.member.first_name, &d.member.last_name),
            None => self
                .cells
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The action in one French word.
    pub fn action_label(&self) -> &'static str {
        match self.action {
            RowAction::Create => "Création",
            RowAction::Update(_) => "Mise à jour",
            RowAction::Skip(_) => "Ignoré",
            RowAction::Check => "À vérifier",
            RowAction::Rejected(_) => "Refusé",
        }
    }
}

/// The preview of a whole import, and what `store::import::apply_member_import` carries out.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The file's column titles.
    pub headers: Vec<String>,
    /// One entry per non-empty data row.
    pub rows: Vec<PlanRow>,
    /// Depots the import will create.
    pub new_depots: Vec<String>,
    /// Basket sizes the import will create.
    pub new_sizes: Vec<String>,
    /// Day of the import: start of subscriptions without a start date.
    pub today: NaiveDate,
}

/// How many rows fall in each action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCounts {
    /// New members.
    pub create: usize,
    /// Members updated.
    pub update: usize,
    /// Members left as they are.
    pub skip: usize,
    /// Namesakes waiting for a choice, not imported.
    pub check: usize,
    /// Rows refused.
    pub rejected: usize,
}

impl Plan {
    /// How many rows fall in each action.
    pub fn counts(&self) -> PlanCounts {
        let mut counts = PlanCounts::default();
        for row in &self.rows {
            match row.action {
                RowAction::Create => counts.create += 1,
                RowAction::Update(_) => counts.update += 1,
                RowAction::Skip(_) => counts.skip += 1,
                RowAction::Check => counts.check += 1,
                RowAction::Rejected(_) => counts.rejected += 1,
            }
        }
        counts
    }

    /// The refused rows as a CSV file (`;`, UTF-8 BOM): the file's columns plus the reason.
    pub fn rejected_csv(&self) -> Vec<u8> {
        let refused = self.rows.iter().filter_map(|row| match &row.action {
            RowAction::Rejected(reason) => Some((row.line, row.cells.as_slice(), reason.as_str())),
            _ => None,
        });
        crate::domain::import::plan::rejected_csv(&self.headers, refused)
    }
}

/// Depot and size names of the valid rows that the garden does not know, each once, as first
/// written.
pub fn unknown_names(
    table: &Table,
    mapping: &ColumnMapping,
    context: &ImportContext,
) -> (Vec<String>, Vec<String>) {
    let mut depots: Vec<String> = Vec::new();
    let mut sizes: Vec<String> = Vec::new();
    let known = |list: &[Named], name: &str| {
        list.iter()
            .any(|n| collation_key(&n.name) == collation_key(name))
    };
    let push = |list: &mut Vec<String>, name: &str| {
        if !list.iter().any(|n| collation_key(n) == collation_key(name)) {
            list.push(name.to_owned());
        }
    };
    for row in &table.rows {
        if let Ok(MemberDraft {
            subscription: Some(sub),
            ..
        }) = validate_row(row, mapping)
        {
            if !known(&context.depots, &sub.depot) {
                push(&mut depots, &sub.depot);
            }
            if !known(&context.sizes, &sub.size) {
                push(&mut sizes, &sub.size);
            }
        }
    }
    (depots, sizes)
}

fn resolve(
    name: &str,
    known: &[Named],
    choices: &BTreeMap<String, NameChoice>,
    what: &str,
    created: &mut Vec<String>,
) -> Result<Target, String> {
    let key = collation_key(name);
    if let Some(found) = known.iter().find(|n| collation_key(&n.name) == key) {
        return Ok(Target::Existing(found.id));
    }
    match choices.get(&key).copied().unwrap_or(NameChoice::Create) {
        NameChoice::Use(id) => Ok(Target::Existing(id)),
        NameChoice::Reject => Err(format!("{what} « {name} » inconnu.")),
        NameChoice::Create => Ok(Target::New(first_spelling(created, name))),
    }
}

fn target_name(target: &Target, known: &[Named]) -> String {
    match target {
        Target::New(name) => name.clone(),
        Target::Existing(id) => known
            .iter()
            .find(|n| n.id == *id)
            .map_or_else(|| format!("n° {id}"), |n| n.name.clone()),
    }
}

/// The Monday of `date`'s week.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The preview: each row validated, matched with the existing members, its depot and size
/// resolved. Pure: the database is only read beforehand (`ImportContext`).
pub fn build_plan(
    table: &Table,
    mapping: &ColumnMapping,
    context: &ImportContext,
    resolutions: &Resolutions,
    policy: ExistingPolicy,
    today: NaiveDate,
) -> Plan {
    let mut new_depots = Vec::new();
    let mut new_sizes = Vec::new();
    let mut rows = Vec::new();
    // Valid rows already seen, to refuse a second row for the same household.
    // Indexed by name, so a 10,000-row file is not compared row against row.
    let mut seen: HashMap<String, Vec<(usize, Member, Option<Target>)>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<&ExistingMember>> = HashMap::new();
    for existing in &context.members {
        by_name
            .entry(name_key(&existing.member))
            .or_default()
            .push(existing);
    }
    for (index, cells) in table.rows.iter().enumerate() {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = table.line_of(index);
        let mut row = PlanRow {
            line,
            cells: cells.clone(),
            action: RowAction::Create,
            draft: None,
            targets: None,
            subscribe: false,
            replaces_subscription: None,
            notes: Vec::new(),
            namesakes: Vec::new(),
        };
        let planned = plan_row(
            cells,
            mapping,
            context,
            resolutions,
            &mut new_depots,
            &mut new_sizes,
        );
        match planned {
            Err(reason) => row.action = RowAction::Rejected(reason),
            Ok((draft, targets)) => {
                let depot = targets.as_ref().map(|t| t.0.clone());
                if let Some((first_line, _, _)) =
                    seen.get(&name_key(&draft.member)).and_then(|rows| {
                        rows.iter().find(|(_, m, d)| {
                            same_member(m, &draft.member)
                                || same_member_without_contact(
                                    m,
                                    &draft.member,
                                    d.as_ref(),
                                    depot.as_ref(),
                                )
                        })
                    })
                {
                    row.action = RowAction::Rejected(format!(
                        "Même adhérent que la ligne {first_line} du fichier."
                    ));
                } else {
                    seen.entry(name_key(&draft.member)).or_default().push((
                        line,
                        draft.member.clone(),
                        depot.clone(),
                    ));
                    let namesakes = by_name
                        .get(&name_key(&draft.member))
                        .map_or(&[][..], Vec::as_slice);
                    match namesakes.iter().find(|e| {
                        let existing_depot = e
                            .subscription
                            .as_ref()
                            .map(|s| Target::Existing(s.depot_id));
                        same_member(&e.member, &draft.member)
                            || same_member_without_contact(
                                &e.member,
                                &draft.member,
                                existing_depot.as_ref(),
                                depot.as_ref(),
                            )
                    }) {
                        Some(existing) => {
                            plan_existing(
                                &mut row,
                                existing,
                                &draft,
                                targets.as_ref(),
                                context,
                                policy,
                                today,
                            );
                        }
                        None if namesakes.is_empty() => {}
                        None => plan_namesake(
                            &mut row,
                            namesakes,
                            &draft,
                            targets.as_ref(),
                            context,
                            resolutions,
                            today,
                        ),
                    }
                    if row.action == RowAction::Create {
                        row.subscribe = draft.subscription.is_some();
                    }
                    row.draft = Some(draft);
                    row.targets = targets;
                }
            }
        }
        rows.push(row);
    }
    // Names only refused rows wanted are not created.
    let used = |name: &String, pick: fn(&(Target, Target)) -> &Target| {
        rows.iter().any(|r| {
            !matches!(
                r.action,
                RowAction::Rejected(_) | RowAction::Skip(_) | RowAction::Check
            ) && r
                .targets
                .as_ref()
                .is_some_and(|t| *pick(t) == Target::New(name.clone()))
        })
    };
    new_depots.retain(|n| used(n, |t| &t.0));
    new_sizes.retain(|n| used(n, |t| &t.1));
    Plan {
        headers: table.headers.clone(),
        rows,
        new_depots,
        new_sizes,
        today,
    }
}

type Planned = (MemberDraft, Option<(Target, Target)>);

fn plan_row(
    cells: &[String],
    mapping: &ColumnMapping,
    context: &ImportContext,
    resolutions: &Resolutions,
    new_depots: &mut Vec<String>,
    new_sizes: &mut Vec<String>,
) -> Result<Planned, String> {
    let draft = validate_row(cells, mapping)?;
    let targets = match &draft.subscription {
        None => None,
        Some(sub) => {
            let depot = resolve(
                &sub.depot,
                &context.depots,
                &resolutions.depots,
                "Dépôt",
                new_depots,
            )?;
            let size = resolve(
                &sub.size,
                &context.sizes,
                &resolutions.sizes,
                "Panier",
                new_sizes,
            )?;
            Some((depot, size))
        }
    };
    Ok((draft, targets))
}

/// "chaque semaine", "une semaine sur deux", "semaines paires"…
fn frequency_label(sub: &SubscriptionDraft) -> String {
    match sub.parity {
        Some(WeekParity::Even) => "semaines paires".into(),
        Some(WeekParity::Odd) => "semaines impaires".into(),
        None => sub.frequency.label().to_lowercase(),
    }
}

/// Plans an update of `existing` with the row (or a skip, by `policy` or when up to date).
pub(super) fn plan_existing(
    row: &mut PlanRow,
    existing: &ExistingMember,
    draft: &MemberDraft,
    targets: Option<&(Target, Target)>,
    context: &ImportContext,
    policy: ExistingPolicy,
    today: NaiveDate,
) {
    let id = existing.member.id;
    if policy == ExistingPolicy::Skip {
        row.action = RowAction::Skip(id);
        row.notes.push("Déjà présent : laissé tel quel.".into());
        return;
    }
    let (_, mut changes) = merge(&existing.member, &draft.member);
    if let (Some(sub), Some((depot, size))) = (&draft.subscription, targets) {
        let same = existing.subscription.as_ref().is_some_and(|current| {
            *depot == Target::Existing(current.depot_id)
                && *size == Target::Existing(current.size_id)
                && current.frequency == sub.frequency
                && current.quantity == sub.quantity
                && sub
                    .parity
                    .is_none_or(|wanted| parity_on(current.anchor_monday, today) == wanted)
        });
        if !same {
            let new = format!(
                "{} à {} ({}, {})",
                target_name(size, &context.sizes),
                target_name(depot, &context.depots),
                frequency_label(sub),
                sub.quantity
            );
            let old = existing.subscription.as_ref().map_or_else(
                || "aucun".to_owned(),
                |c| {
                    format!(
                        "{} à {} depuis le {}",
                        target_name(&Target::Existing(c.size_id), &context.sizes),
                        target_name(&Target::Existing(c.depot_id), &context.depots),
                        format_date(c.start)
                    )
                },
            );
            changes.push(format!("Abonnement : {old} → {new}"));
            row.subscribe = true;
            row.replaces_subscription = existing.subscription.as_ref().map(|c| c.id);
        }
    }
    if changes.is_empty() {
        row.subscribe = false;
        row.action = RowAction::Skip(id);
        row.notes.push("Déjà présent et à jour.".into());
    } else {
        row.action = RowAction::Update(id);
        row.notes = changes;
    }
}
