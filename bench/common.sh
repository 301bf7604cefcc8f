# Starts the packaged service against a fresh benchmark database; source from a bench script.
# Sets BASE_URL, ADMIN_KEY and SERVICE_PID, and stops the service on exit.
# Overridable: BENCH_DB (database, dropped and re-created), BENCH_PORT, BENCH_JAVA_OPTS (e.g. JFR flags), REBUILD=1,
# BENCH_APP (a packaged quarkus-app directory to run instead of target/quarkus-app, e.g. a copy of an earlier build).
# Exported LONGNAM_* variables (KMS providers, ...) reach the service.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/env.sh
select_jdk
ensure_postgres
BENCH_DB="${BENCH_DB:-longnam_bench}"
BENCH_PORT="${BENCH_PORT:-18080}"
runuser -u postgres -- psql -qAt -c "drop database if exists $BENCH_DB" >/dev/null
ensure_postgres "$BENCH_DB"
BENCH_APP="${BENCH_APP:-target/quarkus-app}"
[ -f "$BENCH_APP/quarkus-run.jar" ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -ntp -q package -DskipTests
# The software key provider refuses to start without a master key outside dev/test; a throwaway one per run.
export LONGNAM_KMS_SOFTWARE_MASTER_KEY="${LONGNAM_KMS_SOFTWARE_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}"
ADMIN_KEY="ln_benchadm_$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 43)"
BASE_URL="http://127.0.0.1:$BENCH_PORT"
LONGNAM_BOOTSTRAP_API_KEY="$ADMIN_KEY" QUARKUS_HTTP_PORT="$BENCH_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" QUARKUS_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$BENCH_APP/quarkus-run.jar" > target/bench-service.log 2>&1 &
SERVICE_PID=$!
export SERVICE_PID
trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE_URL/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$BASE_URL/q/health/ready" >/dev/null || die "service did not start; see target/bench-service.log"
export BASE_URL ADMIN_KEY BENCH_DB
bench_sql() { runuser -u postgres -- psql -qAt -d "$BENCH_DB" -c "$1"; }
