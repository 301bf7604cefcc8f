#!/usr/bin/env bash
# PAdES B-B seals of one-page PDFs through the API with the software and the pkcs11 (SoftHSM2) key providers,
# at 1, 2 x cores, 16 and 50 client threads, printed as seals/s with p50/p99 latency and as a ratio to the raw
# RSA-2048 ceiling of this machine (all cores) measured in the same run. Registration of the PDFs is not timed.
# Usage: bench/seal.sh [N=1000 seals per measurement] [providers=software,pkcs11]
#   PROFILE=1  records the software run at 16 clients with JFR into target/seal.jfr and prints its hot methods.
#   BENCH_DB (default longnam_bench_seal), BENCH_PORT (default 18090): see common.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
PROVIDERS="${2:-software,pkcs11}"
export BENCH_DB="${BENCH_DB:-longnam_bench_seal}" BENCH_PORT="${BENCH_PORT:-18090}"
. scripts/env.sh
ensure_test_tools

# A private SoftHSM2 token for this run.
HSM_DIR="$PWD/target/bench-softhsm"
rm -rf "$HSM_DIR" && mkdir -p "$HSM_DIR/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$HSM_DIR/tokens" > "$HSM_DIR/softhsm2.conf"
export SOFTHSM2_CONF="$HSM_DIR/softhsm2.conf"
softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null
export LONGNAM_KMS_PKCS11_ENABLED=true LONGNAM_KMS_PKCS11_LIBRARY=/usr/lib/softhsm/libsofthsm2.so \
  LONGNAM_KMS_PKCS11_TOKEN_LABEL=bench LONGNAM_KMS_PKCS11_PIN=1234
LONGNAM_KMS_SOFTWARE_MASTER_KEY="$(openssl rand -base64 32)"
export LONGNAM_KMS_SOFTWARE_MASTER_KEY

CA_DIR="$PWD/target/bench-ca"
. bench/ca.sh
bench_ca "$CA_DIR"

JFR_FILE=""
if [ -n "${PROFILE:-}" ]; then JFR_FILE="$PWD/target/seal.jfr"; rm -f "$JFR_FILE"; fi
. bench/common.sh
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" bench/SealBench.java "$BASE_URL" "$ADMIN_KEY" "$CA_DIR" "$N" "$PROVIDERS" \
  "$SERVICE_PID" ${JFR_FILE:+"$JFR_FILE"}
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$JFR_FILE" ] && [ -f "$JFR_FILE" ]; then
  echo "--- JFR hot methods (top frames), software provider at 16 clients: $JFR_FILE"
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$JFR_FILE" 2>/dev/null | head -30 || true
  echo "--- inclusive CPU shares of the seal path"
  "$JAVA_HOME/bin/jfr" print --stack-depth 300 --events jdk.ExecutionSample "$JFR_FILE" \
    | python3 bench/jfr-inclusive.py 'longnam|esig\.dss\.(pades|pdf|cms|signature)|pdfbox\.(Loader|pdfwriter|pdmodel\.PDDocument\.save)|bouncycastle\.cms\.CMSSignedDataGenerator|oddModPow|ServiceLoader\.load|SessionImpl\.(flush|find)|commit\(' 45
fi
