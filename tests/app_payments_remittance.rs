//! Cheque remittance and the money exports through their use cases, without iced, on a
//! hand-made garden: which cheques are due by a day, a slip taking each cheque once, a
//! cancelled slip giving its cheques back to a slip with a new number, the slip's PDF read
//! back, a cheque cashed outside any slip; the balances and payments tables and totals.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::app::payments::{exports, remittance};
use binette::app::{Error, Garden};
use binette::store;
use chrono::{NaiveDate, NaiveDateTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(10, 0, 0).unwrap()
}

/// Anne MARTIN (1) and Bruno BERNARD (2). Payments:
/// 1. Anne, cheque 52,00 €, Crédit Agricole n° 0000101, to cash on 05/10/2026;
/// 2. Anne, cheque 52,00 €, n° 0000102, post-dated to 05/11/2026;
/// 3. Bruno, cheque 30,00 €, La Poste n° 7777 signed by Claire BERNARD, no date to cash
///    (cashable from the day received, 15/09/2026);
/// 4. Bruno, transfer 45,00 € (not a cheque);
/// 5. Anne, cheque 10,00 € cancelled on 03/09/2026 ("erreur");
/// 6. Bruno, cheque 25,00 € already cashed outside any slip.
///
/// Bruno also owes a charge of 200,00 € (30/09/2026).
const GARDEN: &str = "
    INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin des Prés');
    INSERT INTO member (id, last_name, first_name) VALUES
        (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
    INSERT INTO payment (id, member_id, received_on, amount_cents, mode, cheque_bank,
                         cheque_number, drawer, cash_on, cashed_outside, cancelled_on,
                         cancel_reason) VALUES
        (1, 1, '2026-09-01', 5200, 'cheque', 'Crédit Agricole', '0000101', '', '2026-10-05', 0, NULL, ''),
        (2, 1, '2026-09-01', 5200, 'cheque', 'Crédit Agricole', '0000102', '', '2026-11-05', 0, NULL, ''),
        (3, 2, '2026-09-15', 3000, 'cheque', 'La Poste', '7777', 'BERNARD Claire', NULL, 0, NULL, ''),
        (4, 2, '2026-09-20', 4500, 'virement', '', '', '', NULL, 0, NULL, ''),
        (5, 1, '2026-09-02', 1000, 'cheque', 'Crédit Agricole', '0000099', '', NULL, 0, '2026-09-03', 'erreur'),
        (6, 2, '2026-09-01', 2500, 'cheque', 'La Poste', '7770', '', NULL, 1, NULL, '');
    INSERT INTO account_entry (member_id, entry_on, kind, label, amount_cents)
        VALUES (2, '2026-09-30', 'frais', 'Paniers de septembre', 20000);";

fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(GARDEN).unwrap();
    Garden::new(conn, "x.sqlite3".into())
}

fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load_mem(&std::fs::read(path).unwrap()).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

fn due_ids(garden: &Garden, until: NaiveDate) -> Vec<i64> {
    remittance::due_cheques(garden, until)
        .unwrap()
        .cheques
        .iter()
        .map(|c| c.payment_id)
        .collect()
}

#[test]
fn the_due_cheques_are_the_held_ones_whose_day_has_come() {
    let garden = garden();
    // By 04/10: only Bruno's cheque 3 (cashable since 15/09); Anne's cheque 1 waits for
    // 05/10 and cheque 2 for 05/11; 5 is cancelled, 6 cashed outside, 4 a transfer.
    assert_eq!(due_ids(&garden, d(2026, 10, 4)), [3]);
    // By 05/10: cheque 3 (15/09) then cheque 1 (05/10): 2 cheques, 30,00 + 52,00 = 82,00 €.
    let due = remittance::due_cheques(&garden, d(2026, 10, 5)).unwrap();
    assert_eq!(due.totals(), (2, 8200));
    let first = &due.cheques[0];
    assert_eq!(
        (
            first.household.as_str(),
            first.drawer.as_str(),
            first.bank.as_str()
        ),
        ("BERNARD Bruno", "BERNARD Claire", "La Poste")
    );
    assert_eq!(first.cash_on, d(2026, 9, 15));
    assert_eq!(due.cheques[1].household, "MARTIN Anne");
    // By 05/11 the post-dated cheque 2 joins: 3 cheques, 82,00 + 52,00 = 134,00 €.
    assert_eq!(
        remittance::due_cheques(&garden, d(2026, 11, 5))
            .unwrap()
            .totals(),
        (3, 13400)
    );
}

#[test]
fn a_slip_marks_each_cheque_once_and_a_second_slip_the_same_day_has_none() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b1.pdf");
    let day = d(2026, 10, 5);
    let written = remittance::make_slip(&garden, day, day, &out, at(day))
        .unwrap()
        .unwrap();
    // Cheques 3 and 1: 2 cheques, 82,00 €, slip n° 1.
    assert_eq!((written.number, written.count, written.total), (1, 2, 8200));
    assert!(out.exists());
    assert!(due_ids(&garden, day).is_empty());
    // The same day again: nothing due, no slip, no file.
    let again = dir.path().join("b2.pdf");
    assert_eq!(
        remittance::make_slip(&garden, day, day, &again, at(day)).unwrap(),
        None
    );
    assert!(!again.exists());
    let slips = remittance::slips(&garden).unwrap();
    assert_eq!(slips.len(), 1);
    let ids: Vec<i64> = slips[0].cheques.iter().map(|c| c.payment_id).collect();
    assert_eq!(ids, [3, 1]);
    // On the screen's use case, nothing due is refused in French, naming the field.
    let refused = remittance::make_slip_now(&garden, day, day, &again).unwrap_err();
    assert_eq!(refused.field(), Some("jusqu'au"));
    assert!(
        refused
            .to_string()
            .contains("Aucun chèque à remettre jusqu'au 05/10/2026")
    );
}

#[test]
fn a_post_dated_cheque_waits_and_a_slip_cannot_take_tomorrow_s_cheques() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.pdf");
    // Made on 04/10 for cheques up to 05/10: refused, nothing made.
    let refused = remittance::make_slip(
        &garden,
        d(2026, 10, 5),
        d(2026, 10, 4),
        &out,
        at(d(2026, 10, 4)),
    )
    .unwrap_err();
    assert!(
        matches!(
            &refused,
            Error::Invalid {
                field: "jusqu'au",
                ..
            }
        ),
        "{refused:?}"
    );
    assert!(!out.exists());
    assert!(remittance::slips(&garden).unwrap().is_empty());
    // Made on 04/10 for cheques up to 04/10: only cheque 3 (30,00 €), Anne's stay held.
    let day = d(2026, 10, 4);
    let written = remittance::make_slip(&garden, day, day, &out, at(day))
        .unwrap()
        .unwrap();
    assert_eq!((written.count, written.total), (1, 3000));
    assert_eq!(due_ids(&garden, d(2026, 11, 5)), [1, 2]);
}

#[test]
fn a_cancelled_slip_gives_its_cheques_back_to_a_slip_with_a_new_number() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let day = d(2026, 10, 5);
    let first = remittance::make_slip(&garden, day, day, &dir.path().join("1.pdf"), at(day))
        .unwrap()
        .unwrap();
    let nov = d(2026, 11, 5);
    let second = remittance::make_slip(&garden, nov, nov, &dir.path().join("2.pdf"), at(nov))
        .unwrap()
        .unwrap();
    // Slip 2 takes only the post-dated cheque 2: 52,00 €.
    assert_eq!((second.number, second.count, second.total), (2, 1, 5200));
    remittance::cancel_slip(&garden, first.slip_id, d(2026, 11, 6)).unwrap();
    // Cheques 3 and 1 are held again.
    assert_eq!(due_ids(&garden, d(2026, 11, 6)), [3, 1]);
    let later = d(2026, 11, 6);
    let third = remittance::make_slip(&garden, later, later, &dir.path().join("3.pdf"), at(later))
        .unwrap()
        .unwrap();
    // Number 3 (1 is cancelled, not reused): the same 2 cheques, 82,00 €.
    assert_eq!((third.number, third.count, third.total), (3, 2, 8200));
    let slips = remittance::slips(&garden).unwrap();
    let numbers: Vec<(i64, bool)> = slips
        .iter()
        .map(|s| (s.number, s.cancelled_on.is_some()))
        .collect();
    assert_eq!(numbers, [(3, false), (2, false), (1, true)]);
    // A cancelled slip cannot be cancelled twice.
    assert!(remittance::cancel_slip(&garden, first.slip_id, later).is_err());
}

#[test]
fn the_slip_pdf_reads_back_with_each_cheque_its_count_and_total() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let day = d(2026, 10, 5);
    let out = dir.path().join("bordereau.pdf");
    remittance::make_slip(&garden, day, day, &out, at(day)).unwrap();
    let text = pdf_text(&out);
    for expected in [
        "Jardin des Prés",
        "Bordereau de remise de chèques n° 1",
        "BERNARD Claire",
        "La Poste",
        "7777",
        "30,00",
        "MARTIN Anne",
        "Crédit Agricole",
        "0000101",
        "52,00",
        "Total : 2 chèques",
        "82,00",
        // No account set in Paramètres: a line to fill in by hand.
        "Compte à créditer : ....",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // Cheque 2 (post-dated), 5 (cancelled) and 6 (cashed outside) are not on it.
    for absent in ["0000102", "0000099", "7770"] {
        assert!(!text.contains(absent), "{absent} printed:\n{text}");
    }
    // With the account set in Paramètres, a reprint prints it: the same slip.
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(GARDEN).unwrap();
    conn.execute_batch(
        "INSERT INTO setting (key, value)
         VALUES ('bank_account', 'Jardin des Prés — FR76 1234 5678 9012');",
    )
    .unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    remittance::make_slip(&garden, day, day, &dir.path().join("first.pdf"), at(day)).unwrap();
    let slip = remittance::slips(&garden).unwrap()[0].id;
    let again = dir.path().join("reprint.pdf");
    let written = remittance::reprint_now(&garden, slip, &again).unwrap();
    assert_eq!((written.number, written.count, written.total), (1, 2, 8200));
    let text = pdf_text(&again);
    assert!(text.contains("FR76 1234 5678 9012"), "{text}");
    assert!(text.contains("Total : 2 chèques"), "{text}");
}

#[test]
fn a_cheque_cashed_outside_leaves_the_list_and_only_a_held_cheque_can_be() {
    let garden = garden();
    remittance::set_cashed_outside(&garden, 3, true).unwrap();
    assert_eq!(due_ids(&garden, d(2026, 10, 5)), [1]);
    // A transfer, a cancelled cheque: refused.
    assert!(remittance::set_cashed_outside(&garden, 4, true).is_err());
    assert!(remittance::set_cashed_outside(&garden, 5, true).is_err());
    let rows = exports::payment_rows(&garden).unwrap();
    let three = rows.iter().find(|r| r.payment.id == 3).unwrap();
    assert_eq!(three.state(), "Encaissé hors bordereau");
}

#[test]
fn the_balances_table_has_each_household_and_the_totals() {
    let garden = garden();
    let table = exports::balances_table(&garden, d(2026, 12, 31)).unwrap();
    let rows = table.csv_rows();
    // Bruno: 30,00 + 45,00 + 25,00 paid − 200,00 charged = −100,00 (owes 100,00).
    // Anne: 52,00 + 52,00 (the cancelled 10,00 does not count) = +104,00.
    // Total 104,00 − 100,00 = 4,00; owed 100,00.
    assert_eq!(
        rows,
        [
            vec!["BERNARD", "Bruno", "-100,00", "100,00"],
            vec!["MARTIN", "Anne", "104,00", ""],
            vec!["Total", "", "4,00", "100,00"],
        ]
    );
    assert!(table.rows[2].total);
    assert_eq!(table.title, "Soldes au 31/12/2026");
}

#[test]
fn the_payments_table_lists_every_payment_and_totals_those_that_count() {
    let garden = garden();
    let day = d(2026, 10, 5);
    let dir = tempfile::tempdir().unwrap();
    remittance::make_slip(&garden, day, day, &dir.path().join("b.pdf"), at(day)).unwrap();
    let table = exports::payments_table(&garden).unwrap();
    let rows = table.csv_rows();
    // Six payments, oldest first (01/09 ×3 by id: 1, 2, 6; then 02/09, 15/09, 20/09), and the total.
    assert_eq!(rows.len(), 7);
    let states: Vec<(&str, &str)> = rows[..6]
        .iter()
        .map(|r| (r[6].as_str(), r[9].as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("0000101", "Remis (bordereau n° 1)"),
            ("0000102", "À remettre"),
            ("7770", "Encaissé hors bordereau"),
            ("0000099", "Annulé le 03/09/2026 (erreur)"),
            ("7777", "Remis (bordereau n° 1)"),
            ("", ""),
        ]
    );
    assert_eq!(rows[5][2], "Virement");
    assert_eq!(
        rows[0][..4],
        ["01/09/2026", "MARTIN Anne", "Chèque", "52,00"]
    );
    // 52 + 52 + 25 + 30 + 45 = 204,00 €; the cancelled 10,00 € is left out.
    assert_eq!(rows[6][1], "Total (hors annulés)");
    assert_eq!(rows[6][3], "204,00");
}

#[test]
fn a_file_that_cannot_be_written_is_refused_before_the_slip_is_made() {
    let garden = garden();
    let dir = tempfile::tempdir().unwrap();
    let day = d(2026, 10, 5);
    let missing = dir.path().join("pas-de-dossier").join("b.pdf");
    assert!(remittance::make_slip(&garden, day, day, &missing, at(day)).is_err());
    // A folder given instead of a file: refused too.
    assert!(remittance::make_slip(&garden, day, day, dir.path(), at(day)).is_err());
    // Nothing was made: the two cheques are still due and no slip exists.
    assert_eq!(due_ids(&garden, day), [3, 1]);
    assert!(remittance::slips(&garden).unwrap().is_empty());
}

#[test]
fn an_accented_name_is_printed_in_capitals_on_the_slip() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO member (id, last_name, first_name) VALUES (1, 'Besançon', 'Agnès');
         INSERT INTO payment (member_id, received_on, amount_cents, mode, cheque_number)
             VALUES (1, '2026-09-01', 3900, 'cheque', '0001033');",
    )
    .unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let day = d(2026, 9, 5);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.pdf");
    remittance::make_slip(&garden, day, day, &out, at(day)).unwrap();
    let slip = &remittance::slips(&garden).unwrap()[0];
    // The drawer is the household, its name in capitals, accents included.
    assert_eq!(slip.cheques[0].drawer, "BESANÇON Agnès");
    assert!(pdf_text(&out).contains("BESANÇON Agnès"));
}
