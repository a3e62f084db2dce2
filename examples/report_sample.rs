//! Writes `/tmp/report_sample.pdf`: an émargement-like sheet exercising the report kit.
//! Render it with `pdftoppm -png -r 60 /tmp/report_sample.pdf /tmp/sample`.

use binette::report::{
    Align, Area, Block, Color, Column, Document, DocumentSetup, Orientation, ReportError, Row,
    Section, Table, TextStyle,
};

const LAST: [&str; 12] = [
    "N'Diaye",
    "Lefèvre-Œuvray",
    "Müller",
    "Dupont",
    "Bérénice",
    "Garçon",
    "Lætitia",
    "Martin",
    "Østergaard",
    "Perrin",
    "Hoël",
    "Zébulon",
];
const FIRST: [&str; 6] = ["Aïcha", "Zoé", "François", "Hélène", "Noël", "Jérôme"];

fn counts() -> Vec<Block> {
    let mut t = Table::new(vec![
        Column::mm("Panier", 30.0),
        Column::mm("Nombre", 20.0).right(),
        Column::fraction("Composition de la semaine", 1.0),
    ])
    .font_size(9.0)
    .zebra(true);
    t.push(Row::new([
        "Petit",
        "14",
        "Poireaux 1 kg, carottes 1 kg, mâche 150 g, courge ½",
    ]));
    t.push(Row::new([
        "Moyen",
        "22",
        "Poireaux 1,5 kg, carottes 1,5 kg, mâche 200 g, courge 1, œufs ×6",
    ]));
    t.push(Row::new([
        "Grand",
        "9",
        "Poireaux 2 kg, carottes 2 kg, mâche 300 g, courge 1, céleri-rave, œufs ×12",
    ]));
    vec![Block::Table(t)]
}

fn main() -> Result<(), ReportError> {
    let created = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .and_then(|d| d.and_hms_opt(14, 30, 0))
        .unwrap_or_default();
    let mut doc = Document::new(DocumentSetup {
        title: "Feuille d'émargement".into(),
        garden_name: "Jardins de Cocagne du Val d'Œuf".into(),
        logo_path: std::env::args().nth(1).map(Into::into),
        footer_left: Some("Édité le 28/11/2026".into()),
        orientation: Orientation::Portrait,
        created,
    });
    for (depot, n) in [
        ("Dépôt de la Mairie — 12 rue de l'Église, Saint-Éloi", 60),
        ("Dépôt du Moulin", 12),
    ] {
        doc.begin_section(
            Section::new(format!("{depot} · livraison du jeudi 3 décembre 2026"))
                .with_page_top(counts()),
        );
        doc.paragraph(
            "Cochez la case « Signature » quand vous retirez votre panier. Les paniers non retirés \
             avant 19 h sont donnés à l'épicerie solidaire ; prévenez-nous si vous êtes absent.",
            TextStyle::regular(9.0).grey(),
        );
        doc.spacer(2.0);
        let mut t = Table::new(vec![
            Column::mm("Nom", 40.0),
            Column::mm("Prénom", 26.0),
            Column::mm("Co-adhérent", 28.0),
            Column::mm("Panier", 16.0).center(),
            Column::mm("Qté", 10.0).right(),
            Column::fraction("Signature", 1.0),
        ])
        .borders(true)
        .min_row_height(9.0);
        for i in 0..n {
            let absent = i % 11 == 4;
            let cells = [
                LAST[i % LAST.len()].to_string(),
                FIRST[i % FIRST.len()].to_string(),
                match i % 9 {
                    0 => "Léa Müller".into(),
                    3 => "Jean-Baptiste de La Tour-d'Auvergne".into(),
                    _ => String::new(),
                },
                ["Petit", "Moyen", "Grand"][i % 3].to_string(),
                (1 + i % 2).to_string(),
                if absent {
                    "ABSENT".into()
                } else {
                    String::new()
                },
            ];
            let row = Row::new(cells);
            t.push(if absent { row.muted() } else { row });
        }
        doc.table(&t);
        doc.paragraph_aligned("Total : 45 paniers", TextStyle::bold(10.0), Align::Right);
    }
    // A small bar chart built on the vector primitives.
    doc.begin_section(Section::new("Récoltes de novembre (kg)"));
    let area = doc.reserve(60.0);
    let crops = [
        ("Poireaux", 320.0),
        ("Carottes", 410.0),
        ("Mâche", 95.0),
        ("Courges", 260.0),
    ];
    let label = TextStyle::regular(9.0);
    for (i, (name, kg)) in crops.iter().enumerate() {
        let h = kg / 410.0 * (area.height - 12.0);
        let x = area.x + 10.0 + i as f32 * 40.0;
        let bar = Area {
            x,
            y: area.y + area.height - 6.0 - h,
            width: 25.0,
            height: h,
        };
        doc.fill_rect(bar, Color::rgb(0.30, 0.55, 0.35));
        doc.text_at(
            x + 12.5,
            area.y + area.height - 1.5,
            name,
            label,
            Align::Center,
        );
        doc.text_at(
            x + 12.5,
            bar.y - 1.0,
            &format!("{kg} kg"),
            label,
            Align::Center,
        );
    }
    let base = area.y + area.height - 6.0;
    doc.line(
        (area.x, base),
        (area.x + area.width, base),
        0.8,
        Color::BLACK,
    );
    let bytes = doc.to_bytes()?;
    std::fs::write("/tmp/report_sample.pdf", &bytes)?;
    println!("{} octets", bytes.len());
    Ok(())
}
