//! Namesakes: a row whose name is that of a household the garden already has, with nothing
//! else in common (no phone or e-mail to compare, another address and another depot).
//!
//! Neither guess is safe. Creating by default makes a duplicate each time a household that
//! moved is imported again; updating by default overwrites another household's address and
//! subscription, and that one cannot be undone from the import. So the row is « À vérifier »
//! and nothing is written for it until the user chooses, on the screen
//! ([`Resolutions::namesakes`]) or on the command line (`--create-homonyms`).

use super::plan::{
    ExistingMember, ExistingPolicy, ImportContext, PlanRow, Resolutions, RowAction, Target,
    plan_existing,
};
use super::rows::MemberDraft;
use crate::domain::text::list_name;
use chrono::NaiveDate;

/// A household of the garden with the same name as a row, offered for an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namesake {
    /// The member's id.
    pub id: i64,
    /// "NOM Prénom".
    pub name: String,
    /// "NOM Prénom (Gare, 3 rue des Lilas 25000 Besançon)": what tells the two apart.
    pub label: String,
}

/// What the user chose for a row with a namesake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamesakeChoice {
    /// Another household: create it.
    CreateNew,
    /// The same household: update that member with the row.
    Update(i64),
}

/// The namesake as offered: its name, depot and address.
fn namesake_of(existing: &ExistingMember, context: &ImportContext) -> Namesake {
    let m = &existing.member;
    let name = list_name(&m.first_name, &m.last_name);
    let depot = existing.subscription.as_ref().and_then(|s| {
        context
            .depots
            .iter()
            .find(|d| d.id == s.depot_id)
            .map(|d| d.name.clone())
    });
    let address = [&m.address, &m.postcode, &m.city]
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let details: Vec<String> = depot
        .into_iter()
        .chain((!address.is_empty()).then_some(address))
        .collect();
    let label = if details.is_empty() {
        name.clone()
    } else {
        format!("{name} ({})", details.join(", "))
    };
    Namesake {
        id: m.id,
        name,
        label,
    }
}

/// "homonyme de DUPONT Marie (Gare, 3 rue des Lilas)", or "… ou de …" for several.
fn namesakes_text(namesakes: &[Namesake]) -> String {
    let labels: Vec<&str> = namesakes.iter().map(|n| n.label.as_str()).collect();
    format!("homonyme de {}", labels.join(" ou de "))
}

/// Plans a row whose only match in the garden is by name (`namesakes`, at least one): what
/// the user chose for its line, else a new household with `create_namesakes`, else
/// « À vérifier » (nothing written).
pub(super) fn plan_namesake(
    row: &mut PlanRow,
    namesakes: &[&ExistingMember],
    draft: &MemberDraft,
    targets: Option<&(Target, Target)>,
    context: &ImportContext,
    resolutions: &Resolutions,
    today: NaiveDate,
) {
    let offered: Vec<Namesake> = namesakes.iter().map(|e| namesake_of(e, context)).collect();
    let choice = resolutions.namesakes.get(&row.line).copied().or(resolutions
        .create_namesakes
        .then_some(NamesakeChoice::CreateNew));
    let chosen_member = match choice {
        Some(NamesakeChoice::Update(id)) => namesakes.iter().find(|e| e.member.id == id),
        _ => None,
    };
    match (choice, chosen_member) {
        (Some(NamesakeChoice::Update(_)), Some(existing)) => plan_existing(
            row,
            existing,
            draft,
            targets,
            context,
            ExistingPolicy::Update,
            today,
        ),
        (Some(NamesakeChoice::CreateNew), _) => {
            row.notes.push(format!(
                "Nouveau foyer, {} (choisi).",
                namesakes_text(&offered)
            ));
        }
        _ => {
            row.action = RowAction::Check;
            row.notes
                .push(format!("À vérifier : {}.", namesakes_text(&offered)));
        }
    }
    row.namesakes = offered;
}
