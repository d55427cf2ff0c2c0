ALTER TABLE products DROP FOREIGN KEY products_supplier_fk;
ALTER TABLE products DROP INDEX products_supplier_sku_unique, ADD UNIQUE INDEX products_sku_unique (sku);
ALTER TABLE products DROP COLUMN supplier_id;
DROP TABLE suppliers;
RENAME TABLE stock_levels TO inventory;
