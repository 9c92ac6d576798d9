#!/usr/bin/env bash
# Submissions per second and latency of `gongkai desk` (issue 16): wrk on loopback, many
# concurrent clients posting suggestions (the whole path: form decoding, validation, the
# privacy mask, the SQLite transaction with synchronous=FULL, the JSON answer).
#
#   bash bench/desk_bench.sh                       # release build, then 16 and 64 connections, 20 s each
#   GONGKAI_BIN=.build/release/gongkai CONNECTIONS="64" DURATION=30 DB_DIR=/var/tmp bash bench/desk_bench.sh
#
# DB_DIR: where the database lives (default: a folder under /var/tmp, i.e. the real disk, so the
# fsync of each commit costs what it costs; /dev/shm shows the desk without the disk).
# Needs wrk (Debian: apt-get install wrk). Limits are off (--no-limits); loopback only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
bin=${GONGKAI_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release --product gongkai --static-swift-stdlib >/dev/null
    bin=.build/release/gongkai
fi
connections=${CONNECTIONS:-"16 64"}
duration=${DURATION:-20}
work=$(mktemp -d /dev/shm/gongkai-desk-bench.XXXXXX)
dbdir=$(mktemp -d "${DB_DIR:-/var/tmp}/gongkai-desk-db.XXXXXX")
desk_pid=
cleanup() { [ -n "$desk_pid" ] && kill "$desk_pid" 2>/dev/null; rm -rf "$work" "$dbdir"; }
trap cleanup EXIT

# The example site with the desk turned on.
cp -r content "$work/content"
sed -i 's#^base_url: .*#base_url: http://127.0.0.1:8081/\ndesk_url: http://127.0.0.1:8091/#' "$work/content/site.yml"
"$bin" build --site "$work" --output "$work/public" --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" desk --db "$dbdir/desk.db" --output "$work/public" --listen "127.0.0.1:$port" --no-limits >/dev/null 2>&1 &
desk_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Origin"] = "http://127.0.0.1:8081"
local text = "%E5%BB%BA%E8%AE%AE%E5%9C%A8%E5%B0%8F%E5%8C%BA%E4%B8%9C%E9%97%A8%E5%8A%A0%E8%A3%85%E8%B7%AF%E7%81%AF%EF%BC%8C%E6%99%9A%E4%B8%8A%E5%A4%AA%E9%BB%91%E4%BA%86%E3%80%82"
wrk.body = "community=xinhua&text=" .. text .. "&phone=13800138000&name=&website="
local created, other = 0, 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("answers other than 2xx: %d\n", summary.errors.status))
end
LUA

echo "gongkai desk bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), db in $dbdir ($(df -T "$dbdir" | awk 'NR==2{print $2}'))"
for c in $connections; do
    echo "--- $c connections, ${duration} s"
    wrk -t2 -c"$c" -d"${duration}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/suggestions" \
        | grep -E "Requests/sec|Latency |50%|90%|99%|requests in|non-2xx|non-201|Socket errors"
done
count=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from cases').fetchone()[0])" "$dbdir/desk.db")
echo "cases stored: $count; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
