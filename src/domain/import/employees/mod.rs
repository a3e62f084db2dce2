//! Employee import from the *les emplois de l'inclusion* XLSX export: the columns, each row
//! validated into a draft, then compared with the people Binette has (by PASS IAE number,
//! else by name and birth date) to give the preview with its differences.

mod changes;
mod fields;
mod plan;
mod rows;

pub use changes::*;
pub use fields::*;
pub use plan::*;
pub use rows::*;

#[cfg(test)]
mod tests;
