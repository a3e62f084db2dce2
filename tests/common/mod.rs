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

/// Defines `apply`, `clicked`, `click` and `shows` for a screen type (with `update` and
/// `view`) and its messages, in a test file that drives that screen:
/// `common::screen_helpers!(Screen, Message);`.
#[allow(unused_macros)]
macro_rules! screen_helpers {
    ($screen:ty, $message:ty) => {
        /// Applies `message`, then the messages its tasks produce, until none is left.
        #[allow(dead_code)]
        fn apply(screen: &mut $screen, message: $message) {
            let mut queue = vec![message];
            while let Some(message) = queue.pop() {
                queue.extend($crate::common::run(screen.update(message)));
            }
        }

        /// The messages a click on the text `label` sends.
        #[allow(dead_code)]
        fn clicked(screen: &$screen, label: &str) -> Vec<$message> {
            let mut ui = ::iced_test::simulator(screen.view());
            ui.click(label)
                .unwrap_or_else(|e| panic!("no « {label} » to click: {e:?}"));
            ui.into_messages().collect()
        }

        /// Clicks the text `label`, which must send something, and applies what it sends.
        #[allow(dead_code)]
        fn click(screen: &mut $screen, label: &str) {
            let messages = clicked(screen, label);
            assert!(!messages.is_empty(), "clicking « {label} » did nothing");
            for message in messages {
                apply(screen, message);
            }
        }

        /// Whether the screen shows exactly the text `label`.
        #[allow(dead_code)]
        fn shows(screen: &$screen, label: &str) -> bool {
            ::iced_test::simulator(screen.view()).find(label).is_ok()
        }
    };
}
#[allow(unused_imports)]
pub(crate) use screen_helpers;
