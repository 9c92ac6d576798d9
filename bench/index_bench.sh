#!/usr/bin/env bash
# The search index stage (issue 15): a clean build of the index, and an
# update for one notice added (dated like the newest, or backdated into the
# middle of the archive), changed or removed; from a release build, medians,
# output on /dev/shm.
#
# Usage:
#     bash bench/index_bench.sh [N ...]      (default 10000; e.g. 10000 100000)
#
# Environment: RUNS=5 (clean builds; each update 2·RUNS+1 times),
# GONGKAI_BIN=… (else `swift build -c release --product gongkai`), KEEP=1.
#
# For each N: python3 bench/synth.py CORPUS N --seed 1 (--communities 1000 for
# 100,000 and more, as issue 15 measures), python3 bench/synth_to_site.py, then
#   1. `gongkai bench-index SITE --runs RUNS`: the stage alone, in one process
#      (the site parsed once, then the stage timed: wall and CPU time of the
#      process, medians). CPU time is the measure of work; on a shared machine
#      wall time waits for other processes.
#   2. the stage inside real builds: a clean `gongkai build`, then one notice
#      added (a copy of the newest, dated like it), then one added into the
#      middle of the archive (a copy of a notice of the middle year), each
#      build's 索引 line (its own time, beside rendering) and total.
set -euo pipefail
RUNS=${RUNS:-5}
KEEP=${KEEP:-0}
bench_name=index_bench
bench_fail=1
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
# shellcheck source=bench/gongkai_bin.sh
. "$script_dir/gongkai_bin.sh"
gongkai_bin_check
bench_scratch gongkai-index
gongkai_bin_build
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)

summary=()
for n in "${sizes[@]}"; do
    extra=()
    [ "$n" -ge 100000 ] && extra=(--communities $((n / 100)))
    say "corpus: $n notices (synth.py --seed 1 ${extra[*]:-})"
    python3 "$script_dir/synth.py" "$work/corpus-$n" "$n" --seed 1 "${extra[@]}" > /dev/null
    python3 "$script_dir/synth_to_site.py" "$work/corpus-$n" "$work/site-$n" > /dev/null
    rm -rf "$work/corpus-$n"
    site=$work/site-$n
    say "the stage alone: gongkai bench-index (RUNS=$RUNS)"
    "$gongkai" bench-index "$site" --runs "$RUNS" 2>/dev/null | tee "$work/alone-$n.txt"

    say "the stage in real builds"
    out=$work/public-$n
    stage() {   # label: one build, its 索引 line and total time
        local s e line
        s=$(date +%s%N)
        "$gongkai" build --site "$site" --output "$out" > "$work/build.log" 2>&1
        e=$(date +%s%N)
        line=$(grep -E '^索引' "$work/build.log" | head -1)
        printf '%-34s %s   (build %d ms)\n' "$1" "${line:-no 索引 line}" $(( (e - s) / 1000000 ))
    }
    stage "clean build" | tee -a "$work/real-$n.txt"
    newest=$(python3 - "$site" <<'PY'
import os, re, sys
best = None
for root, _, files in os.walk(os.path.join(sys.argv[1], "content")):
    for f in files:
        if f.endswith(".md"):
            p = os.path.join(root, f)
            m = re.search(r"^(?:date|日期): *(\S+)", open(p, encoding="utf-8").read(), re.M)
            if m and (best is None or m.group(1) > best[0]):
                best = (m.group(1), p)
print(best[1])
PY
)
    cp "$newest" "$(dirname "$newest")/bench-added-today.md"
    stage "one notice added (newest date)" | tee -a "$work/real-$n.txt"
    years=$(ls "$(dirname "$(dirname "$newest")")" | sort)
    middle_year=$(echo "$years" | sed -n "$(( ($(echo "$years" | wc -l) + 1) / 2 ))p")
    middle=$(ls "$(dirname "$(dirname "$newest")")/$middle_year"/*.md | head -1)
    cp "$middle" "$(dirname "$middle")/bench-added-backdated.md"
    stage "one notice added (backdated)" | tee -a "$work/real-$n.txt"
    summary+=("" "N = $n: the stage alone" "$(cat "$work/alone-$n.txt")" "N = $n: in real builds" "$(cat "$work/real-$n.txt")")
done

echo
echo "################################################################################"
echo "search index stage (gongkai: $gongkai; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
echo "################################################################################"
