#!/usr/bin/env bash
# The event pipeline, from an acknowledged write to every read model, against the store's
# raw single-document write rate and Kafka's EndToEndLatency, in the same run.
#
#   bench/pipeline.sh [repetitions=3] [burst=500] [paced=200] [rate=10] [warmup=1000] [rounds=1]
#
# Starts the embedded stack (./run.sh --demo, its own data directory), publishes `warmup`
# scenarios unmeasured (the services' code is still being compiled), again up to `rounds`
# times until the JIT compilers took under a tenth of the CPU in a round, then for each
# repetition: the store's raw write rate (16 writers), Kafka's EndToEndLatency (1,000 records,
# acks=all), a burst of publications (16 in flight) and publications at a paced rate; each
# publication must reach the public feed, a subscriber's inbox and enterprise-service's
# scenarios. Raw output, the medians and the store commands per scenario (from the
# services' metrics) go to bench/results/pipeline-<time>/, with the CPU time each process of the
# stack (and the harness) spent per publication in each burst, and how much of it was JIT
# compilation.
# Needs: a built tree (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
burst=${2:-500}
paced=${3:-200}
rate=${4:-10}
warmup=${5:-1000}
rounds=${6:-1}
source bench/lib.sh
out="bench/results/pipeline-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
bench_start_stack "$out/stack.log"
# the services' MongoDB command counts (Micrometer's command listener), kept as raw output
scrape() { for port in 8081 8082 8083; do curl -sf "http://127.0.0.1:$port/actuator/prometheus"; done | grep '^mongodb_driver_commands_seconds_count'; }
echo "Measuring (raw output: $out/pipeline.txt) ..."
scrape >"$out/metrics-before.txt"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "bench/harness/target/bench-harness.jar:bench/harness/target/lib/*" dev.scenariohub.bench.Bench pipeline \
  repetitions="$reps" burst="$burst" paced="$paced" rate="$rate" warmup="$warmup" warmupRounds="$rounds" processes="$out/processes.txt" \
  2>"$out/harness.log" | tee "$out/pipeline.txt"
scrape >"$out/metrics-after.txt"
warmed=$(grep -c '^warm-up round' "$out/pipeline.txt" || true)
python3 bench/store-commands.py "$out/metrics-before.txt" "$out/metrics-after.txt" $((warmed * warmup + reps * (burst + paced))) >"$out/store-commands.txt"
{
  echo "# bench/pipeline.sh $reps $burst $paced $rate $warmup $rounds — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  grep -E "^(warm-up|repetition|median)" "$out/pipeline.txt"
  grep -E "^ratio" "$out/pipeline.txt"
  echo
  grep -E "^burst: CPU" "$out/pipeline.txt"
  echo
  cat "$out/store-commands.txt"
} >"$out/summary.md"
cat "$out/summary.md"
