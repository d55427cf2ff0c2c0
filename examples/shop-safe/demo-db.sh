#!/usr/bin/env bash
# A demo database for the walkthrough (docs/walkthrough.md): the shop's first four migrations applied with
# psql and recorded in _prisma_migrations the way `prisma migrate deploy` records them, plus a few rows.
#
#   examples/shop-safe/demo-db.sh create [DBNAME]                 # default DBNAME: shop_demo
#   examples/shop-safe/demo-db.sh apply  DBNAME MIGRATION_FOLDER  # apply and record one more migration
#   examples/shop-safe/demo-db.sh drop   [DBNAME]
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); default 127.0.0.1:5432, postgres.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
action=${1:?usage: $0 create|apply|drop [DBNAME] [MIGRATION_FOLDER]}
db=${2:-shop_demo}
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# Runs one migration.sql and records it, as `prisma migrate deploy` does: in one transaction unless the
# file is a lone CONCURRENTLY statement (Prisma then runs it outside a transaction block).
apply() {
    local dir=${1%/} name file checksum
    name=$(basename "$dir")
    file=$dir/migration.sql
    if grep -qi 'CONCURRENTLY' "$file"; then psql_db -f "$file"; else psql_db -1 -f "$file"; fi
    checksum=$(sha256sum "$file" | cut -d' ' -f1)
    psql_db -c "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
                VALUES (gen_random_uuid(), '$checksum', now(), '$name', now(), 1)"
}

case "$action" in
drop)
    dropdb --if-exists "$db"
    exit 0 ;;
apply)
    apply "${3:?usage: $0 apply DBNAME MIGRATION_FOLDER}"
    exit 0 ;;
create) ;;
*) echo "usage: $0 create|apply|drop [DBNAME] [MIGRATION_FOLDER]" >&2; exit 2 ;;
esac

createdb "$db"
# The table Prisma creates on the first `migrate deploy`.
psql_db <<'SQL'
CREATE TABLE "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);
SQL
for name in 20240105093000_init 20240118141500_orders 20240202100000_order_items 20240220083000_shipping_address; do
    apply "$here/prisma/migrations/$name"
done
# Rows: 3 customers (one e-mail address is 120 characters long), 2 products, 5,000 orders (every tenth
# without a legacy_note) and one item per order.
psql_db <<'SQL'
INSERT INTO customers (email, full_name) VALUES
    ('ada@example.com', 'Ada'), ('grace@example.com', 'Grace'),
    (repeat('x', 108) || '@example.com', 'Long Address');
INSERT INTO products (sku, title, price_cents) VALUES ('MUG-1', 'Mug', 900), ('TEE-1', 'T-shirt', 1900);
INSERT INTO orders (customer_id, status, legacy_note)
    SELECT 1 + g % 3, 'PENDING', CASE WHEN g % 10 = 0 THEN NULL ELSE 'imported' END FROM generate_series(1, 5000) g;
INSERT INTO order_items (order_id, product_id, quantity) SELECT id, 1 + id % 2, 1 FROM orders;
ANALYZE;
SQL
echo "created database $db on $PGHOST:$PGPORT: 4 migrations applied, 5000 orders"
