#!/usr/bin/env python3
"""Browser test of notices imported from Word (`gongkai import`, docs/import.md),
as a resident sees them on a 360 px phone.

Usage:
    python3 Tests/Browser/import_test.py path/to/gongkai [SCREENSHOT.png]

Copies the example site (content/) to a temp folder, imports three files of
the corpus (Tests/Fixtures/word) as a clerk would, writes in the supervision
committee's review (the one thing only a person supplies), builds the site,
and opens each imported notice in headless Chromium at 360x740:
  * the <h1> is the title the document has, and the page does not scroll sideways;
  * every cell of every table in the document (Tests/Fixtures/word/expected.json)
    is in the page's tables, a cell with two lines in Word shows two lines, and the
    合计 row is marked as a total;
  * the image of the document is shown in the body, loaded, and no wider than the screen;
  * body text is at least 16 px.
With SCREENSHOT, saves the finance notice's page (for docs/clerk-guide.md).
One line per check, then `N passed, M failed`; exit 1 if any failed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from chromium import Report, SiteHandler, SiteServer, WIDTH, make_driver  # noqa: E402

CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "word")
IMPORTS = [("pd-caiwu-2026-q3.docx", "liuhe"), ("lo-zhaobiao-cundao.docx", "mazhuang"), ("lo-dibao-2026-q4.docx", "mazhuang")]


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    binary, screenshot = os.path.abspath(argv[1]), (os.path.abspath(argv[2]) if len(argv) == 3 else None)
    expected = {e["file"]: e for e in json.load(open(os.path.join(CORPUS, "expected.json"), encoding="utf-8"))}
    report = Report()
    work = tempfile.mkdtemp(prefix="gongkai-import-browser-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"))
    env = dict(os.environ, NO_COLOR="1", GONGKAI_TODAY="2026-11-07", SOURCE_DATE_EPOCH="1794038400")
    pages = []
    try:
        for name, community in IMPORTS:
            run = subprocess.run([binary, "import", os.path.join(CORPUS, name), "--community", community, "--site", site],
                                 capture_output=True, text=True, env=env, timeout=120)
            if not report.check("gongkai import %s" % name, run.returncode == 0, "" if run.returncode == 0 else run.stderr[-300:]):
                continue
            notice = run.stdout.split("\n")[0]
            path = os.path.join(site, notice)
            text = open(path, encoding="utf-8").read()
            # The supervision committee has reviewed it: the clerk writes the line in.
            text = text.replace("\n# 审核: ", "\n审核: ").replace("    ← 发布前须经", "    # 发布前须经")
            open(path, "w", encoding="utf-8").write(text)
            parts = notice.split("/")
            pages.append((name, "%s/%s/%s/index.html" % (parts[1], parts[2], parts[3][:-3])))
        public = os.path.join(work, "public")
        build = subprocess.run([binary, "build", "--site", site, "--output", public, "--quiet"],
                               capture_output=True, text=True, env=env, timeout=600)
        if not report.check("gongkai build of the site with the imported notices", build.returncode == 0,
                            "" if build.returncode == 0 else build.stderr[-500:]):
            return 1
        server = SiteServer(public, SiteHandler)
        driver = make_driver()
        try:
            for name, page in pages:
                entry = expected[name]
                driver.get(server.origin + "/" + page)
                h1 = driver.execute_script("var h=document.querySelector('h1');return h?h.textContent.trim():''")
                report.check("%s: the title is the document's" % name, h1 == entry["title"], repr(h1))
                width = driver.execute_script("return document.documentElement.scrollWidth")
                report.check("%s: no sideways scrolling at %d px" % (name, WIDTH), width <= WIDTH, "scrollWidth %s" % width)
                cells = driver.execute_script(
                    "return Array.from(document.querySelectorAll('article td, article th, article caption')).map(function(c){return c.innerText.trim();})")
                wanted = [cell for table in entry["tables"] for row in table for cell in row if cell]
                missing = [c for c in wanted if c not in cells]
                report.check("%s: every table cell of the document is on the page (%d)" % (name, len(wanted)), not missing,
                             "missing %r" % missing[:5])
                multi = [c for c in wanted if "\n" in c]
                if multi:
                    report.check("%s: a cell with two lines in Word shows two lines" % name,
                                 all(c in cells for c in multi))
                if any(row and row[0] == "合计" for table in entry["tables"] for row in table):
                    total = driver.execute_script("return document.querySelectorAll('article tr.total').length")
                    report.check("%s: the 合计 row is marked as a total" % name, total >= 1)
                if entry.get("images"):
                    image = driver.execute_script(
                        "var i=document.querySelector('.body img');"
                        "return i?[i.complete&&i.naturalWidth>0,i.getBoundingClientRect().width,i.getAttribute('alt')]:null")
                    report.check("%s: the image is shown in the body, loaded and within the screen" % name,
                                 bool(image) and image[0] and image[1] <= WIDTH, repr(image))
                size = driver.execute_script("var p=document.querySelector('.body p');return p?parseFloat(getComputedStyle(p).fontSize):0")
                report.check("%s: body text is at least 16 px" % name, size >= 16, "%s px" % size)
                if screenshot and name.startswith("pd-caiwu"):
                    # As docs/images: 360 px wide at pixel ratio 1, from the body's first heading.
                    shooter = make_driver(pixel_ratio=1.0)
                    try:
                        shooter.get(server.origin + "/" + page)
                        shooter.execute_script("var h=document.querySelector('.body h2');if(h)window.scrollTo(0,h.getBoundingClientRect().top+window.scrollY-12)")
                        shooter.save_screenshot(screenshot)
                    finally:
                        shooter.quit()
                    report.note("screenshot: " + screenshot)
        finally:
            driver.quit()
            server.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
