#!/usr/bin/env bash
# Benchmarks (figures for docs/benchmarks.md): FHIR mapping of a year of sets, natively and in
# headless Chromium, and the views' speed, memory and size on the demo page (release builds).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo bench --bench fhir_read
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --release --target wasm32-unknown-unknown --test bench_browser -- --include-ignored --nocapture
trunk build --release --dist target/dist-release
node tests/e2e/bench-views.mjs target/dist-release
