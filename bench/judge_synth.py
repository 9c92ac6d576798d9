#!/usr/bin/env python3
"""Judge the search queries for the synthetic 10,000-notice site by rules.

Usage:
    python3 bench/judge_synth.py SITE_DIR [OUT.json]
    python3 bench/judge_synth.py SITE_DIR --check bench/search_queries_synth.json

SITE_DIR is the output of bench/synth_to_site.py for the corpus
``python3 bench/synth.py CORPUS 10000 --seed 1`` (a synth.py corpus
folder itself, with communities.json, is accepted too).  Without OUT the JSON
goes to stdout.  --check regenerates in memory and exits 1 if the file differs
(the corpus, synth.py or the rules below changed): regenerate and commit it.

Nobody can read 10,000 notices, so relevance here is an explicit rule per
query (QUERIES below), evaluated on each notice's title, body (the Markdown
after the front matter) and category name, after NFKC normalisation and
lower-casing of both the text and the rule's strings.  A rule is a JSON
object; all keys present must hold:

    {"any_of": [s, ...], "fields": [f, ...]}   some s occurs in some field f
    {"all_of": [s, ...], "fields": [f, ...]}   every s occurs (each in some f)
    {"regex": "...", "fields": [f, ...]}      re.search matches some field f
    {"category": [name, ...]}                 the notice's category name
    {"year": [2021, ...]}                     the year of the notice's date
    {"and": [rule, ...]}  {"or": [rule, ...]}  {"not": rule}

fields are "title", "body", "category"; the default is ["title", "body"].
A query's community/category filter (URL parameters; the category by slug)
is applied on top of its rule: only notices inside the filter are relevant.

must: the notices that are clearly the best answers.  B = the relevant
notices that also match the query's "best" rule (default: the title contains
the whole normalised query; "relevant" means B = all relevant notices).  If
1 <= |B| <= 10, a good engine has room to put all of B in its top 10, and
must = the 3 newest of B (date descending, then id).  If B is empty or has
more than 10 notices (hundreds of equally good titles: no specific notice is
"the" answer), must is empty and the query is judged by P@10 only; the
generated entry says why in "must_note".

Output: {"generated_by", "corpus": {...fingerprint...}, "queries": [...]},
each query {"q", "community", "category", "rule", "best", "note",
"relevant_count", "relevant": [ids sorted], "must": [...], "must_note"}.
Ids are notice ids <community>/<year>/<file name without .md>.  The output
depends only on the corpus: same corpus -> byte-identical file.
"""

import hashlib
import json
import os
import re
import sys
import unicodedata

from synth_common import CATEGORY_SLUGS, front_keys, unquote, year_folders

# slug -> category name, as bench/synth_to_site.py assigns them (used when
# SITE_DIR is a raw corpus without site.yml).
CATEGORY_NAMES = {slug: name for name, slug in CATEGORY_SLUGS}

T = ["title"]
TB = ["title", "body"]
DIBAO = {"any_of": ["低保", "最低生活保障"], "fields": T}
TEKUN = {"any_of": ["特困"], "fields": T}

# q, filters, rule, best (None = title contains q), note.  Village names refer
# to the seed-1 corpus (c0001 谢桥村, c0017 翠屏村, c0042 盐井社区, c0045 姜楼村,
# c0063 张楼村, c0078 白水社区, c0090 麦田社区).
QUERIES = [
    # -- broad topics: P@10 is a precision test over hundreds of relevant notices
    dict(q="低保", rule=DIBAO,
         note="低保 recipient lists (titles say 低保 or 最低生活保障); a 低保户 column in a 公益岗位 list or a 医保 notice is not counted"),
    dict(q="最低生活保障", rule=DIBAO, note="synonym of 低保"),
    dict(q="低保户", rule=DIBAO,
         note="colloquial: wants the 低保 lists; the literal string 低保户 only occurs in 公益岗位 lists, which are not counted"),
    dict(q="五保", rule=TEKUN, note="old name of 特困人员救助供养; no notice contains 五保"),
    dict(q="特困", rule=TEKUN),
    dict(q="临时救助", rule={"any_of": ["临时救助"], "fields": T}),
    dict(q="宅基地", rule={"category": ["宅基地管理"]}),
    dict(q="宅基地审批", rule={"category": ["宅基地管理"]},
         best={"all_of": ["宅基地", "审批"], "fields": T},
         note="application review, qualification check and approval result are all steps of 审批"),
    dict(q="党费", rule={"any_of": ["党费"], "fields": T}),
    dict(q="发展党员", rule={"any_of": ["入党积极分子", "发展对象", "预备党员"], "fields": T},
         note="the four stages of 发展党员 (synth.py PARTY_STAGES); no title says 发展党员"),
    dict(q="主题党日", rule={"any_of": ["主题党日"], "fields": T}),
    dict(q="党", rule={"or": [{"category": ["党务公开"]}, {"any_of": ["党"], "fields": T}]},
         note="one-character query: party affairs; 党员大会 in a decision or 党员活动经费 in accounts are not counted"),
    dict(q="耕地地力补贴", rule={"any_of": ["耕地地力保护补贴"], "fields": T},
         best={"any_of": ["耕地地力保护补贴"], "fields": T}, note="titles say 耕地地力保护补贴"),
    dict(q="补贴", rule={"category": ["惠农补贴"]},
         note="subsidies paid to households (惠农补贴); wage lines such as 护林员补贴 in accounts are not counted"),
    dict(q="高龄津贴", rule={"any_of": ["高龄津贴"], "fields": T}),
    dict(q="残疾人补贴", rule={"any_of": ["残疾人"], "fields": T},
         note="titles say 困难残疾人生活补贴和重度残疾人护理补贴"),
    dict(q="监测户", rule={"any_of": ["监测户", "防返贫监测"], "fields": T},
         note="防返贫监测帮扶 lists; 监测户 in a work-placement clause of a decision is not counted"),
    dict(q="中标", rule={"any_of": ["中标"], "fields": T}),
    dict(q="验收", rule={"any_of": ["验收"], "fields": T},
         note="acceptance results; a decision promising a future 验收 is not counted"),
    dict(q="道路硬化", rule={"any_of": ["道路硬化", "主干道硬化"], "fields": T},
         note="road projects and the decisions to harden the main road"),
    dict(q="太阳能路灯", rule={"any_of": ["太阳能路灯"], "fields": T}),
    dict(q="四议两公开", rule={"category": ["村务决策"]},
         note="every village decision in the corpus is taken by the 四议两公开 procedure"),
    dict(q="两委", rule={"or": [{"category": ["村务决策"]}, {"any_of": ["村干部"], "fields": T}]},
         note="decisions (each has a 村“两委” meeting step) and the pay of the 两委 members; a boilerplate intro line 经村“两委”研究 alone is not counted"),
    dict(q="村委会主任", rule={"any_of": ["村委会主任", "村民委员会主任"], "fields": TB},
         note="cadre pay notices list the 村委会主任 and 副主任"),
    dict(q="光伏", rule={"any_of": ["光伏"], "fields": TB},
         note="solar income lines in accounts and decisions to build a 光伏电站"),
    dict(q="幸福院", rule={"any_of": ["幸福院"], "fields": T},
         note="decisions to build one; an expense line 幸福院日常运行 is not counted"),
    dict(q="保洁员", rule={"any_of": ["保洁员"], "fields": T},
         note="the 保洁员 appointment lists; wage lines in accounts are not counted"),
    dict(q="冷库", rule={"or": [{"any_of": ["冷库"], "fields": T},
                                {"and": [{"category": ["村务决策"]}, {"any_of": ["冷库"], "fields": ["body"]}]}]},
         note="cold-store projects and decisions to build one"),
    dict(q="闲置校舍", rule={"or": [{"any_of": ["闲置校舍"], "fields": T},
                                  {"and": [{"category": ["村务决策"]}, {"any_of": ["闲置校舍"], "fields": ["body"]}]}]},
         note="leasing results and decisions to convert an old school"),
    dict(q="鱼塘发包", rule={"and": [{"category": ["集体资产"]}, {"any_of": ["鱼塘"], "fields": T}]}),
    dict(q="土地流转", rule={"any_of": ["土地流转"], "fields": T}),
    dict(q="森林防火", rule={"any_of": ["森林防火"], "fields": T},
         note="the fire-prevention notices and the 森林防火员 lists"),
    dict(q="征兵", rule={"any_of": ["征兵"], "fields": T}),
    dict(q="医保缴费", rule={"any_of": ["医疗保险缴费"], "fields": T},
         note="colloquial 医保 for 城乡居民医疗保险; no title says 医保"),
    dict(q="秸秆禁烧", rule={"any_of": ["秸秆禁烧"], "fields": T}),
    dict(q="垃圾分类", rule={"any_of": ["垃圾分类"], "fields": T}),
    dict(q="2019年第四季度", rule={"all_of": ["2019年第四季度"], "fields": T},
         note="the quarterly finance reports for Q4 2019"),
    # -- Latin letters and digits
    dict(q="2021", rule={"or": [{"regex": r"(?<![0-9])2021(?![0-9])", "fields": T}, {"year": [2021]}]},
         note="notices of or about 2021 (title names 2021, or dated 2021); a body-only mention is not counted"),
    dict(q="12119", rule={"regex": r"(?<![0-9])12119(?![0-9])", "fields": TB}, best="relevant",
         note="forest-fire hotline, only in 森林防火 notices"),
    dict(q="12345", rule={"regex": r"(?<![0-9])12345(?![0-9])", "fields": TB}, best="relevant",
         note="government service hotline in a boilerplate paragraph"),
    # -- specific: a village and a topic, a topic and a year, or filters
    dict(q="谢桥村低保", rule={"and": [{"all_of": ["谢桥村"], "fields": T}, DIBAO]}, best="relevant"),
    dict(q="谢桥村党费", rule={"all_of": ["谢桥村", "党费"], "fields": T}, best="relevant"),
    dict(q="谢桥村2023年财务", rule={"and": [{"category": ["财务公开"]}, {"all_of": ["谢桥村", "2023年"], "fields": T}]},
         best="relevant"),
    dict(q="翠屏村宅基地", rule={"and": [{"category": ["宅基地管理"]}, {"all_of": ["翠屏村"], "fields": T}]},
         best="relevant"),
    dict(q="2016年征兵", rule={"and": [{"any_of": ["征兵"], "fields": T}, {"year": [2016]}]}, best="relevant",
         note="征兵 notices carry no year in the title: relevant = those dated 2016"),
    dict(q="2024年耕地地力保护补贴", rule={"all_of": ["2024年耕地地力保护补贴"], "fields": T}),
    dict(q="2022年土地流转", rule={"and": [{"any_of": ["土地流转"], "fields": T}, {"year": [2022]}]}, best="relevant",
         note="decision titles carry no year: relevant = those dated 2022 (the date is in the signature line)"),
    dict(q="2024年垃圾分类", rule={"and": [{"any_of": ["垃圾分类"], "fields": T}, {"year": [2024]}]}, best="relevant"),
    dict(q="2023年秸秆禁烧", rule={"and": [{"any_of": ["秸秆禁烧"], "fields": T}, {"year": [2023]}]}, best="relevant"),
    dict(q="2020年村规民约", rule={"and": [{"any_of": ["村规民约"], "fields": T}, {"year": [2020]}]}, best="relevant"),
    dict(q="2023年鱼塘承包", rule={"and": [{"category": ["集体资产"]}, {"any_of": ["鱼塘"], "fields": T}, {"year": [2023]}]},
         best="relevant", note="pond contracting results (发包, 租赁 or 公开竞价) dated 2023; every one of them says 承包费"),
    dict(q="翠屏村高龄津贴", rule={"all_of": ["翠屏村", "高龄津贴"], "fields": T}, best="relevant"),
    dict(q="翠屏村特困", rule={"all_of": ["翠屏村", "特困"], "fields": T}, best="relevant"),
    dict(q="翠屏村村干部报酬", rule={"all_of": ["翠屏村", "村干部"], "fields": T}, best="relevant"),
    dict(q="盐井社区主题党日", rule={"all_of": ["盐井社区", "主题党日"], "fields": T}, best="relevant"),
    dict(q="白水社区2022年财务", rule={"and": [{"category": ["财务公开"]}, {"all_of": ["白水社区", "2022年"], "fields": T}]},
         best="relevant"),
    dict(q="麦田社区中标", rule={"all_of": ["麦田社区", "中标"], "fields": T}, best="relevant"),
    dict(q="低保", community="c0042", rule=DIBAO, best="relevant", note="community filter (盐井社区)"),
    dict(q="五保", community="c0001", rule=TEKUN, best="relevant", note="synonym with a community filter"),
    dict(q="临时救助", community="c0001", rule={"any_of": ["临时救助"], "fields": T}, best="relevant"),
    dict(q="宅基地", community="c0063", rule={"category": ["宅基地管理"]}, best="relevant"),
    dict(q="中标", community="c0017", category="gongcheng", rule={"any_of": ["中标"], "fields": T},
         best="relevant", note="both filters"),
    dict(q="验收", community="c0090", category="gongcheng", rule={"any_of": ["验收"], "fields": T},
         best="relevant"),
    dict(q="党费", category="dangwu", rule={"any_of": ["党费"], "fields": T}, note="category filter only"),
    dict(q="2021", community="c0090", category="caiwu",
         rule={"or": [{"regex": r"(?<![0-9])2021(?![0-9])", "fields": T}, {"year": [2021]}]},
         best={"regex": r"(?<![0-9])2021(?![0-9])", "fields": T}, note="a year inside one community's accounts"),
    dict(q="12119", community="c0001", rule={"regex": r"(?<![0-9])12119(?![0-9])", "fields": TB}, best="relevant"),
    dict(q="付-103", community="c0045", rule={"regex": r"付-103(?![0-9])", "fields": ["body"]}, best="relevant",
         note="a voucher number (凭证号) in the accounts; 付 and 103 elsewhere in a notice do not count"),
]

FIELDS = ("title", "body", "category")
FRONT_KEY = re.compile(r"^(title|date|category|标题|日期|类别):\s*(.*)$")
FRONT_ALIASES = {"标题": "title", "日期": "date", "类别": "category"}
MAX_BEST = 10
MUST_N = 3


def die(msg, code=1):
    print("judge_synth: " + msg, file=sys.stderr)
    sys.exit(code)


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def read_notice(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if not text.startswith("---\n"):
        die("%s: no front matter" % path)
    end = text.find("\n---\n", 3)
    if end < 0:
        die("%s: front matter is not closed" % path)
    keys = front_keys(text[4:end].split("\n"), FRONT_KEY, FRONT_ALIASES)
    for k in ("title", "date", "category"):
        if k not in keys:
            die("%s: no %s in the front matter" % (path, k))
    return keys, text[end + 5:]


def site_categories(site):
    """slug -> name from SITE/content/site.yml (the simple layout synth_to_site.py writes)."""
    path = os.path.join(site, "content", "site.yml")
    if not os.path.isfile(path):
        return dict(CATEGORY_NAMES)
    cats, slug = {}, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^\s*-\s*slug:\s*(.+?)\s*$", line)
            if m:
                slug = unquote(m.group(1))
                continue
            m = re.match(r"^\s*name:\s*(.+?)\s*$", line)
            if m and slug:
                cats[slug] = unquote(m.group(1))
                slug = None
    return cats


def load(site):
    """[{id, comm, date, year, title, body, category}] from a site or a corpus folder."""
    docs = []
    content = os.path.join(site, "content")
    if os.path.isdir(content):
        for comm, year, ydir in year_folders(content):
            for name in sorted(os.listdir(ydir)):
                if name.endswith(".md"):
                    fm, body = read_notice(os.path.join(ydir, name))
                    docs.append(dict(id="%s/%s/%s" % (comm, year, name[:-3]), comm=comm, raw=fm, body=body))
    elif os.path.isfile(os.path.join(site, "communities.json")):
        for comm in sorted(os.listdir(site)):
            cdir = os.path.join(site, comm)
            if not os.path.isdir(cdir):
                continue
            for name in sorted(os.listdir(cdir)):
                if name.endswith(".md"):
                    fm, body = read_notice(os.path.join(cdir, name))
                    m = re.match(r"^(\d{4})", fm["date"])
                    docs.append(dict(id="%s/%s/%s" % (comm, m.group(1), name[:-3]), comm=comm, raw=fm, body=body))
    else:
        die("%s is neither a site folder (content/) nor a synth.py corpus (communities.json)" % site, 2)
    if not docs:
        die("no notices under %s" % site)
    for d in docs:
        fm = d.pop("raw")
        m = re.match(r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})", fm["date"])
        if not m:
            die("%s: unreadable date %r" % (d["id"], fm["date"]))
        d["date"] = "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3)))
        d["year"] = int(m.group(1))
        d["category"] = fm["category"]
        d["n"] = {"title": norm(fm["title"]), "body": norm(d.pop("body")), "category": norm(fm["category"])}
    return docs


def fingerprint(docs):
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d["id"]):
        h.update(("%s\t%s\t%s\t%s\t%d\n" % (d["id"], d["date"], d["category"], d["n"]["title"],
                                            len(d["n"]["body"]))).encode("utf-8"))
    return h.hexdigest()


def compile_rule(rule, where):
    """Rule -> predicate(doc).  Unknown keys are an error (a typo must not match everything)."""
    if not isinstance(rule, dict) or not rule:
        die("%s: a rule must be a non-empty object" % where, 2)
    known = {"any_of", "all_of", "regex", "fields", "category", "year", "and", "or", "not"}
    bad = set(rule) - known
    if bad:
        die("%s: unknown rule key(s) %s" % (where, ", ".join(sorted(bad))), 2)
    fields = rule.get("fields", ["title", "body"])
    if any(f not in FIELDS for f in fields):
        die("%s: fields must be among %s" % (where, ", ".join(FIELDS)), 2)
    if "fields" in rule and not ({"any_of", "all_of", "regex"} & set(rule)):
        die("%s: fields without any_of/all_of/regex" % where, 2)
    preds = []
    if "any_of" in rule:
        ss = [norm(s) for s in rule["any_of"]]
        preds.append(lambda d, ss=ss: any(s in d["n"][f] for s in ss for f in fields))
    if "all_of" in rule:
        ss = [norm(s) for s in rule["all_of"]]
        preds.append(lambda d, ss=ss: all(any(s in d["n"][f] for f in fields) for s in ss))
    if "regex" in rule:
        rx = re.compile(norm(rule["regex"]))
        preds.append(lambda d, rx=rx: any(rx.search(d["n"][f]) for f in fields))
    if "category" in rule:
        names = {norm(c) for c in rule["category"]}
        preds.append(lambda d, names=names: d["n"]["category"] in names)
    if "year" in rule:
        years = {int(y) for y in rule["year"]}
        preds.append(lambda d, years=years: d["year"] in years)
    if "and" in rule:
        subs = [compile_rule(r, where) for r in rule["and"]]
        preds.append(lambda d, subs=subs: all(p(d) for p in subs))
    if "or" in rule:
        subs = [compile_rule(r, where) for r in rule["or"]]
        preds.append(lambda d, subs=subs: any(p(d) for p in subs))
    if "not" in rule:
        sub = compile_rule(rule["not"], where)
        preds.append(lambda d, sub=sub: not sub(d))
    return lambda d: all(p(d) for p in preds)


def judge(docs, cats):
    by_date = lambda d: (-int(d["date"].replace("-", "")), d["id"])
    out = []
    communities = {d["comm"] for d in docs}
    for i, spec in enumerate(QUERIES, 1):
        q = spec["q"]
        where = "query %d (%s)" % (i, q)
        comm, cat = spec.get("community"), spec.get("category")
        if comm is not None and comm not in communities:
            die("%s: community %s is not in this corpus" % (where, comm))
        if cat is not None and cat not in cats:
            die("%s: category slug %s is not in site.yml" % (where, cat))
        rule = compile_rule(spec["rule"], where)
        inside = [d for d in docs if (comm is None or d["comm"] == comm)
                  and (cat is None or d["n"]["category"] == norm(cats[cat]))]
        rel = [d for d in inside if rule(d)]
        best_spec = spec.get("best")
        if best_spec == "relevant":
            best = list(rel)
        else:
            bp = compile_rule(best_spec, where) if best_spec else (lambda d, s=norm(q): s in d["n"]["title"])
            best = [d for d in rel if bp(d)]
        if 1 <= len(best) <= MAX_BEST:
            must = [d["id"] for d in sorted(best, key=by_date)[:MUST_N]]
            must_note = "best answers: %d notice(s)%s; must = the %d newest" % (
                len(best), "" if best_spec == "relevant" else " matching the best rule", len(must))
        else:
            must = []
            must_note = ("no notice matches the best rule" if not best else
                         "%d notices tie as best answers (more than %d): judged by P@10 only" % (len(best), MAX_BEST))
        if not rel:
            die("%s: no relevant notice; fix the rule" % where)
        entry = {"q": q, "community": comm, "category": cat, "rule": spec["rule"]}
        if best_spec is not None:
            entry["best"] = best_spec
        if spec.get("note"):
            entry["note"] = spec["note"]
        entry.update(relevant_count=len(rel), must=must, must_note=must_note,
                     relevant=sorted(d["id"] for d in rel))
        out.append(entry)
    return out


def render(docs, queries, site):
    head = {
        "generated_by": "python3 bench/judge_synth.py SITE_DIR (rules in that script)",
        "corpus": {
            "made_by": "python3 bench/synth.py CORPUS 10000 --seed 1; python3 bench/synth_to_site.py CORPUS SITE",
            "notices": len(docs),
            "communities": len({d["comm"] for d in docs}),
            "fingerprint_sha256": fingerprint(docs),
        },
    }
    lines = ["{"]
    for k, v in head.items():
        lines.append(" %s: %s," % (json.dumps(k), json.dumps(v, ensure_ascii=False)))
    lines.append(' "queries": [')
    for n, x in enumerate(queries):
        parts = ["  %s: %s" % (json.dumps(k), json.dumps(v, ensure_ascii=False)) for k, v in x.items()]
        lines.append("  {\n" + ",\n".join("  " + p for p in parts) + "\n  }" + ("," if n < len(queries) - 1 else ""))
    lines.append(" ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # well-formed
    return text


def main(argv):
    args = argv[1:]
    if not args or args[0] in ("-h", "--help") or len(args) > 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    site = os.path.abspath(args[0])
    check = None
    out = None
    if len(args) == 3 and args[1] == "--check":
        check = args[2]
    elif len(args) == 2:
        out = args[1]
    elif len(args) != 1:
        die("usage: judge_synth.py SITE_DIR [OUT.json | --check FILE]", 2)
    docs = load(site)
    cats = site_categories(site)
    queries = judge(docs, cats)
    text = render(docs, queries, site)
    if check:
        try:
            with open(check, encoding="utf-8") as fh:
                old = fh.read()
        except OSError as e:
            die("%s: %s" % (check, e))
        if old != text:
            try:
                fp = json.loads(old).get("corpus", {}).get("fingerprint_sha256")
            except ValueError:
                fp = None
            why = ("the corpus differs (fingerprint %s..., file has %s...)" % (fingerprint(docs)[:12], (fp or "?")[:12])
                   if fp != fingerprint(docs) else "the rules changed")
            die("%s is out of date: %s; regenerate with python3 bench/judge_synth.py SITE %s" % (check, why, check))
        print("judge_synth: %s is up to date (%d queries, %d notices)" % (check, len(queries), len(docs)))
        return
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        print("judge_synth: %d queries (%d with musts), %d notices -> %s" % (
            len(queries), sum(1 for x in queries if x["must"]), len(docs), out), file=sys.stderr)
        for x in queries:
            print("  %-16s %-6s %-9s rel %5d  must %d  %s" % (
                x["q"], x["community"] or "", x["category"] or "", x["relevant_count"], len(x["must"]),
                x["must_note"]), file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
