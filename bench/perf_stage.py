#!/usr/bin/env python3
"""Where one stage's CPU goes, from a `perf record -g` of a build.

Usage:
    perf record -e cpu-clock -F 2000 -g -o perf.data gongkai build --site S --output O
    perf script -i perf.data | python3 bench/perf_stage.py [--stage REGEX] [--top N]

Keeps the samples whose call stack has a frame matching --stage (default:
the render stage's jobs, `SiteRenderer.render`), and sorts each into the
first group (from the innermost frame out) whose pattern one of its frames
matches: the template engine, view models, and so on. Prints milliseconds of
CPU per group (samples / frequency) and the hottest innermost functions.
Swift symbols are shown demangled when swift-demangle is on the PATH.

`--groups parse` looks at the parse stage (解析) instead: its samples are
those under `ContentParser.parse`, sorted into YAML, the privacy guard,
Markdown and the rest (docs/performance.md "Parse stage").
"""
import argparse, collections, re, shutil, subprocess, sys

GROUPS = [
    # Since the render jobs also compress and write their files (2026-12):
    ("pre-compression (.gz)", r"Precompress|libdeflate|deflate|ChunkedGzip"),
    ("writing files (spare tree)", r"OutputWriter|7Session|__libc_open|__libc_write|openat|fstatat|renameat"),
    ("template engine (GongkaiTemplate)", r"15GongkaiTemplate"),
    ("swift-mustache (the engine until 2026-12)", r"\$s8Mustache|MustacheParent|MustacheBox"),
    ("QR codes", r"QRCode|QRcode_|libqrencode"),
    ("notice.txt", r"noticeText|canonicalText|NoticeRecord"),
    ("api/notices.json", r"apiJSON|apiNotices|apiObject|JSONText"),
    ("ledger pages", r"ledger|Ledger"),
    ("overview pages", r"[Oo]verview|Compliance"),
    ("feeds", r"12SiteRendererV4feed"),
    ("sitemap", r"sitemap"),
    ("page keys", r"RenderKeys|pageKey|PageKey|StableHasher"),
    ("view models: notice page", r"noticePage|statusView|attachmentView|endsWithSignature"),
    ("view models: links", r"12SiteRendererV4link|URLPaths"),
    ("view models: layout", r"12SiteRendererV6layout"),
    ("view models: listings", r"listingPage|listingFiles|communityPage|homePage|searchPage|communityCards|categoryLinks"),
    ("theme assets", r"ContentHash"),
]

PARSE_GROUPS = [
    ("privacy guard", r"PrivacyGuard|PrivacyScanner|MobilePrefixes|privacyProblems"),
    ("YAML: Yams and libyaml", r"4Yams|yaml_parser|yaml_"),
    ("YAML: fast path", r"FrontMatterYAML"),
    ("YAML: nodes, keys (gongkai)", r"YAMLSource|YAMLNode|FrontMatterKey"),
    ("Markdown: cmark", r"cmark_|libcmark"),
    ("Markdown: the wrapper (walk, text, tables)", r"15GongkaiMarkdown"),
    ("summarise", r"summarise"),
    ("decoding, splitting the text", r"TextDecoding|FrontMatterSplit"),
    ("checking keys (NoticeParser)", r"NoticeParser"),
    ("notice list, memo, sorting", r"0B6ParserO5parse|ContentParser"),
]


def demangle(names):
    tool = shutil.which("swift-demangle")
    result = {n: n for n in names}
    swift = [n for n in names if n.startswith(("$s", "_$s"))]
    if not tool or not swift:
        return result
    out = subprocess.run([tool, "--simplified", "--compact"], input="\n".join(swift), capture_output=True, text=True).stdout
    result.update(zip(swift, out.splitlines()))
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", choices=["render", "parse"], default="render")
    ap.add_argument("--stage", default=None, help="regex of a frame every kept sample has")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--freq", type=float, default=2000.0, help="the -F given to perf record")
    args = ap.parse_args()
    default_stage = {"render": r"12SiteRendererV6render5meter5reuse", "parse": r"14GongkaiContent0B6ParserO5parse|13ContentParserO5parse"}[args.groups]
    stage = re.compile(args.stage or default_stage)
    groups = [(name, re.compile(p)) for name, p in (PARSE_GROUPS if args.groups == "parse" else GROUPS)]
    by_group, by_leaf = collections.Counter(), collections.Counter()
    total = kept = 0
    frames = []

    def flush():
        nonlocal total, kept
        if not frames:
            return
        total += 1
        # libcmark is built without frame pointers: its samples lose the
        # stack above it. In a build only the parse stage runs cmark.
        lost = args.groups == "parse" and "libcmark" in frames[0] and not any(stage.search(f) for f in frames)
        if lost:
            kept += 1
            by_leaf[frames[0]] += 1
            by_group["Markdown: cmark (stack lost in libcmark)"] += 1
        elif any(stage.search(f) for f in frames):
            kept += 1
            by_leaf[frames[0]] += 1
            for f in frames:
                hit = next((name for name, p in groups if p.search(f)), None)
                if hit:
                    by_group[hit] += 1
                    break
            else:
                by_group["other (runtime, allocation, strings)"] += 1
        frames.clear()

    for line in sys.stdin:
        if not line.strip():
            flush()
        elif line.startswith((" ", "\t")):
            parts = line.split(None, 1)
            if len(parts) == 2:
                name, _, library = parts[1].rstrip().rpartition(" (")
                name = name.split("+0x")[0]
                if name == "[unknown]":
                    # Keep the library: libcmark (Debian) has no symbols for its inner functions.
                    name += " (" + library.rstrip(")").rsplit("/", 1)[-1] + ")"
                frames.append(name)
        else:
            flush()
    flush()
    ms = lambda n: n / args.freq * 1000
    print(f"{kept} of {total} samples in the stage: {ms(kept):.0f} ms of CPU (at {args.freq:.0f} Hz)")
    for name, n in by_group.most_common():
        print(f"  {ms(n):8.0f} ms  {100 * n / max(kept, 1):5.1f} %  {name}")
    names = demangle([n for n, _ in by_leaf.most_common(args.top)])
    print("hottest innermost functions:")
    for n, c in by_leaf.most_common(args.top):
        print(f"  {ms(c):8.0f} ms  {names.get(n, n)[:150]}")


if __name__ == "__main__":
    main()
