#!/usr/bin/env bash
# Whole-folder validate benchmark, side by side with squawk, plus the warm MCP latency.
#
#   bench/validate-bench.sh [RUNS]        (default 3 runs of each)
#
# 1. Generates (once) a real-world-like PostgreSQL history of 2,000 golang-migrate migrations
#    (~15k statements, ~3 MB) with bench/gen_pg_corpus.py, into bench/data/corpus-gm.
# 2. Times `db-migrate validate <folder> --format json` (a new JVM each run: JVM start included),
#    through bin/db-migrate (the CLI launcher: AppCDS archive, C1 compiler) and plain `java -jar`,
#    and `squawk` on the same .up.sql files, alternating, and prints wall and CPU seconds and
#    statements per second. squawk comes from npm (squawk-cli, whose binary is an npm package).
# 3. Generates a 200-migration history (bench/data/corpus-200) and measures validate_migration on its
#    last migration over MCP with the SDK client: first call, then warm median/p90/max.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=target/db-migrate.jar
BUILD=bench/data/.build
CORPUS=bench/data/corpus-gm
SMALL=bench/data/corpus-200

if [[ ! -f "$JAR" || -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "building $JAR ..."
  mvn -B -q -DskipTests package
fi
[[ -d "$CORPUS" ]] || python3 bench/gen_pg_corpus.py --out "$CORPUS" --layout golang-migrate
[[ -d "$SMALL" ]] || python3 bench/gen_pg_corpus.py --out "$SMALL" --layout golang-migrate --files 200

SQUAWK=bench/data/npm/node_modules/.bin/squawk
if [[ ! -x "$SQUAWK" ]]; then
  echo "installing squawk-cli from npm into bench/data/npm ..."
  npm install --silent --no-audit --no-fund --prefix bench/data/npm squawk-cli@2.66.0 >/dev/null 2>&1 || echo "(squawk not installable: skipping it)"
fi

files=$(ls "$CORPUS"/migrations/*.up.sql | wc -l)
stmts=$(java -jar "$JAR" validate "$CORPUS/migrations" --dialect postgresql --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["statements"])' || true)
echo "corpus: $files migrations, $stmts statements, $(du -sh "$CORPUS/migrations" | cut -f1)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # label, command...
  local label=$1; shift
  local t
  t=$(mktemp)
  /usr/bin/time -o "$t" -f "%e %U %S" "$@" >/dev/null 2>/dev/null || true
  read -r wall user sys < <(tail -1 "$t")
  rm -f "$t"
  printf '%-28s wall %6.2f s   cpu %6.2f s   %8.0f statements/s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$stmts / $wall" | bc -l)"
}
bin/db-migrate --version >/dev/null  # builds the AppCDS archive once
for i in $(seq "$RUNS"); do
  echo "-- run $i"
  run "db-migrate (bin/db-migrate)" bin/db-migrate validate "$CORPUS/migrations" --dialect postgresql --format json
  run "db-migrate (java -jar)" java -jar "$JAR" validate "$CORPUS/migrations" --dialect postgresql --format json
  [[ -x "$SQUAWK" ]] && run "squawk 2.66.0" "$SQUAWK" "$CORPUS"/migrations/*.up.sql
done

mkdir -p "$BUILD"
if [[ ! -f "$BUILD/McpWarmBench.class" || bench/McpWarmBench.java -nt "$BUILD/McpWarmBench.class" ]]; then
  javac -d "$BUILD" -cp "$JAR" bench/McpWarmBench.java
fi
last=$(ls "$SMALL"/migrations/*.up.sql | tail -1)
echo "-- warm MCP calls"
java -cp "$JAR:$BUILD" McpWarmBench "$JAR" "$last" 50
