#!/usr/bin/env bash
# Run every test. Installs Graphviz (the DOT tests run `dot`) and Chromium (the
# screenshot tests) from Debian's packages first when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
  else
    echo "warning: ${need[*]} missing and cannot be installed here; the tests that need them will fail" >&2
  fi
fi
# The integration tests read the Parquet tables back with pyarrow and DuckDB.
python3 -c "import pyarrow, duckdb" 2>/dev/null || python3 -m pip install --quiet pyarrow duckdb
# The crate boundaries are enforced by lints, not hoped for: clippy.toml keeps std::fs
# out of every crate whose job is not files; unsafe code is denied but in one module.
cargo clippy --workspace --all-targets --quiet -- -D warnings
# Benchmarks are compiled (so they cannot rot) but not run: they take minutes.
cargo bench --no-run --quiet
cargo test --workspace --release "$@"
