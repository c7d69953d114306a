#!/usr/bin/env bash
# The live feed's benchmark, in one command:  bash scripts/bench-feed.sh [mysql-sync-feed-bench options]
# Installs what is missing (setup.sh), builds the daemon and the feed benchmark (build.sh;
# BUILD_DIR, default build), starts private MariaDB A + B and Mosquitto (tests/harness/servers.sh)
# in a temporary directory, runs BUILD_DIR/tests/bench/mysql-sync-feed-bench against them (one
# daemon with a feed, 1,000 WebSocket clients, 2,000 routed rows/s for 20 s) and stops the
# servers again, whatever happens. About a minute after the build; the last line is the figures
# as one JSON object. Exit status: the benchmark's (0 when every row was pushed).
# Extra arguments go to the benchmark, e.g.  bash scripts/bench-feed.sh --clients 200 --rate 500
# Options: --clients N (1000, in all), --rate ROWS_PER_S (2000), --seconds S (20), --batch ROWS
# (20 per transaction), --feed-servers K (0: the daemon's own feed serves the clients; K: K
# standalone `mysql-sync feed` processes fed by the daemon's feed.publishStream through the
# broker, the clients split between them, figures per server and together, and a check that
# every server pushed the same rows). See: build/tests/bench/mysql-sync-feed-bench --help.
# SKIP_BUILD=1 skips setup and build.
set -euo pipefail
MYSQL_SYNC_BENCH_PROGRAM=mysql-sync-feed-bench MYSQL_SYNC_BENCH_NAME=bench-feed.sh \
    exec bash "$(dirname "${BASH_SOURCE[0]}")/bench.sh" "$@"
