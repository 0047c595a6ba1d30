#!/usr/bin/env bash
# "Ask me anything" latency benchmark (not part of `mvn verify`):
#   1. starts PostgreSQL (test-support's zonky-based embedded server) with its data under bench/ask/target,
#   2. starts the packaged query-service (its Flyway creates the schema) on $APP_PORT (default 18084),
#   3. loads $STORIES (default 10000) synthetic stories' worth of rows with the real shape, using the query
#      benchmark's generator (bench/query/Generate.java, read-only use; Reuters sentences when the corpus exists),
#   4. builds a list of questions from what is stored (popular people and organisations, their titles, words of
#      claims, plus questions about nothing stored) and measures GET /api/v1/ask with AskBench.java:
#      a warm-up pass, then closed-loop rounds with 1 client and with 2 clients. Target: p99 <= 150 ms.
# REUSE=1 keeps the database and question list of the previous run (no regeneration): alternate builds on the same
# data with QS_APP=<path to a packaged quarkus-app>. Results: bench/ask/target/results.txt. Everything it started
# stops on exit.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-$HERE/target}
STORIES=${STORIES:-10000}
ROUNDS=${ROUNDS:-3}
PG_PORT=${PG_PORT:-55434}
APP_PORT=${APP_PORT:-18084}
M2=${MAVEN_REPO:-$HOME/.m2/repository}
APP=${QS_APP:-$ROOT/query-service/target/quarkus-app}
REUTERS=${REUTERS_DIR:-$ROOT/../shared/corpora/reuters21578}

mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
APP_PID=""
DB_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -n "$DB_PID" ]] && kill -0 "$DB_PID" 2>/dev/null; then kill "$DB_PID"; wait "$DB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM
log() { echo "[bench-ask] $*" | tee -a "$RESULTS"; }
: > "$RESULTS"

if [[ ! -f "$APP/quarkus-run.jar" || "${BUILD:-0}" == "1" ]]; then
  log "building query-service"
  (cd "$ROOT" && mvn -B -q -pl query-service -am package -DskipTests)
fi

# PostgreSQL through test-support's embedded server (zonky binaries; a plain initdb refuses to run as root)
CP_FILE="$WORK/test-support.classpath"
(cd "$ROOT" && mvn -B -q -pl test-support dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null)
REUSE=${REUSE:-0}
[[ "$REUSE" == 1 && -f "$WORK/questions.txt" && -d "$WORK/pgdata" ]] || REUSE=0
java -cp "$ROOT/test-support/target/classes:$(cat "$CP_FILE")" "$HERE/Db.java" "$WORK" "$PG_PORT" "$REUSE" > "$WORK/db.log" 2>&1 &
DB_PID=$!
for _ in $(seq 1 120); do grep -q READY "$WORK/db.log" 2>/dev/null && break; sleep 1; done
grep -q READY "$WORK/db.log" || { echo "PostgreSQL did not start; see $WORK/db.log"; exit 1; }
PG_DRIVER=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
JDBC="jdbc:postgresql://localhost:$PG_PORT/claimwire"

java -Xms512m -Xmx1g \
  -Dquarkus.http.port="$APP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="$JDBC" -Dquarkus.datasource.username=claimwire -Dquarkus.datasource.password=claimwire \
  -Dkafka.bootstrap.servers=127.0.0.1:1 -Dmp.messaging.incoming.enriched-in.enabled=false -Dquarkus.log.level=WARN \
  -jar "$APP/quarkus-run.jar" > "$WORK/query-service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APP_PORT/q/health/live" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "query-service died; see $WORK/query-service.log"; exit 1; }
  sleep 1
done
log "query-service up on :$APP_PORT"

[[ "$REUSE" == 1 ]] || java -Xmx2g -cp "$PG_DRIVER:$ROOT/test-support/target/classes" "$ROOT/bench/query/Generate.java" "$JDBC" claimwire claimwire "$STORIES" "$REUTERS" >> "$WORK/generate.log"
Q() { java -cp "$PG_DRIVER" "$HERE/Sql.java" "$JDBC" "$1"; }
Q "ANALYZE" >/dev/null
log "dataset: $(Q "SELECT 'stories=' || (SELECT count(*) FROM query.stories) || ' entities=' || (SELECT count(*) FROM query.entities) || ' mentions=' || (SELECT count(*) FROM query.mentions) || ' claims=' || (SELECT count(*) FROM query.claims) || ' db=' || pg_size_pretty(pg_database_size('claimwire'))")"

# --- questions from what is stored: speakers ranked by claims, pairs of co-mentioned people, titles, claim words
QF="$WORK/questions.txt"
[[ "$REUSE" == 1 ]] || Q "WITH s AS (SELECT e.canonical_name n, e.id FROM query.entities e WHERE e.type = 'PERSON'
              AND EXISTS (SELECT 1 FROM query.claims c WHERE c.speaker_entity_id = e.id) ORDER BY random() LIMIT 60),
      p AS (SELECT a.n a, b.n b FROM s a JOIN s b ON a.id < b.id ORDER BY random() LIMIT 60)
   SELECT q FROM (
     SELECT 'Did ' || a || ' and ' || b || ' speak by phone?' q FROM p
     UNION ALL SELECT 'What did ' || a || ' say about ' || b || '?' FROM p
     UNION ALL SELECT 'When will ' || a || ' meet ' || b || '?' FROM p LIMIT 140) x
   UNION ALL SELECT 'Who is ' || n || '?' FROM (SELECT n FROM s LIMIT 30) y
   UNION ALL SELECT 'Who said ' || w || '?' FROM (SELECT word w FROM ts_stat('SELECT tsv FROM query.claims TABLESAMPLE SYSTEM (2)')
        WHERE length(word) > 4 AND word ~ '^[a-z]+$' AND ndoc BETWEEN 5 AND 500 ORDER BY random() LIMIT 30) z
   UNION ALL SELECT 'Did the ' || name || ' deny the report?' FROM (SELECT DISTINCT name FROM query.entity_aliases
        WHERE kind = 'TITLE' ORDER BY 1 LIMIT 10) t" > "$QF"
[[ "$REUSE" == 1 ]] || cat >> "$QF" <<'QS'
Did Trump and Putin speak by phone?
Who is Dmitry Peskov?
When will Trump meet Zelensky?
Did the Pope visit Antarctica?
What is the weather tomorrow?
Who won the football match?
QS
log "questions: $(wc -l < "$QF") (people, pairs, titles and claim words from the data; 6 fixed)"

BASE="http://127.0.0.1:$APP_PORT"
java "$HERE/AskBench.java" "$BASE" "$QF" "$ROUNDS" 1 | tee -a "$RESULTS"
java "$HERE/AskBench.java" "$BASE" "$QF" "$ROUNDS" 2 | tee -a "$RESULTS"
log "example: $(curl -fs "$BASE/api/v1/ask?q=$(head -1 "$QF" | sed 's/ /%20/g; s/?/%3F/g')" | head -c 600)"
log "done; results in $RESULTS"
