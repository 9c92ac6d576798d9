#!/usr/bin/env bash
# Side by side: the stage lines of clean builds by two gongkai executables on
# one synthetic site, interleaved (A B, B A, A B, …) so that a shared, noisy
# machine hits both alike. Prints each run's 渲染 (render) stage and total,
# then the medians of every stage.
#
# Usage (from anywhere):
#     bash bench/stage_ab.sh OLD_GONGKAI NEW_GONGKAI
#
# Environment:
#     N=10000        notices (bench/synth.py, seed 1, default communities)
#     RUNS=5         timed runs of each executable
#     WORK=/dev/shm/gongkai-stage-ab   scratch folder (kept: the corpus is reused)
#
# Each run is a first build: the output folder, the site's .gongkai-cache/
# and content/ledger.jsonl are removed before it. Build both executables
# with `swift build -c release --product gongkai` (copy the old one aside).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: bash bench/stage_ab.sh OLD_GONGKAI NEW_GONGKAI" >&2; exit 2; }
a=$1 b=$2
for bin in "$a" "$b"; do [ -x "$bin" ] || { echo "stage_ab: $bin is not executable" >&2; exit 2; }; done
N=${N:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/gongkai-stage-ab}
script_dir=$(cd "$(dirname "$0")" && pwd)

site=$WORK/site-$N
. "$script_dir/gongkai_bin.sh"
kept_synth_site "$WORK/corpus-$N" "$site" "$N"

run() {   # run LABEL BIN: one clean build, its stage lines into $WORK/LABEL.runs
    rm -rf "$WORK/out" "$site/.gongkai-cache" "$site/content/ledger.jsonl"
    local start end
    start=$(date +%s.%N)
    "$2" build --site "$site" --output "$WORK/out" >"$WORK/last.txt" 2>&1
    end=$(date +%s.%N)
    # "渲染 21,612 个文件 1.23 s" → "渲染 1.23"
    grep -E '^[^ ]+ .* [0-9.]+ s$' "$WORK/last.txt" | awk '{print $1, $(NF-1)}' >>"$WORK/$1.runs"
    echo "总计 $(echo "$end - $start" | bc)" >>"$WORK/$1.runs"
    printf '%s run: 渲染 %s s, total %.2f s\n' "$1" "$(grep '^渲染 ' "$WORK/last.txt" | awk '{print $(NF-1)}')" "$(echo "$end - $start" | bc)"
}

rm -f "$WORK/A.runs" "$WORK/B.runs"
echo "A = $a"
echo "B = $b"
echo "site: $N notices in $site; $RUNS runs each, interleaved; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) -eq 1 ]; then run A "$a"; run B "$b"; else run B "$b"; run A "$a"; fi
done

echo
echo "medians (s):"
python3 - "$WORK/A.runs" "$WORK/B.runs" <<'EOF'
import statistics, sys
def load(path):
    stages = {}
    for line in open(path):
        name, value = line.split()
        stages.setdefault(name, []).append(float(value))
    return stages
a, b = load(sys.argv[1]), load(sys.argv[2])
for name in a:
    if name in b:
        print(f"  {name:6} A {statistics.median(a[name]):7.2f}   B {statistics.median(b[name]):7.2f}   "
              f"(A {' '.join(f'{x:.2f}' for x in a[name])}; B {' '.join(f'{x:.2f}' for x in b[name])})")
EOF
