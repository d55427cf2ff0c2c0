#!/usr/bin/env bash
# Replays docs/walkthrough.md: every tool call of the session, through the real MCP server over stdio, on a
# scratch copy of examples/shop and two scratch PostgreSQL databases (dropped at the end). Each tool result
# lands in OUTDIR as NN_name.txt (the text the model sees) and NN_name.json (the whole result).
#
#   mvn -B -q -DskipTests package && examples/walkthrough.sh [OUTDIR]
#
# Needs: java 17+, psql/createdb/dropdb reaching a PostgreSQL server (libpq variables; default
# 127.0.0.1:5432, user postgres), jq, and an MCP client: MCP_INSPECTOR (default:
# npx -y @modelcontextprotocol/inspector@0.15.0, which runs on Node 20).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-walkthrough-out}" && cd "${1:-walkthrough-out}" && pwd)
jar=$repo/target/db-migrate.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
read -r -a inspector <<<"${MCP_INSPECTOR:-npx -y @modelcontextprotocol/inspector@0.15.0}"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
staging=${STAGING_DB:-shop_staging} prod=${PROD_DB:-shop_prod}
url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
db=$repo/examples/shop-safe/demo-db.sh
safe=$repo/examples/shop-safe

# The project copy lives in WORK_DIR/shop (WORK_DIR default: a new temporary directory).
work=${WORK_DIR:-$(mktemp -d)}
[ ! -e "$work/shop" ] || { echo "$work/shop exists already" >&2; exit 2; }
mkdir -p "$work"
cleanup() { "$db" drop "$staging"; "$db" drop "$prod"; rm -rf "$work/shop"; }
trap cleanup EXIT

# call NN_name tool key=value...: one tools/call from the project directory (the server's working directory).
call() {
    local name=$1 tool=$2 args=()
    shift 2
    for a in "$@"; do args+=(--tool-arg "$a"); done
    (cd "$work/shop" && "${inspector[@]}" --cli java -jar "$jar" --method tools/call --tool-name "$tool" "${args[@]}") >"$out/$name.json"
    jq -r '.content[0].text' "$out/$name.json" >"$out/$name.txt"
    echo "== $name: $tool $*  (isError: $(jq -r '.isError' "$out/$name.json"))"
}

# The scene: the shop project with the new, risky migration not yet committed; staging and production have
# the first four migrations; someone added an index to production by hand.
cp -r "$repo/examples/shop" "$work/shop"
"$db" create "$staging"
"$db" create "$prod"
psql -X -q -d "$prod" -c 'CREATE INDEX orders_status_idx ON orders (status)'

# /db-migrate setup
call 01_detect detect_orm
call 02_history_files migration_history projectPath=.
cp "$safe/.db-migrate.yml" "$work/shop/.db-migrate.yml"

# /db-migrate validate <staging url>
call 03_validate_risky validate_migration path=prisma/migrations/20240305120000_tighten_orders/migration.sql "databaseUrl=$(url "$staging")"

# the safe rewrite: the unapplied migration replaced by the expand phase (examples/shop-safe)
rm -r "$work/shop/prisma/migrations/20240305120000_tighten_orders"
cp -r "$safe/prisma/migrations/20240305120000_expand_orders" "$safe/prisma/migrations/20240305120100_orders_created_at_idx" "$work/shop/prisma/migrations/"
cp "$safe/prisma/schema.prisma" "$work/shop/prisma/schema.prisma"
call 04_validate_expand validate_migration path=prisma/migrations/20240305120000_expand_orders/migration.sql "databaseUrl=$(url "$staging")"
call 05_validate_index validate_migration path=prisma/migrations/20240305120100_orders_created_at_idx/migration.sql "databaseUrl=$(url "$staging")"

# /db-migrate plan prisma/migrations/20240305120000_expand_orders <staging url>
call 06_rollback plan_rollback projectPath=. target=20240220083000_shipping_address
call 07_drift_staging check_drift projectPath=. "databaseUrl=$(url "$staging")"
call 07a_dry_run_expand dry_run_migration projectPath=. migration=20240305120000_expand_orders
call 07b_dry_run_index dry_run_migration projectPath=. migration=20240305120100_orders_created_at_idx

# the user deploys to staging (npx prisma migrate deploy; here: psql + the _prisma_migrations rows)
"$db" apply "$staging" "$work/shop/prisma/migrations/20240305120000_expand_orders"
"$db" apply "$staging" "$work/shop/prisma/migrations/20240305120100_orders_created_at_idx"

# /db-migrate history staging=<url> prod=<url>
call 08_history_envs migration_history projectPath=. "databaseUrls=[\"staging=$(url "$staging")\",\"prod=$(url "$prod")\"]"
call 09_drift_prod check_drift projectPath=. "databaseUrl=$(url "$prod")"
call 10_drift_staging check_drift projectPath=. "databaseUrl=$(url "$staging")"
echo "outputs in $out"
