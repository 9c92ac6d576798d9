#!/usr/bin/env bash
# The parse stage's CPU (解析), two executables side by side: clean builds of
# the synthetic site under `perf record`, interleaved (A B, B A, …), each
# run's milliseconds of CPU in the stage (bench/perf_stage.py --groups parse),
# the medians, and where the last run of each spent them.
#
# Usage:
#     bash bench/parse_ab.sh OLD_GONGKAI NEW_GONGKAI
#
# Environment:
#     N=10000   notices (bench/synth.py, seed 1)
#     RUNS=3    runs of each executable
#     WORK=/dev/shm/gongkai-parse-ab   scratch folder (the site is kept)
#
# Needs perf (Debian linux-perf; software events are enough).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: bash bench/parse_ab.sh OLD_GONGKAI NEW_GONGKAI" >&2; exit 2; }
a=$1 b=$2
for bin in "$a" "$b"; do [ -x "$bin" ] || { echo "parse_ab: $bin is not executable" >&2; exit 2; }; done
command -v perf >/dev/null || { echo "parse_ab: needs perf (apt-get install linux-perf)" >&2; exit 2; }
N=${N:-10000}
RUNS=${RUNS:-3}
WORK=${WORK:-/dev/shm/gongkai-parse-ab}
script_dir=$(cd "$(dirname "$0")" && pwd)

site=$WORK/site-$N
. "$script_dir/gongkai_bin.sh"
kept_synth_site "$WORK/corpus-$N" "$site" "$N"

run() {   # run LABEL BIN
    rm -rf "$WORK/out" "$site/.gongkai-cache" "$site/content/ledger.jsonl"
    perf record -q -e cpu-clock -F 2000 -g -o "$WORK/perf.data" "$2" build --site "$site" --output "$WORK/out" >"$WORK/last.txt" 2>&1
    perf script -i "$WORK/perf.data" 2>/dev/null | python3 "$script_dir/perf_stage.py" --groups parse >"$WORK/$1.last"
    local ms wall
    ms=$(head -1 "$WORK/$1.last" | sed -E 's/.*: ([0-9]+) ms of CPU.*/\1/')
    wall=$(grep '^解析 ' "$WORK/last.txt" | awk '{print $(NF-1)}')
    echo "$ms" >>"$WORK/$1.cpu"
    printf '%s run: parse stage %s ms of CPU (解析 line %s s)\n' "$1" "$ms" "$wall"
}

rm -f "$WORK/A.cpu" "$WORK/B.cpu"
echo "A = $a"
echo "B = $b"
echo "site: $N notices; $RUNS runs each, interleaved; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) -eq 1 ]; then run A "$a"; run B "$b"; else run B "$b"; run A "$a"; fi
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo
echo "median CPU of the parse stage: A $(median "$WORK/A.cpu") ms, B $(median "$WORK/B.cpu") ms"
for label in A B; do
    echo
    echo "$label, last run:"
    cat "$WORK/$label.last"
done
