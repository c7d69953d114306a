#!/usr/bin/env bash
# Renders the tray state icons resources/icons/state/*.svg to the PNG sizes the tray and the
# window use (16 22 24 32 48), next to the SVGs: <state>-<size>.png. The PNGs are committed
# (built into the app as Qt resources, so no build machine needs rsvg-convert and Qt needs no
# SVG plugin): edit an SVG, run this script, commit both. Needs rsvg-convert (librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../resources/icons/state"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
for svg in *.svg; do
    for size in 16 22 24 32 48; do
        rsvg-convert -w "$size" -h "$size" -o "${svg%.svg}-$size.png" "$svg"
    done
done
echo "render-icons.sh: rendered $(ls *.svg | wc -l) icons at 16 22 24 32 48"
