#!/usr/bin/env bash
# Screenshots of every tab of mysql-sync-monitor, under Xvfb with a real tray (trayer),
# against private servers (tests/harness/servers.sh): the app runs site_a, a mysql-sync
# daemon runs site_b, site_c is configured but never comes (offline), and rows written on
# both sites keep traffic flowing. site_b's `orders` lacks a column that site_a's has, so
# site_a's orders come back as error receipts (the Errors tab). Both sites change the same rows
# of `items` (policy newest: settled at once) and `notes` (manual: left open) at the same moment
# now and then (the Conflicts tab). A verification of `notes` against site_b is queued before
# the Consistency tab opens; the app's engine runs it.
#   bash scripts/screenshots.sh [OUT_DIR]     (default: docs/screenshots)
# SCREENSHOT_KEEP=1 keeps the work folder (logs), SCREENSHOT_WAIT=N seconds per tab (12).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=${1:-$ROOT/docs/screenshots}
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-99}
bash scripts/setup.sh
bash scripts/build.sh mysql-sync mysql-sync-monitor >/dev/null
BUILD=${BUILD_DIR:-build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
DAEMON=$BUILD/app/daemon/mysql-sync
MONITOR=$BUILD/app/monitor/mysql-sync-monitor
IMPORT=/usr/bin/import            # ImageMagick's (a fake `convert` may sit earlier on PATH)
WORK=$(mktemp -d /tmp/mysql-sync-shots.XXXXXX)
SERVERS=$WORK/servers
PIDS=()
APP_PID=

cleanup() {
    trap - INT TERM EXIT
    [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    bash tests/harness/servers.sh stop "$SERVERS" >/dev/null 2>&1 || true
    if [ -n "${SCREENSHOT_KEEP:-}" ]; then echo "screenshots: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup INT TERM EXIT

bash tests/harness/servers.sh start "$SERVERS" >/dev/null
set -a; . "$SERVERS/env"; set +a
sql() { # sql a|b "statements"
    local port=$MYSQL_A_PORT; [ "$1" = b ] && port=$MYSQL_B_PORT
    mariadb -h 127.0.0.1 -P "$port" -u "$MYSQL_USER" -p"$MYSQL_PASSWORD" -N -B shop -e "$2"
}
for site in a b; do
    port=$MYSQL_A_PORT; [ $site = b ] && port=$MYSQL_B_PORT
    mariadb -h 127.0.0.1 -P "$port" -u "$MYSQL_USER" -p"$MYSQL_PASSWORD" -e "CREATE DATABASE shop"
    sql $site "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT NOT NULL)"
    note=", note VARCHAR(64)"; [ $site = b ] && note=""
    sql $site "CREATE TABLE orders (id INT PRIMARY KEY, item INT NOT NULL, amount INT NOT NULL $note)"
    sql $site "CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(64) NOT NULL)"
    sql $site "INSERT INTO notes VALUES (1, 'call the supplier'), (2, 'count the shelves'), (3, 'new prices')"
done
cat > "$WORK/site_a.json" <<JSON
{
  "mqttConfig": { "host": "127.0.0.1", "port": $MQTT_PORT, "protocol": "mqtt" },
  "mysqlConfig": { "host": "127.0.0.1", "port": $MYSQL_A_PORT, "user": "$MYSQL_USER",
                   "password": {"env": "SHOP_DB_PASSWORD"}, "database": "shop" },
  "syncTables": ["items", "orders", "notes"], "receiveTables": ["items", "notes"],
  "conflicts": {"notes": "manual"},
  "clientName": "site_a", "remoteClients": ["site_b", "site_c"],
  "queueDirectory": "queue-a", "checkInterval": 1000, "transformerDirectory": "transformers"
}
JSON
mkdir -p "$WORK/transformers"
cat > "$WORK/transformers/items.js" <<'JS'
// Names travel in upper case to the other sites; nothing else changes.
module.exports = function (context) {
    if (context.entity === null) return null;
    const entity = Object.assign({}, context.entity);
    entity.name = String(entity.name).toUpperCase();
    return entity;
};
JS
cat > "$WORK/site_b.json" <<JSON
{
  "mqttConfig": { "host": "127.0.0.1", "port": $MQTT_PORT, "protocol": "mqtt" },
  "mysqlConfig": { "host": "127.0.0.1", "port": $MYSQL_B_PORT, "user": "$MYSQL_USER",
                   "password": "$MYSQL_PASSWORD", "database": "shop" },
  "syncTables": ["items", "notes"], "receiveTables": ["items", "orders", "notes"],
  "conflicts": {"notes": "manual"},
  "clientName": "site_b", "remoteClients": ["site_a"],
  "queueDirectory": "queue-b", "checkInterval": 1000
}
JSON
"$DAEMON" "$WORK/site_b.json" 2>"$WORK/site_b.log" &
PIDS+=($!)

Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
export DISPLAY=":$DISPLAY_NUMBER"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || sleep 2
trayer --edge top --align right --widthtype request --height 28 --transparent false --tint 0xdddddd \
    >"$WORK/trayer.log" 2>&1 &
PIDS+=($!)
sleep 1

# Traffic: rows on both sites all the time.
(
    n=0
    while true; do
        n=$((n + 1))
        values=""
        for i in $(seq 1 40); do
            id=$((n * 40 + i))
            values="$values${values:+,}($id, 'part-$id', $((RANDOM % 100)))"
        done
        sql a "INSERT INTO items VALUES $values" || true
        sql b "INSERT INTO items VALUES ($((1000000 + n)), 'b-part-$n', $((RANDOM % 100)))" || true
        [ $((n % 5)) -eq 0 ] && sql a "INSERT INTO orders VALUES ($n, $n, 3, 'gift wrap')" || true
        if [ $((n % 8)) -eq 0 ]; then # one row changed on both sites before either hears of the other
            sql a "UPDATE items SET qty = qty + 1 WHERE id = 41; UPDATE notes SET text = 'a: $n' WHERE id = $((n / 8 % 3 + 1))" || true
            sql b "UPDATE items SET qty = qty + 2 WHERE id = 41; UPDATE notes SET text = 'b: $n' WHERE id = $((n / 8 % 3 + 1))" || true
        fi
        sleep 0.25
    done
) >/dev/null 2>&1 &
PIDS+=($!)

mkdir -p "$OUT"
export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/runtime SHOP_DB_PASSWORD=$MYSQL_PASSWORD
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
for tab in overview clients status conflicts consistency errors configuration transformers; do
    if [ "$tab" = consistency ]; then # sync_verifies exists: the app's engine made it on the first tab
        sql a "INSERT INTO sync_verifies (\`table_name\`, remote, repair, state, requested_at)
               VALUES ('notes', 'site_b', 0, 'queued', UNIX_TIMESTAMP(NOW(3)) * 1000)"
    fi
    "$MONITOR" --tab "$tab" "$WORK/site_a.json" >"$WORK/monitor-$tab.log" 2>&1 &
    APP_PID=$!
    sleep "${SCREENSHOT_WAIT:-12}"
    "$IMPORT" -window root "$OUT/$tab.png"
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    echo "screenshots: $OUT/$tab.png"
done
# The first-run page: a configuration file that does not exist yet.
"$MONITOR" "$WORK/new-site.json" >"$WORK/monitor-first-run.log" 2>&1 &
APP_PID=$!
sleep "${SCREENSHOT_WAIT:-12}"
"$IMPORT" -window root "$OUT/first-run.png"
kill -TERM "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
APP_PID=
echo "screenshots: $OUT/first-run.png"
