//! The data of the weekly print set: the summary, the émargement sheet of each depot and the
//! packing list.
//!
//! Only what a depot needs is read: names, co-member, basket size and count, phone. Never a
//! price, a note, or anything about Paniers Solidaires (dignity: a solidarity basket looks
//! exactly like any other on paper).

mod data;
mod folder;
mod needs;
mod next;
mod parts;
mod range;
mod types;

pub use data::{print_set_data, show_phones};
pub use folder::{
    SHEETS_FOLDER_KEY, default_exports_dir, default_sheets_root, sheets_root, week_folder,
};
pub use needs::{compute_needs, file_safe_name, format_quantity};
pub use next::next_print_set;
pub use parts::WeekPart;
pub use range::{
    BasketsRange, DEFAULT_DELIVERY_WEEKS, MAX_WEEKS, baskets_range, coming_delivery_weeks,
};
pub use types::{CompositionLine, DepotSheet, Need, PrintSet, SheetRow, SizeColumn, SkippedDepot};

/// Setting: "1" to print members' phone numbers on the émargement sheets; anything else
/// (the default) leaves the column out.
pub const SHOW_PHONES_KEY: &str = "sheets_show_phones";
/// Setting: the folder the print set was last saved to.
pub const SHEETS_DIR_KEY: &str = "sheets_dir";

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
