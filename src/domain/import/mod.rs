//! Importing spreadsheets (pure part): decoding CSV files, matching columns to fields,
//! validating rows and previewing what an import will do. Reading XLSX / ODS files and
//! writing to the database are in `store::import`.

pub mod columns;
pub mod dates;
pub mod employees;
pub mod harvests;
pub mod members;
pub mod names;
pub mod plan;
pub mod source;
