#!/usr/bin/env python3
"""Search quality and download-size benchmark, through the real search page.

Usage:
    python3 bench/search_bench.py PUBLIC_DIR QUERIES.json [--site-content SITE_DIR]
                                  [--timeout 10] [--json OUT.json] [--show N]

PUBLIC_DIR is a built gongkai site; QUERIES.json is a judged query file
(bench/search_queries_example.json, bench/search_queries_synth.json): a list,
or an object whose "queries" is the list, of

    {"q": "低保名单", "community": null | "slug", "category": null | "slug",
     "relevant": [notice id, ...], "must": [notice id, ...], ...}

with notice ids <community>/<year>/<notice> (docs/design.md §2).  Other keys are
ignored.  --site-content SITE_DIR (a site folder with content/, or content/
itself) adds checks that need the sources: every judged id exists, results of
a category-filtered query are in that category, and titles in the report.

What it does (installs nothing; needs Debian chromium + chromium-driver and
python3-selenium; CHROMIUM= / CHROMEDRIVER= override the binaries):

  * serves PUBLIC_DIR on 127.0.0.1 at a free port (threaded http.server, no
    compression, quiet) and counts the body bytes of every response; the sum
    over responses for URLs under /search/ ending in .json is the
    authoritative "JSON bytes" of a query (a 304 or a browser-cache hit
    costs 0);
  * starts one headless Chromium emulating a 360x740 phone with an empty
    profile (as Tests/Browser/browse_test.py does) and, query by query, opens
    search/index.html?q=QUERY[&community=SLUG][&category=SLUG] (UTF-8,
    percent-encoded), waits up to --timeout seconds for
    #results[data-state="done"] (docs/design.md §5), reads data-count and the
    first <a href> of every top-level <li> inside #results in order, maps
    each href to a notice id (relative href ending in
    <community>/<year>/<notice>/index.html or .../), then waits until the
    network is quiet (snippet fragments may load after "done") and reads the
    server's byte count and, for comparison, the page's
    performance.getEntriesByType('resource') (decodedBodySize: bytes the
    client used, cache hits included; transferSize: bytes over the wire);
  * the first query runs in the fresh browser (cold: manifest and all);
    later ones reuse the browser and its HTTP cache (warm); the client may
    also keep its own cache (localStorage, ...).

Per query: P@10 = relevant notices among the first 10 results / 10, P@10
(capped) = relevant among the first 10 / min(10, |relevant|) (the standard
P@10 cannot reach 1 for a query with fewer than 10 relevant notices), whether
every "must" notice is in the first 10, data-count, JSON bytes, time to
"done".  The summary gives both means; the capped mean is the one held to the
target (>= 0.95).

Exit status: 0 if every must-find is in its top 10 and mean capped P@10 >=
0.95; 1 otherwise (the summary says which); 2 on wrong usage or if the page
or browser cannot be used at all.  The last line is `N passed, M failed`:
N = queries whose musts were all in the top 10, M = the rest (a query whose
page never reached data-state="done" counts as failed even without musts).
"""

import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
from urllib.parse import quote, unquote, urlencode, urlsplit

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
import chromium  # noqa: E402 (Tests/Browser/chromium.py; sets SE_OFFLINE: selenium-manager never downloads)
from chromium import HEIGHT, WIDTH, SiteHandler, SiteServer  # noqa: E402
from synth_common import front_keys, year_folders  # noqa: E402

TARGET = 0.95
TOPK = 10
QUIET_MS = 400        # network quiet this long after "done" = the query is over
SETTLE_MAX_S = 5.0    # ... but never wait longer than this for it


def die(msg, code=2):
    print("search_bench: " + msg, file=sys.stderr)
    sys.exit(code)


# ----------------------------------------------------------------- queries
def load_queries(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as e:
        die("%s: %s" % (path, e))
    qs = data.get("queries") if isinstance(data, dict) else data
    if not isinstance(qs, list) or not qs:
        die("%s: expected a list of queries (or an object with \"queries\")" % path)
    out = []
    for i, x in enumerate(qs, 1):
        if not isinstance(x, dict) or not isinstance(x.get("q"), str) or not x["q"].strip():
            die("%s: query %d has no \"q\"" % (path, i))
        rel = x.get("relevant") or []
        must = x.get("must") or []
        if not isinstance(rel, list) or not isinstance(must, list):
            die("%s: query %d (%s): relevant and must must be lists" % (path, i, x["q"]))
        out.append(dict(n=i, q=x["q"], community=x.get("community") or None, category=x.get("category") or None,
                        relevant=list(dict.fromkeys(rel)), must=list(dict.fromkeys(must)),
                        anchors=x.get("anchors") or {}, kind=x.get("kind")))
        bad = [m for m in must if m not in set(rel)]
        if bad:
            print("search_bench: warning: query %d (%s): must not in relevant: %s" % (i, x["q"], ", ".join(bad)),
                  file=sys.stderr)
    return out


# ----------------------------------------------------------------- site sources (optional)
FRONT_KEY = re.compile(r"^(title|category|draft|标题|类别|草稿):\s*(.*?)\s*$")
FRONT_ALIASES = {"标题": "title", "类别": "category", "草稿": "draft"}


def read_front(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    return front_keys(text[3:end if end > 0 else len(text)].splitlines(), FRONT_KEY, FRONT_ALIASES)


def load_site(site_dir):
    """({id: (title, category slug or None)}, {slug: name}) from a site's content/."""
    content = os.path.join(site_dir, "content")
    if not os.path.isdir(content):
        content = site_dir
    if not os.path.isfile(os.path.join(content, "site.yml")):
        die("--site-content %s: no content/site.yml there" % site_dir)
    slugs, slug = {}, None
    with open(os.path.join(content, "site.yml"), encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^\s*-\s*slug:\s*[\"']?([^\"'\s#]+)", line)
            if m:
                slug = m.group(1)
                continue
            m = re.match(r"^\s*name:\s*(.+?)\s*$", line)
            if m and slug:
                name = m.group(1).split(" #")[0].strip().strip("\"'")
                slugs[slug] = name
                slug = None
    by_name = {v: k for k, v in slugs.items()}
    notices = {}
    for comm, year, ydir in year_folders(content):
        for name in os.listdir(ydir):
            path = os.path.join(ydir, name)
            if name.endswith(".md"):
                nid = name[:-3]
            elif os.path.isfile(os.path.join(path, "index.md")):
                nid, path = name, os.path.join(path, "index.md")
            else:
                continue
            fm = read_front(path)
            if str(fm.get("draft", "")).lower() in ("true", "yes", "on"):
                continue  # drafts are not built
            cat = fm.get("category")
            notices["%s/%s/%s" % (comm, year, nid)] = (fm.get("title", ""), cat if cat in slugs else by_name.get(cat))
    return notices, slugs


# ----------------------------------------------------------------- server
class Server(SiteServer):
    """http.server on 127.0.0.1:<free port>, in threads, counting response body bytes."""

    def __init__(self, directory):
        self.log = []          # [(path, status, body bytes, monotonic time)]
        self.lock = threading.Lock()
        self.inflight = 0
        self.last = time.monotonic()
        srv = self

        class Handler(SiteHandler):
            def handle_one_request(self):
                self._gk_status, self._gk_bytes = 0, 0
                with srv.lock:
                    srv.inflight += 1
                try:
                    super().handle_one_request()
                finally:
                    with srv.lock:
                        srv.inflight -= 1
                        srv.last = time.monotonic()
                        if getattr(self, "command", None):
                            srv.log.append((unquote(urlsplit(self.path).path), self._gk_status,
                                            self._gk_bytes, srv.last))

            def copyfile(self, source, outputfile):
                while True:
                    buf = source.read(64 * 1024)
                    if not buf:
                        break
                    outputfile.write(buf)
                    self._gk_bytes += len(buf)

            def send_error(self, code, message=None, explain=None):
                self._gk_status = int(code)
                super().send_error(code, message, explain)

            def log_request(self, code="-", size="-"):
                try:
                    self._gk_status = int(getattr(code, "value", code))
                except (TypeError, ValueError):
                    pass

        super().__init__(directory, Handler)

    def mark(self):
        with self.lock:
            return len(self.log)

    def since(self, mark):
        with self.lock:
            return list(self.log[mark:])

    def quiet_for(self):
        """Seconds since the last response ended, or 0 while a request is in flight."""
        with self.lock:
            return 0.0 if self.inflight else time.monotonic() - self.last


INDEX_PREFIX = None   # --index-prefix: count every file under it instead


def is_index_json(path):
    if INDEX_PREFIX:
        return path.startswith(INDEX_PREFIX)
    return path.startswith("/search/") and path.endswith(".json")


# ----------------------------------------------------------------- browser
def make_driver():
    try:
        driver = chromium.make_driver(page_load_timeout=20)
    except ImportError:
        die("python selenium is not installed (Debian: python3-selenium)")
    except chromium.ChromiumNotFound as e:
        die(str(e))
    try:  # room for every resource entry, whatever the client fetches
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                               {"source": "performance.setResourceTimingBufferSize(100000);"})
    except Exception:
        pass
    return driver


STATE_JS = """
const r = document.getElementById('results');
return r ? [r.getAttribute('data-state'), r.getAttribute('data-count')] : null;
"""

RESULTS_JS = """
const r = document.getElementById('results');
if (!r) return null;
const top = Array.from(r.querySelectorAll('li')).filter(li => {
    const up = li.parentElement ? li.parentElement.closest('li') : null;
    return !up || !r.contains(up);
});
return {
    state: r.getAttribute('data-state'),
    count: r.getAttribute('data-count'),
    items: top.map(li => { const a = li.querySelector('a[href]'); return a ? [a.getAttribute('href'), a.href] : null; }),
};
"""

PERF_JS = """
return performance.getEntriesByType('resource').map(e =>
    [e.name, e.transferSize || 0, e.encodedBodySize || 0, e.decodedBodySize || 0]);
"""


def notice_id(url, base):
    """'<community>/<year>/<notice>' for a notice-page URL under base, else None."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith(base):
        return None
    rel = unquote(url[len(base):])
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    segs = [s for s in rel.split("/") if s]
    if len(segs) == 3 and re.fullmatch(r"\d{4}", segs[1]) and (rel.endswith("/") or not rel):
        return "/".join(segs)
    return None


# ----------------------------------------------------------------- running
def run_query(driver, server, base, q, timeout):
    from selenium.common.exceptions import TimeoutException, WebDriverException
    params = [("q", q["q"])]
    if q["community"]:
        params.append(("community", q["community"]))
    if q["category"]:
        params.append(("category", q["category"]))
    url = base + "search/index.html?" + urlencode(params, quote_via=quote)
    res = dict(url=url, error=None, state=None, count=None, hrefs=[], ids=[], ms=None)
    # the previous page may still be fetching: let it finish before counting
    t_end = time.monotonic() + SETTLE_MAX_S
    while server.quiet_for() < QUIET_MS / 1000 and time.monotonic() < t_end:
        time.sleep(0.02)
    mark = server.mark()
    t0 = time.monotonic()
    try:
        driver.get(url)
    except TimeoutException:
        res["error"] = "page did not load in 20 s"
    except WebDriverException as e:
        res["error"] = "page load failed: %s" % str(e).splitlines()[0]
    state = None
    if not res["error"]:
        deadline = t0 + timeout
        while True:
            try:
                st = driver.execute_script(STATE_JS)
            except WebDriverException as e:
                res["error"] = "script error: %s" % str(e).splitlines()[0]
                break
            state = st[0] if st else None
            if state == "done":
                res["ms"] = (time.monotonic() - t0) * 1000
                break
            if time.monotonic() > deadline:
                res["error"] = ("no element id=\"results\"" if st is None else
                                "#results never got data-state=\"done\" in %g s (data-state=%r)" % (timeout, state))
                break
            time.sleep(0.02)
    try:
        got = driver.execute_script(RESULTS_JS)
    except WebDriverException:
        got = None
    if got:
        res["state"] = got["state"]
        try:
            res["count"] = int(got["count"]) if got["count"] is not None else None
        except ValueError:
            res["count"] = None
            res.setdefault("warnings", []).append("data-count=%r is not a number" % got["count"])
        for item in got["items"]:
            raw, resolved = item if item else (None, None)
            res["hrefs"].append(raw)
            res["ids"].append(notice_id(resolved, base) if resolved else None)
    # network quiet: snippet fragments may still be loading after "done"
    t_end = time.monotonic() + SETTLE_MAX_S
    while server.quiet_for() < QUIET_MS / 1000 and time.monotonic() < t_end:
        time.sleep(0.02)
    reqs = server.since(mark)
    res["server_json"] = sum(b for p, s, b, _ in reqs if is_index_json(p))
    res["server_json_n"] = sum(1 for p, s, b, _ in reqs if is_index_json(p) and s == 200)
    res["server_json_304"] = sum(1 for p, s, b, _ in reqs if is_index_json(p) and s == 304)
    res["server_all"] = sum(b for p, s, b, _ in reqs)
    res["server_errors"] = [(p, s) for p, s, b, _ in reqs if s >= 400 and not p.endswith("/favicon.ico")]
    try:
        perf = driver.execute_script(PERF_JS) or []
    except WebDriverException:
        perf = []
    base_path = urlsplit(base).path
    pj = [e for e in perf if e[0].startswith(base) and
          is_index_json("/" + unquote(urlsplit(e[0]).path)[len(base_path):])]
    res["client_json_decoded"] = sum(int(e[3]) for e in pj)
    res["client_json_transfer"] = sum(int(e[1]) for e in pj)
    res["client_json_n"] = len(pj)
    return res


def judge(q, res, notices, slugs):
    rel = set(q["relevant"])
    top = res["ids"][:TOPK]
    hits = len({i for i in top if i is not None and i in rel})
    res["hits"] = hits
    res["p10"] = hits / TOPK
    res["p10c"] = hits / min(TOPK, len(rel)) if rel else (1.0 if not res["ids"] else 0.0)
    res["missing"] = [m for m in q["must"] if m not in set(top)]
    # Section links: a key hit should link to a heading that names the query.
    res["anchors_checked"], res["anchors_ok"] = 0, 0
    for i, h in zip(res["ids"][:TOPK], res["hrefs"][:TOPK]):
        if i in q["anchors"] and q["anchors"][i]:
            res["anchors_checked"] += 1
            frag = unquote(h.split("#", 1)[1]) if h and "#" in h else ""
            if frag in q["anchors"][i]:
                res["anchors_ok"] += 1
            else:
                res.setdefault("warnings", []).append("%s links to #%s, not to %s" % (i, frag, "/".join(q["anchors"][i][:2])))
    res["musts_ok"] = not res["missing"] and not res["error"]  # a query that never got "done" fails
    warn = res.setdefault("warnings", [])
    if res["error"]:
        warn.append(res["error"])
    unm = [h for h, i in zip(res["hrefs"], res["ids"]) if i is None]
    if unm:
        warn.append("%d result(s) not linking to a notice page: %s" % (len(unm), ", ".join(repr(h) for h in unm[:3])))
    dup = len(top) - len(set(top))
    if dup:
        warn.append("%d duplicate result(s) in the top %d" % (dup, TOPK))
    if res["count"] is not None and len(res["ids"]) < min(TOPK, res["count"]) and res["state"] == "done":
        warn.append("data-count=%d but only %d <li> rendered (contract: at least the first %d)" % (
            res["count"], len(res["ids"]), TOPK))
    if res["state"] == "done" and res["count"] is None:
        warn.append("data-state=done without data-count")
    if q["community"]:
        bad = [i for i in res["ids"] if i and not i.startswith(q["community"] + "/")]
        if bad:
            warn.append("community filter %s leaked %d result(s), e.g. %s" % (q["community"], len(bad), bad[0]))
    if q["category"] and notices:
        bad = [i for i in res["ids"] if i in notices and notices[i][1] != q["category"]]
        if bad:
            warn.append("category filter %s leaked %d result(s), e.g. %s (%s)" % (
                q["category"], len(bad), bad[0], notices[bad[0]][1]))
    if notices:
        unknown = [i for i in res["ids"] if i and i not in notices]
        if unknown:
            warn.append("%d result(s) are not notices of the site: %s" % (len(unknown), unknown[0]))
    if res["server_errors"]:
        warn.append("HTTP errors: %s" % ", ".join("%s %d" % e for e in res["server_errors"][:3]))


def kb(n):
    return "%.1f KB" % (n / 1024)


def label(q):
    s = q["q"]
    f = [x for x in (q["community"] and "community=" + q["community"], q["category"] and "category=" + q["category"]) if x]
    return s + (" [" + " ".join(f) + "]" if f else "")


def main():
    ap = argparse.ArgumentParser(description="Search benchmark through the real search page (see the module doc).")
    ap.add_argument("public_dir")
    ap.add_argument("queries")
    ap.add_argument("--site-content", metavar="SITE_DIR")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for data-state=done (10)")
    ap.add_argument("--json", metavar="OUT", help="write every query's raw results and metrics here")
    ap.add_argument("--index-prefix", metavar="PATH",
                    help="count every file under this path as index bytes (e.g. /pagefind/ for a Pagefind page)")
    ap.add_argument("--show", type=int, default=10, metavar="N",
                    help="for a query that misses a must or has capped P@10 < 1, list its first N results (10; 0 = never)")
    args = ap.parse_args()
    global INDEX_PREFIX
    INDEX_PREFIX = args.index_prefix

    public = os.path.abspath(args.public_dir)
    if not os.path.isfile(os.path.join(public, "search", "index.html")):
        die("%s has no search/index.html (is it a built gongkai site?)" % public)
    queries = load_queries(args.queries)
    notices, slugs = ({}, {})
    if args.site_content:
        notices, slugs = load_site(os.path.abspath(args.site_content))
        judged = {i for q in queries for i in q["relevant"] + q["must"]}
        gone = sorted(judged - set(notices))
        if gone:
            print("search_bench: warning: %d judged id(s) are not notices of %s, e.g. %s" % (
                len(gone), args.site_content, ", ".join(gone[:3])), file=sys.stderr)
        bad = sorted({q["category"] for q in queries if q["category"] and q["category"] not in slugs})
        if bad:
            print("search_bench: warning: category slug(s) not in site.yml: %s" % ", ".join(bad), file=sys.stderr)
        pages = sum(1 for i in notices if os.path.isfile(os.path.join(public, i, "index.html")))
        if notices and pages < len(notices):
            print("search_bench: warning: %d of %d notices of the site have no page in %s" % (
                len(notices) - pages, len(notices), public), file=sys.stderr)

    server = Server(public)
    base = server.origin + "/"
    print("search benchmark: %d queries from %s" % (len(queries), args.queries))
    print("site %s served at %s; headless Chromium %dx%d, timeout %g s per query" % (
        public, base, WIDTH, HEIGHT, args.timeout), flush=True)
    driver = None
    results = []
    try:
        driver = make_driver()
        print()
        print("  #  P@10 capped must  count    JSON (server)  client-used  req    ms  query")
        for q in queries:
            res = run_query(driver, server, base, q, args.timeout)
            judge(q, res, notices, slugs)
            results.append(res)
            must = "-" if not q["must"] else ("ok" if res["musts_ok"] else "MISS")
            print("%3d  %.2f  %.2f  %-4s %6s  %13s  %11s  %3s %5s  %s" % (
                q["n"], res["p10"], res["p10c"], must, "-" if res["count"] is None else res["count"],
                kb(res["server_json"]), kb(res["client_json_decoded"]), res["server_json_n"],
                "-" if res["ms"] is None else "%.0f" % res["ms"], label(q)), flush=True)
            for w in res["warnings"]:
                print("       ! " + w)
            if res["missing"]:
                for m in res["missing"]:
                    pos = res["ids"].index(m) + 1 if m in res["ids"] else None
                    print("       must missing: %s%s%s" % (m, " (rank %d)" % pos if pos else " (not in the results shown)",
                                                          " " + notices[m][0] if m in notices else ""))
            if args.show and (res["missing"] or res["p10c"] < 1.0):
                rel = set(q["relevant"])
                for k, i in enumerate(res["ids"][:args.show], 1):
                    mark = "+" if i in rel else " "
                    print("       %s%2d %s%s" % (mark, k, i or res["hrefs"][k - 1],
                                                   " " + notices[i][0] if i in notices else ""))
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        server.close()

    if not results:
        die("no query ran")
    if all(r["error"] for r in results):
        print()
        print("every query failed (%s): is search/index.html the search client of docs/design.md §5?" % results[0]["error"])
        print("0 passed, %d failed" % len(results))
        sys.exit(1)

    n = len(results)
    mean_p10 = sum(r["p10"] for r in results) / n
    mean_p10c = sum(r["p10c"] for r in results) / n
    with_must = [(q, r) for q, r in zip(queries, results) if q["must"]]
    missed = [(q, r) for q, r in zip(queries, results) if not r["musts_ok"]]
    passed = n - len(missed)
    first = results[0]
    later = [r["server_json"] for r in results[1:]]
    later_client = [r["client_json_decoded"] for r in results[1:]]
    times = [r["ms"] for r in results if r["ms"] is not None]
    warned = [(q, r) for q, r in zip(queries, results) if r["warnings"]]

    print()
    print("=" * 72)
    print("search benchmark summary: %s" % args.queries)
    print("-" * 72)
    print("queries                %d (%d with must-finds)" % (n, len(with_must)))
    print("mean P@10              %.3f   (relevant in top 10 / 10)" % mean_p10)
    print("mean P@10 (capped)     %.3f   (relevant in top 10 / min(10, |relevant|)) -- target >= %.2f: %s" % (
        mean_p10c, TARGET, "met" if mean_p10c >= TARGET else "NOT MET"))
    print("must-find in top 10    %d/%d queries with musts%s" % (
        len(with_must) - sum(1 for q, r in missed if q["must"]), len(with_must),
        "" if not missed else "; missing in: " + ", ".join("#%d %s" % (q["n"], label(q)) for q, r in missed)))
    low = sorted(((r["p10c"], q["n"], label(q)) for q, r in zip(queries, results) if r["p10c"] < 1.0))
    if low:
        print("capped P@10 below 1    " + ", ".join("#%d %s %.2f" % (k, l, p) for p, k, l in low[:12]) +
              (" ..." if len(low) > 12 else ""))
    print("first search (cold)    JSON %s from the server in %d request(s); client used %s; %s" % (
        kb(first["server_json"]), first["server_json_n"], kb(first["client_json_decoded"]),
        "-" if first["ms"] is None else "%.0f ms" % first["ms"]))
    if later:
        print("later searches (warm)  JSON from the server: median %s, max %s (%s); client used median %s" % (
            kb(statistics.median(later)), kb(max(later)),
            label(queries[1 + later.index(max(later))]), kb(statistics.median(later_client))))
    longq = [r["server_json"] for q, r in zip(queries[1:], results[1:]) if len(q["q"]) >= 10]
    if longq:
        print("long queries (>= 10 chars) JSON from the server: median %s, max %s over %d queries" % (
            kb(statistics.median(longq)), kb(max(longq)), len(longq)))
    checked = sum(r.get("anchors_checked", 0) for r in results)
    if checked:
        print("section links          %d of %d key hits in the top 10 link to the heading that names the query" % (
            sum(r.get("anchors_ok", 0) for r in results), checked))
    kinds = sorted({q.get("kind") for q in queries if q.get("kind")})
    for kind in kinds:
        pairs = [(q, r) for q, r in zip(queries, results) if q.get("kind") == kind]
        wm = [p for p in pairs if p[0]["must"]]
        print("  %-8s %2d queries: capped P@10 %.3f, must-finds %d/%d" % (
            kind, len(pairs), sum(r["p10c"] for _, r in pairs) / len(pairs),
            sum(1 for q, r in wm if r["musts_ok"]), len(wm)))
    if times:
        print("time to data-state=done  median %.0f ms, max %.0f ms" % (statistics.median(times), max(times)))
    print("all JSON fetched       %s over %d queries (server count; all files incl. HTML/CSS/JS: %s)" % (
        kb(sum(r["server_json"] for r in results)), n, kb(sum(r["server_all"] for r in results))))
    if warned:
        print("contract warnings      %d queries (see the '!' lines above)" % len(warned))
    verdict = []
    if missed:
        verdict.append("%d quer%s missed a must-find" % (len(missed), "y" if len(missed) == 1 else "ies"))
    if mean_p10c < TARGET:
        verdict.append("mean capped P@10 %.3f < %.2f" % (mean_p10c, TARGET))
    print("result                 %s" % ("FAIL: " + "; ".join(verdict) if verdict else "PASS"))
    print("=" * 72)

    if args.json:
        out = []
        for q, r in zip(queries, results):
            out.append(dict(n=q["n"], q=q["q"], community=q["community"], category=q["category"],
                            url=r["url"], error=r["error"], state=r["state"], count=r["count"], ids=r["ids"],
                            hrefs=r["hrefs"], p10=r["p10"], p10_capped=r["p10c"], must_missing=r["missing"],
                            json_bytes_server=r["server_json"], json_requests=r["server_json_n"],
                            json_304=r["server_json_304"], json_bytes_client_decoded=r["client_json_decoded"],
                            json_bytes_client_transfer=r["client_json_transfer"], all_bytes_server=r["server_all"],
                            ms_to_done=r["ms"], warnings=r["warnings"]))
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(dict(queries_file=args.queries, public_dir=public, mean_p10=mean_p10, mean_p10_capped=mean_p10c,
                           results=out), fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    print("%d passed, %d failed" % (passed, n - passed))
    sys.exit(1 if verdict else 0)


if __name__ == "__main__":
    main()
