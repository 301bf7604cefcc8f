#!/usr/bin/env bash
# docx + JSON -> PDF/A-3 documents/s with the rendering engine (in-process, 2 threads, warm) against LibreOffice
# headless converting the same merged docx (one cold process per file, one process per batch, two batch processes
# in parallel with their own profiles). Prints docs/s for each and the engine / LibreOffice-best ratio.
# Usage: bench/render.sh [engineSeconds=10] [batch=50]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
select_jdk
ensure_test_tools
command -v soffice >/dev/null || apt_install libreoffice-writer-nogui
[ -d target/classes/io/longnam/render ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -ntp -q compile
[ -s target/cp.txt ] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
WORK=target/bench-render
rm -rf "$WORK"
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg), $(soffice --version | head -1)"
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:$(cat target/cp.txt)" bench/RenderBench.java "$WORK" "${1:-10}" "${2:-50}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
