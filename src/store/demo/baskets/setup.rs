//! The fixed part of the round: basket sizes with their prices, depots and funders.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use crate::store::Result;
use crate::store::demo::ymd;

/// Sizes: name, persons, price before and after 1 January of the current year (cents).
const SIZES: &[(&str, &str, i64, i64)] = &[
    ("Petit", "2 personnes", 1000, 1050),
    ("Grand", "4 personnes", 1500, 1550),
    ("Familial", "5–6 personnes", 2000, 2100),
];

/// Depots: name, address, postcode, city, ISO weekday, slot, contact, phone, capacity,
/// weight when spreading members.
type DepotDef = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    u32,
);
pub(super) const DEPOTS: &[DepotDef] = &[
    (
        "Ornans – Épicerie du Centre",
        "3 rue Pierre Vernier",
        "25290",
        "Ornans",
        2,
        "16:30",
        "19:00",
        "Josiane Cuenot",
        "03 81 57 20 14",
        60,
        30,
    ),
    (
        "Besançon – Maison de quartier Battant",
        "22 rue de la Madeleine",
        "25000",
        "Besançon",
        3,
        "17:00",
        "19:30",
        "Karim Haddad",
        "03 81 81 42 07",
        50,
        25,
    ),
    (
        "Quingey – Salle des fêtes",
        "place de la Mairie",
        "25440",
        "Quingey",
        4,
        "17:00",
        "19:00",
        "Hélène Jeannin",
        "06 71 22 35 48",
        35,
        15,
    ),
    (
        "Au jardin – Vuillafans",
        "12 chemin de la Source",
        "25840",
        "Vuillafans",
        5,
        "15:00",
        "18:30",
        "Thomas Girard",
        "06 12 45 78 21",
        40,
        15,
    ),
    (
        "Amancey – Halle du marché",
        "grande rue",
        "25330",
        "Amancey",
        6,
        "09:30",
        "12:00",
        "Benoît Courvoisier",
        "06 08 91 63 27",
        35,
        15,
    ),
];

/// Funders: name, kind.
const FUNDERS: &[(&str, &str)] = &[
    ("CAF du Doubs", "caf"),
    ("MSA Franche-Comté", "msa"),
    ("CCAS d'Ornans", "ccas"),
    ("Département du Doubs", "departement"),
    ("Réseau Cocagne", "reseau"),
];

/// Funding splits: (index in FUNDERS, percent), summing to 100.
pub(super) const SPLITS: &[&[(usize, i64)]] = &[
    &[(0, 50), (3, 50)],
    &[(2, 40), (4, 30), (3, 30)],
    &[(1, 60), (4, 40)],
    &[(0, 34), (2, 33), (4, 33)],
    &[(3, 70), (4, 30)],
];

pub(super) const SOCIAL_WORKERS: &[(&str, &str)] = &[
    (
        "Mme Dupuis, assistante sociale",
        "Maison départementale des solidarités d'Ornans",
    ),
    (
        "M. Rolland, conseiller en économie sociale et familiale",
        "CCAS d'Ornans",
    ),
    ("Mme Saïdi, travailleuse sociale", "CAF du Doubs"),
    ("Mme Bôle, assistante sociale MSA", "MSA Franche-Comté"),
    (
        "M. Lacroix, bénévole référent",
        "Secours populaire – antenne d'Ornans",
    ),
];

/// Sizes with last year's and this year's prices; a garden that has lived more seasons also
/// has the price of its first season, one euro less.
pub(super) fn create_sizes(
    conn: &Connection,
    year: i32,
    past_seasons: i64,
    today: NaiveDate,
) -> Result<Vec<i64>> {
    let mut size_stmt = conn.prepare(
        "INSERT INTO basket_size (name, persons, position, active) VALUES (:name, :persons, :pos, 1)",
    )?;
    let mut price_stmt = conn.prepare(
        "INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (:s, :from, :price)",
    )?;
    let mut ids = Vec::new();
    for (position, &(name, persons, old, new)) in SIZES.iter().enumerate() {
        let id = size_stmt.insert(
            named_params! {":name": name, ":persons": persons, ":pos": position as i64 + 1},
        )?;
        if past_seasons > 0 {
            let first = ymd(year - 2 - past_seasons as i32, 1, 1, today);
            price_stmt.execute(named_params! {":s": id, ":from": first, ":price": old - 100})?;
        }
        price_stmt.execute(
            named_params! {":s": id, ":from": ymd(year - 2, 1, 1, today), ":price": old},
        )?;
        price_stmt
            .execute(named_params! {":s": id, ":from": ymd(year, 1, 1, today), ":price": new})?;
        ids.push(id);
    }
    Ok(ids)
}

pub(super) fn create_depots(conn: &Connection, scale: u32) -> Result<Vec<(i64, u32)>> {
    let mut stmt = conn.prepare(
        "INSERT INTO depot (name, address, postcode, city, weekday, slot_start, slot_end,
             contact_name, contact_phone, capacity, active)
         VALUES (:name, :address, :postcode, :city, :weekday, :start, :end, :contact, :phone,
             :capacity, 1)",
    )?;
    let mut ids = Vec::new();
    for &(name, address, postcode, city, weekday, start, end, contact, phone, capacity, _) in DEPOTS
    {
        let id = stmt.insert(named_params! {
            ":name": name, ":address": address, ":postcode": postcode, ":city": city,
            ":weekday": weekday, ":start": start, ":end": end, ":contact": contact,
            ":phone": phone, ":capacity": capacity * i64::from(scale),
        })?;
        ids.push((id, weekday));
    }
    Ok(ids)
}

pub(super) fn create_funders(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("INSERT INTO funder (name, kind, active) VALUES (:name, :kind, 1)")?;
    let mut ids = Vec::new();
    for &(name, kind) in FUNDERS {
        ids.push(stmt.insert(named_params! {":name": name, ":kind": kind})?);
    }
    Ok(ids)
}
