#!/usr/bin/env bash
# docx + JSON -> registered PDF/A-3 through the API in both render modes (the docx stored once as a template and
# rendered by id with JSON; the same docx uploaded with every render), at 4 clients, against LibreOffice headless
# converting the same merged docx in batch, one process per core with its own profile, in the same run. Prints
# renders/s, p50/p99, the service's CPU ms per render and the ratio to LibreOffice for each mode.
# Usage: bench/render.sh [seconds=20] [batch=50] [clients=4]
#   PROFILE=1  records the second timed round of each API mode with JFR into target/render-{stored,inline}.jfr and prints the inclusive
#              CPU shares of the render path.
#   BENCH_DB (default longnam_bench_render), BENCH_PORT (default 18097): see common.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DB="${BENCH_DB:-longnam_bench_render}" BENCH_PORT="${BENCH_PORT:-18097}"
. scripts/env.sh
select_jdk
ensure_test_tools
. bench/common.sh
[ -s target/cp.txt ] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
WORK=target/bench-render
rm -rf "$WORK"
JFR_DIR=""
if [ -n "${PROFILE:-}" ]; then JFR_DIR="$PWD/target"; rm -f "$JFR_DIR"/render-*.jfr; fi
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg), $(soffice --version | head -1)"
"$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/cp.txt)" bench/RenderBench.java "$WORK" "$BASE_URL" "$ADMIN_KEY" \
  "${1:-20}" "${2:-50}" "${3:-4}" "$SERVICE_PID" ${JFR_DIR:+"$JFR_DIR"}
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$JFR_DIR" ]; then
  for mode in stored inline; do
    echo "--- inclusive CPU shares, $mode mode: $JFR_DIR/render-$mode.jfr"
    "$JAVA_HOME/bin/jfr" print --stack-depth 300 --events jdk.ExecutionSample "$JFR_DIR/render-$mode.jfr" \
      | python3 bench/jfr-inclusive.py 'longnam|xdocreport|lowagie|pdfbox\.(Loader|pdmodel\.PDDocument\.save)|poi\.(xwpf\.usermodel\.XWPFDocument\.<init>|ooxml\.POIXMLDocument\.write)|multipart|Multipart|jackson|SessionImpl\.(flush|find)|commit\(|zxing|ImageIO' 50
  done
fi
