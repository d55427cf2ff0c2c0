ALTER TABLE products DROP INDEX products_status_created;
DROP TABLE stock_levels;
