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

/// Defines test helpers for a screen type (with `update` and `view`) and its messages, in a
/// test file that drives that screen: `common::screen_helpers!(Screen, Message);` defines them
/// all; `common::screen_helpers!(Screen, Message; clicked, shows);` only those named, when the
/// file needs its own version of the others (an `apply` that skips dialogs, say). The helpers
/// call whichever `apply` is in scope.
///
/// - `apply(screen, message)`: applies `message`, then the messages its tasks produce;
/// - `clicked(screen, label) -> Vec<Message>`: what a click on the text `label` sends;
/// - `click(screen, label)`: clicks `label`, which must send something, and applies it;
/// - `shows(screen, label) -> bool`: whether the screen shows exactly the text `label`;
/// - `typed(screen, id, erase, text, enter) -> Vec<Message>`: what clicking the input `id`,
///   erasing `erase` characters, typing `text` and, if `enter`, pressing Enter sends;
/// - `type_in(screen, id, text)`: types `text` in the input `id`, which must send something,
///   and applies it;
/// - `type_enter(screen, id, text)`: the same, then presses Enter.
#[allow(unused_macros)]
macro_rules! screen_helpers {
    (@apply $screen:ty, $message:ty) => {
        /// Applies `message`, then the messages its tasks produce, until none is left.
        #[allow(dead_code)]
        fn apply(screen: &mut $screen, message: $message) {
            let mut queue = vec![message];
            while let Some(message) = queue.pop() {
                queue.extend($crate::common::run(screen.update(message)));
            }
        }
    };
    (@clicked $screen:ty, $message:ty) => {
        /// The messages a click on the text `label` sends.
        #[allow(dead_code)]
        fn clicked(screen: &$screen, label: &str) -> Vec<$message> {
            let mut ui = ::iced_test::simulator(screen.view());
            ui.click(label)
                .unwrap_or_else(|e| panic!("no « {label} » to click: {e:?}"));
            ui.into_messages().collect()
        }
    };
    (@click $screen:ty, $message:ty) => {
        /// Clicks the text `label`, which must send something, and applies what it sends.
        #[allow(dead_code)]
        fn click(screen: &mut $screen, label: &str) {
            let messages = clicked(screen, label);
            assert!(!messages.is_empty(), "clicking « {label} » did nothing");
            for message in messages {
                apply(screen, message);
            }
        }
    };
    (@shows $screen:ty, $message:ty) => {
        /// Whether the screen shows exactly the text `label`.
        #[allow(dead_code)]
        fn shows(screen: &$screen, label: &str) -> bool {
            ::iced_test::simulator(screen.view()).find(label).is_ok()
        }
    };
    (@typed $screen:ty, $message:ty) => {
        /// The messages sent by clicking the input `id`, erasing `erase` characters, typing
        /// `text` (after what the input holds) and, if `enter`, pressing Enter.
        #[allow(dead_code)]
        fn typed(
            screen: &$screen,
            id: impl Into<String>,
            erase: usize,
            text: &str,
            enter: bool,
        ) -> Vec<$message> {
            let id: String = id.into();
            let mut ui = ::iced_test::simulator(screen.view());
            ui.click(::iced::widget::Id::from(id.clone()))
                .unwrap_or_else(|e| panic!("no field {id}: {e:?}"));
            for _ in 0..erase {
                ui.tap_key(::iced::keyboard::key::Named::Backspace);
            }
            ui.typewrite(text);
            if enter {
                ui.tap_key(::iced::keyboard::key::Named::Enter);
            }
            ui.into_messages().collect()
        }
    };
    (@type_in $screen:ty, $message:ty) => {
        /// Types `text` in the input `id`, which must send something, and applies what it sends.
        #[allow(dead_code)]
        fn type_in(screen: &mut $screen, id: impl Into<String>, text: &str) {
            let id: String = id.into();
            let messages = typed(screen, id.clone(), 0, text, false);
            assert!(!messages.is_empty(), "typing in {id} did nothing");
            for message in messages {
                apply(screen, message);
            }
        }
    };
    (@type_enter $screen:ty, $message:ty) => {
        /// Types `text` in the input `id` and presses Enter, which must send something, and
        /// applies what it sends.
        #[allow(dead_code)]
        fn type_enter(screen: &mut $screen, id: impl Into<String>, text: &str) {
            let id: String = id.into();
            let messages = typed(screen, id.clone(), 0, text, true);
            assert!(!messages.is_empty(), "typing in {id} did nothing");
            for message in messages {
                apply(screen, message);
            }
        }
    };
    ($screen:ty, $message:ty; $($helper:ident),+ $(,)?) => {
        $($crate::common::screen_helpers!(@$helper $screen, $message);)+
    };
    ($screen:ty, $message:ty) => {
        $crate::common::screen_helpers!(
            $screen, $message; apply, clicked, click, shows, typed, type_in, type_enter
        );
    };
}
#[allow(unused_imports)]
pub(crate) use screen_helpers;
