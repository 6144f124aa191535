#!/usr/bin/env bash
# Remake the README's screenshots (docs/screenshots/<language>-<scheme>[-200]/*.png) on a
# virtual X screen: English and Chinese, light and dark, and both at 200% scale.
# Needs: bash scripts/bootstrap.sh test  (it installs xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
unset QT_QPA_PLATFORM QT_SCALE_FACTOR
shoot() {  # out-dir language scheme screen
  xvfb-run -a -s "-screen 0 $4x24" .venv/bin/python scripts/screenshots.py "$1" "$2" "$3"
}
for language in en zh_CN; do
  for scheme in light dark; do
    shoot "docs/screenshots/$language-$scheme" "$language" "$scheme" 1280x800
  done
  QT_SCALE_FACTOR=2 shoot "docs/screenshots/$language-light-200" "$language" light 2560x1600
done
