-- orders belong to customers
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT UNSIGNED NOT NULL REFERENCES customers (id),
  status ENUM('pending','paid','shipped') NOT NULL DEFAULT 'pending',
  total DECIMAL(10,2) NOT NULL,
  note VARCHAR(255) NULL
) ENGINE=InnoDB;

CREATE INDEX orders_customer_id ON orders (customer_id);
