//! The Adhérents screen headless: a household marked « Parti » has its subscriptions ended
//! at the date offered; a depot with subscribers cannot be made inactive until they are
//! moved with « Déplacer les abonnés… ».

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::baskets::*;
use binette::store::{self, baskets};
use binette::ui::members::household::{self, MemberMessage};
use binette::ui::members::setup::{self, DepotMessage, MoveMessage};
use binette::ui::members::{Choice, Message, Screen, Tab};
use chrono::{NaiveDate, Weekday};
use common::run;

common::screen_helpers!(Held<Screen>, Message; apply, clicked, shows);

fn click(screen: &mut Held<Screen>, label: &str) {
    for message in clicked(screen, label) {
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

/// Size Petit; Thursday depots Mairie and Gare; Anne MARTIN weekly at the Mairie since 2025.
fn garden() -> (Garden, i64, i64, i64) {
    garden_with(|_| Ok(()))
}

/// The garden of [`garden`], with `more` written in it before it opens.
fn garden_with(
    more: impl FnOnce(&store::Connection) -> Result<(), store::StoreError>,
) -> (Garden, i64, i64, i64) {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne');",
    )
    .unwrap();
    let mairie = baskets::insert_depot(&conn, &Depot::new("Mairie", Weekday::Thu)).unwrap();
    let gare = baskets::insert_depot(&conn, &Depot::new("Gare", Weekday::Thu)).unwrap();
    let sub = baskets::insert_subscription(
        &conn,
        &Subscription {
            id: 0,
            member_id: 1,
            shared_with: None,
            size_id: 1,
            depot_id: mairie,
            quantity: 1,
            start: date(2025, 1, 2),
            end: None,
            frequency: Frequency::Weekly,
            anchor_monday: date(2024, 12, 30),
        },
    )
    .unwrap();
    assert!(sub > 0);
    more(&conn).unwrap();
    (Garden::new(conn, "memoire.sqlite3".into()), mairie, gare, 1)
}

/// The subscriptions of household `id`, as its page reads them.
fn subscriptions_of(db: &Garden, id: i64) -> Vec<Subscription> {
    let page = binette::app::members::load_page(db, id, date(2026, 3, 2)).unwrap();
    page.subscriptions.into_iter().map(|(s, _)| s).collect()
}

fn open(db: &Garden) -> Held<Screen> {
    // Monday 2 March 2026.
    let (mut screen, task) = Held::open(db, date(2026, 3, 2), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn marking_a_household_parti_ends_its_subscriptions_at_the_date_offered() {
    let (db, _, _, anne) = garden();
    let mut screen = open(&db);
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(anne)),
    );
    click(&mut screen, "Modifier la fiche");
    assert!(!shows(&screen, "Fin des abonnements le"));
    apply(
        &mut screen,
        Message::Household(household::Message::Member(MemberMessage::StatusPicked(
            MemberStatus::Left,
        ))),
    );
    assert_shows(&screen, "Fin des abonnements le");
    click(&mut screen, "Enregistrer");
    assert_shows(&screen, "Fiche enregistrée.");
    let subs = subscriptions_of(&db, anne);
    assert_eq!(
        subs[0].end,
        Some(date(2026, 3, 2)),
        "ended on the day offered"
    );
    let m = binette::app::members::load_page(&db, anne, date(2026, 3, 2))
        .unwrap()
        .member;
    assert_eq!(m.status, MemberStatus::Left);
}

#[test]
fn a_depot_is_deactivated_only_once_its_subscribers_moved() {
    let (db, mairie, gare, anne) = garden();
    let mut screen = open(&db);
    apply(&mut screen, Message::TabSelected(Tab::Setup));
    apply(
        &mut screen,
        Message::Setup(setup::Message::EditDepot(mairie)),
    );
    apply(
        &mut screen,
        Message::Setup(setup::Message::Depot(DepotMessage::Active(false))),
    );
    click(&mut screen, "Enregistrer");
    assert_shows(
        &screen,
        "Ce dépôt a encore 1 abonnement en cours : déplacez-les d'abord vers un autre dépôt \
         (« Déplacer les abonnés vers… »), puis décochez « Dépôt actif ».",
    );
    click(&mut screen, "Annuler");

    apply(
        &mut screen,
        Message::Setup(setup::Message::MoveSubscribers(mairie)),
    );
    assert_shows(&screen, "Déplacer les abonnés de Mairie");
    click(&mut screen, "Déplacer les abonnés");
    assert_shows(&screen, "Choisissez le dépôt où vont les abonnés.");
    apply(
        &mut screen,
        Message::Setup(setup::Message::Move(MoveMessage::DepotPicked(Choice {
            id: gare,
            label: "Gare".into(),
        }))),
    );
    click(&mut screen, "Déplacer les abonnés");
    assert_shows(&screen, "Abonnés déplacés (leur historique est gardé).");
    let subs = subscriptions_of(&db, anne);
    // The week after Monday 2 March 2026 is offered: the Gare from Monday 9 March.
    assert_eq!(subs.len(), 2);
    assert_eq!(
        (subs[0].depot_id, subs[0].end),
        (mairie, Some(date(2026, 3, 8)))
    );
    assert_eq!((subs[1].depot_id, subs[1].start), (gare, date(2026, 3, 9)));

    apply(
        &mut screen,
        Message::Setup(setup::Message::EditDepot(mairie)),
    );
    apply(
        &mut screen,
        Message::Setup(setup::Message::Depot(DepotMessage::Active(false))),
    );
    click(&mut screen, "Enregistrer");
    assert_shows(&screen, "Dépôt enregistré.");
}

#[test]
fn past_solidarity_terms_stay_on_the_member_page() {
    let (db, _, _, anne) = garden_with(|c| {
        c.execute("INSERT INTO funder (id, name) VALUES (1, 'CAF')", [])?;
        let mut terms = Solidarity {
            id: 0,
            subscription_id: 1,
            start: date(2026, 1, 5),
            end: None,
            share_kind: ShareKind::Percent,
            share_value: 30,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        };
        baskets::set_solidarity(c, &terms)?;
        terms.start = date(2026, 2, 2);
        terms.share_kind = ShareKind::Amount;
        terms.share_value = 200;
        baskets::set_solidarity(c, &terms)?;
        Ok(())
    });
    let mut screen = open(&db);
    apply(
        &mut screen,
        Message::Household(household::Message::OpenMember(anne)),
    );
    assert_shows(
        &screen,
        "Panier Solidaire du 05/01/2026 au 01/02/2026 (terminé) : foyer 30 % du prix · CAF 100 %",
    );
    assert_shows(
        &screen,
        "Panier Solidaire depuis le 02/02/2026 : foyer 2,00\u{a0}€ par panier · CAF 100 %",
    );
}
