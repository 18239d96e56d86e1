#!/usr/bin/env bash
# Starts the whole of ScenarioHub on this machine: a JDK 17+ is all it needs.
# Usage: ./run.sh [--demo]   (settings from the environment, see README.md)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "A JDK 17 or newer is needed (java and javac on PATH)." >&2
  exit 1
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "Java 17 or newer is needed (found: ${java_major:-unknown})." >&2
  exit 1
fi

launcher=local-stack/target/local-stack.jar
stale=0
for module in identity-service scenario-service enterprise-service notification-service console gateway; do
  [ -f "$module/target/$module.jar" ] || stale=1
done
[ -f "$launcher" ] || stale=1
if [ "$stale" = 0 ] && [ -n "$(find . -path ./.data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$launcher" -print -quit)" ]; then
  stale=1
fi
if [ "$stale" = 1 ]; then
  echo "Building ScenarioHub (the first build downloads dependencies and takes a few minutes) ..."
  ./mvnw -B -q -DskipTests package
fi

# class-data sharing: the first run of each service writes an archive when it stops, later
# starts are faster (bench/startup.sh); SCENARIOHUB_CDS=false turns it off
export SCENARIOHUB_CDS=${SCENARIOHUB_CDS:-true}
exec java -Dscenariohub.home="$PWD" -cp "$launcher:local-stack/target/lib/*" dev.scenariohub.localstack.RunLocalStack "$@"
