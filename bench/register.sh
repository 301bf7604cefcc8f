#!/usr/bin/env bash
# Registers N one-page PDFs sequentially through the API; prints documents/s and database bytes per document.
# Usage: bench/register.sh [N=1000]
#   PROFILE=1 records the service with JFR (settings=profile) into target/register.jfr and prints its hot methods.
set -euo pipefail
if [ -n "${PROFILE:-}" ]; then
  rm -f "$(dirname "$0")/../target/register.jfr"
  BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g} -XX:StartFlightRecording=filename=target/register.jfr,settings=profile"
fi
. "$(dirname "$0")/common.sh"
N="${1:-1000}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" bench/RegisterBench.java "$BASE_URL" "$ADMIN_KEY" "$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
DOCS=$(bench_sql "select count(*) from document")
BYTES=$(bench_sql "select sum(pg_total_relation_size(c)) from unnest(array['document','document_version','blob','audit_event','idempotency_record']::regclass[]) c")
BLOB=$(bench_sql "select coalesce(sum(size_bytes),0) from blob")
echo "database: $DOCS documents, $BYTES bytes in document tables (incl. indexes, audit), $((BYTES / DOCS)) bytes/document; PDF payload $((BLOB / DOCS)) bytes/document"
if [ -n "${PROFILE:-}" ]; then
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true  # JFR writes the recording on exit
  echo "--- JFR hot methods: target/register.jfr (inclusive shares: jfr print --stack-depth 300 --events jdk.ExecutionSample target/register.jfr | bench/jfr-inclusive.py)"
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods target/register.jfr 2>/dev/null | head -30 || true
fi
