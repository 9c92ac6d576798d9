#!/usr/bin/env python3
"""Judge search queries on the legal-texts site of bench/laws.py, by rules.

Usage:
    python3 bench/judge_laws.py SITE_DIR [OUT.json]
    python3 bench/judge_laws.py SITE_DIR --check bench/search_queries_laws.json

SITE_DIR is the output of ``python3 bench/laws.py SITE_DIR`` (3,500
documents, seed 1).  Without OUT the JSON goes to stdout; --check regenerates
in memory and exits 1 if the file differs (regenerate and commit it).

Relevance is a rule over each document's text as a reader sees it: its
title, its headings (Markdown headings, and the chapter, section and article
lines of a legal text: 第一章　总则, 第二节　…, 第五条【环境卫生】; a table of
contents is not a heading, as gongkai reads them, docs/search-index.md) and
its body, after NFKC normalisation, lower-casing and removing spaces.

Kinds of queries (all chosen from the corpus by the rules below, so that the
set is not tuned to one query):

  section  the title of a chapter or section of a law (without 第X章) that
           1 to 8 long documents (body of 6,000 characters or more) have.
           Relevant: the documents whose title or a heading contains it.
           must: those long documents, when there are at most 10 relevant
           ones (a fair chance to be in the top 10); "anchors" gives, for
           each long one, the anchors of the headings that name it (the hit
           should link to one of them).  Short notices that mention the term
           in passing are not relevant.
  title    a full title of 10 characters or more.  Relevant: the documents
           whose title contains it; must: the documents with that very title
           (several versions: the 3 newest).
  article  a national law's name and an article, 农村土地承包法第十二条.
           Relevant and must: the documents with that title that have the
           article; anchors: that article's anchor.
  phrase   a term whose characters also come apart in many documents
           (民主管理 vs 民主 … 主管部门 … 管理).  Relevant: the documents that
           contain the phrase itself; no must (judged by P@10: are the first
           ten true phrase matches?).
  topic    a broad term; relevant: title or a heading contains it.

Output: {"generated_by", "corpus": {...}, "queries": [{"q", "kind",
"community": null, "category": null, "relevant": [...], "must": [...],
"anchors": {id: [anchor, ...]}, "note"}]}.  Ids are <community>/<year>/<name>.
"""

import hashlib
import json
import os
import re
import sys
import unicodedata

NUMERALS = "〇零一二三四五六七八九十百千两0123456789０１２３４５６７８９"
CHAPTER = re.compile(r"^第[%s]{1,6}([章节])(?:[\s\u3000](.*))?$" % NUMERALS)
ARTICLE = re.compile(r"^(第[%s]{1,6}条)(【[^】]{1,18}】|〔[^〕]{1,18}〕)?([\s\u3000：:]|$)" % NUMERALS)
LONG = 6000

PHRASES = ["民主管理", "土地管理", "村民代表", "承包的原则", "农村集体经济组织", "居民委员会", "传染病预防", "防洪区",
           "村民会议", "安全生产的监督管理", "集体资产管理", "承包方的权利"]
TOPICS = ["土地承包", "宅基地", "最低生活保障", "消防安全", "环境卫生", "人民调解", "村规民约", "社会救助", "动物防疫",
          "乡村振兴"]


def norm(s):
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", s).lower())


def slug(text):
    """HeadingAnchors.slug: letters, digits and CJK kept; spaces become -."""
    out, dash = "", False
    for ch in text:
        if ch.isspace() or ch in "-_":
            dash = bool(out)
        elif ch.isalpha() or ch.isnumeric():
            if dash:
                out += "-"
                dash = False
            out += ch.lower()
    return out or "section"


def blocks(body):
    """Top-level blocks: ("heading", text) or ("paragraph", text) or ("other", "")."""
    out = []
    for raw in re.split(r"\n\s*\n", body):
        p = raw.strip("\n")
        if not p.strip():
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", p)
        if m and "\n" not in p:
            out.append(("heading", m.group(2)))
        elif re.match(r"^(\d+\.|[-*+])\s", p):
            out.append(("other", ""))
        else:
            text = re.sub(r"\*\*(.*?)\*\*", r"\1", p)
            out.append(("paragraph", text.replace("\n", "")))
    return out


def headings(body):
    """[(text, anchor, kind)] as gongkai finds them (GongkaiMarkdown StructuralHeadings)."""
    bl = blocks(body)

    def chapter_kind(t):
        m = CHAPTER.match(t.strip())
        return m.group(1) if m and len(t.strip()) <= 48 and not re.search(r"[。；;，,：:]", t) else None

    found = []
    for k, (kind, text) in enumerate(bl):
        if kind == "heading":
            found.append((text.strip(), "md"))
        elif kind == "paragraph":
            ck = chapter_kind(text)
            if ck:
                nxt = bl[k + 1] if k + 1 < len(bl) else ("other", "")
                nk = chapter_kind(nxt[1]) if nxt[0] != "other" else None
                if nk == "章" or (ck == "节" and nk == "节"):
                    continue  # table of contents
                found.append((text.strip(), ck))
            else:
                m = ARTICLE.match(text.strip())
                if m:
                    found.append((m.group(1) + (m.group(2) or ""), "条"))
    used, out = {}, []
    for text, kind in found:
        a = slug(text)
        if a in used:
            used[a] += 1
            a += "-%d" % used[a]
        else:
            used[a] = 1
        out.append((text, a, kind))
    return out


def load(site):
    content = os.path.join(site, "content")
    docs = []
    for comm in sorted(os.listdir(content)):
        cdir = os.path.join(content, comm)
        if not os.path.isdir(cdir):
            continue
        for year in sorted(os.listdir(cdir)):
            ydir = os.path.join(cdir, year)
            if not re.fullmatch(r"\d{4}", year) or not os.path.isdir(ydir):
                continue
            for name in sorted(os.listdir(ydir)):
                if not name.endswith(".md"):
                    continue
                text = open(os.path.join(ydir, name), encoding="utf-8").read()
                _, fm, body = text.split("---\n", 2)
                meta = dict(re.findall(r"^(\w+): (.*)$", fm, re.M))
                hs = headings(body)
                docs.append(dict(id="%s/%s/%s" % (comm, year, name[:-3]), title=meta["title"], date=meta["date"],
                                 category=meta["category"], body=body, nbody=norm(body), ntitle=norm(meta["title"]),
                                 headings=hs, long=len(body) >= LONG))
    return docs


def heading_title(text):
    """A chapter or section heading without its number: 第三章　土地承包 -> 土地承包."""
    return re.sub(r"^第[%s]{1,6}[章节][\s\u3000]*" % NUMERALS, "", text).strip()


def newest(docs, k):
    return [d["id"] for d in sorted(docs, key=lambda d: (d["date"], d["id"]), reverse=True)[:k]]


def section_queries(docs):
    counts = {}
    for d in docs:
        if not d["long"]:
            continue
        for text, _, kind in d["headings"]:
            if kind in ("章", "节", "md"):
                t = heading_title(text)
                if len(t) >= 4 and t not in ("总则", "附则", "法律责任", "监督管理", "保障措施", "监督检查"):
                    counts.setdefault(t, set()).add(d["id"])
    chosen = sorted(t for t, ids in counts.items() if 1 <= len(ids) <= 8)
    step = max(1, len(chosen) // 24)
    return chosen[::step][:24]


def judge(docs):
    by_id = {d["id"]: d for d in docs}
    queries = []

    for q in section_queries(docs):
        nq = norm(q)
        rel = [d for d in docs if nq in d["ntitle"] or any(nq in norm(h[0]) for h in d["headings"] if h[2] != "条")]
        key = [d for d in rel if d["long"] and any(nq in norm(h[0]) for h in d["headings"] if h[2] != "条")]
        anchors = {d["id"]: [a for t, a, k in d["headings"] if k != "条" and nq in norm(t)] for d in key}
        queries.append(dict(q=q, kind="section", relevant=[d["id"] for d in rel],
                            must=[d["id"] for d in key] if len(rel) <= 10 else [], anchors=anchors,
                            note="a chapter or section title: the documents with that heading (or title) are relevant, "
                                 "not those that mention it in passing; when there are at most 10, the long ones must be in the top 10"))

    titles = sorted({d["title"] for d in docs if d["category"] == "政策法规" and len(d["title"]) >= 10})
    step = max(1, len(titles) // 16)
    for t in titles[::step][:16]:
        nq = norm(t)
        rel = [d for d in docs if nq in d["ntitle"]]
        exact = [d for d in rel if re.sub(r"（\d{4}年修订）$", "", d["title"]) == re.sub(r"（\d{4}年修订）$", "", t)]
        queries.append(dict(q=t, kind="title", relevant=[d["id"] for d in rel], must=newest(exact, 3), anchors={},
                            note="a full title of 10 characters or more: the documents with that title (its versions) must be in the top 10"))

    laws = sorted({d["title"] for d in docs if d["title"].startswith("中华人民共和国") and d["title"].endswith("法")})
    for k, t in enumerate(laws[:10]):
        name = t[len("中华人民共和国"):]
        versions = [d for d in docs if d["title"] == t]
        counts = [sum(1 for h in d["headings"] if h[2] == "条") for d in versions]
        n = 3 + (k * 7) % max(1, min(counts) - 3) if min(counts) > 3 else 1
        label = "第%s条" % cn(n)
        have = [d for d in versions if any(h[0].startswith(label) and h[2] == "条" for h in d["headings"])]
        q = name + label
        anchors = {d["id"]: [a for tt, a, kk in d["headings"] if kk == "条" and tt.startswith(label)] for d in have}
        queries.append(dict(q=q, kind="article", relevant=[d["id"] for d in have], must=newest(have, 3),
                            anchors={i: anchors[i] for i in newest(have, 3)},
                            note="a law and one of its articles: the hit links to the article"))

    for q in PHRASES:
        nq = norm(q)
        rel = [d for d in docs if nq in d["ntitle"] or nq in d["nbody"]]
        queries.append(dict(q=q, kind="phrase", relevant=[d["id"] for d in rel], must=[], anchors={},
                            note="documents that say the phrase itself; its characters also come apart elsewhere"))

    for q in TOPICS:
        nq = norm(q)
        rel = [d for d in docs if nq in d["ntitle"] or any(nq in norm(h[0]) for h in d["headings"])]
        queries.append(dict(q=q, kind="topic", relevant=[d["id"] for d in rel], must=[], anchors={},
                            note="a broad term: title or a heading"))

    out = []
    for x in queries:
        out.append(dict(q=x["q"], kind=x["kind"], community=None, category=None, note=x["note"],
                        relevant_count=len(x["relevant"]), must=x["must"], anchors=x["anchors"],
                        relevant=sorted(x["relevant"])))
    return out


DIGITS = "零一二三四五六七八九"


def cn(n):
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest, head = n % 100, DIGITS[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + DIGITS[rest]
    return head + DIGITS[rest // 10] + "十" + (DIGITS[rest % 10] if rest % 10 else "")


def fingerprint(docs):
    h = hashlib.sha256()
    for d in docs:
        h.update(("%s\n%s\n%s\n" % (d["id"], d["title"], d["date"])).encode())
        h.update(d["body"].encode())
    return h.hexdigest()


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    docs = load(argv[1])
    data = {"generated_by": "python3 bench/judge_laws.py SITE_DIR (rules in that script)",
            "corpus": {"made_by": "python3 bench/laws.py SITE_DIR", "documents": len(docs),
                       "fingerprint_sha256": fingerprint(docs)},
            "queries": judge(docs)}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if len(argv) >= 4 and argv[2] == "--check":
        with open(argv[3], encoding="utf-8") as fh:
            same = fh.read() == text
        if not same:
            print("judge_laws: %s does not match this corpus and these rules" % argv[3], file=sys.stderr)
        sys.exit(0 if same else 1)
    if len(argv) >= 3:
        with open(argv[2], "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
