#!/usr/bin/env bash
# Installs every Debian 12 package the project needs (build, tests, private test servers).
# Idempotent and quiet when everything is present. Needs root (or sudo) only when
# something is missing. Never starts system services: a temporary policy-rc.d forbids it.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-declarative-dev
    qt6-httpserver-dev  # the live feed's HTTP endpoints and WebSocket upgrades on one listener (core/feed)
    libqt6sql6-mysql libqt6sql6-sqlite
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libpaho-mqttpp-dev libpaho-mqtt-dev libssl-dev
    zlib1g-dev  # core/protocol/Extensions inflates with zlib directly, bounded (qUncompress is not)
    libmariadb-dev  # MariaDB Connector/C headers: core registers a connection plugin (database/VerifiedTls)
    mosquitto mosquitto-clients
    mariadb-server mariadb-client
    postgresql libqt6sql6-psql  # PostgreSQL sites (issue 17): the harness's private server, QPSQL
    qtkeychain-qt6-dev gnome-keyring dbus-daemon dbus-bin libsecret-1-0
    procps
    python3-prometheus-client  # tst_metrics reads the /metrics text with Prometheus' own parser
    xvfb xauth x11-utils trayer imagemagick fonts-dejavu-core libgl1
    dpkg-dev desktop-file-utils appstream librsvg2-bin
    systemd  # only for systemd-analyze (package test); no service is started or enabled
    clang-tidy-14 clang-format-14  # scripts/lint.sh (CTest label lint) and .clang-format
    chromium  # tst_feedpage (label browser): docs/examples/feed.html in headless Chromium
    nodejs    # tst_feedsocketio: a socket.io v4 client from npm (tests/node)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    if [[ $status != installed ]]; then
        missing+=("$pkg")
    fi
done

# npm comes with some builds of nodejs and is a package of its own in Debian's.
if ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "setup.sh: installing ${missing[*]}"

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        echo "setup.sh: missing packages and not root (no sudo): ${missing[*]}" >&2
        exit 1
    fi
fi

# Installing mariadb-server or mosquitto must not start (or enable) system services.
POLICY=/usr/sbin/policy-rc.d
created_policy=0
cleanup() {
    if [[ $created_policy -eq 1 ]]; then
        "${SUDO[@]}" rm -f "$POLICY"
    fi
}
trap cleanup EXIT
if [[ ! -e $POLICY ]]; then
    printf '#!/bin/sh\n# temporary, from mysql-sync scripts/setup.sh: start no services\nexit 101\n' \
        | "${SUDO[@]}" tee "$POLICY" >/dev/null
    "${SUDO[@]}" chmod 0755 "$POLICY"
    created_policy=1
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-q -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
log=$(mktemp)
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "setup.sh: apt-get update failed" >&2
    exit 1
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y --no-install-recommends \
        "${missing[@]}" >"$log" 2>&1 </dev/null; then
    tail -n 60 "$log" >&2
    rm -f "$log"
    echo "setup.sh: apt-get install failed" >&2
    exit 1
fi
rm -f "$log"

still=()
for pkg in "${missing[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] || still+=("$pkg")
done
if [[ ${#still[@]} -gt 0 ]]; then
    echo "setup.sh: still not installed: ${still[*]}" >&2
    exit 1
fi
echo "setup.sh: installed ${missing[*]}"
