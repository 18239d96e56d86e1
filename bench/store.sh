#!/usr/bin/env bash
# The embedded store alone (no stack): single-document updates and lookups by a unique key in
# a collection of documents the size of an enterprise, with the unique indexes' keys in the
# store's order (values) and, as the reference, in mongo-java-server's (serialised),
# alternating, in one process; with each size of the store's cache of pages (megabytes).
#
#   bench/store.sh [orders=values,serialised] [documents=20000] [operations=20000] [clients=8] [reps=3] [caches=64]
#
# Raw output goes to bench/results/store-<time>/.
# Needs: a built tree (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-values,serialised}
documents=${2:-20000}
operations=${3:-20000}
clients=${4:-8}
reps=${5:-3}
caches=${6:-64}
out="bench/results/store-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
java -Xms512m -Xmx1g -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/harness/target/bench-harness.jar:bench/harness/target/lib/*" dev.scenariohub.bench.Bench store \
  orders="$orders" documents="$documents" operations="$operations" clients="$clients" repetitions="$reps" caches="$caches" \
  2>"$out/harness.log" | tee "$out/store.txt"
{
  echo "# bench/store.sh $orders $documents $operations $clients $reps $caches — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  cat "$out/store.txt"
} >"$out/summary.md"
