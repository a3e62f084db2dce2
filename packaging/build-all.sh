#!/usr/bin/env bash
# Builds every Binette installer into dist/ (run from anywhere, on Debian/Ubuntu x86_64):
#   dist/binette_<version>-1_amd64.deb              Linux package (cargo-deb)
#   dist/binette-<version>-linux-x86_64.tar.gz      Linux, without installing (binary + icons)
#   dist/Binette-<version>-installation.exe         Windows installer (NSIS)
#   dist/Binette-<version>-x86_64.AppImage          only if appimagetool is on PATH
#   dist/SHA256SUMS
# Needs: rustup target x86_64-pc-windows-gnu, apt gcc-mingw-w64-x86-64 nsis dpkg-dev,
# and `cargo install cargo-deb --locked`. Nothing is downloaded except by cargo itself.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "version introuvable dans Cargo.toml" >&2; exit 1; }
windows_target=x86_64-pc-windows-gnu
max_installer_bytes=$((25 * 1024 * 1024))

missing=()
command -v makensis >/dev/null || missing+=("makensis (apt-get install nsis)")
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=("x86_64-w64-mingw32-gcc (apt-get install gcc-mingw-w64-x86-64)")
command -v x86_64-w64-mingw32-windres >/dev/null || missing+=("x86_64-w64-mingw32-windres (apt-get install binutils-mingw-w64-x86-64)")
command -v dpkg-shlibdeps >/dev/null || missing+=("dpkg-shlibdeps (apt-get install dpkg-dev)")
cargo deb --version >/dev/null 2>&1 || missing+=("cargo-deb (cargo install cargo-deb --locked)")
rustup target list --installed 2>/dev/null | grep -qx "$windows_target" \
  || missing+=("la cible Rust $windows_target (rustup target add $windows_target)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Il manque :" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

echo "== Binette $version : compilation Linux et Windows"
cargo build --release --locked
cargo build --release --locked --target "$windows_target"

rm -rf dist
mkdir -p dist

echo "== Paquet Debian"
cargo deb --no-build --output "dist/binette_${version}-1_amd64.deb"

echo "== Archive Linux sans installation"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
portable="$stage/binette-$version"
mkdir -p "$portable/icons"
install -m 755 target/release/binette "$portable/binette"
install -m 644 packaging/linux/binette.desktop README.md "$portable/"
install -m 644 assets/icons/binette-*.png assets/icons/binette.svg "$portable/icons/"
tar -C "$stage" --owner=0 --group=0 -czf "dist/binette-${version}-linux-x86_64.tar.gz" "binette-$version"

echo "== Installateur Windows"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" \
  -DEXE="$root/target/$windows_target/release/binette.exe" \
  -DICON="$root/assets/icons/binette.ico" \
  -DOUTFILE="$root/dist/Binette-${version}-installation.exe" \
  packaging/windows/binette.nsi
size=$(stat -c %s "dist/Binette-${version}-installation.exe")
if [ "$size" -gt "$max_installer_bytes" ]; then
  echo "L'installateur Windows dépasse 25 Mo ($size octets)." >&2
  exit 1
fi

if command -v appimagetool >/dev/null; then
  echo "== AppImage"
  appdir="$stage/Binette.AppDir"
  install -D -m 755 target/release/binette "$appdir/usr/bin/binette"
  install -D -m 644 packaging/linux/binette.desktop "$appdir/usr/share/applications/binette.desktop"
  for px in 16 32 48 64 128 256; do
    install -D -m 644 "assets/icons/binette-$px.png" \
      "$appdir/usr/share/icons/hicolor/${px}x${px}/apps/binette.png"
  done
  cp packaging/linux/binette.desktop "$appdir/binette.desktop"
  cp assets/icons/binette-256.png "$appdir/binette.png"
  ln -s usr/bin/binette "$appdir/AppRun"
  ARCH=x86_64 appimagetool --no-appstream "$appdir" "dist/Binette-${version}-x86_64.AppImage"
else
  echo "== AppImage : non construite (appimagetool absent du PATH)"
fi

(cd dist && sha256sum -- * > SHA256SUMS)
echo "== dist/"
ls -l dist
