#!/usr/bin/env bash
# Live two-site demo on this machine, touching no system service:
# installs what is missing, builds, starts two private MariaDB servers and a private
# Mosquitto on 127.0.0.1 (tests/harness/servers.sh), runs two mysql-sync engines
# (site_a, site_b) and changes rows on both sites while showing them arrive.
# With a display ($DISPLAY or $WAYLAND_DISPLAY), site_a's engine runs in the desktop app
# mysql-sync-monitor (its window, tray icon and clients, rows flowing; quitting it ends the
# demo); without one (or with DEMO_TEXT=1), both engines are daemons and the terminal shows
# the rows only. Ctrl-C stops the engines and the servers and removes the temporary folder.
#   bash scripts/demo.sh            (DEMO_SECONDS=N stops by itself after N seconds)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
GUI=0
[[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} && -z ${DEMO_TEXT:-} ]] && GUI=1
bash scripts/setup.sh
if [[ $GUI -eq 1 ]]; then
    echo "demo: building mysql-sync and mysql-sync-monitor (the first build takes a while)"
    bash scripts/build.sh mysql-sync mysql-sync-monitor >/dev/null
else
    bash scripts/build.sh mysql-sync >/dev/null
fi
BUILD=${BUILD_DIR:-build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
DAEMON=$BUILD/app/daemon/mysql-sync
MONITOR=$BUILD/app/monitor/mysql-sync-monitor
DEMO=$(mktemp -d /tmp/mysql-sync-demo.XXXXXX)
SERVERS=$DEMO/servers
PIDS=()
APP_PID=

cleanup() {
    trap - INT TERM EXIT
    echo
    echo "demo: stopping engines and servers"
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    bash tests/harness/servers.sh stop "$SERVERS" >/dev/null 2>&1 || true
    rm -rf "$DEMO"
}
trap cleanup INT TERM EXIT

bash tests/harness/servers.sh start "$SERVERS"
set -a; . "$SERVERS/env"; set +a

sql() { # sql a|b "statement"
    local port=$MYSQL_A_PORT; [ "$1" = b ] && port=$MYSQL_B_PORT
    mariadb -h 127.0.0.1 -P "$port" -u "$MYSQL_USER" -p"$MYSQL_PASSWORD" -N -B demo -e "$2"
}
for site in a b; do
    port=$MYSQL_A_PORT; [ $site = b ] && port=$MYSQL_B_PORT
    mariadb -h 127.0.0.1 -P "$port" -u "$MYSQL_USER" -p"$MYSQL_PASSWORD" -e "CREATE DATABASE demo"
    sql $site "CREATE TABLE items (id VARCHAR(36) PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT NOT NULL,
               price DECIMAL(10,2), updated DATETIME(3) NOT NULL)"
    other=site_b; [ $site = b ] && other=site_a
    cat > "$DEMO/site_$site.json" <<JSON
{
  "mqttConfig": { "host": "127.0.0.1", "port": $MQTT_PORT, "protocol": "mqtt" },
  "mysqlConfig": { "host": "127.0.0.1", "port": $port, "user": "$MYSQL_USER",
                   "password": "$MYSQL_PASSWORD", "database": "demo" },
  "syncTables": ["items"], "receiveTables": ["items"],
  "clientName": "site_$site", "remoteClients": ["$other"],
  "queueDirectory": "queue-$site", "checkInterval": 1000, "loggingLevel": "info"
}
JSON
    if [[ $GUI -eq 1 && $site == a ]]; then
        # The app keeps its settings (last configuration, window) in a folder of the demo's own,
        # so the user's are untouched; its log goes to site_a.log like the daemon's.
        (cd "$DEMO" && XDG_CONFIG_HOME="$DEMO/config" exec "$MONITOR" "$DEMO/site_a.json") 2>"$DEMO/site_a.log" &
        APP_PID=$!
        PIDS+=($!)
    else
        "$DAEMON" "$DEMO/site_$site.json" 2>"$DEMO/site_$site.log" &
        PIDS+=($!)
    fi
done
if [[ $GUI -eq 1 ]]; then
    echo "demo: site_a runs in mysql-sync-monitor (its window and tray icon), site_b in the daemon"
    echo "demo: logs $DEMO/site_a.log, $DEMO/site_b.log; quit the app or press Ctrl-C to stop"
else
    echo "demo: engines running (logs: $DEMO/site_a.log, $DEMO/site_b.log); Ctrl-C to stop"
fi
# Both sites have made their engine tables (sync_status) before rows are written.
for _ in $(seq 100); do
    sql a "SELECT 1 FROM sync_status LIMIT 0" >/dev/null 2>&1 && sql b "SELECT 1 FROM sync_status LIMIT 0" >/dev/null 2>&1 && break
    sleep 0.2
done

names=(bolt nut washer screw rivet hinge spring gear)
n=0
end=$(( SECONDS + ${DEMO_SECONDS:-1000000000} ))
while [ $SECONDS -lt $end ]; do
    if [[ -n $APP_PID ]] && ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "demo: mysql-sync-monitor has quit"
        break
    fi
    n=$((n + 1))
    site=a; [ $((n % 3)) -eq 0 ] && site=b
    name=${names[$((RANDOM % ${#names[@]}))]}
    id=$(printf '%s-%04d' "$site" "$n")
    sql $site "INSERT INTO items VALUES ('$id', '$name', $((RANDOM % 100)), $((RANDOM % 1000)).$((RANDOM % 90 + 10)), NOW(3))"
    action="insert $id on site_$site"
    if [ $((n % 4)) -eq 0 ]; then
        sql a "UPDATE items SET qty = qty + 1, updated = NOW(3) ORDER BY updated LIMIT 1"
        action="$action; update oldest on site_a"
    fi
    if [ $((n % 7)) -eq 0 ]; then
        sql b "DELETE FROM items ORDER BY updated LIMIT 1"
        action="$action; delete oldest on site_b"
    fi
    sleep 0.3
    a=$(sql a "SELECT COUNT(*), COALESCE(SUM(qty),0) FROM items")
    b=$(sql b "SELECT COUNT(*), COALESCE(SUM(qty),0) FROM items")
    pending=$(sql a "SELECT COUNT(*) FROM sync_status WHERE status <> 'successful'")
    same="in sync"; [ "$a" != "$b" ] && same="catching up"
    printf '%s  %-58s A: %-12s B: %-12s (rows, sum qty) %-11s pending on A: %s\n' \
        "$(date +%T)" "$action" "$(echo $a | tr ' ' /)" "$(echo $b | tr ' ' /)" "$same" "$pending"
    sleep 0.7
done
