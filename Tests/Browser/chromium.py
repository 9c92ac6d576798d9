"""Headless Chromium as a 360x740 phone, and the local server of the site it
opens, for Tests/Browser/browse_test.py and bench/search_bench.py (which adds
this folder to sys.path).

Needs (installs nothing): Debian's `chromium` and `chromium-driver`, and the
python `selenium` package, imported only when a driver is made.  CHROMIUM=...
/ CHROMEDRIVER=... override the binaries.  Importing this module sets
SE_OFFLINE=true (unless set): selenium-manager never downloads anything.
"""

import functools
import http.server
import os
import shutil
import threading

os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager: never download anything

WIDTH, HEIGHT = 360, 740


class ChromiumNotFound(RuntimeError):
    """No chromium or no chromedriver binary."""


def find_binary(env, names, extra=()):
    if os.environ.get(env):
        return os.environ[env]
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    for p in extra:
        if os.path.exists(p):
            return p
    return None


def make_driver(javascript=True, page_load_timeout=15, pixel_ratio=2.0, height=HEIGHT):
    """A headless Chromium with an empty profile emulating a WIDTHxHEIGHT phone
    (mobileEmulation; a plain desktop window cannot be narrower than 500 px).
    Raises ImportError without selenium, ChromiumNotFound without the binaries."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    chromium = find_binary("CHROMIUM", ["chromium", "chromium-browser", "google-chrome"])
    driver_bin = find_binary("CHROMEDRIVER", ["chromedriver"], ["/usr/lib/chromium/chromedriver"])
    if not chromium or not driver_bin:
        raise ChromiumNotFound("chromium or chromedriver not found (Debian: chromium, chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                "--window-size=%d,%d" % (WIDTH, height)):
        opts.add_argument(arg)
    opts.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": WIDTH, "height": height, "pixelRatio": pixel_ratio, "touch": True}})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        opts.add_argument("--blink-settings=scriptEnabled=false")
    driver = webdriver.Chrome(service=Service(executable_path=driver_bin), options=opts)
    driver.set_page_load_timeout(page_load_timeout)
    return driver


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with UTF-8 content types and logs nothing to stderr."""

    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map, **{
        ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8", ".json": "application/json",
        ".xml": "application/xml; charset=utf-8"})

    def log_message(self, *args):
        pass


class SiteServer:
    """http.server serving `directory` with `handler` (a SiteHandler subclass)
    on 127.0.0.1:<free port>, in daemon threads; .origin is its http:// URL."""

    def __init__(self, directory, handler):
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=directory))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origin = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class RecordingServer(SiteServer):
    """SiteServer that records every request as (path, status) in .requests."""

    def __init__(self, directory):
        self.requests = []
        log = self.requests

        class Handler(SiteHandler):
            def log_request(self, code="-", size="-"):
                try:
                    code = int(getattr(code, "value", code))
                except (TypeError, ValueError):
                    code = 0
                log.append((self.path, code))

        super().__init__(directory, Handler)


def open_search(driver, url, timeout=10):
    """Opens a search page (url with ?q=…) and waits until #results says
    data-state="done" or "error" (docs/design.md §5); returns that state,
    or the last one seen when `timeout` seconds pass."""
    import time
    driver.get(url)
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = driver.execute_script("var r=document.getElementById('results');return r&&r.getAttribute('data-state')")
        if state in ("done", "error"):
            break
        time.sleep(0.05)
    return state


class Report:
    """PASS/FAIL lines and their counts, for the browser test scripts."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print("%s  %s%s" % ("PASS" if ok else "FAIL", name, (" — " + detail) if detail else ""), flush=True)
        return ok

    def note(self, text):
        print("      " + text, flush=True)
