//! The window's one clock: today's date, read every minute, so that a window left open
//! overnight moves to the new day (and the new week) without being restarted.

use std::time::Duration;

use chrono::{Local, NaiveDate};
use iced::Subscription;
use iced::futures::channel::oneshot;
use iced::futures::stream::{self, Stream};

/// How often the clock is read.
const PERIOD: Duration = Duration::from_secs(60);

/// Today's date, every minute.
pub(super) fn today() -> Subscription<NaiveDate> {
    Subscription::run(readings)
}

/// An endless stream of readings, one per period. The executor has no timer of its own
/// (Binette runs iced on a plain thread pool), so a short-lived thread sleeps for it.
fn readings() -> impl Stream<Item = NaiveDate> {
    stream::unfold((), |()| async {
        let (done, waited) = oneshot::channel();
        std::thread::spawn(move || {
            std::thread::sleep(PERIOD);
            let _ = done.send(());
        });
        let _ = waited.await;
        Some((Local::now().date_naive(), ()))
    })
}
