#!/usr/bin/env bash
# Run every test. Installs Graphviz (the DOT tests run `dot`), Chromium (the
# screenshot and explorer tests), Firefox ESR (the explorer opened in Firefox) and xmllint (libxml2-utils: the GraphML and GEXF schema
# checks) from Debian's packages first when they are missing and we are root, and with
# pip, when missing, the Python readers the interchange tests check exports with
# (networkx, igraph, pandas; networkx with scipy is also the network measures' oracle)
# and Python's playwright (the browser tests: the explorer, TimelineJS).
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
  else
    echo "warning: ${need[*]} missing and cannot be installed here; the tests that need them will fail" >&2
  fi
fi
if ! python3 -c 'import networkx, igraph, pandas, scipy' >/dev/null 2>&1; then
  echo "installing networkx, igraph, pandas and scipy (the export readers and the measures' oracle)" >&2
  python3 -m pip install --quiet networkx igraph pandas scipy \
    || echo "warning: networkx, igraph, pandas or scipy missing; the interchange and network tests will fail" >&2
fi
# The browser tests (the explorer, TimelineJS) drive the system Chromium with Python's Playwright
# (never `playwright install`: no browser is downloaded).
if ! python3 -c "import playwright.sync_api" >/dev/null 2>&1; then
  echo "installing python playwright" >&2
  python3 -m pip install --quiet playwright || echo "warning: playwright missing; the browser tests will fail" >&2
fi
# The integration tests read the Parquet tables back with pyarrow and DuckDB.
if ! python3 -c "import pyarrow, duckdb" >/dev/null 2>&1; then
  echo "installing pyarrow and duckdb (the Parquet tables' readers)" >&2
  python3 -m pip install --quiet pyarrow duckdb || echo "warning: pyarrow or duckdb missing; the Parquet tests will fail" >&2
fi
# The explorer is also opened in Debian's Firefox ESR, driven over WebDriver BiDi by
# puppeteer-core from the npm registry (pinned by its package-lock.json; no browser
# is downloaded).
if [ ! -d tests/browser/firefox/node_modules/puppeteer-core ]; then
  echo "installing puppeteer-core (the Firefox check's driver)" >&2
  npm ci --silent --no-audit --no-fund --prefix tests/browser/firefox >/dev/null \
    || echo "warning: puppeteer-core missing; the Firefox check will fail" >&2
fi
# The crate boundaries are enforced by lints, not hoped for: clippy.toml keeps std::fs
# out of every crate whose job is not files; unsafe code is denied but in one module.
cargo clippy --workspace --all-targets --quiet -- -D warnings
# Benchmarks are compiled (so they cannot rot) but not run: they take minutes.
cargo bench --no-run --quiet
cargo test --workspace --release "$@"
