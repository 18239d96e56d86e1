#!/usr/bin/env bash
# Matching in both directions at growing numbers of verified enterprises and a fixed number
# of open scenarios, against a single-document read at the same concurrency, in the same run.
#
#   bench/matching.sh [enterprises=1000,10000] [scenarios=2000] [concurrency=4] [requests=400] [repetitions=3]
#
# Starts the embedded stack (./run.sh --demo, its own data directory), creates the scenarios
# and then the enterprises of each step through the gateway, and at each step measures
# GET /api/v1/scenarios/{id}, GET /api/v1/matches?enterpriseId= and ?scenarioId= (random ids,
# after a warm-up). Raw output goes to bench/results/matching-<time>/. Enterprises are created
# at 40-65 a second on 2 cores: 100,000 (enterprises=1000,10000,100000) take 30-40 minutes,
# and the three such runs so far were stopped before (bench/README.md). Each step's figures go
# to harness.log as soon as they are measured.
# Needs: a built tree (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-1000,10000}
scenarios=${2:-2000}
concurrency=${3:-4}
requests=${4:-400}
reps=${5:-3}
source bench/lib.sh
out="bench/results/matching-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
bench_start_stack "$out/stack.log"
echo "Creating and measuring (raw output: $out/matching.txt) ..."
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "bench/harness/target/bench-harness.jar:bench/harness/target/lib/*" dev.scenariohub.bench.Bench matching \
  enterprises="$steps" scenarios="$scenarios" concurrency="$concurrency" requests="$requests" repetitions="$reps" \
  2>"$out/harness.log" | tee "$out/matching.txt"
{
  echo "# bench/matching.sh $steps $scenarios $concurrency $requests $reps — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  grep -E "^(step|  median|curve)" "$out/matching.txt"
} >"$out/summary.md"
cat "$out/summary.md"
