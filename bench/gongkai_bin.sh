# Set-up shared by the bench scripts, sourced
# (bash, set -euo pipefail) once they have set
#     bench_name   the script's name, the prefix of its error messages
#     bench_fail   its exit status when the set-up fails
#     repo         the repository root
#     KEEP         1 = keep the scratch folder
#
# gongkai_bin_check     with GONGKAI_BIN set: $gongkai = its absolute path, or
#                       exit if it is not executable (call before the slow steps)
# bench_scratch PREFIX  $work = a new folder /dev/shm/PREFIX.XXXXXX (or under
#                       $TMPDIR or /tmp), removed on exit unless KEEP=1
# say TEXT...           a progress line "== TEXT"
# kept_synth_site CORPUS SITE N
#                       the synthetic site of N notices (bench/synth.py, seed 1)
#                       in SITE, made only when SITE has none yet (the A/B scripts
#                       keep it in their WORK folder between runs)
# gongkai_bin_build     with GONGKAI_BIN set: says so; otherwise
#                       `swift build -c release --product gongkai --static-swift-stdlib` (as `make site`) in $repo and
#                       $gongkai = the built executable

gongkai_bin_check() {
    if [ -n "${GONGKAI_BIN:-}" ]; then
        gongkai=$GONGKAI_BIN
        case $gongkai in */*) gongkai=$(cd "$(dirname "$gongkai")" 2>/dev/null && pwd)/$(basename "$gongkai") || true;; esac
        command -v "$gongkai" >/dev/null 2>&1 || { echo "$bench_name: GONGKAI_BIN=$GONGKAI_BIN is not executable" >&2; exit "$bench_fail"; }
    fi
}

bench_scratch() {
    local scratch_parent=/dev/shm
    [ -d "$scratch_parent" ] && [ -w "$scratch_parent" ] || scratch_parent=${TMPDIR:-/tmp}
    work=$(mktemp -d "$scratch_parent/$1.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

cleanup() {
    if [ "$KEEP" = 1 ]; then
        echo "scratch folder kept: $work"
    else
        rm -rf "$work"
    fi
}

say() { printf '== %s\n' "$*"; }

gongkai_bin_build() {
    if [ -n "${GONGKAI_BIN:-}" ]; then
        say "gongkai: $gongkai (GONGKAI_BIN)"
    else
        command -v swift >/dev/null 2>&1 || { echo "$bench_name: swift not found (or set GONGKAI_BIN)" >&2; exit "$bench_fail"; }
        say "swift build -c release --product gongkai --static-swift-stdlib"
        (cd "$repo" && swift build -c release --product gongkai --static-swift-stdlib)
        gongkai=$(cd "$repo" && swift build -c release --show-bin-path)/gongkai
        [ -x "$gongkai" ] || { echo "$bench_name: $gongkai was not built" >&2; exit "$bench_fail"; }
    fi
}

kept_synth_site() {
    local dir
    dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    [ -f "$2/.synth_site" ] && return 0
    mkdir -p "$(dirname "$2")"
    python3 "$dir/synth.py" "$1" "$3" --seed 1 >/dev/null
    python3 "$dir/synth_to_site.py" "$1" "$2" >/dev/null
}
