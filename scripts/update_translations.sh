#!/usr/bin/env bash
# Refresh the translation sources (resources/i18n/*.ts) from the code: new strings appear
# as unfinished, strings gone from the code are dropped. Then translate the unfinished ones
# (Qt Linguist: .venv/bin/pyside6-linguist resources/i18n/videomon_zh_CN.ts, or by hand,
# keeping resources/i18n/GLOSSARY.md) and run `python -m videomon.ui.runtime.i18n build`.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=(videomon/app.py videomon/ui/*.py videomon/ui/*/*.py)
.venv/bin/pyside6-lupdate -no-obsolete -locations relative -source-language en \
  -target-language zh_CN "${SOURCES[@]}" -ts resources/i18n/videomon_zh_CN.ts
# English needs entries only for plural forms ("%n task(s)")
.venv/bin/pyside6-lupdate -no-obsolete -locations relative -pluralonly -source-language en \
  -target-language en "${SOURCES[@]}" -ts resources/i18n/videomon_en.ts
