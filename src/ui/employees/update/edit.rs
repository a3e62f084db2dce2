//! Field edits and choices of the Salariés screen: they only change the open form.

use iced::Task;
use iced::widget::operation;

use crate::ui::employees::fields::F;
use crate::ui::employees::{Flag, Message, OpenFile, Question};

/// Field edits and choices: they only change the form.
pub(super) fn edit(
    open: &mut OpenFile,
    message: Message,
    today: chrono::NaiveDate,
) -> Task<Message> {
    let form = &mut open.form;
    let file = form.file.clone();
    match message {
        Message::Tab(tab) => {
            open.tab = tab;
            open.notice = None;
        }
        Message::Edit(field, value) => {
            form.set(field, value);
            match field {
                F::PassStart => form.fill_pass_end(),
                F::PassEnd => form.pass_end_auto = false,
                _ => {}
            }
        }
        Message::Civility(v) => form.civility = Some(v),
        Message::Gender(v) => {
            form.gender = Some(v);
            form.errors.remove(&F::Gender);
        }
        Message::Referent(v) => form.referent = v.id,
        Message::Prescriber(v) => form.prescriber_kind = Some(v),
        Message::Education(v) => form.education = Some(v.0),
        // The boxes that are eligibility criteria too tick and untick their criterion, and
        // the other way round: eligibility has one source.
        Message::Flag(Flag::Qualifying, on) => form.qualifying = on,
        Message::Flag(flag, on) => {
            if let Some(criterion) = flag_criterion(flag) {
                form.set_criterion(criterion, on);
            }
        }
        Message::Criterion(criterion, on) => form.set_criterion(criterion, on),
        Message::HoursYear(year) => form.show_hours_year(year),
        Message::ChangeKind(kind) => {
            form.change_kind = Some(kind);
            form.errors.remove(&F::ChangeReason);
        }
        Message::RemoveChange(index) if index < form.pass_changes.len() => {
            form.pass_changes.remove(index);
        }
        Message::EditContract(id) | Message::RenewContract(id) => {
            let renewal = matches!(message, Message::RenewContract(_));
            let contract = file
                .as_ref()
                .and_then(|f| f.contracts.iter().find(|c| c.id == id));
            form.edit_contract(contract, renewal);
            let field = if renewal {
                F::ContractEnd
            } else {
                F::ContractStart
            };
            return operation::focus(field.id());
        }
        Message::NewContract => {
            form.edit_contract(None, false);
            return operation::focus(F::ContractStart.id());
        }
        Message::FollowUpStaff(v) => form.follow_up_staff = v.id,
        Message::Theme(name, on) => {
            form.follow_up_themes.retain(|t| *t != name);
            if on {
                form.follow_up_themes.push(name);
            }
        }
        Message::EditFollowUp(id) => {
            let found = file
                .as_ref()
                .and_then(|f| f.follow_ups.iter().find(|x| x.id == id));
            form.edit_follow_up(found, today);
        }
        Message::NewFollowUp => form.edit_follow_up(None, today),
        Message::EditTraining(id) => {
            let found = file
                .as_ref()
                .and_then(|f| f.trainings.iter().find(|x| x.id == id));
            form.edit_training(found);
        }
        Message::NewTraining => form.edit_training(None),
        Message::Objective(v) => {
            form.objective = Some(v);
            form.errors.remove(&F::ImmersionOutcome);
        }
        Message::EditImmersion(id) => {
            let found = file
                .as_ref()
                .and_then(|f| f.immersions.iter().find(|x| x.id == id));
            form.edit_immersion(found);
        }
        Message::NewImmersion => form.edit_immersion(None),
        Message::ExitOutcome(v) => {
            form.exit_outcome = Some(v);
            form.exit_category = None;
        }
        Message::ExitCategory(v) => {
            form.exit_category = Some(v);
            form.errors.remove(&F::ExitDetail);
        }
        Message::FseStage(stage) => form.edit_fse(stage, today),
        Message::Labour(v) => form.labour = Some(v),
        Message::Sensitive(question, answer) => match question {
            Question::Disability => form.disability = Some(answer),
            Question::Foreign => form.foreign_origin = Some(answer),
            Question::Minority => form.minority = Some(answer),
            Question::Homeless => form.homeless = Some(answer),
        },
        Message::ExitResult(v) => form.exit_result = Some(v),
        Message::SixMonth(v) => form.six_month = Some(v),
        _ => {}
    }
    Task::none()
}

/// The eligibility criterion a yes / no box of the Entrée tab stands for.
fn flag_criterion(flag: Flag) -> Option<crate::domain::employees::Criterion> {
    use crate::domain::employees::Criterion;
    Some(match flag {
        Flag::Rsa => Criterion::Rsa,
        Flag::Ass => Criterion::Ass,
        Flag::Aah => Criterion::Aah,
        Flag::Rqth => Criterion::DisabledWorker,
        Flag::Qpv => Criterion::Qpv,
        Flag::Zrr => Criterion::Zrr,
        Flag::Court => Criterion::Justice,
        Flag::Qualifying => return None,
    })
}
