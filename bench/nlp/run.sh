#!/usr/bin/env bash
# nlp-service enrichment benchmark on Reuters-21578 (read in place by test-support's ReutersCorpus, never copied).
# Usage: bench/nlp/run.sh [N stories, default 300] [threads for (c), default 1] [corpus dir, default $REUTERS_DIR or ../shared/corpora/reuters21578]
# Prints stories/s and tokens/s (total and per core) and heap for:
#   (a) raw CoreNLP default pipeline, (b) raw CoreNLP with the chosen annotators, (c) full Claimwire enrichment.
# Each mode runs in its own JVM; (b) and (c) with -Xmx1536m (the issue's heap budget), (a) with -Xmx3g.
# Env: MODES="c" runs only some modes; BENCH_SKIP_BUILD=1 reuses the last build; NLP_CLASSES=dir measures another
#   build's nlp-service classes (a copy of an older commit's nlp-service/target/classes) with the same libraries,
#   for a before/after in one session; ROUNDS=k repeats the modes k times (alternate builds by calling twice).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${1:-300}"
THREADS="${2:-1}"
CORPUS="${3:-${REUTERS_DIR:-$ROOT/../shared/corpora/reuters21578}}"
MODES="${MODES:-a b c}"
cd "$ROOT"
CP_FILE="$ROOT/nlp-service/target/bench-classpath.txt"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$CP_FILE" ]; then
  # Through the reactor (a fresh clone works; nothing goes into ~/.m2): each module writes the class path file,
  # nlp-service last, and the sibling modules (events, test-support) resolve to their freshly packaged jars.
  mvn -B -q -T1 -pl nlp-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE" >/dev/null
fi
CP="${NLP_CLASSES:-$ROOT/nlp-service/target/classes}:$(cat "$CP_FILE")"
echo "Reuters-21578 from $CORPUS, N=$N, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), classes ${NLP_CLASSES:-of this worktree}"
for _ in $(seq 1 "${ROUNDS:-1}"); do
  for m in $MODES; do
    heap=-Xmx1536m; [ "$m" = a ] && heap=-Xmx3g
    t=1; [ "$m" = c ] && t="$THREADS"
    java $heap -XX:+UseParallelGC -cp "$CP" "$HERE/NlpBench.java" --mode "$m" --n "$N" --threads "$t" --corpus "$CORPUS" 2>/dev/null
  done
done
