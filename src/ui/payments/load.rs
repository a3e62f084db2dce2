//! What the Paiements screen reads, each list by a task of its own: the due cheques (and
//! the next slip's number) at the first display, the slips and the payments the first time
//! their tab is shown.

use chrono::NaiveDate;
use iced::Task;

use super::{Message, Period, search};
use crate::app;
use crate::app::payments::exports::{self, PaymentRow};
use crate::app::payments::remittance::{self, DueCheques};
use crate::domain::text::SearchKeys;
use crate::store::payments::remittance::SlipLine;
use crate::ui::screen::Context;

/// What the screen shows first, read together.
#[derive(Debug, Clone)]
pub struct Lists {
    /// The held cheques due by the day asked.
    pub due: DueCheques,
    /// The number the next slip will take.
    pub next_number: i64,
}

/// The payments of one period, read when the « Paiements » tab is first shown.
#[derive(Debug, Clone)]
pub struct PaymentList {
    /// The period they were read for.
    pub period: Period,
    /// The first and the last year a payment was received in (`None`: no payment).
    pub years: Option<(i32, i32)>,
    /// The period's payments, oldest first.
    pub rows: Vec<PaymentRow>,
    /// Their search keys, folded in the task that read them.
    keys: SearchKeys,
}

impl PaymentList {
    /// The search keys, handed over to the search once.
    pub(super) fn take_keys(&mut self) -> SearchKeys {
        std::mem::take(&mut self.keys)
    }
}

/// A list read by a task, or why not.
#[derive(Debug, Clone)]
pub enum Read {
    /// The due cheques and the next slip's number.
    Due(app::Result<Lists>),
    /// The slips with their counts and totals.
    Slips(app::Result<Vec<SlipLine>>),
    /// The payments of a period.
    Payments(app::Result<PaymentList>),
}

fn loaded(read: Read) -> Message {
    Message::Loaded(Box::new(read))
}

/// Reads the due cheques up to `until` and the next slip's number.
pub fn due(context: &Context, until: NaiveDate) -> Task<Message> {
    context.perform(
        move |g| {
            Ok(Lists {
                due: remittance::due_cheques(g, until)?,
                next_number: remittance::next_slip_number(g)?,
            })
        },
        |lists| loaded(Read::Due(lists)),
    )
}

/// Reads the slips with their counts and totals.
pub fn slips(context: &Context) -> Task<Message> {
    context.perform(remittance::slip_lines, |slips| loaded(Read::Slips(slips)))
}

/// Reads the payments of `period` and folds their search keys.
pub fn payments(context: &Context, period: Period) -> Task<Message> {
    context.perform(
        move |g| {
            let rows = exports::payment_rows_in(g, period.year())?;
            Ok(PaymentList {
                period,
                years: exports::payment_years(g)?,
                keys: search::keys(&rows),
                rows,
            })
        },
        |list| loaded(Read::Payments(list)),
    )
}
