//! Build script: for Windows targets only, embeds the icon and the version information
//! (read from Cargo.toml) into `binette.exe`. It does nothing for other targets.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/binette.ico");
    // The version information comes from Cargo.toml ([package] and [package.metadata.winresource]).
    println!("cargo:rerun-if-changed=Cargo.toml");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    // The first icon of the executable is the one Explorer and the shortcuts show.
    resource.set_icon("assets/icons/binette.ico");
    // French (France): LANG_FRENCH | SUBLANG_FRENCH << 10.
    resource.set_language(0x040C);
    if let Err(error) = resource.compile() {
        // A missing resource compiler must not go unnoticed: the .exe would have no icon.
        panic!("impossible d'intégrer l'icône et la version dans binette.exe : {error}");
    }
}
