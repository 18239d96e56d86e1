# Shared by the bench scripts: start the embedded stack in its own data directory and stop
# it (and anything else registered) on exit. Source it from the repository root.

# The services as they run in production: fully compiled (./run.sh's default stops at C1 for
# a quick start on a laptop), a fixed heap. Override with SCENARIOHUB_JAVA_OPTS.
export SCENARIOHUB_JAVA_OPTS=${SCENARIOHUB_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC -XX:MetaspaceSize=160m}

bench_work=$(mktemp -d)
bench_stack=""
bench_logs=""
bench_cleanups=()

bench_cleanup() {
  for cleanup in "${bench_cleanups[@]}"; do eval "$cleanup" || true; done
  if [ -n "$bench_stack" ]; then kill -INT "$bench_stack" 2>/dev/null || true; wait "$bench_stack" 2>/dev/null || true; fi
  # the services' own logs go next to the stack's log (not committed: bench/results/**/logs/)
  if [ -n "$bench_logs" ] && [ -d "$bench_work/data/logs" ]; then cp -r "$bench_work/data/logs" "$bench_logs"; fi
  if [ -n "$bench_logs" ] && [ -d "$bench_work/gc" ]; then
    mkdir -p "$bench_logs" && cp -r "$bench_work/gc" "$bench_logs/" && bench_pauses "$bench_logs/gc" >"$(dirname "$bench_logs")/pauses.txt"
  fi
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT

# bench_start_stack LOG: ./run.sh --demo, returns once the gateway answers; sets bench_scenario
# to the id of an open scenario.
bench_start_stack() {
  echo "Starting the stack (log: $1) ..."
  bench_logs="$(dirname "$1")/logs"
  # every JVM of the stack logs its pauses (collections and other safepoints), one file per
  # process; processes.txt says which process is which
  mkdir -p "$bench_work/gc"
  SCENARIOHUB_DATA_DIR="$bench_work/data" \
    JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Xlog:gc,safepoint:file=$bench_work/gc/%p.log:utctime,uptime" \
    env --default-signal=INT setsid ./run.sh --demo >"$1" 2>&1 &
  bench_stack=$!
  until grep -q "Gateway (call this)" "$1"; do
    kill -0 "$bench_stack" 2>/dev/null || { echo "the stack did not start:" >&2; tail -20 "$1" >&2; exit 1; }
    sleep 1
  done
  for p in /proc/[0-9]*; do
    command=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    case "$command" in
      *EmbeddedMongo*) echo "${p#/proc/} store" ;;
      *kafka.Kafka*) echo "${p#/proc/} kafka" ;;
      *RunLocalStack*) echo "${p#/proc/} launcher" ;;
      *) for name in identity-service scenario-service enterprise-service notification-service console gateway; do
           case "$command" in *java*"/$name/target/"*.jar*) echo "${p#/proc/} $name" ;; esac
         done ;;
    esac
  done >"$(dirname "$1")/processes.txt"
  bench_scenario=$(curl -sf 'http://127.0.0.1:8080/api/v1/scenarios?status=OPEN&limit=1' | sed -nE 's/^\{"items":\[\{"id":"([^"]+)".*/\1/p')
  [ -n "$bench_scenario" ] || { echo "no open scenario to read" >&2; exit 1; }
}

# bench_pauses DIR: per process of the stack, its collections and the time it stood still
# (every pause, collections included, from the safepoint log; not the class-data archive
# written as it stops), from the logs in DIR
bench_pauses() {
  local names="$(dirname "$(dirname "$1")")/processes.txt"
  printf '%-22s %8s %8s %10s %10s %8s %8s\n' process young full gc_ms stopped_ms max_ms over_50ms
  for log in "$1"/*.log; do
    pid=$(basename "$log" .log)
    name=$(awk -v p="$pid" '$1 == p {print $2}' "$names" 2>/dev/null)
    # only the stack's processes (not a build run.sh started first, or a jar's extraction)
    [ -n "$name" ] || continue
    awk -v name="$name" '
      / Pause Young / {young++; gc += $NF + 0}
      / Pause Full / {full++; gc += $NF + 0}
      /Total: [0-9]+ ns/ && !/PopulateDumpSharedSpace/ {for (i = 1; i <= NF; i++) if ($i == "Total:") {ms = $(i + 1) / 1e6; stopped += ms; if (ms > max) max = ms; if (ms > 50) over++}}
      END {printf "%-22s %8d %8d %10.0f %10.0f %8.0f %8d\n", name, young, full, gc, stopped, max, over}' "$log"
  done
}

# bench_pid NAME: the PID of one of the stack's processes (e.g. gateway), by its jar
# (target/NAME.jar, or with class-data sharing target/cds/NAME/NAME.jar).
bench_pid() {
  pgrep -f -- "/$1/target/(cds/$1/)?$1.jar" | head -1
}

bench_require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$(basename "$0") needs $tool (Debian: apt-get install $*)" >&2; exit 2; }
  done
}
