//! Paramètres › « Feuilles d'émargement »: the phones tick box, off by default, saved at once;
//! and the identity form refusing a value under its field, keeping what was typed.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::app::settings::show_phones;
use binette::store;
use binette::ui::settings::{Field, Message, Settings};
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
    let stored = |db: &Garden| show_phones(db).unwrap();
    assert!(!stored(&db), "nothing set: no phones");
    click(&mut screen, LABEL);
    assert!(stored(&db));
    click(&mut screen, LABEL);
    assert!(!stored(&db));
}

#[test]
fn a_refused_value_is_said_under_its_field_and_kept() {
    let conn = store::open_in_memory().unwrap();
    let db = Garden::new(conn, "memoire.sqlite3".into());
    let (mut screen, task) = Held::open(&db, chrono::NaiveDate::MIN, Settings::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    apply(
        &mut screen,
        Message::Edited(Field::Name, "Les Lilas".into()),
    );
    apply(&mut screen, Message::Edited(Field::Siret, "123".into()));
    apply(&mut screen, Message::Save);
    let refusal = "Le SIRET doit compter 14 chiffres (vérifiez-le sur un avis de situation INSEE).";
    assert!(shows(&screen, refusal));
    assert!(shows(&screen, "123"), "what was typed stays");
    assert!(
        screen.requests.is_empty(),
        "nothing saved, the title unchanged"
    );
    // Typing again clears the refusal.
    apply(&mut screen, Message::Edited(Field::Siret, String::new()));
    assert!(!shows(&screen, refusal));
    apply(&mut screen, Message::Save);
    assert_eq!(
        screen.requests.len(),
        1,
        "saved: the window's title follows"
    );
}
