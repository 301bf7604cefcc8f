#!/usr/bin/env bash
# Bulk approval (TOR 2.5.7) of N one-page documents through the API: a signer approves them in one request and the
# job's workers sign each (organisation key on the signer's behalf, PAdES B-B, visible approval mark). Printed as
# documents/s and the service's CPU per signature, each against the raw RSA-2048 ceiling measured in the same run.
# People log in through a stub OpenID provider (bench/OidcStub.java) whose key the benchmark mints tokens with.
# Usage: bench/approve.sh [N=200]    BENCH_DB (default longnam_bench_approve), BENCH_PORT (default 18091).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
export BENCH_DB="${BENCH_DB:-longnam_bench_approve}" BENCH_PORT="${BENCH_PORT:-18091}"
. scripts/env.sh
select_jdk

CA_DIR="$PWD/target/bench-approve-ca"
. bench/ca.sh
bench_ca "$CA_DIR"

OIDC_PORT="${OIDC_PORT:-18092}"
"$JAVA_HOME/bin/java" bench/OidcStub.java "$OIDC_PORT" "$CA_DIR" > target/bench-oidc.log 2>&1 &
OIDC_PID=$!
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$OIDC_PORT/jwks" >/dev/null && break; sleep 1; done
export QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$OIDC_PORT"
. bench/common.sh
trap 'kill $SERVICE_PID $OIDC_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null' EXIT
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" bench/ApproveBench.java "$BASE_URL" "$ADMIN_KEY" "$CA_DIR" "$N" "$QUARKUS_OIDC_AUTH_SERVER_URL" \
  "$CA_DIR" "$SERVICE_PID"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
