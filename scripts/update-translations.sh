#!/usr/bin/env bash
# Updates the Qt Linguist catalogues translations/mysql-sync_<lang>.ts from the tr() strings of
# ui/, app/ and core/ (lupdate: new strings are added as unfinished, removed ones dropped), then
# reports per language how many messages still need a translation.
#
#   scripts/update-translations.sh            update translations/*.ts in place, report
#   scripts/update-translations.sh --check    update copies in a temporary folder (the tree is not
#                                             changed); exit 1 when any message is unfinished or
#                                             has an empty translation, or when a class with
#                                             tr() lacks Q_OBJECT (the CTest translations_complete)
#
# Translate with Qt Linguist (/usr/lib/qt6/bin/linguist translations/mysql-sync_de.ts) or in
# any editor: fill <translation> and remove type="unfinished". The build compiles the .ts
# files (lrelease) into the app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LANGUAGES=(de fr)
QT_BIN=${QT_BIN:-/usr/lib/qt6/bin}
LUPDATE=$QT_BIN/lupdate
[[ -x $LUPDATE ]] || LUPDATE=$(command -v lupdate || true)
[[ -n $LUPDATE && -x $LUPDATE ]] || { echo "update-translations.sh: lupdate not found (apt-get install qt6-l10n-tools, or set QT_BIN)" >&2; exit 1; }

check=0
[[ ${1:-} == --check ]] && check=1
out=translations
if [[ $check -eq 1 ]]; then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    cp translations/mysql-sync_*.ts "$out/"
fi

ts_files=()
for lang in "${LANGUAGES[@]}"; do
    [[ -f $out/mysql-sync_$lang.ts ]] || { echo "update-translations.sh: translations/mysql-sync_$lang.ts is missing" >&2; exit 1; }
    ts_files+=("$out/mysql-sync_$lang.ts")
done
# -locations none: no file names or line numbers in the catalogues, so that code moving around
# does not change them (and branches that add strings merge cleanly).
"$LUPDATE" -no-obsolete -locations none -extensions cpp,h ui app core -ts "${ts_files[@]}" >"$out/lupdate.log" 2>&1 \
    || { cat "$out/lupdate.log" >&2; echo "update-translations.sh: lupdate failed" >&2; exit 1; }
# "Class 'X' lacks Q_OBJECT macro": tr() in a class that is neither a QObject nor declares
# Q_DECLARE_TR_FUNCTIONS(qualified::X): lupdate files its strings under a context the program
# never asks for, so they would stay English. A failure in --check mode.
status=0
if grep -i 'warning\|error\|lacks Q_OBJECT' "$out/lupdate.log" >&2; then
    grep -q 'lacks Q_OBJECT' "$out/lupdate.log" && status=1
fi

# Counts messages, unfinished ones, finished ones with an empty translation (numerus forms
# included) or with other %1/%n placeholders than the source, and lists them.
for ts in "${ts_files[@]}"; do
    report=$(python3 - "$ts" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
total = 0
todo = []
for context in root.iter('context'):
    name = context.findtext('name')
    for message in context.iter('message'):
        total += 1
        translation = message.find('translation')
        kind = translation.get('type') if translation is not None else 'missing'
        forms = [f.text or '' for f in translation.iter('numerusform')] if translation is not None else []
        text = ''.join(forms) if forms else (translation.text or '') if translation is not None else ''
        source = message.findtext('source')
        if kind in ('unfinished', 'missing') or not text.strip() or (forms and not all(f.strip() for f in forms)):
            todo.append('%s: %s' % (name, source))
            continue
        # Every %1..%99 (and %n) of the source must be in every form of the translation.
        wanted = set(re.findall(r'%(?:\d+|n)', source))
        for form in forms or [text]:
            if set(re.findall(r'%(?:\d+|n)', form)) != wanted:
                todo.append('%s: %s (placeholders differ: %s)' % (name, source, form))
                break
print(total, len(todo))
for t in todo:
    print('  ' + t)
PY
)
    read -r total unfinished <<<"$(head -n1 <<<"$report")"
    lang=$(basename "$ts" .ts)
    echo "${lang#mysql-sync_}: $total messages, $unfinished unfinished or with wrong placeholders"
    if [[ $unfinished -ne 0 ]]; then
        tail -n +2 <<<"$report"
        status=1
    fi
done
if [[ $check -eq 1 && $status -ne 0 ]]; then
    echo "update-translations.sh: not ready (see above): translate what is unfinished (run scripts/update-translations.sh, translate, commit), give classes with tr() Q_OBJECT or Q_DECLARE_TR_FUNCTIONS" >&2
    exit 1
fi
exit 0
