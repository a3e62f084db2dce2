//! The first steps of a new garden, from its name to a first printed sheet: what Accueil's
//! checklist ticks as the garden fills.

use rusqlite::Connection;

use super::Result;
use super::settings::{self, keys};

/// Setting: when the weekly sheets were last printed ("2026-12-05 08:30").
pub const SHEETS_PRINTED_KEY: &str = "sheets_last_printed";

/// Which first steps are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FirstSteps {
    /// The garden has a name (Paramètres).
    pub named: bool,
    /// A logo is set (optional: shown, never required for the rest).
    pub logo: bool,
    /// At least one active depot.
    pub depots: bool,
    /// At least one active basket size with a price.
    pub sizes: bool,
    /// At least one subscription (members imported or added, with their basket).
    pub members: bool,
    /// A basket composition was typed once.
    pub composition: bool,
    /// The weekly sheets were printed once.
    pub printed: bool,
    /// The demonstration garden (filled already: no checklist).
    pub demo: bool,
}

impl FirstSteps {
    /// True when every step that matters is done (the logo is optional), or in the
    /// demonstration garden.
    pub fn all_done(&self) -> bool {
        self.demo
            || self.named
                && self.depots
                && self.sizes
                && self.members
                && self.composition
                && self.printed
    }
}

/// Reads which first steps are done.
pub fn first_steps(conn: &Connection) -> Result<FirstSteps> {
    let any = |sql: &str| -> Result<bool> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let setting = |key: &str| -> Result<bool> {
        Ok(settings::get(conn, key)?.is_some_and(|v| !v.trim().is_empty()))
    };
    Ok(FirstSteps {
        named: setting(keys::GARDEN_NAME)?,
        logo: setting(keys::LOGO_PATH)?,
        depots: any("SELECT EXISTS (SELECT 1 FROM depot WHERE active = 1)")?,
        sizes: any(
            "SELECT EXISTS (SELECT 1 FROM basket_size s JOIN basket_price p ON p.size_id = s.id
                            WHERE s.active = 1)",
        )?,
        members: any("SELECT EXISTS (SELECT 1 FROM subscription)")?,
        composition: any("SELECT EXISTS (SELECT 1 FROM composition_item)")?,
        printed: setting(SHEETS_PRINTED_KEY)?,
        demo: settings::is_demo(conn)?,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ticks_as_the_garden_fills() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(first_steps(&conn).unwrap(), FirstSteps::default());
        conn.execute_batch(
            "INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin des Prés');
             INSERT INTO depot (id, name, weekday) VALUES (1, 'La Gare', 3);
             INSERT INTO basket_size (id, name) VALUES (1, 'Petit');",
        )
        .unwrap();
        let steps = first_steps(&conn).unwrap();
        assert!(steps.named && steps.depots);
        // A size without a price does not count yet.
        assert!(!steps.sizes && !steps.logo && !steps.members);
        conn.execute_batch(
            "INSERT INTO basket_price (size_id, valid_from, price_cents)
                 VALUES (1, '2026-01-01', 1000);
             INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne');
             INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date,
                                       frequency, anchor_monday)
                 VALUES (1, 1, 1, 1, '2026-01-01', 'hebdo', '2025-12-29');
             INSERT INTO crop (id, name) VALUES (1, 'Poireau');
             INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
                 VALUES ('2026-11-23', 1, 1, 1.0, 'kg');",
        )
        .unwrap();
        let steps = first_steps(&conn).unwrap();
        assert!(steps.sizes && steps.members && steps.composition);
        assert!(!steps.all_done());
        settings::set(&conn, SHEETS_PRINTED_KEY, "2026-12-05 08:30").unwrap();
        assert!(first_steps(&conn).unwrap().all_done());
    }
}
