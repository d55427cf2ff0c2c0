SET lock_timeout = '2s';

BEGIN;
ALTER TABLE orders ADD COLUMN referrer_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_referrer_fk FOREIGN KEY (referrer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_referrer_fk;
