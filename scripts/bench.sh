#!/usr/bin/env bash
# The benchmark, in one command:  bash scripts/bench.sh [mysql-sync-bench options]
# Installs what is missing (setup.sh), builds the daemon and the benchmark (build.sh; BUILD_DIR,
# default build), starts private MariaDB A + B and Mosquitto (tests/harness/servers.sh) in a
# temporary directory, runs BUILD_DIR/tests/bench/mysql-sync-bench against them and stops the
# servers again, whatever happens. Runs the fast path and the per-row path one after the other
# on the same servers (phases insert, e2e, latency, wire, floor, backlog, consistency, pg:
# docs/BENCHMARKS.md); takes 9-15 minutes after the build on 2 cores, most of it the
# 1,000,000-row backlog and its verify and initial load (--backlog-rows N, or --phases without
# backlog and consistency, for a shorter run). Phase pg puts the sites on the PostgreSQL server
# too: latency PostgreSQL -> MariaDB, and 50,000 rows end to end PostgreSQL -> MariaDB,
# MariaDB -> PostgreSQL and MariaDB -> MariaDB, in a few minutes on its own:
#   SKIP_BUILD=1 bash scripts/bench.sh --phases pg
# The figures are printed as aligned text, the last line is the same as one JSON object.
# Exit status: the benchmark's (0 when every phase completed, 1 when one failed).
# Extra arguments go to the benchmark, e.g.  bash scripts/bench.sh --rows 10000 --phases e2e,wire
# (see: build/tests/bench/mysql-sync-bench --help).  SKIP_BUILD=1 skips setup and build.
# MYSQL_SYNC_BENCH_PROGRAM names another benchmark program of tests/bench (bench-gui.sh does).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR
PROGRAM=${MYSQL_SYNC_BENCH_PROGRAM:-mysql-sync-bench}
NAME=${MYSQL_SYNC_BENCH_NAME:-bench.sh}

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    bash scripts/setup.sh
    bash scripts/build.sh mysql-sync "$PROGRAM"
fi
if [[ $BUILD_DIR = /* ]]; then BUILD=$BUILD_DIR; else BUILD=$ROOT/$BUILD_DIR; fi
BENCH=$BUILD/tests/bench/$PROGRAM
DAEMON=$BUILD/app/daemon/mysql-sync
for f in "$BENCH" "$DAEMON"; do
    [[ -x $f ]] || { echo "$NAME: $f was not built" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/$PROGRAM-XXXXXX")
SERVERS=$TMP/servers
bench_pid=
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $bench_pid ]] && kill -0 "$bench_pid" 2>/dev/null; then
        kill -TERM "$bench_pid" 2>/dev/null || true
        wait "$bench_pid" 2>/dev/null || true
    fi
    bash tests/harness/servers.sh stop "$SERVERS" >/dev/null 2>&1 || \
        echo "$NAME: could not stop the servers in $SERVERS" >&2
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The backlog phase's million-row sync_status and its indexes do not fit the tests' 64 MB
# buffer pool (the drain then waits on the disk at a third of the speed; docs/BENCHMARKS.md).
export MYSQL_SYNC_BUFFER_POOL=${MYSQL_SYNC_BUFFER_POOL:-512M}
bash tests/harness/servers.sh start "$SERVERS"
"$BENCH" --servers "$SERVERS" --daemon "$DAEMON" "$@" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?
bench_pid=
exit "$status"
