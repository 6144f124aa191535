#!/usr/bin/env bash
# Build the videomon onedir bundle (dist/videomon/) and a Debian package
# (dist/videomon_<version>_<arch>.deb) from this checkout. One command:
#   bash packaging/build.sh
# It makes its own build venv (build/venv, PySide6 as the only Qt binding) and needs
# binutils (objdump), dpkg-deb and fakeroot; lintian checks the .deb when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
APP_ID=io.videomon.Videomon
PY="${PYTHON:-python3}"
started=$(date +%s)

missing=()
for tool in objdump dpkg-deb fakeroot; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    binutils dpkg-dev fakeroot >/dev/null
fi

if [ ! -x build/venv/bin/python ]; then
  "$PY" -m venv build/venv
fi
build/venv/bin/python -m pip install -q --disable-pip-version-check . "pyinstaller==6.22.*"

build/venv/bin/python -m videomon.ui.runtime.i18n build  # the .qm catalogues the bundle carries
rm -rf build/pyinstaller dist/videomon
build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/pyinstaller/videomon.spec

# icons for the package (rendered from the SVG with the bundle's own Qt)
ICONS="build/icons"
rm -rf "$ICONS"
PYTHONPATH="$ROOT" build/venv/bin/python packaging/make_icons.py "$ICONS" >/dev/null

# the Debian package: the bundle under /opt, a launcher on PATH, desktop entry, metainfo, icons
PKG="build/deb/videomon_${VERSION}_${ARCH}"
rm -rf build/deb
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/metainfo" "$PKG/usr/share/icons" "$PKG/usr/share/doc/videomon"
cp -a dist/videomon "$PKG/opt/videomon"
ln -s /opt/videomon/videomon "$PKG/usr/bin/videomon"
ln -s /opt/videomon/videomon "$PKG/usr/bin/videomon-gui"
cp "packaging/linux/$APP_ID.desktop" "$PKG/usr/share/applications/"
cp "packaging/linux/$APP_ID.metainfo.xml" "$PKG/usr/share/metainfo/"
cp -r "$ICONS/hicolor" "$PKG/usr/share/icons/"
cat > "$PKG/usr/share/doc/videomon/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: videomon
License: MIT

Files: *
Copyright: The videomon developers
License: MIT
COPYRIGHT
printf 'videomon (%s) unstable; urgency=medium\n\n  * See README.md.\n\n -- The videomon developers <videomon@localhost>  %s\n' \
  "$VERSION" "$(date -R)" | gzip -9n > "$PKG/usr/share/doc/videomon/changelog.gz"
# a self-contained bundle under /opt: lintian's objections to that shape, each justified
mkdir -p "$PKG/usr/share/lintian/overrides"
cat > "$PKG/usr/share/lintian/overrides/videomon" <<'OVERRIDES'
# The bundle is self-contained under /opt by design (Python, Qt and FFmpeg inside it).
videomon: dir-or-file-in-opt
videomon: embedded-library
videomon: custom-library-search-path
videomon: library-not-linked-against-libc
# Stripping breaks QtMultimedia's FFmpeg plugin ("ELF load command ... not page-aligned").
videomon: unstripped-binary-or-object
# The project has no mailing address yet.
videomon: bogus-mail-host
videomon: bogus-mail-host-in-debian-changelog
OVERRIDES
find "$PKG/opt" -type f -name '*.so*' -exec chmod 0644 {} +
SIZE_KB="$(du -sk "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: videomon
Version: $VERSION
Architecture: $ARCH
Maintainer: The videomon developers <videomon@localhost>
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.34), sensible-utils, libegl1, libgl1, libfontconfig1, libglib2.0-0, libxkbcommon0, libdbus-1-3, libpulse0, libxrandr2, libxcb-cursor0, libxkbcommon-x11-0
Recommends: gnome-keyring | kwalletmanager
Section: video
Priority: optional
Description: track AI video-generation tasks and save the videos
 videomon tracks video-generation tasks of Sora 2, Veo 3, Kling and the relay
 services that resell them: live progress, a preview player and resumable
 downloads, with API keys kept in the system keyring.
CONTROL
cat > "$PKG/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -f /usr/share/icons/hicolor || true
POSTINST
cp "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
chmod 0755 "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
DEB="dist/videomon_${VERSION}_${ARCH}.deb"
fakeroot dpkg-deb --build -Zxz "$PKG" "$DEB" >/dev/null
if command -v lintian >/dev/null; then
  report="$(lintian --no-tag-display-limit "$DEB" 2>&1 || true)"
  if grep -q '^E:' <<<"$report"; then
    grep '^E:' <<<"$report" >&2
    echo "build: lintian found errors" >&2
    exit 1
  fi
fi
echo "bundle: dist/videomon ($(du -sh dist/videomon | cut -f1)); package: $DEB ($(du -h "$DEB" | cut -f1)); $(( $(date +%s) - started )) s"
