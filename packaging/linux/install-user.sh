#!/usr/bin/env bash
# Install videomon's desktop entry, AppStream metainfo and icons for this user, pointing at
# the videomon-gui launcher of this checkout (or the one on PATH):
#   bash packaging/linux/install-user.sh              # after: bash scripts/bootstrap.sh
#   bash packaging/linux/install-user.sh --uninstall  # removes all of it again
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_ID=io.videomon.Videomon
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -f -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
  if [ -d "$DATA/icons/hicolor" ]; then
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -type f -delete
  fi
  refresh
  echo "videomon's desktop entry and icons were removed"
  exit 0
fi

LAUNCHER="${VIDEOMON_GUI:-}"
if [ -z "$LAUNCHER" ]; then
  if [ -x .venv/bin/videomon-gui ]; then LAUNCHER="$PWD/.venv/bin/videomon-gui"
  else LAUNCHER="$(command -v videomon-gui || true)"; fi
fi
if [ -z "$LAUNCHER" ] || [ ! -x "$LAUNCHER" ]; then
  echo "install-user: no videomon-gui found; run 'bash scripts/bootstrap.sh' first" >&2
  exit 1
fi
PY="$(dirname "$LAUNCHER")/python"
[ -x "$PY" ] || PY=python3

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$PY" packaging/make_icons.py "$TMP" >/dev/null
mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons"
cp -r "$TMP/hicolor" "$DATA/icons/"
sed -e "s|^Exec=.*|Exec=$LAUNCHER %U|" -e "s|^TryExec=.*|TryExec=$LAUNCHER|" \
  "packaging/linux/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "packaging/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/"
refresh
echo "installed: $DATA/applications/$APP_ID.desktop (runs $LAUNCHER)"
