#!/usr/bin/env python3
"""Generate a site of awkward notices: every way a clerk (or a copy and paste)
writes front matter and numbers, for comparing two parse stages
(bench/parse_golden.sh) rather than for speed.

Usage:
    python3 bench/tricky_site.py SITE_DIR [N] [--seed 1]

N notices (default 3000) in three communities. Front matter: English keys
and Chinese aliases; plain, quoted, block and folded scalars; comments;
flow and block mappings and sequences; odd spacing, tabs, CRLF, a BOM,
trailing full-width spaces; empty values, unknown, duplicated and
doubly spelled keys, Chinese colons, anchors, aliases and tags; bad dates,
reversed and short periods; attachments present and missing; withdrawals
and revisions; files that are not UTF-8 or have no front matter. Bodies:
Chinese text with amounts, dates, codes, masked numbers and valid resident
ID, bank card and mobile numbers in the forms PrivacyScanner knows
(full-width, grouped, +86, split by Markdown emphasis, in tables).

SITE_DIR is (re)created; it must be absent or an earlier output (it carries
a `.tricky_site` marker). Same (N, seed) -> byte-identical site.
"""

import argparse
import os
import random
import shutil
import sys

MARKER = ".tricky_site"

SITE_YML = """title: 怪例镇村务公开
town: 怪例镇
timezone: Asia/Shanghai
rules: province-5
public_contacts:
  - 0531-8765 4321
  - 13800138000
categories:
  - slug: caiwu
    name: 财务公开
    type: finance
  - slug: juece
    name: 四议两公开
    type: major
    number_required: true
  - slug: dibao
    name: 低保与救助
    type: welfare
    min_display_days: 7
  - slug: tongzhi
    name: 通知公告
    type: notice
"""

COMMUNITIES = {
    "dongcun": "name: 东村\nkind: 村\ntown: 怪例镇\nphone: 0531-8765 4330\n",
    "xicun": "name: 西村\nkind: 村\ntown: 怪例镇\npublic_contacts: [13912345678]\nsupervision:\n  name: 西村村务监督委员会\n  phone: 0531 87654399\n",
    "nanshe": "name: 南社区\nkind: 社区\ntown: 怪例镇\n",
}

WORDS = ["关于", "做好", "村集体", "收支", "情况", "公开", "低保", "对象", "审核", "结果", "工程", "招标",
         "道路", "硬化", "补贴", "发放", "名单", "会议", "决议", "通知", "公示", "马庄村", "第一季度"]
PROVINCES = [11, 13, 21, 32, 37, 41, 44, 51, 61, 65]
MOBILE_PREFIXES = ["138", "139", "186", "150", "177", "199"]


def id18(r):
    body = "%02d%04d%04d%02d%02d%03d" % (r.choice(PROVINCES), r.randrange(10000), r.randrange(1950, 2010),
                                         r.randrange(1, 13), r.randrange(1, 29), r.randrange(1000))
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def id15(r):
    return "%02d%04d%02d%02d%02d%03d" % (r.choice(PROVINCES), r.randrange(10000), r.randrange(40, 99),
                                         r.randrange(1, 13), r.randrange(1, 29), r.randrange(1000))


def card(r):
    n = r.choice([16, 19])
    body = "62" + "".join(str(r.randrange(10)) for _ in range(n - 3))
    total = 0
    for k, c in enumerate(reversed(body)):
        v = int(c)
        if k % 2 == 0:
            v *= 2
            v = v - 9 if v > 9 else v
        total += v
    return body + str((10 - total % 10) % 10)


def mobile(r):
    return r.choice(MOBILE_PREFIXES) + "".join(str(r.randrange(10)) for _ in range(8))


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def number_form(r):
    """A personal number as someone might type it, or a number that is not one."""
    kind = r.randrange(16)
    if kind == 0:
        return id18(r)
    if kind == 1:
        m = mobile(r)
        return m[:3] + " " + m[3:7] + " " + m[7:]
    if kind == 2:
        return "+86 " + mobile(r)
    if kind == 3:
        return fullwidth(mobile(r))
    if kind == 4:
        c = card(r)
        return " ".join(c[i:i + 4] for i in range(0, len(c), 4))
    if kind == 5:
        return id15(r)
    if kind == 6:
        m = mobile(r)
        return m[:3] + "****" + m[7:]
    if kind == 7:
        return "ZC-2024-" + mobile(r)
    if kind == 8:
        return "%d,%03d,%03d.%02d" % (r.randrange(1, 99), r.randrange(1000), r.randrange(1000), r.randrange(100))
    if kind == 9:
        return "订单号：" + card(r)
    if kind == 10:
        i = id18(r)
        return i[:6] + "**" + i[6:10] + "**" + i[10:]
    if kind == 11:
        return "13800138000"
    if kind == 12:
        return "0531-8765 4321"
    if kind == 13:
        return mobile(r) + ".pdf"
    if kind == 14:
        return "Tel" + mobile(r)
    return "%d年%d月%d日" % (r.randrange(2015, 2026), r.randrange(1, 13), r.randrange(1, 29))


def sentence(r, numbers=True):
    parts = [r.choice(WORDS) for _ in range(r.randrange(3, 12))]
    if numbers and r.random() < 0.3:
        parts.insert(r.randrange(len(parts) + 1), number_form(r))
    if r.random() < 0.2:
        parts.insert(r.randrange(len(parts) + 1), r.choice([" ", "　", "ABC", "x", "，", "：", "3.14"]))
    return "".join(parts)


def date(r, year):
    return "%d-%02d-%02d" % (year, r.randrange(1, 13), r.randrange(1, 29))


def scalar(r, text):
    """`text` in one of the ways YAML allows (or a way it does not)."""
    k = r.randrange(20)
    if k == 0:
        return '"%s"' % text.replace('"', '\\"')
    if k == 1:
        return "'%s'" % text.replace("'", "''")
    if k == 2:
        return text + "   "
    if k == 3:
        return text + "  # 备注"
    if k == 4:
        return text + "　"
    if k == 5:
        return "|\n  " + text + "\n  第二行"
    if k == 6:
        return ">\n  " + text + "\n  接着"
    if k == 7:
        return text + "\n  续行"
    if k == 8:
        return "\"" + text
    if k == 9:
        return text + ": 冒号"
    if k == 10:
        return "&a " + text
    if k == 11:
        return "!!str " + text
    if k == 12:
        return ""
    if k == 13:
        return text + "\t"
    if k == 14:
        return text.replace(text[:1], text[:1] + "#", 1)
    if k == 15:
        return "\"" + text + "\\u0041\""
    return text


def key(r, english, chinese):
    return english if r.random() < 0.6 else chinese


def period(r, day, year):
    start = day
    end = date(r, year)
    k = r.randrange(14)
    f, t = r.choice([("from", "to"), ("起", "止"), ("开始", "结束"), ("自", "至")])
    if k == 0:
        return "{%s: %s, %s: %s}" % (f, start, t, end)
    if k == 1:
        return "{ %s: %s , %s: %s }" % (f, start, t, end)
    if k == 2:
        return "\n  %s: %s\n  %s: %s" % (f, start, t, end)
    if k == 3:
        return "%s 至 %s" % (start, end)
    if k == 4:
        return "{%s: %s}" % (f, start)
    if k == 5:
        return "{%s: %s, %s: 2025-02-30}" % (f, start, t)
    if k == 6:
        return "{%s:%s, %s: %s}" % (f, start, t, end)
    if k == 7:
        return "{%s: %s, %s: %s,}" % (f, start, t, end)
    if k == 8:
        return "{%s: %s, %s: %s} # 公示" % (f, start, t, end)
    if k == 9:
        return "{%s: \"%s\", %s: %s}" % (f, start, t, end)
    if k == 10:
        return "{%s: %s, %s: %s, %s: %s}" % (f, start, t, end, f, end)
    if k == 11:
        return "[%s, %s]" % (start, end)
    if k == 12:
        return "{%s: %s,\n  %s: %s}" % (f, start, t, end)
    return "{from: %s, to: %s}" % (start, end)


def front_matter(r, year, community, files):
    day = date(r, year)
    lines = []
    title = sentence(r)
    lines.append("%s: %s" % (key(r, "title", "标题"), scalar(r, title) if r.random() < 0.5 else title))
    lines.append("%s: %s" % (key(r, "date", "日期"), r.choice([day, day, day, day + " 10:30", "\"%s\"" % day,
                                                              day.replace("-", "/"), "2025-13-01", str(year + 1) + day[4:]])))
    lines.append("%s: %s" % (key(r, "category", "类别"), r.choice(["caiwu", "财务公开", "juece", "四议两公开", "dibao",
                                                                  "低保与救助", "tongzhi", "通知公告", "caiw", "杂项"])))
    if r.random() < 0.8:
        lines.append("%s: %s" % (key(r, "period", "公示期"), period(r, day, year)))
    if r.random() < 0.3:
        lines.append("%s: %s" % (key(r, "community", "村居"), r.choice([community, community, "别村"])))
    if r.random() < 0.3:
        lines.append("%s: %s" % (key(r, "number", "文号"), scalar(r, "%s〔%d〕%d号" % (community, year, r.randrange(1, 40)))))
    if r.random() < 0.2:
        lines.append("%s: %s" % (key(r, "issuer", "发布单位"), scalar(r, community + "村民委员会")))
    if r.random() < 0.3:
        lines.append("%s: %s" % (key(r, "reviewed", "审核"), r.choice([
            "{by: 村务监督委员会, date: %s}" % day, "{by: 村务监督委员会, date: %s}" % date(r, year), "村务监督委员会", "\n  by: 监委会\n  date: %s" % day,
            "{by: 监委会, when: %s}" % day, "{date: %s}" % day, "[a, b]"])))
    if r.random() < 0.3:
        lines.append("%s: %s" % (key(r, "tags", "标签"), r.choice([
            "[财务, 公开]", "[ 财务 ,公开 ]", "财务，公开、低保", "\n  - 财务\n  - 公开", "[]", "[财务, [嵌套]]"])))
    if r.random() < 0.15:
        lines.append("%s: %s" % (key(r, "summary", "摘要"), scalar(r, sentence(r))))
    if r.random() < 0.15:
        lines.append("%s: %s" % (key(r, "draft", "草稿"), r.choice(["true", "false", "是", "否", "maybe", "Yes"])))
    if r.random() < 0.15 and files:
        name = r.choice(files + ["缺失.pdf", "../外面.pdf", "病毒.exe"])
        inline = r.choice(["", "", "\n    inline: false", "\n    inline: true", "\n    显示: 也许"])
        lines.append("%s:\n  - file: %s\n    title: %s%s" % (key(r, "attachments", "附件"), name, sentence(r, False), inline))
    if r.random() < 0.1:
        lines.append("%s:\n  - {stage: 提议, date: %s}\n  - {stage: 决议, date: %s, outcome: 通过}"
                     % (key(r, "process", "四议两公开"), date(r, year), date(r, year)))
    elif r.random() < 0.03:
        lines.append("%s: %s" % (key(r, "process", "四议两公开"), r.choice([
            "提议", "\n  - {stage: 瞎写, date: %s}" % day, "\n  - 提议", "\n  - {stage: 提议}", "\n  - {环节: 商议, 日期: %s, 备注: x}" % day])))
    if r.random() < 0.05:
        lines.append("%s:\n  - {date: %s, what: 改正金额, why: 录入错误}" % (key(r, "revisions", "修订"), date(r, year)))
    if r.random() < 0.05:
        lines.append("%s: {date: %s, reason: 内容有误}" % (key(r, "withdrawn", "撤回"), date(r, year)))
    if r.random() < 0.05:
        lines.append("%s: %s" % (key(r, "supersedes", "更正"), r.choice(["dongcun/%d/n00001" % year, "不存在"])))
    if r.random() < 0.05:
        lines.append("%s: %s-%02d" % (key(r, "covers", "所属期"), year, r.randrange(1, 14)))
    odd = r.randrange(40)
    if odd == 0:
        lines.append("titel: 拼错的键")
    elif odd == 1:
        lines.append(lines[0])
    elif odd == 2:
        lines.append("标题: 两种写法")
    elif odd == 3:
        lines.insert(1, "备注：中文冒号")
    elif odd == 4:
        lines.insert(1, "\tdate: 2025-01-01")
    elif odd == 5:
        lines.insert(0, "# 注释")
    elif odd == 6:
        lines.insert(2, "")
    elif odd == 7:
        lines.append("? 复杂键\n: 值")
    elif odd == 8:
        lines.append("other: *a")
    elif odd == 9:
        lines.insert(1, "  ")
    elif odd == 10:
        lines.append("%s: %s" % ("title", "含\u0085换行"))
    elif odd == 11:
        lines.append("note: a\u2028b")
    elif odd == 12:
        lines[0] = "title : 空格在冒号前"
    elif odd == 13:
        lines.append("- 列表项")
    r.shuffle(lines) if r.random() < 0.1 else None
    return lines


def body(r):
    blocks = []
    for _ in range(r.randrange(1, 8)):
        k = r.randrange(10)
        if k == 0:
            blocks.append("## " + sentence(r))
        elif k == 1:
            rows = ["| 姓名 | 号码 | 金额 |", "| --- | --- | ---: |"]
            for _ in range(r.randrange(1, 5)):
                rows.append("| 张*明 | %s | %d.00 |" % (number_form(r), r.randrange(100, 5000)))
            blocks.append("\n".join(rows))
        elif k == 2:
            m = mobile(r)
            blocks.append("联系电话：%s**%s**%s" % (m[:3], m[3:7], m[7:]))
        elif k == 3:
            blocks.append("- " + sentence(r) + "\n- " + sentence(r))
        elif k == 4:
            blocks.append("> " + sentence(r))
        elif k == 5:
            blocks.append("```\n" + number_form(r) + "\n```")
        elif k == 6:
            blocks.append(sentence(r) + "\n" + sentence(r))
        elif k == 7:
            blocks.append("&#49;3800138000 与 " + sentence(r))
        else:
            blocks.append(sentence(r) + "。" + sentence(r) + "。")
    return "\n\n".join(blocks) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("n", nargs="?", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    r = random.Random(args.seed)
    site = os.path.abspath(args.site)
    if os.path.lexists(site):
        if not os.path.exists(os.path.join(site, MARKER)):
            sys.exit("tricky_site: %s exists and was not made by this script; refusing to delete it" % site)
        shutil.rmtree(site)
    content = os.path.join(site, "content")
    os.makedirs(content)
    open(os.path.join(site, MARKER), "w").close()
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write(SITE_YML)
    slugs = sorted(COMMUNITIES)
    for slug in slugs:
        os.makedirs(os.path.join(content, slug))
        with open(os.path.join(content, slug, "community.yml"), "w", encoding="utf-8") as fh:
            fh.write(COMMUNITIES[slug])
    for i in range(args.n):
        slug = slugs[i % len(slugs)]
        year = r.randrange(2020, 2026)
        folder = os.path.join(content, slug, str(year))
        if not os.path.isdir(folder):
            os.makedirs(folder)
            with open(os.path.join(folder, "名单.csv"), "w", encoding="utf-8") as fh:
                fh.write("姓名,电话\n张*明,%s\n" % mobile(r))
            with open(os.path.join(folder, "说明.pdf"), "wb") as fh:
                fh.write(b"not really a pdf\n")
            with open(os.path.join(folder, "照片.png"), "wb") as fh:
                fh.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
            with open(os.path.join(folder, "程序.exe"), "wb") as fh:
                fh.write(b"MZ")
        lines = front_matter(r, year, slug, ["名单.csv", "说明.pdf", "照片.png", "程序.exe"])
        if r.random() < 0.03:
            del lines[r.randrange(min(3, len(lines)))]
        text = "---\n" + "\n".join(lines) + "\n---\n" + body(r)
        k = r.randrange(60)
        if k == 0:
            text = text.replace("\n", "\r\n")
        elif k == 1:
            text = "\ufeff" + text
        elif k == 2:
            text = body(r)
        elif k == 3:
            text = "---\n" + "\n".join(lines) + "\n" + body(r)
        data = text.encode("utf-8")
        if k == 4:
            data = text.encode("gb18030")
        with open(os.path.join(folder, "n%05d.md" % i), "wb") as fh:
            fh.write(data)
    print("%d notices in %s" % (args.n, site))


if __name__ == "__main__":
    main()
