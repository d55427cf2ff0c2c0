ALTER TABLE products DROP INDEX products_sku_unique, ADD UNIQUE INDEX products_supplier_sku_unique (supplier_id, sku), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE products RENAME INDEX products_status_created TO products_status_created_idx;
CREATE INDEX suppliers_name_prefix ON suppliers (name(20));
ALTER TABLE stock_levels DROP CONSTRAINT stock_quantity_nonneg;
ALTER TABLE stock_levels ADD CONSTRAINT stock_quantity_range CHECK (quantity BETWEEN 0 AND 1000000);
ALTER TABLE stock_levels ADD COLUMN reserved INT NOT NULL DEFAULT 0 AFTER quantity;
