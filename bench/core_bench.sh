#!/usr/bin/env bash
# The build core's benchmark (issue 15): gongkai beside Hugo on the same
# synthetic notices, at town size and province size, in one run.
#
# Usage (from the repository root, or anywhere):
#     bash bench/core_bench.sh                  # 10,000 and 100,000 notices
#     SIZES=10000 RUNS=5 bash bench/core_bench.sh
#
# Environment:
#     SIZES="10000 100000"   notice counts (communities: N / 100)
#     RUNS=3           timed runs of each measurement (median reported)
#     GONGKAI_BIN=...  this executable instead of `swift build -c release`
#     NO_HUGO=1        skip Hugo
#     KEEP=1           keep the scratch folder (printed at the end)
#
# For each size:
#   1. bench/synth.py makes the notices (seed 1), bench/synth_to_site.py the
#      gongkai site, bench/hugo_site.sh the Hugo site, on /dev/shm.
#   2. Clean builds, gongkai and Hugo alternating (RUNS each): the output and
#      everything gongkai keeps in the site folder (.gongkai-cache/, the
#      ledger) are removed before each gongkai run, so each is a first build
#      with every output gongkai makes (search index, .gz siblings, ledger
#      pages, notice.txt, API). Wall time and peak RSS (GNU time).
#   3. After one more clean build, gongkai's rebuilds (RUNS each, alternating):
#        no-op            nothing changed
#        added, today     a new notice dated today
#        added, backdated a new notice dated in the middle of the archive
#        changed          one notice's text changed, with a revision entry
#                         (a published notice changes only in the open)
#   4. A table: each measurement, Hugo's clean build, and the ratio.
#
# Only the scratch folder /dev/shm/gongkai-core-bench.XXXXXX is written.
set -euo pipefail

SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
NO_HUGO=${NO_HUGO:-0}
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
bench_name=core_bench bench_fail=1
. "$script_dir/gongkai_bin.sh"
gongkai_bin_check
bench_scratch gongkai-core-bench
gongkai_bin_build

use_hugo=0
if [ "$NO_HUGO" != 1 ] && command -v hugo >/dev/null 2>&1; then use_hugo=1; fi
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || true; }

# measure FILE CMD...: appends "SECONDS RSS_KB" of CMD to FILE.
measure() {
    local file=$1 t0 t1
    shift
    t0=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" -o "$work/rss" "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
    else
        "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
        echo 0 >"$work/rss"
    fi
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$work/rss")" | awk '{printf "%.6f %s\n", $1 / 1e6, $2}' >>"$file"
}

# A new notice: a copy of an existing one under a new name, dated DATE
# (its 公示期 moved with it).
add_notice() {   # site name date
    python3 - "$1" "$2" "$3" <<'PY'
import os, re, sys, glob
site, name, date = sys.argv[1:4]
first = sorted(glob.glob(os.path.join(site, "content", "*", "*", "*.md")))[0]
community = first.split(os.sep)[-3]
text = open(first, encoding="utf-8").read()
y, m, d = date.split("-")
text = re.sub(r"(?m)^date: .*$", "date: " + date, text, count=1)
text = re.sub(r"(?m)^period: .*$", "period: {from: %s, to: %s-%s-%02d}" % (date, y, m, min(28, int(d) + 6)), text, count=1)
text = re.sub(r"(?m)^title: (.*)$", r"title: \1（补充）", text, count=1)
folder = os.path.join(site, "content", community, y)
os.makedirs(folder, exist_ok=True)
open(os.path.join(folder, name + ".md"), "w", encoding="utf-8").write(text)
PY
}

# One notice's text changed, with a revision entry for each change.
change_notice() {   # site n
    python3 - "$1" "$2" <<'PY'
import glob, os, re, sys
site, n = sys.argv[1], int(sys.argv[2])
path = sorted(glob.glob(os.path.join(site, "content", "*", "*", "*.md")))[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"\n修订: \[.*?\]\n", "\n", text, count=1, flags=re.S)
revs = ", ".join("{date: 2026-12-01, what: 补充说明%d, why: 基准测试}" % k for k in range(1, n + 1))
head, sep, body = text.partition("\n---\n")
open(path, "w", encoding="utf-8").write(head + "\n修订: [" + revs + "]" + sep + body + "\n补充说明 %d。\n" % n)
PY
}

results=$work/results
: >"$results"
for N in $SIZES; do
    say "$N notices: corpus, gongkai site, Hugo site"
    dir=$work/n$N
    mkdir -p "$dir"
    python3 "$script_dir/synth.py" "$dir/corpus" "$N" --seed 1 >/dev/null
    python3 "$script_dir/synth_to_site.py" "$dir/corpus" "$dir/site" >/dev/null
    [ $use_hugo = 1 ] && bash "$script_dir/hugo_site.sh" "$dir/corpus" "$dir/hugo" >/dev/null
    (cd "$dir/site" && find . -mindepth 1 | LC_ALL=C sort) >"$dir/site.files"
    reset_gongkai() {
        rm -rf "$dir/public" "$dir"/.public*
        (cd "$dir/site" && find . -mindepth 1 | LC_ALL=C sort) | LC_ALL=C comm -13 "$dir/site.files" - \
            | (cd "$dir/site" && LC_ALL=C sort -r | xargs -r -d '\n' rm -rf --)
    }
    gk=("$gongkai" build --site "$dir/site" --output "$dir/public" --quiet)
    say "$N: $RUNS clean builds each$([ $use_hugo = 1 ] && echo ', gongkai and Hugo alternating')"
    for i in $(seq 1 "$RUNS"); do
        reset_gongkai
        measure "$dir/t.clean" "${gk[@]}"
        if [ $use_hugo = 1 ]; then
            rm -rf "$dir/hugo-public" "$dir/hugo/resources" "$dir/hugo/.hugo_build.lock"
            measure "$dir/t.hugo" sh -c "cd '$dir/hugo' && hugo --quiet --minify=false -d '$dir/hugo-public'"
        fi
    done
    say "$N: rebuilds ($RUNS of each kind)"
    reset_gongkai
    "${gk[@]}"
    "${gk[@]}"   # the first rebuild makes the writer's spare tree (once per output folder)
    today=$(date +%Y-%m-%d)
    for i in $(seq 1 "$RUNS"); do
        measure "$dir/t.noop" "${gk[@]}"
        add_notice "$dir/site" "bench-today-$i" "$today"
        measure "$dir/t.today" "${gk[@]}"
        add_notice "$dir/site" "bench-old-$i" "2019-06-1$i"
        measure "$dir/t.backdated" "${gk[@]}"
        change_notice "$dir/site" "$i"
        measure "$dir/t.changed" "${gk[@]}"
    done
    files=$(find "$dir/public" -type f | wc -l)
    python3 - "$dir" "$N" "$files" "$use_hugo" >>"$results" <<'PY'
import statistics, sys, os
d, n, files, use_hugo = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
def rows(name):
    p = os.path.join(d, "t." + name)
    return [tuple(map(float, l.split())) for l in open(p)] if os.path.exists(p) else []
def med(name): r = rows(name); return statistics.median(x[0] for x in r) if r else None
def rss(name): r = rows(name); return max(x[1] for x in r) / 1024 if r else None
h = med("hugo") if use_hugo else None
print("%d\t%d\t%s" % (n, files, "\t".join(
    "%s=%s" % (k, v) for k, v in [("clean", med("clean")), ("clean_rss", rss("clean")), ("hugo", h),
                                  ("hugo_rss", rss("hugo") if use_hugo else None), ("noop", med("noop")),
                                  ("today", med("today")), ("backdated", med("backdated")),
                                  ("changed", med("changed")), ("changed_rss", rss("changed"))])))
PY
done

python3 - "$results" "$RUNS" <<'PY'
import sys
path, runs = sys.argv[1], sys.argv[2]
print()
print("gongkai beside Hugo %s, medians of %s runs, output on tmpfs" % ("(hugo " + __import__("subprocess").run(["sh", "-c", "hugo version 2>/dev/null | awk '{print $2}'"], capture_output=True, text=True).stdout.strip() + ")", runs))
print("| notices | measurement | Hugo | gongkai | ratio | target |")
print("| ---: | --- | ---: | ---: | ---: | ---: |")
for line in open(path):
    n, files, *kv = line.rstrip("\n").split("\t")
    v = {k: (None if x == "None" else float(x)) for k, x in (p.split("=") for p in kv)}
    n = int(n)
    h = v["hugo"]
    def ratio(x): return "%.2f×" % (x / h) if h and x is not None else "—"
    def fmt(x): return "%.2f s" % x if x is not None else "—"
    big = n >= 100000
    print("| %s | clean build (%s files) | %s | %s | %s | ≤ 0.5× |" % (f"{n:,}", f"{int(files):,}", fmt(h), fmt(v["clean"]), ratio(v["clean"])))
    print("| | peak memory, clean | %s | %s | %s | ≤ 0.5× |" % (
        "%.0f MiB" % v["hugo_rss"] if v["hugo_rss"] else "—", "%.0f MiB" % v["clean_rss"],
        "%.2f×" % (v["clean_rss"] / v["hugo_rss"]) if v["hugo_rss"] else "—"))
    print("| | no-op rebuild | — | %s | %s | ≤ %s× |" % (fmt(v["noop"]), ratio(v["noop"]), "0.02" if big else "0.05"))
    print("| | one notice added, dated today | — | %s | %s | ≤ %s× |" % (fmt(v["today"]), ratio(v["today"]), "0.05" if big else "0.10"))
    print("| | one notice added, backdated | — | %s | %s | ≤ %s× |" % (fmt(v["backdated"]), ratio(v["backdated"]), "0.05" if big else "0.10"))
    print("| | one notice changed | — | %s | %s | |" % (fmt(v["changed"]), ratio(v["changed"])))
PY
