#!/usr/bin/env bash
# Build the one-folder Linux application: dist/casefile/ (run from anywhere).
#
#   packaging/build.sh            build, then start the bundle headless as a check
#   DIST=/some/dir packaging/build.sh
#
# Needs uv; PyInstaller comes from the "package" dependency group.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${DIST:-dist}
WORK=${WORK:-build/pyinstaller}

echo "+ compiling translations"
uv run python -m casefile.i18n_build
echo "+ pyinstaller"
uv run --group package pyinstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/casefile.spec

bundle="$DIST/casefile"
echo "+ smoke test"
shot=$(mktemp --suffix=.png)
trap 'rm -f "$shot"' EXIT
QT_QPA_PLATFORM=offscreen "$bundle/casefile" --demo --screenshot "$shot"
test -s "$shot" || { echo "the bundle did not render a screenshot" >&2; exit 1; }
echo "built $bundle ($(du -sh "$bundle" | cut -f1)); start it with $bundle/casefile"
