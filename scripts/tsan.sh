#!/usr/bin/env bash
# ThreadSanitizer run of the engine: builds the daemon mysql-sync with -fsanitize=thread
# (RelWithDebInfo) in BUILD_DIR (default build-tsan), builds the integration test programs
# normally in TEST_BUILD_DIR (default build), starts private servers (tests/harness/servers.sh)
# and runs the engine's integration tests against the instrumented daemon (the tests start
# the daemon from MYSQL_SYNC_DAEMON). Reports go to BUILD_DIR/tsan-logs/tsan.<pid>; the script
# prints them and exits 1 when there is any (or a test fails). Figures: docs/TSAN.md.
#   bash scripts/tsan.sh                   tst_sync tst_sync_codec tst_hostile tst_resilience
#   TSAN_TESTS="tst_sync tst_receipts" bash scripts/tsan.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build-tsan}
TEST_BUILD_DIR=${TEST_BUILD_DIR:-build}
JOBS=${JOBS:-2}
TESTS=(${TSAN_TESTS:-tst_sync tst_sync_codec tst_hostile tst_resilience})
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
[[ $TEST_BUILD_DIR == /* ]] || TEST_BUILD_DIR=$ROOT/$TEST_BUILD_DIR

start=$SECONDS
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMYSQL_SYNC_BUILD_TESTS=OFF \
      -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build "$BUILD_DIR" -j"$JOBS" --target mysql-sync
BUILD_DIR="$TEST_BUILD_DIR" JOBS=$JOBS bash scripts/build.sh "${TESTS[@]}" >/dev/null
built=$SECONDS

SERVERS=$BUILD_DIR/test-servers
LOGS=$BUILD_DIR/tsan-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
cleanup() { bash tests/harness/servers.sh stop "$SERVERS" >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash tests/harness/servers.sh start "$SERVERS" >/dev/null

export QT_QPA_PLATFORM=offscreen
# The tests start the daemon through this wrapper, which records each start (exec keeps the pid)
# so that the run can say how many daemon processes ran: TSan writes a file only on a report.
DAEMON=$LOGS/mysql-sync
printf '#!/bin/sh\necho "$$" >>"%s/daemons"\nexec "%s" "$@"\n' "$LOGS" "$BUILD_DIR/app/daemon/mysql-sync" >"$DAEMON"
chmod +x "$DAEMON"
export MYSQL_SYNC_DAEMON=$DAEMON
export MYSQL_SYNC_SOURCE_DIR=$ROOT
export MYSQL_SYNC_HARNESS=$ROOT/tests/harness/servers.sh
export MYSQL_SYNC_SERVERS_DIR=$SERVERS
# history_size: longer stacks for the other side of a race; second_deadlock_stack: both stacks.
export TSAN_OPTIONS="suppressions=$ROOT/tests/tsan/suppressions.txt log_path=$LOGS/tsan history_size=4 second_deadlock_stack=1 halt_on_error=0 exitcode=0"

failed=()
for t in "${TESTS[@]}"; do
    t0=$SECONDS
    if "$TEST_BUILD_DIR/tests/$t" >"$LOGS/$t.out" 2>&1; then
        echo "tsan: $t passed ($((SECONDS - t0)) s)"
    else
        echo "tsan: $t FAILED ($((SECONDS - t0)) s), output in $LOGS/$t.out"
        failed+=("$t")
    fi
done

shopt -s nullglob
reports=$(cat "$LOGS"/tsan.* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer' || true)
daemons=$(wc -l <"$LOGS/daemons" 2>/dev/null || echo 0)
echo "tsan: build $((built - start)) s, tests $((SECONDS - built)) s; $daemons daemon process(es); ${#failed[@]} test(s) failed; $reports report(s)"
if [[ $reports -ne 0 ]]; then
    # One line per distinct report: its kind and the first frame of ours.
    for f in "$LOGS"/tsan.*; do
        awk '/^WARNING: ThreadSanitizer/ { kind = $0; getline; getline; print kind " | " $0 }' "$f"
    done | sort | uniq -c | sort -rn
    echo "tsan: full reports in $LOGS/tsan.*"
fi
[[ ${#failed[@]} -eq 0 && $reports -eq 0 ]]
