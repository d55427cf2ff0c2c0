SET lock_timeout = '3s';
SET statement_timeout = '15min';

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_created_idx
    ON orders (status, created_at DESC)
    WHERE status <> 'archived';

ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
