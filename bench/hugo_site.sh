#!/usr/bin/env bash
# Wrap a notice corpus (the output of bench/synth.py)
# in a minimal Hugo site, for use as a performance baseline.
#
# Usage:
#     bash bench/hugo_site.sh CORPUS_DIR SITE_DIR
#     cd SITE_DIR && hugo --quiet --minify=false -d public
#
# Tested with Debian 12's hugo 0.111.3 (apt-get install -y hugo).
#
# SITE_DIR is (re)created: if it exists it must be an earlier output of this
# script (it carries a .hugo_site marker), and it is then deleted first.
#   content/   the corpus' community folders, hard-linked (copied if CORPUS_DIR
#              is on another file system); communities.json is left out
#   data/communities.json   slug -> community name, shown on list pages
#   layouts/_default/{baseof,single,list}.html
#   config.toml
# Output: one page per notice (/<community>/<file>/index.html), one list page
# per community section (all its notices, newest first), the home page (all
# communities with counts), /category/ (all categories with counts) and one
# page per category term (all its notices; no pagination anywhere).
# RSS, sitemap, robots.txt and 404 are disabled.  Goldmark is left at Hugo's
# defaults (GFM tables/strikethrough/linkify/task lists, typographer,
# definition lists, footnotes, auto heading IDs; raw HTML is omitted).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 CORPUS_DIR SITE_DIR" >&2
    exit 2
fi
corpus=$(cd "$1" && pwd)
site=$2

if [ -e "$site" ]; then
    if [ ! -e "$site/.hugo_site" ]; then
        echo "$site exists and was not made by $0; refusing to delete it" >&2
        exit 1
    fi
    rm -rf "$site"
fi
mkdir -p "$site/content" "$site/data" "$site/layouts/_default"
touch "$site/.hugo_site"
site=$(cd "$site" && pwd)

# content: every folder of the corpus (one per community)
for d in "$corpus"/*/; do
    d=${d%/}
    cp -al "$d" "$site/content/" 2>/dev/null || cp -a "$d" "$site/content/"
done
if [ -f "$corpus/communities.json" ]; then
    cp "$corpus/communities.json" "$site/data/communities.json"
else
    echo '{}' > "$site/data/communities.json"
fi

cat > "$site/config.toml" <<'EOF'
baseURL = "https://example.org/"
languageCode = "zh-CN"
title = "村务公开"
hasCJKLanguage = true
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
disableHugoGeneratorInject = true
enableRobotsTXT = false

[taxonomies]
  category = "category"
EOF

cat > "$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "/category/" | relURL }}">分类</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
EOF

cat > "$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
{{- range .GetTerms "category" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{- with .Parent }} · <a href="{{ .RelPermalink }}">{{ index site.Data.communities .Section | default .Title }}</a>{{ end }}
{{- with .Params.period }} · 公示期 {{ .from }} 至 {{ .to }}{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
EOF

cat > "$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<h1>{{ if eq .Kind "section" }}{{ index site.Data.communities .Section | default .Title }}{{ else }}{{ .Title }}{{ end }}</h1>
<ul>
{{- range .Pages }}
{{- if eq .Kind "page" }}
<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{- else if eq .Kind "section" }}
<li><a href="{{ .RelPermalink }}">{{ index site.Data.communities .Section | default .Title }}</a> ({{ len .Pages }})</li>
{{- else }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>
{{- end }}
{{- end }}
</ul>
{{ end }}
EOF

echo "hugo site for $corpus -> $site ($(find "$site/content" -name '*.md' | wc -l) content files)"
