#!/usr/bin/env bash
# Start-up time (docs/performance.md): from `java -jar` to the first good answer, for the service
# and for its floor in the same run: the bare Spring Boot web app (load-test/bare-app, built here
# when its jar is missing) until `GET /ping` answers 200, then the service, with the shipped rule
# sets, until the README's yj-2024 rating answers 200, on a fresh data folder (the store is created
# and seeded, as on a new instance), and then restarted on that same folder (the store already
# seeded, and whatever else a first start leaves there for the next, such as compiled rule sets).
# Build the service first: mvn -B -DskipTests package.
#   load-test/startup.sh [runs] [extra service arguments...]
# RESTART=0 skips the restart; JAR=other.jar times another build of the service (e.g. an earlier
# commit's, side by side); JAVA=path/to/java another JDK (for both); JAVA_OPTS are passed to the
# service's java (e.g. -XX:AOTCache=app.aot), BARE_JAVA_OPTS to the bare app's.
set -euo pipefail
runs=${1:-3}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
restart=${RESTART:-1}
ensure_bare_jar
ensure_service_jar
work=$(mktemp -d)
pid=
cleanup() {
  [ -z "$pid" ] || stop_java "$pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so the EXIT trap stops the JVM (a background job ignores Ctrl-C)
readme_rating_body "$work/rating.json"
print_machine
echo "service: $service_jar${*:+, with $*}"

# time_first_answer LOG JAVA_OPTS JAR PATH BODY ARGS...: start the JVM on a free port, wait for
# the first 200 on PATH (POSTing BODY if not empty), stop it, and leave the milliseconds from its
# start to that answer in $elapsed_ms. Not called in $(...): the pid stays in this shell, for cleanup.
time_first_answer() {
  local log=$1 opts=$2 jar=$3 path=$4 body=$5 port start end
  shift 5
  port=$(free_port)
  start=$(date +%s%N)
  start_java "$log" "$opts" "$jar" --server.port="$port" "$@"
  pid=$started_pid
  wait_for_200 "$pid" "$log" "http://localhost:$port$path" "$body"
  end=$(date +%s%N)
  stop_java "$pid"
  pid=
  elapsed_ms=$(((end - start) / 1000000))
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
}

for run in $(seq 1 "$runs"); do
  load=$(load_average)
  data=$work/data-$run
  mkdir "$data"
  time_first_answer "$work/bare-$run.log" "${BARE_JAVA_OPTS:-}" "$bare_jar" /ping ""
  bare_ms=$elapsed_ms
  time_first_answer "$data/first.log" "${JAVA_OPTS:-}" "$service_jar" \
    /api/v1/frameworks/yj-2024/ratings "$work/rating.json" --rules.data="$data" "$@"
  fresh_ms=$elapsed_ms
  line="run $run: bare app's first /ping after $bare_ms ms; service's first rating after $fresh_ms ms on a fresh data folder ($(ratio "$fresh_ms" "$bare_ms")×)"
  if [ "$restart" = 1 ]; then
    time_first_answer "$data/restart.log" "${JAVA_OPTS:-}" "$service_jar" \
      /api/v1/frameworks/yj-2024/ratings "$work/rating.json" --rules.data="$data" "$@"
    again_ms=$elapsed_ms
    line="$line, $again_ms ms restarted on it ($(ratio "$again_ms" "$bare_ms")×)"
  fi
  echo "$line (load average $load before, $(load_average) after)"
done
