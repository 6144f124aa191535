#!/usr/bin/env bash
# Install what videomon needs on a fresh Debian/Ubuntu machine, into ./.venv.
#   bash scripts/bootstrap.sh        # the app
#   bash scripts/bootstrap.sh test   # the app + the test tools (and a Secret Service, Xvfb)
# System packages are installed with apt when missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"

# Qt runtime libraries: offscreen + QtMultimedia (libpulse0, libxrandr2) + xcb windows,
# and a font with CJK glyphs (relays answer in Chinese; bare systems show boxes without).
APT_APP=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 libpulse0
         libxrandr2 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
         libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
         fonts-dejavu-core fonts-wqy-microhei)
APT_TEST=(gnome-keyring dbus-x11 xvfb desktop-file-utils appstream dunst)
PACKAGES=("${APT_APP[@]}")
[ "$MODE" = test ] && PACKAGES+=("${APT_TEST[@]}")

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "bootstrap: videomon needs Python >= 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
"$PY" -c 'import ensurepip, venv' 2>/dev/null || PACKAGES+=(python3-venv)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "bootstrap: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
EXTRA=""
[ "$MODE" = test ] && EXTRA="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${EXTRA}"
.venv/bin/python -m videomon.ui.runtime.i18n build >/dev/null  # translations (.ts -> .qm)
echo "bootstrap: ready (.venv, mode: $MODE)"
