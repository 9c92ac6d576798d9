#!/usr/bin/env python3
"""Browser test of a built gongkai site: a resident's path on a phone.

Usage:
    python3 Tests/Browser/browse_test.py PUBLIC_DIR
    SCREENSHOT_DIR=shots python3 Tests/Browser/browse_test.py public

Needs (installs nothing): Debian's `chromium` and `chromium-driver`, and the
python `selenium` package.  CHROMIUM=... / CHROMEDRIVER=... override the
binaries.  Runs in ~5-10 s.

What it does.  PUBLIC_DIR is served twice by python's http.server, on
127.0.0.1 and free ports: once at the server root (http://127.0.0.1:P1/) and
once under a sub-path (a temp folder holding a symlink `sub` -> PUBLIC_DIR,
so the site is at http://127.0.0.1:P2/sub/), because docs/design.md §4 says the
site works from any sub-path.  Headless Chromium emulates a 360x740 phone
(mobileEmulation; a plain desktop window cannot be narrower than 500 px).
On each base URL it walks home -> first community -> first notice, clicking
the links as a resident would; then a second Chromium with JavaScript
disabled opens the same notice page.  One line per check, then a line
`N passed, M failed`; exit status 1 if any check failed, 2 on wrong usage.

Markup assumptions (by structure only: no class names or ids are assumed):
  * Output layout of docs/design.md §4.  A "community folder" is a folder of
    PUBLIC_DIR that has a 4-digit year folder in it (read from disk).
  * Home page is index.html with <html lang="zh-CN"> (compared
    case-insensitively), at least one <h1>, and a search <form> that contains
    an <input name="q"> or <input type="search">, whose action resolves to
    search/ or search/index.html of the site (method GET).
  * A link to a community page is an <a href> that resolves, relative to the
    site base, to `<community>/` or `<community>/index.html` where
    <community> is a community folder.  The first such link in document order
    is clicked.
  * A community page has an <h1> and at least one notice link of its own:
    `<community>/<year>/<notice>/` or `.../index.html` (<year> 4 digits).
    The first such link in document order is clicked.
  * A notice page has an <h1> with non-empty text, a non-empty <title>, an
    <article> whose text goes beyond the <h1> (>= 20 more characters) and
    holds at least one p, li, td or th with text, and a <time> element
    (anywhere in the page).
  * Links are relative: every same-origin link on the three pages stays under
    the site base (checked under /sub/, where root-absolute links break).
  * Every request the pages make goes to the page's own origin
    (performance.getEntriesByType('resource')), and the server answers every
    request other than /favicon.ico with a 2xx/3xx status.
  * No horizontal scrolling at 360 px: document.documentElement.scrollWidth
    <= 360 on all three pages (which needs <meta name="viewport"
    content="width=device-width...">; wide tables must scroll in a box).
  * With JavaScript off, the notice page still has its <title>, the <h1>
    text and the article body text.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote, urldefrag, urlsplit

from chromium import WIDTH, RecordingServer, Report, SiteHandler, SiteServer, make_driver, open_search  # also sets SE_OFFLINE

try:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("browse_test: python selenium is not installed", file=sys.stderr)
    sys.exit(2)

RESERVED_TOP = {"search", "category", "assets", "api", "page", "overview"}
YEAR = re.compile(r"^\d{4}$")
JS_PROBE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>js-off</title></head>"
    "<body><script>document.title = 'js-on'</script></body></html>"
)


# ----------------------------------------------------------------- serving
class Server(RecordingServer):
    """http.server on 127.0.0.1:<free port> in a thread, recording every request."""

    def errors(self):
        return [(p, c) for p, c in self.requests
                if not (200 <= c < 400) and not urlsplit(p).path.endswith("/favicon.ico")]


# ----------------------------------------------------------------- browser
def wait_loaded(driver, old_url=None, timeout=10):
    def ready(d):
        if old_url is not None and d.current_url == old_url:
            return False
        return d.execute_script("return document.readyState") == "complete"
    WebDriverWait(driver, timeout).until(ready)


def strip_url(url):
    return urldefrag(url)[0].split("?", 1)[0]


def rel_segments(url, base):
    """Folders of `url` below `base` ('' -> home); None if outside the site.
    `x/index.html` and `x/` are the same page; any other file name -> None."""
    url = strip_url(url)
    if not url.startswith(base):
        return None
    rel = url[len(base):]
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    if rel and not rel.endswith("/"):
        return None
    return [s for s in rel.split("/") if s]


def links(driver):
    """[(element, raw href, resolved href)] in document order."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]'))"
        ".map(a => [a, a.getAttribute('href'), a.href]);")


def click(driver, element):
    old = driver.current_url
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    try:
        element.click()
    except WebDriverException:
        driver.execute_script("arguments[0].click();", element)  # hidden behind a menu, say
    wait_loaded(driver, old_url=old)


PAGE_FACTS_JS = """
const h1 = document.querySelector('h1');
const art = document.querySelector('article');
const t = document.querySelector('time');
const forms = Array.from(document.forms).map(f => ({
    action: f.action, method: (f.method || 'get').toLowerCase(),
    q: !!f.querySelector('input[name="q"], input[type="search"]')}));
const bodyBits = art ? Array.from(art.querySelectorAll('p, li, td, th'))
    .filter(e => e.textContent.trim().length > 0).length : 0;
return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title.trim(),
    h1: h1 ? h1.textContent.trim() : null,
    h1count: document.querySelectorAll('h1').length,
    article: art ? art.innerText.trim() : null,
    bodyBits: bodyBits,
    time: t ? [t.textContent.trim(), t.getAttribute('datetime')] : null,
    forms: forms,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    origin: location.origin,
    resources: performance.getEntriesByType('resource').map(e => e.name),
};
"""


def facts(driver):
    return driver.execute_script(PAGE_FACTS_JS)


def common_checks(rep, tag, page, f, raw_links, base, origin):
    """Checks every page gets: width, own-origin requests, links under the base."""
    rep.check("%s %s: no horizontal scroll" % (tag, page), f["scrollWidth"] <= WIDTH,
              "scrollWidth %d, viewport %d" % (f["scrollWidth"], f["innerWidth"]))
    foreign = [r for r in f["resources"] if not r.startswith(origin + "/")]
    rep.check("%s %s: all requests to 127.0.0.1 (same origin)" % (tag, page), not foreign,
              "%d resources%s" % (len(f["resources"]),
                                  "; foreign: " + ", ".join(foreign[:3]) if foreign else ""))
    outside = [raw for _, raw, res in raw_links
               if res.startswith(origin + "/") and not strip_url(res).startswith(base)]
    rep.check("%s %s: links stay under %s" % (tag, page, urlsplit(base).path), not outside,
              "outside: " + ", ".join(sorted(set(outside))[:4]) if outside else "")


def content_checks(rep, tag, f):
    rep.check("%s notice: <title> not empty" % tag, bool(f["title"]), repr(f["title"][:40]))
    rep.check("%s notice: <h1> with text" % tag, bool(f["h1"]), repr((f["h1"] or "")[:40]))
    body = (f["article"] or "").replace(f["h1"] or "\0", "", 1).strip()
    rep.check("%s notice: <article> with body text" % tag,
              f["article"] is not None and len(body) >= 20 and f["bodyBits"] > 0,
              "no <article>" if f["article"] is None else
              "%d characters besides the title, %d p/li/td/th" % (len(body), f["bodyBits"]))


def walk(rep, driver, server, base, tag, communities, shots=None):
    """home -> first community -> first notice.  Returns the notice URL or None."""
    origin = server.origin

    def shot(name):
        if shots:
            driver.save_screenshot(os.path.join(shots, name + ".png"))

    # -- home
    try:
        driver.get(base + "index.html")
        wait_loaded(driver)
    except WebDriverException as e:
        rep.check("%s home: loads" % tag, False, str(e).splitlines()[0])
        return None
    f = facts(driver)
    shot("home")
    rep.check("%s home: <html lang=\"zh-CN\">" % tag, (f["lang"] or "").lower() == "zh-cn", repr(f["lang"]))
    rep.check("%s home: <h1>" % tag, f["h1count"] > 0, repr((f["h1"] or "")[:40]))
    search_forms = [x for x in f["forms"] if x["q"]]
    good = [x for x in search_forms
            if rel_segments(x["action"], base) == ["search"] and x["method"] == "get"]
    rep.check("%s home: search form -> search/" % tag, bool(good),
              "action %s" % (good or search_forms)[0]["action"] if (good or search_forms)
              else "no <form> with <input name=q> or type=search")
    home_links = links(driver)
    common_checks(rep, tag, "home", f, home_links, base, origin)
    cands = []
    for el, raw, res in home_links:
        segs = rel_segments(res, base) if res.startswith(origin + "/") else None
        if segs and len(segs) == 1 and segs[0] not in RESERVED_TOP and \
                (segs[0] in communities if communities else True):
            cands.append((el, raw, res, segs[0]))
    if not rep.check("%s home: link to a community page" % tag, bool(cands),
                     "%d such links, first %s" % (len(cands), cands[0][1]) if cands else
                     "communities on disk: %s" % ", ".join(sorted(communities)[:5])):
        rep.note("(rest of the %s walk skipped)" % tag)
        return None

    # -- community
    el, raw, res, slug = cands[0]
    try:
        click(driver, el)
    except WebDriverException as e:
        rep.check("%s community: click %s" % (tag, raw), False, str(e).splitlines()[0])
        return None
    landed = strip_url(driver.current_url)
    rep.check("%s community: click %s opens %s/" % (tag, raw, slug),
              rel_segments(landed, base) == [slug], landed)
    f = facts(driver)
    shot("community")
    rep.check("%s community: <h1>" % tag, f["h1count"] > 0, repr((f["h1"] or "")[:40]))
    comm_links = links(driver)
    common_checks(rep, tag, "community", f, comm_links, base, origin)
    cands = []
    for el, raw, res in comm_links:
        segs = rel_segments(res, base) if res.startswith(origin + "/") else None
        if segs and len(segs) == 3 and segs[0] == slug and YEAR.match(segs[1]):
            cands.append((el, raw, res, segs))
    if not rep.check("%s community: link to a notice (%s/<year>/<notice>/)" % (tag, slug), bool(cands),
                     "%d such links, first %s" % (len(cands), cands[0][1]) if cands else ""):
        rep.note("(rest of the %s walk skipped)" % tag)
        return None

    # -- notice
    el, raw, res, segs = cands[0]
    try:
        click(driver, el)
    except WebDriverException as e:
        rep.check("%s notice: click %s" % (tag, raw), False, str(e).splitlines()[0])
        return None
    landed = strip_url(driver.current_url)
    rep.check("%s notice: click opens %s" % (tag, "/".join(segs) + "/"),
              rel_segments(landed, base) == segs, landed)
    f = facts(driver)
    shot("notice")
    content_checks(rep, tag, f)
    rep.check("%s notice: <time>" % tag, f["time"] is not None,
              "%r datetime=%r" % tuple(f["time"]) if f["time"] else "")
    common_checks(rep, tag, "notice", f, links(driver), base, origin)
    return landed


def server_check(rep, tag, server):
    errors = server.errors()
    rep.check("%s server: every request answered (2xx/3xx)" % tag, not errors,
              "%d requests" % len(server.requests) if not errors else
              "; ".join("%s %s" % (c, p) for p, c in errors[:4]))


def search_checks(rep, driver, base, notice_url, title):
    """The search page contract of docs/design.md §5: ?q= runs on load; hits as <li>
    in #results, first link to the notice; data-state="done", data-count."""
    tag = "[search]"
    query = (title or "").strip()[:20]
    if not query:
        rep.check("%s a query from the notice title" % tag, False, repr(title))
        return
    segs = rel_segments(notice_url, base) if notice_url else None
    community = segs[0] if segs else ""
    for extra, label in (("", "q=%s" % query), ("&community=" + community, "q=%s&community=%s" % (query, community))):
        state = open_search(driver, base + "search/index.html?q=" + quote(query) + extra)
        if not rep.check("%s %s: #results data-state=done" % (tag, label), state == "done", repr(state)):
            continue
        count = driver.execute_script("return document.getElementById('results').getAttribute('data-count')")
        hrefs = driver.execute_script(
            "return Array.from(document.querySelectorAll('#results > li')).map(function(li){"
            "var a=li.querySelector('a');return a?a.href:null})")
        rep.check("%s %s: data-count and <li> hits" % (tag, label),
                  count is not None and int(count) >= len(hrefs) >= 1, "count %s, %d li" % (count, len(hrefs)))
        targets = [rel_segments(h, base) if h else None for h in hrefs[:10]]
        rep.check("%s %s: every hit links to a notice page" % (tag, label),
                  all(t and len(t) == 3 and re.fullmatch(r"\d{4}", t[1]) for t in targets), repr(hrefs[:2]))
        rep.check("%s %s: the notice is among the first 10 hits" % (tag, label),
                  segs in targets, "%s not in %s" % (segs, targets[:3]))
        if extra:
            rep.check("%s %s: the filter keeps hits in %s" % (tag, label, community),
                      all(t and t[0] == community for t in targets), repr([t[0] for t in targets if t]))


def ledger_checks(rep, driver, public, notice):
    """The notice page links to its version history, which lists the version the
    page shows; docs/verify_ledger.py (no gongkai) accepts the whole site."""
    tag = "[ledger]"
    driver.get(notice)
    wait_loaded(driver)
    version = driver.execute_script(
        "var e = document.querySelector('[data-gongkai-version]'); return e && e.getAttribute('data-gongkai-version');")
    rep.check(tag + " notice page names its version", bool(version and re.fullmatch(r"[0-9a-f]{64}", version)), repr(version))
    history = [a for a, raw, _ in links(driver) if a.text.strip() == "本公告的版本记录"]
    if rep.check(tag + " notice page links to 本公告的版本记录", bool(history)):
        click(driver, history[0])
        found = driver.execute_script(
            "var e = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
            "return e ? e.textContent : null;")
        rep.check(tag + " history page has the notice's section with its version",
                  bool(found) and bool(version) and version in found, driver.current_url)
    # A withdrawn notice (if the site has one): its page says so, without the body.
    api = os.path.join(public, "api", "notices.json")
    withdrawn = [n for n in json.load(open(api, encoding="utf-8"))["notices"] if n.get("status") == "withdrawn"] \
        if os.path.exists(api) else []
    if withdrawn:
        root = notice.split("/")[0] + "//" + notice.split("/")[2] + "/"
        driver.get(root + withdrawn[0]["url"] + "index.html")
        wait_loaded(driver)
        text = driver.execute_script("return document.querySelector('article').innerText")
        body = driver.execute_script("var b = document.querySelector('.body'); return b ? b.innerText.trim() : ''")
        rep.check(tag + " withdrawn notice says 本公告已于…撤回 and why, without its body",
                  "撤回。" in text and "撤回原因：" in text and body == "", withdrawn[0]["url"])
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "verify_ledger.py")
    if os.path.exists(os.path.join(public, "ledger.json")):
        run = subprocess.run([sys.executable, script, public], capture_output=True, text=True)
        rep.check(tag + " docs/verify_ledger.py accepts the built site", run.returncode == 0,
                  (run.stdout + run.stderr).strip().splitlines()[-1] if (run.stdout + run.stderr).strip() else "")


def community_folders(public):
    out = set()
    for name in os.listdir(public):
        p = os.path.join(public, name)
        if os.path.isdir(p) and name not in RESERVED_TOP:
            try:
                if any(YEAR.match(y) and os.path.isdir(os.path.join(p, y)) for y in os.listdir(p)):
                    out.add(name)
            except OSError:
                pass
    return out


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print("usage: python3 Tests/Browser/browse_test.py PUBLIC_DIR", file=sys.stderr)
        return 2
    public = os.path.abspath(argv[1])
    if not os.path.isfile(os.path.join(public, "index.html")):
        print("browse_test: %s has no index.html (build the site first)" % public, file=sys.stderr)
        return 2
    shots = os.environ.get("SCREENSHOT_DIR") or None
    if shots:
        os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    rep = Report()
    communities = community_folders(public)

    tmp = tempfile.mkdtemp(prefix="gongkai-browse-")
    try:
        os.symlink(public, os.path.join(tmp, "sub"))
    except OSError:
        shutil.copytree(public, os.path.join(tmp, "sub"))
    with open(os.path.join(tmp, "jsprobe.html"), "w", encoding="utf-8") as fh:
        fh.write(JS_PROBE)
    root_srv, sub_srv = Server(public), Server(tmp)
    drivers = []
    try:
        try:
            driver = make_driver()
            drivers.append(driver)
        except Exception as e:  # noqa: BLE001 - report any start-up failure as a check
            rep.check("start headless Chromium", False, str(e).splitlines()[0] if str(e) else repr(e))
            return finish(rep, started)
        notice = walk(rep, driver, root_srv, root_srv.origin + "/", "[/]", communities, shots)
        server_check(rep, "[/]", root_srv)
        walk(rep, driver, sub_srv, sub_srv.origin + "/sub/", "[/sub/]", communities)
        server_check(rep, "[/sub/]", sub_srv)
        if notice:
            driver.get(notice)
            wait_loaded(driver)
            title = facts(driver)["h1"]
            sub_notice = sub_srv.origin + "/sub/" + "/".join(rel_segments(notice, root_srv.origin + "/")) + "/index.html"
            search_checks(rep, driver, sub_srv.origin + "/sub/", sub_notice, title)
            ledger_checks(rep, driver, public, notice)
            if shots:
                driver.save_screenshot(os.path.join(shots, "search.png"))

        # -- the same notice with JavaScript off
        if notice:
            try:
                nojs = make_driver(javascript=False)
                drivers.append(nojs)
                nojs.get(sub_srv.origin + "/jsprobe.html")
                off = nojs.title == "js-off"
                rep.check("[no-js] JavaScript is off in the second browser", off, "title %r" % nojs.title)
                nojs.get(notice)
                wait_loaded(nojs)
                if shots:
                    nojs.save_screenshot(os.path.join(shots, "notice-nojs.png"))
                content_checks(rep, "[no-js]", facts(nojs))
            except WebDriverException as e:
                rep.check("[no-js] notice page loads", False, str(e).splitlines()[0])
        else:
            rep.check("[no-js] notice page", False, "no notice page reached in the [/] walk")
    finally:
        for d in drivers:
            try:
                d.quit()
            except Exception:  # noqa: BLE001
                pass
        root_srv.close()
        sub_srv.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return finish(rep, started)


def finish(rep, started):
    print("      (%.1f s)" % (time.monotonic() - started))
    print("%d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
