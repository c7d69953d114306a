#!/usr/bin/env bash
# The desktop app's benchmark, in one command:  bash scripts/bench-gui.sh [mysql-sync-gui-bench options]
# Installs what is missing (setup.sh), builds the daemon and the GUI benchmark (build.sh;
# BUILD_DIR, default build), starts private MariaDB A + B and Mosquitto (tests/harness/servers.sh)
# in a temporary directory, runs BUILD_DIR/tests/bench/mysql-sync-gui-bench against them
# (offscreen, no display needed) and stops the servers again, whatever happens. Takes about two
# minutes after the build; figures are printed as aligned text, the last line is the same as one
# JSON object. Exit status: the benchmark's (0 when every phase completed, 1 when one failed).
# Extra arguments go to the benchmark, e.g.  bash scripts/bench-gui.sh --phases status
# (see: build/tests/bench/mysql-sync-gui-bench --help).  SKIP_BUILD=1 skips setup and build.
set -euo pipefail
# The same servers and steps as the engine's benchmark, with the GUI benchmark program.
MYSQL_SYNC_BENCH_PROGRAM=mysql-sync-gui-bench MYSQL_SYNC_BENCH_NAME=bench-gui.sh \
    exec bash "$(dirname "${BASH_SOURCE[0]}")/bench.sh" "$@"
