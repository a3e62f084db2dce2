//! Harvest import: the columns of a harvest file, each row read into a draft (dates in every
//! form offices and Excel write them, decimal commas, a unit inside the quantity cell), then
//! resolved against the garden's crops and plots into the preview (create / left out as
//! already saved / refused, likely duplicates flagged).

mod build;
mod fields;
mod plan;
mod rows;

pub use build::*;
pub use fields::*;
pub use plan::*;
pub use rows::*;

#[cfg(test)]
mod tests;
