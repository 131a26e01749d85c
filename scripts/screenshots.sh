#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots/*.png): the real host with demo data on loopback,
# Debian's chromium through Playwright, each page as the role that uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/ResourceHub.Bench.Web -- --screenshots docs/screenshots
