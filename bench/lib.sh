# Helpers for bench/bench.sh (sourced; not run on its own).

say() { printf '%s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages the benchmark needs when a tool is missing (apt-get only).
ensure_tools() {
  local missing=() tool pkg
  for pair in hyperfine:hyperfine hugo:hugo sqlite3:sqlite3 /usr/bin/time:time; do
    tool=${pair%%:*} pkg=${pair#*:}
    command -v "$tool" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing with apt-get: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
    die "could not install ${missing[*]} with apt-get"
}

# The 1-, 5- and 15-minute load averages, e.g. "6.31 7.02 6.60".
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_model() { awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo; }
now_ns() { date +%s%N; }
# Seconds between two now_ns values, 4 decimals.
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.4f", (b - a) / 1e9}'; }
fmt2() { awk -v x="$1" 'BEGIN {printf "%.2f", x}'; }
fmt3() { awk -v x="$1" 'BEGIN {printf "%.3f", x}'; }
# KiB (as /usr/bin/time prints max RSS) to MiB.
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# Median of the numbers on stdin, one a line.
median() {
  sort -g | awk '{a[NR] = $1} END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 <= b + 0)}'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 < b + 0)}'; }
gt() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 > b + 0)}'; }
# `met le A B` prints "yes" when A <= B, else "NO".
met() { if "$@"; then echo yes; else echo NO; fi; }

# The median of hyperfine's --export-csv column "median" for the command named NAME.
hf_median() {
  awk -F, -v name="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == "median") col = i; next}
    $1 == name {print $col}' "$1"
}

# user + system seconds (the mean over runs; hyperfine exports no CPU median) for command NAME.
hf_cpu() {
  awk -F, -v name="$2" 'NR == 1 {for (i = 1; i <= NF; i++) {if ($i == "user") u = i; if ($i == "system") y = i}; next}
    $1 == name {printf "%.2f\n", $u + $y}' "$1"
}

# Median seconds per stage over folio build outputs (lines like "[2/5] ingest  ...  1.23 s"),
# in stage order: "ingest 1.23".
stage_medians() {
  awk '/^\[[0-9]+\/[0-9]+\] / && $NF == "s" {
      name = $2
      if (!(name in n)) { order[++stages] = name; n[name] = 0 }
      v[name, ++n[name]] = $(NF - 1)
    }
    END {
      for (s = 1; s <= stages; s++) {
        name = order[s]; m = n[name]
        for (i = 1; i <= m; i++) a[i] = v[name, i] + 0
        for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        med = m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        printf "%-9s %.2f\n", name, med
      }
    }' "$@"
}

# Tables and views whose row counts differ between two databases (empty when all agree).
compare_tables() {
  local a=$1 b=$2 name ca cb
  sqlite3 "$a" "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name" |
    while read -r name; do
      ca=$(sqlite3 "$a" "SELECT COUNT(*) FROM \"$name\"")
      cb=$(sqlite3 "$b" "SELECT COUNT(*) FROM \"$name\"" 2>/dev/null || echo missing)
      [ "$ca" = "$cb" ] || printf '    %s: folio %s, sqlite3 %s\n' "$name" "$ca" "$cb"
    done
}

# Per-file seconds from a sqlite3 run with ".print FILE name" markers and ".timer on"
# ("Run Time: real X user Y sys Z" per statement); the dot-command .import is not timed,
# so "import" gets the total wall time minus every timed statement.
per_file_times() {
  awk -v total="$2" '
    /^FILE / { cur = $2; if (!(cur in t)) { order[++n] = cur; t[cur] = 0 }; next }
    /^Run Time: real / { t[cur] += $4; timed += $4 }
    END {
      t["import"] += total - timed
      for (i = 1; i <= n; i++) printf "%-32s %7.3f s  %5.1f %%\n", order[i], t[order[i]], 100 * t[order[i]] / total
      printf "%-32s %7.3f s\n", "total (wall)", total
    }' "$1"
}

# Summary rows: benchmark, median, runs, target, met, load (1/5/15 min) at the time.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$TMP/summary.tsv"; }
print_summary() {
  {
    printf 'benchmark\tmedian\truns\ttarget\tmet\tload 1/5/15 min\n'
    cat "$TMP/summary.tsv"
  } | awk -F'\t' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } ; rows = NR; cols = NF }
    END {
      for (r = 1; r <= rows; r++) {
        line = ""
        for (i = 1; i <= cols; i++) line = line sprintf("%-" w[i] "s", cell[r, i]) (i < cols ? "  " : "")
        print line
        if (r == 1) { sep = ""; for (i = 1; i <= length(line); i++) sep = sep "-"; print sep }
      }
    }'
}
