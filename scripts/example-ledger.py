#!/usr/bin/env python3
"""Re-baselines the example site's integrity ledger (content/ledger.jsonl).

ONLY for the example site in this repository, whose notices are written by
hand in commits rather than published by a clerk: a real site's ledger is
appended by `gongkai build` and must never be rewritten (docs/ledger.md).

Keeps the whole history of every notice whose latest recorded version still
matches its text (so the example revision and withdrawal stay), records every
other notice as first published at its own date (09:30 Beijing time unless the
date has a time), orders everything by time and re-chains it. Entries of
format 2 keep their `facts` and `files`; a notice recorded anew here gets them
from the next `gongkai build` (an `updated` entry), like any site upgraded
from format 1.

    python3 scripts/example-ledger.py [SITE]      # default: .
"""
import hashlib, json, os, re, sys

site = sys.argv[1] if len(sys.argv) > 1 else "."
content = os.path.join(site, "content")
path = os.path.join(content, "ledger.jsonl")

def canonical(raw):
    text = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    text = text.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = text.split(b"\n")
    if lines[0].rstrip() != b"---":
        return text, False
    for n, line in enumerate(lines[1:], 1):
        if line.rstrip() in (b"---", b"..."):
            front = b"\n".join(lines[: n + 1]) + b"\n"
            withdrawn = re.search(rb"^(withdrawn|\xe6\x92\xa4\xe5\x9b\x9e)\s*:", front, re.M) is not None
            return (front if withdrawn else text), withdrawn
    return text, False

def published_time(front):
    m = re.search(r"^(?:date|日期)\s*:\s*['\"]?(\d{4})\D(\d{1,2})\D(\d{1,2})\D?(?:\s+(\d{1,2}):(\d{2}))?", front, re.M)
    y, mo, d, h, mi = m.groups()
    h, mi = (int(h), int(mi)) if h else (9, 30)
    h -= 8  # Asia/Shanghai → UTC
    day = int(d)
    if h < 0:
        h += 24; day -= 1  # (no notice is dated on the 1st before 08:00 in the example)
    return f"{int(y):04d}-{int(mo):02d}-{day:02d}T{h:02d}:{mi:02d}:00Z"

notices = {}
for community in sorted(os.listdir(content)):
    folder = os.path.join(content, community)
    if not os.path.isdir(folder) or community.startswith((".", "_")):
        continue
    for year in sorted(os.listdir(folder)):
        if not re.fullmatch(r"\d{4}", year):
            continue
        for name in sorted(os.listdir(os.path.join(folder, year))):
            full = os.path.join(folder, year, name)
            if os.path.isdir(full):
                full, name = os.path.join(full, "index.md"), name + ".md"
            if not name.endswith(".md") or not os.path.exists(full):
                continue
            raw = open(full, "rb").read()
            if re.search(rb"^(draft|\xe8\x8d\x89\xe7\xa8\xbf)\s*:\s*(true|yes)", raw, re.M):
                continue
            text, withdrawn = canonical(raw)
            notices[f"{community}/{year}/{name[:-3]}"] = (hashlib.sha256(text).hexdigest(), text.decode("utf-8"), withdrawn)

old = [json.loads(l) for l in open(path, encoding="utf-8")] if os.path.exists(path) else []
latest = {e["id"]: e for e in old}
kept = [e for e in old if e["id"] in notices and latest[e["id"]]["version"] == notices[e["id"]][0]]
known = {e["id"] for e in kept}
for nid, (version, text, withdrawn) in notices.items():
    if nid not in known:
        kept.append({"time": published_time(text), "id": nid, "event": "withdrawn" if withdrawn else "published",
                     "version": version, "revisions": 0})
kept.sort(key=lambda e: (e["time"], e.get("seq", 0), e["id"]))
prev, out = "0" * 64, []
for seq, e in enumerate(kept, 1):
    e = dict(e, seq=seq, prev=prev)
    fields = "\n".join(str(e[k]) for k in ("seq", "time", "id", "event", "version", "revisions", "prev"))
    if "facts" in e or "files" in e:  # format 2 (docs/ledger.md)
        fields += "\n" + e.get("facts", "") + "\n" + e.get("files", "")
    e["hash"] = prev = hashlib.sha256(fields.encode()).hexdigest()
    out.append(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"{path}: {len(out)} 条记录（{len(notices)} 篇公告）")
