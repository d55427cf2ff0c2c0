-- shorten notes, index status, clear old orders
ALTER TABLE orders MODIFY note VARCHAR(50) NULL;
ALTER TABLE orders ADD INDEX orders_status (status), ALGORITHM=INPLACE, LOCK=SHARED;
DELETE FROM orders;
DELETE FROM orders WHERE status = 'refunded';
ALTER TABLE customers DROP COLUMN created_at;
