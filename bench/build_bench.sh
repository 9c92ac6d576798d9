#!/usr/bin/env bash
# Benchmark: a clean gongkai build of a synthetic 10,000-notice site, with
# Hugo on the same notices as a baseline when `hugo` is installed.
#
# Usage (from the repository root, or anywhere):
#     bash bench/build_bench.sh
#
# Environment:
#     N=10000          number of notices (synth.py, seed 1, default communities)
#     RUNS=5           timed runs per tool
#     WARMUP=1         untimed runs per tool first (page cache, first-build state)
#     GONGKAI_BIN=...  use this executable instead of `swift build -c release`
#     NO_HUGO=1        skip Hugo even if it is installed
#     KEEP=1           keep the scratch folder in /dev/shm (printed at the end)
#     BENCH_TIMER=python  measure with Python's os.wait4 instead of GNU time
#
# Steps:
#   1. python3 bench/synth.py WORK/corpus N --seed 1   (on /dev/shm)
#   2. python3 bench/synth_to_site.py WORK/corpus WORK/site
#   3. swift build -c release --product gongkai   (unless GONGKAI_BIN is set)
#   4. RUNS clean builds: gongkai build --site WORK/site --output WORK/public --quiet
#      Before each run the output folder is removed, and so is every file or
#      folder gongkai created inside WORK/site on an earlier run (a cache or a
#      ledger), so each run is a first build. With Hugo, every iteration runs
#      gongkai and hugo back to back (the order alternates), so machine noise
#      hits both alike.
#   5. Report the median wall time and the peak RSS of each tool.
#
# Wall time is measured around the process (nanosecond clock); peak RSS is the
# "Maximum resident set size" of GNU time (/usr/bin/time -v; the Debian `time`
# package is installed if missing and possible), or else the child's
# ru_maxrss from Python's os.wait4.
#
# The only thing written outside the repository is one scratch folder
# /dev/shm/gongkai-bench.XXXXXX, removed at the end unless KEEP=1.
set -euo pipefail

N=${N:-10000}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
KEEP=${KEEP:-0}
NO_HUGO=${NO_HUGO:-0}

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
synth=$script_dir/synth.py
hugo_site=$script_dir/hugo_site.sh
[ -f "$synth" ] || { echo "build_bench: $synth missing" >&2; exit 1; }

case $N in ''|*[!0-9]*) echo "build_bench: N must be a number" >&2; exit 2;; esac
case $RUNS in ''|*[!0-9]*|0) echo "build_bench: RUNS must be a positive number" >&2; exit 2;; esac
case $WARMUP in ''|*[!0-9]*) echo "build_bench: WARMUP must be a number" >&2; exit 2;; esac

bench_name=build_bench bench_fail=1
. "$script_dir/gongkai_bin.sh"  # gongkai_bin_check, bench_scratch, say, gongkai_bin_build
gongkai_bin_check  # GONGKAI_BIN, checked before the slow steps
bench_scratch gongkai-bench

# ---------------------------------------------------------------- measuring
# GNU time, installed if missing (Debian package `time`), else Python.
timer=python
if [ "${BENCH_TIMER:-}" = python ]; then
    :  # forced (to test the fallback)
elif [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    timer=gnu
elif command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        say "installing GNU time (apt-get install -y time)"
        apt-get install -y -qq time >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        say "installing GNU time (sudo apt-get install -y time)"
        sudo -n apt-get install -y -qq time >/dev/null 2>&1 || true
    fi
    if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then timer=gnu; fi
fi

# measure LABEL LOGFILE CMD...: runs CMD (stdout+stderr to LOGFILE), appends
# "LABEL SECONDS RSS_KB" to $work/times, returns CMD's exit status.
measure() {
    local label=$1 log=$2 status=0 t0 t1 rss
    shift 2
    if [ "$timer" = gnu ]; then
        t0=$(date +%s%N)
        /usr/bin/time -v -o "$work/time.out" "$@" >"$log" 2>&1 || status=$?
        t1=$(date +%s%N)
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.out")
        echo "$label $(( (t1 - t0) / 1000 )) ${rss:-0}" \
            | awk '{printf "%s %.6f %s\n", $1, $2 / 1e6, $3}' >>"$work/times"
    else
        python3 - "$label" "$log" "$work/times" "$@" <<'EOF' || status=$?
import os, subprocess, sys, time
label, log, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with open(log, "wb") as fh:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
    _, status, ru = os.wait4(p.pid, 0)
    t1 = time.perf_counter()
with open(out, "a") as fh:
    fh.write("%s %.6f %d\n" % (label, t1 - t0, ru.ru_maxrss))  # KiB on Linux
sys.exit(os.waitstatus_to_exitcode(status) if status else 0)
EOF
    fi
    return "$status"
}

# ---------------------------------------------------------------- 1-2. site
say "corpus: $N notices (synth.py, seed 1) -> $work/corpus"
python3 "$synth" "$work/corpus" "$N" --seed 1
python3 "$script_dir/synth_to_site.py" "$work/corpus" "$work/site"
# Everything in the site folder now is input; anything new after a build is
# gongkai's state (cache, ledger) and is removed before the next clean run.
(cd "$work/site" && find . -mindepth 1 | LC_ALL=C sort) >"$work/site.files"

# ---------------------------------------------------------------- 3. gongkai
gongkai_bin_build

gk_out=$work/public
reset_gongkai() {
    rm -rf "$gk_out"
    # leftover staging folders next to the output (none after a good build)
    find "$work" -maxdepth 1 -name '.public*' -exec rm -rf {} +
    (cd "$work/site" && find . -mindepth 1 | LC_ALL=C sort) \
        | LC_ALL=C comm -13 "$work/site.files" - >"$work/site.new"
    if [ -s "$work/site.new" ]; then
        if [ ! -e "$work/site.state-reported" ]; then
            echo "   (before each run, removing what gongkai left in the site folder:" \
                "$(awk '{ new[$0] = 1; p = $0; sub(/\/[^\/]*$/, "", p); if (!(p in new)) print substr($0, 3) }' \
                    "$work/site.new" | head -5 | tr '\n' ' '))"
            touch "$work/site.state-reported"
        fi
        (cd "$work/site" && LC_ALL=C sort -r "$work/site.new" | xargs -d '\n' rm -rf --)
    fi
}
run_gongkai() {  # label
    reset_gongkai
    if ! measure "$1" "$work/gongkai.log" "$gongkai" build --site "$work/site" --output "$gk_out" --quiet; then
        echo "build_bench: gongkai build failed; its output:" >&2
        head -40 "$work/gongkai.log" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------- hugo site
use_hugo=0
if [ "$NO_HUGO" != 1 ] && command -v hugo >/dev/null 2>&1; then
    if [ -f "$hugo_site" ]; then
        use_hugo=1
        bash "$hugo_site" "$work/corpus" "$work/hugo"
    else
        say "hugo found but $hugo_site is missing: Hugo baseline skipped"
    fi
fi
hugo_out=$work/hugo-public
run_hugo() {  # label
    rm -rf "$hugo_out" "$work/hugo/resources" "$work/hugo/.hugo_build.lock"
    if ! (cd "$work/hugo" && measure "$1" "$work/hugo.log" hugo --quiet --minify=false -d "$hugo_out"); then
        echo "build_bench: hugo failed; its output:" >&2
        head -40 "$work/hugo.log" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------- 4. runs
: >"$work/times"
seen=0
total=$((WARMUP + RUNS))
say "$WARMUP warm-up + $RUNS timed clean builds$([ $use_hugo = 1 ] && echo ' each of gongkai and hugo, alternating') (timer: $timer)"
for i in $(seq 1 "$total"); do
    if [ "$i" -le "$WARMUP" ]; then g=warm-gongkai h=warm-hugo; else g=gongkai h=hugo; fi
    if [ $use_hugo = 1 ] && [ $((i % 2)) = 0 ]; then
        run_hugo "$h"; run_gongkai "$g"
    else
        run_gongkai "$g"; [ $use_hugo = 1 ] && run_hugo "$h"
    fi
    tail -n +"$((seen + 1))" "$work/times" \
        | awk -v tag="$([ "$i" -le "$WARMUP" ] && echo warm-up || echo "run $((i - WARMUP))")" \
            '{ line = line sprintf("  %-13s %7.3f s  %6.1f MiB", $1, $2, $3 / 1024) }
             END { printf "   %-8s%s\n", tag, line }'
    seen=$(wc -l <"$work/times")
done

# sanity: one page per notice
gk_pages=$(find "$gk_out" -mindepth 4 -maxdepth 4 -name index.html | wc -l)
gk_files=$(find "$gk_out" -type f | wc -l)
gk_bytes=$(du -sb "$gk_out" | cut -f1)
if [ "$gk_pages" -ne "$N" ]; then
    echo "WARNING: gongkai wrote $gk_pages notice pages (<community>/<year>/<notice>/index.html) for $N notices" >&2
fi

# ---------------------------------------------------------------- 5. report
python3 - "$work/times" "$N" "$RUNS" "$use_hugo" "$gk_pages" "$gk_files" "$gk_bytes" "$timer" \
    "$(hugo version 2>/dev/null | awk '{print $2}' || true)" "$([ $use_hugo = 1 ] && find "$hugo_out" -type f | wc -l || echo 0)" <<'EOF'
import statistics, sys
path, n, runs, use_hugo, gk_pages, gk_files, gk_bytes, timer, hugo_ver, hugo_files = sys.argv[1:11]
t, rss = {}, {}
for line in open(path):
    label, sec, kb = line.split()
    t.setdefault(label, []).append(float(sec))
    rss.setdefault(label, []).append(int(kb))

def med(label): return statistics.median(t[label])
def peak(label): return max(rss.get(label, [0]) + rss.get("warm-" + label, [0])) / 1024

print()
print("=" * 64)
print("gongkai clean-build benchmark: %s notices, %s timed runs (median)" % (n, runs))
print("-" * 64)
g = med("gongkai")
print("gongkai  median %7.3f s   min %7.3f  max %7.3f   peak RSS %6.1f MiB (all runs)" % (
    g, min(t["gongkai"]), max(t["gongkai"]), peak("gongkai")))
print("         %s files, %.1f MB, %s notice pages" % (gk_files, int(gk_bytes) / 1e6, gk_pages))
print("         %.0f notices/s" % (int(n) / g))
if use_hugo == "1":
    h = med("hugo")
    print("hugo     median %7.3f s   min %7.3f  max %7.3f   peak RSS %6.1f MiB (all runs, hugo %s)" % (
        h, min(t["hugo"]), max(t["hugo"]), peak("hugo"), hugo_ver or "?"))
    print("         %s files" % hugo_files)
    print("ratio hugo/gongkai: %.2f  (%s)" % (
        h / g, "gongkai faster" if h > g else "hugo faster" if h < g else "equal"))
else:
    print("hugo     not run (not on PATH, or NO_HUGO=1)")
print("all runs (s): gongkai %s" % " ".join("%.3f" % x for x in t["gongkai"]))
if use_hugo == "1":
    print("              hugo    %s" % " ".join("%.3f" % x for x in t["hugo"]))
print("timer: %s" % ("GNU time -v (RSS), date +%s%N (wall)" if timer == "gnu" else "python os.wait4"))
print("=" * 64)
EOF
