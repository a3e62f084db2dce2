//! Helpers shared by the UI tests.

use iced::Task;
use iced::futures::StreamExt;
use iced_runtime::Action;

/// Runs a task to completion and returns the messages it produced (the simulator never
/// runs tasks, so the tests do).
pub fn run<M: Send + 'static>(task: Task<M>) -> Vec<M> {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    iced::futures::executor::block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    Action::Output(message) => Some(message),
                    _ => None,
                }
            })
            .collect(),
    )
}
