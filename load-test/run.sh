#!/usr/bin/env bash
# Load test (docs/performance.md): the service beside its floor, a bare Spring Boot web app on the
# same Spring Boot version (load-test/bare-app, built here when its jar is missing), in one run, so
# the two figures share the machine's state. Four endpoints, one after the other, each warmed up
# just before it is measured:
#   bare    GET  /ping                                  the web stack's cheapest JSON answer
#   bare    POST /echo                                  the README's rating request read and written back
#   service GET  /api/v1/store                          the service's trivial endpoint
#   service POST /api/v1/frameworks/yj-2024/ratings     the README's rating request
# For each: requests/s, p50 and p99 latency from wrk, and the server's CPU per request (utime+stime
# of the JVM from /proc/<pid>/stat, after minus before, over the requests answered); then ratings
# over echo. Needs wrk (Debian: apt-get install wrk) and a built service (mvn -B -DskipTests package).
#
#   load-test/run.sh [extra service arguments...]
#
# The script starts both JVMs itself, on free ports, the service as shipped (security and recording
# on) on a fresh data folder, and stops them at the end; extra arguments go to the service (e.g.
# --records.enabled=false). To measure a service started elsewhere instead, give its URL and the
# pid of its JVM (the CPU is read from /proc): SERVICE_URL=http://localhost:8080 SERVICE_PID=1234.
# Environment (defaults in brackets):
#   WARMUP [120]     seconds of load on each endpoint before it is measured: the JIT needs minutes,
#                    not seconds, to settle on a 2-core machine
#   DURATION [30]    seconds measured per endpoint
#   CONNECTIONS [8], THREADS [1]   wrk's connections and threads
#   API_KEY          sent as X-Api-Key (when the service is given --access.api-key=...)
#   JAR, JAVA, JAVA_OPTS           another service jar, JDK, or JVM options for the service;
#   BARE_JAVA_OPTS                 JVM options for the bare app
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
warmup=${WARMUP:-120}
duration=${DURATION:-30}
connections=${CONNECTIONS:-8}
threads=${THREADS:-1}

command -v wrk > /dev/null || { echo "no wrk: apt-get install wrk" >&2; exit 1; }
ensure_bare_jar
[ -n "${SERVICE_PID:-}" ] || ensure_service_jar
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do stop_java "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so the EXIT trap stops the JVMs (a background job ignores Ctrl-C)
readme_rating_body "$work/rating.json"

print_machine
echo "wrk: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $threads thread(s), $connections connections"
echo "load average before: $(load_average)"

bare_port=$(free_port)
start_java "$work/bare.log" "${BARE_JAVA_OPTS:-}" "$bare_jar" --server.port="$bare_port"
bare_pid=$started_pid
pids+=("$bare_pid")
bare=http://localhost:$bare_port
if [ -n "${SERVICE_PID:-}" ]; then
  service_pid=$SERVICE_PID
  service=${SERVICE_URL:?SERVICE_PID needs SERVICE_URL}
  echo "service: pid $service_pid at $service (started elsewhere)"
else
  service_port=$(free_port)
  mkdir "$work/data"
  start_java "$work/service.log" "${JAVA_OPTS:-}" "$service_jar" --server.port="$service_port" --rules.data="$work/data" "$@"
  service_pid=$started_pid
  pids+=("$service_pid")
  service=http://localhost:$service_port
  echo "service: $service_jar on a fresh data folder${*:+, with $*}"
fi
wait_for_200 "$bare_pid" "$work/bare.log" "$bare/ping"
wait_for_200 "$service_pid" "$work/service.log" "$service/api/v1/frameworks/yj-2024/ratings" "$work/rating.json"
echo "warm-up: $warmup s of load on each endpoint just before it is measured ($((4 * warmup)) s in all); measured: $duration s each"
echo

# measure NAME PID URL [BODY]: warm up, then one measured wrk run; prints a row and leaves
# requests/s and CPU µs per request in $rps and $cpu_us.
measure() {
  local name=$1 pid=$2 url=$3 body=${4:-} before after result
  if [ "$warmup" -gt 0 ]; then
    # grep: wrk exits 0 even when its script fails; no result line means the warm-up did not run
    BODY=$body wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$here/wrk.lua" "$url" | grep '^result ' > /dev/null
  fi
  wait_idle "$pid"
  before=$(cpu_ticks "$pid")
  result=$(BODY=$body wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$here/wrk.lua" "$url" | grep '^result ')
  wait_idle "$pid"
  after=$(cpu_ticks "$pid")
  # result requests=N seconds=S p50_us=N p99_us=N non200=N socket_errors=N, as shell variables
  local requests seconds p50_us p99_us non200 socket_errors
  eval "${result#result }"
  rps=$(awk -v n="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  cpu_us=$(awk -v t=$((after - before)) -v hz="$clock_ticks" -v n="$requests" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }')
  printf '%-40s %10s %9.2f %9.2f %10s %8s\n' "$name" "$rps" "$(awk -v u="$p50_us" 'BEGIN { print u / 1000 }')" \
    "$(awk -v u="$p99_us" 'BEGIN { print u / 1000 }')" "$cpu_us" "$((non200 + socket_errors))"
}

printf '%-40s %10s %9s %9s %10s %8s\n' endpoint requests/s "p50 ms" "p99 ms" "CPU µs/req" "not 200"
measure "bare GET /ping" "$bare_pid" "$bare/ping"
measure "bare POST /echo (README request)" "$bare_pid" "$bare/echo" "$work/rating.json"
echo_rps=$rps echo_cpu=$cpu_us
measure "service GET /api/v1/store" "$service_pid" "$service/api/v1/store"
measure "service POST yj-2024 ratings (README)" "$service_pid" "$service/api/v1/frameworks/yj-2024/ratings" "$work/rating.json"
echo
awk -v r="$rps" -v e="$echo_rps" -v rc="$cpu_us" -v ec="$echo_cpu" \
  'BEGIN { printf "ratings ÷ echo: %.2f of the requests/s, %.1f× the CPU per request\n", r / e, rc / ec }'
echo "load average after: $(load_average)"
