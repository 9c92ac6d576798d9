#!/usr/bin/env bash
# Pagefind beside gongkai on the same built site and the same judged queries,
# through a search page that keeps the contract of docs/design.md §5.
#
# Usage:
#     bash bench/pagefind_bench.sh PUBLIC QUERIES.json SITE [PAGEFIND_PYTHON]
#
#   PUBLIC          a site gongkai built (e.g. the scratch folder of
#                   KEEP=1 ONLY=laws bash bench/search_bench.sh)
#   QUERIES.json    the judged queries run on it (bench/search_queries_laws.json)
#   SITE            the site folder it was built from (for the checks)
#   PAGEFIND_PYTHON a Python with `pagefind[extended]` installed (PyPI; default
#                   python3): e.g. python3 -m venv /tmp/pf && /tmp/pf/bin/pip
#                   install 'pagefind[extended]'  (nothing is installed here)
#
# What it does: hard-links PUBLIC to PUBLIC-pagefind, indexes the notice pages
# (<community>/<year>/<notice>/index.html, the <main> element) with
# `python -m pagefind`, replaces search/index.html with a page that runs the
# query through Pagefind's JavaScript API and lists the first 10 results as
# <li><a href=…> in #results with data-state and data-count (linked to its
# first sub-result that has an anchor, as Pagefind offers), and runs
# bench/search_bench.py on it, counting every byte under /pagefind/ (index
# chunks, fragments, the WASM and JS on the first search). Filters
# (community, category) are not given to Pagefind: the pages carry none.
set -euo pipefail
public=$(cd "$1" && pwd); queries=$2; site=$3; py=${4:-python3}
script_dir=$(cd "$(dirname "$0")" && pwd)
out=$public-pagefind
rm -rf "$out"
cp -al "$public" "$out"
rm -f "$out/search/index.html" "$out/search/index.html.gz"
"$py" -m pagefind --site "$out" --glob "*/[0-9][0-9][0-9][0-9]/*/index.html" --root-selector main \
    --force-language zh 2>&1 | tail -4
cat > "$out/search/index.html" <<'HTML'
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>搜索（Pagefind）</title></head>
<body><ol id="results" data-state="idle"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get('q') || '';
const r = document.getElementById('results');
if (q) {
  r.setAttribute('data-state', 'loading');
  try {
    const pagefind = await import('../pagefind/pagefind.js');
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map(x => x.data()));
    for (const d of data) {
      const li = document.createElement('li'), a = document.createElement('a');
      /* Pagefind's sub-results point at headings with ids: its best one */
      const sub = (d.sub_results || []).filter(x => x.url && x.url.indexOf('#') >= 0)[0];
      a.href = sub ? sub.url : d.url; a.textContent = (d.meta && d.meta.title) || d.url;
      li.appendChild(a); r.appendChild(li);
    }
    r.setAttribute('data-count', String(search.results.length));
    r.setAttribute('data-state', 'done');
  } catch (e) { r.setAttribute('data-state', 'error'); console.error(e); }
}
</script></body></html>
HTML
python3 "$script_dir/search_bench.py" "$out" "$queries" --site-content "$site" --index-prefix /pagefind/ --show 0
