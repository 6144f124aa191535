#!/usr/bin/env bash
# Remake the README's screenshots (docs/screenshots/*.png) on a virtual X screen.
# Needs: bash scripts/bootstrap.sh test  (it installs xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py docs/screenshots
