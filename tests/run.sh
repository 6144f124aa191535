#!/usr/bin/env bash
# Run the test suite: offscreen Qt, a throwaway HOME-safe environment, and a private
# D-Bus session with an unlocked gnome-keyring so the real Secret Service is tested.
# Usage: bash tests/run.sh [pytest args...]   (after: bash scripts/bootstrap.sh test)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${VIDEOMON_PYTHON:-.venv/bin/python}"
export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1
export HOME="${HOME:-/root}"
mkdir -p "$HOME"

inner='set -e
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  eval "$(printf %s videomon-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  # Wait until the daemon owns org.freedesktop.secrets (else D-Bus activation starts a
  # second, locked instance).
  for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
      | grep -q "boolean true" && break
    sleep 0.1
  done
  export VIDEOMON_TEST_SECRET_SERVICE=1
fi
exec "$0" -m pytest "$@"'

if command -v dbus-run-session >/dev/null 2>&1; then
  # A private keyring directory, so the test never touches a real login keyring.
  export XDG_DATA_HOME
  XDG_DATA_HOME="$(mktemp -d)"
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  dbus-run-session -- sh -c "$inner" "$PY" "$@"
else
  echo "tests/run.sh: dbus-run-session not found; the Secret Service test will be skipped" >&2
  "$PY" -m pytest "$@"
fi
