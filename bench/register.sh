#!/usr/bin/env bash
# Registers N one-page PDFs sequentially through the API; prints documents/s and database bytes per document.
# Usage: bench/register.sh [N=1000]
set -euo pipefail
. "$(dirname "$0")/common.sh"
N="${1:-1000}"
"$JAVA_HOME/bin/java" bench/RegisterBench.java "$BASE_URL" "$ADMIN_KEY" "$N"
DOCS=$(bench_sql "select count(*) from document")
BYTES=$(bench_sql "select sum(pg_total_relation_size(c)) from unnest(array['document','document_version','blob','audit_event','idempotency_record']::regclass[]) c")
BLOB=$(bench_sql "select coalesce(sum(size_bytes),0) from blob")
echo "database: $DOCS documents, $BYTES bytes in document tables (incl. indexes, audit), $((BYTES / DOCS)) bytes/document; PDF payload $((BLOB / DOCS)) bytes/document"
