#!/usr/bin/env python3
"""Checks a gongkai site against its integrity ledger, without gongkai (docs/ledger.md).
Usage: python3 verify_ledger.py PUBLIC_DIR   (exit 0: all match; 1: problems listed)"""
import hashlib, json, os, re, sys

site, ok, prev, versions = sys.argv[1], True, "0" * 64, {}
entries = json.load(open(os.path.join(site, "ledger.json"), encoding="utf-8"))["entries"]
for n, e in enumerate(entries, 1):
    fields = "\n".join(str(e[k]) for k in ("seq", "time", "id", "event", "version", "revisions", "prev"))
    if e["seq"] != n or e["prev"] != prev or hashlib.sha256(fields.encode()).hexdigest() != e["hash"]:
        print(f"账本链条断裂：第 {n} 条记录"); ok = False
    prev = e["hash"]
    versions.setdefault(e["id"], set()).add(e["version"])
for nid, recorded in sorted(versions.items()):
    folder = os.path.join(site, *nid.split("/"))
    try:
        text = hashlib.sha256(open(os.path.join(folder, "notice.txt"), "rb").read()).hexdigest()
        page = re.search(r'data-gongkai-version="([0-9a-f]{64})"', open(os.path.join(folder, "index.html"), encoding="utf-8").read())
    except OSError:
        text = page = None
    if text not in recorded or not page or page.group(1) != text:
        print(f"与账本不符：{nid}"); ok = False
print("核对通过" if ok else "核对未通过"); sys.exit(0 if ok else 1)
