//! The Adhérents screen driven headless: a member with a subscription and an absence, and
//! the right weeks in their coming baskets.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::baskets::{BasketPrice, BasketSize, Depot};
use binette::store::{self, baskets};
use binette::ui::members::{Message, Screen, ids, list};
use chrono::{NaiveDate, Weekday};
use common::run;

common::screen_helpers!(Held<Screen>, Message; apply, clicked, click, shows, typed);

/// Types `text` in the input `id` and applies whatever it sends (possibly nothing).
fn type_in(screen: &mut Held<Screen>, id: &'static str, text: &str) {
    for message in typed(screen, id, 0, text, false) {
        apply(screen, message);
    }
}

fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    let size = baskets::insert_basket_size(
        &conn,
        &BasketSize {
            id: 0,
            name: "Petit".into(),
            persons: "2 personnes".into(),
            position: 1,
            active: true,
        },
    )
    .unwrap();
    baskets::insert_basket_price(
        &conn,
        &BasketPrice {
            id: 0,
            size_id: size,
            valid_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            price: 1000,
        },
    )
    .unwrap();
    baskets::insert_depot(&conn, &Depot::new("Mairie", Weekday::Fri)).unwrap();
    Garden::new(conn, "memoire.sqlite3".into())
}

#[test]
fn a_member_with_a_subscription_and_an_absence_sees_the_right_weeks() {
    let db = garden();
    // Monday 2 March 2026.
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let (mut screen, task) = Held::open(&db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "0 foyer(s) sur 0"));

    click(&mut screen, "Nouvel adhérent");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Le nom de l'adhérent est obligatoire."));
    type_in(&mut screen, ids::LAST_NAME, "Martin");
    type_in(&mut screen, ids::FIRST_NAME, "Anne");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "MARTIN Anne"), "the new member's page opens");
    assert!(shows(
        &screen,
        "Aucun panier prévu dans les semaines à venir."
    ));

    // A weekly subscription from today, on the only size and depot.
    click(&mut screen, "Nouvel abonnement");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Abonnement enregistré."));
    assert!(shows(&screen, "1 × Petit à Mairie, depuis le 02/03/2026"));
    assert!(shows(
        &screen,
        "vendredi 13 mars 2026 à Mairie : 1 panier Petit"
    ));

    // Away the week of 9 March: that Friday is not prepared, the next ones come back.
    click(&mut screen, "Nouvelle absence");
    type_in(&mut screen, ids::ABS_START, "09/03/2026");
    type_in(&mut screen, ids::ABS_END, "15/03/2026");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Absence enregistrée."));
    assert!(shows(
        &screen,
        "vendredi 6 mars 2026 à Mairie : 1 panier Petit"
    ));
    assert!(shows(
        &screen,
        "vendredi 13 mars 2026 à Mairie : absent, panier non préparé"
    ));
    assert!(!shows(
        &screen,
        "vendredi 13 mars 2026 à Mairie : 1 panier Petit"
    ));
    assert!(shows(
        &screen,
        "vendredi 20 mars 2026 à Mairie : 1 panier Petit"
    ));

    // An overlapping absence is refused with a French message, the form stays open.
    click(&mut screen, "Nouvelle absence");
    type_in(&mut screen, ids::ABS_START, "14/03/2026");
    type_in(&mut screen, ids::ABS_END, "20/03/2026");
    click(&mut screen, "Enregistrer");
    assert!(shows(
        &screen,
        "Cette absence chevauche celle du 09/03/2026 au 15/03/2026 : modifiez plutôt celle-ci."
    ));
    assert!(shows(&screen, "Annuler"), "the form is still open");
    assert!(shows(
        &screen,
        "vendredi 20 mars 2026 à Mairie : 1 panier Petit"
    ));

    // Back to the list: the member is there, searchable as you type.
    click(&mut screen, "Annuler");
    click(&mut screen, "← Liste des adhérents");
    assert!(shows(&screen, "1 foyer(s) sur 1"));
    type_in(&mut screen, ids::SEARCH, "mart");
    assert!(shows(&screen, "1 foyer(s) sur 1"));
    type_in(&mut screen, ids::SEARCH, "x");
    assert!(shows(&screen, "0 foyer(s) sur 1"));
    // Enter opens the household only when the search finds exactly one.
    press_enter_in_search(&mut screen);
    assert!(!shows(&screen, "← Liste des adhérents"));
    apply(
        &mut screen,
        Message::List(list::Message::Search("ANNE mart".into())),
    );
    press_enter_in_search(&mut screen);
    assert!(shows(&screen, "← Liste des adhérents"));
    assert!(shows(&screen, "Nouvelle absence"));
}

fn press_enter_in_search(screen: &mut Held<Screen>) {
    for message in typed(screen, ids::SEARCH, 0, "", true) {
        apply(screen, message);
    }
}
