# Shared by the bench scripts: start the embedded stack in its own data directory and stop
# it (and anything else registered) on exit. Source it from the repository root.

# The services as they run in production: fully compiled (./run.sh's default stops at C1 for
# a quick start on a laptop), a fixed heap. Override with SCENARIOHUB_JAVA_OPTS.
export SCENARIOHUB_JAVA_OPTS=${SCENARIOHUB_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC}

bench_work=$(mktemp -d)
bench_stack=""
bench_logs=""
bench_cleanups=()

bench_cleanup() {
  for cleanup in "${bench_cleanups[@]}"; do eval "$cleanup" || true; done
  if [ -n "$bench_stack" ]; then kill -INT "$bench_stack" 2>/dev/null || true; wait "$bench_stack" 2>/dev/null || true; fi
  # the services' own logs go next to the stack's log (not committed: bench/results/**/logs/)
  if [ -n "$bench_logs" ] && [ -d "$bench_work/data/logs" ]; then cp -r "$bench_work/data/logs" "$bench_logs"; fi
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT

# bench_start_stack LOG: ./run.sh --demo, returns once the gateway answers; sets bench_scenario
# to the id of an open scenario.
bench_start_stack() {
  echo "Starting the stack (log: $1) ..."
  bench_logs="$(dirname "$1")/logs"
  SCENARIOHUB_DATA_DIR="$bench_work/data" env --default-signal=INT setsid ./run.sh --demo >"$1" 2>&1 &
  bench_stack=$!
  until grep -q "Gateway (call this)" "$1"; do
    kill -0 "$bench_stack" 2>/dev/null || { echo "the stack did not start:" >&2; tail -20 "$1" >&2; exit 1; }
    sleep 1
  done
  bench_scenario=$(curl -sf 'http://127.0.0.1:8080/api/v1/scenarios?status=OPEN&limit=1' | sed -nE 's/^\{"items":\[\{"id":"([^"]+)".*/\1/p')
  [ -n "$bench_scenario" ] || { echo "no open scenario to read" >&2; exit 1; }
}

# bench_pid NAME: the PID of one of the stack's processes (e.g. gateway), by its jar.
bench_pid() {
  pgrep -f -- "/$1/target/$1.jar" | head -1
}

bench_require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$(basename "$0") needs $tool (Debian: apt-get install $*)" >&2; exit 2; }
  done
}
