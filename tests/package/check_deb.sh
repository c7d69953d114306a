#!/usr/bin/env bash
# check_deb.sh BUILD_DIR STAGING_DIR VERSION
# Builds the DEB with cpack into STAGING_DIR (never the build directory's own package output),
# checks its control data and file list, validates the desktop integration files and the
# systemd unit, unpacks it into a throwaway root and runs both programs from there (the
# monitor's --help in German and French: its built-in catalogues).
set -euo pipefail

build=$1
staging=$2
version=$3
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

for tool in cpack dpkg-deb dpkg desktop-file-validate appstreamcli systemd-analyze; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (bash scripts/setup.sh installs it)" >&2; exit 1; }
done

rm -rf "$staging"
mkdir -p "$staging"
cd "$build"
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$staging" >"$staging/cpack.log" 2>&1; then
    cat "$staging/cpack.log" >&2
    echo "FAIL: cpack -G DEB" >&2
    exit 1
fi
shopt -s nullglob
debs=("$staging"/mysql-sync_*.deb)
if [[ ${#debs[@]} -ne 1 ]]; then
    cat "$staging/cpack.log" >&2
    echo "FAIL: expected one mysql-sync_*.deb in $staging, found ${#debs[@]}" >&2
    exit 1
fi
deb=${debs[0]}
ok "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
[[ $(basename "$deb") == "mysql-sync_${version}_$(dpkg --print-architecture).deb" ]] \
    || fail "package file name $(basename "$deb")"

# --- control data ----------------------------------------------------------------------
info=$(dpkg-deb -I "$deb")
echo "$info"
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == mysql-sync ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', expected $version"
[[ $(field Section) == database ]] || fail "Section is '$(field Section)'"
[[ $(field Maintainer) == "mysql-sync maintainers <mysql-sync@users.noreply.github.com>" ]] \
    || fail "Maintainer is '$(field Maintainer)'"
[[ $(field Recommends) == *qt6-translations-l10n* ]] || fail "Recommends lacks qt6-translations-l10n: $(field Recommends)"
[[ -n $(field Description) ]] || fail "no Description"
depends=$(field Depends)
# Filled by dpkg-shlibdeps from the linked libraries, plus the plugins and adduser named by hand.
for dep in libqt6core6 libqt6network6 libqt6sql6 libqt6qml6 libqt6widgets6 libqt6gui6 libc6 libstdc++6 \
           libqt6sql6-mysql libqt6sql6-sqlite qt6-qpa-plugins adduser; do
    if ! tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qxF "$dep"; then
        fail "Depends lacks $dep: $depends"
    fi
done
versioned_re='libqt6core6 \(>= 6'
[[ $depends =~ $versioned_re ]] || fail "Depends has no versioned libqt6core6: $depends"
grep -q '^ *[0-9]* bytes, *[0-9]* lines *\* *postinst' <<<"$info" || fail "no executable postinst in the control archive"

control=$staging/control
dpkg-deb -e "$deb" "$control"
sh -n "$control/postinst" || fail "postinst is not valid sh"
grep -q 'adduser --system' "$control/postinst" || fail "postinst does not create the system user"
grep -q 'getent passwd mysql-sync' "$control/postinst" || fail "postinst does not check for an existing user"

# --- file list -------------------------------------------------------------------------
contents=$(dpkg-deb -c "$deb")
expect_file() {
    # $1 path inside the package, $2 expected mode prefix (e.g. -rwxr-xr-x)
    local line
    line=$(awk -v p="./$1" '$6 == p' <<<"$contents")
    if [[ -z $line ]]; then
        fail "package lacks /$1"
    elif [[ -n ${2:-} && ${line%% *} != "$2" ]]; then
        fail "/$1 has mode ${line%% *}, expected $2"
    else
        ok "/$1"
    fi
}
expect_file usr/bin/mysql-sync -rwxr-xr-x
expect_file usr/bin/mysql-sync-monitor -rwxr-xr-x
expect_file usr/share/applications/mysql-sync-monitor.desktop -rw-r--r--
expect_file usr/share/metainfo/io.github.mysql_sync.monitor.metainfo.xml -rw-r--r--
expect_file usr/share/icons/hicolor/scalable/apps/mysql-sync.svg -rw-r--r--
for size in 16 22 24 32 48 64 128 256; do
    expect_file "usr/share/icons/hicolor/${size}x${size}/apps/mysql-sync.png" -rw-r--r--
done
expect_file usr/lib/systemd/system/mysql-sync.service -rw-r--r--
expect_file usr/share/doc/mysql-sync/copyright -rw-r--r--
# Nothing outside the places Debian expects (no /usr/local, no build paths, no static libs).
unexpected=$(awk '{print $6}' <<<"$contents" | grep -vE '^\./$|^\./usr/$|^\./usr/(bin|share)(/|$)|^\./usr/lib/$|^\./usr/lib/systemd(/|$)' || true)
[[ -z $unexpected ]] || fail "unexpected paths in the package: $unexpected"
awk '{print $6}' <<<"$contents" | grep -qE '\.a$|\.h$' && fail "package contains headers or static libraries"

# --- unpack into a throwaway root ------------------------------------------------------
root=$staging/root
dpkg -x "$deb" "$root"

# PNG sizes: width and height are the big-endian words at offsets 16 and 20 of the IHDR.
for size in 16 22 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/mysql-sync.png
    [[ -f $png ]] || continue
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ $w == "$size" && $h == "$size" ]] || fail "$png is ${w}x${h}, expected ${size}x${size}"
done

# /usr/share/doc/mysql-sync/copyright: Debian's machine-readable format (copyright-format 1.0):
# the header names the format, "Files: *" is Apache-2.0, acorn's files carry its MIT (Expat)
# notice, and every licence named in a Files paragraph has its text in a License paragraph.
copyright=$root/usr/share/doc/mysql-sync/copyright
if [[ -f $copyright ]]; then
    before=$failures
    head -1 "$copyright" | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
        || fail "copyright does not start with the copyright-format 1.0 Format: line"
    # Paragraphs as one line each: "Files: ...|License: ...".
    paragraphs=$(awk 'BEGIN { RS = ""; FS = "\n" }
        { files = ""; license = ""; text = 0
          for (i = 1; i <= NF; i++) {
              if ($i !~ /^ /) field = $i
              if ($i ~ /^Files:/) files = $i
              if ($i ~ /^License:/) license = $i
              if ($i ~ /^ / && field ~ /^License:/) text++
          }
          print files "|" license "|" text }' "$copyright")
    grep -qxF 'Files: *|License: Apache-2.0|0' <<<"$paragraphs" || fail "copyright: no 'Files: *' paragraph with License: Apache-2.0"
    grep -qxF 'Files: core/transform/third_party/acorn/*|License: Expat|0' <<<"$paragraphs" \
        || fail "copyright: no paragraph for acorn under Expat"
    for name in $(grep '^Files:' -A3 "$copyright" | sed -n 's/^License: //p' | sort -u); do
        grep -qE "^\|License: $name\|[1-9]" <<<"$paragraphs" || fail "copyright: no text for the licence $name"
    done
    grep -qF 'Permission is hereby granted, free of charge' "$copyright" || fail "copyright lacks the MIT permission notice"
    grep -qF '/usr/share/common-licenses/Apache-2.0' "$copyright" || fail "copyright does not point to the Apache-2.0 text"
    for lib in 'Qt 6' 'Paho' 'QtKeychain' 'OpenSSL' 'MariaDB Connector/C'; do
        grep -qF "$lib" "$copyright" || fail "copyright does not name the linked library $lib"
    done
    if [[ $failures -eq $before ]]; then ok "copyright in the machine-readable format"; fi
fi

desktop=$root/usr/share/applications/mysql-sync-monitor.desktop
if out=$(desktop-file-validate "$desktop" 2>&1) && [[ -z $out ]]; then
    ok "desktop-file-validate"
else
    fail "desktop-file-validate: $out"
fi
grep -qx 'Exec=mysql-sync-monitor %f' "$desktop" || fail ".desktop Exec is not the installed program"
grep -qx 'Icon=mysql-sync' "$desktop" || fail ".desktop Icon is not the installed icon name"

metainfo=$root/usr/share/metainfo/io.github.mysql_sync.monitor.metainfo.xml
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    ok "appstreamcli validate --no-net"
else
    fail "appstreamcli validate: $out"
fi
grep -q '<launchable type="desktop-id">mysql-sync-monitor.desktop</launchable>' "$metainfo" \
    || fail "metainfo does not launch the installed .desktop file"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"

# systemd-analyze verify on the unpacked root: it resolves ExecStart= inside --root, so the
# binary that the unit runs is the packaged one. The root also needs the units every service
# depends on by default (sysinit.target, ...): the host's are copied in, never over ours.
# Any output is a complaint (unknown keys are only warned about, with exit status 0).
unit=$root/usr/lib/systemd/system/mysql-sync.service
cp -rn /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
if out=$(systemd-analyze verify --root="$root" /usr/lib/systemd/system/mysql-sync.service 2>&1) && [[ -z $out ]]; then
    ok "systemd-analyze verify"
else
    fail "systemd-analyze verify: $out"
fi
for line in 'ExecStart=/usr/bin/mysql-sync /etc/mysql-sync/config.json' 'User=mysql-sync' \
            'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' \
            'StateDirectory=mysql-sync' 'Restart=on-failure' 'WantedBy=multi-user.target'; do
    grep -qx "$line" "$unit" || fail "unit lacks '$line'"
done

# --- the installed programs run --------------------------------------------------------
if out=$("$root/usr/bin/mysql-sync" --version 2>&1); then
    [[ $out == "mysql-sync $version" ]] && ok "mysql-sync --version: $out" \
        || fail "mysql-sync --version printed '$out'"
else
    fail "mysql-sync --version failed: $out"
fi
if out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/mysql-sync-monitor" --version 2>&1); then
    [[ $out == "mysql-sync-monitor $version" ]] && ok "mysql-sync-monitor --version: $out" \
        || fail "mysql-sync-monitor --version printed '$out'"
else
    fail "mysql-sync-monitor --version failed: $out"
fi
# The catalogues built into the installed monitor: --help in German and in French, chosen by
# the locale (LANGUAGE, as a desktop session sets it), with an empty settings folder.
for pair in "de:Die Konfigurationsdatei" "fr:Le fichier de configuration"; do
    lang=${pair%%:*}
    text=${pair#*:}
    out=$(env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=$lang XDG_CONFIG_HOME="$staging/xdg-$lang" \
          QT_QPA_PLATFORM=offscreen "$root/usr/bin/mysql-sync-monitor" --help 2>&1) || true
    if grep -qF "$text" <<<"$out"; then
        ok "LANGUAGE=$lang mysql-sync-monitor --help is translated"
    else
        fail "LANGUAGE=$lang mysql-sync-monitor --help lacks '$text': $out"
    fi
done
# Stripped (CPACK_STRIP_FILES): no debug sections in the shipped programs.
for exe in mysql-sync mysql-sync-monitor; do
    if objdump -h "$root/usr/bin/$exe" 2>/dev/null | grep -q '\.debug_info'; then
        fail "/usr/bin/$exe is not stripped"
    fi
done

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package: all checks passed"
