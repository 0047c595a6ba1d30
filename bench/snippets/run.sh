#!/usr/bin/env bash
# Search snippet benchmark (not part of mvn verify): the JVM snippets of query-service's search pages
# (search.Snippets) against the code they replaced (the test oracle ReferenceSnippets), on Reuters-21578 excerpts,
# thread CPU time per excerpt, old and new alternating in one run.
# Usage: bench/snippets/run.sh [corpus dir (default ../shared/corpora/reuters21578 or $REUTERS_DIR)] [rounds, default 7]
# Builds query-service and its test classes through the reactor (a fresh clone works; nothing goes into ~/.m2), then
# compiles SnippetsBench into query-service's package (it calls package-private code) under bench/snippets/target.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CORPUS=${1:-${REUTERS_DIR:-$ROOT/../shared/corpora/reuters21578}}
ROUNDS=${2:-7}
WORK="$HERE/target"
mkdir -p "$WORK"
CP_FILE="$WORK/query-test.classpath"
(cd "$ROOT" && mvn -B -q -pl query-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)
CP="$ROOT/query-service/target/classes:$ROOT/query-service/target/test-classes:$(cat "$CP_FILE")"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" "$HERE/SnippetsBench.java"
java -cp "$WORK/classes:$CP" org.claimwire.query.search.SnippetsBench "$CORPUS" "$ROUNDS" | tee "$WORK/results.txt"
