//! The Paiements screen driven headless through `common::Held`: the cheques due by a day,
//! a slip made into a file (without the dialog), the slip cancelled after a confirmation
//! (its cheques back in the list), the payments searched, the balances exported.

#![allow(clippy::unwrap_used)]

mod common;
use common::{Held, run};

use std::path::PathBuf;

use binette::app::Garden;
use binette::domain::export::ExportFormat;
use binette::store::open_in_memory;
use binette::ui::export;
use binette::ui::payments::{Message, MoneyExport, Period, Screen, Tab, UNTIL_ID};
use chrono::NaiveDate;

/// 31 January 2025.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()
}

/// Applies a message and every message its tasks produce; files to open are kept instead
/// of being handed to the system viewer.
fn apply(screen: &mut Held<Screen>, message: Message) -> Vec<PathBuf> {
    let mut opened = Vec::new();
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if let Message::Open(path) = message {
            opened.push(path);
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
    opened
}

common::screen_helpers!(Held<Screen>, Message; clicked, click, shows, typed);

/// Anne MARTIN: a cheque of 52,00 € to cash on 05/01/2025 and one post-dated to 05/02/2025;
/// Bruno BERNARD: a cheque of 30,00 € (La Poste) received 10/01/2025, a transfer of 45,00 €.
fn start() -> Held<Screen> {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO payment (member_id, received_on, amount_cents, mode, cheque_bank,
                              cheque_number, cash_on) VALUES
             (1, '2024-12-20', 5200, 'cheque', 'Crédit Agricole', '0000101', '2025-01-05'),
             (1, '2024-12-20', 5200, 'cheque', 'Crédit Agricole', '0000102', '2025-02-05'),
             (2, '2025-01-10', 3000, 'cheque', 'La Poste', '7777', NULL),
             (2, '2025-01-12', 4500, 'virement', '', '', NULL);",
    )
    .unwrap();
    let db = Garden::new(conn, "/tmp/ui_payments.sqlite3".into());
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

fn due_count(screen: &Held<Screen>) -> (usize, i64) {
    screen.lists().unwrap().due.totals()
}

#[test]
fn make_a_slip_then_cancel_it_and_find_its_cheques_back() {
    let mut screen = start();
    assert_eq!(screen.tab(), Tab::Due);
    // The first display reads no payment and no slip: the lists wait for their tabs.
    assert!(screen.payments().is_none() && screen.slips().is_none());
    // By today: 0000101 (05/01) and 7777 (10/01): 2 cheques, 52,00 + 30,00 = 82,00 €.
    assert!(shows(
        &screen,
        "2 chèques à encaisser jusqu'au 31/01/2025 : 82,00\u{a0}€"
    ));
    assert!(shows(&screen, "BERNARD Bruno") && shows(&screen, "7777"));

    // By 09/01 only Anne's 05/01 cheque.
    for message in typed(&screen, UNTIL_ID, 10, "09/01/2025", false) {
        apply(&mut screen, message);
    }
    assert_eq!(due_count(&screen), (1, 5200));
    assert!(shows(
        &screen,
        "1 chèque à encaisser jusqu'au 09/01/2025 : 52,00\u{a0}€"
    ));
    // A day that is no date: said beside the field when the slip is asked.
    apply(&mut screen, Message::UntilChanged("09/13/2025".into()));
    click(&mut screen, "Faire le bordereau");
    assert_eq!(screen.error().unwrap().field(), Some("jusqu'au"));
    assert!(shows(
        &screen,
        "Date « 09/13/2025 » illisible : écrivez-la comme 05/12/2026."
    ));
    apply(&mut screen, Message::UntilChanged("31/01/2025".into()));
    assert_eq!(due_count(&screen), (2, 8200));

    // A cheque cashed without a slip leaves the list; « Remettre dans la liste » undoes it.
    let marks = clicked(&screen, "Encaissé hors bordereau");
    assert!(
        matches!(marks.as_slice(), [Message::CashedOutside(_)]),
        "{marks:?}"
    );
    apply(&mut screen, marks[0].clone());
    assert_eq!(
        due_count(&screen),
        (1, 3000),
        "Anne's 52,00 € cheque left the list"
    );
    assert!(shows(&screen, "Chèque marqué encaissé hors bordereau."));
    click(&mut screen, "Remettre dans la liste");
    assert_eq!(due_count(&screen), (2, 8200));
    assert!(!shows(&screen, "Remettre dans la liste"));

    // « Faire le bordereau » asks where; the file chosen, the slip is made and opened.
    assert!(matches!(
        clicked(&screen, "Faire le bordereau").as_slice(),
        [Message::Make]
    ));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bordereau.pdf");
    let opened = apply(&mut screen, Message::MakeTo(out.clone()));
    assert_eq!(opened, std::slice::from_ref(&out));
    let written = screen.written().unwrap().as_ref().unwrap();
    assert_eq!((written.number, written.count, written.total), (1, 2, 8200));
    assert!(out.exists());
    // Read again: nothing left to remit, the button is off.
    assert_eq!(due_count(&screen), (0, 0));
    assert!(shows(&screen, "Aucun chèque à remettre à cette date."));
    assert!(clicked(&screen, "Faire le bordereau").is_empty());

    // In the payments of 2025, Bruno's cheque 7777 went with slip n° 1.
    apply(&mut screen, Message::TabChosen(Tab::Payments));
    assert!(shows(&screen, "Remis (bordereau n° 1)"));
    assert!(!shows(&screen, "À remettre"));

    // Bordereaux: n° 1, 2 cheques, 82,00 €. Cancel asks first; « Non » keeps it.
    click(&mut screen, "Bordereaux");
    assert_eq!(screen.tab(), Tab::Slips);
    let slips = screen.slips().unwrap();
    assert_eq!(
        (slips.len(), slips[0].number, slips[0].count, slips[0].total),
        (1, 1, 2, 8200)
    );
    assert!(shows(&screen, "82,00\u{a0}€") && shows(&screen, "2"));
    click(&mut screen, "Annuler");
    assert!(shows(&screen, "Non, le garder"));
    click(&mut screen, "Non, le garder");
    assert!(!shows(&screen, "Oui, annuler le bordereau"));
    click(&mut screen, "Annuler");
    click(&mut screen, "Oui, annuler le bordereau");
    assert!(shows(&screen, "Annulé le 31/01/2025"));
    assert!(shows(
        &screen,
        "Bordereau annulé : ses chèques sont de nouveau à remettre."
    ));
    assert_eq!(due_count(&screen), (2, 8200));
    // A cancelled slip counts no cheque any more: 0, 0,00 €.
    assert!(shows(&screen, "0,00\u{a0}€") && !shows(&screen, "82,00\u{a0}€"));
    // A cancelled slip cannot be cancelled again: its button is off.
    assert!(clicked(&screen, "Annuler").is_empty());
    // The payments were read again: Bruno's cheque is to remit once more.
    apply(&mut screen, Message::TabChosen(Tab::Payments));
    assert!(shows(&screen, "À remettre") && !shows(&screen, "Remis (bordereau n° 1)"));
}

#[test]
fn search_the_payments_and_export_the_balances() {
    let mut screen = start();
    apply(&mut screen, Message::TabChosen(Tab::Payments));
    // Today's year first: 2025, Bruno's cheque and transfer, 30 + 45 = 75,00 €.
    assert_eq!(screen.period(), Period::Year(2025));
    assert!(shows(&screen, "2 paiements — 75,00\u{a0}€ (hors annulés)"));
    // The years offered go back to the first payment's (2024), then every year.
    let years = screen.payments().unwrap().years;
    assert_eq!(years, Some((2024, 2025)));
    // 2024: Anne's two cheques, 52 + 52 = 104,00 €.
    apply(&mut screen, Message::PeriodChosen(Period::Year(2024)));
    assert!(shows(&screen, "2 paiements — 104,00\u{a0}€ (hors annulés)"));
    assert!(shows(&screen, "MARTIN Anne") && !shows(&screen, "BERNARD Bruno"));
    // Every year: four payments, 52 + 52 + 30 + 45 = 179,00 €.
    apply(&mut screen, Message::PeriodChosen(Period::All));
    assert!(shows(&screen, "4 paiements — 179,00\u{a0}€ (hors annulés)"));
    apply(&mut screen, Message::Search("poste".into()));
    let found: Vec<&str> = screen
        .shown_payments()
        .iter()
        .map(|r| r.payment.cheque.number.as_str())
        .collect();
    assert_eq!(found, ["7777"]);
    apply(&mut screen, Message::Search("45,00".into()));
    assert_eq!(screen.shown_payments()[0].mode, "Virement");
    apply(&mut screen, Message::Search("martin 05/02".into()));
    assert!(
        screen.shown_payments().is_empty(),
        "searched by day received, not to cash"
    );
    apply(&mut screen, Message::Search("martin 20/12/2024".into()));
    assert_eq!(screen.shown_payments().len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("soldes.csv");
    apply(
        &mut screen,
        Message::Export(export::Message::To(
            MoneyExport::Balances,
            ExportFormat::Csv,
            out.clone(),
        )),
    );
    let text = std::fs::read_to_string(&out).unwrap();
    // Bruno 30 + 45 = 75,00; Anne 52 + 52 = 104,00; total 179,00.
    assert!(text.contains("BERNARD;Bruno;75,00;"), "{text}");
    assert!(text.contains("Total;;179,00;0,00"), "{text}");
}

#[test]
fn a_long_list_of_due_cheques_builds_only_the_lines_in_view() {
    // 100 cheques of 5,00 € from Anne MARTIN, numbered C001 to C100, all to cash on
    // 05/01/2025: 100 × 5,00 = 500,00 € due by 31/01/2025.
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO member (id, last_name, first_name) VALUES (1, 'Martin', 'Anne');
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
         INSERT INTO payment (member_id, received_on, amount_cents, mode, cheque_bank,
                              cheque_number, cash_on)
         SELECT 1, '2024-12-20', 500, 'cheque', 'La Poste', printf('C%03d', i), '2025-01-05'
         FROM n;",
    )
    .unwrap();
    let db = Garden::new(conn, "/tmp/ui_payments_long.sqlite3".into());
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(
        &screen,
        "100 chèques à encaisser jusqu'au 31/01/2025 : 500,00\u{a0}€"
    ));
    // Until the list says how tall it is, 1,400 px are assumed: 1,400 / 34 = 41.2, so lines
    // 0 to 41 and 3 more: C001 to C045 are built, C046 and after are not.
    assert!(shows(&screen, "C001") && shows(&screen, "C045"));
    assert!(!shows(&screen, "C046") && !shows(&screen, "C100"));
    // Scrolled to the end (100 × 34 − 340 = 3,060 px down in 340 px): the last lines.
    apply(
        &mut screen,
        Message::DueScrolled(binette::ui::rows::Scrolled {
            offset: 3_060.0,
            height: 340.0,
        }),
    );
    assert!(shows(&screen, "C100") && !shows(&screen, "C001"));
}
