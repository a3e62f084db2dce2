//! What each message of the Salariés screen does.

use iced::Task;
use iced::widget::operation;

use super::fields::{F, Part};
use super::form::{Errors, FileForm};
use super::{Message, OpenFile, Screen, StaffChoice, Tab};
use crate::domain::employees::{ApprovalChangeKind, FseStage, visible_rows};
use crate::domain::text::sentence_name;
use crate::store::employees as store;
use crate::store::{Connection, StoreError};
use crate::ui::widgets::Tone;

mod edit;
mod paths;

use edit::edit;

type Work = Box<dyn FnOnce(&Connection) -> Result<i64, StoreError> + Send>;

impl Screen {
    fn refilter(&mut self) {
        self.visible = visible_rows(
            &self.rows,
            &self.query,
            self.filter,
            self.today,
            self.sort,
            self.descending,
        );
    }

    /// Writes with `work` (which returns the employee id), then reads the file again.
    fn write(&mut self, success: &str, work: Work) -> Task<Message> {
        let success = success.to_owned();
        Task::perform(
            self.db.write(move |conn| {
                let id = work(conn)?;
                Ok((store::load_employee_file(conn, id)?, success))
            }),
            Message::Saved,
        )
    }

    fn open_mut(&mut self) -> Option<&mut OpenFile> {
        self.open.as_mut()
    }
}

fn show_errors(open: &mut OpenFile, errors: Errors) -> Task<Message> {
    open.form.errors.extend(errors);
    open.notice = Some((
        Tone::Error,
        "Rien n'a été enregistré : corrigez les champs signalés en rouge.".into(),
    ));
    Task::none()
}

/// Handles one message.
pub fn update(screen: &mut Screen, message: Message) -> Task<Message> {
    let today = screen.today;
    match message {
        Message::Rows(Ok(rows)) => {
            screen.rows = rows;
            screen.loading = false;
            screen.refilter();
        }
        Message::Rows(Err(error)) | Message::Choices(Err(error)) => {
            screen.loading = false;
            screen.list_notice = Some((Tone::Error, error.to_string()));
        }
        Message::Choices(Ok((staff, themes))) => {
            screen.staff_choices = std::iter::once(StaffChoice {
                id: None,
                name: "Aucun".into(),
            })
            .chain(staff.iter().filter(|s| s.active).map(|s| StaffChoice {
                id: Some(s.id),
                name: s.display_name(),
            }))
            .collect();
            screen.staff = staff;
            screen.themes = themes;
        }
        Message::Search(query) => {
            screen.query = query;
            screen.refilter();
        }
        Message::Filter(filter) => {
            screen.filter = filter;
            screen.refilter();
        }
        Message::Sort(column) => {
            if screen.sort == column {
                screen.descending = !screen.descending;
            } else {
                screen.sort = column;
                screen.descending = false;
            }
            screen.refilter();
        }
        Message::Open(id) => {
            screen.list_notice = None;
            return Task::perform(
                screen
                    .db
                    .call(move |conn| store::load_employee_file(conn, id)),
                Message::FileLoaded,
            );
        }
        Message::NewPerson => {
            screen.list_notice = None;
            screen.open = Some(OpenFile {
                form: FileForm::new_person(today),
                tab: Tab::Identity,
                notice: None,
                confirm_delete: None,
            });
            return operation::focus(F::LastName.id());
        }
        Message::Back => {
            screen.open = None;
            return Task::batch([screen.load_rows(), operation::focus(super::SEARCH_ID)]);
        }
        Message::FileLoaded(Ok(file)) => {
            let mut form = FileForm::default();
            form.load(file, today);
            form.edit_follow_up(None, today);
            form.edit_fse(FseStage::Entry, today);
            form.refresh(today);
            screen.open = Some(OpenFile {
                form,
                tab: Tab::Identity,
                notice: None,
                confirm_delete: None,
            });
        }
        Message::FileLoaded(Err(error)) => {
            screen.list_notice = Some((Tone::Error, error.to_string()));
        }
        Message::Saved(Ok((file, success))) => {
            if let Some(open) = screen.open_mut() {
                let was_new = open.form.employee_id() == 0;
                open.form.load(file, today);
                open.notice = Some((Tone::Success, success));
                if was_new {
                    open.form.edit_follow_up(None, today);
                    open.form.edit_fse(FseStage::Entry, today);
                }
            }
        }
        Message::Saved(Err(error)) | Message::Deleted(Err(error)) => {
            if let Some(open) = screen.open_mut() {
                open.notice = Some((Tone::Error, error.to_string()));
            }
        }
        Message::AskDelete => {
            let Some(id) = screen.open.as_ref().map(|o| o.form.employee_id()) else {
                return Task::none();
            };
            return Task::perform(
                screen
                    .db
                    .call(move |conn| store::deletion_summary(conn, id)),
                Message::DeleteSummary,
            );
        }
        Message::DeleteSummary(result) => {
            if let Some(open) = screen.open_mut() {
                match result {
                    Ok(summary) => open.confirm_delete = Some(summary),
                    Err(error) => open.notice = Some((Tone::Error, error.to_string())),
                }
            }
        }
        Message::CancelDelete => {
            if let Some(open) = screen.open_mut() {
                open.confirm_delete = None;
            }
        }
        Message::ConfirmDelete => {
            let Some(open) = screen.open.as_ref() else {
                return Task::none();
            };
            let id = open.form.employee_id();
            let name = open
                .form
                .file
                .as_ref()
                .map(|f| sentence_name(&f.employee.first_name, &f.employee.last_name))
                .unwrap_or_default();
            return Task::perform(
                screen.db.write(move |conn| {
                    store::delete_employee(conn, id)?;
                    Ok(name)
                }),
                Message::Deleted,
            );
        }
        Message::Deleted(Ok(name)) => {
            screen.open = None;
            screen.list_notice = Some((Tone::Success, format!("Fiche de {name} supprimée.")));
            return screen.load_rows();
        }
        // Handled by the application, which opens the import screen.
        Message::OpenImport => {}
        Message::Export(message) => {
            let (rows, visible) = (&screen.rows, &screen.visible);
            return screen
                .exporter
                .update(message, |_| {
                    let shown: Vec<_> = visible.iter().filter_map(|&i| rows.get(i)).collect();
                    crate::ui::export::ready(crate::report::export::lists::employees(&shown))
                })
                .map(Message::Export);
        }
        Message::Pdf => return super::file::save_pdf(screen),
        Message::ImportPayroll => return super::hours::pick_payroll_file(),
        Message::PayrollFileChosen(Some(path)) => {
            if let Some(id) = screen.open.as_ref().map(|o| o.form.employee_id()) {
                return Task::perform(
                    screen.db.write(move |conn| {
                        let summary = store::import_payroll_file(conn, &path)?.summary();
                        Ok((store::load_employee_file(conn, id)?, summary))
                    }),
                    Message::Saved,
                );
            }
        }
        Message::PayrollFileChosen(None) => {}
        Message::PdfSaved(result) => {
            if let Some(open) = screen.open_mut() {
                open.notice = match result {
                    Ok(Some(path)) => Some((
                        Tone::Success,
                        format!("Fiche parcours enregistrée : {}", path.display()),
                    )),
                    Ok(None) => None,
                    Err(error) => Some((Tone::Error, error)),
                };
            }
        }
        Message::Submit(part) => return submit(screen, part),
        Message::DeleteContract(id) => return submit(screen, Part::Delete("contract", id)),
        Message::DeleteFollowUp(id) => return submit(screen, Part::Delete("follow_up", id)),
        Message::DeleteTraining(id) => return submit(screen, Part::Delete("training", id)),
        Message::DeleteImmersion(id) => return submit(screen, Part::Delete("immersion", id)),
        Message::DeleteExit => return submit(screen, Part::Delete("exit", 0)),
        other => {
            if let Some(open) = screen.open_mut() {
                let task = edit(open, other, today);
                open.form.refresh(today);
                return task;
            }
        }
    }
    Task::none()
}

/// The write of one part of the file: `insert` it when `new`, else `update` it; it gives back
/// the person's id (`employee_id`) to reload the file.
fn save<T: Send + 'static, I: 'static>(
    new: bool,
    employee_id: i64,
    item: T,
    insert: fn(&Connection, &T) -> Result<I, StoreError>,
    update: fn(&Connection, &T) -> Result<(), StoreError>,
) -> Work {
    Box::new(move |conn| {
        if new {
            insert(conn, &item)?;
        } else {
            update(conn, &item)?;
        }
        Ok(employee_id)
    })
}

/// Saves one part of the file after checking it; errors stay next to the fields.
fn submit(screen: &mut Screen, part: Part) -> Task<Message> {
    let Some(open) = screen.open.as_mut() else {
        return Task::none();
    };
    open.notice = None;
    let form = &mut open.form;
    let id = form.employee_id();
    if id == 0 && part != Part::Person {
        open.notice = Some((
            Tone::Error,
            "Enregistrez d'abord l'identité de la personne.".into(),
        ));
        return Task::none();
    }
    let work: Work;
    let success: &str;
    match part {
        Part::Person => {
            let employee = match form.employee() {
                Ok(employee) => employee,
                Err(errors) => return show_errors(open, errors),
            };
            work = Box::new(move |conn| store::save_employee(conn, &employee));
            success = "Fiche enregistrée.";
        }
        Part::Pass => {
            let approval = match form.approval() {
                Ok(approval) => approval,
                Err(errors) => return show_errors(open, errors),
            };
            work = Box::new(move |conn| {
                store::save_approval(conn, &approval)?;
                Ok(approval.employee_id)
            });
            success = "PASS IAE enregistré.";
        }
        Part::Change => {
            let change = match form.change() {
                Ok(change) => change,
                Err(errors) => return show_errors(open, errors),
            };
            form.pass_changes.push(change);
            form.pass_changes.sort_by_key(|c| c.start_date);
            form.clear_change();
            form.change_kind = Some(ApprovalChangeKind::Suspension);
            form.refresh(screen.today);
            open.notice = Some((
                Tone::Success,
                "Ajouté : enregistrez le PASS IAE pour le garder.".into(),
            ));
            return Task::none();
        }
        Part::Contract => {
            let contract = match form.contract() {
                Ok(contract) => contract,
                Err(errors) => return show_errors(open, errors),
            };
            form.edit_contract(None, false);
            work = save(
                contract.id == 0,
                contract.employee_id,
                contract,
                store::insert_contract,
                store::update_contract,
            );
            success = "Contrat enregistré.";
        }
        Part::FollowUp => {
            let follow_up = match form.follow_up() {
                Ok(follow_up) => follow_up,
                Err(errors) => return show_errors(open, errors),
            };
            form.edit_follow_up(None, screen.today);
            work = save(
                follow_up.id == 0,
                follow_up.employee_id,
                follow_up,
                store::insert_follow_up,
                store::update_follow_up,
            );
            success = "Entretien enregistré.";
        }
        Part::Theme => {
            let name = form.get(F::NewTheme).trim().to_owned();
            if name.is_empty() {
                form.errors
                    .insert(F::NewTheme, "Écrivez le nom du thème.".into());
                return Task::none();
            }
            form.set(F::NewTheme, "");
            if !form.follow_up_themes.contains(&name) {
                form.follow_up_themes.push(name.clone());
            }
            return Task::perform(
                screen.db.write(move |conn| {
                    store::add_theme(conn, &name)?;
                    store::file_choices(conn)
                }),
                Message::Choices,
            );
        }
        Part::Training => {
            let training = match form.training() {
                Ok(training) => training,
                Err(errors) => return show_errors(open, errors),
            };
            form.edit_training(None);
            work = save(
                training.id == 0,
                training.employee_id,
                training,
                store::insert_training,
                store::update_training,
            );
            success = "Formation enregistrée.";
        }
        Part::Immersion => {
            let immersion = match form.immersion() {
                Ok(immersion) => immersion,
                Err(errors) => return show_errors(open, errors),
            };
            form.edit_immersion(None);
            work = save(
                immersion.id == 0,
                immersion.employee_id,
                immersion,
                store::insert_immersion,
                store::update_immersion,
            );
            success = "Immersion enregistrée.";
        }
        Part::Exit => {
            let exit = match form.exit() {
                Ok(exit) => exit,
                Err(errors) => return show_errors(open, errors),
            };
            let exists = form.file.as_ref().is_some_and(|f| f.exit.is_some());
            work = save(
                !exists,
                exit.employee_id,
                exit,
                store::insert_exit,
                store::update_exit,
            );
            success = "Sortie enregistrée.";
        }
        Part::Fse => {
            let snapshot = match form.fse() {
                Ok(snapshot) => snapshot,
                Err(errors) => return show_errors(open, errors),
            };
            work = save(
                snapshot.id == 0,
                snapshot.employee_id,
                snapshot,
                store::insert_fse_snapshot,
                store::update_fse_snapshot,
            );
            success = "Questionnaire FSE+ enregistré tel que répondu ce jour-là.";
        }
        Part::Hours | Part::NewPath => match paths::work(form, part, id) {
            Ok((path_work, message)) => {
                work = path_work;
                success = message;
            }
            Err(errors) => return show_errors(open, errors),
        },
        Part::Delete(table, row) => {
            work = Box::new(move |conn| {
                match table {
                    "contract" => store::delete_contract(conn, row)?,
                    "follow_up" => store::delete_follow_up(conn, row)?,
                    "training" => store::delete_training(conn, row)?,
                    "immersion" => store::delete_immersion(conn, row)?,
                    "path" => store::cancel_new_path(conn, id)?,
                    _ => store::delete_exit(conn, id)?,
                }
                Ok(id)
            });
            success = if table == "path" {
                "Nouveau parcours annulé."
            } else {
                "Ligne supprimée."
            };
        }
    }
    let focus = match part {
        Part::Contract => Some(F::ContractStart),
        Part::FollowUp => Some(F::FollowUpDate),
        Part::Training => Some(F::TrainingTitle),
        Part::Immersion => Some(F::ImmersionHost),
        _ => None,
    };
    let write = screen.write(success, work);
    match focus {
        Some(field) => Task::batch([write, operation::focus(field.id())]),
        None => write,
    }
}
