//! The funders' invoices (Adhérents › Financeurs) and the accounting settings (Paramètres ›
//! Comptabilité) driven headless: invoice a period, mark it sent, cancel it by an avoir, a
//! refusal shown beside its field; an account number refused then saved.
#![allow(clippy::unwrap_used)]

mod common;

use binette::app::Garden;
use binette::app::members::{Base, Choice, load_base};
use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::store::baskets::set_solidarity;
use binette::store::open_in_memory;
use binette::ui::members::funders_invoices::{Invoices, Message};
use binette::ui::screen::Context;
use chrono::NaiveDate;
use common::run;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Petit at 10,01 €, a Wednesday depot; Anne (1) from 1 September 2026 under 30 % terms
/// funded by the CAF (1) 33 %, the MSA (2) 33 %, the CCAS (3) 34 %; ticked on Wednesdays
/// 2, 9, 16 and 23 September (the 30th not yet).
fn garden() -> Garden {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2025-01-01', 1001);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne');
         INSERT INTO funder (id, name) VALUES (1, 'CAF du Doubs'), (2, 'MSA'), (3, 'CCAS');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-08-31', 1, 1, 'retire'), ('2026-09-07', 1, 1, 'retire'),
             ('2026-09-14', 1, 1, 'retire'), ('2026-09-21', 1, 1, 'retire');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &Solidarity {
            id: 0,
            subscription_id: 1,
            start: d(2026, 9, 1),
            end: None,
            share_kind: ShareKind::Percent,
            share_value: 30,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![
                FundingShare {
                    funder_id: 1,
                    share_percent: 33,
                },
                FundingShare {
                    funder_id: 2,
                    share_percent: 33,
                },
                FundingShare {
                    funder_id: 3,
                    share_percent: 34,
                },
            ],
        },
    )
    .unwrap();
    Garden::new(conn, "x.sqlite3".into())
}

/// The part, its context and the lists it is shown with.
struct Part {
    invoices: Invoices,
    context: Context,
    base: Base,
    /// What the part told the screen (its events, as debugged), oldest first.
    notices: Vec<String>,
}

impl Part {
    fn open(folder: &std::path::Path) -> Part {
        let garden = garden();
        let today = d(2026, 9, 30);
        let context = Context::new(garden.clone(), today);
        let mut part = Part {
            invoices: Invoices::new(today).writing_to(folder.to_path_buf(), false),
            base: load_base(&garden, today).unwrap(),
            context,
            notices: Vec::new(),
        };
        for m in run(Invoices::load(&part.context)) {
            part.apply(m);
        }
        part
    }

    /// Applies `message` and the messages its tasks produce.
    fn apply(&mut self, message: Message) {
        let mut queue = vec![message];
        while let Some(message) = queue.pop() {
            let (task, event) = self.invoices.update(message, &self.context);
            if let Some(event) = event {
                self.notices.push(format!("{event:?}"));
            }
            queue.extend(run(task));
        }
    }

    fn shows(&self, label: &str) -> bool {
        iced_test::simulator(self.invoices.view(&self.base))
            .find(label)
            .is_ok()
    }

    fn click(&mut self, label: &str) {
        let mut ui = iced_test::simulator(self.invoices.view(&self.base));
        ui.click(label)
            .unwrap_or_else(|e| panic!("no « {label} »: {e:?}"));
        let messages: Vec<Message> = ui.into_messages().collect();
        assert!(!messages.is_empty(), "« {label} » did nothing");
        for m in messages {
            self.apply(m);
        }
    }

    /// Types `text` in the empty input `id`.
    fn type_in(&mut self, id: &str, text: &str) {
        let mut ui = iced_test::simulator(self.invoices.view(&self.base));
        ui.click(iced::widget::Id::from(id.to_owned())).unwrap();
        ui.typewrite(text);
        let messages: Vec<Message> = ui.into_messages().collect();
        for m in messages {
            self.apply(m);
        }
    }
}

fn euros(cents: i64) -> String {
    binette::domain::money::format_euros(cents)
}

#[test]
fn invoice_a_period_send_it_and_cancel_it_by_an_avoir() {
    let dir = tempfile::tempdir().unwrap();
    let mut part = Part::open(dir.path());
    // Nothing invoiced: the CAF's share of September's 4 ticked baskets, 9,25 € (40,04 € −
    // 12,00 € paid by Anne = 28,04 €, 33 % → 925,32 c, floor 925; the CCAS takes the cent).
    assert!(part.shows("Aucune facture pour l'instant."));
    assert!(part.shows(&euros(925)));
    part.apply(Message::Funder(Choice {
        id: 1,
        label: "CAF du Doubs".into(),
    }));
    part.type_in("invoice-from", "01/09/2026");
    part.apply(Message::To("20/09/2026".into()));
    part.click("Facturer la période");
    // 1–20 September: 3 baskets, the CAF's share 6,94 € (see tests/app_invoices.rs).
    assert!(part.shows("Facture 2026-0001"), "{:?}", part.invoices);
    assert!(part.shows("émise"));
    assert!(part.shows(&euros(694)));
    let file = dir.path().join("facture-2026-0001-caf-du-doubs.pdf");
    assert!(file.exists());
    let said = format!("Facture n° 2026-0001 — PDF enregistré : {}", file.display());
    assert!(
        part.notices.iter().any(|n| n.contains(&said)),
        "{:?}",
        part.notices
    );
    // Not invoiced now: only the basket of the 23rd, 2,31 € (7,01 € × 33 %, floored).
    assert!(part.shows(&euros(231)));
    // Choosing the CAF again offers the day after its last invoice.
    part.apply(Message::Funder(Choice {
        id: 1,
        label: "CAF du Doubs".into(),
    }));
    let mut ui = iced_test::simulator(part.invoices.view(&part.base));
    assert!(ui.find("21/09/2026").is_ok());
    drop(ui);

    part.click("Envoyée");
    assert!(part.shows("envoyée le 30/09/2026"));
    part.click("Annuler par un avoir");
    assert!(part.shows("Oui, annuler par un avoir"));
    part.click("Oui, annuler par un avoir");
    assert!(part.shows("Avoir 2026-0002"));
    assert!(part.shows("annulée par l'avoir n° 2026-0002"));
    assert!(part.shows("annule la facture n° 2026-0001"));
    assert!(dir.path().join("avoir-2026-0002-caf-du-doubs.pdf").exists());
}

#[test]
fn a_refusal_is_shown_beside_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut part = Part::open(dir.path());
    part.apply(Message::Funder(Choice {
        id: 2,
        label: "MSA".into(),
    }));
    part.type_in("invoice-from", "01/09/2026");
    part.apply(Message::To("30/09/2026".into()));
    part.click("Facturer la période");
    // Wednesday 30 September was never ticked: the invoice would miss it.
    assert!(part.shows(
        "1 panier prévu de la période pour ce financeur n'a pas été émargé : saisissez les \
         émargements avant de facturer."
    ));
    assert!(part.shows("Aucune facture pour l'instant."));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

mod settings {
    use super::common::{self, Held};
    use binette::app::Garden;
    use binette::store::open_in_memory;
    use binette::ui::settings::accounting::Message as Accounting;
    use binette::ui::settings::{Message, Settings};

    common::screen_helpers!(Held<Settings>, Message; apply, shows);

    #[test]
    fn an_account_number_is_refused_then_saved() {
        let garden = Garden::new(open_in_memory().unwrap(), "x.sqlite3".into());
        let today = super::d(2026, 9, 30);
        let (mut screen, task) = Held::open(&garden, today, Settings::new);
        for m in common::run(task) {
            apply(&mut screen, m);
        }
        assert!(shows(&screen, "Comptabilité"));
        assert!(shows(&screen, "706"));
        assert!(shows(&screen, "50,00"));
        assert!(shows(&screen, "Exporter le journal comptable (CSV)"));
        let typed = |key, value: &str| Message::Accounting(Accounting::Typed(key, value.into()));
        apply(&mut screen, typed("account_sales", "ventes"));
        apply(&mut screen, Message::Accounting(Accounting::Save));
        assert!(shows(
            &screen,
            "Un numéro de compte commence par des chiffres (ex. 706)."
        ));
        apply(&mut screen, typed("account_sales", "7061"));
        apply(&mut screen, typed("debt_alert", "80"));
        apply(&mut screen, Message::Accounting(Accounting::Save));
        assert!(shows(&screen, "Comptabilité enregistrée."));
        let saved = binette::app::payments::accounting::load_accounting(&garden).unwrap();
        assert_eq!(saved.accounts.sales, "7061");
        assert_eq!(saved.debt_alert, "80,00");
    }
}
