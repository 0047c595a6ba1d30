#!/usr/bin/env bash
# Ask on real wire copy (issue 20), not part of `mvn verify`:
#   1. enriches the first $STORIES (default 3000) Reuters-21578 stories with nlp-service's own pipeline, in process
#      (Enrich.java; cached in bench/ask/target/reuters-$STORIES.ndjson, never committed: it holds corpus text),
#   2. loads them through query-service's StoryStore into a fresh embedded PostgreSQL (Eval.java; the database is
#      kept under bench/ask/target/eval-pg and reused while the enriched file is unchanged),
#   3. asks every question of questions.tsv through AskService over the PostgreSQL claim index (what
#      GET /api/v1/ask runs) and reports answered-correctly and first-citation precision. VERBOSE=1 prints each answer.
# QUESTIONS=questions-heldback.tsv asks the held-back set instead (never used to tune a rule; see README.md).
# QS_CLASSES=<dir or jar> evaluates another build of query-service (e.g. a packaged quarkus-app's app/*.jar).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-$HERE/target}
STORIES=${STORIES:-3000}
QUESTIONS=${QUESTIONS:-$HERE/questions.tsv}
[[ "$QUESTIONS" == /* ]] || QUESTIONS="$HERE/$QUESTIONS"
THREADS=${THREADS:-2}
REUTERS=${REUTERS_DIR:-$ROOT/../shared/corpora/reuters21578}
mkdir -p "$WORK"
ENRICHED="$WORK/reuters-$STORIES.ndjson"
if [[ ! -s "$ENRICHED" ]]; then
  (cd "$ROOT" && mvn -B -q -pl nlp-service -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/nlp.classpath")
  java -Xmx3g -cp "$ROOT/nlp-service/target/classes:$(cat "$WORK/nlp.classpath")" "$HERE/Enrich.java" \
    "$REUTERS" "$STORIES" "$ENRICHED.part" "$THREADS"
  mv "$ENRICHED.part" "$ENRICHED"
fi
(cd "$ROOT" && mvn -B -q -pl query-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/query.classpath")
java -Xmx2g -cp "${QS_CLASSES:-$ROOT/query-service/target/classes}:$(cat "$WORK/query.classpath")" "$HERE/Eval.java" \
  "$ENRICHED" "$QUESTIONS" "$WORK" ${VERBOSE:+-v} | tee "$WORK/eval-results.txt"
