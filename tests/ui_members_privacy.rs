//! A household's « Protection des données » card driven headless: « Anonymiser le foyer… »
//! refused while the household is still subscribed, then, for a household gone long ago,
//! the question says what is erased and kept, and the page shows « Foyer anonymisé n° 2 ».

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::store;
use binette::ui::members::household::{self as page, PrivacyMessage};
use binette::ui::members::{Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message; clicked, click, shows);

fn apply(screen: &mut Held<Screen>, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        queue.extend(run(screen.update(message)));
    }
}

/// Anne subscribes since 2026 (current); Luc left: his only membership was for 2020,
/// retention 3 years after 31/12/2020 ended on 31/12/2023, long before 8 October 2026.
fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name, phone, status) VALUES
             (1, 'Martin', 'Anne', '06 11 11 11 11', 'actif'),
             (2, 'Leroy', 'Luc', '06 22 22 22 22', 'parti');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-28', '2026-09-28');
         INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
             VALUES (2, 2020, 2000, '2020-03-02', 'cheque');",
    )
    .unwrap();
    Garden::new(conn, ":memory:".into())
}

/// The card sits at the bottom of the page, below the simulator's window: its buttons are
/// pressed by their messages.
fn press(screen: &mut Held<Screen>, message: PrivacyMessage) {
    apply(screen, Message::Household(page::Message::Privacy(message)));
}

fn open(db: &Garden) -> Held<Screen> {
    let today = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
    let (mut screen, task) = Held::open(db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn a_current_household_cannot_be_anonymised_one_gone_long_ago_can() {
    let db = garden();
    let mut screen = open(&db);
    click(&mut screen, "MARTIN Anne");
    press(&mut screen, PrivacyMessage::Ask);
    let current = binette::ui::privacy::anonymise_warning(
        &binette::app::privacy::retention::Standing::Current,
        page::CURRENT_HOUSEHOLD,
    );
    assert!(shows(
        &screen,
        &format!("{}{}", current.1, binette::app::privacy::anonymise::BACKUP)
    ));
    // « Oui, anonymiser » is offered, disabled.
    assert!(shows(&screen, "Oui, anonymiser"));
    press(&mut screen, PrivacyMessage::Cancel);

    click(&mut screen, "← Liste des adhérents");
    click(&mut screen, "LEROY Luc");
    press(&mut screen, PrivacyMessage::Ask);
    assert!(shows(
        &screen,
        &format!(
            "La durée de conservation de ce dossier est passée. {}",
            binette::app::privacy::anonymise::BACKUP
        )
    ));
    assert!(shows(&screen, binette::app::privacy::anonymise::ERASED));
    press(&mut screen, PrivacyMessage::Confirm);
    assert!(shows(&screen, "FOYER ANONYMISÉ N° 2"));
    assert!(!shows(&screen, "06 22 22 22 22"));
    // Nothing of Anne changed.
    click(&mut screen, "← Liste des adhérents");
    click(&mut screen, "MARTIN Anne");
    assert!(shows(&screen, "06 11 11 11 11"));
}
