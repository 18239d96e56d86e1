#!/usr/bin/env bash
# Start-up time of each deployable with and without an archive of its classes, in the same run on
# the same machine: an application class-data-sharing archive (AppCDS) on Java 17 to 24, the AOT
# cache (JEP 483/514: classes loaded and linked ahead of time) on Java 25 and later.
#
#   bench/startup.sh [repetitions=5]
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh 3
#
# For each service jar: extracts it the way the image does (java -Djarmode=tools … extract),
# makes the archive with one training run, then times repetitions of a start that ends once the
# application context is refreshed (-Dspring.context.exit=onRefresh: every bean created, no
# broker or store contacted), alternating plain and with the archive. Reports the median
# wall-clock times and their ratio. Raw output goes to bench/results/startup-<time>/.
# Needs: a built tree (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
out="bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=${JAVA:-java}
"$java" -version 2>&1 | head -1 | tee "$out/java.txt"
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  kind=aot; make_archive=-XX:AOTCacheOutput; use_archive=-XX:AOTCache
else
  kind=cds; make_archive=-XX:ArchiveClassesAtExit; use_archive=-XX:SharedArchiveFile
fi
echo "archive: $kind ($use_archive)" | tee -a "$out/java.txt"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# one timed start; prints milliseconds, fails when the context did not come up
start_ms() {
  local log=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" > "$log" 2>&1 || { echo "start failed, see $log" >&2; return 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

printf '%-22s %10s %10s %8s\n' service plain_ms "${kind}_ms" ratio | tee "$out/summary.txt"
for svc in identity-service scenario-service enterprise-service notification-service gateway; do
  jar="$svc/target/$svc.jar"
  [ -f "$jar" ] || { echo "missing $jar: build first (./mvnw -B -DskipTests package)" >&2; exit 1; }
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/$svc" > /dev/null
  app="$work/$svc/$svc.jar"
  env=(env SPRING_PROFILES_ACTIVE=demo SPRING_MAIN_BANNER_MODE=off)
  "${env[@]}" "$java" "$make_archive=$work/$svc.$kind" -Dspring.context.exit=onRefresh -jar "$app" \
    > "$out/$svc-training.log" 2>&1 || true
  [ -s "$work/$svc.$kind" ] || { echo "no archive for $svc (see $out/$svc-training.log)" >&2; exit 1; }
  plain=(); cds=()
  for i in $(seq "$reps"); do
    plain+=("$(start_ms "$out/$svc-plain-$i.log" "${env[@]}" "$java" -Dspring.context.exit=onRefresh -jar "$app")")
    cds+=("$(start_ms "$out/$svc-$kind-$i.log" "${env[@]}" "$java" "$use_archive=$work/$svc.$kind" -Dspring.context.exit=onRefresh -jar "$app")")
  done
  printf '%s\n' "${plain[@]}" > "$out/$svc-plain.txt"
  printf '%s\n' "${cds[@]}" > "$out/$svc-$kind.txt"
  p=$(median < "$out/$svc-plain.txt"); c=$(median < "$out/$svc-$kind.txt")
  printf '%-22s %10s %10s %8.2f\n' "$svc" "$p" "$c" "$(echo "$c / $p" | bc -l)" | tee -a "$out/summary.txt"
done
echo "raw output: $out"
