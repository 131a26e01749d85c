#!/usr/bin/env bash
# Runs every test of ResourceHub. Installs what a clean machine lacks (ffmpeg, poppler, LibreOffice, PostgreSQL,
# Ceph radosgw, the npm client), starts a throw-away PostgreSQL and a real S3 server on loopback,
# runs the whole solution's tests against them plus the third-party OData client test, and stops
# the servers again. Elasticsearch tests run only when ES_URL is set (they say so when skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log() { echo "== $*" >&2; }

need=()
command -v ffmpeg >/dev/null || need+=(ffmpeg)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# Office previews: LibreOffice headless converts decks and documents to PDF (no X server needed).
command -v soffice >/dev/null || need+=(libreoffice-core libreoffice-impress libreoffice-writer libreoffice-calc)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v radosgw >/dev/null || need+=(radosgw ceph-mon ceph-osd)
command -v curl >/dev/null || need+=(curl)
# The web suite drives Debian's chromium through Playwright (no browser download); npm vendors hls.js at build.
command -v chromium >/dev/null || need+=(chromium)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export PG_DIR=${PG_DIR:-/tmp/rh-test-postgres} PG_PORT=${PG_PORT:-55433}
export CEPH_S3_DIR=${CEPH_S3_DIR:-/tmp/rh-test-ceph} RGW_PORT=${RGW_PORT:-7481} MON_PORT=${MON_PORT:-6790} CEPH_S3_QUIET=1
cleanup() { bash scripts/postgres.sh stop || true; bash scripts/ceph-s3.sh stop || true; }
trap cleanup EXIT
cleanup
log "starting PostgreSQL on $PG_PORT and Ceph S3 on $RGW_PORT"
bash scripts/postgres.sh start
bash scripts/ceph-s3.sh start
export RESOURCEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=resourcehub"
export S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" S3_ACCESS_KEY=testaccess S3_SECRET_KEY=testsecret
export RESOURCEHUB_REQUIRE_POSTGRES=1 RESOURCEHUB_REQUIRE_S3=1 RESOURCEHUB_REQUIRE_FFMPEG=1
[ -n "${ES_URL:-}" ] || log "ES_URL is not set: the Elasticsearch conformance suite will be skipped (set ES_URL=http://localhost:9200 to run it)"

results=$(mktemp -d)
status=0
# A merge that left conflict markers in CSS, Markdown or data compiles fine; refuse it here.
if git rev-parse --git-dir >/dev/null 2>&1 && git grep -nE '^(<<<<<<<|>>>>>>>) ' -- . ':!*.lock'; then
  log "merge conflict markers in the files above"
  status=1
fi
log "dotnet test"
dotnet test ResourceHub.sln -c Release --logger "trx" --results-directory "$results" 2>&1 | tee "$results/dotnet.log" || status=1

clients=0
if [ -f tests/clients/run.sh ]; then
  log "third-party OData client test"
  if bash tests/clients/run.sh 2>&1 | tee "$results/clients.log"; then clients=1; else clients=-1; status=1; fi
fi

# One closing line over every test assembly (dotnet prints one summary per assembly).
sum() { grep -hoE "$1: +[0-9]+" "$results/dotnet.log" | awk '{s+=$NF} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
[ "$clients" = 1 ] && passed=$((passed + 1))
[ "$clients" = -1 ] && failed=$((failed + 1))
[ "$failed" -eq 0 ] || status=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
