//! Enums stored as short text codes and shown with a French label.

/// Declares a fieldless enum with its stored code and French label, plus `ALL`, `code()`,
/// `label()`, `from_code()` and `Display` (the label).
///
/// ```
/// binette::code_enum! {
///     /// Example.
///     pub enum Colour { Red = ("rouge", "Rouge"), Green = ("vert", "Vert") }
/// }
/// assert_eq!(Colour::from_code("vert"), Some(Colour::Green));
/// assert_eq!(Colour::Red.to_string(), "Rouge");
/// ```
#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal)),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The French label shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value stored as `code`, if any.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
