//! A household's « Compte » driven headless through the Adhérents screen: the balance in
//! the list and its « Soldes débiteurs » filter, a payment recorded (an error beside its
//! field first, what was typed kept), its receipt read back, its cancellation, a series of
//! cheques with the preview of its dates; and Accueil's « Soldes à régulariser ».

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::store;
use binette::ui::members::household::account::{self, Doc, Field};
use binette::ui::members::household::{self as page};
use binette::ui::members::{Message, Screen};
use binette::ui::screen::Request;
use binette::ui::section::Section;
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message; clicked, click, shows, typed, type_in);

/// Applies `message` and what its tasks produce, never opening a file in the system's
/// viewer (the message that would is dropped).
fn apply(screen: &mut Held<Screen>, message: Message) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if let Message::Household(page::Message::Account(account::Message::OpenFile(_))) = &message
        {
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
}

fn account_message(message: account::Message) -> Message {
    Message::Household(page::Message::Account(message))
}

/// A Wednesday depot, Petit at 12,50 €; Anne subscribes weekly from Monday 28 September
/// 2026 (baskets on Wednesdays 30/09 and 07/10 before Thursday 8 October: 25,00 € owed);
/// Luc has no subscription (no balance).
fn garden() -> Garden {
    garden_with(None)
}

/// The same garden, with the `debt_alert_cents` setting when given.
fn garden_with(threshold: Option<&str>) -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2026-01-01', 1250);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne'), (2, 'Leroy', 'Luc');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-28', '2026-09-28');",
    )
    .unwrap();
    if let Some(value) = threshold {
        store::settings::set(&conn, "debt_alert_cents", value).unwrap();
    }
    Garden::new(conn, "memoire.sqlite3".into())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 8).unwrap()
}

fn open(db: &Garden) -> Held<Screen> {
    let (mut screen, task) = Held::open(db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

fn euros(text: &str) -> String {
    text.replace(" €", "\u{a0}€")
}

fn text_of(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_list_shows_balances_and_filters_the_households_owing() {
    let db = garden();
    let mut screen = open(&db);
    assert!(shows(&screen, "2 foyer(s) sur 2"));
    // Anne: 2 × 12,50 = 25,00 € owed; Luc: no line on his account.
    assert!(shows(&screen, &euros("-25,00 €")));
    assert!(shows(&screen, "—"));
    click(&mut screen, "Soldes débiteurs");
    assert!(shows(&screen, "1 foyer(s) sur 2"));
    assert!(!shows(&screen, "LEROY Luc"));
    assert!(shows(&screen, "MARTIN Anne"));
}

#[test]
fn a_payment_is_recorded_receipted_and_cancelled_from_the_account() {
    let db = garden();
    let mut screen = open(&db);
    click(&mut screen, "MARTIN Anne");
    click(&mut screen, "Compte");
    assert!(shows(
        &screen,
        &euros("Le foyer doit 25,00 € au 08/10/2026.")
    ));
    assert!(
        !screen
            .household()
            .account()
            .account()
            .unwrap()
            .lines
            .is_empty()
    );
    // No reminder before… it owes: offered.
    assert!(shows(&screen, "Lettre de relance"));

    click(&mut screen, "Enregistrer un paiement");
    type_in(&mut screen, Field::Number.id(), "1234567");
    type_in(&mut screen, Field::Bank.id(), "La Poste");
    click(&mut screen, "Enregistrer");
    // Refused beside the amount, what was typed kept.
    assert!(shows(
        &screen,
        "Tapez un montant supérieur à zéro, comme 52 ou 12,50."
    ));
    assert!(matches!(
        screen.household().account().form(),
        account::Form::Payment(f) if f.number == "1234567" && f.bank == "La Poste"
    ));
    // Enter in the amount saves.
    for message in typed(&screen, Field::Amount.id(), 0, "20", true) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Règlement enregistré."));
    // 25,00 − 20,00 = 5,00 € owed.
    assert!(shows(
        &screen,
        &euros("Le foyer doit 5,00 € au 08/10/2026.")
    ));
    let acc = screen.household().account().account().unwrap();
    assert_eq!(acc.balance, -500);
    let id = acc.payments[0].id;

    // Its receipt, written where the dialog would have said.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recu.pdf");
    apply(
        &mut screen,
        account_message(account::Message::WriteTo(Doc::Receipt(id), path.clone())),
    );
    let text = text_of(&path);
    assert!(
        text.contains("MARTINAnnelasommede20,00"),
        "receipt says: {text}"
    );
    assert!(text.contains("n°1234567(LaPoste)"), "{text}");

    // Cancelled with a reason: kept, marked, out of the balance.
    click(&mut screen, "Annuler");
    type_in(&mut screen, account::ids::REASON, "Chèque sans provision");
    click(&mut screen, "Annuler ce règlement");
    assert!(shows(
        &screen,
        "Règlement annulé (il reste dans la liste, marqué)."
    ));
    assert!(shows(
        &screen,
        &euros("Le foyer doit 25,00 € au 08/10/2026.")
    ));
    assert!(shows(
        &screen,
        "annulé le 08/10/2026 : Chèque sans provision"
    ));
}

#[test]
fn a_series_of_cheques_is_previewed_then_saved_all_together() {
    let db = garden();
    let mut screen = open(&db);
    click(&mut screen, "MARTIN Anne");
    click(&mut screen, "Compte");
    click(&mut screen, "Série de chèques");
    // From next month (11/2026) on the 5th by default: 3 cheques of 10,00 € from n° 500.
    type_in(&mut screen, Field::Count.id(), "3");
    type_in(&mut screen, Field::Amount.id(), "10");
    type_in(&mut screen, Field::Number.id(), "500");
    assert!(shows(&screen, &euros("3 chèque(s), 30,00 € au total :")));
    assert!(shows(&screen, "n° 500 à encaisser le 05/11/2026"));
    assert!(shows(&screen, "n° 502 à encaisser le 05/01/2027"));
    click(&mut screen, "Enregistrer les chèques");
    assert!(shows(&screen, "3 chèques enregistrés."));
    // Credited when handed over: 30,00 − 25,00 = 5,00 € in Anne's favour.
    assert!(shows(
        &screen,
        &euros("Le foyer a 5,00 € d'avance au 08/10/2026.")
    ));
    assert_eq!(
        screen
            .household()
            .account()
            .account()
            .unwrap()
            .payments
            .len(),
        3
    );
}

mod accueil {
    use super::*;
    use binette::ui::home::{Home, Message};

    common::screen_helpers!(Held<Home>, Message; apply, shows);

    #[test]
    fn accueil_lists_the_households_owing_more_than_the_setting() {
        let db = super::garden();
        let (mut home, task) = Held::open(&db, super::today(), Home::new);
        for message in run(task) {
            apply(&mut home, message);
        }
        // Anne owes 25,00 €, under the default 50,00 €: no card.
        assert!(!shows(&home, "Soldes à régulariser"));
        assert!(home.debts().debts().unwrap().households.is_empty());

        // Over 20,00 €: Anne is listed, and the card leads to Adhérents.
        let db = super::garden_with(Some("2000"));
        let (mut home, task) = Held::open(&db, super::today(), Home::new);
        for message in run(task) {
            apply(&mut home, message);
        }
        assert!(shows(&home, "Soldes à régulariser"));
        assert!(shows(&home, "MARTIN Anne"));
        assert!(shows(&home, &super::euros("doit 25,00 €")));
        // Below the fold in the simulator's window: its message sent as a click would.
        assert!(shows(
            &home,
            "1 foyer dont le solde dû dépasse 20,00\u{a0}€ :"
        ));
        assert!(shows(&home, "Voir les adhérents"));
        apply(
            &mut home,
            Message::Debts(binette::ui::home_debts::Message::OpenMembers),
        );
        assert_eq!(home.requests, [Request::Navigate(Section::Members)]);
    }
}

#[test]
fn a_charge_and_a_credit_note_are_added_from_the_account() {
    let db = garden();
    let mut screen = open(&db);
    click(&mut screen, "MARTIN Anne");
    click(&mut screen, "Compte");
    click(&mut screen, "Frais / Avoir");
    type_in(&mut screen, Field::Amount.id(), "2,50");
    click(&mut screen, "Enregistrer");
    // No label: refused beside it, the amount kept.
    assert!(shows(
        &screen,
        "Dites en quelques mots à quoi correspond cette ligne."
    ));
    for message in typed(&screen, account::ids::ENTRY_LABEL, 0, "Livraison", true) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Frais enregistré."));
    // 25,00 + 2,50 = 27,50 € owed.
    assert!(shows(
        &screen,
        &euros("Le foyer doit 27,50 € au 08/10/2026.")
    ));

    click(&mut screen, "Frais / Avoir");
    apply(
        &mut screen,
        account_message(account::Message::KindPicked(
            binette::domain::payments::EntryKind::CreditNote,
        )),
    );
    type_in(&mut screen, Field::Label.id(), "Panier abîmé");
    type_in(&mut screen, Field::Amount.id(), "7,50");
    click(&mut screen, "Enregistrer");
    assert!(shows(&screen, "Avoir enregistré."));
    // 27,50 − 7,50 = 20,00 € owed.
    assert!(shows(
        &screen,
        &euros("Le foyer doit 20,00 € au 08/10/2026.")
    ));
    // A statement's year that is not one: said under the buttons, nothing asked.
    for message in typed(&screen, account::ids::YEAR, 4, "deux", true) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Tapez l'année du relevé, comme 2026."));
}
