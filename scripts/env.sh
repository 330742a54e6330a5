# Sourced by the project's scripts: selects the toolchain that scripts/setup.sh chose and puts
# cargo-installed tools on PATH. Sets nothing when setup has not run yet.
export PATH="$HOME/.cargo/bin:$PATH"
_news2_env="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/toolchain.env"
if [ -f "$_news2_env" ]; then
  _news2_toolchain=$(sed -n 's/^RUSTUP_TOOLCHAIN=//p' "$_news2_env")
  if [ -n "$_news2_toolchain" ]; then export RUSTUP_TOOLCHAIN="$_news2_toolchain"; fi
  unset _news2_toolchain
fi
unset _news2_env
