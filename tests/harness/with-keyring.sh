#!/usr/bin/env bash
# Runs a command with a private, unlocked GNOME keyring on a private D-Bus session:
#   with-keyring.sh COMMAND [ARGS...]
# HOME and XDG_DATA_HOME point into a temporary folder (removed afterwards), so the
# user's real keyring is never touched. Used as the CTest prefix of the keychain tests.
set -euo pipefail
if [[ ${1:-} != --inside ]]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/home" "$tmp/data" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_RUNTIME_DIR=$tmp/runtime
    unset DBUS_SESSION_BUS_ADDRESS
    dbus-run-session -- bash "$0" --inside "$@"
    exit $?
fi
shift
# Inside the session: start the keyring daemon unlocked with a throw-away password.
eval "$(printf 'keyring-test-pw' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
