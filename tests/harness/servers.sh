#!/usr/bin/env bash
# Private test servers for the integration tests: two MariaDB servers (sites A and B),
# one PostgreSQL server and one Mosquitto broker, all bound to 127.0.0.1 on free random
# ports, all state in DIR.
#
#   servers.sh start DIR           start everything (no-op when DIR's servers already run)
#   servers.sh stop DIR            stop everything that DIR's pid files name, remove DIR
#   servers.sh stop-broker DIR     stop only the broker
#   servers.sh start-broker DIR    start the broker again, on the same port
#   servers.sh restart-broker DIR  stop-broker + start-broker (persistence is off: the
#                                  broker forgets sessions, subscriptions and retained messages)
#   servers.sh stop-postgres DIR   stop only PostgreSQL (fast shutdown: clients are cut off)
#   servers.sh start-postgres DIR  start PostgreSQL again, on the same port, with its data
#   servers.sh status DIR          print what runs; exit 0 only when all four run
#
# DIR/env then holds KEY=VALUE lines: MYSQL_A_PORT MYSQL_A_SOCKET MYSQL_B_PORT MYSQL_B_SOCKET
# MQTT_PORT MYSQL_USER MYSQL_PASSWORD (plus MYSQL_HOST, MQTT_HOST), and for PostgreSQL
# PG_HOST PG_PORT PG_SOCKET_DIR PG_USER PG_PASSWORD (a login role with CREATEDB, no superuser,
# password authentication over TCP; the superuser `postgres` logs in over the socket only).
# PostgreSQL (initdb + pg_ctl from /usr/lib/postgresql/N/bin) runs as the `postgres` user when
# this script runs as root (root may not run it), in a directory of its own under /tmp (data and
# run: socket, log), named in DIR/pg-root: the `postgres` user may not be able to reach DIR (a
# checkout under /root), and PostgreSQL refuses a data directory it cannot own.
# MYSQL_SYNC_BUFFER_POOL sets both MariaDB servers' innodb_buffer_pool_size (default 64M: the
# tests' tables are small; scripts/bench.sh gives its million-row backlog more).
# Only processes named by DIR's own pid files (and whose command line names DIR) are
# ever signalled. Never touches system services or the default ports.
set -euo pipefail

MYSQL_USER_NAME=sync
MYSQL_USER_PASSWORD=sync-test-pw
PG_USER_NAME=sync
PG_USER_PASSWORD=sync-pg-test-pw
START_TIMEOUT=${MYSQL_SYNC_SERVER_START_TIMEOUT:-60}
STOP_TIMEOUT=${MYSQL_SYNC_SERVER_STOP_TIMEOUT:-30}

die() { echo "servers.sh: $*" >&2; exit 1; }

usage() {
    echo "usage: servers.sh {start|stop|start-broker|stop-broker|restart-broker|stop-postgres|start-postgres|status} DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
ACTION=$1
DIR=$2
[[ -n $DIR ]] || usage
# Absolute path: it goes into config files, command lines and the env file.
case $DIR in
    /*) ;;
    *) DIR="$(pwd)/$DIR" ;;
esac
DIR=${DIR%/}

find_tool() {
    local name
    for name in "$@"; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
        for d in /usr/sbin /usr/bin /sbin /usr/local/sbin /usr/local/bin; do
            if [[ -x $d/$name ]]; then echo "$d/$name"; return 0; fi
        done
    done
    return 1
}

# ---------------------------------------------------------------- processes

# pid_of NAME: the pid in DIR/NAME.pid when that process is alive and its command line
# names DIR (PostgreSQL: its directory under /tmp), so a recycled pid of some other process is
# never taken for ours.
pid_of() {
    local file="$DIR/$1.pid" pid cmdline
    [[ -f $file ]] || return 1
    pid=$(tr -dc '0-9' <"$file" 2>/dev/null || true)
    [[ -n $pid ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    local home="$DIR/"
    if [[ $1 == postgres ]]; then home="$(cat "$DIR/pg-root" 2>/dev/null || echo "$DIR")/"; fi
    [[ $cmdline == *"$home"* ]] || return 1
    # A zombie is not running.
    local state
    state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ $state != Z ]] || return 1
    echo "$pid"
}

is_running() { pid_of "$1" >/dev/null; }

# wait_exec PID: after `cmd &`, $! is at first a fork of this script, whose command line
# does not name DIR/ until it execs the server; pid_of would take it for dead meanwhile
# (and a start would give up at once). Waits (at most 2 s) until it has exec'd or is gone.
wait_exec() {
    local pid=$1 i cmdline
    for ((i = 0; i < 100; i++)); do
        [[ -r /proc/$pid/cmdline ]] || return 0
        cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
        [[ $cmdline == *"$DIR/"* ]] && return 0
        sleep 0.02
    done
    return 0
}

# stop_process NAME: SIGTERM, wait up to STOP_TIMEOUT s, then SIGKILL.
stop_process() {
    local name=$1 pid i
    if pid=$(pid_of "$name"); then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
            is_running "$name" || break
            sleep 0.1
        done
        if is_running "$name"; then
            echo "servers.sh: $name (pid $pid) did not stop within ${STOP_TIMEOUT}s, killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                is_running "$name" || break
                sleep 0.1
            done
        fi
    fi
    rm -f "$DIR/$name.pid"
}

# ---------------------------------------------------------------- ports

# True when something on this machine uses local TCP port $1 (any state, IPv4 or IPv6).
port_in_use() {
    local port=$1 hex
    hex=$(printf ':%04X ' "$port")
    if grep -qi -- "$hex" /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
        return 0
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 0
    fi
    return 1
}

PICKED_PORTS=" "
# pick_port: sets PORT to a free port not picked before by this script run.
pick_port() {
    local i candidate
    for ((i = 0; i < 500; i++)); do
        candidate=$((20000 + (RANDOM * 32768 + RANDOM) % 25001))
        [[ $PICKED_PORTS == *" $candidate "* ]] && continue
        port_in_use "$candidate" && continue
        PICKED_PORTS+="$candidate "
        PORT=$candidate
        return 0
    done
    die "no free TCP port found in 20000-45000"
}

wait_for_port() {
    local port=$1 name=$2 i
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        is_running "$name" || return 1
        sleep 0.1
    done
    return 1
}

# ---------------------------------------------------------------- env file

env_get() {
    local key=$1
    [[ -f $DIR/env ]] || return 1
    sed -n "s/^$key=//p" "$DIR/env" | head -n1
}

write_env() {
    local tmp="$DIR/env.tmp"
    {
        echo "MYSQL_HOST=127.0.0.1"
        echo "MYSQL_A_PORT=$MYSQL_A_PORT"
        echo "MYSQL_A_SOCKET=$DIR/mysql-a.sock"
        echo "MYSQL_B_PORT=$MYSQL_B_PORT"
        echo "MYSQL_B_SOCKET=$DIR/mysql-b.sock"
        echo "MQTT_HOST=127.0.0.1"
        echo "MQTT_PORT=$MQTT_PORT"
        echo "MYSQL_USER=$MYSQL_USER_NAME"
        echo "MYSQL_PASSWORD=$MYSQL_USER_PASSWORD"
        echo "PG_HOST=127.0.0.1"
        echo "PG_PORT=$PG_PORT"
        echo "PG_SOCKET_DIR=$PG_RUN"
        echo "PG_USER=$PG_USER_NAME"
        echo "PG_PASSWORD=$PG_USER_PASSWORD"
    } >"$tmp"
    mv "$tmp" "$DIR/env"
}

# ---------------------------------------------------------------- MariaDB

MARIADBD=""
INSTALL_DB=""
ADMIN=""
CLIENT=""
find_mariadb_tools() {
    MARIADBD=$(find_tool mariadbd mysqld) || die "mariadbd not found (install mariadb-server: scripts/setup.sh)"
    INSTALL_DB=$(find_tool mariadb-install-db mysql_install_db) || die "mariadb-install-db not found (install mariadb-server)"
    ADMIN=$(find_tool mariadb-admin mysqladmin) || die "mariadb-admin not found (install mariadb-client)"
    CLIENT=$(find_tool mariadb mysql) || die "mariadb client not found (install mariadb-client)"
}

# Initialise one datadir, used as a template for both sites (saves a few seconds).
init_datadir() {
    local datadir=$1
    if ! "$INSTALL_DB" --no-defaults --user=root --datadir="$datadir" \
            --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
            --innodb-log-file-size="${MYSQL_SYNC_REDO_LOG:-32M}" \
            >"$DIR/install-db.log" 2>&1; then
        tail -n 30 "$DIR/install-db.log" >&2 || true
        die "mariadb-install-db failed for $datadir (log: $DIR/install-db.log)"
    fi
}

# launch_mariadb SITE(a|b) PORT: starts the server in the background, returns at once.
launch_mariadb() {
    local site=$1 port=$2 name="mysql-$1"
    rm -f "$DIR/$name.sock" "$DIR/$name.pid" "$DIR/$name.server-pid"
    mkdir -p "$DIR/$name.tmp"
    setsid nohup "$MARIADBD" --no-defaults --user=root \
        --datadir="$DIR/$name" --port="$port" --socket="$DIR/$name.sock" --bind-address=127.0.0.1 \
        --pid-file="$DIR/$name.server-pid" --log-error="$DIR/$name.err" --tmpdir="$DIR/$name.tmp" \
        --skip-log-bin --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        --innodb-buffer-pool-size="${MYSQL_SYNC_BUFFER_POOL:-64M}" --innodb-log-file-size="${MYSQL_SYNC_REDO_LOG:-32M}" \
        --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 \
        --performance-schema=OFF --max-connections=300 \
        </dev/null >"$DIR/$name.out" 2>&1 &
    echo $! >"$DIR/$name.pid"
    wait_exec $!
}

# wait_mariadb SITE -> 0 when it answers, 1 when it exited (e.g. port taken), 2 on timeout
wait_mariadb() {
    local name="mysql-$1" i
    local sock="$DIR/$name.sock"
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        is_running "$name" || return 1
        if [[ -S $sock ]] && "$ADMIN" --no-defaults --socket="$sock" -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    return 2
}

show_err_log() {
    local name=$1
    echo "---- tail of $DIR/$name.err ----" >&2
    tail -n 40 "$DIR/$name.err" >&2 2>/dev/null || true
    if [[ -s $DIR/$name.out ]]; then
        echo "---- tail of $DIR/$name.out ----" >&2
        tail -n 20 "$DIR/$name.out" >&2 || true
    fi
}

# site_started SITE PORT RC: handles the result of wait_mariadb. Returns 0 when the site
# runs, 1 when the port was taken (try another one); dies on any other failure.
site_started() {
    local site=$1 port=$2 rc=$3
    [[ $rc -eq 0 ]] && return 0
    if [[ $rc -eq 2 ]]; then
        show_err_log "mysql-$site"
        stop_process "mysql-$site"
        die "MariaDB site $site did not answer within ${START_TIMEOUT}s (port $port)"
    fi
    if grep -q "Address already in use\|Bind on TCP/IP port" "$DIR/mysql-$site.err" 2>/dev/null; then
        echo "servers.sh: port $port was taken, trying another one" >&2
        mv "$DIR/mysql-$site.err" "$DIR/mysql-$site.err.port-$port" 2>/dev/null || true
        return 1
    fi
    show_err_log "mysql-$site"
    die "MariaDB site $site exited during startup (port $port)"
}

# Both sites start in parallel; a site whose port got taken meanwhile is retried.
start_sites() {
    local rc_a=0 rc_b=0 attempt
    pick_port; MYSQL_A_PORT=$PORT
    pick_port; MYSQL_B_PORT=$PORT
    launch_mariadb a "$MYSQL_A_PORT"
    launch_mariadb b "$MYSQL_B_PORT"
    wait_mariadb a || rc_a=$?
    wait_mariadb b || rc_b=$?
    for attempt in 1 2 3 4; do
        if site_started a "$MYSQL_A_PORT" "$rc_a"; then break; fi
        pick_port; MYSQL_A_PORT=$PORT
        launch_mariadb a "$MYSQL_A_PORT"
        rc_a=0; wait_mariadb a || rc_a=$?
    done
    site_started a "$MYSQL_A_PORT" "$rc_a" || die "MariaDB site a: no usable port found"
    for attempt in 1 2 3 4; do
        if site_started b "$MYSQL_B_PORT" "$rc_b"; then break; fi
        pick_port; MYSQL_B_PORT=$PORT
        launch_mariadb b "$MYSQL_B_PORT"
        rc_b=0; wait_mariadb b || rc_b=$?
    done
    site_started b "$MYSQL_B_PORT" "$rc_b" || die "MariaDB site b: no usable port found"
}

create_user() {
    local site=$1 sock="$DIR/mysql-$1.sock"
    local sql="
DELETE FROM mysql.global_priv WHERE User = ''
    OR (User = 'root' AND Host NOT IN ('localhost', '127.0.0.1', '::1'));
DELETE FROM mysql.proxies_priv WHERE Host NOT IN ('localhost', '127.0.0.1', '::1');
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS '$MYSQL_USER_NAME'@'127.0.0.1' IDENTIFIED BY '$MYSQL_USER_PASSWORD';
CREATE USER IF NOT EXISTS '$MYSQL_USER_NAME'@'localhost' IDENTIFIED BY '$MYSQL_USER_PASSWORD';
CREATE USER IF NOT EXISTS '$MYSQL_USER_NAME'@'::1' IDENTIFIED BY '$MYSQL_USER_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER_NAME'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER_NAME'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER_NAME'@'::1' WITH GRANT OPTION;
FLUSH PRIVILEGES;"
    if ! "$CLIENT" --no-defaults --socket="$sock" -uroot -e "$sql" >"$DIR/mysql-$site.setup.log" 2>&1; then
        cat "$DIR/mysql-$site.setup.log" >&2 || true
        die "could not create user $MYSQL_USER_NAME on site $site"
    fi
}

# ---------------------------------------------------------------- PostgreSQL

PG_BIN=""
find_pg_tools() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/psql ]]; then PG_BIN=$d; return 0; fi
    done
    die "PostgreSQL's initdb/pg_ctl not found in /usr/lib/postgresql/*/bin (install postgresql: scripts/setup.sh)"
}

# AS_PG: the prefix that runs a command as the `postgres` user when this script runs as
# root (initdb and the server refuse root); empty otherwise.
AS_PG=()
if [[ $(id -u) -eq 0 ]]; then AS_PG=(runuser -u postgres --); fi
as_pg() { "${AS_PG[@]}" "$@"; }

# PG_ROOT (and PG_DATA, PG_RUN): made by init_pg, found again from DIR/pg-root.
pg_dirs() {
    PG_ROOT=$(cat "$DIR/pg-root" 2>/dev/null || true)
    PG_DATA=$PG_ROOT/data
    PG_RUN=$PG_ROOT/run
}

init_pg() {
    PG_ROOT=$(mktemp -d /tmp/mysql-sync-pg.XXXXXX)
    chmod 0755 "$PG_ROOT"
    echo "$PG_ROOT" >"$DIR/pg-root"
    pg_dirs
    mkdir -p "$PG_DATA" "$PG_RUN"
    chmod 0700 "$PG_DATA"
    printf '%s\n' "$PG_USER_PASSWORD" >"$PG_RUN/superuser-pw"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$PG_DATA" "$PG_RUN" "$PG_RUN/superuser-pw"
    fi
    # Socket: trust (the superuser, for setup); TCP: scram passwords only.
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --no-locale --no-sync \
            --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PG_RUN/superuser-pw" \
            >"$DIR/pg-initdb.log" 2>&1; then
        tail -n 30 "$DIR/pg-initdb.log" >&2 || true
        die "initdb failed for $PG_DATA (log: $DIR/pg-initdb.log)"
    fi
    rm -f "$PG_RUN/superuser-pw"
}

# launch_pg PORT -> 0 started, 1 did not start (the log says why)
launch_pg() {
    local port=$1
    rm -f "$DIR/postgres.pid"
    # synchronous_commit off: like MariaDB's innodb-flush-log-at-trx-commit=2 above.
    if ! setsid -w "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_RUN/postgres.log" \
            -w -t "$START_TIMEOUT" \
            -o "-p $port -k $PG_RUN -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=300" \
            start </dev/null >"$DIR/pg-ctl.out" 2>&1; then
        return 1
    fi
    head -n1 "$PG_DATA/postmaster.pid" >"$DIR/postgres.pid"
    is_running postgres
}

show_pg_log() {
    echo "---- tail of $PG_RUN/postgres.log ----" >&2
    tail -n 30 "$PG_RUN/postgres.log" >&2 2>/dev/null || true
    tail -n 10 "$DIR/pg-ctl.out" >&2 2>/dev/null || true
}

start_pg() {
    local attempt
    for attempt in 1 2 3 4 5; do
        pick_port; PG_PORT=$PORT
        launch_pg "$PG_PORT" && return 0
        if grep -q "could not bind\|Address already in use\|could not create any TCP/IP sockets" \
                "$PG_RUN/postgres.log" 2>/dev/null; then
            echo "servers.sh: port $PG_PORT was taken for PostgreSQL, trying another one" >&2
            mv "$PG_RUN/postgres.log" "$PG_RUN/postgres.log.port-$PG_PORT" 2>/dev/null || true
            continue
        fi
        show_pg_log
        die "PostgreSQL did not start (port $PG_PORT)"
    done
    show_pg_log
    die "PostgreSQL: no usable port found"
}

create_pg_user() {
    local out
    if ! out=$(as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres \
            -c "CREATE ROLE $PG_USER_NAME LOGIN CREATEDB PASSWORD '$PG_USER_PASSWORD'" 2>&1); then
        echo "$out" >&2
        die "could not create role $PG_USER_NAME on PostgreSQL"
    fi
    # CREATE DATABASE cannot share a -c with another statement (it runs outside a transaction).
    if ! out=$(as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres \
            -c "CREATE DATABASE $PG_USER_NAME OWNER $PG_USER_NAME" 2>&1); then
        echo "$out" >&2
        die "could not create database $PG_USER_NAME on PostgreSQL"
    fi
}

# Fast shutdown (SIGTERM would be PostgreSQL's smart mode, which waits for every client);
# the data directory stays.
halt_pg() {
    pg_dirs
    if is_running postgres; then
        [[ -n $PG_BIN ]] || find_pg_tools
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" stop >/dev/null 2>&1 || true
    fi
    stop_process postgres
}

stop_pg() {
    halt_pg
    if [[ $PG_ROOT == /tmp/mysql-sync-pg.* ]]; then rm -rf "$PG_ROOT"; fi
}

# ---------------------------------------------------------------- Mosquitto

write_mosquitto_conf() {
    local port=$1
    cat >"$DIR/mosquitto.conf" <<EOF
# Private test broker (tests/harness/servers.sh). Forgets everything on restart.
listener $port 127.0.0.1
allow_anonymous true
# Small messages go out at once (Nagle would hold them back for up to 40 ms).
set_tcp_nodelay true
persistence false
user root
log_dest file $DIR/mosquitto.log
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
log_timestamp_format %Y-%m-%dT%H:%M:%S
EOF
}

# start_broker_on PORT -> 0 ok, 1 exited (port taken?), 2 timeout
start_broker_on() {
    local port=$1 mosq
    mosq=$(find_tool mosquitto) || die "mosquitto not found (install mosquitto: scripts/setup.sh)"
    write_mosquitto_conf "$port"
    setsid nohup "$mosq" -c "$DIR/mosquitto.conf" </dev/null >>"$DIR/mosquitto.out" 2>&1 &
    echo $! >"$DIR/mosquitto.pid"
    wait_exec $!
    if wait_for_port "$port" mosquitto; then
        is_running mosquitto && return 0
        return 1
    fi
    is_running mosquitto || return 1
    return 2
}

show_broker_log() {
    echo "---- tail of $DIR/mosquitto.log ----" >&2
    tail -n 30 "$DIR/mosquitto.log" >&2 2>/dev/null || true
    echo "---- tail of $DIR/mosquitto.out ----" >&2
    tail -n 10 "$DIR/mosquitto.out" >&2 2>/dev/null || true
}

start_broker_fixed() {
    local port=$1 rc=0 i
    is_running mosquitto && return 0
    # The old listening socket may linger for a moment after a stop; retry a few times.
    for i in 1 2 3 4 5 6 7 8 9 10; do
        rc=0
        start_broker_on "$port" || rc=$?
        [[ $rc -eq 0 ]] && return 0
        if [[ $rc -eq 2 ]]; then
            show_broker_log
            stop_process mosquitto
            die "mosquitto did not accept connections on port $port within ${START_TIMEOUT}s"
        fi
        sleep 0.5
    done
    show_broker_log
    die "mosquitto could not start on port $port"
}

start_broker_new() {
    local attempt port rc
    for attempt in 1 2 3 4 5; do
        pick_port
        port=$PORT
        rc=0
        start_broker_on "$port" || rc=$?
        if [[ $rc -eq 0 ]]; then
            MQTT_PORT=$port
            return 0
        fi
        if [[ $rc -eq 2 ]]; then
            show_broker_log
            stop_process mosquitto
            die "mosquitto did not accept connections on port $port within ${START_TIMEOUT}s"
        fi
        echo "servers.sh: mosquitto could not start on port $port, trying another one" >&2
    done
    show_broker_log
    die "mosquitto could not start"
}

# ---------------------------------------------------------------- actions

MARKER=.mysql-sync-test-servers

# Removes DIR, but only when it is a directory this script made (marker file) or empty:
# never rm -rf a directory someone passed by mistake.
remove_dir() {
    [[ -d $DIR ]] || return 0
    if [[ -f $DIR/$MARKER ]] || [[ -z $(ls -A "$DIR") ]]; then
        rm -rf "$DIR"
    else
        die "$DIR was not made by servers.sh (no $MARKER in it): not removing it"
    fi
}

stop_all() {
    [[ -d $DIR ]] || return 0
    stop_process mosquitto
    stop_process mysql-a
    stop_process mysql-b
    stop_pg
}

do_start() {
    if [[ -f $DIR/env ]] && is_running mysql-a && is_running mysql-b && is_running mosquitto \
            && is_running postgres; then
        return 0  # already running: idempotent
    fi
    if [[ -d $DIR ]]; then
        # Stale or partial state from an earlier run: stop what is ours, start afresh.
        stop_all
        remove_dir
    fi
    mkdir -p "$DIR"
    echo "made by tests/harness/servers.sh; removed by: servers.sh stop $DIR" >"$DIR/$MARKER"
    find_mariadb_tools
    find_pg_tools

    local started=$SECONDS
    # On failure, leave nothing running.
    trap 'rc=$?; if [[ $rc -ne 0 ]]; then stop_all; fi' EXIT

    init_datadir "$DIR/mysql-a"
    cp -a "$DIR/mysql-a" "$DIR/mysql-b"
    init_pg

    start_broker_new
    start_sites
    start_pg

    create_user a
    create_user b
    create_pg_user
    write_env
    trap - EXIT
    echo "servers.sh: started in $DIR ($((SECONDS - started))s): MariaDB A :$MYSQL_A_PORT, B :$MYSQL_B_PORT, PostgreSQL :$PG_PORT, MQTT :$MQTT_PORT"
}

do_stop() {
    if [[ ! -d $DIR ]]; then
        return 0
    fi
    stop_all
    remove_dir
}

do_stop_broker() {
    [[ -d $DIR ]] || die "$DIR does not exist (run: servers.sh start $DIR)"
    stop_process mosquitto
}

do_start_broker() {
    local port
    port=$(env_get MQTT_PORT) || true
    [[ -n $port ]] || die "no MQTT_PORT in $DIR/env (run: servers.sh start $DIR)"
    start_broker_fixed "$port"
}

do_stop_postgres() {
    [[ -f $DIR/pg-root ]] || die "no $DIR/pg-root (run: servers.sh start $DIR)"
    halt_pg
}

do_start_postgres() {
    local port
    port=$(env_get PG_PORT) || true
    [[ -n $port ]] || die "no PG_PORT in $DIR/env (run: servers.sh start $DIR)"
    [[ -f $DIR/pg-root ]] || die "no $DIR/pg-root (run: servers.sh start $DIR)"
    is_running postgres && return 0
    pg_dirs
    find_pg_tools
    if ! launch_pg "$port"; then
        show_pg_log
        die "PostgreSQL did not start again on port $port"
    fi
}

do_status() {
    local ok=0 name pid
    if [[ -f $DIR/env ]]; then cat "$DIR/env"; else echo "no $DIR/env"; ok=1; fi
    for name in mysql-a mysql-b postgres mosquitto; do
        if pid=$(pid_of "$name"); then
            echo "$name: running (pid $pid)"
        else
            echo "$name: not running"
            ok=1
        fi
    done
    return $ok
}

case $ACTION in
    start) do_start ;;
    stop) do_stop ;;
    stop-broker) do_stop_broker ;;
    start-broker) do_start_broker ;;
    restart-broker) do_stop_broker; do_start_broker ;;
    stop-postgres) do_stop_postgres ;;
    start-postgres) do_start_postgres ;;
    status) do_status ;;
    *) usage ;;
esac
