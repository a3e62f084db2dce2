//! Names a file mentions that the garden does not know yet: create them, map them to an
//! existing one, or refuse their rows.

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
