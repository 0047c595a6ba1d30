#!/usr/bin/env bash
# Per-stage CPU time of ingest's normalisation path on the Reuters stories (one thread, no broker, no database).
# Usage: bench/ingest/profile.sh [corpus dir]   (builds through the reactor when there is no build yet)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpora/reuters21578}"
CP_FILE="$ROOT/ingest-service/target/bench-classpath.txt"
if [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -pl ingest-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null)
fi
java -Xmx1g -cp "$ROOT/ingest-service/target/classes:$(cat "$CP_FILE")" "$ROOT/bench/ingest/StageProfile.java" "$CORPUS" \
  2> >(grep -v '^Note:\|LogManager\|JBossLoggerFinder' >&2)
