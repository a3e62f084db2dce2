//! The Adhérents use cases without a window: a household saved then found in the list and
//! on its page; refused values that name their field; a read-only garden refusing a save;
//! the warnings a save returns; a funder's statement.

#![allow(clippy::unwrap_used)]

use binette::app::members::drafts::{
    AbsenceDraft, DepotDraft, MemberDraft, MembershipDraft, PriceDraft, SizeDraft, SolidarityDraft,
    SubscriptionDraft, WeekdayChoice,
};
use binette::app::members::{self, Choice};
use binette::app::{Error, Garden};
use binette::domain::baskets::MemberStatus;
use binette::store::{self, StoreError};
use chrono::{NaiveDate, Weekday};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Monday 2 March 2026.
fn today() -> NaiveDate {
    date(2026, 3, 2)
}

fn garden() -> Garden {
    Garden::new(store::open_in_memory().unwrap(), "x.sqlite3".into())
}

fn household(last: &str, first: &str, city: &str) -> MemberDraft {
    MemberDraft {
        last_name: last.into(),
        first_name: first.into(),
        city: city.into(),
        ..MemberDraft::new(today())
    }
}

/// Size « Petit » at 10 € from 1 January 2026 and the Friday depot « Mairie » for `capacity`
/// baskets; their ids.
fn size_and_depot(g: &Garden, capacity: &str) -> (Choice, Choice) {
    let size = SizeDraft {
        name: "Petit".into(),
        ..SizeDraft::new(0)
    };
    members::save_size(g, &size, today()).unwrap();
    let depot = DepotDraft {
        name: "Mairie".into(),
        weekday: Some(WeekdayChoice(Weekday::Fri)),
        capacity: capacity.into(),
        ..DepotDraft::new()
    };
    members::save_depot(g, &depot).unwrap();
    let base = members::load_base(g, today()).unwrap();
    let (size, depot) = (
        base.size_choices()[0].clone(),
        base.depot_choices()[0].clone(),
    );
    let price = PriceDraft {
        size_id: size.id,
        from: "01/01/2026".into(),
        amount: "10".into(),
    };
    members::add_price(g, &price).unwrap();
    (size, depot)
}

#[test]
fn a_household_saved_is_in_the_list_and_has_its_page() {
    let g = garden();
    let saved = members::save_household(&g, &household("Martin", "Anne", "Besançon")).unwrap();
    let id = saved.created.expect("a new household has an id");
    assert_eq!(saved.warning, None);

    let base = members::load_base(&g, today()).unwrap();
    assert_eq!(base.rows.len(), 1);
    assert_eq!(base.rows[0].member.id, id);
    assert_eq!(base.as_of, today());
    // Lists say 'NOM Prénom', with the town in brackets.
    assert_eq!(base.household_name(id), "MARTIN Anne (Besançon)");
    assert!(
        base.household_choices(id).is_empty(),
        "never shared with itself"
    );

    let page = members::load_page(&g, id, today()).unwrap();
    assert_eq!(page.member.last_name, "Martin");
    // Joined the day the form was opened; active by default.
    assert_eq!(page.member.joined_on, Some(today()));
    assert_eq!(page.member.status, MemberStatus::Active);
    assert!(page.subscriptions.is_empty() && page.coming.is_empty());
}

#[test]
fn a_refused_value_names_its_field_and_nothing_is_written() {
    let g = garden();
    let error = members::save_household(&g, &household("  ", "Anne", "")).unwrap_err();
    assert_eq!(error.field(), Some("Nom"));
    assert_eq!(error.to_string(), "Le nom de l'adhérent est obligatoire.");
    assert!(members::load_base(&g, today()).unwrap().rows.is_empty());

    let mut anne = household("Martin", "Anne", "");
    anne.joined_on = "31/02/2026".into();
    let error = members::save_household(&g, &anne).unwrap_err();
    assert_eq!(error.field(), Some("Adhérent depuis le"));
    assert_eq!(
        error.to_string(),
        "Date d'adhésion : date non reconnue, tapez-la comme 28/11/2026."
    );

    let id = members::save_household(&g, &household("Martin", "Anne", ""))
        .unwrap()
        .created
        .unwrap();
    let membership = MembershipDraft {
        amount: "vingt".into(),
        ..MembershipDraft::new(today())
    };
    let error = members::save_membership(&g, id, &membership).unwrap_err();
    assert_eq!(error.field(), Some("Montant (€)"));

    // Back on the 8th after leaving on the 9th.
    let absence = AbsenceDraft {
        start: "09/03/2026".into(),
        end: "08/03/2026".into(),
        ..AbsenceDraft::new()
    };
    let error = members::save_absence(&g, id, &absence).unwrap_err();
    assert_eq!(error.field(), Some("au (inclus)"));
    assert!(
        members::load_page(&g, id, today())
            .unwrap()
            .absences
            .is_empty()
    );

    let price = PriceDraft {
        size_id: 1,
        from: "01/01/2027".into(),
        amount: "0".into(),
    };
    let error = members::add_price(&g, &price).unwrap_err();
    assert_eq!(error.field(), Some("Prix d'un panier (€)"));
    assert_eq!(
        error.to_string(),
        "Le prix d'un panier doit être supérieur à 0 €."
    );
}

#[test]
fn a_read_only_garden_refuses_a_save_and_still_reads() {
    let g = Garden::new_read_only(store::open_in_memory().unwrap(), "x.sqlite3".into());
    let error = members::save_household(&g, &household("Martin", "Anne", "")).unwrap_err();
    assert!(
        matches!(error, Error::Store(StoreError::ReadOnly(_))),
        "{error:?}"
    );
    assert_eq!(error.field(), None, "not about a field");
    assert!(members::load_base(&g, today()).unwrap().rows.is_empty());
}

#[test]
fn saves_return_their_warnings() {
    let g = garden();
    let (size, depot) = size_and_depot(&g, "1");
    let anne = members::save_household(&g, &household("Martin", "Anne", ""))
        .unwrap()
        .created
        .unwrap();
    let lea = members::save_household(&g, &household("Roy", "Léa", ""))
        .unwrap()
        .created
        .unwrap();
    let sizes = [size];
    let depots = [depot];
    let weekly = SubscriptionDraft::new(today(), &sizes, &depots);
    assert_eq!(
        members::save_subscription(&g, anne, &weekly)
            .unwrap()
            .warning,
        None
    );
    // One place at the Mairie, taken by Anne: Léa's basket makes 2.
    let warning = members::save_subscription(&g, lea, &weekly)
        .unwrap()
        .warning;
    assert_eq!(
        warning.as_deref(),
        Some("Le dépôt Mairie dépassera sa capacité : 2 paniers pour 1 places.")
    );

    // Paying 40 % of a 10 € basket: 4 €, over the 30 % advised.
    let sub = members::load_page(&g, anne, today()).unwrap().subscriptions[0]
        .0
        .id;
    let terms = SolidarityDraft {
        value: "40".into(),
        funding: Vec::new(),
        ..SolidarityDraft::of(sub, None, &[], today())
    };
    let warning = members::save_solidarity(&g, &terms, today())
        .unwrap()
        .warning;
    assert_eq!(
        warning.as_deref(),
        Some("Le foyer paie 4,00\u{a0}€ pour un panier à 10,00\u{a0}€ : plus de 30 % du prix.")
    );
}

#[test]
fn a_household_leaving_has_its_subscriptions_ended_on_the_day_typed() {
    let g = garden();
    let (size, depot) = size_and_depot(&g, "");
    let anne = members::save_household(&g, &household("Martin", "Anne", ""))
        .unwrap()
        .created
        .unwrap();
    let weekly = SubscriptionDraft::new(today(), &[size], &[depot]);
    members::save_subscription(&g, anne, &weekly).unwrap();

    let page = members::load_page(&g, anne, today()).unwrap();
    let mut leaving = MemberDraft::of(&page.member);
    leaving.set_status(MemberStatus::Left, date(2026, 3, 20));
    // Offered: the day the status was chosen; typed instead: 31 March.
    assert_eq!(leaving.subscriptions_end, "20/03/2026");
    leaving.subscriptions_end = "31/03/2026".into();
    assert_eq!(members::save_household(&g, &leaving).unwrap().created, None);

    let page = members::load_page(&g, anne, today()).unwrap();
    assert_eq!(page.member.status, MemberStatus::Left);
    assert_eq!(page.subscriptions[0].0.end, Some(date(2026, 3, 31)));
}

#[test]
fn a_holiday_moved_to_a_day_that_is_not_one_is_refused_naming_the_holiday() {
    let g = garden();
    let ascension = date(2026, 5, 14);
    let error = members::set_holiday_rule(&g, ascension, None, Some("32/05")).unwrap_err();
    assert_eq!(error.field(), Some("jour de remplacement"));
    assert_eq!(
        error.to_string(),
        "Férié du 14/05/2026 : tapez le jour de remplacement (28/11/2026) avant « Déplacer »."
    );
    assert!(
        members::load_base(&g, today())
            .unwrap()
            .holiday_rules
            .is_empty()
    );
    members::set_holiday_rule(&g, ascension, None, Some("15/05/2026")).unwrap();
    let rules = members::load_base(&g, today()).unwrap().holiday_rules;
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].moved_to, Some(date(2026, 5, 15)));
}

#[test]
fn a_funder_statement_is_a_pdf_named_after_the_funder_and_its_last_day() {
    let g = garden();
    let error = members::statement_pdf(&g, None, "01/01/2026", "", today()).unwrap_err();
    assert_eq!(error.field(), Some("Financeur"));

    let caf = binette::app::members::drafts::FunderDraft {
        name: "CAF du Doubs".into(),
        ..binette::app::members::drafts::FunderDraft::new()
    };
    members::save_funder(&g, &caf).unwrap();
    let id = members::load_base(&g, today()).unwrap().funders[0].id;
    let error =
        members::statement_pdf(&g, Some(id), "01/03/2026", "01/02/2026", today()).unwrap_err();
    assert_eq!(error.field(), Some("Au"));
    // No last day: up to today, 2 March 2026.
    let statement = members::statement_pdf(&g, Some(id), "01/01/2026", "", today()).unwrap();
    assert_eq!(statement.file_name, "releve-caf-du-doubs-2026-03-02.pdf");
    assert!(statement.bytes.starts_with(b"%PDF"));
}
