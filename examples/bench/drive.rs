//! Driving a screen without a window, as the window drives it: its tasks run to their end
//! and the messages they produce applied, in order.

use std::collections::VecDeque;

use binette::ui::screen::{Action, Context, Screen};
use iced::Task;
use iced::futures::StreamExt;

/// Runs `task` to its end, answering the messages it produced.
pub fn run<M: Send + 'static>(task: Task<M>) -> Vec<M> {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    iced::futures::executor::block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    iced_runtime::Action::Output(message) => Some(message),
                    _ => None,
                }
            })
            .collect(),
    )
}

/// Applies `messages` and everything the tasks they start produce, in order.
pub fn settle<S: Screen>(screen: &mut S, context: &Context, messages: Vec<S::Message>) {
    let mut queue: VecDeque<S::Message> = messages.into();
    while let Some(message) = queue.pop_front() {
        if let Action::Run(task) = screen.update(message, context) {
            queue.extend(run(task));
        }
    }
}
