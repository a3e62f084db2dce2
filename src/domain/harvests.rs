//! Crops, plots and harvests.

use crate::code_enum;

code_enum! {
    /// A unit a crop is counted in.
    pub enum Unit {
        Kg = ("kg", "kg"),
        Piece = ("piece", "pièce"),
        Bunch = ("botte", "botte"),
        Crate = ("caisse", "caisse"),
    }
}
