//! A garden's identity as backups need it: a stable id made once, its name, and whether it
//! is the demonstration. Kept in the `setting` table, so no migration is needed.

use rusqlite::{Connection, OptionalExtension};

use super::error::Result;
use super::settings::{self, keys};
use crate::domain::numbers::format_count;

/// Setting key of the garden's stable id (32 hexadecimal digits, random, never changed).
pub const GARDEN_ID: &str = "garden_id";

/// Which garden a database (or a backup) belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GardenTag {
    /// Stable id; `None` in databases and backups made before ids existed.
    pub id: Option<String>,
    /// The garden's name ("" when never set).
    pub name: String,
    /// True for the demonstration garden.
    pub demo: bool,
}

impl GardenTag {
    /// True when a backup tagged `self` belongs to the garden tagged `garden`. A backup
    /// older than ids belongs to the garden of the same kind (real or demonstration).
    pub fn belongs_to(&self, garden: &GardenTag) -> bool {
        match (&self.id, &garden.id) {
            (Some(mine), Some(theirs)) => mine == theirs,
            (None, _) => self.demo == garden.demo,
            (Some(_), None) => false,
        }
    }

    /// The name to show ("jardin sans nom" when empty), marked for the demonstration.
    pub fn display_name(&self) -> String {
        let name = if self.name.trim().is_empty() {
            "jardin sans nom"
        } else {
            self.name.trim()
        };
        if self.demo {
            format!("{name} (démonstration)")
        } else {
            name.to_owned()
        }
    }
}

/// Gives the garden its stable id when it has none yet; returns the id.
pub fn ensure_garden_id(conn: &Connection) -> Result<String> {
    if let Some(id) = settings::get(conn, GARDEN_ID)? {
        return Ok(id);
    }
    conn.execute(
        "INSERT OR IGNORE INTO setting (key, value) VALUES (?1, lower(hex(randomblob(16))))",
        [GARDEN_ID],
    )?;
    Ok(settings::get(conn, GARDEN_ID)?.unwrap_or_default())
}

/// Gives the garden a new id (a copy of another garden restored here becomes a garden of
/// its own).
pub fn renew_garden_id(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, lower(hex(randomblob(16))))
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [GARDEN_ID],
    )?;
    Ok(())
}

/// Sets the garden's id (a restored backup made before ids keeps the id of its garden).
pub fn set_garden_id(conn: &Connection, id: &str) -> Result<()> {
    settings::set(conn, GARDEN_ID, id)
}

/// Reads which garden the database behind `conn` is (any schema version; read-only).
pub fn tag(conn: &Connection) -> Result<GardenTag> {
    let read = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    };
    Ok(GardenTag {
        id: read(GARDEN_ID)?,
        name: read(keys::GARDEN_NAME)?.unwrap_or_default(),
        demo: read(keys::DEMO)?.as_deref() == Some("1"),
    })
}

/// What a garden holds, to say what a restore brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GardenCounts {
    /// Rows of `member`.
    pub members: i64,
    /// Rows of `employee`.
    pub employees: i64,
    /// Rows of `harvest`.
    pub harvests: i64,
}

impl GardenCounts {
    /// "180 adhérents, 25 salariés, 1 240 récoltes" (thousands grouped as in every count).
    pub fn sentence(&self) -> String {
        let plural = |n: i64, one: &str, many: &str| {
            format!("{} {}", format_count(n), if n > 1 { many } else { one })
        };
        format!(
            "{}, {}, {}",
            plural(self.members, "adhérent", "adhérents"),
            plural(self.employees, "salarié", "salariés"),
            plural(self.harvests, "récolte", "récoltes")
        )
    }
}

/// Counts the garden's members, employees and harvests.
pub fn counts(conn: &Connection) -> Result<GardenCounts> {
    let count = |table: &str| -> Result<i64> {
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })?,
        )
    };
    Ok(GardenCounts {
        members: count("member")?,
        employees: count("employee")?,
        harvests: count("harvest")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sentence_groups_thousands_and_agrees_in_number() {
        // 1992 harvests is "1 992" with the narrow no-break space every count uses; one
        // employee stays singular, zero members too (French: "0 adhérent").
        let counts = GardenCounts {
            members: 0,
            employees: 1,
            harvests: 1992,
        };
        assert_eq!(
            counts.sentence(),
            "0 adhérent, 1 salarié, 1\u{202f}992 récoltes"
        );
        let small = GardenCounts {
            members: 180,
            employees: 25,
            harvests: 999,
        };
        assert_eq!(small.sentence(), "180 adhérents, 25 salariés, 999 récoltes");
    }
}
