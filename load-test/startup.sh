#!/usr/bin/env bash
# Start-up time (docs/performance.md): from `java -jar` to the first rating answered 200, with the
# shipped rule sets, on a fresh data folder each time (so the store is created and seeded, as on a
# new instance). Build first: mvn -B -DskipTests package.
#   load-test/startup.sh [runs] [extra service arguments...]
# JAR=other.jar times another build (e.g. an earlier commit's, side by side); JAVA=path/to/java
# another JDK; JAVA_OPTS are passed to java (e.g. -XX:AOTCache=app.aot).
set -euo pipefail
runs=${1:-3}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/../target/inspection-ratings.jar}
test -f "$jar" || { echo "no $jar: run mvn -B -DskipTests package" >&2; exit 1; }
body=$(mktemp)
perl -0ne "print \$1 if /ratings \\\\\n  -H 'Content-Type: application\/json' -d '(\{.*?\})'/s" "$here/../README.md" > "$body"
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s%N)
  (cd "$here/.." && exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --rules.data="$data" "$@" > "$data/log.txt" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" \
      "http://localhost:$port/api/v1/frameworks/yj-2024/ratings" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the service died: $data/log.txt" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  echo "run $run: first rating after $(( (end - start) / 1000000 )) ms (load average $load)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
rm -f "$body"
