//! The Adhérents screen driven headless: a holiday rule for one depot seen in the calendar,
//! a price from a date (and a price of 0 refused), a membership changed and deleted, funders
//! created, renamed and deleted, a size deactivated while used, a basket shared.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::baskets::*;
use binette::store::{self, baskets, members};
use binette::ui::members::calendar::{self, Holiday};
use binette::ui::members::household::{
    self, MembershipField, MembershipMessage, SubscriptionMessage,
};
use binette::ui::members::setup::{self, PriceField, PriceMessage, SizeField, SizeMessage};
use binette::ui::members::{Choice, Message, Screen, Tab, ids};
use chrono::{NaiveDate, Weekday};
use common::run;

common::screen_helpers!(Held<Screen>, Message; apply, clicked, shows, typed);

/// Clicks the text `label` and applies whatever it sends (possibly nothing).
fn click(screen: &mut Held<Screen>, label: &str) {
    for message in clicked(screen, label) {
        apply(screen, message);
    }
}

/// Clicks the input `id`, types `text` (after what it holds) and, if asked, presses Enter;
/// applies whatever that sends (possibly nothing).
fn type_in(screen: &mut Held<Screen>, id: String, text: &str, enter: bool) {
    for message in typed(screen, id, 0, text, enter) {
        apply(screen, message);
    }
}

#[track_caller]
fn assert_shows(screen: &Held<Screen>, label: &str) {
    assert!(shows(screen, label), "« {label} » is not on screen");
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn member(last: &str, first: &str) -> Member {
    Member {
        id: 0,
        last_name: last.into(),
        first_name: first.into(),
        co_member: String::new(),
        address: String::new(),
        postcode: String::new(),
        city: String::new(),
        phone: String::new(),
        phone2: String::new(),
        email: String::new(),
        notes: String::new(),
        status: MemberStatus::Active,
        joined_on: None,
    }
}

struct Fixture {
    db: Garden,
    size: i64,
    mairie: i64,
    martin: i64,
    roy: i64,
}

/// Size « Petit » at 10 € from 2026; Thursday depots Mairie and Gare, a Friday depot
/// Marché; Anne MARTIN at Mairie and Léa ROY at Gare, weekly since 2025, Martin's 2026
/// membership paid (20 € by cheque).
fn garden() -> Fixture {
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
            valid_from: date(2026, 1, 1),
            price: 1000,
        },
    )
    .unwrap();
    let mairie = baskets::insert_depot(&conn, &Depot::new("Mairie", Weekday::Thu)).unwrap();
    let gare = baskets::insert_depot(&conn, &Depot::new("Gare", Weekday::Thu)).unwrap();
    baskets::insert_depot(&conn, &Depot::new("Marché", Weekday::Fri)).unwrap();
    let martin = members::insert_member(&conn, &member("Martin", "Anne")).unwrap();
    let roy = members::insert_member(&conn, &member("Roy", "Léa")).unwrap();
    for (m, dep) in [(martin, mairie), (roy, gare)] {
        baskets::insert_subscription(
            &conn,
            &Subscription {
                id: 0,
                member_id: m,
                shared_with: None,
                size_id: size,
                depot_id: dep,
                quantity: 1,
                start: date(2025, 1, 2),
                end: None,
                frequency: Frequency::Weekly,
                anchor_monday: date(2024, 12, 30),
            },
        )
        .unwrap();
    }
    members::insert_membership(
        &conn,
        &Membership {
            id: 0,
            member_id: martin,
            year: 2026,
            amount: 2000,
            paid_on: date(2026, 3, 2),
            method: PaymentMethod::Cheque,
        },
    )
    .unwrap();
    Fixture {
        db: Garden::new(conn, "memoire.sqlite3".into()),
        size,
        mairie,
        martin,
        roy,
    }
}

fn open(g: &Fixture) -> Held<Screen> {
    // Monday 2 March 2026.
    let (mut screen, task) = Held::open(&g.db, date(2026, 3, 2), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn a_holiday_rule_for_one_depot_is_set_seen_and_removed_in_the_calendar() {
    let g = garden();
    let mut screen = open(&g);
    click(&mut screen, "Calendrier");
    // 1 January 2026 is a Thursday: both Thursday depots are cancelled by default.
    let new_year = date(2026, 1, 1);
    assert_shows(&screen, "Férié : Jour de l'an, jeudi 1er janvier 2026");
    assert_shows(&screen, "Mairie : livraison annulée (par défaut)");
    assert_shows(&screen, "Gare : livraison annulée (par défaut)");
    // A Sunday: no depot concerned, one quiet line.
    assert_shows(
        &screen,
        "Férié : Toussaint, dimanche 1er novembre 2026 — aucun dépôt ne livre le dimanche",
    );

    // Moved to Friday 2 January for Mairie only.
    apply(
        &mut screen,
        Message::Calendar(calendar::Message::Holiday(
            new_year,
            Holiday::Scope(Choice {
                id: g.mairie,
                label: "Mairie".into(),
            }),
        )),
    );
    type_in(&mut screen, ids::holiday(new_year), "02/01/2026", true);
    assert_shows(
        &screen,
        "Férié du 01/01/2026 : livraison déplacée au 02/01/2026 pour Mairie.",
    );
    assert_shows(
        &screen,
        "Mairie : livraison déplacée au vendredi 2 janvier 2026 (règle de ce dépôt)",
    );
    assert_shows(&screen, "Gare : livraison annulée (par défaut)");
    // The week row shows the moved delivery with its basket.
    assert_shows(&screen, "→ 2/01 · 1");

    // The same day for all depots: Gare follows, Mairie keeps its own rule.
    apply(
        &mut screen,
        Message::Calendar(calendar::Message::Holiday(
            new_year,
            Holiday::Scope(Choice {
                id: 0,
                label: "Tous les dépôts".into(),
            }),
        )),
    );
    type_in(&mut screen, ids::holiday(new_year), "", true);
    assert_shows(
        &screen,
        "Gare : livraison déplacée au vendredi 2 janvier 2026 (règle de tous les dépôts)",
    );
    assert_shows(
        &screen,
        "Mairie : livraison déplacée au vendredi 2 janvier 2026 (règle de ce dépôt)",
    );

    // Removing Mairie's own rule: the all-depots rule applies to it.
    click(&mut screen, "Retirer la règle de ce dépôt");
    assert_shows(&screen, "Férié du 01/01/2026 : règle de Mairie retirée.");
    assert_shows(
        &screen,
        "Mairie : livraison déplacée au vendredi 2 janvier 2026 (règle de tous les dépôts)",
    );

    // A bad day typed: a French message, nothing saved.
    let ascension = date(2026, 5, 14);
    // (Far down the season: the messages the input would send.)
    apply(
        &mut screen,
        Message::Calendar(calendar::Message::Holiday(
            ascension,
            Holiday::MoveTyped("32/05".into()),
        )),
    );
    apply(
        &mut screen,
        Message::Calendar(calendar::Message::Holiday(ascension, Holiday::Move)),
    );
    assert_shows(
        &screen,
        "Férié du 14/05/2026 : tapez le jour de remplacement (28/11/2026) avant « Déplacer ».",
    );
}

#[test]
fn a_price_from_a_date_is_added_and_shown_with_the_history() {
    let g = garden();
    let mut screen = open(&g);
    click(&mut screen, "Formats et dépôts");
    assert_shows(&screen, "10,00\u{a0}€ depuis le 01/01/2026");
    assert_shows(&screen, "prix actuel");

    click(&mut screen, "Nouveau prix…");
    type_in(&mut screen, ids::PRICE_AMOUNT.into(), "0", true);
    assert_shows(&screen, "Le prix d'un panier doit être supérieur à 0 €.");
    assert_shows(&screen, "Annuler");
    apply(
        &mut screen,
        Message::Setup(setup::Message::Price(PriceMessage::Edited(
            PriceField::Amount,
            String::new(),
        ))),
    );
    type_in(&mut screen, ids::PRICE_AMOUNT.into(), "12", true);
    assert_shows(&screen, "Prix enregistré.");
    // The new price starts on 1 January next year; the old one is kept.
    assert_shows(&screen, "12,00\u{a0}€ depuis le 01/01/2027");
    assert_shows(&screen, "à venir");
    assert_shows(&screen, "10,00\u{a0}€ depuis le 01/01/2026");

    // Same date again: refused, the form keeps what was typed.
    click(&mut screen, "Nouveau prix…");
    type_in(&mut screen, ids::PRICE_AMOUNT.into(), "13", true);
    assert_shows(
        &screen,
        "Ce format a déjà un tarif à partir de cette date : modifiez ce tarif plutôt.",
    );
    click(&mut screen, "Annuler");

    // Renamed, then deactivated while subscriptions use it: saved with a warning.
    click(&mut screen, "Modifier le format…");
    apply(
        &mut screen,
        Message::Setup(setup::Message::Size(SizeMessage::Edited(
            SizeField::Name,
            String::new(),
        ))),
    );
    type_in(&mut screen, ids::SIZE_NAME.into(), "Petit panier", false);
    apply(
        &mut screen,
        Message::Setup(setup::Message::Size(SizeMessage::Active(false))),
    );
    click(&mut screen, "Enregistrer");
    assert_shows(&screen, "Format enregistré.");
    assert_shows(&screen, "Petit panier (2 personnes)");
    assert_shows(&screen, "inactif : plus proposé");
    assert_shows(
        &screen,
        "Le format Petit panier n'est plus proposé aux nouveaux abonnements. Abonnements en cours \
         qui l'utilisent encore : 2 (ils restent livrés ; changez-les depuis la fiche des \
         adhérents si besoin).",
    );
    let _ = g.size;
}

#[test]
fn a_membership_is_edited_then_deleted_from_the_member_page() {
    let g = garden();
    let mut screen = open(&g);
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(g.martin)),
    );
    assert_shows(&screen, "2026 : 20,00\u{a0}€ le 02/03/2026 (Chèque)");

    click(&mut screen, "Modifier");
    assert_shows(&screen, "Modifier la cotisation");
    apply(
        &mut screen,
        Message::Household(household::Message::Membership(MembershipMessage::Edited(
            MembershipField::Amount,
            String::new(),
        ))),
    );
    type_in(&mut screen, ids::MS_AMOUNT.into(), "vingt", true);
    assert_shows(
        &screen,
        "Montant de la cotisation : tapez un montant comme 20 ou 15,50.",
    );
    apply(
        &mut screen,
        Message::Household(household::Message::Membership(MembershipMessage::Edited(
            MembershipField::Amount,
            String::new(),
        ))),
    );
    apply(
        &mut screen,
        Message::Household(household::Message::Membership(
            MembershipMessage::MethodPicked(PaymentMethod::Transfer),
        )),
    );
    type_in(&mut screen, ids::MS_AMOUNT.into(), "25", true);
    assert_shows(&screen, "Cotisation enregistrée.");
    assert_shows(&screen, "2026 : 25,00\u{a0}€ le 02/03/2026 (Virement)");
    assert!(!shows(
        &screen,
        "2026 : 20,00\u{a0}€ le 02/03/2026 (Chèque)"
    ));

    // Deleting asks first.
    click(&mut screen, "Supprimer");
    assert_shows(&screen, "Supprimer la cotisation 2026 (25,00\u{a0}€) ?");
    click(&mut screen, "Supprimer");
    assert_shows(&screen, "Cotisation supprimée.");
    assert_shows(&screen, "2026 : à payer");
}

#[test]
fn funders_are_created_renamed_and_deleted_unless_they_fund_baskets() {
    let g = garden();
    let mut screen = open(&g);
    click(&mut screen, "Financeurs");
    click(&mut screen, "Nouveau financeur");
    click(&mut screen, "Enregistrer");
    assert_shows(
        &screen,
        "Nom du financeur : il est obligatoire (CAF du Doubs…).",
    );
    type_in(&mut screen, ids::FUNDER_NAME.into(), "CAF du Doub", true);
    assert_shows(&screen, "Financeur enregistré.");
    assert_shows(&screen, "CAF du Doub");

    click(&mut screen, "Modifier");
    type_in(&mut screen, ids::FUNDER_NAME.into(), "s", true);
    assert_shows(&screen, "CAF du Doubs");
    assert!(!shows(&screen, "CAF du Doub"));

    // Funding Martin's basket: the funder can no longer be deleted.
    apply(&mut screen, Message::TabSelected(Tab::Members));
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(g.martin)),
    );
    click(&mut screen, "Rendre solidaire…");
    assert_shows(
        &screen,
        "Panier à 10,00\u{a0}€ : le foyer paie 3,00\u{a0}€, les financeurs 7,00\u{a0}€.",
    );
    click(&mut screen, "Enregistrer");
    assert_shows(&screen, "Conditions Paniers Solidaires enregistrées.");
    click(&mut screen, "Financeurs");
    assert_shows(&screen, "1");
    click(&mut screen, "Supprimer");
    assert_shows(
        &screen,
        "CAF du Doubs finance 1 Panier Solidaire : il ne peut pas être supprimé. \
         Modifiez-le et décochez « actif » pour ne plus le proposer.",
    );
    assert_shows(&screen, "CAF du Doubs");

    // Ending the terms keeps their history: the funder paid for that period, so it still
    // cannot be deleted (its statements must stay true).
    apply(&mut screen, Message::TabSelected(Tab::Members));
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(g.martin)),
    );
    click(&mut screen, "Retirer le tarif solidaire");
    assert_shows(&screen, "Fin des conditions Paniers Solidaires");
    click(&mut screen, "Terminer les conditions");
    assert_shows(
        &screen,
        "Conditions Paniers Solidaires terminées (les paniers déjà livrés les gardent).",
    );
    click(&mut screen, "Financeurs");
    click(&mut screen, "Supprimer");
    assert_shows(&screen, "CAF du Doubs");
    assert!(!shows(&screen, "Financeur supprimé."));
}

#[test]
fn a_subscription_is_shared_with_another_household() {
    let g = garden();
    let mut screen = open(&g);
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(g.martin)),
    );
    click(&mut screen, "Changer…");
    apply(
        &mut screen,
        Message::Household(household::Message::Subscription(
            SubscriptionMessage::SharedWithPicked(Choice {
                id: g.roy,
                label: "ROY Léa".into(),
            }),
        )),
    );
    click(&mut screen, "Enregistrer");
    assert_shows(
        &screen,
        "Changement enregistré : l'ancien abonnement s'arrête la veille.",
    );
    assert_shows(&screen, "chaque semaine · partagé avec ROY Léa");
    // Léa's page shows the basket she shares.
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(g.roy)),
    );
    assert_shows(
        &screen,
        "Partage le panier de MARTIN Anne : 1 × Petit à Mairie",
    );
}
