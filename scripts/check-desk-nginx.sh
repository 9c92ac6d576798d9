#!/usr/bin/env bash
# Tests the nginx configuration of docs/desk.md with a real nginx (Debian's nginx 1.22;
# `apt-get install nginx-light`): the site and the desk behind one server block, on loopback.
# Usage: scripts/check-desk-nginx.sh [GONGKAI_BINARY]   (default .build/debug/gongkai)
# Prints PASS/FAIL lines and "N passed, N failed"; exit 1 on a failure.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$repo/.build/debug/gongkai}")
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 2; }
work=$(mktemp -d /tmp/gongkai-nginx.XXXXXX)
chmod 755 "$work"   # nginx's workers (nobody) read the site from here
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
desk_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
origin="http://127.0.0.1:$port"

# The example site, served at / with the desk at /desk/, and a notice open for objections today.
cp -r "$repo/content" "$work/content"
sed -i "s#^base_url: .*#base_url: $origin/\ndesk_url: $origin/desk/#" "$work/content/site.yml"
today=$(TZ=Asia/Shanghai date +%F); end=$(TZ=Asia/Shanghai date -d '+7 day' +%F)
cat > "$work/content/mazhuang/2026/dibao-nginx.md" <<EOF
---
title: 马庄村新增低保对象公示
date: $today
category: dibao
period: {from: $today, to: $end}
审核: {by: 马庄村村务监督委员会, date: $today}
---
拟新增低保对象 2 户，现予公示。
EOF
"$bin" build --site "$work" --output "$work/public" --quiet
"$bin" desk --db "$work/desk.db" --output "$work/public" --listen "127.0.0.1:$desk_port" >/dev/null 2>&1 &
pids+=($!)

# The server block of docs/desk.md, with the paths and ports of this test.
python3 - "$repo/docs/desk.md" "$work" "$port" "$desk_port" <<'EOF'
import re, sys
doc, work, port, desk = sys.argv[1:]
conf = re.search(r"<!-- nginx-desk -->\n```nginx\n(.*?)```", open(doc, encoding="utf-8").read(), re.S).group(1)
conf = (conf.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/gongkai/public", work + "/public")
        .replace("127.0.0.1:8090", "127.0.0.1:" + desk))
open(work + "/site.conf", "w").write(conf)
open(work + "/nginx.conf", "w").write(f"""worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp;
  include {work}/site.conf;
}}
""")
EOF
mkdir -p "$work/tmp"
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 50); do curl -sf "$origin/desk/healthz" >/dev/null && break; sleep 0.1; done

pass=0; fail=0
check() { if eval "$2"; then echo "PASS  $1"; pass=$((pass+1)); else echo "FAIL  $1"; fail=$((fail+1)); fi; }
h() { curl -s -o /dev/null -D - "$@" | tr -d '\r'; }
form=(--data-urlencode notice=mazhuang/2026/dibao-nginx --data-urlencode "text=公示名单第一户去年在城里买了房子，请核实。" --data-urlencode "phone=13800138000")

check "the site is served" '[ "$(curl -s -o /dev/null -w "%{http_code}" "$origin/mazhuang/2026/dibao-nginx/")" = 200 ]'
check "the notice page posts to /desk/objections" 'curl -s "$origin/mazhuang/2026/dibao-nginx/" | grep -q "action=\"$origin/desk/objections\""'
check "healthz through nginx" '[ "$(curl -s "$origin/desk/healthz")" = ok ]'
out=$(h -H "Origin: $origin" "${form[@]}" "$origin/desk/objections")
check "a form post → 303 to status?code= (relative, so it stays under /desk/)" 'echo "$out" | grep -q "^HTTP/1.1 303" && echo "$out" | grep -qi "^location: status?code="'
code=$(echo "$out" | sed -n 's/^[Ll]ocation: status?code=//p')
out=$(h "$origin/desk/status?code=$code")
check "the status page has the CSP and text/html; charset=utf-8" 'echo "$out" | grep -q "^Content-Security-Policy: default-src '"'"'none'"'"'" && echo "$out" | grep -qi "^content-type: text/html; charset=utf-8"'
check "the status page links the site's stylesheet (same origin)" 'curl -s "$origin/desk/status?code=$code" | grep -q "href=\"$origin/assets/site\."'
out=$(curl -s -H 'Accept: application/json' -H "Origin: https://evil.example" "${form[@]}" "$origin/desk/objections")
check "another origin → 403 through nginx" 'echo "$out" | grep -q GK327'
check "nginx refuses a body over 16 KB (413)" '[ "$(head -c 20000 /dev/zero | tr "\0" a | curl -s -o /dev/null -w "%{http_code}" --data-binary @- "$origin/desk/objections")" = 413 ]'
check "a JSON submission → 201" '[ "$(curl -s -o /dev/null -w "%{http_code}" -H "Accept: application/json" -H "X-Real-IP: 198.51.100.7" --data-urlencode notice=mazhuang/2026/dibao-nginx --data-urlencode "text=第二户家里有两辆车，请核实。" --data-urlencode phone=13900139000 "$origin/desk/objections")" = 201 ]'
check "/desk/inbox/cases without a token → 401" '[ "$(curl -s -o /dev/null -w "%{http_code}" "$origin/desk/inbox/cases")" = 401 ]'
# nginx's limit_req (30 a minute, a burst of 10) answers before the desk does.
codes=$(for i in $(seq 25); do curl -s -o /dev/null -w "%{http_code} " "$origin/desk/status?code=AAAA-BBBB"; done)
check "nginx limits a flood of requests (429)" 'echo "$codes" | grep -q 429'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
