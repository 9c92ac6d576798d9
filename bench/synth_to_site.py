#!/usr/bin/env python3
"""Turn a synthetic notice corpus into a gongkai site folder.

Usage:
    python3 bench/synth_to_site.py CORPUS_DIR SITE_DIR

CORPUS_DIR is the output of ``python3 bench/synth.py OUT N``:

    OUT/communities.json        {"c0001": "青山县石桥镇杨柳村", ...}
    OUT/<slug>/nNNNNNN.md       notices; front matter has title, date,
                                category (a Chinese name), community, period

SITE_DIR gets the site layout of docs/design.md §2 / docs/content-format.md:

    SITE/content/site.yml                   title, town, timezone, categories
    SITE/content/<slug>/community.yml       name, kind (社区 or 村), town
    SITE/content/<slug>/<year>/nNNNNNN.md   hard link to the corpus file
                                            (a copy if linking fails)

The notices are left byte-identical (gongkai accepts the `community` key
because it matches the folder).  Category slugs come from a fixed table of
the category names synth.py writes; an unknown name gets cat1, cat2, ... in
sorted order after the known ones.  The output depends only on the corpus:
same corpus -> byte-identical site.

SITE_DIR is (re)created.  If it already exists it must be an earlier output
of this script (it carries a `.synth_site` marker) and is deleted first;
anything else is refused.
"""

import json
import os
import re
import shutil
import sys

from synth_common import CATEGORY_SLUGS, front_keys

SITE_TITLE = "村（居）务公开 · 合成语料"
SITE_TOWN = "合成镇"
MARKER = ".synth_site"

FRONT_KEY = re.compile(r"^(date|category|community|日期|类别):\s*(.*?)\s*$")
FRONT_ALIASES = {"日期": "date", "类别": "category"}
YEAR = re.compile(r"^[\"']?(\d{4})[-/年]")


def die(msg):
    print("synth_to_site: " + msg, file=sys.stderr)
    sys.exit(1)


def yaml_str(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def front_matter(path):
    """The few front-matter keys we need, read without a YAML library."""
    lines = []
    with open(path, encoding="utf-8") as fh:
        if fh.readline().rstrip("\r\n") != "---":
            die("%s: no front matter" % path)
        for line in fh:
            line = line.rstrip("\r\n")
            if line == "---":
                return front_keys(lines, FRONT_KEY, FRONT_ALIASES)
            lines.append(line)
    die("%s: front matter is not closed" % path)


def town_of(full):
    """synth.py names are <place><县|市|区><place><镇|乡|街道><place><村|社区>,
    every place name two characters long.  Returns None if it doesn't parse."""
    m = re.fullmatch(r"(..[县市区])(..(?:街道|镇|乡))(..(?:村|社区))", full)
    return m.group(2) if m else None


def link_or_copy(src, dst):
    try:
        os.link(src, dst)
        return True
    except OSError:
        shutil.copyfile(src, dst)
        return False


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    corpus, site = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    comm_file = os.path.join(corpus, "communities.json")
    if not os.path.isfile(comm_file):
        die("%s is not a synth.py corpus (no communities.json)" % corpus)
    with open(comm_file, encoding="utf-8") as fh:
        communities = json.load(fh)
    if corpus == site or site.startswith(corpus + os.sep):
        die("SITE_DIR must not be inside CORPUS_DIR")

    if os.path.lexists(site):
        if not os.path.exists(os.path.join(site, MARKER)):
            die("%s exists and was not made by this script; refusing to delete it" % site)
        shutil.rmtree(site)
    content = os.path.join(site, "content")
    os.makedirs(content)
    open(os.path.join(site, MARKER), "w").close()

    # Pass 1: read every notice's year and category.
    notices = []  # (slug, year, file name, source path)
    categories = set()
    for slug in sorted(communities):
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            die("community slug %r is not a gongkai slug" % slug)
        folder = os.path.join(corpus, slug)
        if not os.path.isdir(folder):
            die("community %s has no folder in the corpus" % slug)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            fm = front_matter(path)
            m = YEAR.match(fm.get("date", ""))
            if not m:
                die("%s: no date YYYY-MM-DD in the front matter" % path)
            if fm.get("community", slug) != slug:
                die("%s: community %r does not match its folder" % (path, fm["community"]))
            if not fm.get("category"):
                die("%s: no category" % path)
            categories.add(fm["category"])
            notices.append((slug, m.group(1), name, path))
    if not notices:
        die("no notices in %s" % corpus)

    # Category catalogue: known names in synth.py's order, then unknown ones.
    known = dict(CATEGORY_SLUGS)
    catalogue = [(name, known[name]) for name, _ in CATEGORY_SLUGS if name in categories]
    for i, name in enumerate(sorted(categories - set(known)), 1):
        catalogue.append((name, "cat%d" % i))

    lines = [
        "# generated by bench/synth_to_site.py from a synth.py corpus",
        "title: " + yaml_str(SITE_TITLE),
        "town: " + yaml_str(SITE_TOWN),
        "timezone: Asia/Shanghai",
        "categories:",
    ]
    for name, slug in catalogue:
        lines += ["  - slug: " + slug, "    name: " + yaml_str(name)]
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")

    for slug in sorted(communities):
        full = communities[slug]
        lines = [
            "name: " + yaml_str(full),
            "kind: " + ("社区" if full.endswith("社区") else "村"),
        ]
        town = town_of(full)
        if town:
            lines.append("town: " + yaml_str(town))
        os.makedirs(os.path.join(content, slug), exist_ok=True)
        with open(os.path.join(content, slug, "community.yml"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")

    linked = 0
    made = set()
    for slug, year, name, path in notices:
        d = os.path.join(content, slug, year)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        linked += link_or_copy(path, os.path.join(d, name))

    print("gongkai site: %d notices (%s), %d communities, %d categories -> %s" % (
        len(notices), "hard-linked" if linked == len(notices) else
        "%d hard-linked, %d copied" % (linked, len(notices) - linked),
        len(communities), len(catalogue), site))


if __name__ == "__main__":
    main(sys.argv)
