//! Paramètres › « Feuilles d'émargement »: the phones tick box, off by default, saved at once.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::store::{self, settings, sheets::SHOW_PHONES_KEY};
use binette::ui::settings::{Message, Settings};
use common::run;

fn apply(screen: &mut Held<Settings>, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        queue.extend(run(screen.update(message)));
    }
}

common::screen_helpers!(Held<Settings>, Message; shows);

/// Clicks `label` on a window tall enough to show the whole page (no scrolling).
fn click(screen: &mut Held<Settings>, label: &str) {
    let mut ui = iced_test::Simulator::with_size(
        iced_test::core::Settings::default(),
        (1024.0, 3000.0),
        screen.view(),
    );
    ui.click(label).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking « {label} » did nothing");
    for message in messages {
        apply(screen, message);
    }
}

const LABEL: &str = "Imprimer les téléphones des adhérents sur les feuilles d'émargement";

#[test]
fn phones_on_sheets_are_off_by_default_and_saved_when_ticked() {
    let conn = store::open_in_memory().unwrap();
    let db = Garden::new(conn, "memoire.sqlite3".into());
    let (mut screen, task) = Held::open(&db, chrono::NaiveDate::MIN, Settings::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Feuilles d'émargement"));
    assert!(shows(&screen, LABEL));
    let stored = |db: &Garden| db.with(|c| settings::get(c, SHOW_PHONES_KEY)).unwrap();
    assert_eq!(stored(&db), None, "nothing set: no phones");
    click(&mut screen, LABEL);
    assert_eq!(stored(&db).as_deref(), Some("1"));
    click(&mut screen, LABEL);
    assert_eq!(stored(&db).as_deref(), Some("0"));
}
