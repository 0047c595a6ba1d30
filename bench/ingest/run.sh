#!/usr/bin/env bash
# ingest-service benchmark (not part of mvn verify). Reads Reuters-21578 from the corpus path (never copied).
# Starts its own in-JVM Kafka broker and embedded PostgreSQL, runs the packaged ingest-service as a child
# process on a free port (never 8081-8083), and prints:
#   (1) stories/s through POST /api/v1/stories/batch (parse + normalise + language + dedupe + publish + ack),
#   (2) a plain KafkaProducer's throughput for the same payloads, in the same run, same broker, same settings,
#   (3) near-duplicate lookup time (MinHash LSH) as the index grows to 100k stories.
# Usage: bench/ingest/run.sh [corpus dir] [batch size, default 1000] [client threads, default 2]
# Env: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_APP=path/to/quarkus-run.jar measures another build (e.g.
#   an older commit's, for a before/after in the same session); BENCH_APP_OPTS adds JVM options to the service (e.g. JFR:
#   BENCH_APP_OPTS="-XX:StartFlightRecording=filename=app.jfr,settings=profile").
# Per-stage CPU time without broker or database: bench/ingest/profile.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpora/reuters21578}"
BATCH="${2:-1000}"
THREADS="${3:-2}"
cd "$ROOT"
CP_FILE="$ROOT/ingest-service/target/bench-classpath.txt"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$CP_FILE" ]; then
  # Through the reactor (a fresh clone works; nothing goes into ~/.m2): each module writes the class path file,
  # ingest-service last, and the sibling modules resolve to their freshly packaged jars.
  mvn -B -q -pl ingest-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE" >/dev/null
fi
CP="$ROOT/ingest-service/target/classes:$(cat "$CP_FILE")"
WORK="$ROOT/bench/ingest/target"
mkdir -p "$WORK"
cd "$WORK"
java -Xmx2g -cp "$CP" "$ROOT/bench/ingest/IngestBench.java" \
  --corpus "$CORPUS" --app "${BENCH_APP:-$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar}" \
  --batch "$BATCH" --threads "$THREADS" 2> "$WORK/bench.stderr"
