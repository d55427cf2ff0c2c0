#!/usr/bin/env bash
# Real-world parse coverage: ParseBench (whole files, and per tool as validate reads them, with
# --jsqlparser-alone) and `validate --format json` on each project of a corpus of public migration
# folders fetched outside the repository (see bench/README.md, "Real-world parse coverage", and
# bench/real-corpus-files.txt for what to fetch and where to put it).
#
#   bench/real-coverage.sh [CORPUS_DIR] [OUT_DIR]     defaults: /work/realcorpus, bench/data/real-coverage
#
# JAR=path/to/db-migrate.jar measures another build (e.g. main's, for a before/after comparison).
# Prints one summary line per project; the full ParseBench output and the validate JSON of each
# project are left in OUT_DIR.
set -uo pipefail
cd "$(dirname "$0")/.."

CORPUS="${1:-/work/realcorpus}"
OUT="${2:-bench/data/real-coverage}"
JAR="${JAR:-target/db-migrate.jar}"
BUILD="$OUT/.build"

if [[ "$JAR" == target/db-migrate.jar && ( ! -f "$JAR" || -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ) ]]; then
  echo "building $JAR ..."
  mvn -B -o -q package -DskipTests || exit 2
fi
JAR="$(realpath "$JAR")"
mkdir -p "$OUT" "$BUILD"
javac -d "$BUILD" -cp "$JAR" bench/ParseBench.java || exit 2
CP="$JAR:$BUILD"

# name | folder parsed whole (every .sql but *.down.sql) | dialect | tool | project root for --tool and validate
PROJECTS='
mattermost-pg|mattermost-pg/migrations|postgresql|golang-migrate|mattermost-pg
mattermost-mysql|mattermost-mysql/migrations|mysql|golang-migrate|mattermost-mysql
calcom|calcom/prisma/migrations|postgresql|prisma|calcom
hawkbit-pg|hawkbit-pg/src/main/resources/db/migration|postgresql|flyway|hawkbit-pg
hawkbit-mysql|hawkbit-mysql/src/main/resources/db/migration|mysql|flyway|hawkbit-mysql
openfga-pg|openfga-pg/migrations|postgresql|goose|openfga-pg
openfga-pg-alt|openfga-pg-alt/migrations|postgresql|goose|openfga-pg-alt
openfga-mysql|openfga-mysql/migrations|mysql|goose|openfga-mysql
openfga-sqlite|openfga-sqlite/migrations|sqlite|goose|openfga-sqlite
navidrome|navidrome/db/migrations|sqlite|goose|navidrome
navidrome-alt|navidrome-alt/db/migrations|sqlite|goose|navidrome-alt
upchieve|upchieve/db/migrations|postgresql|dbmate|upchieve
osm-rails|osm-rails/db|postgresql|rails|osm-rails
'

printf '%-17s %6s %6s %9s %9s %9s %7s %10s %8s %9s %s\n' project files stmts JSqlParser recogniser unparsed tool-stmts tool-unp jsql-alone findings validate-rc
while IFS='|' read -r name dir dialect tool root; do
  [[ -z "$name" ]] && continue
  if [[ ! -d "$CORPUS/$dir" ]]; then
    echo "$name: $CORPUS/$dir missing, skipped"
    continue
  fi
  b="$OUT/$name.bench.txt"
  java -cp "$CP" ParseBench "$CORPUS/$dir" --dialect "$dialect" --all-unparsed --jsqlparser-alone > "$b" 2>&1
  if [[ "$tool" == rails ]]; then
    # a schema dump, not a migration folder: validate reads it as inline SQL
    (cd "$CORPUS/$root" && java -jar "$JAR" validate --dialect "$dialect" --format json --sql "$(cat db/structure.sql)") \
      > "$OUT/$name.validate.json" 2> "$OUT/$name.validate.err"
    rc=$?
  else
    java -cp "$CP" ParseBench "$CORPUS/$root" --dialect "$dialect" --tool "$tool" --all-unparsed >> "$b" 2>&1
    java -jar "$JAR" validate "$CORPUS/$root" --dialect "$dialect" --format json > "$OUT/$name.validate.json" 2> "$OUT/$name.validate.err"
    rc=$?
  fi
  files=$(grep -m1 '^files ' "$b" | sed -E 's/^files ([0-9]+),.*/\1/')
  stmts=$(grep -m1 '^files ' "$b" | sed -E 's/.* ([0-9]+) statements.*/\1/')
  parsed=$(grep -m1 'PARSED   (JSqlParser)' "$b" | awk '{print $3}')
  fallback=$(grep -m1 'FALLBACK (recogniser)' "$b" | awk '{print $3}')
  unparsed=$(grep -m1 '^  UNPARSED' "$b" | awk '{print $2}')
  toolst=$(grep -m1 ' migrations [0-9]' "$b" | sed -E 's/.* ([0-9]+) statements.*/\1/')
  toolun=$(grep '^  UNPARSED' "$b" | sed -n 2p | awk '{print $2}')
  alone=$(grep -m1 'JSqlParser alone' "$b" | sed -E 's/.*accept ([0-9]+) of ([0-9]+) .*/\1/')
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$OUT/$name.validate.json" 2>/dev/null || echo "-")
  printf '%-17s %6s %6s %9s %9s %9s %7s %10s %8s %9s %s\n' "$name" "$files" "$stmts" "$parsed" "$fallback" "$unparsed" \
    "${toolst:--}" "${toolun:--}" "$alone" "$findings" "$rc"
done <<< "$PROJECTS"
echo
echo "UNPARSED statements (whole files and per tool):"
grep -h '  unparsed: ' "$OUT"/*.bench.txt | sed "s|$CORPUS/||" | sort -u
