//! The whole weekly print set for 1,000 members in 20 depots: time to assemble the data, to
//! render every PDF, and their sizes. Run with
//! `cargo run --release --example bench_sheets`.

use std::time::Instant;

use binette::domain::calendar::IsoWeek;
use binette::report::weekly::render_print_set;
use binette::store::sheets::print_set_data;

const MEMBERS: usize = 1_000;
const DEPOTS: usize = 20;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = binette::store::open_in_memory()?;
    let first = [
        "Élodie",
        "Zoé",
        "François",
        "Hélène",
        "Noël",
        "Jérôme",
        "Aïcha",
        "Luc",
    ];
    let last = [
        "Lefèvre", "N'Diaye", "Müller", "Étienne", "Dupont", "Garçon", "Œuvray",
    ];
    let mut sql = String::from(
        "BEGIN;
         INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin de Cocagne des Prés');
         INSERT INTO basket_size (id, name, persons, position) VALUES
             (1, 'Petit', '2 personnes', 1), (2, 'Grand', '4 personnes', 2),
             (3, 'Familial', '6 personnes', 3);
         INSERT INTO crop (id, name) VALUES (1, 'Poireau'), (2, 'Carotte'), (3, 'Mâche'),
             (4, 'Courge'), (5, 'Céleri-rave'), (6, 'Chou');",
    );
    for d in 0..DEPOTS {
        sql.push_str(&format!(
            "INSERT INTO depot (id, name, address, postcode, city, weekday, slot_start, slot_end)
             VALUES ({}, 'Dépôt n° {} – Salle des fêtes', '{} rue de l''Église', '25000', 'Besançon', {}, '17:00', '19:00');",
            d + 1,
            d + 1,
            d + 1,
            d % 5 + 1
        ));
    }
    for m in 0..MEMBERS {
        sql.push_str(&format!(
            "INSERT INTO member (id, last_name, first_name, phone) VALUES ({id}, '{} {m}', '{}', '06 12 34 56 78');
             INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES ({id}, {}, {}, {}, '2026-01-01', '2025-12-29');",
            last[m % last.len()].replace('\'', "''"),
            first[m % first.len()],
            m % 3 + 1,
            m % DEPOTS + 1,
            1 + (m % 17 == 0) as usize,
            id = m + 1,
        ));
        if m % 23 == 0 {
            sql.push_str(&format!(
                "INSERT INTO absence (member_id, start_date, end_date, mode)
                 VALUES ({}, '2026-11-20', '2026-11-30', 'non_prepare');",
                m + 1
            ));
        }
    }
    for size in 1..=3 {
        for crop in 1..=6 {
            sql.push_str(&format!(
                "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
                 VALUES ('2026-11-23', {size}, {crop}, {}, 'kg');",
                0.5 * size as f64
            ));
        }
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql)?;
    let week = IsoWeek::new(2026, 48).ok_or("semaine")?;

    let mut best = (f64::MAX, f64::MAX);
    let mut files = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let set = print_set_data(&conn, week)?.ok_or("pas de livraison")?;
        let data = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        files = render_print_set(&set)?;
        let render = start.elapsed().as_secs_f64() * 1000.0;
        best = (best.0.min(data), best.1.min(render));
    }
    println!("{MEMBERS} adhérents, {DEPOTS} dépôts, semaine {week}");
    println!("données : {:.1} ms", best.0);
    println!("PDF     : {:.1} ms", best.1);
    println!("total   : {:.1} ms (objectif < 300 ms)", best.0 + best.1);
    let mut total = 0;
    for file in &files {
        let pages = lopdf::Document::load_mem(&file.bytes)?.get_pages().len();
        total += file.bytes.len();
        if !file.name.starts_with("emargement-depot")
            || file.name.ends_with("-1-salle-des-fetes.pdf")
        {
            println!(
                "  {:<45} {:>7} octets, {pages} pages",
                file.name,
                file.bytes.len()
            );
        }
    }
    println!("  ({} fichiers, {} octets en tout)", files.len(), total);
    Ok(())
}
