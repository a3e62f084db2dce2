//! The "Financeurs" tab: the funders of Paniers Solidaires (create, rename, change,
//! delete when they fund nothing) and the statement PDF for one of them.

use chrono::NaiveDate;
use iced::widget::{Column, checkbox, column, pick_list, row, text};
use iced::{Element, Length};

use super::forms::{Deletion, FunderForm};
use super::member::link;
use super::member_forms::{buttons, confirm_buttons, input_w};
use super::setup::SCROLL_GAP;
use super::{Choice, Field, Form, Message, Screen, labelled, scroll};
use crate::app::Garden;
use crate::domain::baskets::{Funder, FunderKind};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// The funders, and the statement form.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let error = screen.form_error.as_deref();
    let mut list = Column::new().spacing(2);
    if let Form::Funder(f) = &screen.form
        && f.id == 0
    {
        list = list.push(widgets::card("Nouveau financeur", funder_form(f, error)));
    } else {
        list = list.push(
            row![
                widgets::muted("Ils paient le reste des Paniers Solidaires, selon les parts fixées sur chaque abonnement.")
                    .width(Length::Fill),
                widgets::action("Nouveau financeur", Some(Message::NewFunder)),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        );
    }
    list = list.push(
        row![
            text("Nom").size(13).color(theme::MUTED).width(Length::Fill),
            text("Type").size(13).color(theme::MUTED).width(160),
            text("Abonnements financés")
                .size(13)
                .color(theme::MUTED)
                .width(150),
            text("État").size(13).color(theme::MUTED).width(70),
            iced::widget::Space::new().width(170),
        ]
        .spacing(10),
    );
    for f in &screen.base.funders {
        list = list.push(funder_line(screen, f, error));
    }
    if screen.base.funders.is_empty() {
        list = list.push(widgets::muted("Aucun financeur pour l'instant."));
    }
    let statement = column![
        widgets::muted(
            "Foyers, paniers livrés (retirés ou laissés au dépôt), leur valeur, ce que les foyers ont payé et ce que doit le financeur."
        ),
        row![
            labelled(
                "Financeur",
                pick_list(every_funder(screen), screen.statement_funder.clone(), Message::StatementFunder)
                    .placeholder("Choisir…")
                    .width(300)
            ),
            input_w("Du", &screen.statement_from, Field::StmtFrom, 150),
            input_w("Au", &screen.statement_to, Field::StmtTo, 150),
        ]
        .spacing(10),
        widgets::action(
            "Enregistrer le relevé (PDF)…",
            (!screen.busy).then_some(Message::MakeStatement)
        ),
    ]
    .spacing(10);
    scroll(
        column![
            widgets::card("Financeurs des Paniers Solidaires", list),
            widgets::card("Relevé pour un financeur", statement)
        ]
        .spacing(14)
        .padding(SCROLL_GAP),
    )
}

/// Every funder, active or not: a statement may cover a past period.
fn every_funder(screen: &Screen) -> Vec<Choice> {
    screen
        .base
        .funders
        .iter()
        .map(|f| Choice {
            id: f.id,
            label: f.name.clone(),
        })
        .collect()
}

/// One funder: its name, kind, baskets funded, state and actions; or its edit form, or the
/// question before deleting it.
fn funder_line<'a>(
    screen: &'a Screen,
    f: &'a Funder,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    match &screen.form {
        Form::Funder(form) if form.id == f.id => {
            return widgets::card(format!("Modifier {}", f.name), funder_form(form, error));
        }
        Form::Delete(Deletion::Funder(id)) if *id == f.id => {
            return column![
                text(format!("Supprimer le financeur {} ?", f.name))
                    .size(15)
                    .font(BOLD),
                confirm_buttons("Supprimer", error),
            ]
            .spacing(6)
            .padding([6, 0])
            .into();
        }
        _ => {}
    }
    let funded = screen.base.funded.get(&f.id).copied().unwrap_or(0);
    row![
        text(f.name.clone()).size(15).font(BOLD).width(Length::Fill),
        text(f.kind.label()).size(14).width(160),
        text(match funded {
            0 => "aucun".to_owned(),
            n => n.to_string(),
        })
        .size(14)
        .width(150),
        text(if f.active { "actif" } else { "inactif" })
            .size(14)
            .color(theme::MUTED)
            .width(70),
        row![
            link("Modifier", Message::EditFunder(f.id)),
            link("Supprimer", Message::DeleteFunder(f.id)),
        ]
        .width(170),
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center)
    .into()
}

/// Name, kind and "active" of a funder.
fn funder_form<'a>(f: &'a FunderForm, error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = column![
        row![
            input_w("Nom du financeur", &f.name, Field::FunderName, 420),
            labelled(
                "Type",
                pick_list(FunderKind::ALL, f.kind, Message::FunderKindPicked).width(200)
            ),
        ]
        .spacing(10),
    ]
    .spacing(8);
    if f.id != 0 {
        c = c.push(
            checkbox(f.active)
                .label("Proposé sur les nouveaux Paniers Solidaires (actif)")
                .on_toggle(Message::FunderActive),
        );
    }
    c.push(buttons(error)).into()
}

/// Builds the statement, asks where to save it, saves it and opens it.
pub async fn save_statement(
    db: Garden,
    funder: Choice,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<std::path::PathBuf>, String> {
    use crate::report::funder_statement::{StatementDocument, render};
    let data = db
        .call(move |conn| {
            let identity = crate::store::settings::garden_identity(conn)?;
            let statement = crate::store::week::funder_statement(conn, funder.id, from, to)?;
            Ok((identity, statement))
        })
        .await
        .map_err(|e| e.to_string())?;
    let (identity, statement) = data;
    let doc = StatementDocument {
        garden_name: identity.name,
        logo_path: (!identity.logo_path.is_empty()).then(|| identity.logo_path.into()),
        created: chrono::Local::now().naive_local(),
        statement,
    };
    let bytes = render(&doc).map_err(|e| e.to_string())?;
    let name = format!(
        "releve-{}-{}.pdf",
        crate::domain::text::slug(&doc.statement.funder),
        to.format("%Y-%m-%d")
    );
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer le relevé")
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .save_file()
        .await
    else {
        return Ok(None);
    };
    let path = file.path().to_path_buf();
    crate::store::output::write_file(&path, &bytes).map_err(|e| e.to_string())?;
    crate::ui::files::open_in_viewer(&path);
    Ok(Some(path))
}
