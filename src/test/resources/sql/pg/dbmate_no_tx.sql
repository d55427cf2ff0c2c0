-- migrate:up transaction:false
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_idx;
REINDEX INDEX CONCURRENTLY orders_status_created_idx;
