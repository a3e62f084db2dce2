//! Helpers shared by the UI tests.

use std::ops::{Deref, DerefMut};

use binette::app::Garden;
use binette::ui::screen::{self, Context, Request, Screen};
use chrono::NaiveDate;
use iced::futures::StreamExt;
use iced::{Element, Task};
use iced_runtime::Action;

/// A screen as the window holds it: with the shared context, driven through the screen
/// contract (`update(message, &context) -> Action`), the requests it makes of the window
/// kept for the test to check. Derefs to the screen, so tests read its state directly.
#[allow(dead_code)]
pub struct Held<S> {
    /// The screen.
    pub screen: S,
    /// What the window would hand it.
    pub context: Context,
    /// The requests it made of the window, oldest first.
    pub requests: Vec<Request>,
}

#[allow(dead_code)]
impl<S: Screen> Held<S> {
    /// Opens a screen with `new` on `garden` at `today`, as the window does.
    pub fn open(
        garden: &Garden,
        today: NaiveDate,
        new: impl FnOnce(&Context) -> (S, Task<S::Message>),
    ) -> (Self, Task<S::Message>) {
        let context = Context::new(garden.clone(), today);
        let (screen, task) = new(&context);
        let held = Held {
            screen,
            context,
            requests: Vec::new(),
        };
        (held, task)
    }

    /// Passes `message` through the contract: the task to run, requests recorded.
    pub fn update(&mut self, message: S::Message) -> Task<S::Message> {
        match self.screen.update(message, &self.context) {
            screen::Action::None => Task::none(),
            screen::Action::Run(task) => task,
            screen::Action::Request(request) => {
                self.requests.push(request);
                Task::none()
            }
        }
    }

    /// What the screen shows.
    pub fn view(&self) -> Element<'_, S::Message> {
        self.screen.view()
    }
}

impl<S> Deref for Held<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.screen
    }
}

impl<S> DerefMut for Held<S> {
    fn deref_mut(&mut self) -> &mut S {
        &mut self.screen
    }
}

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
