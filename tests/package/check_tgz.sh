#!/usr/bin/env bash
# check_tgz.sh BUILD_DIR STAGING_DIR VERSION
# Builds the TGZ with cpack into STAGING_DIR, checks its file list (the same files as the DEB,
# under mysql-sync-VERSION-Linux/usr/), unpacks it and runs both programs from there.
set -euo pipefail

build=$1
staging=$2
version=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

rm -rf "$staging"
mkdir -p "$staging"
cd "$build"
if ! cpack -G TGZ --config "$build/CPackConfig.cmake" -B "$staging" >"$staging/cpack.log" 2>&1; then
    cat "$staging/cpack.log" >&2
    echo "FAIL: cpack -G TGZ" >&2
    exit 1
fi
top=mysql-sync-$version-Linux
tgz=$staging/$top.tar.gz
[[ -f $tgz ]] || { cat "$staging/cpack.log" >&2; ls "$staging" >&2; echo "FAIL: $tgz was not built" >&2; exit 1; }
ok "built $(basename "$tgz") ($(stat -c %s "$tgz") bytes)"

list=$(tar -tzvf "$tgz")
expect() {
    # $1 path under the top folder, $2 expected mode
    local line
    line=$(awk -v p="$top/$1" '$6 == p' <<<"$list")
    if [[ -z $line ]]; then
        fail "tarball lacks $top/$1"
    elif [[ ${line%% *} != "$2" ]]; then
        fail "$top/$1 has mode ${line%% *}, expected $2"
    else
        ok "$top/$1"
    fi
}
expect usr/bin/mysql-sync -rwxr-xr-x
expect usr/bin/mysql-sync-monitor -rwxr-xr-x
expect usr/share/applications/mysql-sync-monitor.desktop -rw-r--r--
expect usr/share/metainfo/io.github.mysql_sync.monitor.metainfo.xml -rw-r--r--
expect usr/share/icons/hicolor/scalable/apps/mysql-sync.svg -rw-r--r--
for size in 16 22 24 32 48 64 128 256; do
    expect "usr/share/icons/hicolor/${size}x${size}/apps/mysql-sync.png" -rw-r--r--
done
expect usr/lib/systemd/system/mysql-sync.service -rw-r--r--
expect usr/share/doc/mysql-sync/copyright -rw-r--r--
unexpected=$(awk '{print $6}' <<<"$list" | grep -vE "^$top/(usr/)?\$|^$top/usr/(bin|share)(/|\$)|^$top/usr/lib/\$|^$top/usr/lib/systemd(/|\$)" || true)
[[ -z $unexpected ]] || fail "unexpected paths in the tarball: $unexpected"
# Owned by root in the archive (CPack's default), so that unpacking as root gives root files.
owners=$(awk '{print $2}' <<<"$list" | sort -u)
[[ $owners == root/root ]] || fail "tarball entries owned by $owners, expected root/root"

root=$staging/root
mkdir -p "$root"
tar -xzf "$tgz" -C "$root"
for exe in mysql-sync mysql-sync-monitor; do
    if out=$(QT_QPA_PLATFORM=offscreen "$root/$top/usr/bin/$exe" --version 2>&1) && [[ $out == "$exe $version" ]]; then
        ok "$exe --version from the tarball: $out"
    else
        fail "$exe --version from the tarball printed '$out'"
    fi
done

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package (TGZ): all checks passed"
