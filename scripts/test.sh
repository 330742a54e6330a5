#!/usr/bin/env bash
# Every check of the project, in the order a reviewer reads them: setup (skipped when done),
# formatting, lints, native tests, the wasm tests in headless Chromium, and a build of the demo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native and wasm32), warnings are errors"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test

step "wasm tests in headless Chromium"
# The runner finds chromedriver on PATH and starts the browser with webdriver.json.
cargo test --target wasm32-unknown-unknown --tests

step "the demo page builds (trunk build)"
trunk build
