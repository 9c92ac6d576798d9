"""What bench/synth_to_site.py, bench/judge_synth.py and bench/search_bench.py
share: the category table of the synthetic corpus, reading front-matter
values without a YAML library, and walking a site's content/<community>/<year>/
folders.  The scripts import it from their own folder.
"""

import json
import os
import re

# The category names synth.py writes (Gen.finance ... Gen.notice), in the
# order of its Gen.KINDS table, with the ASCII slugs used in URLs (the slugs
# bench/synth_to_site.py assigns).
CATEGORY_SLUGS = [
    ("财务公开", "caiwu"),
    ("民生保障", "minsheng"),
    ("村务决策", "juece"),
    ("工程项目", "gongcheng"),
    ("宅基地管理", "zhaijidi"),
    ("党务公开", "dangwu"),
    ("惠农补贴", "huinong"),
    ("集体资产", "zichan"),
    ("人事公开", "renshi"),
    ("通知公告", "tongzhi"),
]

YEAR_FOLDER = re.compile(r"\d{4}")


def unquote(v):
    """A front-matter or site.yml value without its YAML quotes ("..." read as JSON)."""
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        if v[0] == '"':
            try:
                return json.loads(v)
            except ValueError:
                return v[1:-1]
        return v[1:-1].replace("''", "'")
    return v


def front_keys(lines, key_re, aliases):
    """{key: unquoted value} of the front-matter `lines` that match `key_re`
    (group 1 the key, group 2 the value); `aliases` maps Chinese keys to the
    English ones."""
    keys = {}
    for line in lines:
        m = key_re.match(line)
        if m:
            keys[aliases.get(m.group(1), m.group(1))] = unquote(m.group(2))
    return keys


def year_folders(content):
    """(community, year, folder) for every content/<community>/<yyyy>/ folder, sorted."""
    for comm in sorted(os.listdir(content)):
        cdir = os.path.join(content, comm)
        if not os.path.isdir(cdir):
            continue
        for year in sorted(os.listdir(cdir)):
            ydir = os.path.join(cdir, year)
            if YEAR_FOLDER.fullmatch(year) and os.path.isdir(ydir):
                yield comm, year, ydir
