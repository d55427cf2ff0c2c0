-- free-text note from the checkout page
ALTER TABLE orders ADD COLUMN note varchar(500);
