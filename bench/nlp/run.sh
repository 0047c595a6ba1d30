#!/usr/bin/env bash
# nlp-service enrichment benchmark on Reuters-21578 (read from the corpus path, never copied).
# Usage: bench/nlp/run.sh [N stories, default 300] [threads for (c), default 1] [corpus dir]
# Prints stories/s and tokens/s (total and per core) and heap for:
#   (a) raw CoreNLP default pipeline, (b) raw CoreNLP with the chosen annotators, (c) full Claimwire enrichment.
# Each mode runs in its own JVM; (b) and (c) with -Xmx1536m (the issue's heap budget), (a) with -Xmx3g.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-300}"
THREADS="${2:-1}"
CORPUS="${3:-$ROOT/../shared/corpora/reuters21578}"
MODES="${MODES:-a b c}"
cd "$ROOT"
# Through the reactor (a fresh clone works; nothing goes into ~/.m2): nlp-service writes the class path file last.
CP_FILE="$ROOT/nlp-service/target/bench-classpath.txt"
mvn -B -q -pl nlp-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$ROOT/nlp-service/target/classes:$ROOT/nlp-service/target/test-classes:$(cat "$CP_FILE")"
echo "Reuters-21578 from $CORPUS, N=$N, $(nproc) cores on this machine"
for m in $MODES; do
  heap=-Xmx1536m; [ "$m" = a ] && heap=-Xmx3g
  t=1; [ "$m" = c ] && t="$THREADS"
  java $heap -XX:+UseParallelGC -cp "$CP" org.claimwire.nlp.bench.NlpBench --mode "$m" --n "$N" --threads "$t" --corpus "$CORPUS" 2>/dev/null
done
