#!/usr/bin/env bash
# Thai word/line breaking quality of the JDK's BreakIterator against ICU4J's, on the hand-segmented corpus in
# bench/thai-breaks/corpus.txt: boundary precision/recall/F1, bad (mid-word) breaks with context, time per 1,000 sentences.
# No service, no database. Usage: bench/thai-breaks.sh [bad breaks listed per breaker=10]
#   ICU4J_VERSION (default 76.1): the jar is taken from ~/.m2, fetched with dependency:get when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
select_jdk
ICU4J_VERSION="${ICU4J_VERSION:-76.1}"
JAR="${MAVEN_REPO:-$HOME/.m2/repository}/com/ibm/icu/icu4j/$ICU4J_VERSION/icu4j-$ICU4J_VERSION.jar"
if [ ! -s "$JAR" ]; then
  log "fetching com.ibm.icu:icu4j:$ICU4J_VERSION"
  ./mvnw -B -ntp -q dependency:get -Dartifact="com.ibm.icu:icu4j:$ICU4J_VERSION" -Dtransitive=false
fi
[ -s "$JAR" ] || die "icu4j $ICU4J_VERSION not found at $JAR"
"$JAVA_HOME/bin/java" -cp "$JAR" bench/ThaiBreaks.java bench/thai-breaks/corpus.txt "${1:-10}"
