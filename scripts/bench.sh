#!/usr/bin/env bash
# Benchmarks (figures for docs/benchmarks.md): FHIR mapping of a year of sets, natively and in
# headless Chromium, the views' speed, memory and size on the demo page (release builds), and
# the distribution against a plain-JavaScript baseline on the same bytes (benches/views.mjs).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo bench --bench fhir_read
cargo bench --bench fhir_memory
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --release --target wasm32-unknown-unknown --test bench_browser -- --include-ignored --nocapture
trunk build --release --dist target/dist-release
node tests/e2e/bench-views.mjs target/dist-release
dist=$(./scripts/dist.sh | tail -1)
node benches/views.mjs "$dist"
