//! Unit tests of the parent module.
use super::*;
use crate::domain::harvests::{Crop, CropUnit, Destination, PlotKind, Unit};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::source::{Table, read_csv};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    date(2026, 12, 1)
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
    locate_header(Table {
        headers: strings(headers),
        rows: rows.iter().map(|r| strings(r)).collect(),
        header_line: 1,
    })
}

fn crop(id: i64, name: &str, units: &[(Unit, Option<f64>)]) -> Crop {
    Crop {
        id,
        name: name.into(),
        family: String::new(),
        default_destination: Destination::Baskets,
        units: units
            .iter()
            .map(|(unit, kg)| CropUnit {
                unit: *unit,
                kg_per_unit: *kg,
            })
            .collect(),
    }
}

fn context() -> ImportContext {
    ImportContext {
        crops: vec![
            crop(1, "Épinard", &[]),
            crop(2, "Radis", &[(Unit::Bunch, Some(0.3))]),
            crop(3, "Blette", &[(Unit::Bunch, None)]),
        ],
        plots: vec![Named {
            id: 10,
            name: "Serre 1".into(),
        }],
        lines: vec![ExistingLine {
            date: date(2026, 11, 2),
            crop_id: 1,
            plot_id: Some(10),
            quantity: 4.0,
            unit: Unit::Kg,
        }],
    }
}

fn plan_with(file: &Table, resolutions: &Resolutions, duplicates: DuplicatePolicy) -> Plan {
    let mapping = match_harvest_headers(&file.headers);
    build_plan(&PlanInput {
        file,
        mapping: &mapping,
        context: &context(),
        resolutions,
        duplicates,
        today: today(),
    })
}

fn plan(file: &Table) -> Plan {
    plan_with(file, &Resolutions::default(), DuplicatePolicy::Skip)
}

fn reason(plan: &Plan, line: usize) -> String {
    let row = plan.rows.iter().find(|r| r.line == line).unwrap();
    match &row.action {
        RowAction::Rejected(reason) => reason.clone(),
        other => panic!("line {line} not refused: {other:?}"),
    }
}

#[test]
fn quantities_with_comma_point_and_unit() {
    assert_eq!(parse_quantity_cell("12,5"), Ok((12.5, None)));
    assert_eq!(parse_quantity_cell("12.5"), Ok((12.5, None)));
    assert_eq!(parse_quantity_cell("12,5 kg"), Ok((12.5, Some(Unit::Kg))));
    assert_eq!(parse_quantity_cell("2Kg"), Ok((2.0, Some(Unit::Kg))));
    assert_eq!(
        parse_quantity_cell("3 bottes"),
        Ok((3.0, Some(Unit::Bunch)))
    );
    assert_eq!(
        parse_quantity_cell("1 200 pièces"),
        Ok((1200.0, Some(Unit::Piece)))
    );
    assert_eq!(
        parse_quantity_cell("2 cagettes"),
        Ok((2.0, Some(Unit::Crate)))
    );
    assert_eq!(parse_quantity_cell(""), Err("Quantité manquante.".into()));
    assert!(
        parse_quantity_cell("12 sacs")
            .unwrap_err()
            .contains("unité « sacs » inconnue")
    );
    assert!(
        parse_quantity_cell("beaucoup")
            .unwrap_err()
            .contains("illisible")
    );
    assert!(parse_quantity_cell("kg").unwrap_err().contains("illisible"));
    assert!(
        parse_quantity_cell("1,2,3")
            .unwrap_err()
            .contains("illisible")
    );
    assert!(
        parse_quantity_cell("0")
            .unwrap_err()
            .contains("supérieure à zéro")
    );
    assert!(
        parse_quantity_cell("-3 kg")
            .unwrap_err()
            .contains("négative")
    );
}

#[test]
fn french_titles_are_matched() {
    let mapping = match_harvest_headers(&strings(&[
        "Date de récolte",
        "Légume",
        "Planche",
        "Qté",
        "Unité",
        "Débouché",
        "Remarques",
        "",
    ]));
    use HarvestField::*;
    assert_eq!(
        mapping,
        vec![
            Some(Date),
            Some(Crop),
            Some(Plot),
            Some(Quantity),
            Some(Unit),
            Some(Destination),
            Some(Notes),
            None
        ]
    );
    assert_eq!(mapping_problem(&mapping), None);
    let mapping = match_harvest_headers(&strings(&["Jour", "Produit", "Poids (kg)"]));
    assert_eq!(mapping_problem(&mapping), None);
    let mapping = match_harvest_headers(&strings(&["Date", "Quantité"]));
    assert!(mapping_problem(&mapping).unwrap().contains("culture"));
}

#[test]
fn header_below_a_heading_and_ragged_rows() {
    let (read, _) = read_csv(
        "Relevé des récoltes – novembre\n\
         Date;Légume;Parcelle;Kg;;\n\
         02/11/2026;épinard;serre 1;4,5\n\
         03/11/2026;EPINARD;;2;;;en trop\n"
            .as_bytes(),
    );
    let file = locate_header(read);
    assert_eq!(file.header_line, 2);
    assert_eq!(file.headers[..4], ["Date", "Légume", "Parcelle", "Kg"]);
    let plan = plan(&file);
    assert_eq!(plan.rows.len(), 2);
    assert_eq!(plan.rows[0].line, 3);
    assert_eq!(plan.rows[1].line, 4);
    let first = plan.rows[0].harvest.as_ref().unwrap();
    assert_eq!(first.crop, Target::Existing(1), "accents and case ignored");
    assert_eq!(first.plot, Some(Target::Existing(10)));
    assert_eq!((first.quantity, first.unit), (4.5, Unit::Kg));
    assert_eq!(plan.rows[1].harvest.as_ref().unwrap().plot, None);
    assert_eq!(plan.counts().create, 2);
    assert!(plan.new_crops.is_empty() && plan.new_plots.is_empty());

    // A heading of two cells is read as titles at first: the real titles are found below.
    let (read, _) = read_csv(
        "Relevé des récoltes,Jardin de la Loue\n\n\
         Date,Légume,Quantité\n\
         02/11/2026,Radis,\"2,5\"\n"
            .as_bytes(),
    );
    let file = locate_header(read);
    assert_eq!(file.headers, ["Date", "Légume", "Quantité"]);
    let below = self::plan(&file);
    assert_eq!(below.rows.len(), 1);
    assert_eq!(below.rows[0].line, 4);
    assert_eq!(below.rows[0].harvest.as_ref().unwrap().quantity, 2.5);
}

#[test]
fn rows_are_refused_with_french_reasons() {
    let file = table(
        &["Date", "Culture", "Quantité", "Unité", "Destination"],
        &[
            &["", "Radis", "3", "", ""],
            &["32/11/2026", "Radis", "3", "", ""],
            &["02/12/2026", "Radis", "3", "", ""],
            &["02/11/2026", "", "3", "", ""],
            &["02/11/2026", "Radis", "zéro", "", ""],
            &["02/11/2026", "Radis", "-1", "", ""],
            &["02/11/2026", "Radis", "3", "sacs", ""],
            &["02/11/2026", "Radis", "3 kg", "botte", ""],
            &["02/11/2026", "Radis", "3", "caisse", ""],
            &["02/11/2026", "Radis", "3", "", "marché noir"],
            &["02/11/2026", "Radis", "3", "", "vente"],
        ],
    );
    let plan = plan(&file);
    assert_eq!(reason(&plan, 2), "Date manquante.");
    assert!(reason(&plan, 3).contains("Date illisible : « 32/11/2026 »"));
    assert_eq!(
        reason(&plan, 4),
        "Date dans le futur : 02/12/2026 (nous sommes le 01/12/2026)."
    );
    assert_eq!(reason(&plan, 5), "Culture manquante.");
    assert!(reason(&plan, 6).contains("Quantité illisible : « zéro »"));
    assert!(reason(&plan, 7).contains("négative"));
    assert!(reason(&plan, 8).contains("Unité inconnue : « sacs »"));
    assert!(reason(&plan, 9).contains("Deux unités différentes"));
    assert_eq!(
        reason(&plan, 10),
        "L'unité « caisse » n'est pas prévue pour Radis (unités : kg, botte) : ajoutez-la à la \
         culture dans Récoltes › Cultures, ou indiquez la quantité en kg."
    );
    assert!(reason(&plan, 11).contains("Destination inconnue"));
    let sold = plan.rows.last().unwrap();
    assert_eq!(sold.action, RowAction::Create);
    let harvest = sold.harvest.as_ref().unwrap();
    // No unit: Radis is counted in bunches (its only unit).
    assert_eq!(
        (harvest.unit, harvest.destination),
        (Unit::Bunch, Destination::Sale)
    );
    assert_eq!(sold.summary, "Radis · sans parcelle · 3 bottes · Vente");
    assert_eq!(plan.counts().rejected, 10);
}

#[test]
fn unknown_crops_and_plots_are_created_mapped_or_refused() {
    let file = table(
        &["Date", "Légume", "Parcelle", "Quantité"],
        &[
            &["02/11/2026", "Topinambour", "Tunnel sud", "5"],
            &["02/11/2026", "topinambours", "", "5 bottes"],
            &["02/11/2026", "TOPINAMBOUR", "Champ 3", "2"],
            &["02/11/2026", "Epinards", "Serre 4", "1"],
        ],
    );
    let mapping = match_harvest_headers(&file.headers);
    let ctx = context();
    let input = PlanInput {
        file: &file,
        mapping: &mapping,
        context: &ctx,
        resolutions: &Resolutions::default(),
        duplicates: DuplicatePolicy::Skip,
        today: today(),
    };
    let (crops, plots) = unknown_names(&input);
    assert_eq!(crops, ["Topinambour", "topinambours", "Epinards"]);
    assert_eq!(plots, ["Tunnel sud", "Champ 3", "Serre 4"]);

    let created = build_plan(&input);
    assert_eq!(created.counts().create, 4);
    assert_eq!(
        created.new_crops[0],
        NewCrop {
            name: "Topinambour".into(),
            units: vec![]
        }
    );
    assert_eq!(created.new_crops[1].units, [Unit::Kg, Unit::Bunch]);
    assert_eq!(
        created.new_plots[0],
        NewPlot {
            name: "Tunnel sud".into(),
            kind: PlotKind::Tunnel
        }
    );
    assert_eq!(created.new_plots[2].kind, PlotKind::Greenhouse);
    assert!(created.rows[1].warnings[0].contains("Poids d'une botte de topinambours inconnu"));

    let mut resolutions = Resolutions::default();
    resolutions
        .crops
        .insert("topinambours".into(), NameChoice::Reject);
    resolutions
        .crops
        .insert("epinards".into(), NameChoice::Use(1));
    resolutions
        .plots
        .insert("champ3".into(), NameChoice::Reject);
    resolutions
        .plots
        .insert("serre4".into(), NameChoice::Use(10));
    resolutions
        .crop_units
        .insert("topinambour".into(), Unit::Piece);
    let chosen = plan_with(&file, &resolutions, DuplicatePolicy::Skip);
    assert_eq!(reason(&chosen, 3), "Culture « topinambours » inconnue.");
    assert_eq!(reason(&chosen, 4), "Parcelle « Champ 3 » inconnue.");
    let mapped = chosen.rows[3].harvest.as_ref().unwrap();
    assert_eq!(
        (mapped.crop.clone(), mapped.plot.clone()),
        (Target::Existing(1), Some(Target::Existing(10)))
    );
    // Only what created lines use is created; the usual unit chosen is the crop's.
    assert_eq!(
        chosen.new_crops,
        [NewCrop {
            name: "Topinambour".into(),
            units: vec![Unit::Piece]
        }]
    );
    assert_eq!(chosen.rows[0].harvest.as_ref().unwrap().unit, Unit::Piece);
    assert_eq!(chosen.new_plots.len(), 1);
}

#[test]
fn duplicates_in_the_database_and_in_the_file() {
    let file = table(
        &["Date", "Légume", "Parcelle", "Quantité"],
        &[
            &["02/11/2026", "Épinard", "Serre 1", "4"],
            &["02/11/2026", "épinard", "serre 1", "4,0 kg"],
            &["02/11/2026", "Épinard", "Serre 1", "4"],
        ],
    );
    let skipped = plan(&file);
    assert_eq!(skipped.rows[0].action, RowAction::Skip);
    assert!(skipped.rows[0].warnings[0].contains("Déjà enregistrée"));
    // One saved line answers for one row only: the other two are imported, flagged.
    assert_eq!(skipped.rows[1].action, RowAction::Create);
    assert_eq!(
        skipped.rows[1].warnings,
        ["Identique à la ligne 2 du fichier : vérifiez que ce n'est pas un doublon."]
    );
    assert_eq!(skipped.rows[1].action_label(), "À vérifier");
    let counts = skipped.counts();
    assert_eq!((counts.create, counts.flagged, counts.skip), (2, 2, 1));

    let imported = plan_with(&file, &Resolutions::default(), DuplicatePolicy::Import);
    assert_eq!(imported.counts().create, 3);
    assert!(imported.rows[0].warnings[0].contains("déjà enregistrée"));
}

#[test]
fn rejected_rows_as_csv() {
    let file = table(
        &["Date", "Légume", "Quantité"],
        &[&["02/11/2026", "Radis", "3"], &["demain", "Radis"]],
    );
    let csv = String::from_utf8(plan(&file).rejected_csv()).unwrap();
    assert!(
        csv.contains("Ligne;Date;Légume;Quantité;Motif du refus"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "3;demain;Radis;;Date illisible : « demain » (attendu : 28/11/2026 ou 2026-11-28)."
        ),
        "{csv}"
    );
    assert!(!csv.contains("02/11/2026"));
}

#[test]
fn units_and_destinations_as_offices_write_them() {
    assert_eq!(parse_unit("Kilos"), Some(Unit::Kg));
    assert_eq!(parse_unit("pcs"), Some(Unit::Piece));
    assert_eq!(parse_unit("Bottes"), Some(Unit::Bunch));
    assert_eq!(parse_unit("cageot"), Some(Unit::Crate));
    assert_eq!(parse_unit("litre"), None);
    assert_eq!(parse_destination("Transfo"), Some(Destination::Processing));
    assert_eq!(parse_destination("autoconso"), Some(Destination::OwnUse));
    assert_eq!(parse_destination("PANIERS"), Some(Destination::Baskets));
    assert_eq!(title_unit("Poids (kg)"), Some(Unit::Kg));
    assert_eq!(title_unit("Quantité"), None);
    assert_eq!(quantity_text(12.5, Unit::Kg), "12,5 kg");
    assert_eq!(quantity_text(1.5, Unit::Bunch), "1,5 botte");
    assert_eq!(quantity_text(3.0, Unit::Piece), "3 pièces");
}
