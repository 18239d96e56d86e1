#!/usr/bin/env bash
# The gateway's cost, measured against nginx as a plain reverse proxy in front of the same
# service, in the same run on the same machine (and the service called directly).
#
#   bench/gateway.sh [repetitions=3] [seconds=10] [connections=32] [fixed-rate=300]
#
# Starts the embedded stack (./run.sh --demo, its own data directory) and nginx, then for
# each repetition: wrk at full speed and hey at a fixed rate against the service directly,
# through nginx and through the gateway, on one public read (GET /api/v1/scenarios/{id}).
# Raw output and a summary (medians, ratios) go to bench/results/gateway-<time>/, with the CPU
# time per request of the service, of the proxy (nginx's processes, or the gateway) and of wrk
# during each wrk run, from /proc: on two cores these three share the machine, so what a proxy
# costs per request bounds the throughput behind it.
# Needs: a built tree (./mvnw -B -DskipTests package), wrk, hey, nginx, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
secs=${2:-10}
conns=${3:-32}
rate=${4:-300}
source bench/lib.sh
bench_require wrk hey nginx curl
out="bench/results/gateway-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
work=$bench_work
bench_cleanups+=('[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")"')
bench_start_stack "$out/stack.log"
id=$bench_scenario

cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream scenario { server 127.0.0.1:8081; keepalive 64; }
  server {
    listen 127.0.0.1:8090;
    location / { proxy_pass http://scenario; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -p "$work" -c "$work/nginx.conf"

path="/api/v1/scenarios/$id"
declare -A url=([direct]="http://127.0.0.1:8081$path" [nginx]="http://127.0.0.1:8090$path" [gateway]="http://127.0.0.1:8080$path")
for target in direct nginx gateway; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${url[$target]}")
  [ "$code" = 200 ] || { echo "$target answers $code for $path" >&2; exit 1; }
done

# the gateway's code path is long and compiled late: 30 s of load each before measuring
echo "Warming up ..."
for target in direct nginx gateway; do wrk -t2 -c"$conns" -d30s "${url[$target]}" >/dev/null; done

# cpu_ms PID...: user + system CPU time of the processes so far, in ms (fields 14 and 15 of
# /proc/PID/stat, counted after the command name, which may hold spaces)
ticks_per_second=$(getconf CLK_TCK)
cpu_ms() {
  for pid in "$@"; do awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null || echo 0; done |
    awk -v hz="$ticks_per_second" '{s += $1} END {printf "%.0f\n", s * 1000 / hz}'
}
service_pid=$(bench_pid scenario-service)
nginx_pids="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ' || true)"
declare -A proxy_pids=([direct]="" [nginx]="$nginx_pids" [gateway]="$(bench_pid gateway)")
TIMEFORMAT='%3U %3S'

for rep in $(seq 1 "$reps"); do
  for target in direct nginx gateway; do
    echo "rep $rep: wrk $target"
    service_before=$(cpu_ms "$service_pid")
    proxy_before=$(cpu_ms ${proxy_pids[$target]})
    { time wrk -t2 -c"$conns" -d"${secs}s" --latency "${url[$target]}" >"$out/wrk-$target-$rep.txt"; } 2>"$out/wrk-time-$target-$rep.txt"
    # service ms, proxy ms, wrk ms, requests
    echo "$(($(cpu_ms "$service_pid") - service_before)) $(($(cpu_ms ${proxy_pids[$target]}) - proxy_before))" \
      "$(tail -1 "$out/wrk-time-$target-$rep.txt" | awk '{printf "%.0f", ($1 + $2) * 1000}')" \
      "$(sed -nE 's/^ +([0-9]+) requests in .*/\1/p' "$out/wrk-$target-$rep.txt")" >"$out/cpu-$target-$rep.txt"
  done
  for target in nginx gateway; do
    echo "rep $rep: hey $target at $rate/s"
    hey -z "${secs}s" -c "$conns" -q $((rate / conns)) "${url[$target]}" >"$out/hey-$target-$rep.txt"
  done
done

# numbers out of the raw files
wrk_rps() { sed -nE 's/^Requests\/sec: +([0-9.]+)/\1/p' "$1"; }
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}'; }
wrk_p99() { sed -nE 's/^ +99% +([0-9.]+[mu]?s).*/\1/p' "$1" | ms; }
wrk_errors() { sed -nE 's/^ +Non-2xx or 3xx responses: ([0-9]+)/\1/p' "$1" | awk '{s+=$1} END {print s+0}'; }
hey_rps() { sed -nE 's/^ +Requests\/sec:\s+([0-9.]+)/\1/p' "$1"; }
hey_p99() { sed -nE 's/^ +99%+ in ([0-9.]+) secs/\1/p' "$1" | awk '{print $1*1000}'; }
hey_non200() { sed -nE 's/^ +\[([0-9]+)\]\s+([0-9]+) responses/\1 \2/p' "$1" | awk '$1!=200 {s+=$2} END {print s+0}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
med() { local fn=$1 kind=$2 target=$3; for rep in $(seq 1 "$reps"); do "$fn" "$out/$kind-$target-$rep.txt"; done | median; }
# CPU ms per request of column N of cpu-*.txt (1 service, 2 proxy, 3 wrk; 4 is the requests)
cpu_service() { awk '{printf "%.3f\n", $1 / $4}' "$1"; }
cpu_proxy() { awk '{printf "%.3f\n", $2 / $4}' "$1"; }
cpu_wrk() { awk '{printf "%.3f\n", $3 / $4}' "$1"; }
cpu_all() { awk '{printf "%.3f\n", ($1 + $2 + $3) / $4}' "$1"; }

{
  echo "# Gateway vs nginx — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $reps repetitions of ${secs}s, $conns connections"
  echo
  echo "GET $path (a public read of one open scenario). Medians; raw output beside this file."
  echo
  echo "| target | wrk req/s | wrk p99 ms | wrk non-2xx | hey at $rate/s: req/s | hey p99 ms | hey non-200 |"
  echo "|---|---|---|---|---|---|---|"
  for target in direct nginx gateway; do
    if [ "$target" = direct ]; then heys="— | — | —"; else heys="$(med hey_rps hey "$target") | $(med hey_p99 hey "$target") | $(med hey_non200 hey "$target")"; fi
    echo "| $target | $(med wrk_rps wrk "$target") | $(med wrk_p99 wrk "$target") | $(med wrk_errors wrk "$target") | $heys |"
  done
  echo
  awk -v g="$(med wrk_rps wrk gateway)" -v n="$(med wrk_rps wrk nginx)" 'BEGIN {printf "throughput gateway/nginx: %.2f (goal >= 0.8)\n", g/n}'
  awk -v g="$(med hey_p99 hey gateway)" -v n="$(med hey_p99 hey nginx)" 'BEGIN {printf "p99 at %s/s gateway/nginx: %.2f (goal <= 1.5)\n", "'"$rate"'", g/n}'
  echo
  echo "CPU time per request under wrk, ms (medians; from /proc, wrk's from its own rusage):"
  echo
  echo "| target | service | proxy | wrk | all | $(nproc) cores allow at most, req/s |"
  echo "|---|---|---|---|---|---|"
  for target in direct nginx gateway; do
    all=$(med cpu_all cpu "$target")
    echo "| $target | $(med cpu_service cpu "$target") | $(med cpu_proxy cpu "$target") | $(med cpu_wrk cpu "$target") | $all | $(awk -v a="$all" -v c="$(nproc)" 'BEGIN {printf "%.0f", c * 1000 / a}') |"
  done
} | tee "$out/summary.md"
