//! Member import, the I/O half: reading what the garden already has, and carrying out a
//! previewed plan in one transaction. The pure half (column matching, validation, preview)
//! is `domain::import::members`.

use chrono::{NaiveDate, Weekday};
use rusqlite::{Connection, named_params};

use crate::domain::baskets::{BasketSize, Depot, Subscription};
use crate::domain::import::members::{
    ExistingMember, ImportContext, Named, Plan, PlanRow, RowAction, anchor_for, merged_member,
};
use crate::store::{Result, baskets, members};

use super::target_id;

/// What the garden already has, to build the preview: every member with the subscription
/// running on `today`, every depot and basket size.
pub fn load_context(conn: &Connection, today: NaiveDate) -> Result<ImportContext> {
    let subscriptions = baskets::list_subscriptions(conn)?;
    let members = members::list_members(conn)?
        .into_iter()
        .map(|member| {
            let subscription = subscriptions
                .iter()
                .filter(|s| {
                    s.member_id == member.id && s.start <= today && s.end.is_none_or(|e| e >= today)
                })
                .max_by_key(|s| s.start)
                .cloned();
            ExistingMember {
                member,
                subscription,
            }
        })
        .collect();
    let depots = baskets::list_depots(conn)?
        .into_iter()
        .map(|d| Named {
            id: d.id,
            name: d.name,
        })
        .collect();
    let sizes = baskets::list_basket_sizes(conn)?
        .into_iter()
        .map(|s| Named {
            id: s.id,
            name: s.name,
        })
        .collect();
    Ok(ImportContext {
        members,
        depots,
        sizes,
    })
}

/// Choices the preview does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApplyOptions {
    /// Delivery weekday given to the depots the import creates (to check in Paramètres).
    pub new_depot_weekday: Weekday,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            new_depot_weekday: Weekday::Tue,
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Members created.
    pub created: usize,
    /// Members updated.
    pub updated: usize,
    /// Existing members left as they were.
    pub skipped: usize,
    /// Namesake rows left « À vérifier »: nothing written for them.
    pub unresolved: usize,
    /// Rows refused: (line in the file, reason).
    pub rejected: Vec<(usize, String)>,
    /// Subscriptions created.
    pub subscriptions: usize,
    /// Depots created.
    pub depots_created: Vec<String>,
    /// Basket sizes created.
    pub sizes_created: Vec<String>,
}

impl ImportReport {
    /// One French sentence for the screen.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} adhérent(s) créé(s), {} mis à jour, {} laissé(s) tel(s) quel(s), {} ligne(s) refusée(s), {} abonnement(s) enregistré(s).",
            self.created,
            self.updated,
            self.skipped,
            self.rejected.len(),
            self.subscriptions
        );
        if self.unresolved > 0 {
            text.push_str(&format!(
                " {} homonyme(s) à vérifier non importé(s).",
                self.unresolved
            ));
        }
        if !self.depots_created.is_empty() {
            text.push_str(&format!(
                " Dépôts créés : {}.",
                self.depots_created.join(", ")
            ));
        }
        if !self.sizes_created.is_empty() {
            text.push_str(&format!(
                " Tailles de panier créées (sans prix) : {}.",
                self.sizes_created.join(", ")
            ));
        }
        text
    }
}

/// Carries out a previewed plan in ONE transaction: creates the new depots and sizes, the new
/// members and their subscriptions, updates the existing members chosen for update (a changed
/// subscription is ended the day before the new one starts). Refused, skipped and « À vérifier » rows are
/// only counted. Any failure rolls everything back.
pub fn apply_member_import(
    conn: &Connection,
    plan: &Plan,
    options: &ApplyOptions,
) -> Result<ImportReport> {
    let tx = conn.unchecked_transaction()?;
    let mut report = ImportReport::default();
    let (depot_ids, size_ids) = create_names(&tx, plan, options, &mut report)?;
    for row in &plan.rows {
        let member_id = match (&row.action, &row.draft) {
            (RowAction::Rejected(reason), _) => {
                report.rejected.push((row.line, reason.clone()));
                continue;
            }
            (RowAction::Check, _) => {
                report.unresolved += 1;
                continue;
            }
            (RowAction::Skip(_), _) | (_, None) => {
                report.skipped += 1;
                continue;
            }
            (RowAction::Create, Some(draft)) => {
                report.created += 1;
                members::insert_member(&tx, &draft.member)?
            }
            (RowAction::Update(id), Some(draft)) => {
                let existing = members::get_member(&tx, *id)?;
                members::update_member(&tx, &merged_member(&existing, &draft.member))?;
                report.updated += 1;
                *id
            }
        };
        let targets = (&depot_ids, &size_ids);
        if subscribe(&tx, plan, row, member_id, targets)? {
            report.subscriptions += 1;
        }
    }
    tx.commit()?;
    Ok(report)
}

/// Ids given to the names created by the import, depots then sizes.
type Created = Vec<(String, i64)>;

/// Creates the new depots (delivering on `options`' weekday) and sizes (after the last
/// one) of `plan`; answers their ids by name.
fn create_names(
    tx: &Connection,
    plan: &Plan,
    options: &ApplyOptions,
    report: &mut ImportReport,
) -> Result<(Created, Created)> {
    let mut depot_ids = Vec::new();
    for name in &plan.new_depots {
        let id = baskets::insert_depot(tx, &Depot::new(name.clone(), options.new_depot_weekday))?;
        depot_ids.push((name.clone(), id));
        report.depots_created.push(name.clone());
    }
    let mut size_ids = Vec::new();
    let last_position: i64 = tx.query_row(
        "SELECT IFNULL(MAX(position), 0) FROM basket_size",
        [],
        |row| row.get(0),
    )?;
    for (position, name) in (last_position + 1..).zip(&plan.new_sizes) {
        let id = baskets::insert_basket_size(
            tx,
            &BasketSize {
                id: 0,
                name: name.clone(),
                persons: String::new(),
                position,
                active: true,
            },
        )?;
        size_ids.push((name.clone(), id));
        report.sizes_created.push(name.clone());
    }
    Ok((depot_ids, size_ids))
}

/// Records the subscription of `row` for `member_id` (ending the one it replaces); true
/// when one was recorded.
fn subscribe(
    tx: &Connection,
    plan: &Plan,
    row: &PlanRow,
    member_id: i64,
    (depot_ids, size_ids): (&Created, &Created),
) -> Result<bool> {
    let subscription = row.draft.as_ref().and_then(|d| d.subscription.as_ref());
    let (Some(sub), Some((depot, size)), true) = (subscription, &row.targets, row.subscribe) else {
        return Ok(false);
    };
    let start = sub.start.unwrap_or(plan.today);
    if let Some(old_id) = row.replaces_subscription {
        end_subscription(tx, old_id, start)?;
    }
    baskets::insert_subscription(
        tx,
        &Subscription {
            id: 0,
            member_id,
            shared_with: None,
            size_id: target_id(size, size_ids, |n| {
                format!("Panier « {n} » absent du plan d'import.")
            })?,
            depot_id: target_id(depot, depot_ids, |n| {
                format!("Dépôt « {n} » absent du plan d'import.")
            })?,
            quantity: sub.quantity,
            start,
            end: None,
            frequency: sub.frequency,
            anchor_monday: anchor_for(start, sub.parity),
        },
    )?;
    Ok(true)
}

/// Ends subscription `id` the day before `start` (or deletes it when it had not begun, so
/// no one is delivered twice).
fn end_subscription(conn: &Connection, id: i64, start: NaiveDate) -> Result<()> {
    let old = baskets::get_subscription(conn, id)?;
    match start.pred_opt().filter(|day| *day >= old.start) {
        Some(last_day) => {
            conn.execute(
                "UPDATE subscription SET end_date = :end WHERE id = :id",
                named_params! {":end": last_day, ":id": id},
            )?;
            Ok(())
        }
        None => baskets::delete_subscription(conn, id),
    }
}
