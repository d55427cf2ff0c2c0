#!/usr/bin/env bash
# Parse benchmark for the SQL reader: statements per second and the share of statements by
# ParseStatus (JSqlParser / recogniser / unparsed), cold (new JVM, wall time included) and warm.
#
#   bench/parse-bench.sh [CORPUS_DIR]     default: bench/data/pg-corpus (generated when missing)
#
# Environment: ITERATIONS (warm passes, default 15), JAVA_OPTS (extra JVM flags), REGEN=1 to
# regenerate the corpus, DIALECT (default postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS="${1:-bench/data/pg-corpus}"
ITERATIONS="${ITERATIONS:-15}"
DIALECT="${DIALECT:-postgresql}"
JAVA_OPTS="${JAVA_OPTS:-}"
JAR=target/db-migrate.jar
BUILD=bench/data/.build

if [[ ! -d "$CORPUS" || "${REGEN:-0}" == 1 ]]; then
  python3 bench/gen_pg_corpus.py --out "$CORPUS"
fi
if [[ ! -f "$JAR" || -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "building $JAR ..."
  mvn -B -o -q package -DskipTests
fi
mkdir -p "$BUILD"
if [[ ! -f "$BUILD/ParseBench.class" || bench/ParseBench.java -nt "$BUILD/ParseBench.class" || "$JAR" -nt "$BUILD/ParseBench.class" ]]; then
  javac -d "$BUILD" -cp "$JAR" bench/ParseBench.java
fi
CP="$JAR:$BUILD"

ms() { date +%s%N | cut -c1-13; }

echo "== cold: new JVM, one pass (wall includes JVM start, reading the files, parsing)"
t0=$(ms)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" ParseBench "$CORPUS" --iterations 1 --dialect "$DIALECT"
t1=$(ms)
echo "wall: $((t1 - t0)) ms"

echo
echo "== cold, 2 threads (as the server parses files in parallel)"
t0=$(ms)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" ParseBench "$CORPUS" --iterations 1 --threads 2 --dialect "$DIALECT" | tail -n +5
t1=$(ms)
echo "wall: $((t1 - t0)) ms"

echo
echo "== warm: same JVM, $ITERATIONS passes, 1 thread"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" ParseBench "$CORPUS" --iterations "$ITERATIONS" --dialect "$DIALECT" | tail -n +5

echo
echo "== baseline: JVM start alone (java -version)"
t0=$(ms)
java $JAVA_OPTS -version >/dev/null 2>&1
t1=$(ms)
echo "wall: $((t1 - t0)) ms"
