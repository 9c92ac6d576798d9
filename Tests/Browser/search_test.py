#!/usr/bin/env python3
"""Browser test of search in long, structured documents (docs/search-index.md),
through the real search page in headless Chromium.

Usage:
    python3 Tests/Browser/search_test.py path/to/gongkai

Writes a small site to a temp folder: a long law written as plain paragraphs
(第一章　总则 … articles 第一条 … 第四十条), a village's rules with Markdown
headings, short notices that mention the same terms in passing, and notices
that say 民主管理 as a phrase or only its characters apart; builds it and checks:
  * a chapter title as the query: the long law ranks first, above the short
    notices that mention it in passing, and its hit links to the chapter's
    anchor, which the page has;
  * a law and an article (…法第十二条): the law first, linked to #第十二条;
  * a Markdown heading of the rules: linked to its anchor;
  * a phrase: every notice that says 民主管理 ranks above those that only
    have 民主 … 主管 … 管理, even the one whose title says more of them;
  * the filter by category keeps the hits in it;
  * every index file but the manifest is asked for with the build's stamp;
  * an index of another format (a manifest of format 2) is refused cleanly:
    data-state="error" and a message, no exception left unhandled.
One line per check, then `N passed, M failed`; exit 1 if any failed.
"""

import os
import subprocess
import sys
import tempfile
from urllib.parse import quote, unquote

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from chromium import Report, SiteHandler, SiteServer, make_driver, open_search  # noqa: E402

CN = "零一二三四五六七八九"


def cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


CHAPTERS = ["总则", "村民委员会的组成和职责", "村民委员会的选举", "村民会议和村民代表会议", "民主管理和民主监督", "附则"]


def law():
    out, n = ["（1998年11月4日第九届全国人民代表大会常务委员会第五次会议通过）", "目　　录"], 0
    out += ["第%s章　%s" % (cn(i), c) for i, c in enumerate(CHAPTERS, 1)]
    for i, ch in enumerate(CHAPTERS, 1):
        out.append("第%s章　%s" % (cn(i), ch))
        for _ in range(7):
            n += 1
            out.append("第%s条　村民委员会应当依照法律规定开展工作，接受村民监督，及时公布村务事项。"
                       "乡、民族乡、镇的人民政府对村民委员会的工作给予指导、支持和帮助。" % cn(n))
    return "\n\n".join(out) + "\n"


RULES = """## 一、社会治安

村民之间应当团结友爱，和睦相处。

## 二、环境卫生

自觉维护村内环境卫生，垃圾入桶，不乱扔乱倒。

## 三、土地管理

村民承包的土地不得擅自改变用途。
"""

NOTICES = [
    # (file, title, category, date, body)
    ("zuzhifa", "中华人民共和国村民委员会组织法", "fagui", "2018-12-29", law()),
    ("cunguiminyue", "马庄村村规民约", "fagui", "2024-03-01", RULES),
    ("huiyi-1", "马庄村两委会议纪要", "tongzhi", "2025-03-02",
     "会议由村党支部书记主持。会议还学习了村民委员会的选举有关规定。请各组按时参加。\n"),
    ("huiyi-2", "马庄村三月份工作安排", "tongzhi", "2025-03-20",
     "本月重点做好春耕工作。有村民提出村民委员会的选举方面的问题，村委会已记录。\n"),
    ("huiyi-3", "关于召开村民代表会议的通知", "tongzhi", "2025-04-01",
     "定于四月十日召开村民代表会议。会议顺带通报了环境卫生有关情况。\n"),
    ("minzhu-1", "马庄村村务管理制度", "tongzhi", "2024-05-01",
     "为加强民主管理，规范村务工作，制定本制度。\n"),
    ("minzhu-2", "柳河村民主管理工作总结", "tongzhi", "2024-06-01",
     "一年来，我村坚持民主管理，村务公开及时。\n"),
    ("minzhu-3", "民主评议主管部门管理情况通报", "tongzhi", "2024-07-01",
     "组织开展民主评议，由主管部门加强管理。民主评议结果另行公布。\n"),
]


def write_site(site):
    content = os.path.join(site, "content")
    os.makedirs(os.path.join(content, "mazhuang"))
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: 搜索测试站\ntown: 青山镇\ntimezone: Asia/Shanghai\ncategories:\n"
                "  - slug: fagui\n    name: 政策法规\n  - slug: tongzhi\n    name: 通知公告\n")
    with open(os.path.join(content, "mazhuang", "community.yml"), "w", encoding="utf-8") as f:
        f.write("name: 马庄村\nkind: 村\n")
    names = {"fagui": "政策法规", "tongzhi": "通知公告"}
    for slug, title, cat, date, body in NOTICES:
        folder = os.path.join(content, "mazhuang", date[:4])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: %s\ndate: %s\ncategory: %s\n---\n\n%s" % (title, date, names[cat], body))


def run_query(driver, base, query, extra=""):
    state = open_search(driver, base + "search/index.html?q=" + quote(query) + extra)
    hits = driver.execute_script(
        "return Array.from(document.querySelectorAll('#results > li')).map(function(li){"
        "var a=li.querySelector('a');return [a.getAttribute('href'), a.textContent]})") if state == "done" else []
    return state, hits


def slug_of(href):
    return href.split("#")[0].rstrip("/").replace("/index.html", "").split("/")[-1]


def fragment(href):
    return unquote(href.split("#", 1)[1]) if "#" in href else ""


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    report = Report()
    work = tempfile.mkdtemp(prefix="gongkai-search-browser-")
    site, public = os.path.join(work, "site"), os.path.join(work, "public")
    write_site(site)
    build = subprocess.run([binary, "build", "--site", site, "--output", public, "--quiet"],
                           capture_output=True, text=True, timeout=600)
    if not report.check("gongkai build of the test site", build.returncode == 0, build.stderr[-500:]):
        return finish(report)
    server = SiteServer(public, SiteHandler)
    driver = make_driver()
    base = server.origin + "/"
    try:
        def anchor_exists(href):
            driver.get(base + "search/" + href.split("#")[0])
            return driver.execute_script("return !!document.getElementById(arguments[0])", fragment(href))

        state, hits = run_query(driver, base, "村民委员会的选举")
        slugs = [slug_of(h) for h, _ in hits]
        report.check("a chapter title: the long law first", slugs[:1] == ["zuzhifa"], repr(slugs))
        report.check("…above the notices that mention it in passing",
                     "zuzhifa" in slugs and all(slugs.index("zuzhifa") < slugs.index(s) for s in ("huiyi-1", "huiyi-2") if s in slugs),
                     repr(slugs))
        if hits:
            href = hits[0][0]
            report.check("…linked to the chapter", fragment(href) == "第三章-村民委员会的选举", href)
            report.check("…whose anchor the page has (not the table of contents)", anchor_exists(href), href)

        state, hits = run_query(driver, base, "村民委员会组织法第十二条")
        report.check("a law and an article: the law first, linked to the article",
                     bool(hits) and slug_of(hits[0][0]) == "zuzhifa" and fragment(hits[0][0]) == "第十二条",
                     repr(hits[:1]))
        if hits:
            report.check("…whose paragraph has the anchor", anchor_exists(hits[0][0]), hits[0][0])

        state, hits = run_query(driver, base, "环境卫生")
        rules = [h for h, _ in hits if slug_of(h) == "cunguiminyue"]
        report.check("a Markdown heading: linked to it", bool(rules) and fragment(rules[0]) == "二环境卫生", repr(rules))

        state, hits = run_query(driver, base, "民主管理")
        slugs = [slug_of(h) for h, _ in hits]
        phrase = {"minzhu-1", "minzhu-2", "zuzhifa"}
        report.check("a phrase: every notice that says it before those that only have its characters apart",
                     set(slugs[:3]) == phrase and "minzhu-3" in slugs[3:], repr(slugs))

        state, hits = run_query(driver, base, "村民委员会", "&category=fagui")
        report.check("a category filter keeps the hits in it",
                     state == "done" and hits and all(slug_of(h) in ("zuzhifa", "cunguiminyue") for h, _ in hits), repr(hits))

        entries = driver.execute_script(
            "return performance.getEntriesByType('resource').map(function(e){return e.name})"
            ".filter(function(n){return n.indexOf('/search/') >= 0 && n.indexOf('.json') >= 0})")
        stamped = [e for e in entries if "manifest.json" not in e]
        report.check("index files are asked for with the build's stamp",
                     bool(stamped) and all("?b=" in e for e in stamped), repr([e for e in stamped if "?b=" not in e][:2]))

        # An index of another format: refused, with a message.
        manifest = os.path.join(public, "search", "manifest.json")
        text = open(manifest, encoding="utf-8").read()
        with open(manifest, "w", encoding="utf-8") as f:
            f.write(text.replace('"v":3', '"v":2'))
        if os.path.exists(manifest + ".gz"):
            os.remove(manifest + ".gz")
        state, hits = run_query(driver, base, "民主管理")
        status = driver.execute_script("return document.getElementById('status').textContent")
        report.check("a manifest of another format: data-state=error and a message",
                     state == "error" and "搜索暂时无法使用" in status, "%r %r" % (state, status))
    finally:
        driver.quit()
        server.close()
        subprocess.run(["rm", "-rf", work])
    return finish(report)


def finish(report):
    print("%d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
