#!/usr/bin/env bash
# Installs everything news2-widget needs to build, test and serve its demo, and nothing twice.
#
# Why a script: the project must come up on a fresh machine with one command, and on the
# project's build machines the Rust distribution server is out of reach, so the ordinary
# `rustup target add wasm32-unknown-unknown` hangs. There we fall back to Debian's `rustc-web`
# toolchain with a wasm32 std built locally (see ../shared/toolchain.md when it is beside the
# checkout). On a developer laptop the ordinary rustup route is taken and no Debian path is used.
#
# Idempotent: every step checks first and skips what is present; a second run takes seconds.
# Writes the chosen toolchain to target/toolchain.env, which scripts/env.sh reads.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Versions are pinned together: wasm-bindgen-cli must equal the `wasm-bindgen` crate in
# Cargo.toml; trunk 0.21.14 is the newest that builds with rustc 1.96 (0.22 wants 1.96.1).
wasm_bindgen_version=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
trunk_version=0.21.14
debian_toolchain=debian-web

say() { printf '[setup] %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  have apt-get || { say "need the Debian packages ${missing[*]} but this machine has no apt-get"; exit 1; }
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    $sudo apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- 1. A Rust toolchain that can build for wasm32 -------------------------------------------
toolchain_env="$root/target/toolchain.env"
mkdir -p "$root/target"

default_has_wasm() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }

# The wasm32 std built for Debian's rustc lives in its sysroot, stamped with the exact compiler
# it was built by, so a Debian upgrade of rustc-web triggers a rebuild rather than a mismatch.
debian_wasm_lib() { echo "$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"; }
debian_has_wasm() {
  [ -x /usr/bin/rustc ] && rustup toolchain list 2>/dev/null | grep -q "^$debian_toolchain" &&
    [ -f "$(debian_wasm_lib)/.built-by" ] &&
    [ "$(cat "$(debian_wasm_lib)/.built-by")" = "$(/usr/bin/rustc -vV)" ]
}

build_debian_toolchain() {
  say "falling back to Debian's rustc-web with a locally built wasm32 std"
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld-22
  if ! rustup toolchain list | grep -q "^$debian_toolchain"; then
    rustup toolchain link "$debian_toolchain" /usr
  fi
  if ! debian_has_wasm; then
    say "building std for wasm32 (about 3 minutes)"
    local tmp; tmp=$(mktemp -d)
    /usr/bin/cargo new --quiet --lib "$tmp/wasm-std"
    (cd "$tmp/wasm-std" && PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet \
      --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,test)
    local dest; dest=$(debian_wasm_lib)
    mkdir -p "$dest"
    cp "$tmp"/wasm-std/target/wasm32-unknown-unknown/release/deps/lib*.rlib "$dest"/
    rm -f "$dest"/libwasm_std*.rlib
    /usr/bin/rustc -vV >"$dest/.built-by"
    rm -rf "$tmp"
  fi
}

# NEWS2_TOOLCHAIN=debian forces the fallback (to test it on a machine where rustup works).
case "${NEWS2_TOOLCHAIN:-auto}" in
  debian) build_debian_toolchain; echo "RUSTUP_TOOLCHAIN=$debian_toolchain" >"$toolchain_env" ;;
  auto)
    if default_has_wasm; then
      echo "RUSTUP_TOOLCHAIN=" >"$toolchain_env"
    elif debian_has_wasm; then
      echo "RUSTUP_TOOLCHAIN=$debian_toolchain" >"$toolchain_env"
    elif have rustup && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      say "installed the wasm32 target with rustup"
      echo "RUSTUP_TOOLCHAIN=" >"$toolchain_env"
    else
      say "rustup could not install the wasm32 target within 60 s"
      build_debian_toolchain
      echo "RUSTUP_TOOLCHAIN=$debian_toolchain" >"$toolchain_env"
    fi
    ;;
  *) say "NEWS2_TOOLCHAIN must be auto or debian, not '$NEWS2_TOOLCHAIN'"; exit 1 ;;
esac
# shellcheck source=scripts/env.sh
. "$root/scripts/env.sh"
if [ -z "${RUSTUP_TOOLCHAIN:-}" ]; then
  # rustup's route: make sure the lint and format components are there too.
  for c in clippy rustfmt; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

# --- 2. Command-line tools from crates.io ---------------------------------------------------
installed_version() { "$1" --version 2>/dev/null | awk '{print $2}'; }
if [ "$(installed_version wasm-bindgen)" != "$wasm_bindgen_version" ]; then
  # Not --locked: the lock file of 0.2.130 names a dependency version the registry no longer has.
  say "cargo install wasm-bindgen-cli $wasm_bindgen_version (about 5 minutes)"
  cargo install --quiet wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi
if [ "$(installed_version trunk)" != "$trunk_version" ]; then
  # --locked: without it a newer lightningcss is picked that does not compile with trunk 0.21.
  say "cargo install trunk $trunk_version (10 to 14 minutes)"
  cargo install --quiet trunk --version "$trunk_version" --locked --force
fi

# --- 3. A browser for the wasm tests ------------------------------------------------------------
if ! have chromedriver || ! { have chromium || have google-chrome || have chrome; }; then
  if have apt-get; then
    apt_install chromium chromium-driver
  else
    say "install Chrome or Chromium and a matching chromedriver, then run this again"; exit 1
  fi
fi

# --- 3b. Firefox ESR and WebKitGTK, for the checks that run in every engine (docs/browsers.md) ----
# Firefox through puppeteer-core (WebDriver BiDi); WebKitGTK's MiniBrowser through
# WebKitWebDriver, which needs an X display: xvfb-run gives it a virtual one.
if ! have firefox-esr || ! have WebKitWebDriver || ! have xvfb-run; then
  if have apt-get; then
    apt_install firefox-esr webkit2gtk-driver xvfb xauth
  else
    say "install Firefox ESR, WebKitGTK's WebKitWebDriver (with MiniBrowser) and xvfb-run, then run this again"; exit 1
  fi
fi

# --- 4. Front-end packages (ECharts) ----------------------------------------------------------
have npm || apt_install npm
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- 5. Crates, so later builds (and Trunk's offline mode) need no network ----------------------
cargo fetch --quiet
say "ready (toolchain: ${RUSTUP_TOOLCHAIN:-rustup default})"
