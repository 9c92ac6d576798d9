#!/usr/bin/env bash
# Do two gongkai executables parse the same sites the same way? Runs the
# hidden `gongkai parse-dump` of each (every notice as JSON, its diagnostics,
# the parse stage's own diagnostics) on each site and compares the dumps
# byte for byte. Use it before landing a change to the parse stage
# (docs/performance.md "Parse stage").
#
# Usage:
#     bash bench/parse_golden.sh OLD_GONGKAI NEW_GONGKAI [SITE...]
#
# Without sites: the 10,000-notice synthetic site (bench/synth.py, seed 1),
# a generated site of awkward notices (bench/tricky_site.py) and the
# example site of this repository.
#
# Environment:
#     WORK=/dev/shm/gongkai-parse-golden   scratch folder (the sites are kept)
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: bash bench/parse_golden.sh OLD_GONGKAI NEW_GONGKAI [SITE...]" >&2; exit 2; }
old=$1 new=$2
shift 2
for bin in "$old" "$new"; do [ -x "$bin" ] || { echo "parse_golden: $bin is not executable" >&2; exit 2; }; done
WORK=${WORK:-/dev/shm/gongkai-parse-golden}
script_dir=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WORK"

sites=("$@")
if [ ${#sites[@]} -eq 0 ]; then
    . "$script_dir/gongkai_bin.sh"
    kept_synth_site "$WORK/corpus" "$WORK/synth" 10000
    python3 "$script_dir/tricky_site.py" "$WORK/tricky" >/dev/null
    sites=("$WORK/synth" "$WORK/tricky" "$script_dir/..")
fi

status=0
for site in "${sites[@]}"; do
    "$old" parse-dump --site "$site" >"$WORK/old.jsonl"
    "$new" parse-dump --site "$site" >"$WORK/new.jsonl"
    lines=$(wc -l <"$WORK/old.jsonl")
    diagnostics=$(grep -o '"code":"GK[0-9]*"' "$WORK/old.jsonl" | wc -l || true)
    if cmp -s "$WORK/old.jsonl" "$WORK/new.jsonl"; then
        echo "same: $site ($lines lines, $diagnostics diagnostics)"
    else
        echo "DIFFERENT: $site"
        diff <(tr ',' '\n' <"$WORK/old.jsonl") <(tr ',' '\n' <"$WORK/new.jsonl") | head -40
        status=1
    fi
done
exit $status
