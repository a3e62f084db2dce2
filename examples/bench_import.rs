//! Benchmark (not a test): importing 10,000 members with their subscription from a French
//! Excel CSV (Windows-1252, `;`) into the ten-times demo garden (~1,800 members already
//! there, so every row is also compared with them), stage by stage, on a database file.
//!
//! `cargo run --release --example bench_import [-- ROWS]`

use std::time::Instant;

use binette::domain::import::columns::match_headers;
use binette::domain::import::members::{ExistingPolicy, Resolutions, build_plan};
use binette::store::import::{ApplyOptions, apply_member_import, load_context, read_table};
use binette::store::{self, demo};
use chrono::Local;

const DEPOTS: [&str; 6] = [
    "Mairie",
    "Gare",
    "Biocoop",
    "Halle",
    "École",
    "Dépôt du Château",
];
const SIZES: [&str; 3] = ["Petit", "Moyen", "Grand"];
const FREQUENCIES: [&str; 3] = ["Hebdomadaire", "Semaines paires", "Semaines impaires"];

/// A member file as French Excel saves it: Windows-1252, `;`, CRLF.
fn member_file(rows: usize) -> Vec<u8> {
    let mut text =
        String::from("Nom;Prénom;Adresse;CP;Ville;Tél.;E-mail;Dépôt;Panier;Fréquence\r\n");
    for i in 0..rows {
        text.push_str(&format!(
            "Importé{i};Hélène;{} rue des Écoles;7{:04};Saint-Étienne;06 {:02} {:02} {:02} {:02};h{i}@exemple.fr;{};{};{}\r\n",
            i % 90 + 1,
            i % 10_000,
            (i / 1_000_000) % 100,
            (i / 10_000) % 100,
            (i / 100) % 100,
            i % 100,
            DEPOTS[i % DEPOTS.len()],
            SIZES[i % SIZES.len()],
            FREQUENCIES[i % FREQUENCIES.len()],
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10_000);
    let dir = tempfile_dir()?;
    let db = dir.join("bench.sqlite3");
    let csv = dir.join("adherents.csv");
    let _ = std::fs::remove_file(&db);
    std::fs::write(&csv, member_file(rows))?;
    let today = Local::now().date_naive();
    let conn = store::open(&db)?;
    demo::create_demo(&conn, 10, today)?;

    let total = Instant::now();
    let start = Instant::now();
    let (table, format) = read_table(&csv)?;
    let read = start.elapsed();
    let start = Instant::now();
    let mapping = match_headers(&table.headers);
    let context = load_context(&conn, today)?;
    let plan = build_plan(
        &table,
        &mapping,
        &context,
        &Resolutions::default(),
        ExistingPolicy::Update,
        today,
    );
    let preview = start.elapsed();
    let start = Instant::now();
    let report = apply_member_import(&conn, &plan, &ApplyOptions::default())?;
    let apply = start.elapsed();
    println!("{rows} lignes ({format}) dans le jardin de démonstration ×10");
    println!("  lecture du fichier     {read:>10.1?}");
    println!("  aperçu (plan)          {preview:>10.1?}");
    println!("  import (1 transaction) {apply:>10.1?}");
    println!("  total                  {:>10.1?}", total.elapsed());
    println!("  {}", report.summary());
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("binette-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
