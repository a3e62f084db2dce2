//! The plan: creations, updates with their differences, refusals.
use super::*;
use crate::domain::employees::{ApprovalChange, ApprovalChangeKind, Gender, PrescriberKind};

#[test]
fn a_new_person_gets_their_pass_and_contract() {
    let plan = plan(
        vec![export_row([
            "M",
            "Zola",
            "Émile",
            "1980-01-02",
            "999992612345",
            "05/01/2026",
            "04/01/2028",
            "05/01/2026",
            "04/07/2026",
            "SPIP 25",
        ])],
        &ImportContext::default(),
        ExistingPolicy::Update,
    );
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Create);
    assert_eq!(row.name, "ZOLA Émile");
    let writes = &row.outcome.writes;
    let employee = writes.employee.as_ref().unwrap();
    assert_eq!(employee.entry_date, d("2026-01-05"));
    assert_eq!(employee.gender, Gender::Male);
    assert_eq!(employee.prescriber_kind, PrescriberKind::Spip);
    assert_eq!(employee.prescriber_contact, "Claire Conseil");
    assert_eq!(writes.approval.as_ref().unwrap().end_date, d("2028-01-04"));
    let contract = writes.contract.as_ref().unwrap();
    assert_eq!(contract.planned_end, d("2026-07-04"));
    assert_eq!(contract.weekly_hours, DEFAULT_WEEKLY_HOURS);
    assert!(row.details().contains(
        &"Contrat du 05/01/2026 au 04/07/2026 (26 h par semaine, à vérifier)".to_owned()
    ));
    assert_eq!(plan.counts().create, 1);
}

#[test]
fn an_existing_person_is_updated_by_pass_number_with_the_differences() {
    let context = ImportContext {
        employees: vec![existing_lea()],
    };
    let row = export_row([
        "MME",
        "BERARD",
        "Lea",
        "12/05/1990",
        "99999 25 12345",
        "02/03/2025",
        "01/09/2027",
        "03/03/2025",
        "02/03/2026",
        "Mission locale de Dole",
    ]);
    let plan = plan(vec![row], &context, ExistingPolicy::Update);
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Update(7));
    assert_eq!(row.matched_by, Some(MatchKind::PassNumber));
    let details = row.details();
    assert!(
        details.contains(&"Fin du PASS : 01/03/2027 → 01/09/2027".to_owned()),
        "{details:?}"
    );
    assert!(details.contains(&"Fin du contrat du 03/03/2025 : 02/09/2025 → 02/03/2026".to_owned()));
    assert!(details.contains(&"Civilité : (vide) → Madame".to_owned()));
    // What the staff typed is kept, and the difference shown.
    assert!(details.contains(
        &"Organisation prescriptrice dans le fichier : « Mission locale de Dole » (Binette garde « France Travail Dole »).".to_owned()
    ));
    let employee = row.outcome.writes.employee.as_ref().unwrap();
    assert_eq!(employee.prescriber_org, "France Travail Dole");
    assert_eq!(employee.last_name, "Bérard");
    assert_eq!(employee.phone, "0612345678");
    assert_eq!(
        row.outcome.writes.approval.as_ref().unwrap().end_date,
        d("2027-09-01")
    );
    assert_eq!(plan.counts().update, 1);
}

#[test]
fn suspensions_typed_in_binette_are_kept_in_the_end_date() {
    let mut lea = existing_lea();
    lea.approvals[0].changes.push(ApprovalChange {
        id: 1,
        approval_id: 70,
        kind: ApprovalChangeKind::Suspension,
        start_date: d("2025-06-01"),
        end_date: d("2025-06-30"),
        reason: "Arrêt maladie".into(),
    });
    // Binette's effective end: 01/03/2027 + 30 days = 31/03/2027, as on the platform.
    let context = ImportContext {
        employees: vec![lea],
    };
    let row = |end: &str| {
        let mut row = export_row([
            "",
            "Bérard",
            "Léa",
            "",
            "999992512345",
            "02/03/2025",
            end,
            "",
            "",
            "",
        ]);
        // Only the PASS: no contact or prescriber to fill in.
        for i in [4, 6, 7, 13] {
            row[i].clear();
        }
        row
    };
    let same = plan(vec![row("31/03/2027")], &context, ExistingPolicy::Update);
    assert_eq!(same.rows[0].action, RowAction::Unchanged(7));
    assert_eq!(same.rows[0].details(), ["Déjà à jour dans Binette."]);
    let later = plan(vec![row("30/04/2027")], &context, ExistingPolicy::Update);
    let approval = later.rows[0].outcome.writes.approval.as_ref().unwrap();
    assert_eq!(approval.end_date, d("2027-03-31"));
    assert_eq!(approval.effective_end(), d("2027-04-30"));
    assert!(later.rows[0].details()[0].contains("suspensions et prolongations de Binette"));
}

#[test]
fn name_and_birth_date_match_when_no_pass_does_and_the_preview_says_so() {
    let mut lea = existing_lea();
    lea.approvals.clear();
    lea.contracts.clear();
    let context = ImportContext {
        employees: vec![lea],
    };
    let plan = plan(
        vec![
            export_row([
                "MME",
                "Bérard",
                "Léa",
                "12/05/1990",
                "999992612345",
                "05/01/2026",
                "04/01/2028",
                "05/01/2026",
                "04/07/2026",
                "",
            ]),
            // Same person again (same PASS): refused, not created twice.
            export_row([
                "MME",
                "Berard",
                "Léa",
                "",
                "999992612345",
                "05/01/2026",
                "04/01/2028",
                "",
                "",
                "",
            ]),
        ],
        &context,
        ExistingPolicy::Update,
    );
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Update(7));
    assert_eq!(row.matched_by, Some(MatchKind::NameAndBirthDate));
    let details = row.details();
    assert!(details[0].starts_with("Reconnu(e) par le nom et la date de naissance"));
    assert!(
        details.contains(
            &"PASS IAE : (aucun) → n° 999992612345 du 05/01/2026 au 04/01/2028".to_owned()
        )
    );
    assert!(
        details.contains(
            &"Contrat : (aucun) → du 05/01/2026 au 04/07/2026 (26 h par semaine, à vérifier)"
                .to_owned()
        )
    );
    assert_eq!(
        plan.rows[1].action,
        RowAction::Rejected("Même personne que la ligne 2 du fichier.".into())
    );
}

#[test]
fn namesakes_ignored_applications_and_the_skip_policy() {
    let mut lea = existing_lea();
    lea.employee.birth_date = None;
    let context = ImportContext {
        employees: vec![lea],
    };
    let mut open = export_row(["M", "Roux", "Jean", "", "", "", "", "", "", ""]);
    open[15] = "Candidature déclinée".into();
    let rows = vec![
        // Same name, another PASS, no birth date in Binette: cannot tell, refused.
        export_row([
            "MME",
            "Bérard",
            "Léa",
            "12/05/1990",
            "999992612345",
            "05/01/2026",
            "",
            "",
            "",
            "",
        ]),
        open,
        // No civility: the gender is unknown, no file can be created.
        export_row(["", "Roux", "Paul", "", "", "", "", "", "", ""]),
        export_row([
            "MME",
            "Bérard",
            "Léa",
            "",
            "999992512345",
            "02/03/2025",
            "01/09/2027",
            "",
            "",
            "",
        ]),
    ];
    let update = plan(rows.clone(), &context, ExistingPolicy::Update);
    assert!(matches!(&update.rows[0].action, RowAction::Rejected(r) if r.contains("existe déjà")));
    assert_eq!(
        update.rows[1].action,
        RowAction::Ignored("Candidature « Candidature déclinée » : pas une embauche.".into())
    );
    assert!(
        matches!(&update.rows[2].action, RowAction::Rejected(r) if r.starts_with("Civilité manquante"))
    );
    assert_eq!(update.rows[3].action, RowAction::Update(7));
    let csv = String::from_utf8(update.rejected_csv()).unwrap();
    assert!(csv.contains("Motif du refus"), "{csv}");
    assert!(csv.contains("Civilité manquante"), "{csv}");
    assert!(!csv.contains("Candidature déclinée"), "{csv}");

    let skip = plan(rows, &context, ExistingPolicy::Skip);
    assert_eq!(skip.rows[3].action, RowAction::Unchanged(7));
    assert!(skip.rows[3].outcome.writes.is_empty());
    assert_eq!(
        skip.counts().describe(),
        "0 à créer, 0 à mettre à jour, 1 inchangé(s), 1 ignoré(s), 2 refusé(s)"
    );
}
