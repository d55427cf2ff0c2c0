ALTER TABLE stock_levels DROP COLUMN reserved;
ALTER TABLE stock_levels DROP CONSTRAINT stock_quantity_range;
ALTER TABLE stock_levels ADD CONSTRAINT stock_quantity_nonneg CHECK (quantity >= 0);
DROP INDEX suppliers_name_prefix ON suppliers;
ALTER TABLE products RENAME INDEX products_status_created_idx TO products_status_created;
ALTER TABLE products DROP INDEX products_supplier_sku_unique, ADD UNIQUE INDEX products_sku_unique (sku);
