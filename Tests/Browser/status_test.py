#!/usr/bin/env python3
"""Browser test of the live 公示 status (templates/assets/status.js).

Usage: python3 Tests/Browser/status_test.py PUBLIC_DIR

Takes the first notice with a 公示期 from PUBLIC_DIR/api/notices.json and
opens its page in headless Chromium with the reader's clock fixed (Date is
replaced before any page script runs, through the DevTools command
Page.addScriptToEvaluateOnNewDocument) at 10:00 Beijing time on:

  * two days before the period       -> 即将公示（2 天后开始）
  * the first day                    -> 公示中（还剩 N 天）, N = end - day
  * the last day                     -> 公示中（今天是最后一天）
  * the day after                    -> 公示已结束
  * with JavaScript off              -> no status line, the plain-text dates

One line per check, then `N passed, M failed`; exit status 1 if any failed,
2 on wrong usage or without selenium/chromium.
"""

import datetime
import json
import os
import sys

from chromium import ChromiumNotFound, SiteHandler, SiteServer, make_driver

FAKE_DATE = """
(function () {
  var fixed = %d, RealDate = Date;
  function FakeDate() {
    if (!(this instanceof FakeDate)) return new RealDate(fixed).toString();
    var a = Array.prototype.slice.call(arguments);
    return a.length ? new (Function.prototype.bind.apply(RealDate, [null].concat(a)))() : new RealDate(fixed);
  }
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = function () { return fixed; };
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  window.Date = FakeDate;
})();
"""


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    public = argv[1]
    with open(os.path.join(public, "api", "notices.json"), encoding="utf-8") as f:
        notices = [n for n in json.load(f)["notices"] if n.get("period")]
    if not notices:
        print("status_test: no notice with a 公示期 in api/notices.json", file=sys.stderr)
        return 2
    notice = notices[0]
    start = datetime.date.fromisoformat(notice["period"]["from"])
    end = datetime.date.fromisoformat(notice["period"]["to"])
    cases = [
        (start - datetime.timedelta(days=2), "即将公示（2 天后开始）"),
        (start, "公示中（还剩 %d 天）" % (end - start).days),
        (end, "公示中（今天是最后一天）"),
        (end + datetime.timedelta(days=1), "公示已结束"),
    ]
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        print("%s %s%s" % ("PASS" if ok else "FAIL", name, (" — " + detail) if detail else ""))
        if ok:
            passed += 1
        else:
            failed += 1

    server = SiteServer(public, SiteHandler)
    url = server.origin + "/" + notice["url"] + "index.html"
    try:
        driver = make_driver()
    except (ImportError, ChromiumNotFound) as e:
        print("status_test: %s" % e, file=sys.stderr)
        return 2
    try:
        for day, expected in cases:
            # 10:00 in Beijing (UTC+8) on `day`.
            moment = datetime.datetime(day.year, day.month, day.day, 2, 0, tzinfo=datetime.timezone.utc)
            script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                            {"source": FAKE_DATE % int(moment.timestamp() * 1000)})
            driver.get(url)
            text = driver.execute_script(
                "var b = document.querySelector('[data-status-live]');"
                "return b && !b.hidden ? b.textContent : null;")
            check("%s on %s: %s" % (notice["id"], day.isoformat(), expected),
                  text is not None and text.startswith(expected), repr(text))
            driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    finally:
        driver.quit()
    driver = make_driver(javascript=False)
    try:
        driver.get(url)
        hidden = driver.execute_script("var b = document.querySelector('[data-status-live]'); return !b || b.hidden;")
        check("JavaScript off: no status line", hidden is True)
        body = driver.find_element("css selector", ".notice-status").text
        check("JavaScript off: 公示期 and 异议 in plain text", "公示期：" in body and "如有异议" in body, repr(body[:80]))
    finally:
        driver.quit()
        server.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
