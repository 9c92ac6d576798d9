#!/usr/bin/env python3
"""How well `gongkai import` reads the fixture corpus (Tests/Fixtures/word):
imports every file into a copy of the example site, as a clerk would, and
compares what it wrote with Tests/Fixtures/word/expected.json (what a person
reading each document finds). Prints one line per file and the fractions of
titles, dates, 文号, issuers, categories and table cells that came out right.

Usage: python3 scripts/import_accuracy.py [path/to/gongkai]   (default .build/debug/gongkai)
Exit status 1 when anything differs (so it can gate a change), else 0.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "word")


def front_matter(text):
    lines = text.split("\n")
    values = {}
    end = lines.index("---", 1)
    for line in lines[1:end]:
        m = re.match(r"^([^#\s][^:]*):\s*(.*)$", line)
        if m:
            value = m.group(2).strip()
            if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            values[m.group(1)] = value
    return values, "\n".join(lines[end + 1:])


def unescape(cell):
    return re.sub(r"\\(.)", r"\1", cell)


def tables(body, folder):
    """Pipe tables and table blocks of the body, in order, as grids of text."""
    found = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^```(?:table|表格)\s+(\S+)", line)
        if m:
            with open(os.path.join(folder, m.group(1)), encoding="utf-8-sig", newline="") as f:
                rows = [row for row in csv.reader(f)]
            found.append([[c.replace("\r\n", "\n") for c in row] for row in rows if any(c.strip() for c in row)])
            i += 1
            continue
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|(\s*:?-+:?\s*\|)+$", lines[i + 1]):
            grid = []
            caption = lines[i - 2] if i >= 2 and re.match(r"^\*\*.+\*\*$", lines[i - 2]) else None
            if caption:
                grid.append([unescape(caption[2:-2])])
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                if j != i + 1:
                    cells = re.split(r"(?<!\\)\|", lines[j].strip())[1:-1]
                    grid.append([unescape(c.strip()) for c in cells])
                j += 1
            found.append(grid)
            i = j
            continue
        i += 1
    return found


def compare_cells(expected, got):
    right = total = 0
    for t, table in enumerate(expected):
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                total += 1
                try:
                    if got[t][r][c] == cell:
                        right += 1
                except IndexError:
                    pass
    return right, total


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "gongkai")
    expected = json.load(open(os.path.join(FIXTURES, "expected.json"), encoding="utf-8"))
    work = tempfile.mkdtemp(prefix="gk-accuracy-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"))
    committees = {}
    for community in os.listdir(os.path.join(site, "content")):
        path = os.path.join(site, "content", community, "community.yml")
        if os.path.exists(path):
            text = open(path, encoding="utf-8").read()
            m = re.search(r"^committee:\s*(\S+)", text, re.M)
            name = re.search(r"^name:\s*(\S+)", text, re.M).group(1)
            kind = re.search(r"^kind:\s*(\S+)", text, re.M).group(1)
            committees[community] = m.group(1) if m else name + ("村民委员会" if kind == "村" else "居民委员会")
    categories = dict(re.findall(r"- slug: (\S+)\n\s+name: (\S+)", open(os.path.join(site, "content", "site.yml"), encoding="utf-8").read()))
    names_to_slug = {v: k for k, v in categories.items()}
    env = dict(os.environ, GONGKAI_TODAY="2026-11-07", NO_COLOR="1")
    score = {k: [0, 0] for k in ["标题", "日期", "文号", "发布单位", "类别", "公示期", "表格格子", "段落顺序", "图片", "隐私检查", "不能导入的文件"]}
    failures = []

    def mark(key, ok, what):
        score[key][1] += 1
        if ok:
            score[key][0] += 1
        else:
            failures.append(what)

    for entry in expected:
        name = entry["file"]
        path = os.path.join(FIXTURES, name)
        community = entry.get("community", "mazhuang")
        before = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs)
        run = subprocess.run([binary, "import", path, "--community", community, "--site", site],
                             capture_output=True, text=True, env=env, timeout=120)
        if "failure" in entry:
            after = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs)
            ok = run.returncode == 1 and "[%s]" % entry["failure"] in run.stderr and before == after
            mark("不能导入的文件", ok, "%s: exit %d, %s" % (name, run.returncode, run.stderr.strip()[:200]))
            print("%-32s %s" % (name, "拒绝导入 %s" % entry["failure"] if ok else "应当拒绝（%s）" % entry["failure"]))
            continue
        if run.returncode != 0:
            failures.append("%s: exit %d: %s" % (name, run.returncode, run.stderr.strip()[:300]))
            print("%-32s 导入失败" % name)
            continue
        notice = run.stdout.split("\n")[0].strip()
        folder = os.path.dirname(os.path.join(site, notice))
        text = open(os.path.join(site, notice), encoding="utf-8").read()
        fm, body = front_matter(text)
        mark("标题", fm.get("标题") == entry["title"], "%s 标题: %r ≠ %r" % (name, fm.get("标题"), entry["title"]))
        mark("日期", fm.get("日期") == entry["date"], "%s 日期: %r ≠ %r" % (name, fm.get("日期"), entry["date"]))
        mark("文号", fm.get("文号") == entry["number"], "%s 文号: %r ≠ %r" % (name, fm.get("文号"), entry["number"]))
        issuer = fm.get("发布单位", committees.get(community))
        mark("发布单位", issuer == entry["issuer"], "%s 发布单位: %r ≠ %r" % (name, issuer, entry["issuer"]))
        slug = names_to_slug.get(fm.get("类别"), fm.get("类别"))
        mark("类别", slug == entry["category"], "%s 类别: %r ≠ %r" % (name, slug, entry["category"]))
        if "period" in entry:
            m = re.match(r"\{起: (\S+), 止: (\S+)\}", fm.get("公示期", ""))
            got = [m.group(1), m.group(2)] if m else None
            mark("公示期", got == entry["period"], "%s 公示期: %r ≠ %r" % (name, got, entry["period"]))
        right, total = compare_cells(entry["tables"], tables(body, folder))
        score["表格格子"][0] += right
        score["表格格子"][1] += total
        if right != total:
            failures.append("%s 表格: %d/%d 格对: %r" % (name, right, total, tables(body, folder)))
        position = 0
        in_order = True
        for piece in entry["order"]:
            found = body.find(piece, position)
            if found < 0:
                in_order = False
                failures.append("%s 段落顺序: 找不到（或顺序不对）%r" % (name, piece))
                break
            position = found + len(piece)
        for gone in entry.get("absent", []):
            if gone in body:
                in_order = False
                failures.append("%s 不该出现的字出现了：%r" % (name, gone))
        mark("段落顺序", in_order, "%s 段落顺序" % name)
        images = [f for f in os.listdir(folder) if f.startswith(os.path.basename(notice)[:-3] + "-图")]
        mark("图片", len(images) == entry["images"] and body.count("![") == entry["images"], "%s 图片: %d ≠ %d" % (name, len(images), entry["images"]))
        wanted = sorted(entry.get("privacy", []))
        found = sorted("%s %s" % (m.group(2), m.group(3)) for m in re.finditer(r"^(\S+\.docx): 错误\[(GK17\d)\]: ([^：]+)：", run.stderr, re.M))
        mark("隐私检查", found == wanted, "%s 隐私检查: %r ≠ %r" % (name, found, wanted))
        for code in entry.get("warnings", []):
            if "[%s]" % code not in run.stderr:
                failures.append("%s: 没有报 %s" % (name, code))
        print("%-32s %s → %s" % (name, fm.get("标题"), notice))
    print()
    for key, (right, total) in score.items():
        if total:
            print("%s：%d/%d（%.0f%%）" % (key, right, total, 100.0 * right / total))
    if failures:
        print("\n不对的地方：")
        for f in failures:
            print("  " + f)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
