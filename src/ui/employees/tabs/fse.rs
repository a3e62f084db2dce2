//! The FSE+ tab: the questionnaires of the path (entry, exit, six months), kept as answered
//! that day.

use chrono::NaiveDate;
use iced::widget::{Column, column, pick_list, row, text};
use iced::{Element, Length};

use super::{Event, Sheet};
use crate::app::employees::Change;
use crate::domain::calendar::format_date;
use crate::domain::employees::{
    ExitResult, FseSnapshot, FseStage, LabourStatus, SensitiveAnswer, SixMonthResult,
};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{Errors, F, Fields, checked, choice, input};
use crate::ui::widgets::{self, Tone};

/// The sensitive FSE+ questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Disability.
    Disability,
    /// Foreign background.
    Foreign,
    /// Minority.
    Minority,
    /// Homelessness.
    Homeless,
}

/// Messages of the FSE+ tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer le questionnaire", or Enter in a field.
    Submit,
    /// The moment chosen: its stored answers are shown.
    Stage(FseStage),
    /// Labour market situation chosen.
    Labour(LabourStatus),
    /// A sensitive question answered.
    Sensitive(Question, SensitiveAnswer),
    /// Situation at exit chosen.
    ExitResult(ExitResult),
    /// Situation six months after chosen.
    SixMonth(SixMonthResult),
}

/// The questionnaire being answered.
#[derive(Debug, Clone, Default)]
pub struct Fse {
    fields: Fields,
    stage: Option<FseStage>,
    labour: Option<LabourStatus>,
    disability: Option<SensitiveAnswer>,
    foreign_origin: Option<SensitiveAnswer>,
    minority: Option<SensitiveAnswer>,
    homeless: Option<SensitiveAnswer>,
    exit_result: Option<ExitResult>,
    six_month: Option<SixMonthResult>,
}

fn sensitive<'a>(
    label: &'a str,
    value: Option<SensitiveAnswer>,
    question: Question,
) -> Element<'a, Message> {
    marked_choice(label, SensitiveAnswer::ALL, value, move |a| {
        Message::Sensitive(question, a)
    })
}

/// A pick list under its label and the « donnée sensible » tag.
fn marked_choice<'a, T>(
    label: &'a str,
    options: &'a [T],
    value: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> Element<'a, Message>
where
    T: ToString + PartialEq + Clone + 'a,
{
    column![
        widgets::sensitive(label),
        pick_list(options, value, on_select)
            .placeholder("Choisir…")
            .padding(7)
            .text_size(15)
            .width(Length::Fill),
    ]
    .spacing(3)
    .width(Length::Fill)
    .into()
}

/// The questionnaires already answered: what was recorded that day stays as it was,
/// whatever the profile says now.
fn stored(file: &EmployeeFile) -> Element<'_, Message> {
    let mut stored = Column::new().spacing(4);
    if file.fse.is_empty() {
        stored = stored.push(widgets::muted("Aucun questionnaire enregistré."));
    }
    for s in &file.fse {
        let line = format!(
            "{} : répondu le {} ({}, {}, niveau {})",
            s.stage.label(),
            format_date(s.taken_on),
            s.gender.label().to_lowercase(),
            s.age
                .map_or("âge non renseigné".to_owned(), |a| format!("{a} ans")),
            s.education_level.map_or("non renseigné", |e| e.code())
        );
        stored = stored.push(text(line).size(15));
    }
    stored.into()
}

impl Fse {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, sheet: &Sheet<'_>) -> Option<Event> {
        match message {
            Message::Edit(field, value) => self.fields.set(field, value),
            Message::Submit => {
                return match self.snapshot(sheet.file) {
                    Ok(snapshot) => Some(Event::save(
                        Change::Fse(snapshot),
                        "Questionnaire FSE+ enregistré tel que répondu ce jour-là.",
                    )),
                    Err(errors) => super::refuse(&mut self.fields, errors),
                };
            }
            Message::Stage(stage) => self.show(stage, sheet.file, sheet.today),
            Message::Labour(v) => self.labour = Some(v),
            Message::Sensitive(question, answer) => match question {
                Question::Disability => self.disability = Some(answer),
                Question::Foreign => self.foreign_origin = Some(answer),
                Question::Minority => self.minority = Some(answer),
                Question::Homeless => self.homeless = Some(answer),
            },
            Message::ExitResult(v) => self.exit_result = Some(v),
            Message::SixMonth(v) => self.six_month = Some(v),
        }
        None
    }

    /// The snapshot as typed, or the errors to show.
    fn snapshot(&self, file: &EmployeeFile) -> Result<FseSnapshot, Errors> {
        let mut errors = Errors::new();
        let taken_on = self.fields.date(F::FseDate, &mut errors);
        let Some(stage) = self.stage else {
            let message = "Choisissez le moment : entrée, sortie ou six mois.";
            errors.insert(F::FseDate, message.into());
            return Err(errors);
        };
        let Some(taken_on) = taken_on else {
            return Err(errors);
        };
        let e = &file.employee;
        // A stored snapshot keeps the gender, age and education recorded when it was taken:
        // only its answers are edited here, never recopied from today's profile.
        let (id, gender, age, education_level) = match file.fse.iter().find(|s| s.stage == stage) {
            Some(s) => (s.id, s.gender, s.age, s.education_level),
            None => (
                0,
                e.gender,
                e.age_on(taken_on).map(i64::from),
                e.education_level,
            ),
        };
        let snapshot = FseSnapshot {
            id,
            employee_id: e.id,
            stage,
            taken_on,
            gender,
            age,
            education_level,
            labour_status: self.labour,
            disability: self.disability,
            foreign_origin: self.foreign_origin,
            minority: self.minority,
            homeless: self.homeless,
            exit_result: self.exit_result,
            six_month_result: self.six_month,
        };
        checked(Some(snapshot), errors)
    }

    /// Shows the stored snapshot of `stage`, or an empty one dated `today`.
    pub fn show(&mut self, stage: FseStage, file: &EmployeeFile, today: NaiveDate) {
        *self = Fse {
            stage: Some(stage),
            ..Fse::default()
        };
        let date = match file.fse.iter().find(|s| s.stage == stage) {
            Some(s) => {
                self.labour = s.labour_status;
                self.disability = s.disability;
                self.foreign_origin = s.foreign_origin;
                self.minority = s.minority;
                self.homeless = s.homeless;
                self.exit_result = s.exit_result;
                self.six_month = s.six_month_result;
                s.taken_on
            }
            None => today,
        };
        self.fields.set(F::FseDate, format_date(date));
    }

    /// The FSE+ tab.
    pub fn view<'a>(&'a self, file: &'a EmployeeFile) -> Element<'a, Message> {
        let head = row![
            choice("Moment", FseStage::ALL, self.stage, Message::Stage),
            input(
                &self.fields,
                F::FseDate,
                ("Répondu le", "jj/mm/aaaa"),
                Message::Edit,
                Message::Submit
            ),
        ]
        .spacing(12);
        let body = column![
            stored(file),
            head,
            widgets::banner(
                Tone::Warning,
                "Les réponses sont gardées telles qu'elles ont été données ce jour-là ; elles \
                 ne sont jamais recalculées. Chaque question sensible accepte « Ne souhaite \
                 pas répondre »."
            ),
            self.answers(),
            widgets::action("Enregistrer le questionnaire", Some(Message::Submit)),
        ]
        .spacing(10);
        widgets::card("Questionnaires FSE+", body)
    }

    /// The questions of the moment chosen.
    fn answers(&self) -> Element<'_, Message> {
        match self.stage {
            Some(FseStage::Entry) | None => column![
                row![
                    marked_choice(
                        "Situation sur le marché du travail",
                        LabourStatus::ALL,
                        self.labour,
                        Message::Labour
                    ),
                    sensitive("Handicap", self.disability, Question::Disability),
                ]
                .spacing(12),
                row![
                    sensitive("Origine étrangère", self.foreign_origin, Question::Foreign),
                    sensitive("Minorité", self.minority, Question::Minority),
                    sensitive("Sans domicile", self.homeless, Question::Homeless),
                ]
                .spacing(12),
            ]
            .spacing(10)
            .width(Length::Fill)
            .into(),
            Some(FseStage::Exit) => choice(
                "Situation à la sortie",
                ExitResult::ALL,
                self.exit_result,
                Message::ExitResult,
            ),
            Some(FseStage::SixMonths) => choice(
                "Situation six mois après la sortie",
                SixMonthResult::ALL,
                self.six_month,
                Message::SixMonth,
            ),
        }
    }
}
