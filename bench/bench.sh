#!/usr/bin/env bash
# `make bench`: Folio's performance figures (docs/performance.md records them).
#   1. ingest + pipeline for ~1M and ~100k daily performance rows: median wall, peak RSS, stages
#   2. CSV parse rate (no-op sink, no SQLite)
#   3. the same ingest + pipeline through the sqlite3 shell (.import + .read), and the ratio
#   4. 1,000 plain Markdown pages: Folio vs Hugo
#   5. the sample report: render-only rebuild after a template change, and a no-op rebuild
#   6. charts (only when folio-bench has a `charts` command)
# Environment: BENCH_ROWS (default 1000000), BENCH_RUNS (default 5), BENCH_PAGES (default 1000),
# BENCH_MD_RUNS (runs of each Markdown-page build, default 20),
# FOLIO / FOLIO_BENCH (binaries; default .build/release/...), BENCH_SUMMARY (summary file).
# Needs the release binaries built first (the Makefile's bench target does that).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FOLIO=${FOLIO:-$ROOT/.build/release/folio}
FOLIO_BENCH=${FOLIO_BENCH:-$ROOT/.build/release/folio-bench}
ROWS_BIG=${BENCH_ROWS:-1000000}
ROWS_SMALL=$((ROWS_BIG / 10))
RUNS=${BENCH_RUNS:-5}
RUNS_BIG=${BENCH_RUNS_BIG:-3}   # the 1M-row build is the slow one
PAGES=${BENCH_PAGES:-1000}
SUMMARY_FILE=${BENCH_SUMMARY:-$ROOT/.build/bench-summary.txt}
source "$ROOT/bench/lib.sh"

for bin in "$FOLIO" "$FOLIO_BENCH"; do
  [ -x "$bin" ] || die "$bin is missing; run 'swift build -c release --product folio' and '--product folio-bench' (or 'make bench')"
done
ensure_tools

TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

say "Folio benchmark - $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(cpu_model)"
say "folio: $FOLIO   runs per figure: $RUNS (unless noted)   load now: $(load)"

# ---------------------------------------------------------------- 1. ingest + pipeline
# A project with the repo's pipeline/ and no pages. output/ is removed before each run: with a
# previous database there, even `--force` reuses it and skips ingest and pipeline.
ingest_bench() { # ROWS RUNS: sets ING_WALL ING_CPU ING_RSS ING_ROWS ING_LOAD, prints stage medians
  local rows=$1 runs=$2 proj=$TMP/ingest-$1
  mkdir -p "$proj"
  "$FOLIO" sample --out "$proj/data" --rows "$rows" >/dev/null
  cp -R "$ROOT/pipeline" "$proj/pipeline"
  ING_ROWS=$(($(wc -l <"$proj/data/performance_daily.csv") - 1))
  local mb
  mb=$(du -cm "$proj"/data/*.csv | awk 'END {print $1}')
  say "  $rows rows requested: performance_daily.csv has $ING_ROWS rows; inputs ${mb} MB"
  "$FOLIO" build --project "$proj" --quiet || die "folio build failed on $proj"   # warm-up
  ING_LOAD=$(load)
  local i walls=() rss=() cpus=()
  for ((i = 1; i <= runs; i++)); do
    local t0 t1
    rm -rf "$proj/output"
    t0=$(now_ns)
    /usr/bin/time -f '%M %U %S' -o "$TMP/rss" "$FOLIO" build --project "$proj" >"$TMP/stages.$rows.$i"
    t1=$(now_ns)
    grep -q '\] ingest .* rows' "$TMP/stages.$rows.$i" || die "run $i did not ingest: $(cat "$TMP/stages.$rows.$i")"
    walls+=("$(secs "$t0" "$t1")")
    rss+=("$(awk '{print $1}' "$TMP/rss")")
    cpus+=("$(awk '{printf "%.2f", $2 + $3}' "$TMP/rss")")
  done
  ING_WALL=$(printf '%s\n' "${walls[@]}" | median)
  ING_CPU=$(fmt2 "$(printf "%s\n" "${cpus[@]}" | median)")
  ING_RSS=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  say "  wall: median $(fmt3 "$ING_WALL") s of $runs runs (all: $(printf '%s ' "${walls[@]}"))  load $ING_LOAD"
  say "  CPU (user+sys): median $ING_CPU s (all: $(printf '%s ' "${cpus[@]}"))"
  say "  peak RSS: max $(mib "$ING_RSS") MiB over $runs runs"
  say "  stages (median of $runs, from folio's [i/5] lines):"
  stage_medians "$TMP"/stages."$rows".* | sed 's/^/    /'
}

say ""
say "== 1. ingest + pipeline, $ROWS_BIG rows (folio build from an empty output/, no pages)"
ingest_bench "$ROWS_BIG" "$RUNS_BIG"
BIG_WALL=$ING_WALL BIG_CPU=$ING_CPU BIG_RSS=$ING_RSS BIG_ROWS=$ING_ROWS BIG_LOAD=$ING_LOAD
say ""
say "== 1b. ingest + pipeline, $ROWS_SMALL rows"
ingest_bench "$ROWS_SMALL" "$RUNS"
SMALL_WALL=$ING_WALL SMALL_CPU=$ING_CPU SMALL_RSS=$ING_RSS SMALL_ROWS=$ING_ROWS SMALL_LOAD=$ING_LOAD
TIME_RATIO=$(awk -v a="$BIG_WALL" -v b="$SMALL_WALL" 'BEGIN {printf "%.2f", a / b}')
ROW_RATIO=$(awk -v a="$BIG_ROWS" -v b="$SMALL_ROWS" 'BEGIN {printf "%.2f", a / b}')
CPU_RATIO=$(awk -v a="$BIG_CPU" -v b="$SMALL_CPU" 'BEGIN {printf "%.2f", a / b}')
say ""
say "  growth: wall x$TIME_RATIO, CPU x$CPU_RATIO for rows x$ROW_RATIO ($( le "$TIME_RATIO" "$ROW_RATIO" && echo "no worse than linear" || echo "WORSE than linear"))"
row "ingest+pipeline ${BIG_ROWS} rows" "$(fmt3 "$BIG_WALL") s (cpu $BIG_CPU s)" "$RUNS_BIG" "<= 3 s" "$(met le "$BIG_WALL" 3)" "$BIG_LOAD"
row "peak RSS ${BIG_ROWS} rows" "$(mib "$BIG_RSS") MiB" "$RUNS_BIG (max)" "<= 1024 MiB" "$(met le "$(mib "$BIG_RSS")" 1024)" "$BIG_LOAD"
row "ingest+pipeline ${SMALL_ROWS} rows" "$(fmt3 "$SMALL_WALL") s (cpu $SMALL_CPU s, $(mib "$SMALL_RSS") MiB)" "$RUNS" "-" "-" "$SMALL_LOAD"
row "growth ${SMALL_ROWS} -> ${BIG_ROWS} rows" "wall x$TIME_RATIO, cpu x$CPU_RATIO" "-" "<= rows x$ROW_RATIO" "$(met le "$TIME_RATIO" "$ROW_RATIO")" "-"

# ---------------------------------------------------------------- 2. parse rate
say ""
say "== 2. CSV parse rate (folio-bench parse: Ingest into a no-op sink, no SQLite)"
PARSE_LOAD=$(load)
"$FOLIO_BENCH" parse "$TMP/ingest-$ROWS_BIG/data" "$RUNS" | tee "$TMP/parse.out" | grep -v '^RESULT' | sed 's/^/  /'
PARSE_MBS=$(awk '/^RESULT parse/ {for (i = 1; i <= NF; i++) if ($i ~ /^mb_per_s=/) {sub("mb_per_s=", "", $i); print $i}}' "$TMP/parse.out")
[ -n "$PARSE_MBS" ] || die "folio-bench parse printed no RESULT line"
say "  load $PARSE_LOAD"
row "CSV parse rate" "$PARSE_MBS MB/s" "$RUNS" "-" "-" "$PARSE_LOAD"

# ---------------------------------------------------------------- 3. sqlite3 shell
say ""
say "== 3. the same ingest + pipeline through the sqlite3 shell ($(sqlite3 --version | cut -d' ' -f1))"
big=$TMP/ingest-$ROWS_BIG
folio_db=$(ls "$big"/output/*/data/report.sqlite | head -1)
edition=$(sqlite3 "$folio_db" 'SELECT edition_month FROM folio_edition')
sqlite3 "$folio_db" "SELECT key || '|' || value FROM folio_config ORDER BY key" >"$TMP/config.txt"
"$FOLIO_BENCH" sqlite3-script "$big/data" "$big/pipeline" "$edition" "$TMP/config.txt" >"$TMP/shell.sql"
"$FOLIO_BENCH" sqlite3-script "$big/data" "$big/pipeline" "$edition" "$TMP/config.txt" --timer >"$TMP/shell-timer.sql"
SQLITE_RUNS=3
SQLITE_LOAD=$(load)
walls=() cpus=()
for ((i = 1; i <= SQLITE_RUNS; i++)); do
  rm -f "$TMP/shell.sqlite"
  t0=$(now_ns)
  /usr/bin/time -f '%U %S' -o "$TMP/cpu" sqlite3 -bail "$TMP/shell.sqlite" <"$TMP/shell.sql" >/dev/null ||
    die "sqlite3 shell run failed (script: $TMP/shell.sql)"
  t1=$(now_ns)
  walls+=("$(secs "$t0" "$t1")")
  cpus+=("$(awk '{printf "%.2f", $1 + $2}' "$TMP/cpu")")
done
SQLITE_WALL=$(printf '%s\n' "${walls[@]}" | median)
SQLITE_CPU=$(fmt2 "$(printf "%s\n" "${cpus[@]}" | median)")
SQLITE_RATIO=$(awk -v a="$SQLITE_WALL" -v b="$BIG_WALL" 'BEGIN {printf "%.2f", a / b}')
say "  sqlite3 wall: median $(fmt3 "$SQLITE_WALL") s of $SQLITE_RUNS runs (all: $(printf '%s ' "${walls[@]}")), CPU median $SQLITE_CPU s  load $SQLITE_LOAD"
say "  ratio sqlite3 / folio = $SQLITE_RATIO (folio $(fmt3 "$BIG_WALL") s; > 1 means Folio is faster)"
mismatch=$(compare_tables "$folio_db" "$TMP/shell.sqlite")
if [ -n "$mismatch" ]; then say "  WARNING: row counts differ between Folio's and sqlite3's database:"; say "$mismatch"; else say "  check: every table has the same row count in both databases"; fi
say "  time per file (sqlite3 .timer, one run; 'import' is the six .import commands, by difference):"
rm -f "$TMP/shell-timer.sqlite"
t0=$(now_ns)
sqlite3 -bail "$TMP/shell-timer.sqlite" <"$TMP/shell-timer.sql" >"$TMP/timer.out"
t1=$(now_ns)
per_file_times "$TMP/timer.out" "$(secs "$t0" "$t1")" | sed 's/^/    /'
row "sqlite3 shell, same SQL" "$(fmt3 "$SQLITE_WALL") s (cpu $SQLITE_CPU s)" "$SQLITE_RUNS" "Folio faster (ratio > 1)" "$(met gt "$SQLITE_RATIO" 1) (x$SQLITE_RATIO)" "$SQLITE_LOAD"
rm -f "$TMP"/shell*.sqlite

# ---------------------------------------------------------------- 4. Markdown pages vs Hugo
say ""
say "== 4. $PAGES plain Markdown pages (~4 KB, one layout, no SQL): Folio vs Hugo ($(hugo version | awk '{print $2}'))"
say "  Hugo is limited to the pages: taxonomy, term, RSS, sitemap, robotsTXT, 404, home and section kinds disabled"
"$ROOT/bench/gen-pages.sh" "$PAGES" "$TMP/md-folio" "$TMP/md-hugo"
say "  generated $(cat "$TMP"/md-folio/templates/pages/*.md | wc -c | awk -v n="$PAGES" '{printf "%.1f MB, %.1f KB a page", $1 / 1e6, $1 / n / 1024}')"
"$FOLIO" build --project "$TMP/md-folio" --force --quiet || die "folio build of the Markdown pages failed"
hugo --source "$TMP/md-hugo" --destination "$TMP/md-hugo/public" --quiet || die "hugo build failed"
fpages=$(find "$TMP/md-folio/output" -name 'page-*.html' | wc -l)
hpages=$(find "$TMP/md-hugo/public" -name '*.html' | wc -l)
say "  pages written: folio $fpages, hugo $hpages"
MD_RUNS=${BENCH_MD_RUNS:-20}   # the disk is shared and slow: the spread is wide, so more runs than elsewhere
# Both tools are timed the same way, twice:
#  a) rebuild: the previous output is there (folio --force re-renders every page; hugo always does);
#  b) clean build: hyperfine's --prepare (not timed) deletes each tool's output folder before every run.
# Reported: the median wall time and the mean user + sys CPU (hyperfine exports no CPU median).
md_hyperfine() { # CSV NAME_SUFFIX [--prepare FOLIO_PREP --prepare HUGO_PREP]
  local csv=$1 suffix=$2
  shift 2
  hyperfine --style basic -N --warmup 2 --runs "$MD_RUNS" --export-csv "$csv" "$@" \
    -n "folio$suffix" "$FOLIO build --project $TMP/md-folio --force --quiet" \
    -n "hugo$suffix" "hugo --source $TMP/md-hugo --destination $TMP/md-hugo/public --quiet" 2>&1 | sed 's/^/  /'
}
md_report() { # LABEL CSV SUFFIX LOAD
  local label=$1 csv=$2 sfx=$3 ld=$4 f h fc hc ratio
  f=$(hf_median "$csv" "folio$sfx") h=$(hf_median "$csv" "hugo$sfx")
  fc=$(hf_cpu "$csv" "folio$sfx") hc=$(hf_cpu "$csv" "hugo$sfx")
  ratio=$(awk -v a="$h" -v b="$f" 'BEGIN {printf "%.2f", a / b}')
  say "  $label median: folio $(fmt3 "$f") s (cpu $fc s), hugo $(fmt3 "$h") s (cpu $hc s); ratio hugo / folio = $ratio  load $ld"
  row "$PAGES Markdown pages, $label, folio" "$(fmt3 "$f") s (cpu $fc s)" "$MD_RUNS" "< hugo" "$(met lt "$f" "$h") (x$ratio)" "$ld"
  row "$PAGES Markdown pages, $label, hugo" "$(fmt3 "$h") s (cpu $hc s)" "$MD_RUNS" "-" "-" "$ld"
}
say "  a) rebuild over the previous output"
MD_LOAD=$(load)
md_hyperfine "$TMP/md.csv" ""
md_report rebuild "$TMP/md.csv" "" "$MD_LOAD"
say "  b) clean build into an empty output folder (deleted before each run, untimed)"
MD_CLEAN_LOAD=$(load)
md_hyperfine "$TMP/md-clean.csv" "-clean" --prepare "rm -rf $TMP/md-folio/output" --prepare "rm -rf $TMP/md-hugo/public"
md_report "clean build" "$TMP/md-clean.csv" "-clean" "$MD_CLEAN_LOAD"
fpages=$(find "$TMP/md-folio/output" -name 'page-*.html' | wc -l)
hpages=$(find "$TMP/md-hugo/public" -name '*.html' | wc -l)
[ "$fpages" = "$PAGES" ] && [ "$hpages" = "$PAGES" ] || say "  WARNING: after the clean builds: folio $fpages pages, hugo $hpages"

# ---------------------------------------------------------------- 5. sample report
say ""
say "== 5. the sample report: render-only rebuild and no-op rebuild"
sample=$TMP/sample
mkdir -p "$sample"
for d in data pipeline templates assets; do [ -d "$ROOT/$d" ] && cp -R "$ROOT/$d" "$sample/$d"; done
[ -f "$ROOT/folio.json" ] && cp "$ROOT/folio.json" "$sample/"
[ -f "$sample/data/performance_daily.csv" ] || "$FOLIO" sample --out "$sample/data" >/dev/null
"$FOLIO" build --project "$sample" | sed 's/^/  first build: /'
layout=$sample/templates/layouts/default.html
[ -f "$layout" ] || die "the sample project has no templates/layouts/default.html to change"
RENDER_LOAD=$(load)
walls=()
for ((i = 1; i <= RUNS; i++)); do
  printf '<!-- bench edit %d -->\n' "$i" >>"$layout"   # a content change: the fingerprint is a hash
  t0=$(now_ns)
  "$FOLIO" build --project "$sample" >"$TMP/render.$i"
  t1=$(now_ns)
  walls+=("$(secs "$t0" "$t1")")
  grep -q 'pipeline.*unchanged' "$TMP/render.$i" || say "  WARNING: run $i re-ran the pipeline: $(grep pipeline "$TMP/render.$i")"
done
RENDER_STAGE=$(stage_medians "$TMP"/render.* | awk '$1 == "render" {print $2}')
RENDER_WALL=$(printf '%s\n' "${walls[@]}" | median)
pages=$(awk '/\] render/ {for (i = 1; i < NF; i++) if ($(i + 1) == "pages") print $i}' "$TMP/render.1")
say "  after a template change (median of $RUNS): render stage $(fmt3 "$RENDER_STAGE") s for $pages pages, whole build $(fmt3 "$RENDER_WALL") s  load $RENDER_LOAD"
stage_medians "$TMP"/render.* | sed 's/^/    /'
row "sample report, render stage" "$(fmt3 "$RENDER_STAGE") s ($pages pages)" "$RUNS" "< 1 s" "$(met lt "$RENDER_STAGE" 1)" "$RENDER_LOAD"
row "sample report, template-change rebuild" "$(fmt3 "$RENDER_WALL") s" "$RUNS" "-" "-" "$RENDER_LOAD"
"$FOLIO" build --project "$sample" | grep -q 'up to date' || die "a second build with nothing changed was not 'up to date'"
NOOP_RUNS=30
NOOP_LOAD=$(load)
hyperfine --style basic -N --warmup 3 --runs "$NOOP_RUNS" --export-csv "$TMP/noop.csv" \
  -n noop "$FOLIO build --project $sample --quiet" 2>&1 | sed 's/^/  /'
NOOP=$(hf_median "$TMP/noop.csv" noop)
NOOP_MS=$(awk -v s="$NOOP" 'BEGIN {printf "%.1f", s * 1000}')
say "  no-op rebuild: median $NOOP_MS ms of $NOOP_RUNS runs  load $NOOP_LOAD"
row "no-op rebuild (sample report)" "$NOOP_MS ms" "$NOOP_RUNS" "< 100 ms" "$(met lt "$NOOP_MS" 100)" "$NOOP_LOAD"

# ---------------------------------------------------------------- 6. charts
say ""
# The charts helper's ChartsBench.swift prints lines like
#   charts: 1,000 typical charts (...): median 0.123 s wall, 0.120 s CPU over 5 runs, ...
#   charts: 1,000,000-point scatter (binned): 41234 bytes, median 0.456 s CPU
# main.swift must list `folio-bench charts` in its usage for this section to run.
if "$FOLIO_BENCH" help 2>&1 | grep -q '^ *folio-bench charts'; then
  say "== 6. charts (folio-bench charts)"
  CHARTS_LOAD=$(load)
  "$FOLIO_BENCH" charts | tee "$TMP/charts.out" | sed 's/^/  /'
  say "  load $CHARTS_LOAD"
  typical=$(awk '/typical charts/ {for (i = 1; i < NF; i++) if ($i == "median") {print $(i + 1); exit}}' "$TMP/charts.out")
  biggest=$(awk '{for (i = 2; i <= NF; i++) if ($i ~ /^bytes/) {n = $(i - 1) + 0; if (n > max) max = n}} END {print max + 0}' "$TMP/charts.out")
  if [ -n "$typical" ]; then
    row "charts: 1,000 typical" "$(fmt3 "$typical") s" "5" "< 1 s" "$(met lt "$typical" 1)" "$CHARTS_LOAD"
  fi
  row "charts: largest SVG" "$biggest bytes" "-" "<= 60 KB" "$(met le "$biggest" 61440)" "$CHARTS_LOAD"
else
  say "== 6. charts: skipped (this folio-bench has no 'charts' command)"
  row "charts" "skipped (no charts bench)" "-" "-" "-" "-"
fi

# ---------------------------------------------------------------- summary
say ""
print_summary | tee "$SUMMARY_FILE"
say "(summary also in $SUMMARY_FILE)"
