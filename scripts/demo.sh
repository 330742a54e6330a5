#!/usr/bin/env bash
# Serves the demo page (index.html) with Trunk on 127.0.0.1, rebuilding on change.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh

port=${PORT:-8080}
echo "news2-widget demo: http://127.0.0.1:$port/  (Ctrl+C stops it)"
exec trunk serve --address 127.0.0.1 --port "$port"
