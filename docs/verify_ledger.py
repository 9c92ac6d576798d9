#!/usr/bin/env python3
"""Checks a gongkai site against its integrity ledger, without gongkai (docs/ledger.md).
Usage: python3 verify_ledger.py PUBLIC_DIR   (exit 0: all match; 1: problems listed)"""
import hashlib, html, json, os, re, sys

sha = lambda data: hashlib.sha256(data).hexdigest()
site, ok, prev, versions = sys.argv[1], True, "0" * 64, {}
entries = json.load(open(os.path.join(site, "ledger.json"), encoding="utf-8"))["entries"]
for n, e in enumerate(entries, 1):
    fields = "\n".join(str(e[k]) for k in ("seq", "time", "id", "event", "version", "revisions", "prev"))
    if "facts" in e or "files" in e:  # format 2: what the page shows, and the files
        fields += "\n" + e.get("facts", "") + "\n" + e.get("files", "")
    if e["seq"] != n or e["prev"] != prev or sha(fields.encode()) != e["hash"]:
        print(f"账本链条断裂：第 {n} 条记录"); ok = False
    prev = e["hash"]
    versions.setdefault(e["id"], []).append(e)
for nid, recorded in sorted(versions.items()):
    folder = os.path.join(site, *nid.split("/"))
    read = lambda name: open(os.path.join(folder, name), "rb").read()
    try:
        text = sha(read("notice.txt"))
        page = re.search(r'data-gongkai-version="([0-9a-f]{64})"', read("index.html").decode())
    except OSError:
        text = page = None
    same = [e for e in recorded if e["version"] == text]
    if not same or not page or page.group(1) != text:
        print(f"与账本不符：{nid}"); ok = False; continue
    entry = same[-1]
    try:  # format 2: facts.txt and files.sha256 as recorded, every attachment as listed
        if "facts" in entry and sha(read("facts.txt")) != entry["facts"]:
            print(f"页面信息与账本不符：{nid}/facts.txt"); ok = False
        elif "facts" in entry:  # the page shows the recorded title, 文号, issuer, contact …
            facts = dict(l.split(": ", 1) for l in read("facts.txt").decode().splitlines()[1:] if not l.startswith("attachment"))
            for key, shown in re.findall(r'data-gongkai-fact="(\w+)"[^>]*>([^<]*)<', read("index.html").decode()):
                if key in ("title", "number", "issuer", "supervision", "contact", "phone", "address") and html.unescape(shown) != facts.get(key):
                    print(f"页面上的信息与账本不符：{nid}（{key}）"); ok = False
        if "files" in entry:
            # a notice without attachments or table files publishes no list (the ledger has the empty one)
            listing = b"" if entry["files"] == sha(b"") and not os.path.exists(os.path.join(folder, "files.sha256")) else read("files.sha256")
            if sha(listing) != entry["files"]:
                print(f"附件清单与账本不符：{nid}/files.sha256"); ok = False; continue
            attached = [l.split(": ", 1)[1].split("\t")[0] for l in read("facts.txt").decode().splitlines() if l.startswith("attachment: ")]
            for line in listing.decode().splitlines():
                digest, name = line.split("  ", 1)
                if name in attached and sha(read(name)) != digest:
                    print(f"附件与账本不符：{nid}/{name}"); ok = False
    except OSError as missing:
        print(f"缺少文件：{nid}（{missing.filename}）"); ok = False
print("核对通过" if ok else "核对未通过"); sys.exit(0 if ok else 1)
