#!/usr/bin/env bash
# Load test (docs/performance.md): the ratings endpoint against a trivial one, in one run, on a
# service already started. Needs wrk (Debian: apt-get install wrk).
#   load-test/run.sh [base-url] [seconds] [connections]
# e.g. load-test/run.sh http://localhost:8080 30 16; API_KEY=... if the service needs one.
set -euo pipefail
base=${1:-http://localhost:8080}
seconds=${2:-30}
connections=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
body=$(mktemp)
trap 'rm -f "$body"' EXIT
# The README's first curl request, so the load is the documented example.
perl -0ne "print \$1 if /ratings \\\\\n  -H 'Content-Type: application\/json' -d '(\{.*?\})'/s" "$here/../README.md" > "$body"
test -s "$body" || { echo "no rating request found in README.md" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "== warm-up: 10 s of ratings"
RATING_BODY=$body wrk -t2 -c"$connections" -d10s -s "$here/ratings.lua" "$base/api/v1/frameworks/yj-2024/ratings" > /dev/null
echo "== GET /api/v1/frameworks (trivial endpoint), $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base/api/v1/frameworks"
echo "== POST /api/v1/frameworks/yj-2024/ratings (README request), $connections connections, ${seconds}s"
RATING_BODY=$body wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/ratings.lua" "$base/api/v1/frameworks/yj-2024/ratings"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
