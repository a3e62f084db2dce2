//! Which seasons' lines the Récoltes screen holds, and the read under way: the screen reads
//! the seasons of the period it shows (never the whole history), reads others when the
//! period moves past them, and takes only the answer of the last read it asked.

use crate::domain::harvest_query::Seasons;

/// The seasons held and the read under way.
#[derive(Debug, Default)]
pub struct Reads {
    /// The seasons the screen's lines are exactly those of (`None` before the first answer).
    held: Option<Seasons>,
    /// The number of the last read asked: answers carrying another number are dropped (an
    /// answer to an older question, or read before a write).
    ticket: u64,
    /// The seasons the last read asked is reading, until it answers.
    waiting: Option<Seasons>,
}

impl Reads {
    /// The seasons the lines held are those of.
    pub fn held(&self) -> Option<Seasons> {
        self.held
    }

    /// True when the lines held cover `need`.
    pub fn cover(&self, need: Seasons) -> bool {
        self.held.is_some_and(|held| held.include(need))
    }

    /// True when `need` must be read: not held, and not the read under way.
    pub fn must_read(&self, need: Seasons) -> bool {
        !self.cover(need) && self.waiting != Some(need)
    }

    /// A read of `seasons` asked: the number its answer must carry.
    pub fn ask(&mut self, seasons: Seasons) -> u64 {
        self.ticket += 1;
        self.waiting = Some(seasons);
        self.ticket
    }

    /// An answer carrying `ticket` came: true when it answers the last read asked (then
    /// to take), false when a later read was asked since (then to drop).
    pub fn answered(&mut self, ticket: u64) -> bool {
        let last = ticket == self.ticket;
        if last {
            self.waiting = None;
        }
        last
    }

    /// The lines of `seasons` were taken (a read's answer, or everything read again after a
    /// write): a read under way that they cover is no longer awaited.
    pub fn took(&mut self, seasons: Seasons) {
        self.held = Some(seasons);
        if self.waiting.is_some_and(|w| seasons.include(w)) {
            self.waiting = None;
            self.ticket += 1;
        }
    }

    /// After a write: the seasons of the read under way, to ask again (it may have read the
    /// garden before the write).
    pub fn after_write(&self) -> Option<Seasons> {
        self.waiting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_answer_is_taken_and_a_write_asks_again() {
        let (s2025, s2026) = (Seasons::of_year(2025), Seasons::of_year(2026));
        let both = Seasons {
            first: 2025,
            last: 2026,
        };
        let mut reads = Reads::default();
        // Opening: 2026 asked (ticket 1), answered.
        assert!(reads.must_read(s2026));
        let first = reads.ask(s2026);
        assert!(!reads.must_read(s2026), "already under way");
        assert!(reads.answered(first));
        reads.took(s2026);
        assert!(reads.cover(s2026) && !reads.must_read(s2026));
        // 2025 asked (2), then 2025–2026 (3): the answer to 2 comes late and is dropped.
        let late = reads.ask(s2025);
        let last = reads.ask(both);
        assert!(!reads.answered(late));
        assert_eq!(
            reads.after_write(),
            Some(both),
            "a write now asks 2025–2026 again"
        );
        assert!(reads.answered(last));
        reads.took(both);
        assert!(reads.cover(s2025) && reads.cover(s2026));
        assert_eq!(reads.after_write(), None);
        // A read of 2025 under way when everything of 2025–2026 is read again after a
        // write: it is no longer awaited, its answer dropped.
        reads.took(s2026);
        let under_way = reads.ask(s2025);
        reads.took(both);
        assert_eq!(reads.after_write(), None);
        assert!(!reads.answered(under_way));
        assert_eq!(reads.held(), Some(both));
    }
}
