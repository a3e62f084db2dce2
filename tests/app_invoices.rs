//! Invoices to funders on a hand-made garden: numbers without gaps (an avoir takes the next
//! number, never a hole), amounts equal to the statement's to the cent, transitions refused
//! when they make no sense, the funders' balances, the PDF read back.
#![allow(clippy::unwrap_used)]

use binette::app::Garden;
use binette::app::payments::invoices::{
    cancel_invoice, funder_balances, invoice_pdf, invoices_of, issue_invoice, mark_paid, mark_sent,
};
use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::domain::invoices::{FunderBalance, InvoiceKind, InvoiceStatus};
use binette::store::baskets::set_solidarity;
use binette::store::open_in_memory;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const CAF: i64 = 1;
const MSA: i64 = 2;
const CCAS: i64 = 3;

/// A Wednesday depot, Petit at 10,01 €, funders CAF, MSA, CCAS; Anne (1) subscribed from
/// 1 September 2026 with 30 % terms split 33 / 33 / 34 %; Bruno (2) ordinary. Anne ticked
/// on Wednesdays 2, 9, 16 and 23 September (the 30th not ticked yet); Bruno on 2, 9, 16.
/// The garden is "Jardin du Val", 3 rue des Prés, 25000 Besançon, SIRET 12345678900012.
fn garden() -> Garden {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2025-01-01', 1001);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO funder (id, name) VALUES (1, 'CAF du Doubs'), (2, 'MSA'), (3, 'CCAS');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-01', '2026-08-31'),
                    (2, 2, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-08-31', 1, 1, 'retire'), ('2026-09-07', 1, 1, 'non_retire'),
             ('2026-09-14', 1, 1, 'retire'), ('2026-09-21', 1, 1, 'retire'),
             ('2026-08-31', 2, 1, 'retire'), ('2026-09-07', 2, 1, 'retire'),
             ('2026-09-14', 2, 1, 'retire');
         INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin du Val'),
             ('garden_address', '3 rue des Prés'), ('garden_postcode', '25000'),
             ('garden_city', 'Besançon'), ('garden_siret', '12345678900012');",
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
            funding: [(CAF, 33), (MSA, 33), (CCAS, 34)]
                .iter()
                .map(|&(funder_id, share_percent)| FundingShare {
                    funder_id,
                    share_percent,
                })
                .collect(),
        },
    )
    .unwrap();
    Garden::new(conn, "x.sqlite3".into())
}

const SEPT_30: (i32, u32, u32) = (2026, 9, 30);

fn today() -> NaiveDate {
    d(SEPT_30.0, SEPT_30.1, SEPT_30.2)
}

/// The PDF's text, runs of white space made one space.
fn pdf_text(bytes: &[u8]) -> String {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let pages = pdf.get_pages().len() as u32;
    let text: String = (1..=pages)
        .map(|p| pdf.extract_text(&[p]).unwrap())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn invoice_amounts_equal_the_statement_to_the_cent() {
    let g = garden();
    // 1–20 September: Anne's 3 baskets at 10,01 € = 30,03 €; she pays 3,00 € each = 9,00 €;
    // remainder 21,03 € apportioned 33 / 33 / 34 % with the largest remainders:
    // CAF 6,94 €, MSA 6,94 €, CCAS 7,15 € (900 + 694 + 694 + 715 = 3003 c).
    let expected = [(CAF, 694), (MSA, 694), (CCAS, 715)];
    for (funder, cents) in expected {
        issue_invoice(&g, Some(funder), "01/09/2026", "20/09/2026", today()).unwrap();
        let invoice = invoices_of(&g, Some(funder)).unwrap().pop().unwrap();
        assert_eq!(invoice.amount, cents, "funder {funder}");
    }
    let caf = invoices_of(&g, Some(CAF)).unwrap().pop().unwrap();
    let pdf = invoice_pdf(&g, caf.id).unwrap();
    assert_eq!(pdf.title, "Facture n° 2026-0001");
    assert_eq!(pdf.file_name, "facture-2026-0001-caf-du-doubs.pdf");
    let text = pdf_text(&pdf.bytes);
    for wanted in [
        "Facture n° 2026-0001",
        "Jardin du Val",
        "3 rue des Prés",
        "25000 Besançon",
        "SIRET 12345678900012",
        "CAF du Doubs",
        "MARTIN Anne",
        "30,03",
        "9,00",
        "33 %",
        "Total dû : 6,94",
        "01/09/2026",
        "20/09/2026",
    ] {
        assert!(text.contains(wanted), "{wanted:?} missing from {text}");
    }
    // An ordinary household never appears on a funder's invoice; no tax wording invented.
    assert!(!text.contains("BERNARD"));
    assert!(!text.contains("TVA"));
}

#[test]
fn numbers_have_no_gap_after_a_cancelled_invoice() {
    let g = garden();
    issue_invoice(&g, Some(CAF), "01/09/2026", "20/09/2026", today()).unwrap();
    issue_invoice(&g, Some(MSA), "01/09/2026", "20/09/2026", today()).unwrap();
    let caf = invoices_of(&g, Some(CAF)).unwrap().pop().unwrap();
    // The CAF's invoice is cancelled on 1 October: the avoir takes 2026-0003.
    let avoir = cancel_invoice(&g, caf.id, "01/10/2026").unwrap();
    assert_eq!(avoir.title, "Avoir n° 2026-0003");
    let text = pdf_text(&avoir.bytes);
    assert!(text.contains("annule la facture n° 2026-0001"), "{text}");
    assert!(text.contains("Total de l'avoir : 6,94"), "{text}");
    // Invoiced again on 2 October: 2026-0004, same amount.
    issue_invoice(&g, Some(CAF), "01/09/2026", "20/09/2026", d(2026, 10, 2)).unwrap();
    let all = invoices_of(&g, None).unwrap();
    let numbers: Vec<String> = all.iter().map(|i| i.number.to_string()).collect();
    assert_eq!(
        numbers,
        ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]
    );
    assert_eq!(
        all.iter().map(|i| i.kind).collect::<Vec<_>>(),
        [
            InvoiceKind::Invoice,
            InvoiceKind::Invoice,
            InvoiceKind::CreditNote,
            InvoiceKind::Invoice
        ]
    );
    assert_eq!(
        all[0].status,
        InvoiceStatus::Cancelled(all[2].number),
        "the first invoice is kept, marked cancelled by the avoir"
    );
    assert_eq!(all[2].cancels, Some(all[0].number));
    assert_eq!(all[3].amount, 694);
    // A new invoice dated before the last number's day is refused: numbers follow dates.
    let early = issue_invoice(&g, Some(CCAS), "01/09/2026", "20/09/2026", d(2026, 10, 1));
    assert!(early.is_err());
    assert_eq!(invoices_of(&g, None).unwrap().len(), 4, "nothing written");
}

#[test]
fn status_changes_are_refused_when_invalid() {
    let g = garden();
    issue_invoice(&g, Some(CAF), "01/09/2026", "20/09/2026", today()).unwrap();
    let id = invoices_of(&g, Some(CAF)).unwrap()[0].id;
    // The same days invoiced twice: refused.
    let twice = issue_invoice(&g, Some(CAF), "15/09/2026", "20/09/2026", today());
    assert_eq!(twice.unwrap_err().field(), Some("Du"));
    // A period reaching past today, or reversed: refused.
    assert!(issue_invoice(&g, Some(MSA), "01/09/2026", "05/10/2026", today()).is_err());
    assert!(issue_invoice(&g, Some(MSA), "20/09/2026", "01/09/2026", today()).is_err());
    // Up to today: Anne's basket of the 30th was never ticked, so the invoice is refused.
    let unticked = issue_invoice(&g, Some(MSA), "01/09/2026", "", today()).unwrap_err();
    assert!(unticked.to_string().contains("émarg"), "{unticked}");
    // Sent before it was issued: refused; sent on 2 October; sent again: refused.
    assert_eq!(
        mark_sent(&g, id, "29/09/2026").unwrap_err().field(),
        Some("Date")
    );
    mark_sent(&g, id, "02/10/2026").unwrap();
    assert!(mark_sent(&g, id, "03/10/2026").is_err());
    // Paid before it was sent: refused; paid on 20 October; then neither paid again nor
    // cancelled.
    assert!(mark_paid(&g, id, "01/10/2026").is_err());
    mark_paid(&g, id, "20/10/2026").unwrap();
    assert!(mark_paid(&g, id, "21/10/2026").is_err());
    assert!(cancel_invoice(&g, id, "21/10/2026").is_err());
    let invoice = &invoices_of(&g, Some(CAF)).unwrap()[0];
    assert_eq!(invoice.status, InvoiceStatus::Paid(d(2026, 10, 20)));
    // An avoir changes no more.
    issue_invoice(&g, Some(MSA), "01/09/2026", "20/09/2026", today()).unwrap();
    let msa = invoices_of(&g, Some(MSA)).unwrap()[0].id;
    let avoir = cancel_invoice(&g, msa, "30/09/2026").unwrap();
    assert!(mark_sent(&g, avoir.id, "30/09/2026").is_err());
    assert!(cancel_invoice(&g, avoir.id, "30/09/2026").is_err());
    assert!(
        cancel_invoice(&g, msa, "30/09/2026").is_err(),
        "cancelled once"
    );
}

#[test]
fn funders_balances_count_invoiced_paid_and_not_invoiced() {
    let g = garden();
    issue_invoice(&g, Some(CAF), "01/09/2026", "20/09/2026", today()).unwrap();
    issue_invoice(&g, Some(CCAS), "01/09/2026", "20/09/2026", today()).unwrap();
    let ccas = invoices_of(&g, Some(CCAS)).unwrap()[0].id;
    mark_paid(&g, ccas, "30/09/2026").unwrap();
    let balances = funder_balances(&g, today()).unwrap();
    // CAF: invoiced 6,94 €, unpaid. Not invoiced: 21–30 September, Anne's basket of the
    // 23rd (the 30th is not ticked): 10,01 € − 3,00 € = 7,01 € remainder, 33 / 33 / 34 % →
    // 231,33 / 231,33 / 238,34 c, floors 231 + 231 + 238 = 700, the last cent to the
    // largest loss (CCAS, ,34): CAF 2,31 €, CCAS 2,39 €.
    assert_eq!(
        balances[&CAF],
        FunderBalance {
            invoiced: 694,
            paid: 0,
            not_invoiced: 231
        }
    );
    assert_eq!(balances[&CAF].due(), 694);
    // CCAS: invoiced 7,15 €, paid: owes nothing; 2,39 € not invoiced.
    assert_eq!(
        balances[&CCAS],
        FunderBalance {
            invoiced: 715,
            paid: 715,
            not_invoiced: 239
        }
    );
    assert_eq!(balances[&CCAS].due(), 0);
    // MSA never invoiced: 1–30 September, Anne's 4 ticked baskets: 40,04 € − 12,00 € =
    // 28,04 € remainder; 33 % → 925,32 c (floor 925; CCAS 953,36 takes the last cent).
    assert_eq!(
        balances[&MSA],
        FunderBalance {
            invoiced: 0,
            paid: 0,
            not_invoiced: 925
        }
    );
    // A cancelled invoice no longer counts, and its days are to invoice again.
    let caf = invoices_of(&g, Some(CAF)).unwrap()[0].id;
    cancel_invoice(&g, caf, "30/09/2026").unwrap();
    let caf = funder_balances(&g, today()).unwrap()[&CAF];
    assert_eq!((caf.invoiced, caf.not_invoiced), (0, 925));
}
