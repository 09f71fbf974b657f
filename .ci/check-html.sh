#!/usr/bin/env bash
# Renders an exported HTML page in headless Chromium and checks that every given meeting shows in the
# rendered DOM: as a data-meeting="ID" attribute (how the HTML exporter marks each assignment), or failing
# that as the whole text of an element (so a title works too; a mere substring does not count, or "un"
# would be found in every page). Line breaks count as spaces.
#
# Usage: .ci/check-html.sh FILE.html MEETING_ID_OR_TITLE...
# Exit:  0 every meeting found; 1 some missing (each named on stderr); 2 bad usage, no browser, or the
#        page could not be rendered.
# Env:   CHROMIUM   browser binary (default: chromium, else chromium-browser, else google-chrome)
#        CHECK_HTML_TIMEOUT   seconds before the browser is stopped (default 60)
set -euo pipefail
# Bash 5.2 reads & in a ${var//pattern/replacement} replacement as the match; the escapes below need it literal.
shopt -u patsub_replacement 2>/dev/null || true

die() { echo "check-html: $*" >&2; exit 2; }

[[ $# -ge 2 ]] || die "usage: $0 FILE.html MEETING_ID_OR_TITLE..."
page=$1
shift
[[ -f $page ]] || die "no such file: $page"
[[ -r $page ]] || die "cannot read: $page"

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
    done
fi
[[ -n $browser ]] || die "no Chromium found (install Debian's 'chromium' package, or set CHROMIUM)"
command -v timeout >/dev/null 2>&1 || die "'timeout' (coreutils) is needed"
limit=${CHECK_HTML_TIMEOUT:-60}

work=$(mktemp -d "${TMPDIR:-/tmp}/check-html.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work/profile"
dom=$work/dom.html
log=$work/chromium.log
url=$(realpath -- "$page")
url=${url//%/%25}
url=${url// /%20}
url=${url//#/%23}
url=${url//\?/%3F}
url="file://$url"

status=0
timeout --kill-after=10 "$limit" "$browser" \
    --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$work/profile" --dump-dom "$url" >"$dom" 2>"$log" || status=$?
if [[ $status -eq 124 || $status -eq 137 ]]; then
    tail -n 20 "$log" >&2 || true
    die "Chromium did not finish rendering $page within ${limit}s"
fi
if [[ $status -ne 0 || ! -s $dom ]]; then
    tail -n 20 "$log" >&2 || true
    die "Chromium failed to render $page (exit $status)"
fi
grep -qi '</html>' "$dom" || die "Chromium returned no complete document for $page"
# One line, so that a title with a line break is matched by a single fixed-string search.
flat=$work/dom-flat.html
tr '\r\n' '  ' <"$dom" >"$flat"

# The DOM serializer escapes & and " in attributes (recent versions also < and >), and &, <, > in text.
# Each sets the variable named by $1 (no subshell per meeting: a page may list thousands).
escape_text() { local s=$2; s=${s//&/&amp;}; s=${s//</&lt;}; s=${s//>/&gt;}; printf -v "$1" '%s' "$s"; }
escape_attr() { local s=${2//&/&amp;}; printf -v "$1" '%s' "${s//\"/&quot;}"; }

# Every data-meeting attribute once, so each id is a lookup rather than a scan of a large page.
declare -A shown=()
while IFS= read -r attribute; do
    shown["$attribute"]=1
done < <(grep -oE 'data-meeting="[^"]*"' "$flat" | sort -u)

missing=()
for meeting in "$@"; do
    meeting=${meeting//$'\r'/ }
    meeting=${meeting//$'\n'/ }
    escape_attr attr "$meeting"
    escape_text text "$meeting"
    escape_attr attr_strict "$text"
    attr_strict=${attr_strict//&amp;lt;/&lt;}
    attr_strict=${attr_strict//&amp;gt;/&gt;}
    attr_strict=${attr_strict//&amp;amp;/&amp;}
    if [[ -n ${shown["data-meeting=\"$attr\""]:-} || -n ${shown["data-meeting=\"$attr_strict\""]:-} ]] \
        || grep -qF -- ">$text<" "$flat"; then
        continue
    fi
    missing+=("$meeting")
done

if [[ ${#missing[@]} -gt 0 ]]; then
    echo "check-html: $page: ${#missing[@]} of $# meetings missing from the rendered page:" >&2
    for meeting in "${missing[@]}"; do echo "  missing: $meeting" >&2; done
    exit 1
fi
echo "check-html: $page: all $# meetings shown"
