#!/usr/bin/env python3
"""The screenshots of docs/clerk-guide.md: the example site on a 360 px phone.

Usage (from the repository root, after building the example site):
    .build/debug/gongkai build --site . --output /tmp/pub --quiet
    python3 scripts/doc-screenshots.py /tmp/pub docs/images

Writes home.png, community.png, notice-table.png and search.png, each
360 x 740 CSS px at device pixel ratio 1 (so the PNG is 360 px wide), with
headless Chromium through Tests/Browser/chromium.py (selenium). Then
re-encodes each PNG with a 64-colour palette through Pillow when Pillow is
installed (to stay well under 150 KB), else leaves Chromium's PNG.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
from chromium import SiteHandler, SiteServer, make_driver  # noqa: E402


def widest_table_notice(public):
    best = None
    for root, _dirs, files in os.walk(public):
        if "index.html" not in files or root.count(os.sep) - public.count(os.sep) != 3:
            continue
        with open(os.path.join(root, "index.html"), encoding="utf-8") as fh:
            html = fh.read()
        head = html.split("<thead>", 1)[1].split("</thead>", 1)[0] if "<thead>" in html else ""
        cols = head.count("<th ") + head.count("<th>")
        money = "/caiwu" in root  # finance tables are what clerks publish most
        if cols and (best is None or (money, cols, root) > best):
            best = (money, cols, root)
    return os.path.relpath(best[2], public) + "/index.html"


def settle(driver):
    driver.execute_script("return document.fonts && document.fonts.ready")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    public, out = os.path.abspath(argv[1]), argv[2]
    os.makedirs(out, exist_ok=True)
    server = SiteServer(public, SiteHandler)
    driver = make_driver(pixel_ratio=1.0)
    shots = []
    try:
        def shot(name, path, prepare=None):
            driver.get(server.origin + "/" + path)
            if prepare:
                prepare()
            settle(driver)
            target = os.path.join(out, name + ".png")
            driver.save_screenshot(target)
            shots.append(target)

        community = sorted(d for d in os.listdir(public)
                           if os.path.isdir(os.path.join(public, d)) and any(
                               y.isdigit() and len(y) == 4 for y in os.listdir(os.path.join(public, d))))
        shot("home", "index.html")
        shot("community", ("mazhuang" if "mazhuang" in community else community[0]) + "/index.html")

        def to_table():
            driver.execute_script(
                "const t = document.querySelector('.table-wrap');"
                "window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY - 260);"
                "t.scrollLeft = t.querySelector('td').offsetWidth;")  # swiped past the date column
        preferred = "xinhua/2026/caiwu-2026-shangbannian/index.html"  # a typical half-year finance table
        shot("notice-table", preferred if os.path.isfile(os.path.join(public, preferred)) else widest_table_notice(public),
             to_table)

        def search():
            from selenium.webdriver.support.ui import WebDriverWait
            box = driver.find_element("id", "q")
            box.send_keys("低保")
            driver.find_element("css selector", "#search-form button[type=submit]").click()
            WebDriverWait(driver, 15).until(
                lambda d: d.execute_script("return document.querySelectorAll('#results li').length") > 0)
            driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
        shot("search", "search/index.html", search)
    finally:
        driver.quit()
        server.close()
    try:
        from PIL import Image
    except ImportError:
        Image = None
    for path in shots:
        if Image:
            Image.open(path).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
        print("%s  %.0f KB" % (path, os.path.getsize(path) / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
