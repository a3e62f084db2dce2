//! The journal for the accountant: every kind of entry on a hand-made garden, each account
//! where it belongs, Σ debit = Σ credit there and on the demo garden; the file written; the
//! accounting settings saved and read back.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use binette::app::Garden;
use binette::app::payments::accounting::{load_accounting, save_accounting};
use binette::app::payments::invoices::{cancel_invoice, invoices_of, issue_invoice, mark_paid};
use binette::app::payments::journal::{journal_lines, write_journal};
use binette::domain::accounting::{JournalLine, totals};
use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::domain::money::Cents;
use binette::domain::payments::{AccountEntry, Cheque, EntryKind, Payment};
use binette::store::baskets::set_solidarity;
use binette::store::open_in_memory;
use binette::store::payments::remittance::make_slip;
use binette::store::payments::{cancel_payment, insert_account_entry, insert_payments};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn payment(member_id: i64, on: NaiveDate, amount: Cents, mode: &str, number: &str) -> Payment {
    Payment {
        id: 0,
        member_id,
        received_on: on,
        amount,
        mode: mode.into(),
        label: String::new(),
        cheque: Cheque {
            number: number.into(),
            cash_on: (mode == "cheque").then_some(on),
            ..Cheque::default()
        },
        remittance_id: None,
        cashed_outside: false,
        cancelled_on: None,
        cancel_reason: String::new(),
    }
}

/// Petit at 10,00 €, a Wednesday depot. Anne (1): Paniers Solidaires, 30 % (3,00 € a
/// basket), the CAF pays the rest. Bruno (2): ordinary. Both ticked on Wednesdays 2 and
/// 9 September 2026. Bruno's membership, 20,00 € by cheque on 02/09; Bruno's cheque of
/// 20,00 € on 02/09 (remitted with slip 1 on 10/09); Anne's 6,00 € in cash on 09/09;
/// Anne's transfer of 5,00 € on 09/09, cancelled; a 2,00 € charge to Bruno on 05/09; a
/// 1,00 € credit note to Anne on 06/09. The CAF's invoice for 1–9 September (2 × 7,00 €
/// = 14,00 €) issued 10/09, cancelled by an avoir on 11/09, invoiced again on 11/09 and
/// paid on 12/09.
fn garden() -> Garden {
    let mut conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2025-01-01', 1000);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO funder (id, name) VALUES (1, 'CAF');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-01', '2026-08-31'),
                    (2, 2, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-08-31', 1, 1, 'retire'), ('2026-09-07', 1, 1, 'retire'),
             ('2026-08-31', 2, 1, 'retire'), ('2026-09-07', 2, 1, 'non_retire');
         INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
             VALUES (2, 2026, 2000, '2026-09-02', 'cheque');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &Solidarity {
            id: 0,
            subscription_id: 1,
            start: d(2026, 9, 1),
            end: None,
            share_kind: ShareKind::Amount,
            share_value: 300,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        },
    )
    .unwrap();
    let ids = insert_payments(
        &mut conn,
        &[
            payment(2, d(2026, 9, 2), 2000, "cheque", "0000101"),
            payment(1, d(2026, 9, 9), 600, "especes", ""),
            payment(1, d(2026, 9, 9), 500, "virement", ""),
        ],
    )
    .unwrap();
    cancel_payment(&conn, ids[2], d(2026, 9, 10), "erreur").unwrap();
    for (member_id, day, kind, amount) in [
        (2, d(2026, 9, 5), EntryKind::Charge, 200),
        (1, d(2026, 9, 6), EntryKind::CreditNote, 100),
    ] {
        let entry = AccountEntry {
            id: 0,
            member_id,
            entry_on: day,
            kind,
            label: "Ligne".into(),
            amount,
        };
        insert_account_entry(&conn, &entry).unwrap();
    }
    make_slip(&mut conn, d(2026, 9, 10), d(2026, 9, 10)).unwrap();
    let g = Garden::new(conn, "x.sqlite3".into());
    issue_invoice(&g, Some(1), "01/09/2026", "09/09/2026", d(2026, 9, 10)).unwrap();
    let first = invoices_of(&g, Some(1)).unwrap()[0].id;
    cancel_invoice(&g, first, "11/09/2026").unwrap();
    issue_invoice(&g, Some(1), "01/09/2026", "09/09/2026", d(2026, 9, 11)).unwrap();
    let again = invoices_of(&g, Some(1)).unwrap().pop().unwrap().id;
    mark_paid(&g, again, "12/09/2026").unwrap();
    g
}

/// Each account's debits − credits.
fn by_account(lines: &[JournalLine]) -> BTreeMap<String, Cents> {
    let mut net = BTreeMap::new();
    for l in lines {
        *net.entry(l.account.clone()).or_default() += l.debit - l.credit;
    }
    net
}

#[test]
fn every_kind_of_entry_lands_in_its_accounts_and_the_journal_balances() {
    let g = garden();
    let lines = journal_lines(&g, d(2026, 9, 1), d(2026, 9, 13)).unwrap();
    // 17 entries of 2 lines: 4 basket sales (Anne 3,00 € × 2, Bruno 10,00 € × 2), the
    // membership and its payment, the charge, the credit note, 3 payments, the reversal of
    // the transfer cancelled on 10/09, the slip, invoice, avoir, invoice again, the CAF's
    // payment.
    assert_eq!(lines.len(), 34);
    // Σ = 26 + 20 + 20 + 2 + 1 + 20 + 6 + 5 + 5 + 20 + 14 × 4 = 181,00 € on each side.
    assert_eq!(totals(&lines), (18_100, 18_100));
    let net = by_account(&lines);
    // 411: 26 + 20 + 2 owed − (20 + 1 + 20 + 6) paid or credited = 1,00 € owed (Bruno owes
    // 2,00 €, Anne is 1,00 € ahead).
    assert_eq!(net["411"], 100);
    // 5112: Bruno's cheque in, then out with the slip. 4111: 14 + 14 − 14 − 14 = 0.
    assert_eq!(net["5112"], 0);
    assert_eq!(net["4111"], 0);
    // 706: −(26 + 2 + 14 + 14) + 1 + 14 = −41,00 € (a credit). 756: −20,00 €.
    assert_eq!(net["706"], -4_100);
    assert_eq!(net["756"], -2_000);
    // 512: membership 20 + cash 6 + slip 20 + CAF 14 = 60,00 €.
    assert_eq!(net["512"], 6_000);
    assert_eq!(net.len(), 6);
    // Each entry (two lines in a row) balances on its own, in one journal, on one day.
    for pair in lines.chunks(2) {
        assert_eq!(pair[0].debit, pair[1].credit);
        assert_eq!((pair[0].credit, pair[1].debit), (0, 0));
        assert_eq!(pair[0].journal, pair[1].journal);
        assert_eq!(pair[0].date, pair[1].date);
    }
    let slip = lines.iter().find(|l| l.piece == "Bordereau 1").unwrap();
    assert_eq!(
        (slip.journal.as_str(), slip.account.as_str()),
        ("BQ", "512")
    );
    let avoir = lines.iter().find(|l| l.piece == "2026-0002").unwrap();
    assert_eq!((avoir.account.as_str(), avoir.debit), ("706", 1_400));
    // The cancelled transfer: in on 09/09 (debit bank), out on 10/09 (credit bank).
    let transfer: Vec<_> = lines
        .iter()
        .filter(|l| l.debit == 500 || l.credit == 500)
        .collect();
    assert_eq!(transfer.len(), 4);
    assert_eq!(
        (transfer[0].account.as_str(), transfer[0].debit),
        ("512", 500)
    );
    assert_eq!(
        (transfer[2].account.as_str(), transfer[2].debit),
        ("411", 500)
    );
    assert_eq!(transfer[3].date, d(2026, 9, 10));
    assert!(transfer[2].label.starts_with("Annulation : "));
}

#[test]
fn the_period_keeps_only_its_days() {
    let g = garden();
    // 10–11 September: the slip (20,00 €), the transfer's reversal (5,00 €), the invoice,
    // its avoir and the new invoice (14,00 € each): 67,00 €.
    let lines = journal_lines(&g, d(2026, 9, 10), d(2026, 9, 11)).unwrap();
    assert_eq!(totals(&lines), (6_700, 6_700));
    // A journal already handed over does not change: 1–9 September keeps the transfer
    // cancelled later; the two periods add up to the whole.
    let before = journal_lines(&g, d(2026, 9, 1), d(2026, 9, 9)).unwrap();
    let after = journal_lines(&g, d(2026, 9, 10), d(2026, 9, 13)).unwrap();
    let whole = journal_lines(&g, d(2026, 9, 1), d(2026, 9, 13)).unwrap();
    assert!(before.iter().any(|l| l.debit == 500 && l.account == "512"));
    assert_eq!(totals(&before).0 + totals(&after).0, totals(&whole).0);
    assert_eq!(before.len() + after.len(), whole.len());
}

#[test]
fn the_journal_file_is_written_with_its_total() {
    let g = garden();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("journal.csv");
    let (written, lines) = write_journal(&g, "01/09/2026", "13/09/2026", &out, None).unwrap();
    assert_eq!(lines, 34);
    let text = String::from_utf8(std::fs::read(written).unwrap()).unwrap();
    assert!(
        text.contains("Date;Journal;Compte;Pièce;Libellé;Débit;Crédit"),
        "{text}"
    );
    assert!(text.contains("02/09/2026;VT;411;;Adhésion 2026 — BERNARD Bruno;20,00;"));
    assert!(text.contains("Total;181,00;181,00"), "{text}");
    let xlsx = dir.path().join("journal.xlsx");
    write_journal(&g, "01/09/2026", "13/09/2026", &xlsx, None).unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 0);
    // A reversed period or a file neither CSV nor XLSX: refused.
    assert!(write_journal(&g, "13/09/2026", "01/09/2026", &out, None).is_err());
    let pdf = dir.path().join("journal.pdf");
    assert!(write_journal(&g, "01/09/2026", "13/09/2026", &pdf, None).is_err());
}

#[test]
fn the_demo_garden_journal_balances() {
    let conn = open_in_memory().unwrap();
    let today = d(2026, 12, 5);
    binette::store::demo::create_demo(&conn, 1, today).unwrap();
    let g = Garden::new(conn, "demo.sqlite3".into());
    let lines = journal_lines(&g, d(2026, 1, 1), today).unwrap();
    assert!(!lines.is_empty());
    let (debit, credit) = totals(&lines);
    assert_eq!(debit, credit);
    assert!(lines.iter().all(|l| (l.debit == 0) != (l.credit == 0)));
}

#[test]
fn accounting_settings_round_trip() {
    let g = Garden::new(open_in_memory().unwrap(), "x.sqlite3".into());
    let defaults = load_accounting(&g).unwrap();
    // Never set: the defaults (50 € alert, 706 / 756 / 411 / 4111 / 512 / 5112, VT / BQ).
    assert_eq!(defaults.debt_alert, "50,00");
    assert_eq!(defaults.accounts.sales, "706");
    assert_eq!(defaults.accounts.cheques, "5112");
    let mut form = defaults.clone();
    form.bank_account = " Jardin du Val — FR76 1234 5678 9012 3456 7890 123 ".into();
    form.debt_alert = "75,5".into();
    form.accounts.sales = " 7061 ".into();
    form.accounts.journal_bank = "BQ1".into();
    // Never set: the accounts start with each subscription.
    assert_eq!(defaults.accounts_start, "");
    form.accounts_start = " 1/10/2026 ".into();
    let saved = save_accounting(&g, &form).unwrap();
    assert_eq!(saved.accounts_start, "01/10/2026");
    assert_eq!(saved.debt_alert, "75,50");
    assert_eq!(saved.accounts.sales, "7061");
    assert_eq!(load_accounting(&g).unwrap(), saved);
    assert_eq!(
        saved.bank_account,
        "Jardin du Val — FR76 1234 5678 9012 3456 7890 123"
    );
    // A wrong value names its field and writes nothing.
    let mut wrong = saved.clone();
    wrong.debt_alert = "beaucoup".into();
    assert_eq!(
        save_accounting(&g, &wrong).unwrap_err().field(),
        Some("Seuil d'alerte")
    );
    let mut wrong = saved.clone();
    wrong.accounts_start = "31/02/2026".into();
    assert_eq!(
        save_accounting(&g, &wrong).unwrap_err().field(),
        Some("Début des comptes")
    );
    let mut wrong = saved.clone();
    wrong.accounts.bank = "banque".into();
    assert_eq!(
        save_accounting(&g, &wrong).unwrap_err().field(),
        Some("Banque")
    );
    assert_eq!(load_accounting(&g).unwrap(), saved);
    // The journal uses the accounts saved.
    let lines = journal_lines(&g, d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    assert!(lines.is_empty());
}

#[test]
fn binette_export_journal_writes_the_period() {
    use binette::cli::{ExportKind, export::WeekChoice, export_file};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let today = d(2026, 12, 5);
    {
        let conn = binette::store::open(&path).unwrap();
        binette::store::demo::create_demo(&conn, 1, today).unwrap();
    }
    // The command line as typed parses to the journal with its days.
    let cli = binette::cli::args::parse_from([
        "binette",
        "export",
        "journal",
        "--db",
        path.to_str().unwrap(),
        "--from",
        "01/01/2026",
        "--to",
        "05/12/2026",
        "--out",
        "journal.xlsx",
    ])
    .unwrap();
    assert!(format!("{cli:?}").contains("Journal"));
    let out = dir.path().join("journal.csv");
    let days = WeekChoice {
        from: Some("01/01/2026".into()),
        to: Some("05/12/2026".into()),
    };
    let said = export_file(&path, ExportKind::Journal, &out, &days).unwrap();
    assert!(
        said.starts_with("Journal comptable du 01/01/2026 au 05/12/2026 : "),
        "{said}"
    );
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    let total = text.lines().last().unwrap();
    // The total row: Σ debit and Σ credit, the same figure twice.
    let figures: Vec<&str> = total.split(';').rev().take(2).collect();
    assert_eq!(figures[0], figures[1], "{total}");
    // Without its days, refused in French.
    let missing = WeekChoice {
        from: Some("01/01/2026".into()),
        to: None,
    };
    let refusal = export_file(&path, ExportKind::Journal, &out, &missing).unwrap_err();
    assert!(refusal.to_string().contains("--from et --to"), "{refusal}");
}
