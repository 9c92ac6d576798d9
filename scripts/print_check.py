#!/usr/bin/env python3
"""Prints notice pages to A4 PDF in headless Chromium and checks the sheets.

    python3 scripts/print_check.py PUBLIC_DIR [NOTICE_PATH ...] [--png OUT_DIR]

NOTICE_PATH is a page folder below PUBLIC_DIR, e.g. xinhua/2026/caiwu-2026-10
(default: the example site's two finance notices whose tables come from an
xlsx and a GBK CSV). For each page it:

  1. opens it over a local http.server and prints it with the DevTools call
     Page.printToPDF (A4, the page's own @media print rules);
  2. checks the PDF text (pdftotext): title, 公示期, the table's 合计 row, no
     打印 button and no site navigation;
  3. renders every PDF page to PNG (pdftoppm, 100 dpi), decodes the QR code on
     them with zbarimg and checks that it is the page's canonical URL
     (<link rel="canonical">).

Needs: chromium, chromium-driver, python selenium (scripts/install-deps.sh
test), poppler-utils (pdftotext, pdftoppm) and zbar-tools (zbarimg), which
`scripts/install-deps.sh print` installs. --png keeps the page images (to look
at them). Exit status 0 when every check passes.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "Browser"))
from chromium import SiteServer, SiteHandler, make_driver  # noqa: E402

DEFAULT_PAGES = ["xinhua/2026/caiwu-2026-10", "shiqiao/2026/caiwu-2026-10"]


def print_pdf(driver, url):
    import base64
    driver.get(url)
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
        "printBackground": False, "displayHeaderFooter": False})
    return base64.b64decode(result["data"])


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    png_dir = None
    if "--png" in argv:
        png_dir = argv[argv.index("--png") + 1]
        args.remove(png_dir)
        os.makedirs(png_dir, exist_ok=True)
    if not args:
        print(__doc__)
        return 2
    public = os.path.abspath(args[0])
    pages = args[1:] or DEFAULT_PAGES
    failures = 0
    server = SiteServer(public, SiteHandler)
    driver = make_driver()
    try:
        for page in pages:
            page = page.strip("/")
            html = open(os.path.join(public, page, "index.html"), encoding="utf-8").read()
            m = re.search(r'<link rel="canonical" href="([^"]+)">', html)
            canonical = m.group(1) if m else None
            title = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
            pdf = print_pdf(driver, "%s/%s/index.html" % (server.origin, page))
            with tempfile.TemporaryDirectory() as tmp:
                pdf_path = os.path.join(tmp, "page.pdf")
                open(pdf_path, "wb").write(pdf)
                text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True,
                                      text=True, check=True).stdout
                sheets = text.count("\f") or 1
                prefix = os.path.join(png_dir or tmp, page.replace("/", "_"))
                subprocess.run(["pdftoppm", "-r", "100", "-png", pdf_path, prefix], check=True)
                pngs = sorted(p for p in os.listdir(png_dir or tmp)
                              if p.startswith(os.path.basename(prefix)) and p.endswith(".png"))
                decoded = []
                for p in pngs:
                    z = subprocess.run(["zbarimg", "--quiet", "--raw", os.path.join(png_dir or tmp, p)],
                                       capture_output=True, text=True)
                    decoded += [line for line in z.stdout.splitlines() if line.strip()]
            checks = [("title printed", title in text.replace(" ", ""))]
            if "<dt>公示期</dt>" in html:
                checks.append(("公示期 printed", "公示期" in text))
            if '<tr class="total">' in html:
                checks.append(("合计 row printed", "合计" in text))
            checks += [
                ("no 打印 button", "打印本公告" not in text),
                ("no site navigation", "跳到正文" not in text and "订阅更新" not in text),
                ("QR code decodes to the canonical URL %s" % canonical,
                 canonical is not None and decoded == [canonical]),
            ]
            print("%s: %d page(s) A4, QR: %s" % (page, sheets, decoded or "none found"))
            for name, ok in checks:
                print("  %s %s" % ("ok  " if ok else "FAIL", name))
                failures += 0 if ok else 1
    finally:
        driver.quit()
        server.close()
    print("print check: %s" % ("all passed" if failures == 0 else "%d failed" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
