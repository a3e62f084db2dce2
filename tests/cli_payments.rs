//! `binette remittance` and `binette export balances|payments`, run as a user would.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn binette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_binette"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load_mem(&std::fs::read(path).unwrap()).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

/// Anne MARTIN: a cheque of 52,00 € to cash on 05/01/2025 and one post-dated to
/// 05/02/2025; Bruno BERNARD: a cheque of 30,00 € received 10/01/2025 (no date to cash)
/// and a transfer of 45,00 €. All in the past, whatever the day the test runs.
fn garden(dir: &Path) -> String {
    let db = dir.join("jardin.sqlite3");
    let conn = binette::store::open(&db).unwrap();
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
    db.to_str().unwrap().to_owned()
}

#[test]
fn remittance_writes_the_slip_then_has_nothing_left_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = garden(dir.path());
    let out = dir.path().join("bordereau.pdf");
    let out_s = out.to_str().unwrap();
    let run = |until: &str, out: &str| {
        binette(&["remittance", "--db", &db, "--until", until, "--out", out])
    };
    let output = run("2025-01-31", out_s);
    assert!(output.status.success(), "{}", stderr(&output));
    // Cheques 0000101 (05/01) and 7777 (10/01): 52,00 + 30,00 = 82,00 €.
    let said = stdout(&output);
    assert!(
        said.starts_with("Bordereau de remise n° 1 : 2 chèques, total 82,00 €, écrit dans "),
        "{said}"
    );
    let text = pdf_text(&out);
    assert!(text.contains("0000101") && text.contains("7777"), "{text}");
    assert!(
        text.contains("Total : 2 chèques") && text.contains("82,00"),
        "{text}"
    );
    assert!(
        !text.contains("0000102"),
        "post-dated cheque printed:\n{text}"
    );

    // Again for the same day: nothing due, said in French, no file, a failure status.
    let again = dir.path().join("encore.pdf");
    let output = run("31/01/2025", again.to_str().unwrap());
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(
            "Aucun chèque à remettre jusqu'au 31/01/2025 : aucun bordereau fait, aucun fichier écrit."
        ),
        "{}",
        stderr(&output)
    );
    assert!(!again.exists());

    // The post-dated cheque by its day: slip n° 2, 1 cheque, 52,00 €.
    let output = run("2025-02-05", again.to_str().unwrap());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Bordereau de remise n° 2 : 1 chèque, total 52,00 €"));

    // A day that is no date, or a day to come: refused, nothing written.
    let bad = dir.path().join("mauvais.pdf");
    let output = run("demain", bad.to_str().unwrap());
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("Date « demain » illisible"),
        "{}",
        stderr(&output)
    );
    let output = run("2999-01-01", bad.to_str().unwrap());
    assert!(!output.status.success());
    assert!(stderr(&output).contains("les chèques postdatés attendent leur date"));
    assert!(!bad.exists());
}

#[test]
fn export_balances_and_payments_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let db = garden(dir.path());
    let csv = dir.path().join("soldes.csv");
    let output = binette(&[
        "export",
        "balances",
        "--db",
        &db,
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&csv).unwrap();
    // Bruno 30,00 + 45,00 = 75,00; Anne 52,00 + 52,00 = 104,00; total 179,00, nobody owes.
    assert!(text.contains("BERNARD;Bruno;75,00;\r\n"), "{text}");
    assert!(text.contains("MARTIN;Anne;104,00;\r\n"), "{text}");
    assert!(text.contains("Total;;179,00;0,00\r\n"), "{text}");
    assert!(
        stdout(&output).contains("2 ligne(s) écrite(s) en CSV"),
        "{}",
        stdout(&output)
    );

    let xlsx = dir.path().join("paiements.xlsx");
    let output = binette(&[
        "export",
        "payments",
        "--db",
        &db,
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Paiements : 4 ligne(s) écrite(s) en Excel"),
        "{}",
        stdout(&output)
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let csv = dir.path().join("paiements.csv");
    binette(&[
        "export",
        "payments",
        "--db",
        &db,
        "--out",
        csv.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    // 52 + 52 + 30 + 45 = 179,00 €.
    assert!(text.contains(";Total (hors annulés);;179,00;"), "{text}");
}
