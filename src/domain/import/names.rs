//! Names a file mentions that the garden does not know yet: create them, map them to an
//! existing one, or refuse their rows.

use crate::domain::text::collation_key;

/// Something the garden already has, known by its name (a depot, a basket size, a crop,
/// a plot…).
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Row id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// What to do with a name (depot, size, crop, plot…) the garden does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameChoice {
    /// Create it during the import.
    Create,
    /// It is this existing one (by id).
    Use(i64),
    /// Refuse the rows that name it.
    Reject,
}

/// A depot, size, crop or plot as a plan uses it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// Already in the database.
    Existing(i64),
    /// Created by the import, with this name.
    New(String),
}

/// The spelling first met of `name` among the names the import creates (`created`), adding
/// `name` when it is new: "Gare" and "GARE" create one depot.
pub fn first_spelling(created: &mut Vec<String>, name: &str) -> String {
    let key = collation_key(name);
    match created.iter().find(|n| collation_key(n) == key) {
        Some(first) => first.clone(),
        None => {
            created.push(name.to_owned());
            name.to_owned()
        }
    }
}
