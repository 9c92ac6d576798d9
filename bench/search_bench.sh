#!/usr/bin/env bash
# Search benchmark: quality (P@10, must-finds) and download size of gongkai's
# search, through the real search page in headless Chromium, on the example
# site, on a synthetic 10,000-notice site and on a site of 3,500 long legal
# texts (laws, regulations, 村规民约: bench/laws.py).
#
# Usage (from the repository root, or anywhere):
#     bash bench/search_bench.sh
#
# Environment:
#     GONGKAI_BIN=...  use this executable instead of `swift build -c release`
#     KEEP=1           keep the scratch folder in /dev/shm (printed at the end)
#     TIMEOUT=10       seconds each query may take to reach data-state="done"
#     ONLY=example     run only the example site (ONLY=synth: only the synthetic
#                      one; ONLY=laws: only the legal texts)
#
# Needs: python3, Debian chromium + chromium-driver, python3-selenium (nothing
# is installed).  Steps:
#   1. swift build -c release --product gongkai   (unless GONGKAI_BIN is set)
#   2. example site: content/ (and templates/, as `make site` sees them) copied
#      to the scratch folder, built with `gongkai build --quiet`, then
#      python3 bench/search_bench.py PUBLIC bench/search_queries_example.json
#   3. synthetic site: python3 bench/synth.py CORPUS 10000 --seed 1,
#      python3 bench/synth_to_site.py CORPUS SITE, a check that
#      bench/search_queries_synth.json was judged on this very corpus
#      (bench/judge_synth.py --check), one timed clean build (without --quiet,
#      so the stage timings are printed: the line starting with 索引 gives the
#      index stage's own time, which overlaps the render stage), the size of public/search/, then search_bench.py
#      with bench/search_queries_synth.json
#   4. legal texts: python3 bench/laws.py SITE (3,500 documents, seed 1), a
#      check that bench/search_queries_laws.json was judged on it
#      (bench/judge_laws.py --check), a clean build, search_bench.py with
#      bench/search_queries_laws.json (section links checked too)
#   5. a summary of the runs.  Exit status 1 if any run failed (a must-find
#      missing, or mean capped P@10 < 0.95), 2 if something could not run.
#
# The only thing written outside the repository is one scratch folder
# /dev/shm/gongkai-search-bench.XXXXXX, removed at the end unless KEEP=1.
set -euo pipefail

KEEP=${KEEP:-0}
TIMEOUT=${TIMEOUT:-10}
ONLY=${ONLY:-}
N=10000  # the judged synthetic queries are for this corpus (seed 1)

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
synth=$script_dir/synth.py

case $ONLY in ''|example|synth|laws) ;; *) echo "search_bench: ONLY must be example, synth or laws" >&2; exit 2;; esac
if { [ -z "$ONLY" ] || [ "$ONLY" = synth ]; } && [ ! -f "$synth" ]; then
    echo "search_bench: bench/synth.py missing (or set ONLY=example)" >&2
    exit 2
fi
for f in search_bench.py search_queries_example.json search_queries_synth.json judge_synth.py synth_to_site.py \
         laws.py judge_laws.py search_queries_laws.json; do
    [ -f "$script_dir/$f" ] || { echo "search_bench: bench/$f missing" >&2; exit 2; }
done

bench_name=search_bench bench_fail=2
. "$script_dir/gongkai_bin.sh"  # gongkai_bin_check, bench_scratch, say, gongkai_bin_build
gongkai_bin_check  # GONGKAI_BIN, checked before the slow steps
bench_scratch gongkai-search-bench

now_ns() { date +%s%N; }

# ---------------------------------------------------------------- 1. gongkai
gongkai_bin_build

ex_status=- sy_status=- lw_status=-
ex_summary= sy_summary= lw_summary= build_report=

# bench_run LABEL PUBLIC QUERIES SITE: runs search_bench.py, tees its output
bench_run() {
    local label=$1 public=$2 queries=$3 site=$4 status
    set +e
    python3 "$script_dir/search_bench.py" "$public" "$queries" --site-content "$site" \
        --timeout "$TIMEOUT" --json "$work/$label-results.json" 2>&1 | tee "$work/$label.out"
    status=${PIPESTATUS[0]}
    set -e
    return "$status"
}

# ---------------------------------------------------------------- 2. example
if [ -z "$ONLY" ] || [ "$ONLY" = example ]; then
    say "example site: $repo/content -> $work/example"
    mkdir -p "$work/example"
    cp -R "$repo/content" "$work/example/content"
    [ -d "$repo/templates" ] && cp -R "$repo/templates" "$work/example/templates"
    if ! "$gongkai" build --site "$work/example" --output "$work/example-public" --quiet >"$work/example-build.log" 2>&1; then
        echo "search_bench: gongkai build of the example site failed:" >&2
        head -40 "$work/example-build.log" >&2
        exit 2
    fi
    say "search_bench.py on the example site ($(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d if isinstance(d, list) else d["queries"]))' "$script_dir/search_queries_example.json") queries)"
    ex_status=0
    bench_run example "$work/example-public" "$script_dir/search_queries_example.json" "$work/example" || ex_status=$?
    ex_summary=$(sed -n '/^search benchmark summary/,$p' "$work/example.out")
fi

# ---------------------------------------------------------------- 3. synthetic
if [ -z "$ONLY" ] || [ "$ONLY" = synth ]; then
    say "corpus: $N notices (synth.py, seed 1) -> $work/corpus"
    python3 "$synth" "$work/corpus" "$N" --seed 1
    python3 "$script_dir/synth_to_site.py" "$work/corpus" "$work/site"
    if ! python3 "$script_dir/judge_synth.py" "$work/site" --check "$script_dir/search_queries_synth.json"; then
        echo "search_bench: the judged synthetic queries do not match this corpus;" \
             "regenerate: python3 bench/judge_synth.py SITE bench/search_queries_synth.json" >&2
        exit 2
    fi

    say "gongkai build of the synthetic site (timed, stage timings on)"
    t0=$(now_ns)
    set +e
    "$gongkai" build --site "$work/site" --output "$work/public" >"$work/synth-build.log" 2>&1
    st=$?
    set -e
    t1=$(now_ns)
    if [ "$st" != 0 ]; then
        echo "search_bench: gongkai build of the synthetic site failed (exit $st):" >&2
        head -40 "$work/synth-build.log" >&2
        exit 2
    fi
    sed 's/^/   /' "$work/synth-build.log"
    build_report=$(python3 - "$work/synth-build.log" "$(( (t1 - t0) / 1000 ))" "$work/public/search" <<'EOF'
import os, re, sys
log, wall_us, sdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
wall = wall_us / 1e6
idx = None
for line in open(log, encoding="utf-8", errors="replace"):
    line = line.strip()
    if line.startswith("索引") and idx is None:
        m = re.search(r"([0-9]+(?:\.[0-9]+)?)\s*(?:s|秒)\s*\W*$", line)
        if m:
            idx = float(m.group(1))
files, total, jfiles, jtotal, biggest = 0, 0, 0, 0, (0, "")
for root, _, names in os.walk(sdir):
    for n in names:
        p = os.path.join(root, n)
        s = os.path.getsize(p)
        files += 1
        total += s
        if n.endswith(".json"):
            jfiles += 1
            jtotal += s
        if s > biggest[0]:
            biggest = (s, os.path.relpath(p, sdir))
print("build (wall, clean)    %.3f s" % wall)
if idx is None:
    print("index stage            no line starting with 索引 in the build output (stage timings not printed?)")
else:
    print("index stage (索引)      %.3f s of index work = %.1f%% of the build's wall time" % (idx, 100 * idx / wall if wall else 0))
    print("                       (the index runs beside 渲染, so this overlaps rendering and is not the time it adds;")
    print("                        compare builds with and without the index stage for that)")
if files:
    print("public/search/         %d files, %.2f MB (%d JSON files, %.2f MB); largest %s %.1f KB" % (
        files, total / 1e6, jfiles, jtotal / 1e6, biggest[1], biggest[0] / 1024))
else:
    print("public/search/         missing or empty")
EOF
)
    printf '%s\n' "$build_report" | sed 's/^/   /'
    if [ ! -f "$work/public/search/index.html" ]; then
        echo "search_bench: the synthetic build has no search/index.html" >&2
        exit 2
    fi
    say "search_bench.py on the synthetic site"
    sy_status=0
    bench_run synth "$work/public" "$script_dir/search_queries_synth.json" "$work/site" || sy_status=$?
    sy_summary=$(sed -n '/^search benchmark summary/,$p' "$work/synth.out")
fi

# ---------------------------------------------------------------- 4. legal texts
if [ -z "$ONLY" ] || [ "$ONLY" = laws ]; then
    say "legal texts: python3 bench/laws.py $work/laws (3,500 documents, seed 1)"
    python3 "$script_dir/laws.py" "$work/laws"
    if ! python3 "$script_dir/judge_laws.py" "$work/laws" --check "$script_dir/search_queries_laws.json"; then
        echo "search_bench: the judged legal-text queries do not match this corpus;" \
             "regenerate: python3 bench/judge_laws.py SITE bench/search_queries_laws.json" >&2
        exit 2
    fi
    say "gongkai build of the legal texts"
    if ! "$gongkai" build --site "$work/laws" --output "$work/laws-public" >"$work/laws-build.log" 2>&1; then
        echo "search_bench: gongkai build of the legal texts failed:" >&2
        head -40 "$work/laws-build.log" >&2
        exit 2
    fi
    grep -E "^(索引|完成)" "$work/laws-build.log" | sed 's/^/   /' || true
    say "search_bench.py on the legal texts"
    lw_status=0
    bench_run laws "$work/laws-public" "$script_dir/search_queries_laws.json" "$work/laws" || lw_status=$?
    lw_summary=$(sed -n '/^search benchmark summary/,$p' "$work/laws.out")
fi

# ---------------------------------------------------------------- 5. summary
verdict() { case $1 in -) echo "not run";; 0) echo "PASS";; 1) echo "FAIL";; *) echo "ERROR (exit $1)";; esac; }
echo
echo "################################################################################"
echo "gongkai search benchmark"
echo "gongkai: $gongkai"
if [ "$ex_status" != - ]; then
    echo
    echo "example site (bench/search_queries_example.json): $(verdict "$ex_status")"
    printf '%s\n' "$ex_summary" | grep -E '^(mean P@10|must-find|first search|later searches|long queries|time to|result|[0-9]+ passed)' | sed 's/^/  /'
fi
if [ "$sy_status" != - ]; then
    echo
    echo "synthetic $N-notice site (bench/search_queries_synth.json): $(verdict "$sy_status")"
    printf '%s\n' "$build_report" | sed 's/^/  /'
    printf '%s\n' "$sy_summary" | grep -E '^(mean P@10|must-find|first search|later searches|time to|result|[0-9]+ passed)' | sed 's/^/  /'
fi
if [ "$lw_status" != - ]; then
    echo
    echo "legal texts, 3,500 documents (bench/search_queries_laws.json): $(verdict "$lw_status")"
    printf '%s\n' "$lw_summary" | grep -E '^(mean P@10|must-find|first search|later searches|long queries|section links|  [a-z]+ +[0-9]+ queries|time to|result|[0-9]+ passed)' | sed 's/^/  /'
fi
echo "################################################################################"
worst=0
for s in "$ex_status" "$sy_status" "$lw_status"; do
    case $s in -|0) ;; 1) [ "$worst" = 0 ] && worst=1;; *) worst=2;; esac
done
exit "$worst"
