//! The émargement sheet's rules: phones only when asked for, donated baskets under one rule
//! written on the legend, absent rows readable in black and white, never a page without rows.
#![allow(clippy::unwrap_used)]

use binette::domain::calendar::IsoWeek;
use binette::report::weekly::emargement_pdf;
use binette::store::sheets::{PrintSet, SHOW_PHONES_KEY, print_set_data};
use binette::store::{Connection, open_in_memory, settings};

fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

/// A Thursday depot; week 2026-W48 (Thursday 26 November). Anne collects 1 Petit; Zoé is
/// away with her basket donated; Paul away, basket not prepared; Luc takes 2.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name, position) VALUES (1, 'Petit', 1);
         INSERT INTO depot (id, name, address, weekday) VALUES (1, 'Mairie', '1 rue Haute', 4);
         INSERT INTO member (id, last_name, first_name, phone, address) VALUES
             (1, 'Martin', 'Anne', '06 11 22 33 44', '3 chemin des Vignes'),
             (2, 'Zimmer', 'Zoé', '', ''), (3, 'Petit', 'Paul', '', ''), (4, 'Leroy', 'Luc', '', '');
         INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-01-01', '2025-12-29'), (2, 1, 1, 1, '2026-01-01', '2025-12-29'),
                    (3, 1, 1, 1, '2026-01-01', '2025-12-29'), (4, 1, 1, 2, '2026-01-01', '2025-12-29');
         INSERT INTO absence (member_id, start_date, end_date, mode) VALUES
             (2, '2026-11-20', '2026-11-30', 'donne'), (3, '2026-11-20', '2026-11-30', 'non_prepare');",
    )
    .unwrap();
    conn
}

fn set(conn: &Connection) -> PrintSet {
    print_set_data(conn, IsoWeek::new(2026, 48).unwrap())
        .unwrap()
        .unwrap()
}

#[test]
fn phones_only_when_the_setting_asks_never_an_address() {
    let conn = garden();
    let text = pages_text(&emargement_pdf(&set(&conn), None).unwrap()).join("\n");
    assert!(!text.contains("06 11 22 33 44"), "{text}");
    assert!(!text.contains("Téléphone"), "{text}");
    settings::set(&conn, SHOW_PHONES_KEY, "1").unwrap();
    let text = pages_text(&emargement_pdf(&set(&conn), None).unwrap()).join("\n");
    assert!(text.contains("06 11 22 33 44"), "{text}");
    assert!(
        !text.contains("chemin des Vignes"),
        "a member's address is never printed"
    );
}

#[test]
fn a_donated_basket_is_prepared_not_handed_over_on_rows_and_totals() {
    let conn = garden();
    let s = set(&conn);
    let sheet = &s.depots[0];
    // Prepared: Anne 1 + Zoé 1 (donated) + Luc 2 = 4 (Paul's is not prepared).
    // Handed over: Anne 1 + Luc 2 = 3; donated 1.
    assert_eq!(sheet.total, 4);
    assert_eq!(sheet.donated, 1);
    assert_eq!(sheet.rows.iter().map(|r| r.baskets).sum::<i64>(), 3);
    let zoe = sheet.rows.iter().find(|r| r.last_name == "Zimmer").unwrap();
    assert_eq!((zoe.baskets, zoe.missed, zoe.donated), (0, 1, 1));
    let paul = sheet.rows.iter().find(|r| r.last_name == "Petit").unwrap();
    assert_eq!((paul.baskets, paul.missed, paul.donated), (0, 1, 0));
    let text = pages_text(&emargement_pdf(&s, None).unwrap()).join("\n");
    assert!(text.contains("ABSENT — panier donné"), "{text}");
    assert!(
        text.contains("4 paniers préparés (Petit 4) : 3 à remettre, 1 donné · 2 absents"),
        "{text}"
    );
    assert!(
        text.contains("« Panier donné » : il est préparé"),
        "legend:\n{text}"
    );
}

#[test]
fn no_page_holds_only_the_closing_lines() {
    // Whatever the number of members, every page of the sheet lists at least one of them.
    for extra in 20..=75 {
        let conn = garden();
        let mut sql = String::new();
        for i in 0..extra {
            sql.push_str(&format!(
                "INSERT INTO member (id, last_name, first_name) VALUES ({id}, 'Nom{i:03}', 'X');
                 INSERT INTO subscription (member_id, size_id, depot_id, start_date, anchor_monday)
                 VALUES ({id}, 1, 1, '2026-01-01', '2025-12-29');",
                id = 100 + i
            ));
        }
        conn.execute_batch(&sql).unwrap();
        let pages = pages_text(&emargement_pdf(&set(&conn), None).unwrap());
        for (p, page) in pages.iter().enumerate() {
            assert!(
                ["Nom0", "Martin", "Zimmer", "Leroy", "Paul"]
                    .iter()
                    .any(|name| page.contains(name)),
                "{extra} extra members: page {} has no row:\n{page}",
                p + 1
            );
        }
        let last = pages.last().unwrap();
        assert!(
            last.contains("à remettre"),
            "closing lines on the last page"
        );
    }
}
