#!/usr/bin/env bash
# Builds the distribution a host serves or loads from a CDN, into pkg/news2-widget-<version>/:
#   news2-widget.js        the one module to load (defines <news2-widget>, exports score)
#   news2_widget.js        wasm-bindgen's glue, news2_widget_bg.wasm the widget (wasm-opt -Oz)
#   echarts.news2.js       the parts of ECharts 5.5.1 the chart draws with (src/embed/echarts/
#                          parts.js, bundled by esbuild), imported when a chart is first shown
#   news2-widget.d.ts      TypeScript declarations (element, properties, events, score)
#   custom-elements.json   the custom elements manifest
# Prints the folder's path. The version is in the folder name and in `version()`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=scripts/env.sh
. scripts/env.sh

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out="pkg/news2-widget-$version"
rm -rf "$out"
mkdir -p "$out"

cargo build --quiet --release --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir "$out" --out-name news2_widget \
  target/wasm32-unknown-unknown/release/news2_widget.wasm
# binaryen from npm (Debian's wasm-opt breaks the module, ../shared/toolchain.md).
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/news2_widget_bg.wasm" -o "$out/news2_widget_bg.wasm"
# Production mode drops ECharts' development warnings; the licences stay, at the end.
node_modules/.bin/esbuild src/embed/echarts/parts.js --bundle --format=esm --minify \
  --define:process.env.NODE_ENV='"production"' --legal-comments=eof --log-level=warning \
  --outfile="$out/echarts.news2.js"
cp src/embed/dist/news2-widget.js src/embed/dist/news2-widget.d.ts src/embed/dist/custom-elements.json "$out/"
echo "$out"
