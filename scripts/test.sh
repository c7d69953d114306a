#!/usr/bin/env bash
# The project's test command: install what is missing, build, run every test.
# Extra arguments go to ctest, e.g.  scripts/test.sh -L unit   or   scripts/test.sh -R tst_config
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR
bash scripts/setup.sh
bash scripts/build.sh
status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j1 "$@" || status=$?
exit "$status"
