#!/usr/bin/env bash
# Soak run: ingest the whole Reuters-21578 corpus through the demo stack and report accepted / duplicates /
# rejected (with reasons) / enriched / stored / DLQ counts, end-to-end latency p50/p99, throughput and peak
# RSS of each process. Usage: bench/soak/soak.sh [--corpus DIR] [--limit N] [--batch N] [--settle-minutes M]
# Starts the demo (./claimwire demo) if it is not running, and stops it afterwards if it started it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
started=0
mkdir -p .work
if ! curl -fsS -o /dev/null http://localhost:8081/q/health/ready 2>/dev/null; then
  echo "soak: starting the demo stack"
  ./claimwire demo > .work/soak-demo.out 2>&1 &
  started=1
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null http://localhost:8082/q/health/ready 2>/dev/null && \
    curl -fsS -o /dev/null http://localhost:8083/q/health/ready 2>/dev/null && break
    sleep 1
  done
  sleep 5 # let the sample stories pass
fi
trap '[[ $started = 1 ]] && ./claimwire stop' EXIT
jdbc="${CLAIMWIRE_DB_URL:-$(cat .work/postgres/jdbc-url 2>/dev/null)}"
java -cp "$ROOT/devstack/target/classes:$(cat devstack/target/runtime.classpath)" bench/soak/Soak.java \
  --jdbc "$jdbc" --key-file .work/demo-admin.key "$@" | tee .work/soak-report.txt
