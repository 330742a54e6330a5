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

step "wasm tests in headless Chromium, against a FHIR test server"
# Medplum's FHIR router behind tests/fhir-server/server.mjs, on loopback only. It needs Node 22's
# global WebSocket, which Node 20 gives behind a flag.
export FHIR_TEST_PORT=${FHIR_TEST_PORT:-8103}
node_flags=()
node --experimental-websocket -e '' 2>/dev/null && node_flags+=(--experimental-websocket)
node "${node_flags[@]}" tests/fhir-server/server.mjs "$FHIR_TEST_PORT" >target/fhir-server.log 2>&1 &
server_pid=$!
# chromedriver leaves a Chromium profile (about 100 MB) in the temporary directory for every test
# binary; keep them in one directory that goes when the run ends.
browser_tmp=$(mktemp -d "${TMPDIR:-/tmp}/news2-wasm-tests.XXXXXX")
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$browser_tmp"' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$FHIR_TEST_PORT") 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat target/fhir-server.log; exit 1; }
  sleep 0.2
done
# The runner finds chromedriver on PATH and starts the browser with webdriver.json. The FHIR
# tests wait on a real server, so each test may take up to two minutes.
TMPDIR=$browser_tmp WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120} cargo test --target wasm32-unknown-unknown --tests

step "the demo page builds (trunk build)"
trunk build

step "the demo page end to end in headless Chromium: every scenario in nb, nn and en, axe-core"
node tests/e2e/demo.mjs dist

step "the layout at 320, 375, 480, 768 and 1400 px in Chromium, Firefox and WebKit: nothing cut off, banner first, axe-core; 20 compact widgets"
node tests/e2e/layout.mjs dist

step "the distribution on a strict-CSP host page (two widgets, auth callback, leaks)"
widget_dir=$(bash scripts/dist.sh | tail -1)
node tests/e2e/host.mjs "$widget_dir"

step "the distribution's ECharts (only the parts the chart uses) draws every scenario's options as the full library does"
node tests/e2e/echarts-parts.mjs "$widget_dir"

step "the same host page in Chromium, Firefox and WebKit: render, events, CSP, entry save, widgets made and removed"
node tests/e2e/host-engines.mjs "$widget_dir"

step "the distribution against a hostile FHIR server and host, with the strict CSP and without"
node tests/e2e/hostile.mjs "$widget_dir"
