#!/usr/bin/env bash
# Benchmark: what the privacy guard's reading of attachments costs on a
# synthetic 10,000-notice site where one notice in ten (P) attaches a PDF
# (a two-page LibreOffice PDF with embedded Chinese fonts, each copy with
# different bytes, so nothing is shared).
#
# Usage (from the repository root, or anywhere):
#     bash bench/attachment_bench.sh
#
# Environment:
#     N=10000          number of notices (synth.py, seed 1)
#     EVERY=10         one notice in EVERY attaches a PDF
#     RUNS=3           timed runs of each case
#     GONGKAI_BIN=...  use this executable instead of `swift build -c release`
#     KEEP=1           keep the scratch folder in /dev/shm
#
# Cases, each a median of RUNS, the sites side by side in each round:
#   first/plain      first build (no cache) of the site without PDFs
#   first/pdf        first build of the same site with the PDFs (every PDF read)
#   again/...        build after site.yml changed (every notice is parsed
#                    again): the PDFs' scans come from .gongkai-cache
#   check/...        gongkai check after that (it reads the kept scans too)
set -euo pipefail

N=${N:-10000}
EVERY=${EVERY:-10}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
bench_name=attachment_bench bench_fail=1
. "$script_dir/gongkai_bin.sh"
gongkai_bin_check
bench_scratch gongkai-attach

say "corpus: $N notices"
python3 "$script_dir/synth.py" "$work/corpus" "$N" --seed 1 >/dev/null
python3 "$script_dir/synth_to_site.py" "$work/corpus" "$work/plain" >/dev/null
python3 "$script_dir/synth_to_site.py" "$work/corpus" "$work/pdf" >/dev/null

say "attaching a PDF to one notice in $EVERY"
python3 - "$work/pdf" "$EVERY" "$repo/Tests/GongkaiContentTests/Fixtures/attachments/物业公示.pdf" <<'EOF'
import os, sys
site, every, fixture = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pdf = open(fixture, "rb").read()
notices = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
count = 0
for i, path in enumerate(notices):
    if i % every:
        continue
    name = os.path.basename(path)[:-3] + "-附件.pdf"
    with open(os.path.join(os.path.dirname(path), name), "wb") as f:
        f.write(pdf + b"%% copy %d\n" % i)   # bytes of its own: no scan is shared
    text = open(path, encoding="utf-8").read()
    os.unlink(path)   # a hard link to the corpus: write a file of its own
    head, rest = text[4:].split("\n---\n", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n" + head + "\nattachments: [{file: " + name + "}]\n---\n" + rest)
    count += 1
print(f"{count} PDFs")
EOF

gongkai_bin_build

# run LABEL CMD...: appends "LABEL SECONDS" to $work/times (the command's output to $work/log)
run() {
    local label=$1; shift
    local start end
    start=$(date +%s.%N)
    "$@" >"$work/log" 2>&1 || { echo "$bench_name: $label failed:" >&2; tail -5 "$work/log" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$label $(python3 -c "print(f'{$end - $start:.3f}')")" >>"$work/times"
}

fresh() { rm -rf "$1/.gongkai-cache" "$1/public" "$1/content/ledger.jsonl"; }

for round in $(seq 1 "$RUNS"); do
    say "round $round of $RUNS"
    for site in plain pdf; do
        fresh "$work/$site"
        run "first/$site" "$gongkai" build --site "$work/$site" --output "$work/$site/public" --quiet
    done
    # site.yml changed: every notice is parsed again (its context changed);
    # the PDFs' scans come from .gongkai-cache.
    for site in plain pdf; do
        printf '\n# round %s\n' "$round" >>"$work/$site/content/site.yml"
        run "again/$site" "$gongkai" build --site "$work/$site" --output "$work/$site/public" --quiet
    done
    for site in plain pdf; do
        printf '# checked\n' >>"$work/$site/content/site.yml"
        run "check/$site" "$gongkai" check --site "$work/$site" --quiet
    done
done

say "medians (s), $RUNS runs"
python3 - "$work/times" <<'EOF'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    label, seconds = line.split()
    times.setdefault(label, []).append(float(seconds))
for label in ["first/plain", "first/pdf", "again/plain", "again/pdf", "check/plain", "check/pdf"]:
    if label in times:
        print(f"{label:12s} {statistics.median(times[label]):7.2f}   ({', '.join(f'{t:.2f}' for t in times[label])})")
EOF
bench_fail=0
