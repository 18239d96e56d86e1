#!/usr/bin/env bash
# Where the gateway spends its CPU under the load of bench/gateway.sh: JFR execution
# samples of the gateway process during a wrk run through it, summed by the frames they
# pass through (bench/jfr-hot.py).
#
#   bench/profile-gateway.sh [seconds=20] [connections=32]
#
# Output: bench/results/profile-gateway-<time>/ (the recording, wrk's output, hot.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-32}
source bench/lib.sh
bench_require wrk curl python3 jcmd jfr
out="bench/results/profile-gateway-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
bench_start_stack "$out/stack.log"
url="http://127.0.0.1:8080/api/v1/scenarios/$bench_scenario"
gateway=$(bench_pid gateway)
[ -n "$gateway" ] || { echo "no gateway process" >&2; exit 1; }

echo "Warming up ..."
wrk -t2 -c"$conns" -d30s "$url" >/dev/null
jcmd "$gateway" JFR.start name=bench settings=profile "jdk.ExecutionSample#period=1ms" >/dev/null
wrk -t2 -c"$conns" -d"${secs}s" --latency "$url" | tee "$out/wrk.txt"
jcmd "$gateway" JFR.dump name=bench filename="$PWD/$out/gateway.jfr" >/dev/null
jcmd "$gateway" JFR.stop name=bench >/dev/null
jfr print --events jdk.ExecutionSample --stack-depth 64 "$out/gateway.jfr" | python3 bench/jfr-hot.py >"$out/hot.txt"
head -60 "$out/hot.txt"
