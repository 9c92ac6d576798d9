#!/usr/bin/env bash
# Benchmark of rebuilds (issue 5): a 10,000-notice synthetic site is built
# once, rebuilt once with one notice changed (that first rebuild also makes
# the writer's spare tree: shown apart), then timed RUNS times each
#   no-op        nothing changed (gongkai notices and writes nothing)
#   one notice   one notice's text changed (an incremental build: that notice
#                is parsed, the pages showing it rendered, its postings updated;
#                everything else comes from .gongkai-cache/ and the last output)
# Usage: bash bench/rebuild_bench.sh   (env: N=10000 RUNS=5 GONGKAI_BIN=… KEEP=1)
set -euo pipefail
N=${N:-10000}
RUNS=${RUNS:-5}
KEEP=${KEEP:-0}
bench_name=rebuild_bench
bench_fail=1
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
# shellcheck source=bench/gongkai_bin.sh
. "$script_dir/gongkai_bin.sh"
gongkai_bin_check
bench_scratch gongkai-rebuild
say "corpus: $N notices"
python3 "$script_dir/synth.py" "$work/corpus" "$N" --seed 1 > /dev/null
python3 "$script_dir/synth_to_site.py" "$work/corpus" "$work/site" > /dev/null
gongkai_bin_build
site=$work/site
out=$work/public
"$gongkai" build --site "$site" --output "$out" --quiet
notice=$(find "$site/content" -name '*.md' | sort | sed -n 1p)

time_run() {   # prints milliseconds of one build
    local s e
    s=$(date +%s%N)
    "$gongkai" build --site "$site" --output "$out" --quiet
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# A published notice may change only in the open (the integrity ledger,
# GK162): each edit adds a line to the body and a revision entry to the
# front matter, as a clerk would.
edit() {   # edit N: the notice with N revisions and N added lines
    python3 - "$notice" "$1" <<'PY'
import re, sys
path, n = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8").read()
text = re.sub(r"\n修订: \[.*?\]\n", "\n", text, count=1, flags=re.S)
revs = ", ".join("{date: 2026-11-27, what: 补充说明%d, why: 基准测试}" % k for k in range(1, n + 1))
head, sep, body = text.partition("\n---\n")
open(path, "w", encoding="utf-8").write(head + "\n修订: [" + revs + "]" + sep + body + "\n补充说明 %d。\n" % n)
PY
}
# The first rebuild after a clean build also makes the writer's spare tree
# (hard links to the 50,000 published files; see docs/architecture.md, "The
# atomic swap"): once per output folder, so it is timed and shown apart.
edit 1
first=$(time_run)
noop=(); change=()
for i in $(seq 1 "$RUNS"); do
    noop+=("$(time_run)")
    edit $((i + 1))
    change+=("$(time_run)")
done
say "results ($N notices, $RUNS runs each, median)"
echo "no-op rebuild        $(printf '%s\n' "${noop[@]}" | median) ms   (runs: ${noop[*]})"
echo "one notice changed   $(printf '%s\n' "${change[@]}" | median) ms   (runs: ${change[*]})"
echo "first rebuild after the clean build (makes the spare tree): $first ms"
