BEGIN;

ALTER TABLE orders ADD COLUMN total_cents bigint;

UPDATE orders SET total_cents = total * 100;

COMMIT;
