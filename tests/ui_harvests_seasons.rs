//! The Récoltes screen reads the seasons of the period it shows, not the whole history:
//! its figures stay exact when the period moves to seasons it had not read, across the new
//! year, with a read answered late, and in the exports.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::export::ExportFormat;
use binette::domain::harvest_query::{Period, Seasons};
use binette::domain::harvests::{Crop, Destination, Harvest, Unit};
use binette::store::{self, harvests};
use binette::ui::export;
use binette::ui::harvests::entry::ids;
use binette::ui::harvests::list::FilterField;
use binette::ui::harvests::{Field, HarvestExport, Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message; apply, clicked, click, shows, typed, type_enter);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Today: Wednesday 10 June 2026, in ISO week 24 (08/06 to 14/06/2026).
fn today() -> NaiveDate {
    date(2026, 6, 10)
}

/// A garden of six lines in kg over three seasons:
/// - 2024: 05/03 Carotte 7 kg;
/// - 2025: 11/06 Carotte 4 kg, 30/12 Poireau 2 kg;
/// - 2026: 02/01 Carotte 3 kg, 08/06 Poireau 1 kg, 10/06 Carotte 5 kg.
fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    let crop = |name: &str| Crop {
        id: 0,
        name: name.to_owned(),
        family: String::new(),
        default_destination: Destination::Baskets,
        units: vec![],
    };
    let carrot = harvests::insert_crop(&conn, &crop("Carotte")).unwrap();
    let leek = harvests::insert_crop(&conn, &crop("Poireau")).unwrap();
    for (day, crop_id, kg) in [
        (date(2024, 3, 5), carrot, 7.0),
        (date(2025, 6, 11), carrot, 4.0),
        (date(2025, 12, 30), leek, 2.0),
        (date(2026, 1, 2), carrot, 3.0),
        (date(2026, 6, 8), leek, 1.0),
        (date(2026, 6, 10), carrot, 5.0),
    ] {
        let harvest = Harvest {
            id: 0,
            date: day,
            crop_id,
            plot_id: None,
            quantity: kg,
            unit: Unit::Kg,
            destination: Destination::Baskets,
            notes: String::new(),
        };
        harvests::insert_harvest(&conn, &harvest).unwrap();
    }
    Garden::new(conn, std::path::PathBuf::from(":memory:"))
}

fn open(garden: &Garden) -> Held<Screen> {
    let (mut screen, task) = Held::open(garden, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn the_use_case_reads_the_lines_of_the_seasons_asked_only() {
    let garden = garden();
    // 2026: 10/06, 08/06, 02/01, most recent first.
    let data = binette::app::harvests::load(&garden, Seasons::of_year(2026)).unwrap();
    let days: Vec<NaiveDate> = data.lines.iter().map(|l| l.harvest.date).collect();
    assert_eq!(
        days,
        vec![date(2026, 6, 10), date(2026, 6, 8), date(2026, 1, 2)]
    );
    assert_eq!(data.seasons, Seasons::of_year(2026));
    assert_eq!(data.crops.len(), 2);
    // 2024 to 2025: the three lines of those seasons, 31/12/2025 and 01/01/2024 included.
    let both = Seasons::covering(date(2025, 7, 1), date(2024, 2, 1));
    let data = binette::app::harvests::load(&garden, both).unwrap();
    assert_eq!(data.lines.len(), 3);
}

#[test]
fn the_week_shown_then_other_seasons_read_when_the_period_moves() {
    let garden = garden();
    let mut screen = open(&garden);
    // Week 24 of 2026: Poireau 1 kg + Carotte 5 kg = 6 kg.
    assert!(shows(&screen, "2 lignes"));
    assert!(shows(&screen, "Total : 6 kg"));
    // The 2026 season: 3 + 1 + 5 = 9 kg, from the lines already read.
    click(&mut screen, "Saison");
    assert!(shows(&screen, "3 lignes"));
    assert!(shows(&screen, "Total : 9 kg"));
    // The season before, read when asked: 4 + 2 = 6 kg.
    apply(&mut screen, Message::Step(-1));
    assert!(shows(&screen, "du 01/01/2025 au 31/12/2025"));
    assert!(shows(&screen, "2 lignes"));
    assert!(shows(&screen, "Total : 6 kg"));
    // And the one before: 7 kg; then no line in 2023.
    apply(&mut screen, Message::Step(-1));
    assert!(shows(&screen, "1 ligne"));
    assert!(shows(&screen, "Total : 7 kg"));
    apply(&mut screen, Message::Step(-1));
    assert!(shows(&screen, "Aucune récolte pour ces filtres."));
}

#[test]
fn a_week_across_the_new_year_counts_both_seasons() {
    let garden = garden();
    let mut screen = open(&garden);
    click(&mut screen, "Dates choisies");
    // Week 1 of 2026, 29/12/2025 to 04/01/2026: Poireau 2 kg (2025) + Carotte 3 kg (2026).
    apply(
        &mut screen,
        Message::Filter(FilterField::From, "29/12/2025".into()),
    );
    apply(
        &mut screen,
        Message::Filter(FilterField::To, "04/01/2026".into()),
    );
    assert!(shows(&screen, "2 lignes"));
    assert!(shows(&screen, "Total : 5 kg"));
    // The chart is the season of the last day, 2026.
    click(&mut screen, "Totaux");
    assert!(shows(&screen, "Kg récoltés par mois, saison 2026"));
    assert!(shows(&screen, "Total : 5 kg"));
}

#[test]
fn nothing_counted_while_reading_and_a_late_answer_dropped() {
    let garden = garden();
    let mut screen = open(&garden);
    apply(&mut screen, Message::Period(Period::Season));
    // 2025 asked, its answer not run yet: the screen says it reads, counts nothing.
    let read_2025 = screen.update(Message::Step(-1));
    assert!(shows(&screen, "Lecture des récoltes de la période…"));
    assert!(!shows(&screen, "Aucune récolte pour ces filtres."));
    // 2024 asked next, and answered first: 7 kg.
    let read_2024 = screen.update(Message::Step(-1));
    for message in run(read_2024) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "du 01/01/2024 au 31/12/2024"));
    assert!(shows(&screen, "Total : 7 kg"));
    // The 2025 answer, late: dropped, 2024 still shown.
    for message in run(read_2025) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "1 ligne"));
    assert!(shows(&screen, "Total : 7 kg"));
}

#[test]
fn exports_hold_the_period_asked_and_never_a_period_half_read() {
    let garden = garden();
    let mut screen = open(&garden);
    apply(&mut screen, Message::Period(Period::Season));
    apply(&mut screen, Message::Step(-1));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("recoltes.csv");
    let to = |path: &std::path::Path| {
        Message::Export(export::Message::To(
            HarvestExport::List,
            ExportFormat::Csv,
            path.to_path_buf(),
        ))
    };
    apply(&mut screen, to(&out));
    let text = std::fs::read_to_string(&out).unwrap();
    // The two lines of 2025, most recent first, nothing of 2024 or 2026.
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].starts_with("30/12/2025;Poireau;"), "{text}");
    assert!(rows[1].starts_with("11/06/2025;Carotte;"), "{text}");
    // 2024 asked and not read yet: no file.
    let _pending = screen.update(Message::Step(-1));
    let refused = dir.path().join("pendant.csv");
    apply(&mut screen, to(&refused));
    assert!(!refused.exists());
    assert!(shows(
        &screen,
        "Les récoltes de cette période sont en cours de lecture : exportez de nouveau dans un instant."
    ));
}

#[test]
fn a_line_saved_while_its_season_is_read_is_shown_with_it() {
    let garden = garden();
    let mut screen = open(&garden);
    apply(&mut screen, Message::Period(Period::Season));
    // 2025 asked; before it answers, a line of 2 kg of carrots typed for 15/03/2025.
    let read_before = screen.update(Message::Step(-1));
    assert!(shows(&screen, "Lecture des récoltes de la période…"));
    apply(
        &mut screen,
        Message::Typed(Field::Date, "15/03/2025".into()),
    );
    type_enter(&mut screen, ids::CROP, "car");
    type_enter(&mut screen, ids::QUANTITY, "2");
    if shows(&screen, "Enregistrer quand même") {
        // A date long past: confirmed.
        apply(&mut screen, Message::Save);
    }
    assert!(shows(&screen, "Enregistré : Carotte du 15/03/2025, 2 kg."));
    // The season read again after the write: 4 + 2 + 2 = 8 kg over three lines.
    assert!(shows(&screen, "du 01/01/2025 au 31/12/2025"));
    assert!(shows(&screen, "3 lignes"), "the line typed is listed");
    assert!(shows(&screen, "Total : 8 kg"));
    // The read asked before the write answers last: dropped.
    for message in run(read_before) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "3 lignes"));
    assert!(shows(&screen, "Total : 8 kg"));
}
