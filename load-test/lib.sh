# Shared by run.sh and startup.sh (sourced, not run): the README's rating request, the two jars,
# starting a JVM on a free port, waiting for its first good answer, and reading its CPU time.
# Expects $here (the load-test folder) and set -euo pipefail from the script that sources it.

root=$(cd "$here/.." && pwd)
service_jar=${JAR:-$root/target/inspection-ratings.jar}
bare_dir=$here/bare-app
bare_jar=$bare_dir/target/bare-app.jar

# The README's first curl request, so the load is the documented example (ReadmeExampleTest keeps
# it answering as the README says).
readme_rating_body() {
  perl -0ne "print \$1 if /ratings \\\\\n  -H 'Content-Type: application\/json' -d '(\{.*?\})'/s" "$root/README.md" > "$1"
  test -s "$1" || { echo "no rating request found in README.md" >&2; exit 1; }
}

# The floor is built here, not by the service's build (mvn verify never touches it). Online Maven
# is needed the first time only; after that the local repository has everything.
ensure_bare_jar() {
  if [ ! -f "$bare_jar" ] || [ -n "$(find "$bare_dir/pom.xml" "$bare_dir/src" -newer "$bare_jar" -print -quit)" ]; then
    echo "building the bare app: mvn -q -f load-test/bare-app/pom.xml package -DskipTests"
    mvn -q -f "$bare_dir/pom.xml" package -DskipTests
  fi
}

ensure_service_jar() {
  test -f "$service_jar" || { echo "no $service_jar: run mvn -B -DskipTests package" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'
}

# start_java LOG JAVA_OPTS JAR ARGS...: java in the background from the repository root (the
# service seeds its store from the rules/ and decision-tables/ there). Sets started_pid; exec
# makes it the JVM's own pid, which /proc/<pid>/stat and kill need.
start_java() {
  local log=$1 opts=$2 jar=$3
  shift 3
  # shellcheck disable=SC2086 # the options are words on purpose, as on a command line
  (cd "$root" && exec "${JAVA:-java}" $opts -jar "$jar" "$@" > "$log" 2>&1) &
  started_pid=$!
}

# wait_for_200 PID LOG URL [BODY]: poll (POST BODY as JSON if given) until the answer is 200.
wait_for_200() {
  local pid=$1 log=$2 url=$3 body=${4:-}
  local args=(-s -o /dev/null -w '%{http_code}')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary @"$body")
  [ -z "${API_KEY:-}" ] || args+=(-H "X-Api-Key: $API_KEY")
  until [ "$(curl "${args[@]}" "$url" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the JVM died; the end of $log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.02
  done
}

stop_java() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

clock_ticks=$(getconf CLK_TCK)

# CPU time the process has used so far, user and system, all threads, in clock ticks: fields 14 and
# 15 of /proc/<pid>/stat, counted after the command name (which is in brackets and may hold spaces).
cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# Wait until the process uses almost no CPU (at most one tick in half a second), at most 30 s: the
# JIT compiles for a while after a warm-up ends, and the service's importer moves journalled
# decisions into H2 after the requests that made them have been answered. Waiting before both
# readings charges a run with its own background work and no one else's.
wait_idle() {
  local pid=$1 before after
  for _ in $(seq 60); do
    before=$(cpu_ticks "$pid")
    sleep 0.5
    after=$(cpu_ticks "$pid")
    [ $((after - before)) -gt 1 ] || return 0
  done
  echo "  (pid $pid still busy after 30 s; measuring anyway)" >&2
}

print_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 }') GB"
  echo "java: $("${JAVA:-java}" -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}
