//! Member import: each row of the table validated into a draft, then compared with what the
//! garden already has to give the preview (create / update / skip / rejected, with reasons).

mod matching;
mod namesakes;
mod plan;
mod rows;

pub use matching::{merged_member, same_member};
pub use namesakes::{Namesake, NamesakeChoice};
pub use plan::*;
pub use rows::*;

#[cfg(test)]
mod tests;
