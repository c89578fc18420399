# Folio — the two commands a new machine needs are `make report` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libsqlite3-dev sqlite3 librsvg2-bin chromium python3
BIN := .build/release/folio

.PHONY: report test bench setup build sample clean

# Installs the Debian packages Folio needs when one is missing (uses apt-get; run as root or via sudo).
setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build -c release --product folio

# Writes the sample data when data/ has none, then builds the sample report into output/.
sample: build
	@[ -f data/performance_daily.csv ] || $(BIN) sample --out data

report: sample
	$(BIN) build

test: setup
	$(SWIFT) test

# Benchmarks (docs/performance.md): installs hyperfine, hugo, sqlite3 with apt-get when missing.
# BENCH_ROWS, BENCH_RUNS, BENCH_PAGES override the sizes (see bench/bench.sh).
bench: setup
	$(SWIFT) build -c release --product folio
	$(SWIFT) build -c release --product folio-bench
	bench/bench.sh

clean:
	rm -rf .build output/*
