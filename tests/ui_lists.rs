//! Long lists draw only the rows in view: 5,000 people in the Salariés list, the first
//! rows built and not the others, a scroll of the wheel to the end, and the last row shown.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::employees::EmployeeRow;
use binette::store::open_in_memory;
use binette::ui::employees::{Message, Screen, list};
use binette::ui::rows::Scrolled;
use chrono::NaiveDate;
use common::run;
use iced::mouse::ScrollDelta;
use iced::{Event, mouse};

common::screen_helpers!(Held<Screen>, Message; apply, shows);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// Person `n` of the list: "NOM0042 Prénom0042", in the list's order.
fn person(n: usize) -> EmployeeRow {
    EmployeeRow {
        id: n as i64 + 1,
        last_name: format!("Nom{n:04}"),
        first_name: format!("Prénom{n:04}"),
        pass_numbers: Vec::new(),
        entry_date: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        planned_end: None,
        weekly_hours: Some(26.0),
        referent: String::new(),
        exit_date: None,
        alerts: Vec::new(),
        search_key: format!("nom{n:04} prenom{n:04}"),
    }
}

/// The Salariés screen showing 5,000 people.
fn five_thousand() -> Held<Screen> {
    let db = Garden::new(open_in_memory().unwrap(), ":memory:".into());
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    let rows = (0..5_000).map(person).collect();
    apply(&mut screen, Message::List(list::Message::Loaded(Ok(rows))));
    screen
}

/// What the wheel turned far down over the list sends.
fn wheel_down(screen: &Held<Screen>) -> Vec<Message> {
    let mut ui = iced_test::simulator(screen.view());
    // The list fills the window under the search: well inside it.
    ui.point_at(iced::Point::new(500.0, 600.0));
    ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
        delta: ScrollDelta::Pixels { x: 0.0, y: -1.0e7 },
    })]);
    ui.into_messages().collect()
}

#[test]
fn five_thousand_people_build_only_the_rows_in_view_and_scroll_to_the_last() {
    let mut screen = five_thousand();
    assert!(shows(&screen, "5000 personne(s)"));
    assert!(shows(&screen, "NOM0000"));
    assert!(shows(&screen, "NOM0010"));
    // The 768-pixel window holds about 20 rows of 34: row 100 is far below, not built
    // (the list used to build 300), nor is the last.
    assert!(!shows(&screen, "NOM0100"));
    assert!(!shows(&screen, "NOM4999"));

    let sent = wheel_down(&screen);
    let scrolled: Vec<Scrolled> = sent
        .iter()
        .filter_map(|m| match m {
            Message::List(list::Message::Scrolled(s)) => Some(*s),
            _ => None,
        })
        .collect();
    assert_eq!(scrolled.len(), 1, "the wheel reports where the list is");
    // 5,000 rows of 34 px: the list is 170,000 px high; at its end it shows its last rows.
    assert!(scrolled[0].offset > 160_000.0);
    for message in sent {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "NOM4999"));
    assert!(shows(&screen, "NOM4990"));
    assert!(!shows(&screen, "NOM0000"));
    assert!(!shows(&screen, "NOM4000"));
}

#[test]
fn a_search_shows_its_rows_from_the_top_even_after_a_scroll() {
    let mut screen = five_thousand();
    let end = Scrolled {
        offset: 1.0e7,
        height: 600.0,
    };
    apply(&mut screen, Message::List(list::Message::Scrolled(end)));
    assert!(shows(&screen, "NOM4999"));
    // "Nom4" (accents and case aside) keeps 4000 to 4999: the list starts again at the top.
    apply(
        &mut screen,
        Message::List(list::Message::Search("NÒM4".into())),
    );
    assert!(shows(&screen, "1000 personne(s)"));
    assert!(shows(&screen, "NOM4000"));
    assert!(!shows(&screen, "NOM4999"));
    assert_eq!(screen.list().shown().len(), 1_000);
}
