CREATE TABLE stock_levels (
  product_id BIGINT UNSIGNED NOT NULL,
  warehouse VARCHAR(32) NOT NULL,
  quantity INT NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, warehouse),
  CONSTRAINT stock_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT stock_quantity_nonneg CHECK (quantity >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE products ADD INDEX products_status_created (status, created_at), ALGORITHM=INPLACE, LOCK=NONE;
