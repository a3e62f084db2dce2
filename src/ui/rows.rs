//! Long lists drawn row by row: only the rows inside the scrollable's viewport are built and
//! laid out, with empty space above and below them so that the scroll bar keeps the size and
//! the place it has for the whole list. Every row has the same height, so where a row is
//! follows from its position alone.
//!
//! A screen keeps a [`Scrolled`], updates it from the scrollable's `on_scroll` (see
//! [`Scrolled::of`]), builds the list with [`rows`], and sends it back to the top when its
//! filter changes ([`Scrolled::to_top`]).

use std::ops::Range;

use iced::widget::operation::{RelativeOffset, snap_to};
use iced::widget::{Column, Space, container, scrollable};
use iced::{Element, Length, Task};

/// Rows built beyond each edge of the viewport, so that a small scroll shows no gap before
/// the list is drawn again.
pub const MARGIN: usize = 3;

/// The viewport's height assumed until the list reports its own: a tall screen's, so that the
/// first frame is never short of rows.
pub const FIRST_HEIGHT: f32 = 1400.0;

/// Where a list is scrolled: how far down (pixels) and how tall its viewport is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scrolled {
    /// Pixels scrolled past at the top.
    pub offset: f32,
    /// Height of the viewport, in pixels.
    pub height: f32,
}

impl Default for Scrolled {
    fn default() -> Self {
        Scrolled {
            offset: 0.0,
            height: FIRST_HEIGHT,
        }
    }
}

impl Scrolled {
    /// Where the scrollable reporting `viewport` is.
    pub fn of(viewport: scrollable::Viewport) -> Self {
        Scrolled {
            offset: viewport.absolute_offset().y,
            height: viewport.bounds().height,
        }
    }

    /// Back to the first row (a new search): the task snaps the scrollable `id` there too.
    pub fn to_top<M: Send + 'static>(&mut self, id: &'static str) -> Task<M> {
        self.offset = 0.0;
        snap_to(id, RelativeOffset::START)
    }

    /// The rows of a list of `count` rows `row_height` high that this viewport shows, with
    /// [`MARGIN`] more on each side.
    pub fn range(&self, count: usize, row_height: f32) -> Range<usize> {
        visible_range(count, row_height, self.offset, self.height, MARGIN)
    }
}

/// The rows of a list of `count` rows `row_height` high that a viewport `height` high, scrolled
/// `offset` pixels down, shows, with `margin` more on each side. The offset is clamped as the
/// scrollable clamps it, so a list that just got shorter still shows its end.
pub fn visible_range(
    count: usize,
    row_height: f32,
    offset: f32,
    height: f32,
    margin: usize,
) -> Range<usize> {
    if count == 0 || row_height <= 0.0 || height.is_nan() || offset.is_nan() {
        return 0..0;
    }
    let height = height.max(0.0);
    let total = count as f32 * row_height;
    let offset = offset.clamp(0.0, (total - height).max(0.0));
    let first = (offset / row_height).floor() as usize;
    let end = ((offset + height) / row_height).ceil() as usize;
    first.saturating_sub(margin).min(count)..end.saturating_add(margin).min(count)
}

/// The column of a list of `count` rows `row_height` high scrolled as `scrolled` says: the
/// rows shown, each built by `row` from its position and given exactly `row_height`, between
/// spaces as tall as the rows left out. Put it in a `scrollable` whose `on_scroll` updates
/// `scrolled`.
pub fn rows<'a, M: 'a>(
    scrolled: &Scrolled,
    count: usize,
    row_height: f32,
    mut row: impl FnMut(usize) -> Element<'a, M>,
) -> Column<'a, M> {
    let shown = scrolled.range(count, row_height);
    let above = shown.start as f32 * row_height;
    let below = (count - shown.end) as f32 * row_height;
    let mut column = Column::with_capacity(shown.len() + 2).width(Length::Fill);
    if above > 0.0 {
        column = column.push(Space::new().height(above));
    }
    for i in shown {
        column = column.push(
            container(row(i))
                .width(Length::Fill)
                .center_y(row_height)
                .clip(true),
        );
    }
    if below > 0.0 {
        column = column.push(Space::new().height(below));
    }
    column
}

/// A list's cell: `content` on one line, cut at the cell's edge rather than wrapped (a row
/// keeps its height) or drawn over its neighbour.
pub fn cell<'a, M: 'a>(content: iced::widget::Text<'a>, width: Length) -> Element<'a, M> {
    container(content.wrapping(iced::widget::text::Wrapping::None))
        .width(width)
        .clip(true)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_of_a_long_list_shows_its_first_rows() {
        // 600 px / 30 px = rows 0 to 19; 3 more below; none above the first.
        assert_eq!(visible_range(5_000, 30.0, 0.0, 600.0, 3), 0..23);
        assert_eq!(visible_range(5_000, 30.0, 0.0, 600.0, 0), 0..20);
    }

    #[test]
    fn a_scrolled_list_shows_the_rows_under_its_viewport() {
        // 1,000 px down: row 1000/30 = 33.3 → 33 is cut at the top; (1000 + 600)/30 = 53.3
        // → row 53 cut at the bottom, so 33..54; 3 more each side: 30..57.
        assert_eq!(visible_range(5_000, 30.0, 1_000.0, 600.0, 0), 33..54);
        assert_eq!(visible_range(5_000, 30.0, 1_000.0, 600.0, 3), 30..57);
        // Exactly on a row's edge: 900/30 = 30, (900 + 600)/30 = 50, no row cut.
        assert_eq!(visible_range(5_000, 30.0, 900.0, 600.0, 0), 30..50);
    }

    #[test]
    fn the_end_of_the_list_shows_its_last_row() {
        // 5,000 rows × 30 = 150,000 px; the farthest offset is 150,000 − 600 = 149,400,
        // i.e. row 4,980: rows 4,980..5,000, and the margin never passes the end.
        assert_eq!(
            visible_range(5_000, 30.0, 149_400.0, 600.0, 3),
            4_977..5_000
        );
        // An offset past the end (the list just got shorter) is clamped the same way.
        assert_eq!(visible_range(5_000, 30.0, 1.0e9, 600.0, 0), 4_980..5_000);
        // 10 rows after a search, the offset still 1,000 px: they all fit, all shown.
        assert_eq!(visible_range(10, 30.0, 1_000.0, 600.0, 3), 0..10);
    }

    #[test]
    fn nothing_to_show_shows_nothing() {
        assert_eq!(visible_range(0, 30.0, 0.0, 600.0, 3), 0..0);
        assert_eq!(visible_range(100, 0.0, 0.0, 600.0, 3), 0..0);
        assert_eq!(visible_range(100, 30.0, f32::NAN, 600.0, 3), 0..0);
        // A viewport not laid out yet (0 px): only the margin.
        assert_eq!(visible_range(100, 30.0, 0.0, 0.0, 3), 0..3);
        // A negative offset (bouncing) counts as the top.
        assert_eq!(visible_range(100, 30.0, -50.0, 90.0, 0), 0..3);
    }

    #[test]
    fn the_column_holds_the_rows_shown_and_room_for_the_others() {
        // 5,000 rows of 30 px at 1,000 px down in 600 px: 30..57 built (27 rows), a space
        // of 30 × 30 = 900 px above and (5,000 − 57) × 30 = 148,290 px below: 29 children.
        let scrolled = Scrolled {
            offset: 1_000.0,
            height: 600.0,
        };
        let mut built = Vec::new();
        let column: Column<'_, ()> = rows(&scrolled, 5_000, 30.0, |i| {
            built.push(i);
            iced::widget::text(i.to_string()).into()
        });
        assert_eq!(built, (30..57).collect::<Vec<_>>());
        let children =
            iced_test::core::Widget::<(), iced::Theme, iced::Renderer>::children(&column);
        assert_eq!(children.len(), 29);
    }
}
