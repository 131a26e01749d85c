#!/usr/bin/env bash
# Runs the third-party OData client test against a real API on loopback:
#   npm ci (pinned by package-lock.json), build and start the API with a temp data dir on SQLite,
#   mint a vendor token under the same data dir, run client-test.mjs, stop the API.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${RH_CLIENT_PORT:-5099}
data=$(mktemp -d -t rh-client-XXXXXX)
export ResourceHub__DataDir="$data"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$repo/src/ResourceHub.Api" -v q -nologo >/dev/null
dotnet run --no-build --project "$repo/src/ResourceHub.Api" -- --urls "http://127.0.0.1:$port" >"$data/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/odata/\$metadata" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$data/api.log"; exit 1; }
  sleep 1
done
token=$(dotnet run --no-build --project "$repo/src/ResourceHub.Api" -- token --user client-test --role vendor --org acme)
RH_BASE="http://127.0.0.1:$port/odata" RH_TOKEN="$token" node "$here/client-test.mjs"
