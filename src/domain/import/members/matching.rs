//! Matching a row with a member the garden already has, and merging the row into it.

use super::rows::phone_key;
use crate::domain::baskets::Member;
use crate::domain::text::collation_key;

/// The key two spellings of the same name share: last name and first name, collated.
pub(super) fn name_key(member: &Member) -> String {
    format!(
        "{}|{}",
        collation_key(&member.last_name),
        collation_key(&member.first_name)
    )
}

/// Phone numbers (normalised) and e-mail (lower case) of a member, as keys.
fn contact_keys(member: &Member) -> Vec<String> {
    let mut keys: Vec<String> = [&member.phone, &member.phone2]
        .into_iter()
        .map(|p| phone_key(p))
        .filter(|k| !k.is_empty())
        .map(|k| format!("tel:{k}"))
        .collect();
    let email = member.email.trim().to_lowercase();
    if !email.is_empty() {
        keys.push(format!("mail:{email}"));
    }
    keys
}

/// Same household: same name, and a phone number or the e-mail in common.
pub fn same_member(a: &Member, b: &Member) -> bool {
    name_key(a) == name_key(b) && {
        let b_keys = contact_keys(b);
        contact_keys(a).iter().any(|k| b_keys.contains(k))
    }
}

/// Same household when neither side has a phone or an e-mail to compare: same name, and
/// the same address (accents, case and spaces ignored) or the same depot. Without this, a
/// member with no contact was created again at each import of the same file.
pub fn same_member_without_contact<T: PartialEq>(
    a: &Member,
    b: &Member,
    a_depot: Option<&T>,
    b_depot: Option<&T>,
) -> bool {
    let address = |m: &Member| collation_key(&format!("{} {}", m.address, m.postcode));
    name_key(a) == name_key(b)
        && contact_keys(a).is_empty()
        && contact_keys(b).is_empty()
        && ((!address(a).trim().is_empty() && address(a) == address(b))
            || a_depot.is_some_and(|d| b_depot == Some(d)))
}

/// A text field of a member, to compare and copy.
type FieldSlot = fn(&mut Member) -> &mut String;

/// `existing` with the non-empty values of `draft` that differ, and a French line per change.
pub(super) fn merge(existing: &Member, draft: &Member) -> (Member, Vec<String>) {
    let mut merged = existing.clone();
    let mut changes = Vec::new();
    // The name is what matched: the database's spelling is kept.
    let fields: [(&str, FieldSlot); 8] = [
        ("Co-adhérent(e)", |m| &mut m.co_member),
        ("Adresse", |m| &mut m.address),
        ("Code postal", |m| &mut m.postcode),
        ("Ville", |m| &mut m.city),
        ("Téléphone", |m| &mut m.phone),
        ("Téléphone 2", |m| &mut m.phone2),
        ("E-mail", |m| &mut m.email),
        ("Notes", |m| &mut m.notes),
    ];
    let mut draft = draft.clone();
    for (label, field) in fields {
        let new = field(&mut draft).clone();
        let slot = field(&mut merged);
        let same = if label.starts_with("Téléphone") {
            phone_key(slot) == phone_key(&new)
        } else {
            *slot == new
        };
        if !new.is_empty() && !same {
            if slot.is_empty() {
                changes.push(format!("{label} : (vide) → « {new} »"));
            } else {
                changes.push(format!("{label} : « {slot} » → « {new} »"));
            }
            *slot = new;
        }
    }
    (merged, changes)
}

/// The member a planned update writes: the existing one with the row's non-empty values.
pub fn merged_member(existing: &Member, draft: &Member) -> Member {
    merge(existing, draft).0
}
