//! Each list screen as a table: the columns it shows, the rows it keeps, in its order.
//! Nothing is added that the screen does not show (no PASS number, no social data; the
//! Paniers Solidaires mark only when the list is filtered on it).

use chrono::Datelike;

use crate::domain::baskets::PickupStatus;
use crate::domain::calendar::weekday_name;
use crate::domain::employees::EmployeeRow;
use crate::domain::export::{Cell, CellKind, ExportTable};
use crate::domain::harvest_query::{HarvestLine, Totals};
use crate::store::members::MemberRow;
use crate::store::sheets::{DepotSheet, PrintSet, SheetRow};
use crate::store::workshops::SessionSummary;

/// The Salariés list: name, entry, planned end, exit, weekly hours, referent, alerts.
pub fn employees(rows: &[&EmployeeRow]) -> ExportTable {
    let mut table = ExportTable::new(
        "Salariés",
        &[
            ("Nom", CellKind::Text),
            ("Prénom", CellKind::Text),
            ("Entrée", CellKind::Date),
            ("Fin prévue", CellKind::Date),
            ("Sortie", CellKind::Date),
            ("Heures par semaine", CellKind::Decimal),
            ("Référent", CellKind::Text),
            ("À surveiller", CellKind::Text),
        ],
    );
    for row in rows {
        let alerts = row
            .alerts
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.kind.short_label(),
                    crate::domain::calendar::format_date(a.date)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        table.push(vec![
            Cell::text(row.last_name.to_uppercase()),
            Cell::text(row.first_name.clone()),
            Cell::Date(row.entry_date),
            row.planned_end.map_or(Cell::Empty, Cell::Date),
            row.exit_date.map_or(Cell::Empty, Cell::Date),
            row.weekly_hours.map_or(Cell::Empty, Cell::Decimal),
            Cell::text_or_empty(row.referent.clone()),
            Cell::text_or_empty(alerts),
        ]);
    }
    table
}

/// The Récoltes list: one line per harvest, kg when known.
pub fn harvest_lines(lines: &[&HarvestLine]) -> ExportTable {
    let mut table = ExportTable::new(
        "Récoltes",
        &[
            ("Date", CellKind::Date),
            ("Culture", CellKind::Text),
            ("Parcelle", CellKind::Text),
            ("Quantité", CellKind::Decimal),
            ("Unité", CellKind::Text),
            ("Destination", CellKind::Text),
            ("Poids (kg)", CellKind::Decimal),
            ("Note", CellKind::Text),
            ("N°", CellKind::Integer),
        ],
    );
    for line in lines {
        let h = &line.harvest;
        table.push(vec![
            Cell::Date(h.date),
            Cell::text(line.crop_name.clone()),
            Cell::text_or_empty(line.plot_name.clone()),
            Cell::Decimal(h.quantity),
            Cell::text(h.unit.label()),
            Cell::text(h.destination.label()),
            line.kg.map_or(Cell::Empty, Cell::Decimal),
            Cell::text_or_empty(h.notes.clone()),
            Cell::Integer(h.id),
        ]);
    }
    table
}

/// The Récoltes totals: kg per crop, per plot, per destination, what could not be weighed,
/// and the grand total.
pub fn harvest_totals(totals: &Totals) -> ExportTable {
    let mut table = ExportTable::new(
        "Totaux des récoltes",
        &[
            ("Regroupement", CellKind::Text),
            ("Libellé", CellKind::Text),
            ("Poids (kg)", CellKind::Decimal),
            ("Remarque", CellKind::Text),
        ],
    );
    for (crop, kg) in &totals.by_crop {
        table.push(vec![
            Cell::text("Culture"),
            Cell::text(crop.clone()),
            Cell::Decimal(*kg),
        ]);
    }
    for (plot, kg) in &totals.by_plot {
        let name = if plot.is_empty() {
            "Sans parcelle"
        } else {
            plot
        };
        table.push(vec![
            Cell::text("Parcelle"),
            Cell::text(name),
            Cell::Decimal(*kg),
        ]);
    }
    for (destination, kg) in &totals.by_destination {
        table.push(vec![
            Cell::text("Destination"),
            Cell::text(destination.label()),
            Cell::Decimal(*kg),
        ]);
    }
    for (crop, unit, quantity) in &totals.unweighed {
        table.push(vec![
            Cell::text("Non compté en kg"),
            Cell::text(crop.clone()),
            Cell::Empty,
            Cell::text(format!(
                "{} {} : poids par unité inconnu",
                Cell::Decimal(*quantity).csv_text(),
                unit.label()
            )),
        ]);
    }
    table.push_total(vec![
        Cell::text("Total"),
        Cell::text(format!("{} lignes", totals.lines)),
        Cell::Decimal(totals.kg),
    ]);
    table
}

/// The Adhérents list: name, co-member, status, depots, sizes, contact details (phones,
/// e-mail, address: what a partner needs, and what an import reads back), this year's
/// membership; never the private notes; the Paniers Solidaires column only when `solidarity_filter` is on (the list
/// shows the mark only then).
pub fn members(rows: &[&MemberRow], year: i32, solidarity_filter: bool) -> ExportTable {
    let title = if solidarity_filter {
        "Adhérents Paniers Solidaires"
    } else {
        "Adhérents"
    };
    let membership = format!("Cotisation {year}");
    let mut table = ExportTable::new(
        title,
        &[
            ("Nom", CellKind::Text),
            ("Prénom", CellKind::Text),
            ("Co-adhérent(e)", CellKind::Text),
            ("Statut", CellKind::Text),
            ("Dépôt", CellKind::Text),
            ("Panier", CellKind::Text),
            ("Téléphone", CellKind::Text),
            ("Téléphone 2", CellKind::Text),
            ("E-mail", CellKind::Text),
            ("Adresse", CellKind::Text),
            ("Code postal", CellKind::Text),
            ("Commune", CellKind::Text),
            (membership.as_str(), CellKind::Text),
        ],
    );
    if solidarity_filter {
        table.push_column("Paniers Solidaires", CellKind::Text);
    }
    for row in rows {
        let m = &row.member;
        let mut cells = vec![
            Cell::text(m.last_name.clone()),
            Cell::text_or_empty(m.first_name.clone()),
            Cell::text_or_empty(m.co_member.clone()),
            Cell::text(m.status.label()),
            Cell::text_or_empty(row.depots.join(", ")),
            Cell::text_or_empty(row.sizes.join(", ")),
            Cell::text_or_empty(m.phone.clone()),
            Cell::text_or_empty(m.phone2.clone()),
            Cell::text_or_empty(m.email.clone()),
            Cell::text_or_empty(m.address.clone()),
            Cell::text_or_empty(m.postcode.clone()),
            Cell::text_or_empty(m.city.clone()),
            Cell::text(if row.paid_this_year {
                "payée"
            } else {
                "à payer"
            }),
        ];
        if solidarity_filter {
            cells.push(Cell::text(if row.solidarity { "oui" } else { "non" }));
        }
        table.push(cells);
    }
    table
}

/// The Ateliers list: each session kept by the filters, in the list's order.
pub fn sessions(sessions: &[&SessionSummary], unfilled: &[i64]) -> ExportTable {
    let mut table = ExportTable::new(
        "Séances d'ateliers",
        &[
            ("Date", CellKind::Date),
            ("Jour", CellKind::Text),
            ("Début", CellKind::Text),
            ("Fin", CellKind::Text),
            ("Atelier", CellKind::Text),
            ("Type", CellKind::Text),
            ("Inscrits", CellKind::Integer),
            ("Places", CellKind::Integer),
            ("Présences", CellKind::Text),
        ],
    );
    for s in sessions {
        table.push(vec![
            Cell::Date(s.date),
            Cell::text(weekday_name(s.date.weekday())),
            Cell::text(s.start.format("%H:%M").to_string()),
            Cell::text(s.end.format("%H:%M").to_string()),
            Cell::text(s.workshop_title.clone()),
            Cell::text(s.type_name.clone()),
            Cell::Integer(s.registered),
            s.capacity.map_or(Cell::Empty, Cell::Integer),
            if unfilled.contains(&s.session_id) {
                Cell::text("à saisir")
            } else {
                Cell::Empty
            },
        ]);
    }
    table
}

/// The Paniers screen's depots of the week: delivery day, baskets per size, members.
pub fn week_depots(set: &PrintSet) -> ExportTable {
    let mut table = ExportTable::new(
        format!("Dépôts semaine {} {}", set.week.week(), set.week.year()),
        &[("Dépôt", CellKind::Text), ("Livraison", CellKind::Date)],
    );
    for size in &set.sizes {
        table.push_column(size.name.clone(), CellKind::Integer);
    }
    table.push_column("Total", CellKind::Integer);
    table.push_column("Adhérents", CellKind::Integer);
    let mut members = 0;
    for depot in &set.depots {
        let mut cells = vec![Cell::text(depot.name.clone()), Cell::Date(depot.date)];
        cells.extend(depot.counts.iter().map(|&n| Cell::Integer(n)));
        cells.push(Cell::Integer(depot.total));
        let count = i64::try_from(depot.rows.len()).unwrap_or(i64::MAX);
        members += count;
        cells.push(Cell::Integer(count));
        table.push(cells);
    }
    let mut total = vec![Cell::text("Total"), Cell::Empty];
    total.extend(set.totals.iter().map(|&n| Cell::Integer(n)));
    total.push(Cell::Integer(set.total_baskets()));
    total.push(Cell::Integer(members));
    table.push_total(total);
    table
}

/// The pickups of one depot after distribution, as the tab shows them; `status` gives what
/// was ticked for a row.
pub fn pickups(
    set: &PrintSet,
    depot: &DepotSheet,
    status: impl Fn(&SheetRow) -> Option<PickupStatus>,
) -> ExportTable {
    let mut table = ExportTable::new(
        format!("Retraits {} S{}", depot.name, set.week.week()),
        &[
            ("Nom", CellKind::Text),
            ("Prénom", CellKind::Text),
            ("Panier", CellKind::Text),
            ("Paniers", CellKind::Integer),
            ("Retrait", CellKind::Text),
        ],
    );
    for row in &depot.rows {
        let state = if row.baskets == 0 {
            "Absent".to_owned()
        } else {
            status(row).map_or_else(|| "À cocher".to_owned(), |s| s.label().to_owned())
        };
        table.push(vec![
            Cell::text(row.last_name.clone()),
            Cell::text_or_empty(row.first_name.clone()),
            Cell::text(row.size.clone()),
            Cell::Integer(row.baskets),
            Cell::text(state),
        ]);
    }
    table
}
