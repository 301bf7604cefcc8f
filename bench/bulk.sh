#!/usr/bin/env bash
# One bulk job of N sealed ปพ.1 (B-B, software RSA-2048 key issued by a throwaway openssl CA) through the API on a
# service limited to -Xmx1g; prints wall time, documents/s and peak heap. Usage: bench/bulk.sh [N=10000]
# JFR=1 also records a flight recording and prints the hottest frames.
set -euo pipefail
export LONGNAM_KMS_SOFTWARE_MASTER_KEY="${LONGNAM_KMS_SOFTWARE_MASTER_KEY:-$(openssl rand -base64 32)}"
BENCH_DB="${BENCH_DB:-longnam_bench_bulk}"
BENCH_PORT="${BENCH_PORT:-18081}"
. "$(dirname "$0")/common.sh"
N="${1:-10000}"
WORK=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null; rm -rf "$WORK"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -out "$WORK/ca.pem" -days 30 -sha256 \
  -subj "/CN=Longnam Bench CA/O=Longnam Bench/C=TH" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
echo "service pid $SERVICE_PID, $(nproc) cores, ${BENCH_JAVA_OPTS:--Xmx1g}, load average $(cut -d" " -f1-3 /proc/loadavg)"
[ -n "${JFR:-}" ] && "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.start name=bulk settings=profile >/dev/null
"$JAVA_HOME/bin/java" -Xmx2g bench/BulkBench.java "$BASE_URL" "$ADMIN_KEY" "$N" "$WORK" "$SERVICE_PID"
echo "after the job: $("$JAVA_HOME/bin/jcmd" "$SERVICE_PID" GC.heap_info | grep -E 'garbage-first heap|total' | head -1 | xargs)"
if [ -n "${JFR:-}" ]; then
  "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.dump name=bulk filename="$PWD/target/bulk.jfr" >/dev/null
  echo "hottest frames (top of stack, JFR execution samples):"
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample target/bulk.jfr \
    | awk '/stackTrace = \[/{getline; print}' | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
fi
DOCS=$(bench_sql "select count(*) from document")
SEALED=$(bench_sql "select count(*) from document where status = 'SEALED'")
echo "database: $DOCS documents, $SEALED sealed; $(bench_sql "select pg_size_pretty(sum(size_bytes)) from blob") of PDFs"
