#!/usr/bin/env bash
# Generates the same N plain Markdown pages (about 4 KB each, no SQL, one shared
# layout) as a Folio project and as a Hugo site, for the Markdown build benchmark.
#   bench/gen-pages.sh N FOLIO_DIR HUGO_DIR
# Hugo is asked for HTML pages only: taxonomies, terms, RSS, sitemap, robots.txt,
# 404, home and section list pages are disabled, so both tools write N pages.
set -euo pipefail
n=${1:?usage: gen-pages.sh N FOLIO_DIR HUGO_DIR}
folio=${2:?FOLIO_DIR}
hugo=${3:?HUGO_DIR}

mkdir -p "$folio/templates/pages" "$folio/templates/layouts" "$hugo/content" "$hugo/layouts/_default"

cat >"$folio/templates/layouts/default.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{page.title}}</title>
</head>
<body>
<main>
<h1>{{page.title}}</h1>
{{{content}}}
</main>
</body>
</html>
HTML

cat >"$hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
</head>
<body>
<main>
<h1>{{ .Title }}</h1>
{{ .Content }}
</main>
</body>
</html>
HTML

cat >"$hugo/config.toml" <<'TOML'
baseURL = "http://example.org/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
disableHugoGeneratorInject = true
enableRobotsTXT = false
TOML

# One page body from a seeded generator: headings, paragraphs with inline markup,
# lists, a blockquote and a fenced code block; about 4 KB per page.
awk -v n="$n" -v folio="$folio/templates/pages" -v hugo="$hugo/content" '
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function word() { return words[int(rnd() * nw) + 1] }
function sentence(   k, s, w, len) {
  len = 8 + int(rnd() * 10)
  w = word()
  s = toupper(substr(w, 1, 1)) substr(w, 2)
  for (k = 2; k <= len; k++) {
    w = word(); r = rnd()
    if (r < 0.05) w = "*" w "*"
    else if (r < 0.08) w = "**" w "**"
    else if (r < 0.10) w = "`" w "`"
    else if (r < 0.12) w = "[" w "](https://example.org/" w ")"
    s = s " " w
  }
  return s "."
}
function paragraph(   k, p, m) {
  m = 2 + int(rnd() * 3); p = sentence()
  for (k = 2; k <= m; k++) p = p " " sentence()
  return p
}
BEGIN {
  nw = split("service latency request error budget region agency month report stability " \
    "migration cloud capacity peak season threshold metric score compliance tagging cost " \
    "storage compute egress utilisation incident review outage deploy release window " \
    "baseline target trend quarter portfolio ministry citizen portal payment licence tax", words, " ")
  seed = 42
  for (i = 1; i <= n; i++) {
    name = sprintf("page-%04d.md", i)
    body = ""
    body = body paragraph() "\n\n"
    for (sec = 1; sec <= 4; sec++) {
      body = body "## Section " sec ": " word() " " word() "\n\n"
      body = body paragraph() "\n\n"
      if (sec == 2) {
        for (k = 1; k <= 5; k++) body = body "- " sentence() "\n"
        body = body "\n"
      }
      if (sec == 3) {
        for (k = 1; k <= 4; k++) body = body k ". " sentence() "\n"
        body = body "\n> " sentence() " " sentence() "\n\n"
      }
      if (sec == 4) {
        body = body "```\n"
        for (k = 1; k <= 4; k++) body = body word() " = " int(rnd() * 1000) "  # " word() "\n"
        body = body "```\n\n"
      }
      body = body paragraph() "\n\n"
    }
    front = "---\ntitle: Page " i " " word() "\n---\n\n"
    printf "%s%s", front, body > (folio "/" name); close(folio "/" name)
    printf "%s%s", front, body > (hugo "/" name); close(hugo "/" name)
  }
}'
