//! A household's account through its use cases, without the window: the ledger and its
//! balance, one payment and a series of cheques (dates, numbers, all or none), a payment
//! cancelled (kept, no longer counted), a charge and a credit note, and the documents read
//! back (receipt, yearly statement, reminder letter).

#![allow(clippy::unwrap_used)]

use binette::app::payments::entry::{
    EntryDraft, PaymentDraft, SeriesDraft, fields, first_month, numbers,
};
use binette::app::payments::household::{self as account, REASON};
use binette::app::{Error, Garden};
use binette::domain::payments::EntryKind;
use binette::store::{self, Connection};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const ANNE: i64 = 1;

/// A Wednesday depot; Petit at 12,50 €. Anne subscribes weekly from Monday 28 September
/// 2026: deliveries on Wednesdays 30/09 and 07/10 before Thursday 8 October.
fn connection() -> Connection {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2026-01-01', 1250);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name, address, postcode, city)
             VALUES (1, 'Martin', 'Anne', '3 rue des Lilas', '25000', 'Besançon');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-28', '2026-09-28');",
    )
    .unwrap();
    conn
}

fn garden() -> Garden {
    Garden::new(connection(), "x.sqlite3".into())
}

/// 20,00 € by transfer on Thursday 1 October.
fn transfer() -> PaymentDraft {
    PaymentDraft {
        received_on: "01/10/2026".into(),
        amount: "20".into(),
        mode: Some("virement".into()),
        label: "Paniers d'octobre".into(),
        ..PaymentDraft::default()
    }
}

fn field_of<T: std::fmt::Debug>(result: binette::app::Result<T>) -> &'static str {
    result.unwrap_err().field().unwrap()
}

#[test]
fn two_baskets_and_a_payment_leave_five_euros_owed() {
    let garden = garden();
    let today = d(2026, 10, 8);
    account::record_payment(&garden, ANNE, &transfer()).unwrap();
    let acc = account::account(&garden, ANNE, today).unwrap();
    // 30/09: −12,50; 01/10: +20,00 → 7,50; 07/10: −12,50 → −5,00.
    let balances: Vec<(NaiveDate, i64)> = acc.lines.iter().map(|(l, b)| (l.date, *b)).collect();
    assert_eq!(
        balances,
        [
            (d(2026, 9, 30), -1250),
            (d(2026, 10, 1), 750),
            (d(2026, 10, 7), -500)
        ]
    );
    assert_eq!(acc.balance, -500);
    assert!(acc.owes());
    assert_eq!(acc.sentence(), "Le foyer doit 5,00\u{a0}€ au 08/10/2026.");
    assert_eq!(acc.mode_label("virement"), "Virement");
    assert_eq!(
        acc.lines[1].0.label,
        "Règlement (virement) — Paniers d'octobre"
    );
}

#[test]
fn a_payment_typed_wrong_names_its_field_and_records_nothing() {
    let garden = garden();
    let mut draft = transfer();
    draft.amount = "0".into();
    assert_eq!(
        field_of(account::record_payment(&garden, ANNE, &draft)),
        fields::AMOUNT
    );
    draft.amount = "20".into();
    draft.received_on = "31/09/2026".into();
    assert_eq!(
        field_of(account::record_payment(&garden, ANNE, &draft)),
        fields::RECEIVED
    );
    // A cheque to cash before it was received.
    let cheque = PaymentDraft {
        mode: Some("cheque".into()),
        cash_on: "30/09/2026".into(),
        ..transfer()
    };
    assert_eq!(
        field_of(account::record_payment(&garden, ANNE, &cheque)),
        fields::CASH_ON
    );
    let acc = account::account(&garden, ANNE, d(2026, 10, 8)).unwrap();
    assert!(acc.payments.is_empty());
    // Only the two baskets: −25,00 €.
    assert_eq!(acc.balance, -2500);
}

/// "10 chèques de 52 €, le 5 de chaque mois à partir de janvier", handed over on
/// Saturday 5 December 2026, numbered from 0000101.
fn ten_cheques() -> SeriesDraft {
    SeriesDraft {
        count: "10".into(),
        amount: "52".into(),
        day: "5".into(),
        first_month: "janvier".into(),
        received_on: "05/12/2026".into(),
        bank: "Crédit Agricole".into(),
        first_number: "0000101".into(),
        drawer: "Martin Paul".into(),
        label: String::new(),
    }
}

#[test]
fn ten_cheques_on_the_5th_from_january_are_previewed_then_recorded() {
    let garden = garden();
    let preview = ten_cheques().preview().unwrap();
    // January 2027 is the next January after December 2026: 05/01/2027 … 05/10/2027.
    assert_eq!(preview.len(), 10);
    assert_eq!(preview[0].cash_on, d(2027, 1, 5));
    assert_eq!(preview[9].cash_on, d(2027, 10, 5));
    assert_eq!(preview[0].number, "0000101");
    assert_eq!(preview[9].number, "0000110");
    assert!(preview.iter().all(|c| c.amount == 5200));

    let ids = account::record_series(&garden, ANNE, &ten_cheques()).unwrap();
    assert_eq!(ids.len(), 10);
    let acc = account::account(&garden, ANNE, d(2026, 12, 5)).unwrap();
    assert_eq!(acc.payments.len(), 10);
    assert!(acc.payments.iter().all(|p| p.cheque.drawer == "Martin Paul"
        && p.cheque.bank == "Crédit Agricole"
        && p.received_on == d(2026, 12, 5)));
    assert_eq!(acc.payments[3].cheque.cash_on, Some(d(2027, 4, 5)));
    // Credited when received: 10 × 52,00 = 520,00 €. Baskets on the Wednesdays from 30/09
    // to 02/12, 11 November (a public holiday, no delivery) left out: 9 × 12,50 = 112,50 €.
    // Balance: 520,00 − 112,50 = 407,50 €.
    let baskets = acc.lines.iter().filter(|(l, _)| l.debit > 0).count();
    assert_eq!(baskets, 9);
    assert_eq!(acc.balance, 40_750);
}

#[test]
fn a_series_typed_wrong_records_none() {
    let garden = garden();
    // From December: the 5th is the day received, allowed; from November it is before.
    let november = SeriesDraft {
        first_month: "11/2026".into(),
        ..ten_cheques()
    };
    assert_eq!(
        field_of(account::record_series(&garden, ANNE, &november)),
        fields::FIRST_MONTH
    );
    for (count, field) in [
        ("0", fields::COUNT),
        ("25", fields::COUNT),
        ("dix", fields::COUNT),
    ] {
        let draft = SeriesDraft {
            count: count.into(),
            ..ten_cheques()
        };
        assert_eq!(field_of(draft.preview()), field);
    }
    let day = SeriesDraft {
        day: "32".into(),
        ..ten_cheques()
    };
    assert_eq!(field_of(day.preview()), fields::DAY);
    let acc = account::account(&garden, ANNE, d(2026, 12, 5)).unwrap();
    assert!(acc.payments.is_empty());
}

#[test]
fn first_months_and_numbers_as_typed() {
    let dec = d(2026, 12, 5);
    assert_eq!(first_month("01/2027", dec).unwrap(), d(2027, 1, 1));
    assert_eq!(first_month("1/27", dec).unwrap(), d(2027, 1, 1));
    assert_eq!(first_month("Février 2027", dec).unwrap(), d(2027, 2, 1));
    // A month name alone: this year from the current month on, else next year.
    assert_eq!(first_month("décembre", dec).unwrap(), d(2026, 12, 1));
    assert_eq!(first_month("mars", dec).unwrap(), d(2027, 3, 1));
    assert!(first_month("13/2027", dec).is_err());
    assert!(first_month("", dec).is_err());
    assert_eq!(numbers("0000101", 3), ["0000101", "0000102", "0000103"]);
    assert_eq!(numbers("A-98", 3), ["A-98", "A-99", "A-100"]);
    assert_eq!(numbers("XY", 2), ["XY", ""]);
    assert_eq!(numbers("", 2), ["", ""]);
}

#[test]
fn a_cancelled_payment_is_kept_but_no_longer_counted() {
    let garden = garden();
    let today = d(2026, 10, 8);
    let id = account::record_payment(&garden, ANNE, &transfer()).unwrap();
    let refused = account::cancel_payment(&garden, id, "  ", today);
    assert_eq!(field_of(refused), REASON);
    account::cancel_payment(&garden, id, "Virement rejeté", today).unwrap();
    let acc = account::account(&garden, ANNE, today).unwrap();
    // Kept, marked…
    assert_eq!(acc.payments.len(), 1);
    assert_eq!(acc.payments[0].cancelled_on, Some(today));
    assert_eq!(acc.payments[0].cancel_reason, "Virement rejeté");
    // …and out of the balance: the two baskets only, −25,00 €.
    assert_eq!(acc.balance, -2500);
    assert_eq!(acc.lines.len(), 2);
    // Cancelled twice: refused.
    assert!(account::cancel_payment(&garden, id, "encore", today).is_err());
}

#[test]
fn a_charge_and_a_credit_note_move_the_balance() {
    let garden = garden();
    let today = d(2026, 10, 8);
    let charge = EntryDraft {
        label: "Livraison à domicile".into(),
        amount: "2,50".into(),
        entry_on: "02/10/2026".into(),
        ..EntryDraft::new(today)
    };
    account::add_entry(&garden, ANNE, &charge).unwrap();
    let credit = EntryDraft {
        kind: EntryKind::CreditNote,
        label: "Panier abîmé".into(),
        amount: "5".into(),
        ..EntryDraft::new(today)
    };
    account::add_entry(&garden, ANNE, &credit).unwrap();
    let no_label = EntryDraft {
        amount: "5".into(),
        ..EntryDraft::new(today)
    };
    assert_eq!(
        field_of(account::add_entry(&garden, ANNE, &no_label)),
        fields::LABEL
    );
    // −12,50 − 12,50 − 2,50 + 5,00 = −22,50 €.
    let acc = account::account(&garden, ANNE, today).unwrap();
    assert_eq!(acc.balance, -2250);
}

fn text_of(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| doc.extract_text(&[p]).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// PDF text extraction may break lines anywhere: compare without whitespace.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_receipt_says_who_paid_what_and_how() {
    let garden = garden();
    let cheque = PaymentDraft {
        mode: Some("cheque".into()),
        bank: "La Poste".into(),
        number: "1234567".into(),
        cash_on: "05/11/2026".into(),
        ..transfer()
    };
    let id = account::record_payment(&garden, ANNE, &cheque).unwrap();
    let (household, bytes) = account::receipt_pdf(&garden, id).unwrap();
    assert_eq!(household, "MARTIN Anne");
    let text = squeezed(&text_of(&bytes));
    assert!(
        text.contains(&squeezed("a reçu de MARTIN Anne la somme de 20,00")),
        "{text}"
    );
    assert!(
        text.contains(&squeezed("par chèque n° 1234567 (La Poste)")),
        "{text}"
    );
    assert!(
        text.contains(&squeezed("à encaisser le 05/11/2026")),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(account::receipt_file_name(id, &household));
    let saved = account::write_receipt(&garden, id, &out).unwrap();
    assert_eq!(saved.path, out);
    assert!(out.ends_with(format!("recu-{id}-martin-anne.pdf")));
    assert!(std::fs::metadata(&out).unwrap().len() > 0);
}

#[test]
fn the_yearly_statement_and_the_reminder_letter() {
    let garden = garden();
    let today = d(2026, 10, 8);
    account::record_payment(&garden, ANNE, &transfer()).unwrap();
    let text = squeezed(&text_of(
        &account::statement_pdf(&garden, ANNE, 2026, today).unwrap(),
    ));
    // From 01/01 to today for the year under way; owed 5,00 €.
    assert!(
        text.contains(&squeezed("Du 01/01/2026 au 08/10/2026")),
        "{text}"
    );
    assert!(
        text.contains(&squeezed("Reste dû au 08/10/2026 : 5,00")),
        "{text}"
    );
    assert!(text.contains(&squeezed("3 rue des Lilas")), "{text}");
    // A year not begun is refused.
    assert!(account::statement_pdf(&garden, ANNE, 2027, today).is_err());

    let letter = squeezed(&text_of(
        &account::reminder_pdf(&garden, ANNE, today).unwrap(),
    ));
    assert!(
        letter.contains(&squeezed("un reste dû de 5,00")),
        "{letter}"
    );

    // Paid up (5,00 € more): no letter.
    let rest = PaymentDraft {
        amount: "5".into(),
        received_on: "08/10/2026".into(),
        ..transfer()
    };
    account::record_payment(&garden, ANNE, &rest).unwrap();
    let acc = account::account(&garden, ANNE, today).unwrap();
    assert_eq!(acc.sentence(), "Compte soldé au 08/10/2026.");
    let refused = account::reminder_pdf(&garden, ANNE, today);
    assert!(matches!(refused, Err(Error::Store(_))), "{refused:?}");
}

#[test]
fn a_garden_open_read_only_records_nothing() {
    let garden = Garden::new_read_only(connection(), "x.sqlite3".into());
    let refused = account::record_payment(&garden, ANNE, &transfer());
    assert!(refused.is_err());
    assert!(account::account(&garden, ANNE, d(2026, 10, 8)).is_ok());
}
